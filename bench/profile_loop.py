"""Ingest, extract and build the rows of every document in the given folders, in one process,
for a profiler to watch (no database, no workers):

    .venv/bin/pip install pyinstrument
    .venv/bin/pyinstrument -r text -p flat=true bench/profile_loop.py DIR [DIR ...]
"""

from __future__ import annotations

import sys

from vanban.batch import iter_inputs, process_file

if __name__ == "__main__":
    for path in iter_inputs(sys.argv[1:]):
        process_file(path).for_writer()
