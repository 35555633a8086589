"""Permit applications: intake, drafts, lifecycle, search, hand-over and receipts.

Personal data (UU 27/2022): the full NIK is stored for the officer's search and the
hand-over check, and leaves this module only masked — never in an event, an audit row,
a log line, a receipt or a returned dataclass.
"""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta
from typing import Any, Literal

from sqlalchemy import delete, or_, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, selectinload

from p4_desk.domain.nik import check_nik, mask_nik, normalize_nik
from p4_desk.domain.permit_lifecycle import (
    INITIAL_STATE,
    LABELS,
    PermitState,
    allowed_next,
    check_transition,
    parse_state,
)
from p4_desk.domain.phone import normalize_phone
from p4_desk.domain.registration import format_registration_number, parse_registration_number
from p4_desk.errors import ConfigError, NotFound, ValidationError
from p4_desk.printing.receipt import ReceiptContent, ReceiptDocument, render_receipt
from p4_desk.services import queue
from p4_desk.services.permits import holiday_calendar
from p4_desk.services.site import get_setting, get_site
from p4_desk.store.db import Database
from p4_desk.store.journal import SYSTEM, Actor, record
from p4_desk.store.models import (
    Agency,
    Application,
    ApplicationDocument,
    ApplicationStatusChange,
    IntakeDraft,
    PermitType,
    RegistrationSequence,
    User,
)

log = logging.getLogger(__name__)

INCOMPLETE_POLICIES = ("refuse", "accept")
DRAFT_KEEP_DAYS = 7
ReceiptKind = Literal["intake", "handover"]

# Letters (any script), spaces and the punctuation of Indonesian names: "Ni Made A. Sari",
# "Muh. Ma'ruf", "Siti Nur-Aini". No digits.
_NAME_RE = re.compile(r"[^\W\d_](?:[^\W\d_]|[ .,'’`-])*")
_EMAIL_RE = re.compile(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}")
_NIB_RE = re.compile(r"[0-9]{13}")


# -- what comes in ---------------------------------------------------------------------------


@dataclass(frozen=True)
class DocumentInput:
    requirement: str
    received: bool
    note: str = ""


@dataclass(frozen=True)
class IntakeRequest:
    """What the officer typed (form or JSON file); nothing checked yet."""

    nik: str
    name: str
    phone: str
    address: str
    permit_type: str
    email: str = ""
    nib: str = ""
    business_name: str = ""
    documents: tuple[DocumentInput, ...] = ()
    ticket: str | None = None

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> IntakeRequest:
        """The CLI/integration form: ``documents`` is a list of ``{requirement, received, note}``."""
        if not isinstance(data, Mapping):
            raise ValidationError("Data permohonan harus berupa objek JSON.")
        docs = data.get("documents") or []
        if not isinstance(docs, list) or not all(isinstance(d, Mapping) for d in docs):
            raise ValidationError(
                "Kolom documents harus daftar objek {requirement, received, note}.", field="documents"
            )
        ticket = data.get("ticket")
        return cls(
            nik=_text(data.get("nik")),
            name=_text(data.get("name")),
            phone=_text(data.get("phone")),
            address=_text(data.get("address")),
            permit_type=_text(data.get("permit_type")),
            email=_text(data.get("email")),
            nib=_text(data.get("nib")),
            business_name=_text(data.get("business_name")),
            documents=tuple(
                DocumentInput(_text(d.get("requirement")), d.get("received") is True, _text(d.get("note")))
                for d in docs
            ),
            ticket=None if ticket in (None, "") else str(ticket),
        )

    def to_json(self) -> dict[str, Any]:
        return asdict(self) | {"documents": [asdict(d) for d in self.documents]}


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


class IntakeInvalid(ValidationError):
    """One message per bad field (``errors``: field → Indonesian message)."""

    code = "intake_invalid"

    def __init__(self, errors: Mapping[str, str]) -> None:
        self.errors = dict(errors)
        lines = "\n".join(f"- {message}" for message in self.errors.values())
        super().__init__(f"Permohonan belum dapat disimpan:\n{lines}", field=next(iter(self.errors), None))


# -- what goes out ---------------------------------------------------------------------------


