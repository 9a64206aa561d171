"""The one exception ingest raises, carrying a reason a person can act on.

Callers (the batch runner, the CLI) record `reason` as a Failure; they never see a
library's own traceback for bad input.
"""

from __future__ import annotations


class IngestError(Exception):
    """Input that cannot be turned into a Document, with a plain-language reason."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
