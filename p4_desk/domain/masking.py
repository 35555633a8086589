"""The one way P4 Desk masks a NIK and a phone number, and finds them in free text (UU 27/2022).

- NIK: ``1871********0001`` — the first four digits (province and regency, needed to tell which
  hall's area the person is from) and the last four, the eight between them as stars
  (DOMAIN.md). Paper, screens others can see, logs, events and the central pages use this form.
- Phone: ``****7890`` — four stars and the last four digits, whatever the number's length, so
  the holder recognises it ("nomor berakhiran 7890") and the stars do not tell how long it is.
- Free text (a complaint description, a note, an address, a reason): a NIK typed in it, with or
  without spaces, dots or dashes between the digits, and an Indonesian phone number (``08…``,
  ``+62…``, ``62…``, a landline ``(0721) 123456``) are found by ``personal_numbers`` and masked
  by ``mask_personal_numbers`` with the two forms above. A phone-like run is only masked when
  ``domain.phone.normalize_phone`` accepts it, so dates, amounts and registration numbers stay.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from p4_desk.domain.phone import normalize_phone
from p4_desk.errors import ValidationError

_NIK_DIGITS = re.compile(r"[0-9]{16}")
_NIK_STARS = "*" * 8
_PHONE_STARS = "****"
#: 16 digits, each pair optionally separated by one space, dot or dash
_NIK_IN_TEXT = re.compile(r"(?<![0-9])[0-9](?:[ .\-]?[0-9]){15}(?![0-9])")
#: a run starting like an Indonesian number, 8-13 more digits, with the separators people type
_PHONE_IN_TEXT = re.compile(r"(?<![\w+*])(?:\+62|62|\(?0)(?:[ .\-()]{0,2}[0-9]){7,13}(?![0-9])")


def mask_nik(nik: str) -> str:
    """``1871********0001``. Raises ``ValidationError`` for anything that is not 16 digits
    (spaces between groups forgiven), so an unexpected value is never printed in clear."""
    digits = nik.strip().replace(" ", "")
    if not _NIK_DIGITS.fullmatch(digits):
        raise ValidationError("NIK harus 16 digit angka", field="nik")
    return digits[:4] + _NIK_STARS + digits[-4:]


def mask_phone(phone: str) -> str:
    """``****7890`` for any number with at least four digits; an empty value stays empty."""
    digits = re.sub(r"[^0-9]", "", phone)
    if not digits:
        return ""
    return _PHONE_STARS + digits[-4:]


@dataclass(frozen=True)
class Found:
    kind: str  # "nik" | "phone"
    start: int
    end: int


def personal_numbers(text: str) -> list[Found]:
    """The NIK-like and phone-like runs in ``text``, in order (NIKs first claim their digits)."""
    found = [Found("nik", m.start(), m.end()) for m in _NIK_IN_TEXT.finditer(text)]
    taken = [(f.start, f.end) for f in found]
    for m in _PHONE_IN_TEXT.finditer(text):
        if any(m.start() < end and start < m.end() for start, end in taken):
            continue
        run = m.group(0)
        try:
            normalize_phone(run)
        except ValidationError:
            continue
        found.append(Found("phone", m.start(), m.end()))
    return sorted(found, key=lambda f: f.start)


def has_personal_numbers(text: str | None) -> bool:
    return bool(text) and bool(personal_numbers(text or ""))


def mask_personal_numbers(text: str) -> str:
    """``text`` with every NIK and phone number in it masked (see the module docstring)."""
    if not text:
        return text
    parts: list[str] = []
    at = 0
    for f in personal_numbers(text):
        run = text[f.start : f.end]
        digits = re.sub(r"[^0-9]", "", run)
        parts.append(text[at : f.start])
        parts.append(mask_nik(digits) if f.kind == "nik" else mask_phone(digits))
        at = f.end
    parts.append(text[at:])
    return "".join(parts)
