"""The IKM report PDF, parsed back, shows the figures of a worked example computed by hand."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pypdf
import pytest

from p4_desk.domain.ikm import compute_ikm_from_sums, krejcie_morgan
from p4_desk.errors import ValidationError
from p4_desk.printing.ikm_report import render_ikm_report
from p4_desk.services.surveys import IkmSummary, ikm_report_content

# Four respondents; sums of their scores per element, and by hand:
#   NRR = sum / 4, weighted = NRR / 9 (three decimals, half up)
EXAMPLE = {
    #      sum   NRR     weighted
    "U1": (14, "3,50", "0,389"),
    "U2": (13, "3,25", "0,361"),
    "U3": (12, "3,00", "0,333"),
    "U4": (16, "4,00", "0,444"),
    "U5": (13, "3,25", "0,361"),
    "U6": (14, "3,50", "0,389"),
    "U7": (15, "3,75", "0,417"),
    "U8": (11, "2,75", "0,306"),
    "U9": (12, "3,00", "0,333"),
}
# Σ NRR = 30.00, Σ weighted = 30 / 9 = 3.333..., IKM = 30 / 9 × 25 = 83.333... → 83,33 → B (Baik).
# Visitors 120 → Krejcie-Morgan 3.841·120·0.25 / (0.0025·119 + 0.96025) = 91.6 → 92.


def summary(respondents: int = 4, visitors: int = 120) -> IkmSummary:
    sums = {code: row[0] for code, row in EXAMPLE.items()}
    return IkmSummary(
        unit="MPP Kota Metro",
        date_from=date(2026, 3, 1),
        date_to=date(2026, 3, 31),
        service="KTP",
        service_name="KTP-el",
        agency="DUKCAPIL",
        agency_name="Dinas Kependudukan dan Pencatatan Sipil",
        respondents=respondents,
        visitors=visitors,
        sample_size=krejcie_morgan(visitors),
        result=compute_ikm_from_sums(respondents, sums),
        sums=sums,
    )


def wib(moment: datetime) -> datetime:
    return moment.astimezone(ZoneInfo("Asia/Jakarta"))


def pdf_lines(data: bytes) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1, "the report fits on one A4 page"
    return [line.strip() for line in reader.pages[0].extract_text().splitlines() if line.strip()]


def test_report_shows_every_element_with_its_nrr_and_weighted_nrr() -> None:
    lines = pdf_lines(
        render_ikm_report(ikm_report_content(summary(), printed_at=wib(datetime(2026, 4, 1, 2, tzinfo=UTC))))
    )
    for code, (total, nrr, weighted) in EXAMPLE.items():
        at = lines.index(code)
        # code, element name, sum, NRR, weighted NRR: one row of the table
        assert lines[at + 2 : at + 5] == [str(total), nrr, weighted], code
    assert lines[lines.index("U1") + 1] == "Persyaratan"
    assert lines[lines.index("U8") + 1] == "Penanganan pengaduan, saran dan masukan"
    text = "\n".join(lines)
    assert "Jumlah NRR tertimbang (Σ NRR × 1/9)\n3,333" in text
    assert "IKM unit pelayanan (Σ NRR tertimbang × 25)\n83,33" in text
    assert "Mutu pelayanan\nB (Baik)" in text
    assert ": 1 Maret 2026 s.d. 31 Maret 2026" in text
    assert ": Layanan KTP-el" in text and ": MPP Kota Metro" in text
    assert ": 120 orang" in text and ": 92 responden" in text
    assert ": 4 responden (belum memenuhi sampel minimal)" in text
    assert "Kepala MPP Kota Metro" in text and "NIP." in text
    # printed in WIB: 02:00 UTC on 1 April is 09:00 WIB
    assert "Dicetak Rabu, 1 April 2026 pukul 09.00 WIB" in text
    # the conversion table of PermenPANRB 14/2017
    assert "88,31 – 100,00" in text and "65,00 – 76,60" in text


def test_a_period_without_respondents_has_no_report() -> None:
    empty = IkmSummary(
        unit="MPP Kota Metro",
        date_from=date(2026, 3, 1),
        date_to=date(2026, 3, 31),
        service=None,
        service_name=None,
        agency=None,
        agency_name=None,
        respondents=0,
        visitors=10,
        sample_size=10,
        result=None,
        sums=dict.fromkeys(EXAMPLE, 0),
    )
    with pytest.raises(ValidationError, match="Belum ada responden"):
        ikm_report_content(empty, printed_at=wib(datetime(2026, 4, 1, tzinfo=UTC)))
