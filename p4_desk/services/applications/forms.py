"""What an officer types for an application, and the field checks that need no database."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from p4_desk.domain.nik import check_nik
from p4_desk.domain.phone import normalize_phone
from p4_desk.errors import ValidationError

# Letters (any script), spaces and the punctuation of Indonesian names: "Ni Made A. Sari",
# "Muh. Ma'ruf", "Siti Nur-Aini". No digits.
_NAME_RE = re.compile(r"[^\W\d_](?:[^\W\d_]|[ .,'’`-])*")
_EMAIL_RE = re.compile(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}")
_NIB_RE = re.compile(r"[0-9]{13}")


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
