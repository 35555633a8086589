"""The read models of the citizens' pages: one function per page, the same dict for HTML and JSON.

Nothing personal leaves here (DESIGN §7): no NIK, name, phone, e-mail or reporter identity,
no officer. A ticket shows its number, service, place in line and counter; an application its
permit, state history, due date, missing documents and the applicant's masked name; a web
complaint what the citizen wrote and the hall's answer. Figures are *live* only while the hall
is in contact (``central.live.is_live``); otherwise they carry the time they are from.
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from p4_desk.central import live
from p4_desk.central.models import (
    ApplicationProjection,
    ApplicationStep,
    ApplicationUpdate,
    Reminder,
    Site,
    SiteBoard,
    TicketProjection,
    WebComplaint,
)
from p4_desk.domain.complaint_deadlines import DEADLINE_LABELS, KIND_LABELS, ComplaintKind, overdue
from p4_desk.domain.complaint_lifecycle import COMPLAINTS
from p4_desk.domain.masking import mask_phone
from p4_desk.domain.permit_lifecycle import PERMITS
from p4_desk.domain.ticket_lifecycle import TICKETS
from p4_desk.domain.wording import format_date, format_datetime, format_estimate, format_time
from p4_desk.errors import NotFound

ONE_DAY = timedelta(days=1)
COMPLAINT_STATES = frozenset(str(state) for state in COMPLAINTS.states)
WEB_COMPLAINT_LABELS = {
    "submitted": "Terkirim, menunggu diterima MPP",
    "refused": "Tidak dapat diproses MPP",
}


def halls(session: Session, now: datetime) -> dict[str, Any]:
    """``/``: every hall that published its board, with its state now."""
    boards = {b.site: b.board for b in session.scalars(select(SiteBoard))}
    out: list[dict[str, Any]] = []
    for site in session.scalars(select(Site).where(Site.revoked_at.is_(None)).order_by(Site.name)):
        board = boards.get(site.code)
        if board is None:
            continue
        detail = _hall(session, site, board, now)
        estimates = [
            s["estimate_minutes"]
            for s in detail["services"]
            if s["open_now"] and s["waiting"] and s["open_counters"]
        ]
        out.append(
            {
                **{
                    k: detail[k]
                    for k in ("site", "name", "state", "state_text", "live", "as_of", "as_of_text")
                },
                "waiting": sum(s["waiting"] for s in detail["services"]),
                "services_open": sum(1 for s in detail["services"] if s["open_now"]),
                "services_total": len(detail["services"]),
                "longest_estimate_minutes": max(estimates) if estimates else None,
                "longest_estimate_text": format_estimate(max(estimates)) if estimates else "–",
            }
        )
    return {"halls": out, "generated_at": now}


def hall(session: Session, code: str, now: datetime) -> dict[str, Any]:
    """``/s/{site}``: per service, waiting, now at a counter, estimated wait for a new ticket."""
    site = session.get(Site, code)
    board_row = session.get(SiteBoard, code)
    if site is None or site.revoked_at is not None or board_row is None:
        raise NotFound("MPP tidak ditemukan atau belum mengirim data antrian.")
    return _hall(session, site, board_row.board, now)


def ticket(session: Session, token: str, now: datetime, *, reminders_available: bool) -> dict[str, Any]:
    """``/t/{token}``: my ticket — number, service, people ahead, estimate, the counter once called."""
    rows = list(
        session.scalars(select(TicketProjection).where(TicketProjection.public_token == token).limit(2))
    )
    if len(rows) != 1:
        raise NotFound("Tiket tidak ditemukan. Periksa alamat pada kode QR tiket Anda.")
    t = rows[0]
    site = session.get(Site, t.site)
    board_row = session.get(SiteBoard, t.site)
    board = board_row.board if board_row else None
    freshness = _freshness(site, board, now)
    service = live.board_service(board, t.service)
    ahead = estimate = None
    if t.state == "waiting":
        ahead = live.people_ahead(session, t)
        figures = live.queue_figures(session, t.site, board, now).get(t.service or "", live.QueueFigures())
        default = float(service.get("default_service_minutes") or live.DEFAULT_SERVICE_MINUTES)
        estimate = figures.estimate_for(ahead, default)
    today = live.local_today(board, now)
    expired = t.service_day is not None and t.service_day < today and t.state in ("waiting", "called")
    counter = t.counter_name or t.counter
    reminder = session.get(Reminder, (t.site, t.ticket_uid))
    threshold = int((board or {}).get("remind_when_ahead") or 3)
    return {
        "site": t.site,
        "site_name": site.name if site else t.site,
        "number": t.number,
        "service": t.service,
        "service_name": t.service_name or service.get("name") or t.service,
        "agency_name": t.agency_name or service.get("agency_name"),
        "state": "expired" if expired else t.state,
        "state_label": "Kedaluwarsa" if expired else TICKETS.label(t.state),
        "message": _ticket_message(t.state, counter, ahead, expired),
        "people_ahead": ahead,
        "estimate_minutes": estimate,
        "estimate_text": format_estimate(estimate) if estimate is not None else None,
        "counter_name": counter if t.state in live.AT_COUNTER else None,
        "called_at": t.called_at,
        "issued_at": t.issued_at,
        "issued_text": format_datetime(t.issued_at, live.board_zone(board)) if t.issued_at else None,
        "freshness": freshness,
        "reminder": {
            "available": reminders_available and t.state == "waiting" and not expired,
            "active": reminder is not None,
            "phone_hint": _phone_hint(reminder.phone) if reminder else None,
            "when_ahead": threshold,
        },
    }


def tracking(session: Session, number: str, secret: str | None, now: datetime) -> dict[str, Any]:
    """``/lacak/{number}?k=``: the application's history; a wrong or missing secret is 404."""
    refused = NotFound("Permohonan tidak ditemukan. Pindai kode QR pada tanda terima Anda.")
    if not secret or len(secret) > 64:
        raise refused
    candidates = list(
        session.scalars(
            select(ApplicationProjection).where(ApplicationProjection.registration_number == number)
        )
    )
    digest = hashlib.sha256(secret.encode()).hexdigest()
    found = [
        a
        for a in candidates
        if a.tracking_secret_hash and hmac.compare_digest(a.tracking_secret_hash, digest)
    ]
    if len(found) != 1:
        raise refused
    app = found[0]
    site = session.get(Site, app.site)
    board_row = session.get(SiteBoard, app.site)
    zone = live.board_zone(board_row.board if board_row else None)
    history: list[tuple[datetime, str, str]] = [
        (step.at, step.state, "")
        for step in session.scalars(
            select(ApplicationStep)
            .where(ApplicationStep.site == app.site, ApplicationStep.registration_number == number)
            .order_by(ApplicationStep.at, ApplicationStep.id)
        )
    ]
    history += [
        (u.changed_at, u.state, "kantor pusat")
        for u in session.scalars(
            select(ApplicationUpdate).where(
                ApplicationUpdate.site == app.site, ApplicationUpdate.registration_number == number
            )
        )
    ]
    history.sort(key=lambda h: h[0])
    state = history[-1][1] if history else app.state
    return {
        "registration_number": app.registration_number,
        "site_name": site.name if site else app.site,
        "permit_type": app.permit_type,
        "permit_name": app.permit_name or app.permit_type,
        "applicant": app.applicant_masked,
        "state": state,
        "state_label": _permit_label(state),
        "received_on": app.day,
        "received_text": format_date(app.day),
        "due_date": app.due_date,
        "due_text": format_date(app.due_date, weekday=True) if app.due_date else None,
        "missing_documents": list(app.missing_documents or []),
        "history": [
            {
                "state": s,
                "label": _permit_label(s),
                "at": at,
                "at_text": format_datetime(at, zone),
                "by": by,
            }
            for at, s, by in _distinct_steps(history)
        ],
        "as_of": site.last_contact_at if site else None,
    }


