"""IKM (Indeks Kepuasan Masyarakat), PermenPANRB 14/2017.

Each respondent scores nine elements U1–U9 from 1 (tidak baik) to 4 (sangat baik).
NRR_i = sum of scores of element i / respondents; IKM = Σ NRR_i × 1/9 × 25.

The arithmetic is exact (``Fraction``): the weight is exactly 1/9, never the rounded
0.111 some applications use (that weight scales every IKM by 0.999 and can move a
unit across a grade boundary). The grade thresholds are applied to the IKM rounded to
two decimals (half up), which is the value printed in reports.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from math import floor

from p4_desk.errors import ValidationError

ELEMENTS: dict[str, str] = {
    "U1": "Persyaratan",
    "U2": "Sistem, mekanisme, dan prosedur",
    "U3": "Waktu penyelesaian",
    "U4": "Biaya/tarif",
    "U5": "Produk spesifikasi jenis pelayanan",
    "U6": "Kompetensi pelaksana",
    "U7": "Perilaku pelaksana",
    "U8": "Penanganan pengaduan, saran dan masukan",
    "U9": "Sarana dan prasarana",
}
ANSWER_LABELS: dict[int, str] = {1: "Tidak baik", 2: "Kurang baik", 3: "Baik", 4: "Sangat baik"}

WEIGHT = Fraction(1, len(ELEMENTS))
SCALE = 25

# (grade, mutu pelayanan, lowest IKM rounded to two decimals), best first
GRADES: tuple[tuple[str, str, Decimal], ...] = (
    ("A", "Sangat Baik", Decimal("88.31")),
    ("B", "Baik", Decimal("76.61")),
    ("C", "Kurang Baik", Decimal("65.00")),
    ("D", "Tidak Baik", Decimal("25.00")),
)


@dataclass(frozen=True)
class SurveyAnswers:
    """One respondent's nine scores, checked."""

    scores: Mapping[str, int]

    def __post_init__(self) -> None:
        missing = [code for code in ELEMENTS if code not in self.scores]
        if missing:
            raise ValidationError(
                "Semua sembilan unsur wajib dijawab; belum dijawab: " + ", ".join(missing),
                field=missing[0],
            )
        unknown = sorted(set(self.scores) - set(ELEMENTS))
        if unknown:
            raise ValidationError("Unsur survei tidak dikenal: " + ", ".join(unknown), field=unknown[0])
        for code in ELEMENTS:
            score = self.scores[code]
            if type(score) is not int or not 1 <= score <= 4:
                raise ValidationError(
                    f"Nilai unsur {code} harus 1 sampai 4 (diterima: {score!r})", field=code
                )
        object.__setattr__(self, "scores", {code: self.scores[code] for code in ELEMENTS})


@dataclass(frozen=True)
class IkmResult:
    respondents: int
    nrr: Mapping[str, Fraction]  # per element, exact
    weighted_nrr: Mapping[str, Fraction]  # NRR × 1/9, exact
    ikm_exact: Fraction
    ikm: Decimal  # rounded to two decimals, half up: the value shown and graded
    grade: str  # A/B/C/D
    mutu: str  # Sangat Baik / Baik / Kurang Baik / Tidak Baik


def compute_ikm(answers: Sequence[Mapping[str, int]]) -> IkmResult:
    """IKM from individual answers; each one is validated as ``SurveyAnswers``."""
    sums = dict.fromkeys(ELEMENTS, 0)
    for raw in answers:
        checked = SurveyAnswers(raw)
        for code, score in checked.scores.items():
            sums[code] += score
    return compute_ikm_from_sums(len(answers), sums)


def compute_ikm_from_sums(respondents: int, sums_per_element: Mapping[str, int]) -> IkmResult:
    """IKM from pre-aggregated score sums (e.g. ``SUM(u1) … SUM(u9)`` in SQL)."""
    if respondents < 1:
        raise ValidationError("Belum ada responden survei; IKM belum dapat dihitung")
    missing = [code for code in ELEMENTS if code not in sums_per_element]
    if missing:
        raise ValidationError("Jumlah nilai belum lengkap untuk unsur: " + ", ".join(missing))
    for code in ELEMENTS:
        total = sums_per_element[code]
        if not respondents <= total <= 4 * respondents:
            raise ValidationError(
                f"Jumlah nilai unsur {code} ({total}) tidak mungkin untuk {respondents} responden"
            )
    nrr = {code: Fraction(sums_per_element[code], respondents) for code in ELEMENTS}
    weighted = {code: value * WEIGHT for code, value in nrr.items()}
    exact = sum(weighted.values(), Fraction(0)) * SCALE
    shown = round_half_up(exact)
    grade, mutu = grade_for(shown)
    return IkmResult(
        respondents=respondents,
        nrr=nrr,
        weighted_nrr=weighted,
        ikm_exact=exact,
        ikm=shown,
        grade=grade,
        mutu=mutu,
    )


def round_half_up(value: Fraction, places: int = 2) -> Decimal:
    scaled = value * 10**places
    return Decimal(floor(scaled + Fraction(1, 2))).scaleb(-places)


def grade_for(ikm: Decimal) -> tuple[str, str]:
    """(grade, mutu) for an IKM already rounded to two decimals."""
    for grade, mutu, lowest in GRADES:
        if ikm >= lowest:
            return grade, mutu
    return GRADES[-1][0], GRADES[-1][1]


def krejcie_morgan(population: int) -> int:
    """Minimum sample size (Krejcie & Morgan 1970, χ² = 3.841, P = 0.5, d = 0.05).

    s = χ²·N·P(1−P) / (d²(N−1) + χ²·P(1−P)), rounded to the nearest integer (half up)
    as in the published table: 100 → 80, 1000 → 278, 10000 → 370, 15 → 14.
    """
    if population < 1:
        raise ValidationError("Jumlah populasi harus paling sedikit 1", field="population")
    chi2 = Fraction("3.841")
    p = Fraction(1, 2)
    d = Fraction("0.05")
    size = chi2 * population * p * (1 - p) / (d**2 * (population - 1) + chi2 * p * (1 - p))
    return floor(size + Fraction(1, 2))
