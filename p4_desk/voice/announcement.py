"""What is said when a ticket is called: "Nomor antrian A seratus dua puluh tiga,
silakan menuju loket tiga".

Two forms of the same sentence: a token list, where each token is the name of a recorded
clip (``a``, ``seratus``, ``silakan_menuju_loket`` ...), and plain text for a text-to-speech
engine. Letters are spoken one by one; digit runs are spoken as one number without its
leading zeros (``A007`` → "a tujuh").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from p4_desk.domain.number_words import MAX_SPOKEN_NUMBER, number_to_words

CHIME = "chime"
TICKET_INTRO = "nomor_antrian"
COUNTER_INTRO = "silakan_menuju_loket"

LETTERS = tuple("abcdefghijklmnopqrstuvwxyz")
NUMBER_WORDS = (
    "nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
    "sepuluh", "sebelas", "belas", "puluh", "seratus", "ratus", "seribu", "ribu",
)  # fmt: skip
#: every clip name an announcement can ask for: what a complete voice set records
CLIP_VOCABULARY = (CHIME, TICKET_INTRO, COUNTER_INTRO, *LETTERS, *NUMBER_WORDS)

_TICKET_NUMBER = re.compile(r"([A-Za-z]{0,3})(\d{1,6})")
# a counter code: runs of letters and digits, optionally separated by spaces, "-" or "."
_COUNTER_PART = re.compile(r"[A-Za-z]+|\d+")
_COUNTER_ALLOWED = re.compile(r"[A-Za-z0-9 .\-]+")


@dataclass(frozen=True)
class Announcement:
    """One call of a ticket to a counter. A recall is a new Announcement, said again in full."""

    ticket_number: str
    counter: str
    recall: bool = False

    def words(self) -> list[str]:
        return announcement_words(self.ticket_number, self.counter)

    def text(self) -> str:
        return announcement_text(self.ticket_number, self.counter)


def announcement_words(ticket_number: str, counter_name_or_number: str | int) -> list[str]:
    """Clip names for a call, chime first.

    >>> announcement_words("A123", 3)  # doctest: +NORMALIZE_WHITESPACE
    ['chime', 'nomor_antrian', 'a', 'seratus', 'dua', 'puluh', 'tiga',
     'silakan_menuju_loket', 'tiga']
    """
    return [
        CHIME,
        TICKET_INTRO,
        *_ticket_words(ticket_number),
        COUNTER_INTRO,
        *_counter_words(counter_name_or_number),
    ]


def announcement_text(ticket_number: str, counter_name_or_number: str | int) -> str:
    """The sentence for a TTS engine, e.g.
    ``"Nomor antrian A seratus dua puluh tiga, silakan menuju loket tiga"``."""
    ticket = " ".join(_spoken_parts(_ticket_parts(ticket_number), upper=True))
    counter = " ".join(_spoken_parts(_counter_parts(counter_name_or_number), upper=True))
    return f"Nomor antrian {ticket}, silakan menuju loket {counter}"


def _ticket_words(ticket_number: str) -> list[str]:
    return " ".join(_spoken_parts(_ticket_parts(ticket_number), upper=False)).split()


def _counter_words(counter: str | int) -> list[str]:
    return " ".join(_spoken_parts(_counter_parts(counter), upper=False)).split()


def _ticket_parts(ticket_number: str) -> list[str]:
    match = _TICKET_NUMBER.fullmatch(ticket_number.strip())
    if match is None:
        raise ValueError(f"not a ticket number: {ticket_number!r}")
    prefix, digits = match.groups()
    return [prefix, digits] if prefix else [digits]


def _counter_parts(counter: str | int) -> list[str]:
    if isinstance(counter, int):
        if counter < 0:
            raise ValueError(f"not a counter number: {counter}")
        return [str(counter)]
    text = counter.strip()
    # "Loket 3" is said as "... menuju loket tiga", not "loket loket tiga"
    text = re.sub(r"^loket\b\s*", "", text, flags=re.IGNORECASE)
    if not text or _COUNTER_ALLOWED.fullmatch(text) is None:
        raise ValueError(f"not a counter code: {counter!r}")
    return _COUNTER_PART.findall(text)


def _spoken_parts(parts: list[str], *, upper: bool) -> list[str]:
    spoken: list[str] = []
    for part in parts:
        if part.isdigit():
            value = int(part)
            if value > MAX_SPOKEN_NUMBER:
                raise ValueError(f"number too large to announce: {part}")
            spoken.append(number_to_words(value))
        else:
            letters = part.upper() if upper else part.lower()
            spoken.extend(letters)
    return spoken
