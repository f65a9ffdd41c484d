#!/usr/bin/env bash
# Sets up .venv for hindi-extract.
#   --cpu   torch from PyTorch's CPU wheel index: a machine without an NVIDIA GPU (an ordinary
#           Linux laptop, CI) then downloads ~200 MB instead of the multi-GB CUDA build
#   --test  also what the test suite needs (and, as root, Debian's chromium and fonts-noto-core)
# Flags combine (--cpu --test). Idempotent: a rerun only checks; it reinstalls the package only
# when pyproject.toml or the extras asked for changed. PYTHON=python3.11 picks the interpreter;
# DRY_RUN=1 prints the commands that would install something instead of running them.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
TORCH="torch==2.13.0"
CPU_INDEX="https://download.pytorch.org/whl/cpu"
want_test=0
want_cpu=0
for arg in "$@"; do
  case "$arg" in
    --test) want_test=1 ;;
    --cpu) want_cpu=1 ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "setup: unknown option $arg (options: --cpu, --test)" >&2; exit 2 ;;
  esac
done
run() { if [ "${DRY_RUN:-0}" = 1 ]; then echo "+ $*"; else "$@"; fi; }
PY=.venv/bin/python
PIP=("$PY" -m pip --disable-pip-version-check -q)

[ -x "$PY" ] || run "$PYTHON" -m venv .venv
# torch first and pinned: an unpinned torch (pulled by stanza) would fetch a multi-GB CUDA build.
if ! "$PY" -c "import torch" 2>/dev/null; then
  if [ $want_cpu = 1 ]; then
    run "${PIP[@]}" install --index-url "$CPU_INDEX" "$TORCH"
  else
    run "${PIP[@]}" install "$TORCH"
  fi
elif [ $want_cpu = 1 ] && "$PY" -c "import sys, torch; sys.exit(torch.version.cuda is None)" 2>/dev/null; then
  echo "setup: .venv holds a CUDA build of torch; for the CPU build: rm -rf .venv && bash scripts/setup.sh --cpu" >&2
fi

# the package, editable; the stamp records what was installed (pyproject.toml's hash, the extras)
stamp=.venv/.hindi-extract-installed
sha=$(sha256sum pyproject.toml | cut -d' ' -f1)
extras=""
[ $want_test = 1 ] && extras="[test]"
have=$(cat "$stamp" 2>/dev/null || true)
up_to_date=0
if [ "$have" = "$sha $extras" ] || { [ -z "$extras" ] && [ "$have" = "$sha [test]" ]; }; then
  # -I: not this folder on sys.path, so only an installed package imports
  "$PY" -I -c "import pipeline" 2>/dev/null && up_to_date=1
fi
if [ $up_to_date = 1 ]; then
  echo "setup: hindi-extract already installed from this tree (pyproject.toml unchanged); nothing reinstalled"
else
  run "${PIP[@]}" install -e ".$extras"
  [ "${DRY_RUN:-0}" = 1 ] || echo "$sha $extras" > "$stamp"
fi

if [ $want_test = 1 ]; then
  # Chromium (HTML view test) and a Devanagari font (charts); only where we may install system packages.
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    pkgs=""
    command -v chromium >/dev/null || pkgs="$pkgs chromium"
    fc-list 2>/dev/null | grep -qi "Noto Sans Devanagari" || pkgs="$pkgs fonts-noto-core"
    if [ -n "$pkgs" ]; then
      if [ "${DRY_RUN:-0}" = 1 ]; then
        echo "+ apt-get install -y$pkgs"
      else
        (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $pkgs >/dev/null) \
          || echo "setup: could not install$pkgs; the tests that need them will be skipped" >&2
      fi
    fi
  fi
fi
[ "${DRY_RUN:-0}" = 1 ] && exit 0
echo "setup: .venv ready ($("$PY" -c 'import torch, stanza; print("torch", torch.__version__, "stanza", stanza.__version__)'))"
