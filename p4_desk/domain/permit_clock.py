"""The deadline clock of a permit application: it stops, resumes and restarts (OSS RBA pattern).

A permit type promises its product within N working days (*jangka waktu*, the allowance). The
clock that counts them runs only while the office has what it needs:

- **stop** (OSS status 41): the office waits for the applicant — missing documents, a payment,
  a correction. Nothing counts until the applicant delivers.
- **resume** (42): what was missing was received; the clock goes on from the days already used.
- **restart** (43/44): a resubmitted dossier starts from zero, where the permit type says so
  (catalogue field ``clock_restarts_on_resubmission``); elsewhere a resubmission resumes.
- **end**: the decision (approved or rejected) stops the clock for good.

How days are counted, in the one rule of ``working_days``: a day on which the clock starts or
resumes never counts (like the intake day), and the day on which it stops counts (the office had
it). So the working days used by one running stretch from day ``a`` to day ``b`` are
``working_days_between(a, b)``, the stretches add up, and a stop and a resume on the same day
lose nothing and count nothing twice. While the clock runs, the *due date* is the working day on
which the allowance runs out: ``count(resumed_on, allowance - used).due``. A clock stopped for
five working days therefore moves the due date by exactly five working days.

On time means: when the clock ended, it had run at most the allowance (``used <= allowance``) —
the days the office waited for the applicant are not held against it.

Pure: no I/O. The services store the events and give this module the site's calendar.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from p4_desk.domain.state_machine import StateMachine
from p4_desk.domain.wording import format_date
from p4_desk.domain.working_days import HolidayCalendar
from p4_desk.errors import InvalidTransition, ValidationError


class ClockState(StrEnum):
    RUNNING = "running"
    STOPPED = "stopped"
    ENDED = "ended"


class ClockAction(StrEnum):
    START = "start"
    STOP = "stop"
    RESUME = "resume"
    RESTART = "restart"
    END = "end"


class WaitingFor(StrEnum):
    """What the office waits for while the clock is stopped."""

    DOCUMENTS = "documents"
    PAYMENT = "payment"
    CORRECTION = "correction"


WAITING_LABELS: dict[WaitingFor, str] = {
    WaitingFor.DOCUMENTS: "kelengkapan berkas",
    WaitingFor.PAYMENT: "pembayaran",
    WaitingFor.CORRECTION: "perbaikan berkas",
}

ACTION_LABELS: dict[ClockAction, str] = {
    ClockAction.START: "Jangka waktu mulai",
    ClockAction.STOP: "Jangka waktu berhenti",
    ClockAction.RESUME: "Jangka waktu dilanjutkan",
    ClockAction.RESTART: "Jangka waktu dimulai ulang",
    ClockAction.END: "Jangka waktu selesai (keputusan)",
}

CLOCK = StateMachine(
    noun="jangka waktu",
    states=ClockState,
    initial=ClockState.RUNNING,
    labels={
        ClockState.RUNNING: "Berjalan",
        ClockState.STOPPED: "Berhenti",
        ClockState.ENDED: "Selesai",
    },
    transitions={
        ClockState.RUNNING: frozenset({ClockState.STOPPED, ClockState.ENDED}),
        ClockState.STOPPED: frozenset({ClockState.RUNNING, ClockState.ENDED}),
        ClockState.ENDED: frozenset(),
    },
)

#: the state each action leaves the clock in, and the states it may be taken from
_MOVES: dict[ClockAction, tuple[frozenset[ClockState], ClockState]] = {
    ClockAction.STOP: (frozenset({ClockState.RUNNING}), ClockState.STOPPED),
    ClockAction.RESUME: (frozenset({ClockState.STOPPED}), ClockState.RUNNING),
    ClockAction.RESTART: (frozenset({ClockState.STOPPED}), ClockState.RUNNING),
    ClockAction.END: (frozenset({ClockState.RUNNING, ClockState.STOPPED}), ClockState.ENDED),
}


def parse_waiting_for(value: WaitingFor | str) -> WaitingFor:
    """What the office waits for; a ``ValidationError`` (Indonesian) for an unknown word."""
    try:
        return WaitingFor(str(value).strip().lower())
    except ValueError:
        choices = ", ".join(f"{w.value} ({label})" for w, label in WAITING_LABELS.items())
        raise ValidationError(
            f"Alasan berhenti '{value}' tidak dikenal (pilihan: {choices})", field="waiting_for"
        ) from None


@dataclass(frozen=True)
class ClockEvent:
    """One change of the clock, on a site-local day."""

    action: ClockAction
    day: date
    waiting_for: WaitingFor | None = None  # for a stop


@dataclass(frozen=True)
class ClockReading:
    """The clock as of ``as_of`` (or as it ended): days used, the due date, why it stands still."""

    allowance: int  # working days the permit type promises
    state: ClockState
    used: int  # working days the clock has run (since its last restart)
    due: date | None  # the working day the allowance runs out; None while stopped with days left
    estimated: bool  # ``due`` was counted through a year with no official holiday list
    since: date  # the day of the last change
    waiting_for: WaitingFor | None  # while stopped
    restarts: int
    as_of: date

    @property
    def remaining(self) -> int:
        """Working days left; negative when the allowance is overrun."""
        return self.allowance - self.used

    @property
    def overrun(self) -> bool:
        return self.used > self.allowance

    @property
    def on_time(self) -> bool | None:
        """For an ended clock: whether the decision came within the allowance."""
        return None if self.state is not ClockState.ENDED else self.used <= self.allowance

    def summary(self) -> str:
        """One line in Bahasa Indonesia: ``"Berjalan: 3 dari 10 hari kerja terpakai, sisa 7"``."""
        used = f"{self.used} dari {self.allowance} hari kerja terpakai"
        if self.state is ClockState.STOPPED:
            waiting = WAITING_LABELS[self.waiting_for] if self.waiting_for else "pemohon"
            return f"Berhenti sejak {format_date(self.since)} (menunggu {waiting}): {used}"
        if self.state is ClockState.ENDED:
            verdict = "tepat waktu" if self.on_time else f"terlambat {self.used - self.allowance} hari kerja"
            return f"Selesai {format_date(self.since)}: {used}, {verdict}"
        left = f"sisa {self.remaining}" if self.remaining >= 0 else f"lewat {-self.remaining}"
        return f"Berjalan: {used}, {left}"


def check_clock_action(
    action: ClockAction, state: ClockState | str, *, restart_allowed: bool, since: date | None = None
) -> ClockState:
    """The state after ``action``; ``InvalidTransition`` / ``ValidationError`` (Indonesian)
    when the clock's state or the permit type does not allow it."""
    current = CLOCK.parse(state)
    if action is ClockAction.START:
        raise InvalidTransition("Jangka waktu dimulai saat permohonan diterima.")
    allowed_from, after = _MOVES[action]
    if current is ClockState.ENDED:
        raise InvalidTransition("Permohonan sudah diputuskan; jangka waktunya sudah selesai.")
    if current not in allowed_from:
        if action is ClockAction.STOP:
            when = f" sejak {format_date(since)}" if since else ""
            raise InvalidTransition(f"Jangka waktu permohonan ini sudah berhenti{when}.")
        raise InvalidTransition(
            "Jangka waktu permohonan ini sedang berjalan: tidak ada yang ditunggu dari pemohon."
        )
    if action is ClockAction.RESTART and not restart_allowed:
        raise ValidationError(
            "Jenis izin ini tidak memulai ulang jangka waktu saat berkas diajukan kembali; "
            "catat sebagai 'lanjutkan'.",
            field="action",
        )
    CLOCK.check_transition(current, after)
    return after


