"""One visit, several services (issue 17.4): a ticket's plan and the place of its next legs.

A citizen may choose up to ``MAX_SERVICES`` services at the kiosk (e.g. KTP at Dukcapil, then
the vehicle tax at Samsat). One ticket number carries them as a **plan**: ordered steps, the
first is the service the ticket is issued into. A step is ``pending`` (yet to come), ``current``
(the ticket is at that service now: waiting, called, in service, or a no-show), ``done``, or
``skipped`` (its service was already served in this visit, e.g. an officer transferred the
ticket there earlier). Tickets with one service have no plan at all.

**Continuing (the rule).** When the leg of the current step ends *done*, the ticket does not end:
it joins the next pending step's queue at that moment (``joined``), keeping its number, with a
**bounded head start**: it is queued as if it had joined ``min(H, joined − arrival)`` earlier,
``H`` = site setting ``queue.visit_head_start_minutes`` (default 10, 0–240). A priority ticket
gets the larger of its priority head start and this credit (never both added). So:

* **Credit for the time already spent**: a citizen who queued and was served once goes ahead of
  the citizens who joined the next queue less than ``H`` minutes before (never more than the
  time the citizen has been in the hall): not to the back, as a fresh number would be.
* **No starvation (the bound)**: the key is never smaller than ``joined − max(H, Hp)``, so no
  ticket is ever called after a ticket that joined the same queue more than ``max(H, Hp)``
  minutes later than it, however many multi-service citizens keep continuing into it. Keeping
  the *original* arrival time instead (what a transfer does) would let a citizen who arrived at
  08.00 and spent three hours at the first counter overtake everyone who joined the second
  queue since 08.00: an unbounded jump that repeated continuations would turn into starvation.

**Transfers, no-shows, cancellations in the middle of a plan.** A transfer moves the *current*
leg (the officer sends the citizen where the current business is really handled); the plan
after it stays, and a transferred continuation keeps its bounded place (``continuation_key``
from the moment the step began, not from the arrival). A pending step whose service was served
in this visit meanwhile is ``skipped`` when the plan moves on. A **no-show** keeps the remaining
steps pending: when the citizen comes back the same day the officer reactivates the number, it
queues again (at the back) for the missed service, and the plan goes on from there. A ticket
that ends without being done (no-show not reactivated, cancelled, unserved at the end of the day)
leaves its pending steps *not reached*: the statistics count them so ("tidak dilanjutkan").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from p4_desk.errors import ValidationError

MAX_SERVICES = 3
DEFAULT_VISIT_HEAD_START_MINUTES = 10
MAX_VISIT_HEAD_START_MINUTES = 240


class StepStatus(StrEnum):
    PENDING = "pending"
    CURRENT = "current"
    DONE = "done"
    SKIPPED = "skipped"


STEP_LABELS: dict[str, str] = {
    StepStatus.PENDING: "Berikutnya",
    StepStatus.CURRENT: "Sekarang",
    StepStatus.DONE: "Selesai",
    StepStatus.SKIPPED: "Sudah dilayani",
}


@dataclass(frozen=True)
class PlanStep:
    """One step of a visit as screens, the ticket and the CLI show it."""

    position: int  # 1, 2, 3
    service: str
    service_name: str
    agency_name: str
    status: str  # StepStatus


def check_plan(codes: Iterable[str]) -> tuple[str, ...]:
    """The service codes of one visit, normalised; an Indonesian ``ValidationError`` otherwise."""
    plan = tuple(code.strip().upper() for code in codes if code and code.strip())
    if not plan:
        raise ValidationError("Pilih minimal satu layanan.", field="service")
    if len(plan) > MAX_SERVICES:
        raise ValidationError(
            f"Satu kunjungan paling banyak {MAX_SERVICES} layanan (dipilih {len(plan)}).", field="service"
        )
    twice = sorted({code for code in plan if plan.count(code) > 1})
    if twice:
        raise ValidationError(
            f"Layanan {', '.join(twice)} dipilih lebih dari sekali dalam satu kunjungan.", field="service"
        )
    return plan


def continuation_key(
    arrival: datetime,
    joined: datetime,
    priority: str | None,
    priority_head_start_minutes: int,
    visit_head_start_minutes: int,
) -> float:
    """Queue key of a ticket joining the next service of its visit at ``joined`` (the rule above):
    smaller is called first, the same scale as ``queue_rules.queue_key``."""
    if not 0 <= visit_head_start_minutes <= MAX_VISIT_HEAD_START_MINUTES:
        raise ValueError("visit_head_start_minutes out of range")
    in_hall = max(0.0, (joined - arrival).total_seconds())
    credit = min(visit_head_start_minutes * 60.0, in_hall)
    priority_credit = priority_head_start_minutes * 60.0 if priority else 0.0
    return joined.timestamp() - max(credit, priority_credit)


def head_start_bound_minutes(priority_head_start_minutes: int, visit_head_start_minutes: int) -> int:
    """The most any ticket may be overtaken by: a ticket that joined more than this later is
    always called after it."""
    return max(priority_head_start_minutes, visit_head_start_minutes)


@dataclass(frozen=True)
class Advance:
    """What ending the current step *done* does to a plan."""

    next_position: int | None  # the step the ticket goes to; None: the visit is over
    skipped: tuple[int, ...]  # pending steps passed over (their service already served)


def advance(steps: Sequence[tuple[int, str, str]], served: Iterable[str]) -> Advance:
    """The next step after the current one ends done.

    ``steps``: ``(position, service code, status)`` of the plan; ``served``: the service codes
    with a done leg in this visit (the current one included).
    """
    already = set(served)
    skipped: list[int] = []
    for position, service, status in sorted(steps):
        if status != StepStatus.PENDING:
            continue
        if service in already:
            skipped.append(position)
            continue
        return Advance(position, tuple(skipped))
    return Advance(None, tuple(skipped))


def next_step(plan: Sequence[PlanStep]) -> PlanStep | None:
    """The step after the current one ("lanjut ke: …"), if any."""
    return next((step for step in plan if step.status == StepStatus.PENDING), None)
