"""The read models of the citizens' pages: one function per page, the same dict for HTML and JSON.

Nothing personal leaves here (DESIGN §7): no NIK, name, phone, e-mail or reporter identity,
no officer. A ticket shows its number, service, place in line and counter; an application its
permit, state history, due date, missing documents and the applicant's masked name; a web
complaint what the citizen wrote and the hall's answer. Figures are *live* only while the hall
is in contact (``central.live.is_live``); otherwise they carry the time they are from.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from p4_desk.central import live
from p4_desk.central.models import (
    Reminder,
    Site,
    SiteBoard,
    TicketProjection,
)
from p4_desk.domain.masking import mask_phone
from p4_desk.domain.ticket_lifecycle import TICKETS
from p4_desk.domain.wording import format_datetime, format_estimate, format_time
from p4_desk.errors import NotFound


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
        "visit_next": list(t.visit_next or []),
        "visit_text": f"Lanjut ke: {', lalu '.join(t.visit_next)}" if t.visit_next else None,
        "freshness": freshness,
        "reminder": {
            "available": reminders_available and t.state == "waiting" and not expired,
            "active": reminder is not None,
            "phone_hint": _phone_hint(reminder.phone) if reminder else None,
            "when_ahead": threshold,
        },
    }


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


# the tracking pages' read models (split out; ``views.tracking`` etc. stay where callers look)
from p4_desk.central.public.tracking_views import complaint, complaint_choices, tracking  # noqa: E402

__all__ = ["complaint", "complaint_choices", "hall", "halls", "ticket", "tracking"]
