"""Queue reports as data files: one long-format CSV and an XLSX workbook with one sheet per table.

Both take the same :class:`~p4_desk.printing.report.QueueReportContent` as the PDF; numbers stay
numbers (raw seconds in the CSV, minutes and percentages in the workbook) so that a spreadsheet
can compute with them.
"""

from __future__ import annotations

import csv
import io
from datetime import date

from p4_desk.printing.report import QueueReportContent

LONG_HEADER = ("tabel", "baris", "kolom", "nilai")
HEADER_FILL = "1F4E79"


def render_report_csv(content: QueueReportContent) -> bytes:
    """All tables in one long-format CSV (UTF-8 with BOM so spreadsheet programs read it)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(LONG_HEADER)
    for table, row, column, value in content.records:
        writer.writerow((table, row, column, "" if value is None else value))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def render_report_xlsx(content: QueueReportContent) -> bytes:
    """One worksheet per table, numbers as numbers, dates as dates."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    bold = Font(bold=True, color="FFFFFF")
    fill = PatternFill("solid", fgColor=HEADER_FILL)
    wb = Workbook()
    first = wb.active
    assert first is not None
    for index, sheet in enumerate(content.sheets):
        ws = first if index == 0 else wb.create_sheet()
        ws.title = sheet.title
        for line in sheet.preamble:
            ws.append([line])
        if sheet.preamble:
            ws.append([])
            ws["A1"].font = Font(bold=True, size=13)
        ws.append(list(sheet.header))
        for cell in ws[ws.max_row]:
            cell.font, cell.fill = bold, fill
        for row in sheet.rows:
            ws.append(list(row))
            for cell, value in zip(ws[ws.max_row], row, strict=False):
                if isinstance(value, date):
                    cell.number_format = "yyyy-mm-dd"
        for column, width in sheet.widths:
            ws.column_dimensions[column].width = width
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
