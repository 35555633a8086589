"""Text a person typed, checked before it is stored: the same rule on SQLite and PostgreSQL.

PostgreSQL refuses NUL characters and values longer than a ``VARCHAR(n)``; SQLite stores both
without a word. Neither stops characters that make a printed receipt or a log line lie about
what it says (right-to-left overrides, invisible isolates) or break a terminal (control
characters). ``clean_text`` refuses them all with a message naming the field, in Indonesian.
"""

from __future__ import annotations

import re
from typing import Any

from p4_desk.errors import ValidationError

#: C0/C1 control characters (tab and newline are allowed in multi-line text), bidi embeddings,
#: overrides and isolates, and lone surrogates (not encodable as UTF-8)
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_FORBIDDEN_ONE_LINE = re.compile("[\t\n\r]")


def text_problem(value: str, *, multiline: bool = False) -> str | None:
    """Why ``value`` cannot be stored as typed text (Indonesian), or None."""
    found = _FORBIDDEN.search(value)
    if found is None and not multiline:
        found = _FORBIDDEN_ONE_LINE.search(value)
    if found is None:
        return None
    char = found.group()
    if char == "\x00":
        return "memuat karakter NUL"
    if "\u202a" <= char <= "\u202e" or "\u2066" <= char <= "\u2069":
        return "memuat karakter pembalik arah tulisan (RTL/LTR override)"
    if "\ud800" <= char <= "\udfff":
        return "memuat karakter Unicode yang rusak"
    if char in "\t\n\r":
        return "harus satu baris"
    return f"memuat karakter kendali (U+{ord(char):04X})"


def clean_text(
    value: Any,
    label: str,
    *,
    max_length: int,
    field: str | None = None,
    required: bool = True,
    multiline: bool = False,
) -> str:
    """``value`` stripped, or ``ValidationError`` naming ``label`` (e.g. "Nama lengkap")."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError(f"{label} harus berupa teks.", field=field)
    if multiline:
        value = value.replace("\r\n", "\n")
    value = value.strip()
    if required and not value:
        raise ValidationError(f"{label} wajib diisi.", field=field)
    problem = text_problem(value, multiline=multiline)
    if problem:
        raise ValidationError(f"{label} {problem}.", field=field)
    if len(value) > max_length:
        raise ValidationError(
            f"{label} terlalu panjang ({len(value)} karakter, paling banyak {max_length}).", field=field
        )
    return value
