#!/usr/bin/env bash
# Sets up .venv for hindi-extract. `--test` also installs what the test suite needs.
# Idempotent: a second run only checks. Override the interpreter with PYTHON=python3.11.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
want_test=0
[ "${1:-}" = "--test" ] && want_test=1

[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
PIP=".venv/bin/python -m pip --disable-pip-version-check -q"
# torch first and pinned: an unpinned torch (pulled by stanza) would fetch a multi-GB CUDA build.
.venv/bin/python -c "import torch" 2>/dev/null || $PIP install "torch==2.13.0"
if [ $want_test = 1 ]; then
  $PIP install -e ".[test]"
  # Chromium (HTML view test) and a Devanagari font (charts); only where we may install system packages.
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    pkgs=""
    command -v chromium >/dev/null || pkgs="$pkgs chromium"
    fc-list 2>/dev/null | grep -qi "Noto Sans Devanagari" || pkgs="$pkgs fonts-noto-core"
    if [ -n "$pkgs" ]; then
      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $pkgs >/dev/null) \
        || echo "setup: could not install$pkgs; the tests that need them will be skipped" >&2
    fi
  fi
else
  $PIP install -e .
fi
echo "setup: .venv ready ($(.venv/bin/python -c 'import torch, stanza; print("torch", torch.__version__, "stanza", stanza.__version__)'))"
