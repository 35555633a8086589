"""Whether each LAPOR! deadline of a complaint was met, and by how many working days it was not.

One rule for the hall (``services/complaints/late.py``, ``p4-desk complaint late``, the
supervisor's panel) and the province (``central/province``): the same complaint gives the same
answer on both.

A deadline (``complaint_deadlines``) is *met* by the first step that reaches one of the states in
``MEETS``: verify-and-forward by forwarding (or by an answer or a close, which come later), the
agency's follow-up plan and the answer by an answer (or a close), the resolution by the close.
The follow-up plan is counted from the latest forwarding (a complaint forwarded again gets a new
plan deadline), so only a step after the latest forwarding meets it. The automatic close is not
here: it is the desk's own job, not a responder's.

Outcome of one deadline, on the local day ``today``:

- ``met``: met on or before the due date;
- ``late``: met after the due date — late by the working days from the due date to that step;
- ``missed``: not met and ``today`` is after the due date — late by the working days up to today;
- ``pending``: not met and not yet due.

Working days are counted with ``HolidayCalendar.working_days_between`` (due < d <= step day); a
step on the Saturday after a Friday due date is late by 0 working days but still late.
The officer answerable for a late or missed deadline is the one who recorded the late step, or,
while it is missed, the one who recorded the complaint's latest step (who holds it now).

The list of late responders (``passed``: the deadlines due in a period met late or still missed,
``PassedDeadline`` and ``late_facts``: what its row says of each) is the same list at the hall
and at the province.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from p4_desk.domain.complaint_deadlines import DEADLINE_LABELS
from p4_desk.domain.complaint_lifecycle import ComplaintState
from p4_desk.domain.working_days import HolidayCalendar

Outcome = Literal["met", "late", "missed", "pending"]

#: the deadlines a responder answers for, in the order of the LAPOR! process
RESPONDER_DEADLINES: tuple[str, ...] = ("verify_forward", "follow_up_plan", "answer", "resolution")
_S = ComplaintState
MEETS: dict[str, frozenset[str]] = {
    "verify_forward": frozenset({_S.FORWARDED, _S.ANSWERED, _S.CLOSED}),
    "follow_up_plan": frozenset({_S.ANSWERED, _S.CLOSED}),
    "answer": frozenset({_S.ANSWERED, _S.CLOSED}),
    "resolution": frozenset({_S.CLOSED}),
}
#: the step each deadline waits for, as the sanction list names it
REQUIRED_STEP: dict[str, str] = {
    "verify_forward": "Diteruskan ke instansi",
    "follow_up_plan": "Ditanggapi (rencana tindak lanjut)",
    "answer": "Ditanggapi",
    "resolution": "Selesai",
}


@dataclass(frozen=True)
class Step:
    """One state a complaint reached: the local day and who recorded it."""

    state: str
    on: date
    officer: str | None


@dataclass(frozen=True)
class DeadlineOutcome:
    deadline: str
    due: date
    outcome: Outcome
    met_on: date | None
    #: working days past the due date (late or missed), else 0
    late_working_days: int
    #: who answers for it (late or missed), else who met it
    officer: str | None


def outcomes(
    deadlines: Mapping[str, date],
    steps: Sequence[Step],
    today: date,
    calendar: HolidayCalendar,
) -> list[DeadlineOutcome]:
    """The outcome of each responder deadline the complaint has (``steps`` oldest first)."""
    found = []
    for name in RESPONDER_DEADLINES:
        due = deadlines.get(name)
        if due is None:
            continue
        candidates = list(steps)
        if name == "follow_up_plan":
            forwards = [i for i, step in enumerate(steps) if step.state == _S.FORWARDED]
            if forwards:
                candidates = list(steps[forwards[-1] + 1 :])
        meeting = next((step for step in candidates if step.state in MEETS[name]), None)
        if meeting is not None:
            late = meeting.on > due
            found.append(
                DeadlineOutcome(
                    deadline=name,
                    due=due,
                    outcome="late" if late else "met",
                    met_on=meeting.on,
                    late_working_days=max(0, calendar.working_days_between(due, meeting.on)) if late else 0,
                    officer=meeting.officer,
                )
            )
        elif today > due:
            found.append(
                DeadlineOutcome(
                    deadline=name,
                    due=due,
                    outcome="missed",
                    met_on=None,
                    late_working_days=max(0, calendar.working_days_between(due, today)),
                    officer=steps[-1].officer if steps else None,
                )
            )
        else:
            found.append(DeadlineOutcome(name, due, "pending", None, 0, None))
    return found


def passed(
    deadlines: Mapping[str, date],
    steps: Sequence[Step],
    today: date,
    calendar: HolidayCalendar,
    first: date,
    last: date,
) -> list[DeadlineOutcome]:
    """The deadlines due ``first..last`` that were met late or are still missed on ``today``."""
    return [
        result
        for result in outcomes(deadlines, steps, today, calendar)
        if result.outcome in ("late", "missed") and first <= result.due <= last
    ]


@dataclass(frozen=True)
class PassedDeadline:
    """What a late responder's row says of one passed deadline; the hall's and the province's
    rows extend it with where the complaint stands."""

    deadline: str
    deadline_label: str
    required_step: str
    due: date
    done_on: date | None
    late_working_days: int


def late_facts(result: DeadlineOutcome) -> dict[str, Any]:
    """The ``PassedDeadline`` fields of ``result``, to build a row from."""
    return {
        "deadline": result.deadline,
        "deadline_label": DEADLINE_LABELS[result.deadline],
        "required_step": REQUIRED_STEP[result.deadline],
        "due": result.due,
        "done_on": result.met_on,
        "late_working_days": result.late_working_days,
    }


def parse_deadlines(raw: Mapping[str, object] | None) -> dict[str, date]:
    """The ``{name: "YYYY-MM-DD"}`` of a complaint row or event; malformed entries are skipped."""
    parsed = {}
    for name, value in (raw or {}).items():
        if isinstance(value, str):
            try:
                parsed[name] = date.fromisoformat(value)
            except ValueError:
                continue
    return parsed
