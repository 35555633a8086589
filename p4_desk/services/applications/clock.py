"""The deadline clock of an application as stored (``application_clock_event``) and as read.

``domain.permit_clock`` counts; this module turns the stored rows into its events, writes a
change as a row (with the clock's reading after it, for the audit and the statistics) and builds
the ``ClockInfo`` that screens, paper, commands and events show.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime, tzinfo
from typing import Any

from p4_desk.domain.permit_clock import (
    ACTION_LABELS,
    CLOCK,
    WAITING_LABELS,
    ClockAction,
    ClockEvent,
    ClockReading,
    ClockState,
    WaitingFor,
    clock_actions,
    read_clock,
)
from p4_desk.domain.permit_lifecycle import DECIDED, PermitState
from p4_desk.domain.working_days import HolidayCalendar
from p4_desk.store.journal import Actor
from p4_desk.store.models import Application, ApplicationClockEvent


@dataclass(frozen=True)
class ClockChange:
    """One line of the clock's history."""

    action: str
    label: str
    day: date
    at: datetime
    waiting_for: str | None
    reason: str
    used_days: int | None  # after the change (None: an end backfilled by migration 0010)
    due_date: date | None  # after the change (None while stopped)
    officer: str | None


@dataclass(frozen=True)
class ClockInfo:
    state: str  # running | stopped | ended
    state_label: str
    allowance: int  # working days promised
    used: int  # working days the clock has run
    due_date: date | None  # None while stopped with days left
    due_estimated: bool
    since: date  # the day of the last change
    waiting_for: str | None
    restarts: int
    on_time: bool | None  # for an ended clock
    summary: str  # one Indonesian line
    actions: tuple[str, ...]  # what an officer may do now (domain.permit_clock.clock_actions)
    restart_allowed: bool  # the permit type restarts the clock on a resubmission
    revised: bool  # the expected completion changed after intake (stopped, resumed, restarted)
    original_due: date | None  # what the first receipt promised (None: the clock began stopped)
    history: tuple[ClockChange, ...] = ()

    @property
    def remaining(self) -> int:
        return self.allowance - self.used

    @property
    def waiting_label(self) -> str | None:
        return WAITING_LABELS[WaitingFor(self.waiting_for)] if self.waiting_for else None

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["remaining"] = self.remaining
        for key in ("due_date", "since", "original_due"):
            out[key] = out[key].isoformat() if out[key] else None
        for entry in out["history"]:
            for key in ("day", "at", "due_date"):
                entry[key] = entry[key].isoformat() if entry[key] else None
        return out

    def event_json(self) -> dict[str, Any]:
        """The clock in an event payload (``schema_version`` 3)."""
        return {
            "state": self.state,
            "allowance": self.allowance,
            "used_days": self.used,
            "due_date": self.due_date.isoformat() if self.due_date else None,
            "due_estimated": self.due_estimated,
            "since": self.since.isoformat(),
            "waiting_for": self.waiting_for,
            "restarts": self.restarts,
        }


def local_day(moment: datetime, zone: tzinfo) -> date:
    return moment.astimezone(zone).date()


def clock_history(app: Application, zone: tzinfo) -> list[ClockEvent]:
    """The clock's events, oldest first. An application with none stored (written around the
    services, e.g. imported) is read as started on the day it was received, and ended on the
    day of its first decided step if it has one."""
    if app.clock_events:
        return [
            ClockEvent(ClockAction(e.action), e.day, WaitingFor(e.waiting_for) if e.waiting_for else None)
            for e in app.clock_events
        ]
    events = [ClockEvent(ClockAction.START, local_day(app.received_at, zone))]
    decided = [h.at for h in app.history if PermitState(h.state) in DECIDED]
    if decided:
        events.append(ClockEvent(ClockAction.END, local_day(min(decided), zone)))
    return events


def receipt_revision(app: Application) -> int:
    """How often the expected completion has changed (every clock event but the end): an
    intake receipt printed at another revision says something else than the last one."""
    return sum(1 for e in app.clock_events if e.action != ClockAction.END)


