"""What a public page shows of a person's name (the tracking page's applicant)."""

from __future__ import annotations

from p4_desk.domain.names import mask_name


def test_each_word_keeps_its_first_letter_and_the_length_is_hidden() -> None:
    assert mask_name("Siti Aminah") == "S*** A***"
    assert mask_name("ni made ayu sari") == "N*** M*** A*** S***"
    assert mask_name("  M.   Ridwan  ") == "M*** R***"
    assert mask_name("Muhammad Abdurrahman Wahid") == "M*** A*** W***"


def test_nothing_is_left_of_a_one_word_name_but_its_initial() -> None:
    assert mask_name("Sukarno") == "S***"
    assert mask_name("") == ""
