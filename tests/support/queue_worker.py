"""A real OS process working a queue, for concurrency and crash tests.

python -m tests.support.queue_worker issue URL SERVICE COUNT
    issue COUNT tickets; print "<id> <number>" after each commit (flushed)
python -m tests.support.queue_worker call URL COUNTER STOPFILE
    call next / start / finish until STOPFILE exists and nothing is left; print each id
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from p4_desk.errors import DatabaseUnavailable
from p4_desk.services import queue
from p4_desk.store.db import Database


def _retrying(fn, *args):  # type: ignore[no-untyped-def]
    # Heavy write contention may exceed the busy timeout; a counter officer would just retry.
    for attempt in range(50):
        try:
            return fn(*args)
        except DatabaseUnavailable:
            time.sleep(0.05 * (attempt + 1))
    raise RuntimeError("database stayed unavailable")


def issue(url: str, service: str, count: int) -> None:
    db = Database(url)
    for _ in range(count):
        t = _retrying(queue.issue_ticket, db, service)
        print(t.id, t.number, flush=True)


def call(url: str, counter: str, stopfile: str) -> None:
    db = Database(url)
    stop = Path(stopfile)
    while True:
        t = _retrying(queue.call_next, db, counter)
        if t is None:
            if stop.exists():
                # The issuers are done: one last look so nothing issued at the end is missed.
                t = _retrying(queue.call_next, db, counter)
                if t is None:
                    return
            else:
                time.sleep(0.01)
                continue
        print(t.id, t.number, flush=True)
        _retrying(queue.start, db, t.id)
        _retrying(queue.finish, db, t.id)


if __name__ == "__main__":
    mode, url, *rest = sys.argv[1:]
    if mode == "issue":
        issue(url, rest[0], int(rest[1]))
    elif mode == "call":
        call(url, rest[0], rest[1])
    else:
        raise SystemExit(f"unknown mode {mode}")
