"""NIK (Nomor Induk Kependudukan) checks.

A NIK is 16 digits ``PP KK CC DDMMYY SSSS``: province, regency/city and district of
registration (Kemendagri codes), birth date (women: day + 40) and a sequence number.
There is no check digit, so a "valid" NIK is only a plausible one.

The region table is data (``data/regions.json.gz``, built by ``tools/refresh_regions.py``
from the Kemendagri decrees; docs/REGIONS.md): every province, regency/city and district of
the current decree, and the **historical** codes a NIK may still carry, because a NIK keeps
the code of the place where it was first registered for life (regions split, Papua's regencies
were renumbered in 2022). A region prefix that is in neither is not a NIK. A historical code is
valid and says what it became, where that is known.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from types import MappingProxyType

_NIK_RE = re.compile(r"[0-9]{16}")
_FEMALE_DAY_OFFSET = 40


@dataclass(frozen=True)
class HistoricalCode:
    """A regency or district code no longer in the current decree."""

    name: str | None  # None: retired before the oldest decree shipped, name unknown
    became: str | None  # the current code of the same place, where known
    last_listed: str | None  # the last decree that listed it
    note: str | None


@dataclass(frozen=True)
class Regions:
    provinces: Mapping[str, str]  # "18" → "Lampung"
    regencies: Mapping[str, str]  # "1871" → "Kota Bandar Lampung" (current decree)
    districts: Mapping[str, str]  # "187101" → "Kedaton" (current decree)
    historical: Mapping[str, HistoricalCode]  # "9101" → Kabupaten Merauke, now 9301
    open_regencies: frozenset[str]  # historical regencies whose district codes are not known
    source: Mapping[str, object]

    def name(self, code: str) -> str | None:
        """The name of a province, regency or district code, current or historical."""
        table = {2: self.provinces, 4: self.regencies, 6: self.districts}.get(len(code), {})
        current = table.get(code)
        if current is not None:
            return current
        old = self.historical.get(code)
        return old.name if old else None


@cache
def load_regions() -> Regions:
    """The Kemendagri region table shipped with the package (read once, on first use)."""
    blob = resources.files("p4_desk.domain").joinpath("data/regions.json.gz").read_bytes()
    raw = json.loads(gzip.decompress(blob))
    return Regions(
        provinces=MappingProxyType(raw["provinces"]),
        regencies=MappingProxyType(raw["regencies"]),
        districts=MappingProxyType(raw["districts"]),
        historical=MappingProxyType({code: HistoricalCode(*row) for code, row in raw["historical"].items()}),
        open_regencies=frozenset(raw["open_regencies"]),
        source=MappingProxyType(raw["source"]),
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
    district: str | None = None  # "Kedaton"
    # Indonesian notes on historical codes: "Kode lama 9101 (Kabupaten Merauke), kini 9301 ..."
    region_notes: tuple[str, ...] = ()
    region_now: str | None = None  # the current code of a historical place of registration


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
    region = _decode_region(digits[:6], reasons)

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
        province_code=digits[:2],
        province=region.province,
        regency_code=digits[:4],
        regency=region.regency,
        district_code=digits[:6],
        district=region.district,
        region_notes=region.notes,
        region_now=region.now,
    )


@dataclass(frozen=True)
class _Region:
    province: str | None = None
    regency: str | None = None
    district: str | None = None
    notes: tuple[str, ...] = ()
    now: str | None = None


def _decode_region(code: str, reasons: list[str]) -> _Region:
    """Names of the province, regency and district of ``code`` (six digits); a prefix that is in
    no table (current or historical) adds its reason and stops the lookup there."""
    regions = load_regions()
    province_code, regency_code, district_code = code[:2], code[:4], code
    province = regions.provinces.get(province_code)
    if province is None:
        reasons.append(f"Kode provinsi {province_code} tidak dikenal")
        return _Region()

    notes: list[str] = []
    now: str | None = None
    regency = regions.regencies.get(regency_code)
    if regency is None:
        old = regions.historical.get(regency_code)
        if old is None:
            reasons.append(f"Kode kabupaten/kota {regency_code} tidak dikenal")
            return _Region(province)
        regency = old.name
        now = old.became
        notes.append(_historical_note(regency_code, old, regions))

    district = regions.districts.get(district_code)
    if district is None:
        old = regions.historical.get(district_code)
        if old is not None:
            district = old.name
            now = old.became or now
            notes.append(_historical_note(district_code, old, regions))
        elif regency_code not in regions.open_regencies:
            reasons.append(f"Kode kecamatan {district_code} tidak dikenal")
    return _Region(province, regency, district, tuple(notes), now)


def _historical_note(code: str, old: HistoricalCode, regions: Regions) -> str:
    what = "kabupaten/kota" if len(code) == 4 else "kecamatan"
    text = f"Kode {what} {code}" + (f" ({old.name})" if old.name else "") + " adalah kode lama"
    if old.became:
        parts = [regions.name(old.became[:n]) for n in (6, 4, 2) if n <= len(old.became)]
        text += f"; kini {old.became} " + ", ".join(p for p in parts if p)
    elif old.last_listed:
        text += f" (terakhir tercantum dalam {old.last_listed})"
    elif old.note:
        text += f" ({old.note})"
    return text


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
