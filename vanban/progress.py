"""A progress bar for batches: documents done, failures and rate, on standard error.

Shown only on a terminal-facing run; scripts pass --quiet, and CI logs stay clean.
"""

from __future__ import annotations

import time
from types import TracebackType

from vanban.batch import Outcome, Summary


class BatchProgress:
    """Context manager wrapping rich's Progress; a no-op when disabled."""

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled
        self._progress = None
        self._task = None
        self._start = time.monotonic()

    def __enter__(self) -> BatchProgress:
        if self.enabled:
            from rich.console import Console
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            console = Console(stderr=True)
            self._progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                                      console=console, transient=True, disable=not console.is_terminal)
            self._progress.__enter__()
            self._task = self._progress.add_task("starting", total=None)
        return self

    def update(self, outcome: Outcome, summary: Summary) -> None:
        if not self._progress:
            return
        rate = summary.seen / max(time.monotonic() - self._start, 1e-6)
        self._progress.update(self._task, description=(
            f"{summary.seen} documents · {summary.stored} extracted · {summary.skipped} unchanged · "
            f"{summary.failed} failed · {rate:.1f}/s"))

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._progress:
            self._progress.__exit__(exc_type, exc, tb)
