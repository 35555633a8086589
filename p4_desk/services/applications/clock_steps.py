"""The officer's steps on an application's deadline clock: stop, resume, restart (OSS 41/42/43-44).

- ``stop_clock``: the office waits for the applicant (documents, a payment, a correction);
  checklist documents found missing can be named and are marked not received;
- ``resume_clock``: what was missing was received (documents named are marked received); after
  a stop for documents every mandatory document must then be in;
- ``restart_clock``: a resubmitted dossier starts the clock from zero, where the permit type
  says so (``clock_restarts_on_resubmission``).

Each is one transaction: the clock row, the application's clock columns and documents, the
audit row and an ``application.clock_changed`` event with the new expected completion.
"""

from __future__ import annotations

from collections.abc import Sequence

from p4_desk.domain.permit_clock import (
    WAITING_LABELS,
    ClockAction,
    WaitingFor,
    check_clock_action,
    parse_waiting_for,
)
from p4_desk.errors import ValidationError
from p4_desk.services.applications.clock import append_clock_event, local_day
from p4_desk.services.applications.records import (
    ApplicationInfo,
    application_info,
    event_payload,
    find_application,
)
from p4_desk.services.permits import holiday_calendar
from p4_desk.store.db import Database
from p4_desk.store.journal import SYSTEM, Actor, record
from p4_desk.store.models import Application

REASON_MAX = 500


def stop_clock(
    db: Database,
    ref: str,
    waiting_for: WaitingFor | str,
    reason: str,
    *,
    missing: Sequence[str] = (),
    actor: Actor = SYSTEM,
) -> ApplicationInfo:
    """Stop the clock: the office waits for the applicant. ``reason`` says for what."""
    why = parse_waiting_for(waiting_for)
    text = _reason(reason, required=True)
    return _step(db, ref, ClockAction.STOP, text, actor, waiting_for=why, missing=missing)


def resume_clock(
    db: Database, ref: str, reason: str = "", *, received: Sequence[str] = (), actor: Actor = SYSTEM
) -> ApplicationInfo:
    """Resume the clock from the days already used: what was missing has arrived."""
    return _step(db, ref, ClockAction.RESUME, _reason(reason), actor, received=received)


def restart_clock(
    db: Database, ref: str, reason: str = "", *, received: Sequence[str] = (), actor: Actor = SYSTEM
) -> ApplicationInfo:
    """Restart the clock from zero: the dossier was resubmitted (where the permit type says so)."""
    return _step(db, ref, ClockAction.RESTART, _reason(reason), actor, received=received)


def _reason(text: str, *, required: bool = False) -> str:
    reason = " ".join(text.split())
    if required and len(reason) < 3:
        raise ValidationError(
            "Alasan wajib diisi: apa yang ditunggu dari pemohon (mis. 'Fotokopi STR belum diserahkan').",
            field="reason",
        )
    if len(reason) > REASON_MAX:
        raise ValidationError(f"Alasan paling panjang {REASON_MAX} karakter.", field="reason")
    return reason


def _step(
    db: Database,
    ref: str,
    action: ClockAction,
    reason: str,
    actor: Actor,
    *,
    waiting_for: WaitingFor | None = None,
    missing: Sequence[str] = (),
    received: Sequence[str] = (),
) -> ApplicationInfo:
    now = db.now()
    today = local_day(now, db.timezone)
    calendar = holiday_calendar(db)
    with db.write() as s:
        app = find_application(s, db, ref, lock=True)
        stopped_since = app.clock_events[-1].day if app.clock_events else None
        check_clock_action(
            action,
            app.clock_state,
            restart_allowed=app.permit_type.clock_restarts_on_resubmission,
            since=stopped_since,
        )
        stopped_for = app.clock_events[-1].waiting_for if app.clock_state == "stopped" else None
        changed = _mark_documents(app, missing, received=False) + _mark_documents(
            app, received, received=True
        )
        still_missing = [d.name for d in app.documents if d.mandatory and not d.received]
        app.incomplete = bool(still_missing)
        if action is not ClockAction.STOP and stopped_for == WaitingFor.DOCUMENTS and still_missing:
            raise ValidationError(
                "Berkas masih belum lengkap: " + ", ".join(still_missing) + ". Tandai dokumen yang "
                "sudah diterima, atau biarkan jangka waktu berhenti.",
                field="received",
            )
        if not reason:
            names = [d.name for d in app.documents if d.requirement_code in changed]
            reason = _default_reason(action, names, stopped_for)
        reading = append_clock_event(
            app, action, day=today, at=now, actor=actor, calendar=calendar, zone=db.timezone,
            waiting_for=waiting_for, reason=reason,
        )  # fmt: skip
        app.updated_at = now
        s.flush()
        info = application_info(s, app, db, calendar)
        change = {
            "action": action.value,
            "day": today.isoformat(),
            "waiting_for": waiting_for.value if waiting_for else None,
            "reason": reason,
            "documents": changed,
        }
        record(
            s, db, actor, f"application.clock_{action.value}", "application", app.registration_number,
            details={**change, "used_days": reading.used,
                     "due_date": reading.due.isoformat() if reading.due else None},
            event_type="application.clock_changed",
            payload=event_payload(info, reason, app.tracking_secret) | {"clock_change": change}, at=now,
        )  # fmt: skip
        return info


def _mark_documents(app: Application, codes: Sequence[str], *, received: bool) -> list[str]:
    """Mark checklist documents received (or not); the codes of those whose mark changed."""
    wanted = {c.strip().upper() for c in codes if c.strip()}
    by_code = {d.requirement_code: d for d in app.documents}
    unknown = sorted(wanted - set(by_code))
    if unknown:
        raise ValidationError(
            f"Persyaratan tidak dikenal untuk izin {app.permit_type.code}: {', '.join(unknown)}",
            field="received" if received else "missing",
        )
    changed = []
    for code in sorted(wanted):
        if by_code[code].received != received:
            by_code[code].received = received
            changed.append(code)
    return changed


def _default_reason(action: ClockAction, documents: list[str], stopped_for: str | None) -> str:
    if action is ClockAction.RESTART:
        return "Berkas diajukan kembali"
    if documents:
        return "Diterima: " + ", ".join(documents)
    waited = WAITING_LABELS[WaitingFor(stopped_for)] if stopped_for else "kelengkapan"
    return f"{waited.capitalize()} diterima"
