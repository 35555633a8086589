"""Counting the transactions a piece of code opens on a database."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import event

from p4_desk.store.db import Database


@contextmanager
def transactions_begun(db: Database) -> Iterator[list[object]]:
    """A list that gets one entry per transaction this thread begins on ``db`` inside the block;
    other threads' transactions (the WAL checkpoint thread's) are not counted."""
    begun: list[object] = []
    mine = threading.get_ident()

    def listener(_conn: object) -> None:
        if threading.get_ident() == mine:
            begun.append(object())

    event.listen(db.engine, "begin", listener)
    try:
        yield begun
    finally:
        event.remove(db.engine, "begin", listener)
