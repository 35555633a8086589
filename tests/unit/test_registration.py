import re
import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from p4_desk.domain.registration import (
    CHECK_ALPHABET,
    RegistrationNumber,
    format_registration_number,
    is_valid_registration_number,
    parse_registration_number,
)
from p4_desk.errors import ValidationError

SHAPE = re.compile(r"[A-Z]{2,6}-\d{4}-\d{5}-[" + CHECK_ALPHABET + "]")


def test_format_is_readable_and_parses_back() -> None:
    text = format_registration_number("BDL", 2026, 11, 42)
    assert SHAPE.fullmatch(text)
    assert text.startswith("BDL-2611-00042-")
    assert parse_registration_number(text) == RegistrationNumber("BDL", 2026, 11, 42)


def test_check_alphabet_has_no_ambiguous_characters() -> None:
    assert not set(CHECK_ALPHABET) & set("0O1IL")
    assert len(set(CHECK_ALPHABET)) == len(CHECK_ALPHABET)


def test_parse_forgives_case_spaces_and_digit_lookalikes() -> None:
    text = format_registration_number("MTR", 2025, 1, 1007)  # MTR-2501-01007-?
    check = text[-1]
    expected = RegistrationNumber("MTR", 2025, 1, 1007)
    for typed in (
        text.lower(),
        f" mtr 2501 01007 {check.lower()} ",
        f"MTR2501O1OO7{check}",  # letter O said for zero
        f"mtr-25o1-oi007-{check}",  # o and i in numeric groups
        f"MTR 2501 010 07 {check}",
    ):
        assert parse_registration_number(typed) == expected, typed


@pytest.mark.parametrize(
    ("site", "year", "month", "seq"),
    [
        ("B", 2026, 1, 1),  # site code too short
        ("BDLMTRX", 2026, 1, 1),  # too long
        ("P4", 2026, 1, 1),  # letters only
        ("BDL", 2026, 13, 1),
        ("BDL", 2026, 0, 1),
        ("BDL", 1999, 1, 1),
        ("BDL", 2026, 1, 0),
        ("BDL", 2026, 1, 100_000),
    ],
)
def test_format_refuses_bad_parts(site: str, year: int, month: int, seq: int) -> None:
    with pytest.raises(ValidationError):
        format_registration_number(site, year, month, seq)


@pytest.mark.parametrize(
    "typed", ["", "BDL-2611-00042", "BDL-2613-00042-2", "BDL-2611-00000-2", "12-2611-00042-2"]
)
def test_malformed_numbers_are_refused(typed: str) -> None:
    with pytest.raises(ValidationError) as err:
        parse_registration_number(typed)
    assert err.value.field == "registration_number"
    assert not is_valid_registration_number(typed)


# What a person may type at each position of the compact form (letters for the site,
# digits for YYMM and sequence, the check alphabet for the last one).
def _substitutes(compact: str, site_length: int) -> list[str]:
    variants = []
    for i, char in enumerate(compact):
        if i < site_length:
            choices = string.ascii_uppercase
        elif i < len(compact) - 1:
            choices = string.digits
        else:
            choices = CHECK_ALPHABET
        variants += [compact[:i] + c + compact[i + 1 :] for c in choices if c != char]
    return variants


def _transpositions(compact: str) -> list[str]:
    return [
        compact[:i] + compact[i + 1] + compact[i] + compact[i + 2 :]
        for i in range(len(compact) - 1)
        if compact[i] != compact[i + 1]
    ]


@pytest.mark.parametrize(
    ("site", "year", "month", "seq"),
    [
        ("BDL", 2026, 11, 42),
        ("LPG", 2025, 12, 99_999),
        ("METRO", 2031, 7, 12_345),
        ("ZZ", 2099, 9, 1),
    ],
)
def test_every_single_typo_and_adjacent_swap_is_caught(site: str, year: int, month: int, seq: int) -> None:
    compact = format_registration_number(site, year, month, seq).replace("-", "")
    typos = _substitutes(compact, len(site)) + _transpositions(compact)
    assert len(typos) > 150  # every position, every other character
    slipped = [t for t in typos if is_valid_registration_number(t)]
    assert slipped == []


sites = st.text(alphabet=string.ascii_uppercase, min_size=2, max_size=6)
years = st.integers(min_value=2000, max_value=2099)
months = st.integers(min_value=1, max_value=12)
sequences = st.integers(min_value=1, max_value=99_999)


@given(sites, years, months, sequences, st.data())
def test_random_typos_are_caught(site: str, year: int, month: int, seq: int, data: st.DataObject) -> None:
    text = format_registration_number(site, year, month, seq)
    assert parse_registration_number(text) == RegistrationNumber(site, year, month, seq)
    compact = text.replace("-", "")
    typo = data.draw(st.sampled_from(_substitutes(compact, len(site)) + _transpositions(compact)))
    assert not is_valid_registration_number(typo)