def clock_actions(state: ClockState | str, *, restart_allowed: bool) -> frozenset[ClockAction]:
    """What an officer may do with the clock now (the GUI enables its buttons from this)."""
    current = CLOCK.parse(state)
    actions = {
        action
        for action, (allowed_from, _after) in _MOVES.items()
        if current in allowed_from and action is not ClockAction.END
    }
    if not restart_allowed:
        actions.discard(ClockAction.RESTART)
    return frozenset(actions)


def read_clock(
    events: Sequence[ClockEvent],
    allowance: int,
    calendar: HolidayCalendar,
    *,
    as_of: date,
    cuti_bersama_is_workday: bool | None = None,
) -> ClockReading:
    """The clock after ``events`` (oldest first, the first one a start), read on ``as_of``.

    A running clock counts up to ``as_of``; a stopped or ended one up to its last change.
    """
    if allowance < 0:
        raise ValueError("allowance must not be negative")
    if not events or events[0].action is not ClockAction.START:
        raise ValueError("a clock history begins with its start")

    def between(a: date, b: date) -> int:
        return max(0, calendar.working_days_between(a, b, cuti_bersama_is_workday=cuti_bersama_is_workday))

    def due_after(start: date, days: int) -> tuple[date, bool]:
        counted = calendar.count(start, days, cuti_bersama_is_workday=cuti_bersama_is_workday)
        return counted.due, counted.estimated

    state = ClockState.RUNNING
    start = events[0].day
    used = 0  # working days used before the running stretch that began on ``start``
    due, estimated = due_after(start, allowance)
    reached: tuple[date, bool] | None = None  # the day the allowance ran out, once it has
    waiting: WaitingFor | None = None
    restarts = 0
    since = start
    ran_to_the_end = True  # the last stretch was running when the clock ended
    for event in events[1:]:
        allowed_from, after = _MOVES.get(event.action, (frozenset(), state))
        if state not in allowed_from:
            raise ValueError(f"clock history: {event.action} while {state}")
        if state is ClockState.RUNNING:  # a stop or the end closes the running stretch
            used += between(start, event.day)
            if reached is None and due <= event.day:
                reached = (due, estimated)
        if event.action is ClockAction.END:
            ran_to_the_end = state is ClockState.RUNNING
        if event.action is ClockAction.STOP:
            waiting = event.waiting_for
        elif event.action is ClockAction.RESTART:
            used, reached, restarts = 0, None, restarts + 1
        if event.action in (ClockAction.RESUME, ClockAction.RESTART):
            start, waiting = event.day, None
            due, estimated = reached if reached is not None else due_after(start, allowance - used)
        state, since = after, event.day

    if state is ClockState.RUNNING:
        used += between(start, as_of)
        shown: date | None = due
    elif reached is not None:
        shown, estimated = reached
    elif state is ClockState.ENDED and ran_to_the_end:
        shown = due  # decided before the allowance ran out: the date it would have run out
    else:
        shown = None  # stopped with days left: the due date depends on when it resumes
    return ClockReading(
        allowance=allowance,
        state=state,
        used=used,
        due=shown,
        estimated=estimated if shown is not None else False,
        since=since,
        waiting_for=waiting,
        restarts=restarts,
        as_of=as_of,
    )


