"""The sync agent: push the outbox to the central API, pull catalogue and status changes.

Push (transactional outbox, DESIGN §5; ODK Collect's habits, STYLE.md):
- oldest first, in batches; every row of a batch is marked attempted (``attempts + 1``,
  ``next_attempt_at``) in its own committed transaction *before* the HTTP call, and ``sent``
  only once the answer lists it accepted or duplicate — a crash anywhere leaves it retryable
  and the server's idempotency turns the resend into a "duplicate". One batch is on the wire
  at a time; the next is claimed while the server works on it;
- a rejected id becomes ``failed`` with the server's reason; a permanent 4xx for the whole
  batch is bisected until the one bad event is found, so a poison event never blocks others;
- connection errors, timeouts, 5xx, 408, 429 and cut-off answers are retried with exponential
  backoff and full jitter (``Retry-After`` wins when the server sends one); after a few in a
  row the run gives up and the site is shown offline;
- 401/403 stop the run with ``TokenRejected``; the events stay pending.
Pull: the catalogue with ``If-None-Match``, then application updates and web complaints after
their stored cursors; what is pulled is handed to the caller's ``Inbox`` (the services layer,
which sits above sync). With ``publish_board`` each pulling run first has the inbox write the
hall's public board to the outbox when it changed.
Cadence (``pull_interval_s``): a run always pushes what is due, but pulls only when the last
pull is that long ago; a run with nothing due and no pull due returns at once after two small
reads, so a caller may run the agent every second and a call reaches the citizens' pages in seconds.
Kiosk reminders: after the push, the phones citizens gave at the kiosk (``reminder_request``)
are handed to the central server and deleted here; one whose ticket ended first is deleted unsent.
Only one process per site sends at a time (``sender_lock``).
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import datetime, timedelta
from typing import TypeVar

from p4_desk.store.db import Database
from p4_desk.store.types import utcnow
from p4_desk.sync import adapters, outbox, reminders
from p4_desk.sync.adapters import Inbox
from p4_desk.sync.client import BatchAnswer, CentralClient, PermanentError, TokenRejected, TransientError
from p4_desk.sync.report import Backoff, RunReport
from p4_desk.sync.sender_lock import sender_lock
from p4_desk.sync.state import state_row

log = logging.getLogger(__name__)

BATCH_SIZE = 200
MAX_TRANSIENT_PER_RUN = 5
MAX_SLEEP_IN_RUN_S = 60.0
MAX_UPDATE_PAGES = 100
T = TypeVar("T")
__all__ = ["BATCH_SIZE", "Backoff", "RunReport", "SyncAgent"]


class _GaveUp(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class SyncAgent:
    """Runs sync for one site database against one central API client."""

    def __init__(
        self,
        db: Database,
        client: CentralClient,
        inbox: Inbox,
        *,
        batch_size: int = BATCH_SIZE,
        backoff: Backoff | None = None,
        max_transient_per_run: int = MAX_TRANSIENT_PER_RUN,
        pull: bool = True,
        pull_interval_s: float = 0.0,
        publish_board: bool = False,
        clock: Callable[[], datetime] = utcnow,
        sleep: Callable[[float], None] = time.sleep,
        rng: random.Random | None = None,
    ) -> None:
        self.db = db
        self.client = client
        self.inbox = inbox
        self.batch_size = batch_size
        self.backoff = backoff or Backoff()
        self.max_transient_per_run = max_transient_per_run
        self.pull = pull
        self.pull_interval_s = pull_interval_s
        self.publish_board = publish_board
        self._last_pull: float | None = None
        self.clock = clock
        self.sleep = sleep
        self.rng = rng or random.Random()
        self._last_refusal = ""

    # --- one run ------------------------------------------------------------------------

    def run_once(self, *, respect_backoff: bool = False) -> RunReport:
        """Push what is due, then pull (when due). Raises ``TokenRejected`` on 401/403."""
        report = RunReport()
        if not self._pull_due() and not self._push_due():
            report.idle = True
            report.pending = self._pending_count()
            return report
        with sender_lock(self.db) as held:
            if not held:
                report.skipped = True
                report.error = "Perangkat lain sedang mengirim data situs ini."
            elif respect_backoff and self._backing_off():
                report.skipped = True
                report.error = "Menunggu jeda sebelum mencoba lagi."
            else:
                self._run(report)
        report.pending = self._pending_count()
        return report

    def _run(self, report: RunReport) -> None:
        pulling = self._pull_due()
        if pulling and self.publish_board:
            self.inbox.publish_board()
        self._make_pending_due()
        try:
            self._push(report)
            self._hand_over_reminders(report)
            if pulling:
                self._pull(report)
                self._last_pull = time.monotonic()
        except _GaveUp as gave_up:
            report.reachable = False
            report.error = f"Server pusat tidak dapat dihubungi: {gave_up.reason}"
            log.warning("sync: central API unreachable after %d retries: %s", report.retries, gave_up.reason)
            return
        except TokenRejected as refused:
            self._note_state(online=False, error=refused.message)
            log.warning("sync: token refused (HTTP %d)", refused.status)
            raise
        self._note_state(online=True, error=None, success=True)
        log.info(
            "sync: %d accepted, %d duplicate, %d failed, %d retries, catalogue %s, %d status updates",
            report.accepted,
            report.duplicate,
            report.failed,
            report.retries,
            report.catalog,
            report.application_updates,
        )

    # --- push ---------------------------------------------------------------------------

    def _push(self, report: RunReport) -> None:
        """Send batches one after another; the desk's database work overlaps the server's.

        Exactly one batch is on the wire at a time (oldest first). While the server handles
        it, the next batch is claimed; when its answer comes, the next batch goes out before
        this one is settled. At most two batches are held in memory, whatever the backlog.
        """
        transient = 0
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="p4-sync-send") as wire:
            batch = self._claim()
            in_flight = self._send(wire, batch)
            while batch:
                following = self._claim(exclude={r.seq for r in batch})
                try:
                    answer = self._answer_of(in_flight)
                    if answer is None:  # the whole batch was refused: find the bad events alone
                        self._bisect(batch, report)
                except TransientError as exc:
                    transient += 1
                    report.retries += 1
                    delay = self._delay(exc, transient)
                    self._postpone([r.seq for r in (*batch, *following)], exc.reason, delay)
                    self._note_unreachable(exc.reason, delay)
                    if transient > self.max_transient_per_run or delay > MAX_SLEEP_IN_RUN_S:
                        raise _GaveUp(exc.reason) from None
                    self.sleep(delay)
                    batch = self._claim()
                    in_flight = self._send(wire, batch)
                    continue
                except TokenRejected:
                    self._release([r.seq for r in (*batch, *following)])
                    raise
                if answer is None:
                    transient = 0
                    batch, in_flight = following, self._send(wire, following)
                    continue
                next_in_flight = self._send(wire, following)
                self._settle(batch, answer, report)
                transient = 0
                batch, in_flight = following, next_in_flight

    def _pull_due(self) -> bool:
        if not self.pull:
            return False
        return self._last_pull is None or time.monotonic() - self._last_pull >= self.pull_interval_s

    def _send(self, wire: ThreadPoolExecutor, batch: Sequence[outbox.Row]) -> Future[BatchAnswer] | None:
        if not batch:
            return None
        return wire.submit(self.client.post_events, [r.envelope for r in batch])

    def _answer_of(self, in_flight: Future[BatchAnswer] | None) -> BatchAnswer | None:
        """The server's answer; None when it refused the batch as a whole (permanent 4xx)."""
        assert in_flight is not None
        try:
            return in_flight.result()
        except PermanentError as refused:
            self._last_refusal = f"HTTP {refused.status}: {refused.reason}"
            return None

    def _bisect(self, batch: Sequence[outbox.Row], report: RunReport) -> None:
        """The batch was refused as a whole: split it until each bad event stands alone."""
        if len(batch) == 1:
            self._fail(batch[0], self._last_refusal)
            report.failed += 1
            return
        middle = len(batch) // 2
        for half in (batch[:middle], batch[middle:]):
            try:
                answer = self.client.post_events([r.envelope for r in half])
            except PermanentError as refused:
                self._last_refusal = f"HTTP {refused.status}: {refused.reason}"
                self._bisect(half, report)
                continue
            self._settle(half, answer, report)

    def _call_bound_s(self) -> float:
        connect, read = self.client.timeout
        return connect + read + 5.0

    def _push_due(self) -> bool:
        """Any pending event or kiosk phone not waiting for a retry (indexed reads, no write)."""
        now = self.clock()
        with self.db.read() as s:
            return outbox.any_due(s, now) or reminders.any_due(s, now)

    def _hand_over_reminders(self, report: RunReport) -> None:
        handed = reminders.hand_over_reminders(self.db, self.client, self.clock())
        report.reminders += handed.sent
        report.notes.extend(handed.notes)

    def _make_pending_due(self) -> None:
        outbox.make_pending_due(self.db)

    def _claim(self, exclude: set[int] | None = None) -> list[outbox.Row]:
        # If this process dies during the call, the events are due again after this pause
        # (never sooner than the call itself could take).
        def pause(attempts: int) -> float:
            return max(self.backoff.ceiling(attempts), self._call_bound_s())

        return outbox.claim(self.db, self.clock(), self.batch_size, pause, exclude)

    def _settle(self, batch: Sequence[outbox.Row], answer: BatchAnswer, report: RunReport) -> None:
        settled = outbox.settle(self.db, self.clock(), batch, answer)
        report.accepted += settled.accepted
        report.duplicate += settled.duplicate
        report.failed += settled.rejected

    def _fail(self, row: outbox.Row, reason: str) -> None:
        outbox.fail(self.db, row, reason)

    def _postpone(self, seqs: list[int], reason: str, delay: float) -> None:
        outbox.postpone(self.db, seqs, reason, self.clock() + timedelta(seconds=delay))

    def _release(self, seqs: list[int]) -> None:
        outbox.release(self.db, seqs)

    def _pending_count(self) -> int:
        return outbox.pending_count(self.db)

    # --- pull ---------------------------------------------------------------------------

    def _pull(self, report: RunReport) -> None:
        with self.db.read() as s:
            state = state_row(s)
            etag, cursor = state.catalog_etag, state.application_cursor
        try:
            answer = self._retrying(lambda: self.client.get_catalog(etag), report)
            if answer.document is None:
                report.catalog = "unchanged"
            else:
                report.catalog = adapters.apply_catalog(self.db, self.inbox, answer.document, answer.etag)
        except PermanentError as refused:
            report.notes.append(f"Katalog tidak dapat diambil: {refused}")
        try:
            for _page in range(MAX_UPDATE_PAGES):
                updates, next_cursor = self._retrying(
                    lambda c=cursor: self.client.get_application_updates(c),  # type: ignore[misc]
                    report,
                )
                if not updates:
                    break
                new = adapters.apply_application_updates(self.db, self.inbox, updates, next_cursor)
                report.application_updates += new
                cursor = next_cursor
        except PermanentError as refused:
            report.notes.append(f"Pembaruan status permohonan tidak dapat diambil: {refused}")
        with self.db.read() as s:
            complaint_cursor = state_row(s).web_complaint_cursor
        try:
            for _page in range(MAX_UPDATE_PAGES):
                complaints, next_cursor = self._retrying(
                    lambda c=complaint_cursor: self.client.get_web_complaints(c),  # type: ignore[misc]
                    report,
                )
                if not complaints:
                    break
                report.web_complaints += adapters.apply_web_complaints(
                    self.db, self.inbox, complaints, next_cursor
                )
                complaint_cursor = next_cursor
        except PermanentError as refused:  # a central server before issue 16 has no web form
            report.notes.append(f"Pengaduan web tidak dapat diambil: {refused}")
        self._pull_bookings(report)

    def _pull_bookings(self, report: RunReport) -> None:
        with self.db.read() as s:
            cursor = state_row(s).booking_cursor
        try:
            for _page in range(MAX_UPDATE_PAGES):
                bookings, next_cursor = self._retrying(
                    lambda c=cursor: self.client.get_bookings(c),  # type: ignore[misc]
                    report,
                )
                if not bookings:
                    break
                self.inbox.take_in_bookings(bookings, next_cursor)
                cursor = next_cursor
        except PermanentError as refused:  # a central server before issue 17 takes no bookings
            report.notes.append(f"Janji temu online tidak dapat diambil: {refused}")

    def _retrying(self, call: Callable[[], T], report: RunReport) -> T:
        transient = 0
        while True:
            try:
                return call()
            except TransientError as exc:
                transient += 1
                report.retries += 1
                delay = self._delay(exc, transient)
                self._note_unreachable(exc.reason, delay)
                if transient > self.max_transient_per_run or delay > MAX_SLEEP_IN_RUN_S:
                    raise _GaveUp(exc.reason) from None
                self.sleep(delay)

    # --- state --------------------------------------------------------------------------

    def _delay(self, exc: TransientError, failures: int) -> float:
        if exc.retry_after is not None:
            return exc.retry_after
        return self.backoff.delay(failures, self.rng)

    def _backing_off(self) -> bool:
        with self.db.read() as s:
            until = state_row(s).backoff_until
        return until is not None and until > self.clock()

    def _note_unreachable(self, reason: str, delay: float) -> None:
        now = self.clock()
        with self.db.write() as s:
            state = state_row(s)
            state.online = False
            state.last_attempt_at = now
            state.last_error = f"Server pusat tidak dapat dihubungi: {reason}"
            state.consecutive_failures += 1
            state.backoff_until = now + timedelta(seconds=delay)

    def _note_state(self, *, online: bool, error: str | None, success: bool = False) -> None:
        now = self.clock()
        with self.db.write() as s:
            state = state_row(s)
            state.online = online
            state.last_attempt_at = now
            state.last_error = error
            if success:
                state.last_success_at = now
                state.consecutive_failures = 0
                state.backoff_until = None
