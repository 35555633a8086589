"""Moving an application through its states (``domain.permit_lifecycle``): officer steps,
the hand-over (to the applicant, whose NIK is checked, or to a representative with a power of
attorney) and updates from the back office. The decision ends the deadline clock."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from p4_desk.domain.masking import mask_nik
from p4_desk.domain.nik import check_nik, normalize_nik
from p4_desk.domain.permit_clock import ClockAction
from p4_desk.domain.permit_lifecycle import DECIDED, PERMITS, PermitState, check_transition, parse_state
from p4_desk.domain.wording import format_date
from p4_desk.domain.working_days import HolidayCalendar
from p4_desk.errors import ValidationError
from p4_desk.services.applications.clock import append_clock_event, local_day
from p4_desk.services.applications.records import (
    ApplicationInfo,
    application_info,
    event_payload,
    find_application,
    history_row,
)
from p4_desk.services.permits import holiday_calendar
from p4_desk.store.db import Database
from p4_desk.store.journal import SYSTEM, Actor, record
from p4_desk.store.models import Application

LETTER_NUMBER_MAX = 100


@dataclass(frozen=True)
class ProxyLetter:
    """The power of attorney (*surat kuasa*) a representative brings to collect the permit.

    ``checked``: the officer has read it (signed by the applicant, names the representative,
    the applicant's KTP-el copy attached); a hand-over by proxy needs it.
    """

    checked: bool
    number: str = ""
    dated: date | None = None


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
    db: Database,
    ref: str,
    *,
    nik: str,
    recipient: str,
    note: str = "",
    proxy: ProxyLetter | None = None,
    actor: Actor = SYSTEM,
) -> ApplicationInfo:
    """Hand the permit over to ``recipient``, whose KTP-el shows ``nik``.

    Without ``proxy`` the recipient is the applicant: the NIK must be the applicant's. With a
    power of attorney the recipient is the representative: a valid NIK of another person, and
    the letter checked by the officer. The representative's NIK is kept masked only.
    """
    recipient = " ".join(recipient.split())
    if len(recipient) < 3 or len(recipient) > 200:
        raise ValidationError("Nama penerima wajib diisi (3–200 huruf)", field="recipient")
    today = db.now().astimezone(db.timezone).date()
    details: dict[str, Any] = {"recipient": recipient, "by_proxy": proxy is not None}
    if proxy is not None:
        letter_number = " ".join(proxy.number.split())
        details |= _check_proxy(proxy, nik, letter_number, today)

    def check(app: Application) -> None:
        if proxy is None:
            if normalize_nik(nik) != app.nik:
                raise ValidationError(
                    "NIK tidak cocok dengan NIK pemohon; periksa KTP-el penerima, atau catat "
                    "penyerahan kepada kuasa dengan surat kuasa.",
                    field="nik",
                )
        else:
            if normalize_nik(nik) == app.nik:
                raise ValidationError(
                    "NIK penerima kuasa sama dengan NIK pemohon: pemohon mengambil sendiri, "
                    "tanpa surat kuasa.",
                    field="nik",
                )
            app.handed_over_by_proxy = True
            app.proxy_nik_masked = details["nik_masked"]
            app.proxy_letter_number = details["letter_number"]
            app.proxy_letter_date = proxy.dated
        app.handed_over_to = recipient

    if proxy is None:
        text = f"Diserahkan kepada {recipient}"
    else:
        text = f"Diserahkan kepada {recipient} (penerima kuasa, NIK {details['nik_masked']})"
        text += ", surat kuasa diperiksa"
        if details["letter_number"]:
            text += f", nomor {details['letter_number']}"
        if proxy.dated:
            text += f", tanggal {format_date(proxy.dated)}"
    text += f". {note.strip()}" if note.strip() else ""
    return _move(db, ref, PermitState.HANDED_OVER, text, actor, check=check, details=details)


def _check_proxy(proxy: ProxyLetter, nik: str, letter_number: str, today: date) -> dict[str, Any]:
    """The checks of a hand-over by proxy that need no database; its audit details."""
    if not proxy.checked:
        raise ValidationError(
            "Surat kuasa wajib diperiksa sebelum izin diserahkan kepada kuasa.", field="proxy_checked"
        )
    result = check_nik(nik, today)
    if not result.valid:
        raise ValidationError("NIK penerima kuasa tidak valid: " + "; ".join(result.reasons), field="nik")
    if len(letter_number) > LETTER_NUMBER_MAX:
        raise ValidationError(
            f"Nomor surat kuasa paling panjang {LETTER_NUMBER_MAX} karakter.", field="proxy_number"
        )
    if proxy.dated is not None and proxy.dated > today:
        raise ValidationError("Tanggal surat kuasa tidak boleh setelah hari ini.", field="proxy_date")
    return {
        "nik_masked": mask_nik(normalize_nik(nik)),
        "letter_checked": True,
        "letter_number": letter_number or None,
        "letter_date": proxy.dated.isoformat() if proxy.dated else None,
    }


def _move(
    db: Database,
    ref: str,
    state: PermitState,
    note: str,
    actor: Actor,
    *,
    check: Callable[[Application], None] | None = None,
    details: dict[str, Any] | None = None,
) -> ApplicationInfo:
    now = db.now()
    calendar = holiday_calendar(db)
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
        _end_clock_on_decision(app, old, state, now, actor, calendar, db)
        s.flush()
        info = application_info(s, app, db, calendar)
        record(
            s, db, actor, "application.status", "application", app.registration_number,
            details={"from": old, "to": state.value, "note": note, **(details or {})},
            event_type="application.status_changed", at=now,
            payload=event_payload(info, note, app.tracking_secret),
        )  # fmt: skip
        return info


def _end_clock_on_decision(
    app: Application,
    old: str,
    new: PermitState,
    now: datetime,
    actor: Actor,
    calendar: HolidayCalendar,
    db: Database,
) -> None:
    """The decision (the first decided state) ends the deadline clock, on the decision day."""
    if new in DECIDED and PermitState(old) not in DECIDED and app.clock_state != "ended":
        append_clock_event(
            app, ClockAction.END, day=local_day(now, db.timezone), at=now, actor=actor,
            calendar=calendar, zone=db.timezone, reason=PERMITS.label(new),
        )  # fmt: skip


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
    calendar = holiday_calendar(db)
    with db.write() as s:
        app = find_application(s, db, ref, lock=True)
        if app.state == target.value:
            return None
        if target not in PERMITS.later_states(app.state):
            check_transition(app.state, target)  # raises with the usual message
        old, app.state, app.updated_at = app.state, target.value, now
        app.history.append(history_row(target, now, actor, note.strip() or "Pembaruan dari kantor pusat"))
        _end_clock_on_decision(app, old, target, now, actor, calendar, db)
        s.flush()
        record(
            s, db, actor, "application.central_update", "application", app.registration_number,
            details={"from": old, "to": target.value, "note": note}, at=now,
        )  # fmt: skip
        return application_info(s, app, db, calendar)
