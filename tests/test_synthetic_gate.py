"""A second gate: the pipeline over tests/synthetic (48 documents QA sessions wrote to SCHEMA.md's
rules, gold written before the pipeline ran), scored by ../shared/eval/score.py.

The floors sit a little below the figures measured when the set was added (tests/synthetic/README.md).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import SCORER
from vanban.cli import cli

SYNTHETIC = Path(__file__).parent / "synthetic"

FLOORS = {
    ("doc_fields_all",): 0.93,
    ("references", "f1"): 0.97,
    ("indices", "f1"): 0.97,
    ("papi_dimensions", "f1"): 0.95,
    ("tasks", "f1"): 0.94,
    ("task_lead",): 0.96,
    ("task_support", "f1"): 0.92,
    ("task_deadline",): 0.92,
    ("task_dimension",): 0.95,
}


@pytest.fixture(scope="module")
def scores(tmp_path_factory) -> dict:
    tmp = tmp_path_factory.mktemp("synthetic")
    db, out = tmp / "synthetic.db", tmp / "synthetic.jsonl"
    runner = CliRunner()
    result = runner.invoke(cli, ["extract", str(SYNTHETIC / "docs"), "--db", str(db), "--jobs", "1", "--quiet"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(cli, ["export", "--db", str(db), "--format", "jsonl", "--out", str(out)])
    assert result.exit_code == 0, result.output
    proc = subprocess.run(
        [sys.executable, str(SCORER), "--gold", str(SYNTHETIC / "gold"), "--pred", str(out), "--json"],
        capture_output=True, text=True, check=True,
    )
    return json.loads(proc.stdout)


def test_every_document_is_scored(scores: dict) -> None:
    assert scores["documents"] == len(list((SYNTHETIC / "gold").glob("*.json"))) == 48


@pytest.mark.parametrize("path,floor", list(FLOORS.items()), ids=[".".join(p) for p in FLOORS])
def test_synthetic_score_meets_floor(scores: dict, path: tuple[str, ...], floor: float) -> None:
    value = scores
    for key in path:
        value = value[key]
    assert value is not None and value >= floor, f"{'.'.join(path)} = {value}, floor {floor}"
