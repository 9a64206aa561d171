"""Shared fixtures: where the shared evaluation set lives, and a database built from the seeds."""

from __future__ import annotations

import json
import os
import subprocess
import sys
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


def score_export(db: Path, gold: Path, out: Path) -> dict:
    """Export `db` as JSON Lines to `out` and score it against `gold` (score.py --json)."""
    from click.testing import CliRunner

    from vanban.cli import cli

    result = CliRunner().invoke(cli, ["export", "--db", str(db), "--format", "jsonl", "--out", str(out)])
    assert result.exit_code == 0, result.output
    proc = subprocess.run(
        [sys.executable, str(SCORER), "--gold", str(gold), "--pred", str(out), "--json"],
        capture_output=True, text=True, check=True,
    )
    return json.loads(proc.stdout)


def figure(scores: dict, path: tuple[str, ...]) -> float | None:
    """The figure at `path` in score.py's --json output ("tasks", "f1")."""
    value = scores
    for key in path:
        value = value[key]
    return value
