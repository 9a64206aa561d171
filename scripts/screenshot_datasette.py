"""Screenshot the task list as a person sees it in Datasette: `vanban serve` plus headless Chromium.

    .venv/bin/python scripts/screenshot_datasette.py --db /tmp/s.db --out docs/datasette_tasks.png

Starts `vanban serve` on a free 127.0.0.1 port, opens the task_list view (with its facets) in
Debian's `chromium --headless`, saves the PNG and always stops the server.
"""

from __future__ import annotations

import argparse
import json
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--hide-scrollbars",
]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_ready(base: str, proc: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"vanban serve exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(f"{base}/-/versions.json", timeout=2) as response:
                json.load(response)
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    raise SystemExit(f"vanban serve did not answer within {timeout:.0f}s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="data/tasks.db", help="database to serve")
    parser.add_argument("--out", default="docs/datasette_tasks.png", help="PNG to write")
    parser.add_argument("--path", default="task_list?_facet_size=5",
                        help="page under the database to open (default: the task list with its facets)")
    parser.add_argument("--size", default="1400,1000", help="window size WIDTH,HEIGHT")
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    args = parser.parse_args()

    db = Path(args.db)
    out = Path(args.out).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    vanban = [sys.executable, "-m", "vanban.cli", "serve", "--db", str(db), "--port", str(port)]
    server = subprocess.Popen(vanban, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_ready(base, server)
        url = f"{base}/{db.stem}/{args.path}"
        with tempfile.TemporaryDirectory(prefix="vanban-chromium-") as profile:
            subprocess.run(
                [args.chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--screenshot={out}",
                 f"--window-size={args.size}", url],
                check=True, timeout=120, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )
        print(f"{url} -> {out} ({out.stat().st_size} bytes)")
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=5)


if __name__ == "__main__":
    main()
