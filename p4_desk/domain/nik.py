"""NIK (Nomor Induk Kependudukan) checks.

A NIK is 16 digits ``PP KK CC DDMMYY SSSS``: province, regency/city and district of
registration (Kemendagri codes), birth date (women: day + 40) and a sequence number.
There is no check digit, so a "valid" NIK is only a plausible one.

The region table is data (``data/regions.json``). The province list is complete; the
regency list is partial, so an unknown regency inside a known province is not an error
(``regency`` is then ``None``), while an unknown province is.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from types import MappingProxyType

from p4_desk.errors import ValidationError

_NIK_RE = re.compile(r"[0-9]{16}")
_FEMALE_DAY_OFFSET = 40
_MASK = "*" * 10  # as written in DOMAIN.md: 1871**********0001


@dataclass(frozen=True)
class Regions:
    provinces: Mapping[str, str]  # "18" → "Lampung"
    regencies: Mapping[str, str]  # "1871" → "Kota Bandar Lampung" (partial)


@cache
def load_regions() -> Regions:
    """The Kemendagri region table shipped with the package."""
    text = resources.files("p4_desk.domain").joinpath("data/regions.json").read_text("utf-8")
    raw = json.loads(text)
    return Regions(
        provinces=MappingProxyType(raw["provinces"]),
        regencies=MappingProxyType(raw["regencies"]),
    )


@dataclass(frozen=True)
class NikCheck:
    """What a NIK says about its holder, and why it is not plausible when it is not."""

    valid: bool
    reasons: tuple[str, ...]
    sex: str | None = None  # "L" (laki-laki) or "P" (perempuan)
    birth_date: date | None = None
    province_code: str | None = None  # "18"
    province: str | None = None
    regency_code: str | None = None  # "1871"
    regency: str | None = None
    district_code: str | None = None  # "187101"


def normalize_nik(nik: str) -> str:
    """Drop spaces (people type NIKs in groups) and a pasted line end; nothing else
    (dots, dashes, letters) is forgiven."""
    return nik.strip().replace(" ", "")


def check_nik(nik: str, today: date | None = None) -> NikCheck:
    """Check a NIK and decode what it encodes.

    ``today`` is the reference for the century of the two-digit birth year: the
    century is the latest one that does not put the birth date in the future.
    Pass the site's local date; ``None`` uses the computer's date.
    """
    today = today or date.today()
    digits = normalize_nik(nik)
    if not _NIK_RE.fullmatch(digits):
        return NikCheck(valid=False, reasons=("NIK harus 16 digit angka",))

    reasons: list[str] = []
    regions = load_regions()

    province_code = digits[:2]
    province = regions.provinces.get(province_code)
    if province is None:
        reasons.append(f"Kode provinsi {province_code} tidak dikenal")
    regency_code = digits[:4]
    regency = regions.regencies.get(regency_code)

    raw_day, month, yy = int(digits[6:8]), int(digits[8:10]), int(digits[10:12])
    sex: str | None = None
    day = raw_day
    if 1 <= raw_day <= 31:
        sex = "L"
    elif _FEMALE_DAY_OFFSET + 1 <= raw_day <= _FEMALE_DAY_OFFSET + 31:
        sex = "P"
        day = raw_day - _FEMALE_DAY_OFFSET
    birth_date = _birth_date(day, month, yy, today) if sex else None
    if birth_date is None:
        sex = None
        reasons.append("Tanggal lahir pada NIK tidak valid")

    sequence = digits[12:]
    if sequence == "0000":
        reasons.append("Nomor urut 0000 tidak valid")

    return NikCheck(
        valid=not reasons,
        reasons=tuple(reasons),
        sex=sex,
        birth_date=birth_date,
        province_code=province_code,
        province=province,
        regency_code=regency_code,
        regency=regency,
        district_code=digits[:6],
    )


def _birth_date(day: int, month: int, yy: int, today: date) -> date | None:
    # Compare as tuples first: 29 Feb of a non-leap year cannot be built as a date,
    # and the century must be chosen before the date can be checked.
    year = 2000 + yy
    if (year, month, day) > (today.year, today.month, today.day):
        year -= 100
    try:
        return date(year, month, day)
    except ValueError:
        return None


def mask_nik(nik: str) -> str:
    """``1871**********0001``: the form shown on paper and on screens others can see.

    First four and last four digits, with the ten-star run written in DOMAIN.md (the
    hidden part is eight digits; the mask is kept identical to the documented form).

    Raises ``ValidationError`` for anything that is not 16 digits, so an unexpected
    value is never printed in clear.
    """
    digits = normalize_nik(nik)
    if not _NIK_RE.fullmatch(digits):
        raise ValidationError("NIK harus 16 digit angka", field="nik")
    return digits[:4] + _MASK + digits[-4:]
