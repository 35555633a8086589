"""Indonesian phone numbers → E.164 (``+62…``).

Rules, kept deliberately simple:

* Spaces, dashes, dots and parentheses are ignored; a ``+`` is allowed only in front.
* The number starts with ``0`` (national form), ``62`` or ``+62``. Anything else,
  including ``0062`` and ``+62 0812…``, is a wrong prefix.
* After the country code, a number starting with ``8`` is a mobile number and has
  9–12 digits (``0812-3456-789`` … ``0812-3456-78901``).
* A number starting with ``2``–``7`` or ``9`` is a landline: area code plus subscriber
  number, 8–11 digits after the country code (``(0721) 123456`` for Bandar Lampung,
  ``(021) 12345678`` for Jakarta).
* Numbers starting with ``1`` (short service numbers) are not accepted.
"""

from __future__ import annotations

import re

from p4_desk.errors import ValidationError

_SEPARATORS = re.compile(r"[\s\-.()]")
_MOBILE_LENGTHS = range(9, 13)
_LANDLINE_LENGTHS = range(8, 12)


def normalize_phone(text: str) -> str:
    """Return the number in E.164 form, or raise ``ValidationError`` (field ``phone``)."""
    compact = _SEPARATORS.sub("", text)
    if not compact:
        raise _invalid("Nomor telepon wajib diisi")
    plus = compact.startswith("+")
    body = compact[1:] if plus else compact
    if not body.isascii() or not body.isdigit():
        raise _invalid("Nomor telepon hanya boleh berisi angka, spasi, tanda hubung, atau tanda +")

    if plus or body.startswith("62"):
        if not body.startswith("62"):
            raise _invalid("Nomor luar negeri tidak diterima; gunakan nomor Indonesia (+62)")
        national = body[2:]
    elif body.startswith("0"):
        national = body[1:]
    else:
        raise _invalid("Nomor telepon harus diawali 0, 62, atau +62")

    if national.startswith(("0", "1")) or not national:
        raise _invalid("Awalan nomor telepon tidak dikenal")
    lengths = _MOBILE_LENGTHS if national.startswith("8") else _LANDLINE_LENGTHS
    if len(national) < lengths.start:
        raise _invalid("Nomor telepon terlalu pendek")
    if len(national) >= lengths.stop:
        raise _invalid("Nomor telepon terlalu panjang")
    return "+62" + national


def _invalid(message: str) -> ValidationError:
    return ValidationError(message, field="phone")