@dataclass(frozen=True)
class DocumentInfo:
    requirement: str
    name: str
    mandatory: bool
    received: bool
    note: str


@dataclass(frozen=True)
class HistoryEntry:
    state: str
    label: str
    at: datetime
    officer: str | None
    note: str


@dataclass(frozen=True)
class ApplicationInfo:
    registration_number: str
    permit_type: str
    permit_name: str
    agency: str
    agency_name: str
    product: str
    state: str
    applicant_name: str
    nik_masked: str
    phone: str
    email: str | None
    address: str
    nib: str | None
    business_name: str | None
    ticket_number: str | None
    fee: int
    incomplete: bool
    received_at: datetime
    received_date: date  # site-local
    due_date: date
    officer: str | None
    officer_name: str | None
    receipt_prints: int
    handed_over_at: datetime | None
    handed_over_to: str | None
    documents: tuple[DocumentInfo, ...] = ()
    history: tuple[HistoryEntry, ...] = ()

    @property
    def state_label(self) -> str:
        return LABELS[PermitState(self.state)]

    @property
    def missing_documents(self) -> tuple[DocumentInfo, ...]:
        return tuple(d for d in self.documents if d.mandatory and not d.received)

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["state_label"] = self.state_label
        out["missing_documents"] = [d.requirement for d in self.missing_documents]
        for key, value in out.items():
            if isinstance(value, datetime | date):
                out[key] = value.isoformat()
        for entry in out["history"]:
            entry["at"] = entry["at"].isoformat()
        return out


@dataclass(frozen=True)
class ApplicationSummary:
    registration_number: str
    permit_type: str
    permit_name: str
    state: str
    applicant_name: str
    nik_masked: str
    phone: str
    received_at: datetime
    due_date: date
    incomplete: bool

    @property
    def state_label(self) -> str:
        return LABELS[PermitState(self.state)]

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["state_label"] = self.state_label
        out["received_at"] = self.received_at.isoformat()
        out["due_date"] = self.due_date.isoformat()
        return out


# -- settings ---------------------------------------------------------------------------------


def registration_prefix(db: Database) -> str:
    """The site setting, or the letters of the site code (``MPP-BDL`` → ``MPPBDL``)."""
    configured = str(get_setting(db, "permits.registration_prefix") or "").strip().upper()
    if configured:
        if not re.fullmatch(r"[A-Z]{2,6}", configured):
            raise ConfigError(
                f"Awalan nomor pendaftaran '{configured}' tidak valid: harus 2–6 huruf A–Z "
                "(pengaturan permits.registration_prefix)."
            )
        return configured
    letters = "".join(ch for ch in get_site(db).code.upper() if "A" <= ch <= "Z")[:6]
    return letters if len(letters) >= 2 else "REG"


def incomplete_policy(db: Database) -> str:
    policy = str(get_setting(db, "permits.incomplete_policy"))
    if policy not in INCOMPLETE_POLICIES:
        raise ConfigError(
            f"Pengaturan permits.incomplete_policy '{policy}' tidak dikenal (refuse atau accept)."
        )
    return policy


# -- field checks (no database) ----------------------------------------------------------------


def check_fields(request: IntakeRequest, today: date) -> dict[str, str]:
    """Indonesian message per bad applicant field; empty when every field is acceptable."""
    errors: dict[str, str] = {}
    if not request.nik:
        errors["nik"] = "NIK wajib diisi"
    else:
        nik = check_nik(request.nik, today)
        if not nik.valid:
            errors["nik"] = "; ".join(nik.reasons)
    name = " ".join(request.name.split())
    if not name:
        errors["name"] = "Nama pemohon wajib diisi"
    elif len(name) < 3 or len(name) > 100 or not _NAME_RE.fullmatch(name):
        errors["name"] = "Nama pemohon harus 3–100 huruf (tanpa angka)"
    try:
        normalize_phone(request.phone)
    except ValidationError as exc:
        errors["phone"] = exc.message
    if request.email and not _EMAIL_RE.fullmatch(request.email):
        errors["email"] = "Alamat email tidak valid (contoh: nama@contoh.id)"
    if len(" ".join(request.address.split())) < 5:
        errors["address"] = "Alamat wajib diisi dengan lengkap"
    if request.nib and not _NIB_RE.fullmatch(request.nib.replace(" ", "")):
        errors["nib"] = "NIB harus 13 digit angka"
    if not request.permit_type:
        errors["permit_type"] = "Jenis izin wajib dipilih"
    return errors


