from decimal import Decimal
from fractions import Fraction

import pytest

from p4_desk.domain.ikm import (
    ELEMENTS,
    SurveyAnswers,
    compute_ikm,
    compute_ikm_from_sums,
    grade_for,
    krejcie_morgan,
    round_half_up,
)
from p4_desk.errors import ValidationError

CODES = [f"U{i}" for i in range(1, 10)]


def row(*scores: int) -> dict[str, int]:
    return dict(zip(CODES, scores, strict=True))


# Ten respondents, scores U1..U9:
#   R1–R5  all 4                     → 5 × 4 = 20 per element
#   R6–R8  all 3                     → 3 × 3 =  9 per element
#   R9     3 3 3 3 3 3 3 3 2
#   R10    2 3 3 4 3 3 3 2 1
# Sums:  U1 20+9+3+2=34  U2 35  U3 35  U4 20+9+3+4=36  U5 35  U6 35  U7 35
#        U8 20+9+3+2=34  U9 20+9+2+1=32            total 311
# NRR:   3.4 3.5 3.5 3.6 3.5 3.5 3.5 3.4 3.2
# IKM = Σ NRR × 1/9 × 25 = 31.1 / 9 × 25 = 777.5 / 9 = 86.3888… → 86.39, grade B (Baik)
WORKED_EXAMPLE = (
    [row(4, 4, 4, 4, 4, 4, 4, 4, 4)] * 5
    + [row(3, 3, 3, 3, 3, 3, 3, 3, 3)] * 3
    + [row(3, 3, 3, 3, 3, 3, 3, 3, 2), row(2, 3, 3, 4, 3, 3, 3, 2, 1)]
)


def test_worked_example() -> None:
    result = compute_ikm(WORKED_EXAMPLE)
    assert result.respondents == 10
    assert [result.nrr[c] for c in CODES] == [Fraction(n, 10) for n in (34, 35, 35, 36, 35, 35, 35, 34, 32)]
    assert result.weighted_nrr["U4"] == Fraction(36, 10) / 9  # 0.4
    assert result.ikm_exact == Fraction(7775, 90)
    assert result.ikm == Decimal("86.39")
    assert (result.grade, result.mutu) == ("B", "Baik")


def test_all_best_answers_give_100_and_all_worst_give_25() -> None:
    best = compute_ikm([row(*[4] * 9)] * 3)
    assert best.ikm == Decimal("100.00") and best.grade == "A" and best.mutu == "Sangat Baik"
    worst = compute_ikm([row(*[1] * 9)])
    assert worst.ikm == Decimal("25.00") and worst.grade == "D" and worst.mutu == "Tidak Baik"


def test_sums_give_the_same_result_as_answers() -> None:
    sums = {c: sum(answer[c] for answer in WORKED_EXAMPLE) for c in CODES}
    assert compute_ikm_from_sums(10, sums) == compute_ikm(WORKED_EXAMPLE)


@pytest.mark.parametrize(
    ("ikm", "grade", "mutu"),
    [
        ("88.31", "A", "Sangat Baik"),
        ("88.30", "B", "Baik"),
        ("76.61", "B", "Baik"),
        ("76.60", "C", "Kurang Baik"),
        ("65.00", "C", "Kurang Baik"),
        ("64.99", "D", "Tidak Baik"),
        ("25.00", "D", "Tidak Baik"),
    ],
)
def test_grade_boundaries(ikm: str, grade: str, mutu: str) -> None:
    assert grade_for(Decimal(ikm)) == (grade, mutu)


def test_grade_uses_the_ikm_rounded_to_two_decimals() -> None:
    # 10 000 respondents, every element sums to 35 322: NRR 3.5322, IKM exactly 88.305,
    # shown as 88.31 (half up) → A although the exact value is below 88.31.
    at = compute_ikm_from_sums(10_000, dict.fromkeys(CODES, 35_322))
    assert at.ikm_exact == Fraction("88.305")
    assert at.ikm == Decimal("88.31") and at.grade == "A"
    # One point less in one element: 317 897 × 25 / 90 000 = 88.3047… → 88.30 → B
    below = compute_ikm_from_sums(10_000, {**dict.fromkeys(CODES, 35_322), "U9": 35_321})
    assert below.ikm == Decimal("88.30") and below.grade == "B"


def test_weight_0_111_would_give_another_grade() -> None:
    # 8 respondents answer 4 everywhere (8 × 36 = 288 points), two answer
    # 2 2 2 2 2 2 1 1 1 (15 points each): total 318 over 10 × 9 answers.
    answers = [row(*[4] * 9)] * 8 + [row(2, 2, 2, 2, 2, 2, 1, 1, 1)] * 2
    exact = compute_ikm(answers)
    # exact: 318 / 90 × 25 = 88.333… → 88.33 → A
    assert exact.ikm == Decimal("88.33") and exact.grade == "A"
    # with 0.111: Σ NRR = 31.8; 31.8 × 0.111 × 25 = 88.245 → 88.25 → B
    wrong = sum(exact.nrr.values(), Fraction(0)) * Fraction("0.111") * 25
    assert wrong == Fraction("88.245")
    assert grade_for(round_half_up(wrong)) == ("B", "Baik")


def test_elements_are_the_nine_of_permenpanrb_14_2017() -> None:
    assert list(ELEMENTS) == CODES
    assert ELEMENTS["U1"] == "Persyaratan"
    assert ELEMENTS["U8"] == "Penanganan pengaduan, saran dan masukan"
    assert ELEMENTS["U9"] == "Sarana dan prasarana"


@pytest.mark.parametrize(
    ("answers", "field", "message"),
    [
        ({c: 3 for c in CODES[:8]}, "U9", "wajib dijawab"),
        ({**dict.fromkeys(CODES, 3), "U3": 0}, "U3", "1 sampai 4"),
        ({**dict.fromkeys(CODES, 3), "U3": 5}, "U3", "1 sampai 4"),
        ({**dict.fromkeys(CODES, 3), "U5": "4"}, "U5", "1 sampai 4"),
        ({**dict.fromkeys(CODES, 3), "U5": True}, "U5", "1 sampai 4"),
        ({**dict.fromkeys(CODES, 3), "U10": 3}, "U10", "tidak dikenal"),
    ],
)
def test_survey_answers_are_checked(answers: dict[str, object], field: str, message: str) -> None:
    with pytest.raises(ValidationError) as err:
        SurveyAnswers(answers)  # type: ignore[arg-type]
    assert err.value.field == field
    assert message in err.value.message


def test_no_respondents_or_impossible_sums_are_refused() -> None:
    with pytest.raises(ValidationError, match="Belum ada responden"):
        compute_ikm([])
    with pytest.raises(ValidationError, match="tidak mungkin"):
        compute_ikm_from_sums(2, dict.fromkeys(CODES, 9))  # at most 2 × 4 = 8
    with pytest.raises(ValidationError, match="belum lengkap"):
        compute_ikm_from_sums(2, dict.fromkeys(CODES[:8], 6))


@pytest.mark.parametrize(
    ("population", "sample"),
    # Krejcie & Morgan (1970) table: DOMAIN.md values and a few small populations
    [(100, 80), (1000, 278), (10_000, 370), (10, 10), (15, 14), (20, 19), (30, 28), (50, 44)],
)
def test_krejcie_morgan(population: int, sample: int) -> None:
    assert krejcie_morgan(population) == sample


def test_krejcie_morgan_refuses_empty_population() -> None:
    with pytest.raises(ValidationError):
        krejcie_morgan(0)
