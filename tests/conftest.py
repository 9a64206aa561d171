"""Shared fixtures: where the shared evaluation set lives, and a database built from the seeds."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("VANBAN_SHARED", ROOT.parent / "shared"))
SEEDS = SHARED / "seeds"
GOLD = SHARED / "eval" / "gold"
SCORER = SHARED / "eval" / "score.py"


def require_shared() -> None:
    """Skip where ../shared is absent (a user's clone); in CI its absence is a failure."""
    if SCORER.exists() and SEEDS.exists():
        return
    if os.environ.get("CI"):
        pytest.fail(f"../shared is missing in CI: expected it at {SHARED}")
    pytest.skip(f"no shared evaluation set at {SHARED}")


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory) -> Path:
    """A database built by the batch runner from ../shared/seeds, once per test session."""
    require_shared()
    from vanban.batch import run_batch

    db_path = tmp_path_factory.mktemp("seeds") / "seeds.db"
    summary = run_batch([SEEDS], db_path)
    assert summary.failed == 0, [f.reason for f in summary.failures]
    return db_path
