"""Indonesian number words, as a caller would say them over the loudspeaker.

The words are also the clip names of the default voice set: ``number_to_words(212)``
is ``"dua ratus dua belas"`` and is played as the clips ``dua``, ``ratus``, ``dua``, ``belas``.
"""

from __future__ import annotations

MAX_SPOKEN_NUMBER = 9999

_UNITS = ("nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan")


def number_to_words(n: int) -> str:
    """Spell ``n`` (0..9999) in Indonesian, e.g. 2024 → ``"dua ribu dua puluh empat"``."""
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"expected an int, got {type(n).__name__}")
    if not 0 <= n <= MAX_SPOKEN_NUMBER:
        raise ValueError(f"{n} is outside 0..{MAX_SPOKEN_NUMBER}")
    if n == 0:
        return "nol"
    return " ".join(_words_below_10000(n))


def _words_below_10000(n: int) -> list[str]:
    thousands, rest = divmod(n, 1000)
    words: list[str] = []
    if thousands == 1:
        words.append("seribu")
    elif thousands > 1:
        words += [_UNITS[thousands], "ribu"]
    return words + _words_below_1000(rest)


def _words_below_1000(n: int) -> list[str]:
    hundreds, rest = divmod(n, 100)
    words: list[str] = []
    if hundreds == 1:
        words.append("seratus")
    elif hundreds > 1:
        words += [_UNITS[hundreds], "ratus"]
    return words + _words_below_100(rest)


def _words_below_100(n: int) -> list[str]:
    tens, units = divmod(n, 10)
    if n == 0:
        return []
    if n < 10:
        return [_UNITS[n]]
    if n == 10:
        return ["sepuluh"]
    if n == 11:
        return ["sebelas"]
    if n < 20:
        return [_UNITS[units], "belas"]
    words = [_UNITS[tens], "puluh"]
    if units:
        words.append(_UNITS[units])
    return words
