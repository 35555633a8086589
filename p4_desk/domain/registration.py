"""Permit registration numbers: ``BDL-2611-00042-6``.

``{SITE}-{YYMM}-{SEQ:05d}-{CHECK}``: the site code (2–6 letters A–Z), year and month of
intake, a per-site sequence (allocated by the store layer; 1–99999, unique within the
site and month) and one check character.

Read over the phone: the site code is letters only and the numeric groups are digits
only, so an O heard in a numeric group is a 0 and an I or L is a 1. The check character
comes from an alphabet with no 0/O and no 1/I/L.

Check character: every character gets a value (digits 0–9, letters A–Z 0–25, each group
on its own), the weighted sum Σ wᵢ·vᵢ is taken modulo 31 (a prime) and the result picks
one of the 31 characters of ``CHECK_ALPHABET``. Because 31 is prime, every value is below
31 and every weight is non-zero and differs from its neighbour's, any single changed
character and any swap of two adjacent characters changes the check character. Swapping
the last digit with the check character is caught too: it would need a weight of 30, and
a number has at most 15 weighted characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from p4_desk.errors import ValidationError

CHECK_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # 31 characters: no 0 O 1 I L
_MODULUS = len(CHECK_ALPHABET)
MAX_SEQUENCE = 99_999

_SITE_RE = re.compile(r"[A-Z]{2,6}")
_DIGIT_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})
_IGNORED = re.compile(r"[\s\-_./]")


@dataclass(frozen=True)
class RegistrationNumber:
    site_code: str
    year: int
    month: int
    sequence: int

    @property
    def text(self) -> str:
        return format_registration_number(self.site_code, self.year, self.month, self.sequence)


def check_character(site_code: str, yymm: str, seq: str) -> str:
    total = 0
    for position, char in enumerate(site_code + yymm + seq):
        value = int(char) if char.isdigit() else ord(char) - ord("A")
        weight = position % (_MODULUS - 1) + 1  # 1…30, never 0, neighbours differ
        total += weight * value
    return CHECK_ALPHABET[total % _MODULUS]


def format_registration_number(site_code: str, year: int, month: int, seq: int) -> str:
    """``format_registration_number("BDL", 2026, 11, 42)`` → ``"BDL-2611-00042-…"``."""
    site = site_code.strip().upper()
    if not _SITE_RE.fullmatch(site):
        raise ValidationError("Kode lokasi harus 2–6 huruf A–Z", field="site_code")
    if not 2000 <= year <= 2099:
        raise ValidationError("Tahun nomor pendaftaran harus 2000–2099", field="year")
    if not 1 <= month <= 12:
        raise ValidationError("Bulan nomor pendaftaran harus 1–12", field="month")
    if not 1 <= seq <= MAX_SEQUENCE:
        raise ValidationError(f"Nomor urut pendaftaran harus 1–{MAX_SEQUENCE}", field="registration_number")
    yymm = f"{year % 100:02d}{month:02d}"
    digits = f"{seq:05d}"
    return f"{site}-{yymm}-{digits}-{check_character(site, yymm, digits)}"


def parse_registration_number(text: str) -> RegistrationNumber:
    """Parse what an applicant typed or said: case, spaces and dashes do not matter.

    Raises ``ValidationError`` (field ``registration_number``) when the shape is wrong
    or the check character does not match (a typo).
    """
    compact = _IGNORED.sub("", text).upper()
    # site letters, then 4 + 5 numeric characters, then the check character
    site, numeric, check = compact[:-10], compact[-10:-1], compact[-1:]
    numeric = numeric.translate(_DIGIT_LOOKALIKES)
    if not _SITE_RE.fullmatch(site) or not numeric.isdigit() or not numeric.isascii():
        raise _invalid("Format nomor pendaftaran tidak dikenal (contoh: BDL-2611-00042-6)")
    yymm, seq = numeric[:4], numeric[4:]
    month = int(yymm[2:])
    if not 1 <= month <= 12 or int(seq) == 0:
        raise _invalid("Nomor pendaftaran tidak valid; periksa kembali bulan dan nomor urut")
    if check != check_character(site, yymm, seq):
        raise _invalid("Nomor pendaftaran salah ketik; periksa kembali setiap karakter")
    return RegistrationNumber(site, 2000 + int(yymm[:2]), month, int(seq))


def is_valid_registration_number(text: str) -> bool:
    try:
        parse_registration_number(text)
    except ValidationError:
        return False
    return True


def _invalid(message: str) -> ValidationError:
    return ValidationError(message, field="registration_number")
