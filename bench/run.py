"""The extraction benchmark behind `make bench`: documents, megabytes and PDF pages per second.

Builds a corpus of copies of the shipped samples (60% text, 30% HTML, 10% PDF by default, each
copy's bytes varied so no two share a hash), runs `vanban extract` as a subprocess on one core
per kind and on the whole corpus with the default jobs, and prints rates, peak memory of the
process tree, a regex-only pass over the same files as a yardstick, and the re-run time.

    .venv/bin/python bench/run.py [--docs 2000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "corpus" / "seeds").glob("*.txt"))
SAMPLES = ROOT / "corpus" / "samples"
HTML = sorted(SAMPLES.glob("*.html"))
PDF = sorted(SAMPLES.glob("*.pdf"))
BIN = Path(sys.executable).parent
VANBAN = str(BIN / "vanban")
SHARES = {"text": 0.6, "html": 0.3, "pdf": 0.1}
# What a regex-only pass looks for: document numbers such as 239/KH-UBND or 10/2023/NĐ-CP.
NUMBER = re.compile(r"\b\d{1,5}(?:/\d{4})?/[A-ZĐ]{1,6}(?:-[A-ZĐ]{1,8})*")


# -- the corpus --------------------------------------------------------------------------

def _varied(data: bytes, kind: str, i: int) -> bytes:
    """The sample's bytes with a line that makes this copy's hash its own."""
    if kind == "text":
        return data.rstrip(b"\n") + f"\n\nBản sao lưu số {i}.\n".encode()
    if kind == "html":
        return data + f"\n<!-- ban sao {i} -->\n".encode()
    return data + f"\n% copy {i}\n".encode()  # bytes after %%EOF: readers ignore them


def build_corpus(folder: Path, n: int) -> dict[str, list[Path]]:
    sources = {"text": SEEDS, "html": HTML, "pdf": PDF}
    counts = {k: round(n * share) for k, share in SHARES.items()}
    counts["text"] += n - sum(counts.values())
    files: dict[str, list[Path]] = {}
    for kind, count in counts.items():
        sub = folder / kind
        sub.mkdir(parents=True, exist_ok=True)
        blobs = [(p, p.read_bytes()) for p in sources[kind]]
        files[kind] = []
        for i in range(count):
            path, data = blobs[i % len(blobs)]
            out = sub / f"{i:05d}_{path.name}"
            out.write_bytes(_varied(data, kind, i))
            files[kind].append(out)
    return files


def pdf_pages(paths: list[Path]) -> int:
    import pypdfium2 as pdfium

    total = 0
    for p in paths:
        pdf = pdfium.PdfDocument(str(p))
        total += len(pdf)
        pdf.close()
    return total


# -- measuring a subprocess ---------------------------------------------------------------

def _tree_rss_kb(root: int) -> int:
    """Resident memory of a process and all its descendants, from /proc (Linux)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                stat = fh.read().rsplit(b")", 1)[1].split()
            pid, ppid = int(entry), int(stat[1])
            rss[pid] = int(stat[21]) * (os.sysconf("SC_PAGE_SIZE") // 1024)
            children.setdefault(ppid, []).append(pid)
        except (OSError, IndexError, ValueError):
            continue
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(children.get(pid, []))
    return total


@dataclass
class Run:
    seconds: float
    cpu: float  # user + system seconds of the whole tree
    peak_tree_mb: float  # sampled sum of the tree's resident memory
    peak_process_mb: float  # largest single process (getrusage RUSAGE_CHILDREN)


def measure(cmd: list[str], *, sample: float = 0.05) -> Run:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    done = threading.Event()

    def poll() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss_kb(proc.pid))
            done.wait(sample)

    sampler = threading.Thread(target=poll, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err.decode(errors='replace')}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    # ru_maxrss of children is the largest single descendant so far (KB on Linux), never a sum.
    return Run(seconds, cpu, peak / 1024, after.ru_maxrss / 1024)


def extract_cmd(paths: list[Path], db: Path, *, jobs: int | None, one_core: bool) -> list[str]:
    cmd = [VANBAN, "extract", *map(str, paths), "--db", str(db), "--quiet"]
    if jobs is not None:
        cmd += ["--jobs", str(jobs)]
    if one_core and shutil.which("taskset"):
        cmd = ["taskset", "-c", "0", *cmd]  # the writer and the worker share one core
    return cmd