# --- deemed approval ("fiktif positif") warnings ---------------------------------------------


class WarningLevel(StrEnum):
    UPCOMING = "upcoming"  # the deadline is at most N working days away
    TODAY = "today"  # the last working day is today
    OVERDUE = "overdue"  # missed: the law deems the application approved (OSS status 57)


WARNING_LABELS: dict[WarningLevel, str] = {
    WarningLevel.UPCOMING: "Batas waktu mendekat",
    WarningLevel.TODAY: "Batas waktu hari ini",
    WarningLevel.OVERDUE: "Batas waktu terlewati: dianggap disetujui (fiktif positif)",
}


@dataclass(frozen=True)
class DeadlineWarning:
    level: WarningLevel
    working_days_left: int  # 0 on the day, negative once missed

    @property
    def label(self) -> str:
        if self.level is WarningLevel.UPCOMING:
            return f"{WARNING_LABELS[self.level]}: {self.working_days_left} hari kerja lagi"
        if self.level is WarningLevel.OVERDUE:
            return f"{WARNING_LABELS[self.level]}, lewat {-self.working_days_left} hari kerja"
        return WARNING_LABELS[self.level]


def deadline_warning(
    due: date,
    today: date,
    warn_days: int,
    calendar: HolidayCalendar,
    *,
    cuti_bersama_is_workday: bool | None = None,
) -> DeadlineWarning | None:
    """The warning for a running clock due on ``due``: ``warn_days`` working days before the
    deadline, on the day, and after it; ``None`` while the deadline is further away."""
    if due == today:
        return DeadlineWarning(WarningLevel.TODAY, 0)
    left = calendar.working_days_between(today, due, cuti_bersama_is_workday=cuti_bersama_is_workday)
    if due < today:
        return DeadlineWarning(WarningLevel.OVERDUE, min(left, -1))
    if left <= warn_days:
        return DeadlineWarning(WarningLevel.TODAY if left == 0 else WarningLevel.UPCOMING, left)
    return None
