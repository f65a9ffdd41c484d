from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "corpus" / "india-russia-summit-briefing.txt"


def shared_or_skip(*parts: str) -> Path:
    from pipeline.core.paths import shared_dir
    p = shared_dir().joinpath(*parts)
    if not p.exists():
        pytest.skip(f"{p} not present (set HINDI_EXTRACT_SHARED)")
    return p


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")
