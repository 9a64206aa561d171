"""Re-run benchmark: a second batch over an unchanged corpus must skip every document, and fast.

Target (issue 7): the re-run is at least 50x faster than the first run. Each document is
skipped by its sha256 and the pipeline version, without importing the extractors or starting
worker processes. Self-contained: builds its corpus (distinct copies of corpus/seeds) in a temp
folder and prints first-run seconds, re-run seconds and their ratio.

    .venv/bin/python bench/rerun.py [--copies 8] [--jobs N]

Two measurements:
  batch  run_batch() twice in one interpreter that has imported vanban.batch and the store (the
         first run still pays the extractors' own lazy imports, as any first run does): the
         batch runner's own cost, which the 50x target is about
  cli    `vanban extract --quiet` twice, wall time: adds ~0.3 s per run of interpreter start-up
         and imports (pydantic, sqlite-utils, which imports numpy), a floor no corpus under a
         few hundred documents amortises
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "corpus" / "seeds"
TARGET = 50.0

_BATCH = """
import sys, time
from vanban.batch import run_batch
import vanban.schema.store
for _ in range(2):
    t = time.perf_counter()
    s = run_batch([sys.argv[1]], sys.argv[2], jobs=int(sys.argv[3]), budget=120.0)
    print(time.perf_counter() - t, s.stored, s.skipped, s.failed)
"""


def make_corpus(folder: Path, copies: int) -> int:
    n = 0
    for k in range(copies):
        for seed in sorted(SEEDS.glob("*.txt")):
            text = seed.read_text(encoding="utf-8") + f"\n\n(Bản lưu số {k:03d})\n"
            (folder / f"{k:03d}_{seed.name}").write_text(text, encoding="utf-8")
            n += 1
    return n


def batch_runs(corpus: Path, db: Path, jobs: int) -> list[tuple[float, int, int, int]]:
    out = subprocess.run([sys.executable, "-c", _BATCH, str(corpus), str(db), str(jobs)],
                         capture_output=True, text=True, check=True).stdout.splitlines()
    return [(float(a), int(b), int(c), int(d)) for a, b, c, d in (line.split() for line in out)]


def cli_run(corpus: Path, db: Path, jobs: int) -> float:
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "vanban.cli", "extract", str(corpus), "--db", str(db), "--quiet",
                    "--jobs", str(jobs)], check=True)
    return time.perf_counter() - t


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--copies", type=int, default=8, help="copies of the 5 seeds (default 8: 40 documents)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes (default: cores)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="vanban-rerun-") as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        n = make_corpus(corpus, args.copies)
        (first, stored, _, failed), (rerun, stored2, skipped, _) = batch_runs(corpus, Path(tmp) / "b.db", args.jobs)
        assert (stored, failed, stored2, skipped) == (n, 0, 0, n), (stored, failed, stored2, skipped)
        cli_first = cli_run(corpus, Path(tmp) / "cli.db", args.jobs)
        cli_rerun = cli_run(corpus, Path(tmp) / "cli.db", args.jobs)
    ratio = first / rerun
    print(f"documents      {n} (jobs {args.jobs})")
    print(f"batch  first   {first:8.3f} s")
    print(f"batch  rerun   {rerun:8.3f} s   all {skipped} skipped")
    print(f"batch  ratio   {ratio:8.1f} x   (target >= {TARGET:g} x)")
    print(f"cli    first   {cli_first:8.3f} s")
    print(f"cli    rerun   {cli_rerun:8.3f} s")
    print(f"cli    ratio   {cli_first / cli_rerun:8.1f} x   (interpreter start-up included)")
    return 0 if ratio >= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
