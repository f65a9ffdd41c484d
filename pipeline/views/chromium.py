"""Headless Chromium for the briefing view: screenshots of a page (docs/img) and its DOM as the browser
builds it (the tests check what it highlights). Each run gets a fresh profile and the flags that keep
Chromium off the network."""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from .rows import ShowError


def find_chromium() -> str | None:
    for name in (os.environ.get("CHROMIUM", ""), "chromium", "chromium-browser", "google-chrome"):
        if name and shutil.which(name):
            return shutil.which(name)
    return None


def chromium(args: list[str], timeout: float = 60) -> subprocess.CompletedProcess:
    """Run headless Chromium with a fresh profile and nothing that reaches the network."""
    exe = find_chromium()
    if exe is None:
        raise ShowError("chromium not found (Debian: apt-get install chromium)")
    with tempfile.TemporaryDirectory(prefix="hx-chromium-") as profile:
        flags = ["--headless", "--disable-gpu", "--disable-quic", "--no-first-run", "--no-default-browser-check",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-extensions", "--hide-scrollbars", f"--user-data-dir={profile}"]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            flags.append("--no-sandbox")
        return subprocess.run([exe, *flags, *args], capture_output=True, text=True, timeout=timeout,
                              stdin=subprocess.DEVNULL)


def screenshot(html_path: Path, png: Path, width: int = 1200, height: int = 1500) -> Path:
    res = chromium([f"--screenshot={png}", f"--window-size={width},{height}",
                    "--run-all-compositor-stages-before-draw", Path(html_path).resolve().as_uri()])
    if not Path(png).exists():
        raise ShowError(f"chromium made no screenshot: {res.stderr[-800:]}")
    return Path(png)


def dump_dom(html_path: Path) -> str:
    res = chromium(["--dump-dom", Path(html_path).resolve().as_uri()])
    if res.returncode != 0 or "<html" not in res.stdout:
        raise ShowError(f"chromium --dump-dom failed ({res.returncode}): {res.stderr[-800:]}")
    return res.stdout
