"""The one masking rule (issue 15.7) and NIKs/phones found in free text (issue 15.2)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from p4_desk.domain.masking import has_personal_numbers, mask_nik, mask_personal_numbers, mask_phone
from p4_desk.domain.outgoing import minimise

PACKAGE = Path(__file__).parents[2] / "p4_desk"


def test_the_nik_mask_keeps_four_digits_each_side_and_eight_stars() -> None:
    masked = mask_nik("1871031203780001")
    assert masked == "1871********0001"
    assert masked.count("*") == 8


def test_a_phone_shows_only_its_last_four_digits_whatever_its_length() -> None:
    assert mask_phone("+6281234567890") == "****7890"
    assert mask_phone("0812-345-678") == "****5678"
    assert mask_phone("") == ""


@pytest.mark.parametrize(
    ("typed", "masked"),
    [
        (
            "Saya Budi NIK 1871031203780002 tinggal di Kedaton",
            "Saya Budi NIK 1871********0002 tinggal di Kedaton",
        ),
        ("NIK: 1871 0312 0378 0002.", "NIK: 1871********0002."),
        ("nik 1871.0312.0378.0002 / 1871-0312-0378-0002", "nik 1871********0002 / 1871********0002"),
        ("WA 0812-3456-7890, kantor (0721) 123456", "WA ****7890, kantor ****3456"),
        ("hubungi +62 812 3456 7890 atau 6281234567890", "hubungi ****7890 atau ****7890"),
    ],
)
def test_niks_and_phones_in_free_text_are_masked(typed: str, masked: str) -> None:
    assert has_personal_numbers(typed)
    assert mask_personal_numbers(typed) == masked


@pytest.mark.parametrize(
    "text",
    [
        "Tanggal 2026-03-01, pukul 10.30, biaya Rp 150.000",
        "Nomor registrasi MPPTES-2603-00001, tiket A017, loket 3",
        "NIB 1234567890123 dan kode pos 35141",
        "",
    ],
)
def test_dates_amounts_and_registration_numbers_are_left_alone(text: str) -> None:
    assert not has_personal_numbers(text)
    assert mask_personal_numbers(text) == text


@given(st.text(alphabet="abc ,.-", max_size=20), st.from_regex(r"18[0-9]{14}", fullmatch=True))
def test_a_nik_anywhere_in_text_never_survives_masking(around: str, nik: str) -> None:
    masked = mask_personal_numbers(f"{around} {nik} {around}")
    assert nik not in masked
    assert f"{nik[:4]}********{nik[-4:]}" in masked


def test_minimise_withholds_names_and_masks_free_text_without_touching_the_original() -> None:
    kept = {
        "applicant_name": "Siti Aminah",
        "handed_over_to": "Budi",
        "nik_masked": "1871********0002",
        "proxy": {"name": "Budi", "nik_masked": "1871********0003", "letter_number": "SK-1"},
        "note": "HP 081234567890",
        "clock_change": {"reason": "NIK 1871031203780002"},
    }
    sent = minimise("application.status_changed", kept)
    assert sent == {
        "applicant_masked": "S*** A***",
        "proxy": {"letter_number": "SK-1"},
        "note": "HP ****7890",
        "clock_change": {"reason": "NIK 1871********0002"},
    }
    assert kept["applicant_name"] == "Siti Aminah" and kept["note"] == "HP 081234567890"
    assert minimise("complaint.received", {"reporter": {"name": "R"}, "description": "x"})["reporter"] is None


def test_no_module_masks_by_hand() -> None:
    """Every star-mask comes from ``domain.masking`` (and names from ``domain.names``)."""
    # a mask is several stars or dots; one "• " opening a list item is not
    handmade = re.compile(r"""["']\*{3,}["']|["']•{2,}|"…" \+|\[-4:\]""")
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if path.name not in {"masking.py", "names.py"}
        and "forms" not in path.parts
        and any(
            handmade.search(line) and "phone_end" not in line
            for line in path.read_text(encoding="utf-8").splitlines()
        )
    ]
    assert offenders == []


def test_log_lines_mask_niks_and_phones_with_the_same_rule() -> None:
    from p4_desk.logs import mask_sensitive

    line = mask_sensitive("lookup nik=1871031203780002 phone=+6281234567890 Bearer abcdefghijk")
    assert line == "lookup nik=1871********0002 phone=****7890 Bearer [disembunyikan]"
