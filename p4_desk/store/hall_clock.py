"""One clock for every PC of a hall on PostgreSQL: the database server's.

Each PC's own clock can be seconds or minutes off: an offline hall's PCs drift, and a counter PC
set by hand is wrong by what its officer read off a phone. With several PCs on one database,
a ticket issued at the kiosk PC and called seconds later at a counter PC whose clock is behind
got a ``called_at`` before its ``issued_at`` (a negative wait in the statistics), and its
"called" event an ``occurred_at`` before its "issued" one, so the province's projection, which
keeps a record's newest snapshot by ``occurred_at`` (``central/intake.py``), kept it waiting.

So on PostgreSQL a ``Database``'s clock is this PC's clock corrected by its offset from the
server's: ``SELECT clock_timestamp()`` on a connection of its own, its round trip halved (the
offset is good to half a round trip: under a millisecond on a hall's network), measured at the
first use and again every ``REFRESH_S`` seconds, so a PC whose clock is changed while it runs
follows within that time. A measurement that fails (the server away) keeps the last offset and
is tried again ``RETRY_S`` seconds later; the write that needed the time then meets the same
failure with its own message. On SQLite every writer is a process of one PC: its clock is the
file's.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

log = logging.getLogger(__name__)

#: seconds between two measurements of the offset
REFRESH_S = 60.0
#: seconds before a failed measurement is tried again
RETRY_S = 5.0


class ServerClock:
    """``local()`` corrected to the clock of ``engine``'s PostgreSQL server (module docstring).
    Safe to call from several threads."""

    def __init__(self, engine: Engine, local: Callable[[], datetime]) -> None:
        self._engine = engine
        self._local = local
        self._offset = timedelta(0)
        self._next_measure = 0.0  # time.monotonic() of the next measurement (0: at first use)
        self._lock = threading.Lock()

    @property
    def offset(self) -> timedelta:
        """The server's clock minus this PC's, as last measured."""
        return self._offset

    def __call__(self) -> datetime:
        if time.monotonic() >= self._next_measure:
            with self._lock:
                if time.monotonic() >= self._next_measure:
                    self._measure()
        return self._local() + self._offset

    def _measure(self) -> None:
        try:
            with self._engine.connect() as conn:
                sent = self._local()
                server: datetime = conn.exec_driver_sql("SELECT clock_timestamp()").scalar_one()
                received = self._local()
        except SQLAlchemyError as exc:
            log.warning("hall clock: the server's time could not be read: %s", exc)
            self._next_measure = time.monotonic() + RETRY_S
            return
        offset = server - (sent + (received - sent) / 2)
        if abs(offset - self._offset) > timedelta(seconds=1):
            seconds = offset.total_seconds()
            way = "behind" if seconds > 0 else "ahead of"
            log.info("hall clock: this PC's clock is %.3f s %s the database server's", abs(seconds), way)
        self._offset = offset
        self._next_measure = time.monotonic() + REFRESH_S
