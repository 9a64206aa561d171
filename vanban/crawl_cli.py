"""`vanban crawl`: the spider's outcomes into the raw store, the fetch log and extraction.

`crawl_portal()` is the function a Python user calls; the click command only parses options.
Extraction runs in one worker thread beside the crawl, so documents reach the database while
the crawl goes on, and whatever a killed run fetched but did not extract is extracted next time.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import queue
import shutil
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import click

DEFAULT_DB = "data/tasks.db"
DEFAULT_STORE = "corpus/raw"
PAUSED_MARKER = "vanban-paused"


@dataclass
class CrawlReport:
    """What one `crawl_portal` run did."""

    run: str
    profile: str
    requests: int = 0
    pages: int = 0  # listing and article pages fetched with a body (200)
    documents: int = 0  # attachments fetched with a body (200)
    unchanged: int = 0  # 304s
    errors: int = 0
    extracted: int = 0
    extract_failed: int = 0
    tasks: int = 0
    skipped: dict[str, int] = field(default_factory=dict)  # not requested, by reason
    close_reason: str | None = None
    started: float = field(default_factory=time.monotonic)

    @property
    def rate(self) -> float:
        return self.requests / max(time.monotonic() - self.started, 1e-6)

    def line(self) -> str:
        return (f"{self.requests} requests ({self.pages} pages, {self.documents} attachments, "
                f"{self.unchanged} unchanged, {self.errors} errors), {self.rate:.1f}/s; "
                f"extracted {self.extracted} documents ({self.tasks} tasks), {self.extract_failed} failed")


class _Extractor(threading.Thread):
    """One worker: raw object → process_bytes → store_outcome, skipping what is already current."""

    def __init__(self, db_path: Path, store, report: CrawlReport) -> None:
        super().__init__(name="vanban-extract", daemon=True)
        self.db_path, self.store, self.report = db_path, store, report
        self.queue: queue.Queue = queue.Queue()

    def submit(self, source: str, name: str | None, sha256: str) -> None:
        self.queue.put((source, name or source.rstrip("/").rsplit("/", 1)[-1], sha256))

    def finish(self) -> None:
        self.queue.put(None)
        self.join()

    def run(self) -> None:
        from vanban.batch import Outcome, Summary, process_bytes, store_outcome
        from vanban.schema.fts import index_pending
        from vanban.schema.models import PIPELINE_VERSION, Failure
        from vanban.schema.store import is_current, open_db

        db = open_db(self.db_path)
        summary = Summary()
        while (item := self.queue.get()) is not None:
            source, name, sha = item
            if is_current(db, source, sha) or list(db.query(
                    "select 1 from failures where source = ? and sha256 = ? and pipeline_version = ?",
                    [source, sha, PIPELINE_VERSION])):
                continue
            data = self.store.get(sha)
            if data is None:
                outcome = Outcome(source, failure=Failure(source=source, name=name, stage="read", sha256=sha,
                                                          reason="the raw store has lost this body"))
            else:
                outcome = process_bytes(data, name, source)
            if outcome.failure and not outcome.failure.sha256:
                outcome.failure.sha256 = sha  # so an unreadable body is not retried every run
            try:
                store_outcome(db, outcome, summary)
                index_pending(db)  # a crawl is paced by politeness: index each document as it comes
            except Exception as exc:  # the crawl goes on; the next run retries this one
                self.report.extract_failed += 1
                click.echo(f"  cannot store {source}: {type(exc).__name__}: {exc}", err=True)
                continue
            self.report.extracted, self.report.extract_failed = summary.stored, summary.failed
            self.report.tasks = summary.tasks


def _job_dir(store: Path, start_urls: Sequence[str], profile: str, job_dir: Path | None) -> Path:
    if job_dir:
        return job_dir
    key = hashlib.sha256("\n".join([profile, *sorted(start_urls)]).encode()).hexdigest()[:16]
    return store / "jobs" / key


def crawl_portal(start_urls: Sequence[str], db_path: str | Path = DEFAULT_DB, *, site: str | None = None,
                 store: str | Path = DEFAULT_STORE, max_pages: int | None = None, since: dt.date | None = None,
                 delay: float = 1.0, timeout: float = 30.0, retries: int = 2, max_bytes: int = 50_000_000,
                 allow_hosts: Sequence[str] = (), recheck: bool = True, job_dir: str | Path | None = None,
                 log_level: str = "ERROR",
                 progress: Callable[[CrawlReport], None] | None = None) -> CrawlReport:
    """Crawl portals from `start_urls` into the raw store, the fetch log and the database.

    Runs Scrapy in this process, which can happen once per Python process.
    """
    from vanban.ingest.crawl import (
        CrawlConfig,
        CrawlHooks,
        Fetched,
        Prior,
        load_profile,
        profile_for,
        run_crawl,
    )
    from vanban.ingest.rawstore import RawStore
    from vanban.schema.fetches import (
        DOCUMENT_KINDS,
        ensure_fetches,
        latest_content,
        now,
        prior_fetches,
        record_fetch,
    )
    from vanban.schema.store import open_db

    bad = [u for u in start_urls if urlsplit(u).scheme not in ("http", "https") or not urlsplit(u).hostname]
    if bad:
        raise ValueError(f"only http and https URLs can be crawled: {', '.join(bad)}")
    profile = load_profile(site) if site else profile_for(start_urls)
    db_path = Path(db_path)
    db = open_db(db_path)
    ensure_fetches(db)
    raw = RawStore(store)
    report = CrawlReport(run=now(), profile=profile.name)
    prior = {url: Prior(**row) for url, row in prior_fetches(db).items()}

    extractor = _Extractor(db_path, raw, report)
    extractor.start()
    for row in latest_content(db):  # fetched by an earlier run but perhaps never extracted
        extractor.submit(row["final_url"] or row["url"], row["name"], row["sha256"])

    def on_fetch(f: Fetched) -> None:
        report.requests += 1
        headers, old = f.headers, f.prior
        sha = raw.put(f.body) if f.body is not None else (old.sha256 if f.status == 304 and old else None)
        unchanged = f.status == 304 and old is not None
        record_fetch(
            db, run=report.run, url=f.url, final_url=f.final_url, kind=f.kind, parent_url=f.parent_url,
            status=f.status, sha256=sha, name=f.name, error=f.error,
            etag=headers.get("ETag") or (old.etag if unchanged else None),
            last_modified=headers.get("Last-Modified") or (old.last_modified if unchanged else None),
            content_type=(old.content_type if unchanged else headers.get("Content-Type")),
            size=len(f.body) if f.body is not None else None,
        )
        if f.error:
            report.errors += 1
        elif f.status == 304:
            report.unchanged += 1
        elif f.kind == "attachment":
            report.documents += 1
        else:
            report.pages += 1
        if sha and not f.error and f.kind in DOCUMENT_KINDS:
            extractor.submit(f.final_url or f.url, f.name, sha)
        if progress:
            progress(report)

    jobs = _job_dir(Path(store), start_urls, profile.name, Path(job_dir) if job_dir else None)
    if jobs.exists() and not (jobs / PAUSED_MARKER).exists():
        # A run that ended without a graceful stop leaves a queue that cannot be trusted; the
        # fetch log says what was fetched, so start the walk afresh.
        shutil.rmtree(jobs, ignore_errors=True)
    (jobs / PAUSED_MARKER).unlink(missing_ok=True)

    cfg = CrawlConfig(start_urls=list(start_urls), profile=profile, delay=delay, timeout=timeout,
                      retries=retries, max_pages=max_pages, max_bytes=max_bytes, since=since,
                      allow_hosts=tuple(allow_hosts), recheck=recheck, job_dir=str(jobs), log_level=log_level)
    hooks = CrawlHooks(prior=prior, on_fetch=on_fetch, load_body=raw.get, has_body=raw.has)
    try:
        run_crawl(cfg, hooks)
    finally:
        extractor.finish()
    report.skipped = dict(hooks.stats)
    report.close_reason = hooks.close_reason
    if hooks.close_reason == "shutdown":  # Ctrl-C: Scrapy kept its queue; the next run resumes it
        jobs.mkdir(parents=True, exist_ok=True)
        (jobs / PAUSED_MARKER).write_text(report.run + "\n", encoding="utf-8")
    else:
        shutil.rmtree(jobs, ignore_errors=True)
        if jobs.parent.name == "jobs" and jobs.parent.is_dir() and not any(jobs.parent.iterdir()):
            jobs.parent.rmdir()
    return report


@click.command()
@click.argument("start_urls", nargs=-1, required=True, metavar="START_URL...")
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, type=click.Path(path_type=Path),
              help="SQLite database to fill (created if missing); it also holds the fetch log.")
@click.option("--site", default=None, metavar="PROFILE",
              help="Site profile: a name from ingest/sites (generic, laocai, sonla, hanoi, laichau) or a "
                   ".toml file. Default: the profile whose hosts cover the start URL, else generic.")
@click.option("--max-pages", type=click.IntRange(min=1), default=None,
              help="Request at most N listing and article pages this run (their attachments are still fetched).")
@click.option("--since", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Skip listing entries dated before this day (YYYY-MM-DD) and stop paginating past them.")
@click.option("--store", default=DEFAULT_STORE, show_default=True, type=click.Path(path_type=Path),
              help="Raw store: every response body under objects/<sha256[:2]>/<sha256>.")
@click.option("--delay", default=1.0, show_default=True, type=click.FloatRange(min=0),
              help="Seconds between requests to one host (AutoThrottle may wait longer, never shorter).")
@click.option("--timeout", default=30.0, show_default=True, type=click.FloatRange(min=0.1),
              help="Seconds before a request (connect and read) is given up.")
@click.option("--retries", default=2, show_default=True, type=click.IntRange(min=0),
              help="Retries after a timeout, a dropped connection, 429 or 5xx, each with a longer wait.")
@click.option("--max-bytes", default=50_000_000, show_default=True, type=click.IntRange(min=1),
              help="Abandon responses larger than this.")
@click.option("--allow-host", "allow_hosts", multiple=True, metavar="HOST",
              help="Also follow links to this host (repeatable); by default the crawl stays on the start hosts.")
@click.option("--recheck/--no-recheck", default=True, show_default=True,
              help="Revalidate already-fetched articles and attachments with conditional requests; "
                   "--no-recheck re-requests listing pages only.")
@click.option("--job-dir", type=click.Path(path_type=Path), default=None,
              help="Scrapy JOBDIR for pause/resume after Ctrl-C. Default: <store>/jobs/<key of the start URLs>.")
@click.option("--quiet", is_flag=True, help="Print nothing but errors.")
@click.option("-v", "--verbose", is_flag=True, help="Show Scrapy's own log (INFO).")
def crawl(start_urls: tuple[str, ...], db_path: Path, site: str | None, max_pages: int | None,
          since: dt.datetime | None, store: Path, delay: float, timeout: float, retries: int, max_bytes: int,
          allow_hosts: tuple[str, ...], recheck: bool, job_dir: Path | None, quiet: bool, verbose: bool) -> None:
    """Crawl portals from START_URL listing pages: fetch articles and attachments, extract what is new.

    Polite by default: robots.txt obeyed, one request at a time per host, a delay, an identifying
    User-Agent. A second run asks only for what changed; a stopped run picks up where it ended.
    """
    last = [0.0]

    def progress(report: CrawlReport) -> None:
        if not quiet and time.monotonic() - last[0] >= 5:
            last[0] = time.monotonic()
            click.echo(f"crawl: {report.line()}", err=True)

    try:
        report = crawl_portal(
            start_urls, db_path, site=site, store=store, max_pages=max_pages,
            since=since.date() if since else None, delay=delay, timeout=timeout, retries=retries,
            max_bytes=max_bytes, allow_hosts=allow_hosts, recheck=recheck, job_dir=job_dir,
            log_level="INFO" if verbose else "ERROR", progress=progress,
        )
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    if quiet:
        return
    from vanban.schema.fetches import fetch_counts
    from vanban.schema.store import counts, open_db

    db = open_db(db_path)
    click.echo(f"crawl ({report.profile} profile) {report.close_reason or 'ended'}: {report.line()}")
    for reason, n in sorted(report.skipped.items()):
        click.echo(f"  {n} links {reason}")
    errors = list(db.query("select url, error from fetches where run = ? and error is not null order by id",
                           [report.run]))
    for row in errors[:10]:
        click.echo(f"  error  {row['url']}: {row['error']}", err=True)
    if len(errors) > 10:
        click.echo(f"  ... and {len(errors) - 10} more errors (see the fetches table)", err=True)
    totals, log = counts(db), fetch_counts(db)
    click.echo(f"database {db_path}: {totals['documents']} documents, {totals['tasks']} tasks, "
               f"{totals['failures']} failures; fetch log {log['requests']} requests")
    if report.close_reason == "shutdown":
        click.echo("stopped early: run the same command again to resume", err=True)