def _documents(
    permit: PermitType, given: Sequence[DocumentInput]
) -> tuple[list[ApplicationDocument], str | None]:
    """The checklist of the permit type with what was handed in; unknown codes are an error."""
    known = {r.code for r in permit.requirements}
    by_code = {d.requirement.strip().upper(): d for d in given}
    unknown = sorted(set(by_code) - known)
    if unknown:
        return [], f"Persyaratan tidak dikenal untuk izin {permit.code}: {', '.join(unknown)}"
    docs = []
    for position, req in enumerate(permit.requirements):
        entry = by_code.get(req.code)
        docs.append(
            ApplicationDocument(
                requirement_code=req.code,
                name=req.name,
                mandatory=req.mandatory,
                received=bool(entry and entry.received),
                note=entry.note if entry else "",
                position=position,
            )
        )
    return docs, None


# -- intake ------------------------------------------------------------------------------------


def allocate_sequence(s: Session, db: Database, prefix: str, year: int, month: int) -> int:
    """The next registration sequence of ``prefix`` in that month, atomic across PCs."""
    ins = (sqlite.insert if db.is_sqlite else postgresql.insert)(RegistrationSequence)
    stmt = (
        ins.values(prefix=prefix, year=year, month=month, last_number=1)
        .on_conflict_do_update(
            index_elements=["prefix", "year", "month"],
            set_={"last_number": RegistrationSequence.last_number + 1},
        )
        .returning(RegistrationSequence.last_number)
    )
    return int(s.execute(stmt).scalar_one())


def intake(
    db: Database, request: IntakeRequest, actor: Actor = SYSTEM, *, draft_key: str | None = None
) -> ApplicationInfo:
    """Register an application: checks every field, allocates the number, computes the due date.

    Raises ``IntakeInvalid`` with one message per bad field. An incomplete dossier is refused
    or accepted as *berkas belum lengkap* depending on the site setting. The draft
    ``draft_key`` (if any) is removed in the same transaction.
    """
    now = db.now()
    today = now.astimezone(db.timezone).date()
    errors = check_fields(request, today)
    ticket: queue.TicketInfo | None = None
    if request.ticket:
        try:
            ticket = queue.get_ticket(db, request.ticket)
        except NotFound:
            errors["ticket"] = f"Tiket antrian {request.ticket} tidak ditemukan"
    policy = incomplete_policy(db)
    prefix = registration_prefix(db)
    calendar = holiday_calendar(db)
    with db.write() as s:
        permit = s.scalar(
            select(PermitType)
            .where(PermitType.code == request.permit_type.upper())
            .options(selectinload(PermitType.requirements))
        )
        docs: list[ApplicationDocument] = []
        if request.permit_type and (permit is None or permit.retired):
            errors["permit_type"] = f"Jenis izin '{request.permit_type}' tidak tersedia"
        elif permit is not None:
            docs, doc_error = _documents(permit, request.documents)
            if doc_error:
                errors["documents"] = doc_error
        missing = [d for d in docs if d.mandatory and not d.received]
        if missing and policy == "refuse":
            errors["documents"] = "Berkas belum lengkap, belum diserahkan: " + ", ".join(
                d.name for d in missing
            )
        if errors or permit is None:
            raise IntakeInvalid(errors)

        seq = allocate_sequence(s, db, prefix, today.year, today.month)
        number = format_registration_number(prefix, today.year, today.month, seq)
        app = Application(
            registration_number=number,
            permit_type=permit,
            state=INITIAL_STATE.value,
            nik=normalize_nik(request.nik),
            name=" ".join(request.name.split()),
            name_key=" ".join(request.name.split()).lower(),
            phone=normalize_phone(request.phone),
            email=request.email or None,
            address=" ".join(request.address.split()),
            nib=request.nib.replace(" ", "") or None,
            business_name=request.business_name.strip() or None,
            ticket_uid=ticket.uid if ticket else None,
            ticket_number=ticket.number if ticket else None,
            fee=permit.fee,
            incomplete=bool(missing),
            received_at=now,
            due_date=calendar.working_days_after(today, permit.working_days),
            officer_id=actor.user_id,
            officer_name=actor.username,
            receipt_prints=0,
            updated_at=now,
            documents=docs,
        )
        note = "Berkas belum lengkap: " + ", ".join(d.name for d in missing) if missing else "Berkas lengkap"
        app.history.append(_history(INITIAL_STATE, now, actor, note))
        s.add(app)
        s.flush()
        info = _info(s, app, db)
        record(
            s, db, actor, "application.receive", "application", number,
            details={"permit_type": permit.code, "incomplete": bool(missing), "ticket": info.ticket_number},
            event_type="application.received", payload=_payload(info, note), at=now,
        )  # fmt: skip
        if draft_key:
            s.execute(delete(IntakeDraft).where(IntakeDraft.key == draft_key))
    log.info("application %s received (%s)", number, permit.code)
    return info