def complaint(session: Session, code: str, now: datetime) -> dict[str, Any]:
    """``/pengaduan/{code}``: where a web complaint is, and the hall's answer."""
    row = session.scalar(select(WebComplaint).where(WebComplaint.code == code.strip().upper()))
    if row is None:
        raise NotFound("Kode pelacakan pengaduan tidak ditemukan. Periksa kembali kode Anda.")
    site = session.get(Site, row.site)
    board_row = session.get(SiteBoard, row.site)
    zone = live.board_zone(board_row.board if board_row else None)
    steps = [
        {
            "state": str(step.get("state")),
            "label": _complaint_label(str(step.get("state"))),
            "at": step.get("at"),
            "at_text": format_datetime(datetime.fromisoformat(str(step["at"])), zone)
            if step.get("at")
            else "",
            "note": step.get("note"),
        }
        for step in row.steps
    ]
    answers = [s["note"] for s in steps if s["state"] == "answered" and s.get("note")]
    open_deadlines = []
    if row.state in COMPLAINT_STATES:
        for name, due in sorted((row.deadlines or {}).items(), key=lambda item: item[1]):
            # still to be met in this state (the desk's rule, ``overdue`` the day after it)
            day = date.fromisoformat(due)
            if (
                name in DEADLINE_LABELS
                and name != "auto_close"
                and overdue(row.state, {name: day}, day + ONE_DAY)
            ):
                open_deadlines.append(
                    {
                        "name": name,
                        "label": DEADLINE_LABELS[name],
                        "date": due,
                        "text": format_date(date.fromisoformat(due)),
                    }
                )
    return {
        "code": row.code,
        "site_name": site.name if site else row.site,
        "agency_name": row.agency_name,
        "service_name": row.service_name,
        "kind": row.kind,
        "kind_label": KIND_LABELS.get(ComplaintKind(row.kind), row.kind),
        "description": row.description,
        "filed_at": row.filed_at,
        "filed_text": format_datetime(row.filed_at, zone),
        "state": row.state,
        "state_label": _complaint_label(row.state),
        "complaint_number": row.complaint_number,
        "steps": steps,
        "answer": answers[-1] if answers else None,
        "deadlines": open_deadlines,
        "refused_reason": row.refused_reason,
    }


