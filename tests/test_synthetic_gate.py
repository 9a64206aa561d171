"""A second gate: the pipeline over tests/synthetic (266 documents QA sessions wrote to SCHEMA.md's
rules, gold written before the pipeline ran), scored by ../shared/eval/score.py.

The floors sit a little below the figures measured when the set was added (tests/synthetic/README.md).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import figure, require_shared, score_export
from vanban.cli import cli

SYNTHETIC = Path(__file__).parent / "synthetic"

FLOORS = {
    ("doc_fields_all",): 0.93,
    ("references", "f1"): 0.97,
    ("indices", "f1"): 0.97,
    ("papi_dimensions", "f1"): 0.95,
    ("tasks", "f1"): 0.95,
    ("task_lead",): 0.96,
    ("task_support", "f1"): 0.92,
    ("task_deadline",): 0.92,
    ("task_dimension",): 0.95,
}


@pytest.fixture(scope="module")
def scores(tmp_path_factory) -> dict:
    require_shared()  # the scorer lives in ../shared
    tmp = tmp_path_factory.mktemp("synthetic")
    db = tmp / "synthetic.db"
    result = CliRunner().invoke(cli, ["extract", str(SYNTHETIC / "docs"), "--db", str(db), "--jobs", "1", "--quiet"])
    assert result.exit_code == 0, result.output
    return score_export(db, SYNTHETIC / "gold", tmp / "synthetic.jsonl")


def test_every_document_is_scored(scores: dict) -> None:
    assert scores["documents"] == len(list((SYNTHETIC / "gold").glob("*.json"))) == 266


@pytest.mark.parametrize("path,floor", list(FLOORS.items()), ids=[".".join(p) for p in FLOORS])
def test_synthetic_score_meets_floor(scores: dict, path: tuple[str, ...], floor: float) -> None:
    value = figure(scores, path)
    assert value is not None and value >= floor, f"{'.'.join(path)} = {value}, floor {floor}"
