# Two commands set everything up: `make extract` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: extract test lint bench score clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

extract: $(STAMP)
	mkdir -p data
	$(BIN)/vanban extract corpus/ --db data/tasks.db

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .

bench: $(STAMP)
	$(BIN)/python bench/run.py

score: $(STAMP)
	$(BIN)/vanban extract $(SHARED)/seeds --db /tmp/vanban-seeds.db --quiet --force
	$(BIN)/vanban export --db /tmp/vanban-seeds.db --format jsonl > /tmp/vanban-seeds.jsonl
	$(PY) $(SHARED)/eval/score.py --gold $(SHARED)/eval/gold --pred /tmp/vanban-seeds.jsonl --verbose

clean:
	rm -rf $(VENV) data/tasks.db