def _history(state: PermitState, at: datetime, actor: Actor, note: str) -> ApplicationStatusChange:
    return ApplicationStatusChange(
        state=state.value, at=at, officer_id=actor.user_id, officer_name=actor.username, note=note
    )


def _payload(info: ApplicationInfo, note: str) -> dict[str, Any]:
    return {
        "registration_number": info.registration_number,
        "permit_type": info.permit_type,
        "agency": info.agency,
        "state": info.state,
        "applicant_name": info.applicant_name,
        "nik_masked": info.nik_masked,
        "due_date": info.due_date.isoformat(),
        "received_at": info.received_at.isoformat(),
        "note": note,
        "officer": info.officer,
        "missing_documents": [d.requirement for d in info.missing_documents],
    }


def _full_name(s: Session, user_id: int | None) -> str | None:
    return None if user_id is None else s.scalar(select(User.full_name).where(User.id == user_id))


def _info(s: Session, app: Application, db: Database) -> ApplicationInfo:
    permit = app.permit_type
    agency_name = s.scalar(select(Agency.name).where(Agency.code == permit.agency)) or permit.agency
    officer_name = (
        s.scalar(select(User.full_name).where(User.id == app.officer_id)) if app.officer_id else None
    )
    return ApplicationInfo(
        registration_number=app.registration_number,
        permit_type=permit.code,
        permit_name=permit.name,
        agency=permit.agency,
        agency_name=agency_name,
        product=permit.product,
        state=app.state,
        applicant_name=app.name,
        nik_masked=mask_nik(app.nik),
        phone=app.phone,
        email=app.email,
        address=app.address,
        nib=app.nib,
        business_name=app.business_name,
        ticket_number=app.ticket_number,
        fee=app.fee,
        incomplete=app.incomplete,
        received_at=app.received_at,
        received_date=app.received_at.astimezone(db.timezone).date(),
        due_date=app.due_date,
        officer=app.officer_name,
        officer_name=officer_name or app.officer_name,
        receipt_prints=app.receipt_prints,
        handed_over_at=app.handed_over_at,
        handed_over_to=app.handed_over_to,
        documents=tuple(
            DocumentInfo(d.requirement_code, d.name, d.mandatory, d.received, d.note) for d in app.documents
        ),
        history=tuple(
            HistoryEntry(h.state, LABELS[PermitState(h.state)], h.at, h.officer_name, h.note)
            for h in app.history
        ),
    )


# -- finding ------------------------------------------------------------------------------------


def _find(s: Session, db: Database, ref: str, *, lock: bool = False) -> Application:
    number = parse_registration_number(ref).text
    query = select(Application).where(Application.registration_number == number)
    if lock and not db.is_sqlite:
        query = query.with_for_update()
    app = s.scalar(query)
    if app is None:
        raise NotFound(f"Permohonan {number} tidak ditemukan.", field="registration_number")
    return app


def get_application(db: Database, ref: str) -> ApplicationInfo:
    with db.read() as s:
        return _info(s, _find(s, db, ref), db)