def regex_pass(paths: list[Path]) -> tuple[float, int]:
    start = time.perf_counter()
    hits = 0
    for p in paths:
        hits += len(NUMBER.findall(p.read_bytes().decode("utf-8", "replace")))
    return time.perf_counter() - start, hits


def help_seconds(times: int = 7) -> list[float]:
    out = []
    for _ in range(times):
        start = time.perf_counter()
        subprocess.run([VANBAN, "--help"], stdout=subprocess.DEVNULL, check=True)
        out.append(time.perf_counter() - start)
    return out


# -- the report ---------------------------------------------------------------------------

def mb(paths: list[Path]) -> float:
    return sum(p.stat().st_size for p in paths) / 1e6


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=2000, help="documents in the corpus (default 2000)")
    ap.add_argument("--keep", type=Path, default=None, help="build the corpus and databases here and keep them")
    args = ap.parse_args(argv)

    work = args.keep or Path(tempfile.mkdtemp(prefix="vanban-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        return _bench(work, args.docs)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


def _bench(work: Path, n: int) -> int:
    corpus = work / "corpus"
    if corpus.exists():
        shutil.rmtree(corpus)
    for db in work.glob("*.db*"):
        db.unlink()
    files = build_corpus(corpus, n)
    everything = [p for kind in files for p in files[kind]]
    pages = pdf_pages(files["pdf"])
    print(f"corpus: {len(everything)} documents, {mb(everything):.1f} MB in {corpus}")
    print("  " + ", ".join(f"{kind} {len(ps)} ({mb(ps):.1f} MB)" for kind, ps in files.items())
          + f"; {pages} PDF pages")
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print()

    helps = help_seconds()
    print(f"vanban --help: median {statistics.median(helps):.3f} s, best {min(helps):.3f} s")
    print()

    print("one core (taskset -c 0, --jobs 1), each kind into its own database:")
    one_core: dict[str, Run] = {}
    for kind, paths in files.items():
        run = measure(extract_cmd([corpus / kind], work / f"one_{kind}.db", jobs=1, one_core=True))
        one_core[kind] = run
        rate = f"{len(paths) / run.seconds:7.1f} docs/s  {mb(paths) / run.seconds:5.2f} MB/s"
        if kind == "pdf":
            rate += f"  {pages / run.seconds:6.1f} pages/s"
        print(f"  {kind:5s} {len(paths):5d} docs {run.seconds:7.2f} s  {rate}  "
              f"peak {run.peak_tree_mb:.0f} MB (tree), {run.peak_process_mb:.0f} MB (largest process)")
    total_one = sum(r.seconds for r in one_core.values())
    print(f"  all   {len(everything):5d} docs {total_one:7.2f} s  {len(everything) / total_one:7.1f} docs/s  "
          f"{mb(everything) / total_one:5.2f} MB/s")
    print()

    db = work / "all.db"
    jobs = os.cpu_count() or 1
    full = measure(extract_cmd([corpus], db, jobs=None, one_core=False))
    print(f"default jobs ({jobs}), whole corpus into one database:")
    print(f"  {len(everything)} docs {full.seconds:.2f} s  {len(everything) / full.seconds:.1f} docs/s  "
          f"{mb(everything) / full.seconds:.2f} MB/s  cpu {full.cpu:.1f} s  "
          f"peak {full.peak_tree_mb:.0f} MB (tree), {full.peak_process_mb:.0f} MB (largest process)")

    regex_s, hits = regex_pass(everything)
    print(f"regex-only pass (read + one compiled number regex, {hits} hits): {regex_s:.3f} s; "
          f"extraction takes {full.seconds / regex_s:.0f}x as long ({total_one / regex_s:.0f}x on one core)")

    rerun = measure(extract_cmd([corpus], db, jobs=None, one_core=False))
    print(f"re-run over the unchanged corpus: {rerun.seconds:.2f} s "
          f"(first run {full.seconds:.2f} s: {full.seconds / rerun.seconds:.0f}x faster)")
    print()
    sys.stdout.flush()
    subprocess.run([sys.executable, str(ROOT / "bench" / "split.py"), *(str(corpus / k) for k in files)], check=False)
    rerun_script = ROOT / "bench" / "rerun.py"
    if rerun_script.exists():
        print()
        print("bench/rerun.py:")
        sys.stdout.flush()
        subprocess.run([sys.executable, str(rerun_script)], check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
