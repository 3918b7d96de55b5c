#!/usr/bin/env bash
# The pre-commit round trip with the real tool: a throw-away git repository uses this checkout's
# .pre-commit-hooks.yaml at its HEAD commit; a commit with a bad reply must be refused with
# replylint's diagnostics, and a clean one must pass. Prints "pre-commit round trip: N passed, N failed".
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
command -v pre-commit >/dev/null || { echo "pre-commit is not installed (run scripts/install-deps.sh)"; exit 2; }
rev=$(git -C "$here" rev-parse HEAD) || { echo "not a git checkout"; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="${PRE_COMMIT_HOME:-$work/cache}"
cd "$work"
git init -q repo && cd repo
git config user.email test@example.com
git config user.name test
git config commit.gpgsign false
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $here
    rev: $rev
    hooks:
      - id: replylint
YAML
git add .pre-commit-config.yaml && git commit -qm "config" --no-verify
pre-commit install >/dev/null
passed=0; failed=0
check() { if [ "$1" = ok ]; then passed=$((passed+1)); else failed=$((failed+1)); echo "FAILED: $2"; fi; }

mkdir -p respuestas
printf 'Buenos días. Lamentamos las molestias; le enviamos ahora mismo el enlace de seguimiento de su pedido.\n' > respuestas/bien.txt
git add respuestas/bien.txt
if git commit -qm "clean reply" >"$work/clean.log" 2>&1; then check ok clean; else cat "$work/clean.log"; check no "a clean reply was refused"; fi

printf 'jajaja q tal, no te preocupes xq lo arreglamos!!!\n' > respuestas/mal.txt
git add respuestas/mal.txt
if git commit -qm "bad reply" >"$work/bad.log" 2>&1; then check no "a bad reply was committed"; else check ok bad; fi
grep -q "respuestas/mal.txt:1:1: warning:" "$work/bad.log" && check ok diagnostics || { cat "$work/bad.log"; check no "the refusal does not show replylint's diagnostics"; }
grep -q "\[register.laughter\]" "$work/bad.log" && check ok rule || check no "no rule id in the output"
git log --oneline | grep -q "bad reply" && check no "the bad commit exists" || check ok "no bad commit"

echo "pre-commit round trip: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