def search_applications(db: Database, text: str, limit: int = 50) -> list[ApplicationSummary]:
    """By registration number (typos in look-alike letters forgiven), NIK, phone or part of the name."""
    query_text = text.strip()
    if not query_text:
        return []
    conditions: list[Any] = []
    try:
        conditions.append(Application.registration_number == parse_registration_number(query_text).text)
    except ValidationError:
        if re.fullmatch(r"[A-Za-z]{2,6}-[0-9-]+", query_text):  # a number without its check character
            conditions.append(Application.registration_number.startswith(query_text.upper()))
    nik = normalize_nik(query_text)
    if re.fullmatch(r"[0-9]{16}", nik):
        conditions.append(Application.nik == nik)
    with contextlib.suppress(ValidationError):
        conditions.append(Application.phone == normalize_phone(query_text))
    name_condition = None
    if len(query_text) >= 2 and not any(ch.isdigit() for ch in query_text):
        name_condition = Application.name_key.contains(" ".join(query_text.lower().split()), autoescape=True)
        conditions.append(name_condition)
    if not conditions:
        return []
    with db.read() as s:
        where = or_(*conditions)
        if name_condition is not None and len(conditions) == 1:
            where = _name_filter(s, name_condition)
        rows = s.execute(
            select(Application, PermitType.code, PermitType.name)
            .join(PermitType, Application.permit_type_id == PermitType.id)
            .where(where)
            .order_by(Application.received_at.desc())
            .limit(limit)
        ).all()
        return [
            ApplicationSummary(
                registration_number=a.registration_number,
                permit_type=code,
                permit_name=name,
                state=a.state,
                applicant_name=a.name,
                nik_masked=mask_nik(a.nik),
                phone=a.phone,
                received_at=a.received_at,
                due_date=a.due_date,
                incomplete=a.incomplete,
            )
            for a, code, name in rows
        ]


_NAME_CANDIDATES = 1000


def _name_filter(s: Session, condition: Any) -> Any:
    """A part-of-name search that stays fast whether the name is rare or common.

    Newest-first over the received-at index stops early when many rows match, but reads the
    whole table when few do; the name index (name and id only) is read quickly in full. So:
    take the ids from the name index when there are few, else let the newest-first scan run.
    """
    ids = s.scalars(select(Application.id).where(condition).limit(_NAME_CANDIDATES + 1)).all()
    return Application.id.in_(ids) if len(ids) <= _NAME_CANDIDATES else condition


# -- lifecycle -----------------------------------------------------------------------------------


