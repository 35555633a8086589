"""IKM report (*laporan hasil Survei Kepuasan Masyarakat*) in the layout of PermenPANRB 14/2017.

Per element: name, sum of scores, NRR, weighted NRR (× 1/9); then Σ weighted NRR, the IKM
(× 25), the grade and *mutu pelayanan*, respondents against the Krejcie–Morgan sample for
the period's visitors, the conversion table and a signature block. Numbers are printed the
Indonesian way (decimal comma). The content is built by ``services.surveys.ikm_report_content``.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from p4_desk.domain.ikm import ELEMENTS, GRADES, IkmResult
from p4_desk.domain.wording import format_date, format_date_range, format_datetime, format_number

GRID = colors.HexColor("#777777")
HEADER_FILL = colors.HexColor("#E8EEF4")


@dataclass(frozen=True)
class IkmReportContent:
    """Everything printed on one IKM report."""

    unit: str  # the unit of service, e.g. "MPP Kota Metro"
    scope: str  # "Layanan KTP-el", an agency's name, or "Seluruh layanan"
    date_from: date
    date_to: date
    visitors: int  # the period's population
    sample_size: int  # Krejcie-Morgan minimum for ``visitors``
    respondents: int
    sums: Mapping[str, int]  # sum of scores per element U1..U9
    result: IkmResult
    printed_at: datetime  # aware, site zone

    @property
    def sample_reached(self) -> bool:
        return self.respondents >= self.sample_size


def _styles() -> dict[str, ParagraphStyle]:
    base = getSampleStyleSheet()["Normal"]
    return {
        "title": ParagraphStyle("t", base, fontName="Helvetica-Bold", fontSize=13, leading=17, alignment=1),
        "subtitle": ParagraphStyle("s", base, fontSize=10, leading=13, alignment=1),
        "cell": ParagraphStyle("c", base, fontSize=9.5, leading=12),
        "head": ParagraphStyle("h", base, fontName="Helvetica-Bold", fontSize=9.5, leading=12, alignment=1),
        "bold": ParagraphStyle("b", base, fontName="Helvetica-Bold", fontSize=9.5, leading=12),
        "small": ParagraphStyle("sm", base, fontSize=8.5, leading=11, textColor=colors.HexColor("#444444")),
        "sign": ParagraphStyle("sg", base, fontSize=10, leading=13, alignment=1),
    }


def _sample_text(c: IkmReportContent) -> str:
    if c.visitors == 0:
        return "- (tidak ada data pengunjung pada periode ini)"
    return f"{format_number(c.sample_size)} responden"


def _respondents_text(c: IkmReportContent) -> str:
    if c.visitors == 0:
        return f"{format_number(c.respondents)} responden"
    verdict = "memenuhi sampel minimal" if c.sample_reached else "belum memenuhi sampel minimal"
    return f"{format_number(c.respondents)} responden ({verdict})"


def render_ikm_report(c: IkmReportContent) -> bytes:
    """The report as one A4 page of PDF."""
    result = c.result
    period = format_date_range(c.date_from, c.date_to)
    st = _styles()

    def p(text: str, style: str = "cell") -> Paragraph:
        return Paragraph(escape(text), st[style])

    info = Table(
        [
            [p("Unit pelayanan"), p(f": {c.unit}")],
            [p("Cakupan"), p(f": {c.scope}")],
            [p("Periode survei"), p(f": {period}")],
            [p("Jumlah pengunjung (populasi)"), p(f": {format_number(c.visitors)} orang")],
            [p("Sampel minimal (Krejcie-Morgan)"), p(f": {_sample_text(c)}")],
            [p("Jumlah responden"), p(f": {_respondents_text(c)}")],
        ],
        colWidths=[58 * mm, None],
        hAlign="LEFT",
    )
    info.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))

    rows: list[list[Flowable | str]] = [
        [p(h, "head") for h in ("No", "Kode", "Unsur pelayanan", "Jumlah nilai", "NRR", "NRR tertimbang")]
    ]
    for index, (code, name) in enumerate(ELEMENTS.items(), start=1):
        rows.append(
            [
                str(index),
                code,
                p(name),
                format_number(c.sums[code]),
                format_number(result.nrr[code], 2),
                format_number(result.weighted_nrr[code], 3),
            ]
        )
    total_weighted = sum(result.weighted_nrr.values(), Fraction(0))
    rows += [
        ["", "", p("Jumlah NRR tertimbang (Σ NRR × 1/9)", "bold"), "", "", format_number(total_weighted, 3)],
        [
            "",
            "",
            p("IKM unit pelayanan (Σ NRR tertimbang × 25)", "bold"),
            "",
            "",
            format_number(result.ikm, 2),
        ],
        ["", "", p("Mutu pelayanan", "bold"), "", "", f"{result.grade} ({result.mutu})"],
    ]
    elements = Table(rows, colWidths=[9 * mm, 14 * mm, 75 * mm, 22 * mm, 18 * mm, 32 * mm], repeatRows=1)
    elements.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, GRID),
                ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (0, 1), (1, -1), "CENTER"),
                ("ALIGN", (3, 1), (-1, -1), "RIGHT"),
                ("FONTSIZE", (0, 1), (-1, -1), 9.5),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("SPAN", (2, -3), (4, -3)),
                ("SPAN", (2, -2), (4, -2)),
                ("SPAN", (2, -1), (4, -1)),
                ("FONTNAME", (5, -3), (5, -1), "Helvetica-Bold"),
                ("BACKGROUND", (0, -3), (-1, -1), colors.HexColor("#F5F5F5")),
            ]
        )
    )
    scale_rows: list[list[Flowable | str]] = [
        [p(h, "head") for h in ("Mutu", "Nilai interval konversi (IKM)", "Kinerja unit pelayanan")]
    ]
    upper = "100,00"  # each interval ends one hundredth below the grade above
    for grade, mutu, lowest in GRADES:
        scale_rows.append([grade, f"{format_number(lowest, 2)} – {upper}", mutu])
        upper = format_number(lowest - Decimal("0.01"), 2)
    scale = Table(scale_rows, colWidths=[20 * mm, 60 * mm, 50 * mm], hAlign="LEFT")
    scale.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, GRID),
                ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
                ("ALIGN", (0, 1), (-1, -1), "CENTER"),
                ("FONTSIZE", (0, 1), (-1, -1), 9.5),
            ]
        )
    )
    signature = Table(
        [
            [
                "",
                p(format_date(c.printed_at.date()), "sign"),
            ],
            ["", p(f"Kepala {c.unit}", "sign")],
            ["", Spacer(1, 16 * mm)],
            ["", p("(.........................................)", "sign")],
            ["", p("NIP. ...................................", "sign")],
        ],
        colWidths=[95 * mm, 75 * mm],
        hAlign="LEFT",
    )
    story: list[Flowable] = [
        p("LAPORAN HASIL SURVEI KEPUASAN MASYARAKAT (SKM)", "title"),
        p(f"Indeks Kepuasan Masyarakat (IKM) — {c.unit}", "subtitle"),
        p(f"Periode {period}", "subtitle"),
        Spacer(1, 6 * mm),
        info,
        Spacer(1, 5 * mm),
        p("Nilai per unsur pelayanan", "bold"),
        Spacer(1, 2 * mm),
        elements,
        Spacer(1, 5 * mm),
        p("Nilai persepsi, interval IKM, konversi dan mutu pelayanan (PermenPANRB 14/2017)", "bold"),
        Spacer(1, 2 * mm),
        scale,
        Spacer(1, 3 * mm),
        p(
            "NRR = jumlah nilai per unsur ÷ jumlah responden; bobot setiap unsur = 1/9 (tepat); "
            "IKM = Σ (NRR × 1/9) × 25. Jawaban: 1 tidak baik, 2 kurang baik, 3 baik, 4 sangat baik.",
            "small",
        ),
        p(f"Dicetak {format_datetime(c.printed_at)}", "small"),
        Spacer(1, 6 * mm),
        KeepTogether(signature),
    ]
    out = io.BytesIO()
    SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=15 * mm,
        bottomMargin=15 * mm,
        title=f"Laporan IKM {c.unit} {period}",
        author=c.unit,
    ).build(story)
    return out.getvalue()
