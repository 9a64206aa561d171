"""The evaluation gate: the pipeline over ../shared/seeds, scored by ../shared/eval/score.py.

The floors are the ones the issues set; a change that drops a figure below its floor fails
the suite the day it is written (trafilatura's CI gate is the model).
"""

from __future__ import annotations

import pytest

from tests.conftest import GOLD, figure, score_export

# figure in score.py's --json output → floor, with the issue that set it.
FLOORS = {
    ("doc_fields_all",): 0.95,  # issue 3
    ("references", "f1"): 0.95,  # issue 3
    ("indices", "f1"): 1.0,  # issue 3
    ("papi_dimensions", "f1"): 0.9,  # issue 3
    ("tasks", "f1"): 0.9,  # issue 4
    ("task_lead",): 0.9,  # issue 4
    ("task_support", "f1"): 0.85,  # issue 4
    ("task_deadline",): 0.95,  # issue 4
    ("task_dimension",): 0.9,  # issue 4
}


@pytest.fixture(scope="module")
def scores(seeds_db, tmp_path_factory) -> dict:
    return score_export(seeds_db, GOLD, tmp_path_factory.mktemp("export") / "seeds.jsonl")


@pytest.mark.parametrize("path,floor", list(FLOORS.items()), ids=[".".join(p) for p in FLOORS])
def test_score_meets_floor(scores: dict, path: tuple[str, ...], floor: float) -> None:
    value = figure(scores, path)
    assert value is not None and value >= floor, f"{'.'.join(path)} = {value}, floor {floor}"