def complaint_choices(session: Session) -> dict[str, Any]:
    """What the complaint form offers: halls, their agencies and services (from their boards)."""
    out: list[dict[str, Any]] = []
    for site in session.scalars(select(Site).where(Site.revoked_at.is_(None)).order_by(Site.name)):
        board_row = session.get(SiteBoard, site.code)
        if board_row is None:
            continue
        agencies: dict[str, dict[str, Any]] = {}  # code -> {"code", "name", "services": [...]}
        for service in board_row.board.get("services", []):
            code = str(service.get("agency") or "")
            if not code:
                continue
            agency: dict[str, Any] = agencies.setdefault(
                code, {"code": code, "name": str(service.get("agency_name") or code), "services": []}
            )
            agency["services"].append({"code": str(service["code"]), "name": str(service["name"])})
        out.append(
            {
                "site": site.code,
                "name": site.name,
                "agencies": sorted(agencies.values(), key=lambda a: str(a["name"])),
            }
        )
    kinds = [{"code": kind.value, "label": label} for kind, label in KIND_LABELS.items()]
    return {"halls": out, "kinds": kinds}


# --- pieces ----------------------------------------------------------------------------------


def _hall(session: Session, site: Site, board: dict[str, Any], now: datetime) -> dict[str, Any]:
    zone = live.board_zone(board)
    local = now.astimezone(zone)
    figures = live.queue_figures(session, site.code, board, now)
    services = []
    for service in board.get("services", []):
        code = str(service.get("code"))
        queue = figures.get(code, live.QueueFigures())
        default = float(service.get("default_service_minutes") or live.DEFAULT_SERVICE_MINUTES)
        estimate = queue.estimate_for(queue.waiting, default)
        services.append(
            {
                "code": code,
                "name": str(service.get("name") or code),
                "agency": str(service.get("agency") or ""),
                "agency_name": str(service.get("agency_name") or service.get("agency") or ""),
                "open_now": live.service_open(service, local),
                "hours_today": live.hours_today(service, local),
                "waiting": queue.waiting,
                "serving": [{"number": n, "counter": c} for n, c in queue.serving],
                "open_counters": queue.open_counters,
                "estimate_minutes": estimate,
                "estimate_text": _estimate_text(queue, estimate),
            }
        )
    return {
        "site": site.code,
        "name": site.name,
        "timezone": zone.key,
        **_freshness(site, board, now),
        "services": services,
    }


