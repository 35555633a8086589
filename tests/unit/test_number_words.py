"""Indonesian number words, checked against forms written out from the grammar."""

from __future__ import annotations

from itertools import pairwise

import pytest

from p4_desk.domain.number_words import number_to_words

# Written by hand from Indonesian grammar: "se-" replaces "satu" before puluh/belas/ratus/ribu;
# 11..19 are "<unit> belas"; tens are "<unit> puluh"; zero is only spoken for 0 itself.
KNOWN_FORMS = {
    0: "nol",
    1: "satu",
    7: "tujuh",
    10: "sepuluh",
    11: "sebelas",
    12: "dua belas",
    19: "sembilan belas",
    20: "dua puluh",
    21: "dua puluh satu",
    99: "sembilan puluh sembilan",
    100: "seratus",
    101: "seratus satu",
    110: "seratus sepuluh",
    111: "seratus sebelas",
    123: "seratus dua puluh tiga",
    200: "dua ratus",
    999: "sembilan ratus sembilan puluh sembilan",
    1000: "seribu",
    1001: "seribu satu",
    1010: "seribu sepuluh",
    1100: "seribu seratus",
    2024: "dua ribu dua puluh empat",
    3000: "tiga ribu",
    9999: "sembilan ribu sembilan ratus sembilan puluh sembilan",
}


@pytest.mark.parametrize(("number", "words"), sorted(KNOWN_FORMS.items()))
def test_known_forms(number: int, words: str) -> None:
    assert number_to_words(number) == words


@pytest.mark.parametrize("number", [-1, 10000, 123456])
def test_outside_range_is_refused(number: int) -> None:
    with pytest.raises(ValueError):
        number_to_words(number)


def test_never_says_satu_before_a_multiplier() -> None:
    # "satu puluh", "satu belas", "satu ratus", "satu ribu" are never said in Indonesian.
    for n in range(10000):
        words = number_to_words(n).split()
        for first, second in pairwise(words):
            assert not (first == "satu" and second in {"puluh", "belas", "ratus", "ribu"}), n
        if n:
            assert "nol" not in words, n