def allowance_of(app: Application) -> int:
    """Working days promised at intake (the permit type's, for rows written before 0010)."""
    return app.clock_days if app.clock_events else app.clock_days or app.permit_type.working_days


def reading_of(app: Application, calendar: HolidayCalendar, today: date, zone: tzinfo) -> ClockReading:
    return read_clock(
        clock_history(app, zone),
        allowance_of(app),
        calendar,
        as_of=today,
        cuti_bersama_is_workday=app.permit_type.cuti_bersama_is_workday,
    )


def clock_info(app: Application, calendar: HolidayCalendar, now: datetime, zone: tzinfo) -> ClockInfo:
    reading = reading_of(app, calendar, local_day(now, zone), zone)
    restart_allowed = app.permit_type.clock_restarts_on_resubmission
    rows = list(app.clock_events)
    starts = [e for e in rows if e.action == ClockAction.START]
    # the intake's own events share its time (a dossier taken incomplete starts stopped)
    revised = any(e.at > app.received_at for e in rows if e.action != ClockAction.END)
    intake_stopped = any(e.action == ClockAction.STOP and e.at <= app.received_at for e in rows)
    original_due = None if intake_stopped else (starts[0].due_date if starts else app.due_date)
    return ClockInfo(
        state=reading.state.value,
        state_label=CLOCK.label(reading.state),
        allowance=reading.allowance,
        used=reading.used,
        due_date=reading.due,
        due_estimated=reading.estimated,
        since=reading.since,
        waiting_for=reading.waiting_for.value if reading.waiting_for else None,
        restarts=reading.restarts,
        on_time=reading.on_time,
        summary=reading.summary(),
        actions=tuple(sorted(clock_actions(reading.state, restart_allowed=restart_allowed))),
        restart_allowed=restart_allowed,
        revised=revised,
        original_due=original_due,
        history=tuple(
            ClockChange(
                action=e.action,
                label=ACTION_LABELS[ClockAction(e.action)],
                day=e.day,
                at=e.at,
                waiting_for=e.waiting_for,
                reason=e.reason,
                used_days=e.used_days,
                due_date=e.due_date,
                officer=e.officer_name,
            )
            for e in rows
        ),
    )


def append_clock_event(
    app: Application,
    action: ClockAction,
    *,
    day: date,
    at: datetime,
    actor: Actor,
    calendar: HolidayCalendar,
    zone: tzinfo,
    waiting_for: WaitingFor | None = None,
    reason: str = "",
) -> ClockReading:
    """Add one change to the clock (the caller checked it is allowed) and bring the
    application's clock columns in step: its state and, when it runs, its due date."""
    if not app.clock_events and action is not ClockAction.START:
        # an application from before the clock was stored: write down the start it implies
        for implied in clock_history(app, zone):
            _store(app, implied, at=app.received_at, actor=Actor(), reason="", reading=None)
    event = ClockEvent(action, day, waiting_for)
    history = [*clock_history(app, zone), event] if app.clock_events else [event]
    reading = read_clock(
        history,
        allowance_of(app),
        calendar,
        as_of=day,
        cuti_bersama_is_workday=app.permit_type.cuti_bersama_is_workday,
    )
    _store(app, event, at=at, actor=actor, reason=reason, reading=reading)
    app.clock_state = reading.state.value
    if reading.state is ClockState.RUNNING and reading.due is not None:
        app.due_date, app.due_estimated = reading.due, reading.estimated
    return reading


def _store(
    app: Application,
    event: ClockEvent,
    *,
    at: datetime,
    actor: Actor,
    reason: str,
    reading: ClockReading | None,
) -> None:
    app.clock_events.append(
        ApplicationClockEvent(
            action=event.action.value,
            day=event.day,
            at=at,
            waiting_for=event.waiting_for.value if event.waiting_for else None,
            reason=reason,
            used_days=reading.used
            if reading is not None
            else (0 if event.action is ClockAction.START else None),
            due_date=reading.due if reading is not None else app.due_date,
            due_estimated=reading.estimated if reading is not None else app.due_estimated,
            officer_id=actor.user_id,
            officer_name=actor.username,
        )
    )
