"""scripts/setup.sh (issue 13, item 5): --cpu takes torch from PyTorch's CPU index, flags combine,
and a rerun only checks. Run against a stand-in interpreter that records what it is asked to do,
so nothing is downloaded."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CPU_INDEX = "--index-url https://download.pytorch.org/whl/cpu torch==2.13.0"

# a stand-in for .venv/bin/python: logs every call; "installs" by creating marker files
FAKE_PYTHON = r"""#!/usr/bin/env bash
echo "$*" >> "$FAKE_STATE/log"
all="$*"
case "$all" in
  *"pip"*"install"*)
    case "$all" in *torch==*) touch "$FAKE_STATE/torch" ;; esac
    case "$all" in *"-e "*) touch "$FAKE_STATE/pkg" ;; esac
    exit 0 ;;
  *"import torch, stanza"*) echo "torch 2.13.0 stanza 1.15.0"; exit 0 ;;
  *"torch.version.cuda"*) [ -f "$FAKE_STATE/cuda" ] ;;
  *"import torch"*) [ -f "$FAKE_STATE/torch" ] ;;
  *"import pipeline"*) [ -f "$FAKE_STATE/pkg" ] ;;
  *) exit 0 ;;
esac
"""


@pytest.fixture()
def tree(tmp_path):
    if shutil.which("bash") is None or shutil.which("sha256sum") is None:
        pytest.skip("needs bash and sha256sum")
    root = tmp_path / "repo"
    (root / "scripts").mkdir(parents=True)
    shutil.copy(REPO / "scripts" / "setup.sh", root / "scripts" / "setup.sh")
    shutil.copy(REPO / "pyproject.toml", root / "pyproject.toml")
    state = tmp_path / "state"
    state.mkdir()
    fake = tmp_path / "fake-python"
    fake.write_text(FAKE_PYTHON)
    fake.chmod(0o755)
    return root, state, fake


def setup(tree, *flags, dry=False, venv=True):
    root, state, fake = tree
    if venv and not (root / ".venv" / "bin" / "python").exists():
        (root / ".venv" / "bin").mkdir(parents=True)
        shutil.copy(fake, root / ".venv" / "bin" / "python")
    (state / "log").write_text("")
    env = dict(os.environ, PYTHON=str(fake), FAKE_STATE=str(state), DRY_RUN="1" if dry else "0",
               PATH=f"{fake.parent}:{os.environ['PATH']}")
    p = subprocess.run(["bash", str(root / "scripts" / "setup.sh"), *flags], env=env, capture_output=True,
                       text=True, timeout=60)
    return p, [ln for ln in (state / "log").read_text().splitlines() if "pip" in ln and "install" in ln]


def test_dry_run_prints_the_cpu_index_and_flags_combine(tree):
    p, _ = setup(tree, "--cpu", "--test", dry=True, venv=False)
    assert p.returncode == 0, p.stderr
    cmds = [ln for ln in p.stdout.splitlines() if ln.startswith("+ ")]
    assert cmds[0].endswith("-m venv .venv")
    assert cmds[1].endswith(f"pip --disable-pip-version-check -q install {CPU_INDEX}")
    assert cmds[2].endswith("install -e .[test]")
    p, _ = setup(tree, dry=True, venv=False)              # the default stays: torch from the default index
    cmds = [ln for ln in p.stdout.splitlines() if ln.startswith("+ ")]
    assert cmds[1].endswith("install torch==2.13.0") and "index-url" not in cmds[1]
    assert cmds[2].endswith("install -e .")


def test_a_rerun_only_checks(tree):
    root = tree[0]
    p, installs = setup(tree, "--cpu")
    assert p.returncode == 0, p.stderr
    assert [i.split("-q ")[1] for i in installs] == [f"install {CPU_INDEX}", "install -e ."]
    p, installs = setup(tree, "--cpu")
    assert p.returncode == 0 and installs == [] and "nothing reinstalled" in p.stdout
    p, installs = setup(tree, "--test", "--cpu")           # more extras: installed
    assert [i.split("-q ")[1] for i in installs] == ["install -e .[test]"]
    p, installs = setup(tree)                              # fewer: the test install covers it
    assert installs == []
    with open(root / "pyproject.toml", "a") as f:          # a changed pyproject.toml: reinstalled
        f.write("\n# a new dependency\n")
    p, installs = setup(tree)
    assert [i.split("-q ")[1] for i in installs] == ["install -e ."]


def test_cpu_over_a_cuda_build_says_how_to_switch(tree):
    root, state, _ = tree
    setup(tree)
    (state / "cuda").touch()
    p, installs = setup(tree, "--cpu")
    assert installs == [] and "rm -rf .venv && bash scripts/setup.sh --cpu" in p.stderr


def test_unknown_option_is_refused(tree):
    p, installs = setup(tree, "--gpu")
    assert p.returncode == 2 and "unknown option --gpu" in p.stderr and installs == []
