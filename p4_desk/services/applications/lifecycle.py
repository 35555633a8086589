"""Moving an application through its states (``domain.permit_lifecycle``): officer steps,
the hand-over (the applicant's NIK is checked) and updates from the back office."""

from __future__ import annotations

from typing import Any

from p4_desk.domain.nik import normalize_nik
from p4_desk.domain.permit_lifecycle import PERMITS, PermitState, check_transition, parse_state
from p4_desk.errors import ValidationError
from p4_desk.services.applications.records import (
    ApplicationInfo,
    application_info,
    event_payload,
    find_application,
    history_row,
)
from p4_desk.store.db import Database
from p4_desk.store.journal import SYSTEM, Actor, record
from p4_desk.store.models import Application


def change_state(
    db: Database, ref: str, new_state: str, note: str = "", actor: Actor = SYSTEM
) -> ApplicationInfo:
    """Move an application one step (see ``domain.permit_lifecycle``); illegal steps are refused.

    The last step, *handed_over*, goes through ``hand_over`` (the applicant is checked).
    """
    state = parse_state(new_state)
    if state is PermitState.HANDED_OVER:
        raise ValidationError(
            "Penyerahan izin dicatat lewat serah terima, setelah identitas pemohon diperiksa.", field="state"
        )
    return _move(db, ref, state, note.strip(), actor)


def hand_over(
    db: Database, ref: str, *, nik: str, recipient: str, note: str = "", actor: Actor = SYSTEM
) -> ApplicationInfo:
    """Hand the permit over: the NIK on the KTP shown must be the applicant's."""
    recipient = " ".join(recipient.split())
    if len(recipient) < 3:
        raise ValidationError("Nama penerima wajib diisi", field="recipient")

    def check(app: Application) -> None:
        if normalize_nik(nik) != app.nik:
            raise ValidationError(
                "NIK tidak cocok dengan NIK pemohon; periksa KTP-el penerima atau surat kuasa.", field="nik"
            )
        app.handed_over_to = recipient

    text = f"Diserahkan kepada {recipient}" + (f". {note.strip()}" if note.strip() else "")
    return _move(db, ref, PermitState.HANDED_OVER, text, actor, check=check)


def _move(
    db: Database,
    ref: str,
    state: PermitState,
    note: str,
    actor: Actor,
    *,
    check: Any = None,
) -> ApplicationInfo:
    now = db.now()
    with db.write() as s:
        app = find_application(s, db, ref, lock=True)
        check_transition(app.state, state)
        if check is not None:
            check(app)
        old = app.state
        app.state = state.value
        app.updated_at = now
        if state is PermitState.HANDED_OVER:
            app.handed_over_at = now
        app.history.append(history_row(state, now, actor, note))
        s.flush()
        info = application_info(s, app, db)
        record(
            s, db, actor, "application.status", "application", app.registration_number,
            details={"from": old, "to": state.value, "note": note},
            event_type="application.status_changed", at=now,
            payload=event_payload(info, note, app.tracking_secret),
        )  # fmt: skip
        return info


def apply_central_update(
    db: Database, ref: str, state: str, note: str = "", actor: Actor = SYSTEM
) -> ApplicationInfo | None:
    """A status set by the back office (``GET .../application-updates`` of the central API).

    The back office may skip steps the site does not see, so any *later* state is taken;
    the same state again is a no-op (updates are fetched at least once) and returns ``None``;
    a step back is refused. No outbox event: the change came from the central API.
    """
    target = PERMITS.parse(state, accept_aliases=True)  # an update pulled before 0006 may be old-style
    now = db.now()
    with db.write() as s:
        app = find_application(s, db, ref, lock=True)
        if app.state == target.value:
            return None
        if target not in PERMITS.later_states(app.state):
            check_transition(app.state, target)  # raises with the usual message
        old, app.state, app.updated_at = app.state, target.value, now
        app.history.append(history_row(target, now, actor, note.strip() or "Pembaruan dari kantor pusat"))
        s.flush()
        record(
            s, db, actor, "application.central_update", "application", app.registration_number,
            details={"from": old, "to": target.value, "note": note}, at=now,
        )  # fmt: skip
        return application_info(s, app, db)