def _freshness(site: Site | None, board: dict[str, Any] | None, now: datetime) -> dict[str, Any]:
    """``state``: ``open`` (live), ``stale`` (open but out of contact), ``closed``, ``no_data``."""
    zone = live.board_zone(board)
    contact = site.last_contact_at if site else None
    is_live = live.is_live(contact, now)
    local = now.astimezone(zone)
    open_now = board is not None and any(live.service_open(s, local) for s in board.get("services", []))
    as_of_text = format_time(contact, zone) if contact else None
    if board is None:
        state, text = "no_data", "Belum ada data antrian dari MPP ini."
    elif not open_now:
        state, text = "closed", "Tutup saat ini."
    elif is_live:
        state, text = "open", "Buka · data langsung"
    else:
        state = "stale"
        text = (
            f"Data terakhir {as_of_text}. Sambungan MPP ke server pusat terputus: angka di bawah "
            "mungkin sudah berubah. Perhatikan layar panggilan di ruang tunggu."
            if as_of_text
            else "MPP ini belum tersambung ke server pusat hari ini."
        )
    return {
        "state": state,
        "state_text": text,
        "live": is_live and open_now,
        "as_of": contact,
        "as_of_text": as_of_text,
    }


def _ticket_message(state: str, counter: str | None, ahead: int | None, expired: bool) -> str:
    if expired:
        return "Tiket ini dari hari layanan sebelumnya dan tidak akan dipanggil lagi."
    if state == "called":
        return f"Nomor Anda dipanggil. Silakan menuju {counter or 'loket'}."
    if state == "serving":
        return f"Anda sedang dilayani di {counter or 'loket'}."
    if state == "waiting":
        if not ahead:
            return "Anda berikutnya. Mohon bersiap di ruang tunggu."
        return f"Masih ada {ahead} orang di depan Anda."
    if state == "done":
        return "Layanan selesai. Terima kasih."
    if state == "no_show":
        return "Nomor Anda dipanggil tetapi Anda tidak hadir. Hubungi petugas bila Anda masih di lokasi."
    if state == "cancelled":
        return "Tiket ini dibatalkan."
    return ""


def _estimate_text(queue: live.QueueFigures, estimate: int) -> str:
    if not queue.waiting:
        return "Tanpa antre"
    if not queue.open_counters:
        return "Belum ada loket buka"
    return format_estimate(estimate)


def _phone_hint(phone: str) -> str:
    return mask_phone(phone)


def _permit_label(state: str) -> str:
    try:
        return PERMITS.label(state)
    except (KeyError, ValueError):
        return state


def _complaint_label(state: str) -> str:
    if state in WEB_COMPLAINT_LABELS:
        return WEB_COMPLAINT_LABELS[state]
    try:
        return COMPLAINTS.label(state)
    except (KeyError, ValueError):
        return state


def _distinct_steps(history: list[tuple[datetime, str, str]]) -> list[tuple[datetime, str, str]]:
    """One line per state reached (a state told twice in a row is shown once)."""
    out: list[tuple[datetime, str, str]] = []
    for entry in history:
        if out and out[-1][1] == entry[1]:
            continue
        out.append(entry)
    return out
