"""The read models of the tracking pages: an application (``/lacak/{number}?k=``) and a web
complaint (``/pengaduan/{code}``), and the complaint form's choices. Split from ``views`` (issue 21);
the same rules hold: nothing personal leaves here.
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
    Site,
    SiteBoard,
    WebComplaint,
)
from p4_desk.domain.complaint_deadlines import DEADLINE_LABELS, KIND_LABELS, ComplaintKind, overdue
from p4_desk.domain.complaint_lifecycle import COMPLAINTS
from p4_desk.domain.permit_lifecycle import PERMITS
from p4_desk.domain.wording import format_date, format_datetime
from p4_desk.errors import NotFound

ONE_DAY = timedelta(days=1)
COMPLAINT_STATES = frozenset(str(state) for state in COMPLAINTS.states)
WEB_COMPLAINT_LABELS = {
    "submitted": "Terkirim, menunggu diterima MPP",
    "refused": "Tidak dapat diproses MPP",
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