def change_state(
    db: Database, ref: str, new_state: str, note: str = "", actor: Actor = SYSTEM
) -> ApplicationInfo:
    """Move an application one step (see ``domain.permit_lifecycle``); illegal steps are refused.

    The last step, *diserahkan*, goes through ``hand_over`` (the applicant is checked).
    """
    state = parse_state(new_state)
    if state is PermitState.DISERAHKAN:
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
    return _move(db, ref, PermitState.DISERAHKAN, text, actor, check=check)


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
        app = _find(s, db, ref, lock=True)
        check_transition(app.state, state)
        if check is not None:
            check(app)
        old = app.state
        app.state = state.value
        app.updated_at = now
        if state is PermitState.DISERAHKAN:
            app.handed_over_at = now
        app.history.append(_history(state, now, actor, note))
        s.flush()
        info = _info(s, app, db)
        record(
            s, db, actor, "application.status", "application", app.registration_number,
            details={"from": old, "to": state.value, "note": note},
            event_type="application.status_changed", payload=_payload(info, note), at=now,
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
    target = parse_state(state)
    now = db.now()
    with db.write() as s:
        app = _find(s, db, ref, lock=True)
        if app.state == target.value:
            return None
        if target not in _later_states(PermitState(app.state)):
            check_transition(app.state, target)  # raises with the usual message
        old, app.state, app.updated_at = app.state, target.value, now
        app.history.append(_history(target, now, actor, note.strip() or "Pembaruan dari kantor pusat"))
        s.flush()
        record(
            s, db, actor, "application.central_update", "application", app.registration_number,
            details={"from": old, "to": target.value, "note": note}, at=now,
        )  # fmt: skip
        return _info(s, app, db)


def _later_states(state: PermitState) -> set[PermitState]:
    later: set[PermitState] = set()
    frontier = set(allowed_next(state))
    while frontier:
        later |= frontier
        frontier = {n for f in frontier for n in allowed_next(f)} - later
    return later


# -- drafts --------------------------------------------------------------------------------------


def draft_key(workstation: str, ticket_uid: str | None) -> str:
    """One draft per workstation and ticket (or the walk-in form of that workstation)."""
    return f"{workstation}/{ticket_uid or 'walk-in'}"


def save_draft(db: Database, key: str, data: Mapping[str, Any], actor: Actor = SYSTEM) -> None:
    """Autosave what was typed. Not audited: a draft is not a change to any record."""
    with db.write() as s:
        s.merge(IntakeDraft(key=key, data=dict(data), user_id=actor.user_id, updated_at=db.now()))


def load_draft(db: Database, key: str) -> dict[str, Any] | None:
    with db.read() as s:
        draft = s.get(IntakeDraft, key)
        return None if draft is None else dict(draft.data)


def purge_stale_drafts(db: Database, days: int = DRAFT_KEEP_DAYS) -> int:
    """Delete drafts nobody touched for ``days`` days: they hold personal data (UU 27/2022)."""
    cutoff = db.now() - timedelta(days=days)
    with db.write() as s:
        result = s.execute(delete(IntakeDraft).where(IntakeDraft.updated_at < cutoff))
        return int(getattr(result, "rowcount", 0) or 0)


def discard_draft(db: Database, key: str) -> None:
    with db.write() as s:
        s.execute(delete(IntakeDraft).where(IntakeDraft.key == key))


# -- receipts ------------------------------------------------------------------------------------


def receipt_pdf(
    db: Database,
    ref: str,
    *,
    paper: str = "A5",
    kind: ReceiptKind = "intake",
    copy: bool = False,
    actor: Actor = SYSTEM,
) -> bytes:
    """The receipt as PDF. The first intake receipt is the original; every later one
    (or any with ``copy``) is watermarked SALINAN. Every print is audited."""
    if paper not in ("A4", "A5"):
        raise ValidationError("Ukuran kertas tanda terima harus A4 atau A5.", field="paper")
    site = get_site(db)
    address = str(get_setting(db, "site.address") or "")
    tracking = str(get_setting(db, "permits.tracking_url"))
    complaint = str(get_setting(db, "permits.complaint_channel"))
    with db.write() as s:
        app = _find(s, db, ref, lock=True)
        if kind == "handover" and app.state != PermitState.DISERAHKAN:
            raise ValidationError(
                "Tanda terima penyerahan hanya untuk izin yang sudah diserahkan.", field="kind"
            )
        is_copy = copy or (kind == "intake" and app.receipt_prints > 0)
        if kind == "intake":
            app.receipt_prints += 1
        s.flush()
        info = _info(s, app, db)
        officer = info.officer_name
        if kind == "handover":  # the officer who handed it over, not the one who took it in
            officer = _full_name(s, app.history[-1].officer_id) or app.history[-1].officer_name
        record(
            s, db, actor, "application.receipt_reprint" if is_copy else "application.receipt_print",
            "application", app.registration_number, details={"kind": kind, "paper": paper, "copy": is_copy},
        )  # fmt: skip
    content = ReceiptContent(
        kind=kind,
        site_name=site.name,
        site_address=address,
        agency_name=info.agency_name,
        registration_number=info.registration_number,
        tracking_url=tracking_url(tracking, info.registration_number),
        applicant_name=info.applicant_name,
        nik_masked=info.nik_masked,
        permit_name=info.permit_name,
        product=info.product,
        documents=tuple(ReceiptDocument(d.name, d.mandatory, d.received, d.note) for d in info.documents),
        fee=info.fee,
        received_at=info.received_at.astimezone(db.timezone),
        due_date=info.due_date,
        officer_name=officer or "-",
        complaint_channel=complaint,
        ticket_number=info.ticket_number,
        copy=is_copy,
        handed_over_to=info.handed_over_to,
        handed_over_at=info.handed_over_at.astimezone(db.timezone) if info.handed_over_at else None,
    )
    return render_receipt(content, paper=paper)


def tracking_url(template: str, number: str) -> str:
    """``{nomor}`` in the site's template becomes the number; without it the number is appended."""
    return template.replace("{nomor}", number) if "{nomor}" in template else template + number
