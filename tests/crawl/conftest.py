"""A fixture portal served on 127.0.0.1 (a free port), and a way to run `vanban crawl` against it.

The server serves tests/crawl/portal/ like `python3 -m http.server` does (Last-Modified,
304 on If-Modified-Since, 301 for a folder without its slash) and adds two paths of its own:
a page that answers 500 on every odd request (so a retry recovers) and one that stalls. It logs
every request with its conditional headers and what it answered, so tests can check what the
crawler asked for, and it can raise an event after N requests (to kill a crawl mid-way).
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

HERE = Path(__file__).resolve().parent
PORTAL = HERE / "portal"
FLAKY = "/tin-tuc/loi-may-chu-tam-thoi-1013.html"
STALL = "/tin-tuc/may-chu-phan-hoi-cham-1014.html"


@dataclass
class Hit:
    path: str
    headers: dict[str, str]
    status: int | None = None
    sent: dict[str, str] = field(default_factory=dict)

    @property
    def conditional(self) -> bool:
        return "If-None-Match" in self.headers or "If-Modified-Since" in self.headers


class PortalServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), PortalHandler)
        self.hits: list[Hit] = []
        self.counts: dict[str, int] = {}
        self.stall = 0.0
        self.lock = threading.Lock()
        self.trip_after: int | None = None
        self.tripped = threading.Event()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def begin(self, *, stall: float = 0.0, trip_after: int | None = None) -> None:
        """Start a fresh request log for the next run."""
        with self.lock:
            self.hits = []
            self.stall = stall
            self.trip_after = trip_after
            self.tripped = threading.Event()

    def add(self, hit: Hit) -> None:
        with self.lock:
            self.hits.append(hit)
            self.counts[hit.path] = self.counts.get(hit.path, 0) + 1
            if self.trip_after is not None and len(self.hits) >= self.trip_after:
                self.tripped.set()


class PortalHandler(SimpleHTTPRequestHandler):
    server: PortalServer

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, directory=str(PORTAL), **kwargs)

    def log_message(self, format, *args) -> None:  # noqa: A002 - the base class's name
        pass

    def send_response(self, code, message=None) -> None:
        if getattr(self, "hit", None) is not None and self.hit.status is None:
            self.hit.status = code
        super().send_response(code, message)

    def send_header(self, keyword, value) -> None:
        if getattr(self, "hit", None) is not None:
            self.hit.sent[keyword] = value
        super().send_header(keyword, value)

    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        self.hit = Hit(path, {k: v for k, v in self.headers.items()})
        self.server.add(self.hit)
        try:
            if path == FLAKY and self.server.counts[path] % 2 == 1:
                self.send_error(500, "Temporary failure")
                return
            if path == STALL and self.server.stall:
                time.sleep(self.server.stall)
            super().do_GET()
        except (BrokenPipeError, ConnectionResetError):
            pass


@pytest.fixture(scope="session")
def portal() -> PortalServer:
    server = PortalServer()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def vanban_command() -> list[str]:
    script = Path(sys.executable).parent / "vanban"
    return [str(script)] if script.exists() else [sys.executable, "-m", "vanban.cli"]


def crawl_args(url: str, workdir: Path, *extra: str) -> list[str]:
    return [*vanban_command(), "crawl", url, "--db", str(workdir / "tasks.db"), "--store", str(workdir / "raw"),
            "--delay", "0", *extra]


def run_crawl(url: str, workdir: Path, *extra: str, timeout: float = 90) -> subprocess.CompletedProcess:
    workdir.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run(crawl_args(url, workdir, *extra), capture_output=True, text=True, timeout=timeout,
                          cwd=workdir, env={**os.environ, "NO_COLOR": "1"})
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc


