"""The person's data report (UU 27/2022 access request), A4 PDF in Indonesian.

The content is built by ``services.privacy.person``: sections of labelled rows, already worded
and with times in the site's zone; this module only draws them.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

TITLE = "DATA PRIBADI YANG DISIMPAN"


@dataclass(frozen=True)
class ReportItem:
    """One record (an application, a complaint, ...): a heading and its labelled rows."""

    heading: str
    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class ReportSection:
    title: str
    items: tuple[ReportItem, ...]
    empty: str  # what the section says when the site holds nothing of this kind


@dataclass(frozen=True)
class PersonReportContent:
    site_name: str
    subject: str  # "NIK 1871015708900003"
    made_at: str  # worded, site zone
    made_by: str
    sections: tuple[ReportSection, ...]
    footer: str


def render_person_report(content: PersonReportContent) -> bytes:
    base = getSampleStyleSheet()["Normal"]
    styles = {
        "title": ParagraphStyle(
            "title", base, fontName="Helvetica-Bold", fontSize=14, alignment=1, leading=18
        ),
        "site": ParagraphStyle("site", base, fontName="Helvetica-Bold", fontSize=11, alignment=1, leading=14),
        "section": ParagraphStyle(
            "section", base, fontName="Helvetica-Bold", fontSize=11, leading=15, spaceBefore=8
        ),  # fmt: skip
        "heading": ParagraphStyle("heading", base, fontName="Helvetica-Bold", fontSize=9, leading=12),
        "cell": ParagraphStyle("cell", base, fontName="Helvetica", fontSize=9, leading=11),
        "small": ParagraphStyle("small", base, fontName="Helvetica", fontSize=8, leading=10),
    }
    story: list[Flowable] = [
        Paragraph(escape(content.site_name), styles["site"]),
        Paragraph(TITLE, styles["title"]),
        Spacer(1, 3 * mm),
        _table(
            [("Pemilik data", content.subject), ("Dibuat", content.made_at), ("Oleh", content.made_by)],
            styles["cell"],
        ),  # fmt: skip
    ]
    for section in content.sections:
        story.append(Paragraph(escape(section.title), styles["section"]))
        if not section.items:
            story.append(Paragraph(escape(section.empty), styles["cell"]))
        for item in section.items:
            story.append(Spacer(1, 2 * mm))
            story.append(Paragraph(escape(item.heading), styles["heading"]))
            story.append(_table(list(item.rows), styles["cell"]))
    story += [Spacer(1, 6 * mm), Paragraph(escape(content.footer), styles["small"])]
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=15 * mm, bottomMargin=15 * mm,
        title=TITLE, author=content.site_name,
    )  # fmt: skip
    doc.build(story)
    return out.getvalue()


def _table(rows: list[tuple[str, str]], style: ParagraphStyle) -> Table:
    data = [
        [Paragraph(escape(label), style), Paragraph(escape(value) or "-", style)] for label, value in rows
    ]
    table = Table(data, colWidths=[45 * mm, 129 * mm])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("GRID", (0, 0), (-1, -1), 0.3, colors.grey),
                ("BACKGROUND", (0, 0), (0, -1), colors.whitesmoke),
            ]
        )
    )
    return table
