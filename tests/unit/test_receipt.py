"""Receipts rendered to PDF and read back: text (pypdf), page size, QR code (pdfium + zxing)."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pypdf
import pypdfium2 as pdfium
import pytest
import zxingcpp

from p4_desk.printing.receipt import (
    ReceiptContent,
    ReceiptDocument,
    render_receipt,
)

WIB = ZoneInfo("Asia/Jakarta")
URL = "https://perizinan.example.go.id/lacak?nomor=MPPBDL-2603-00042-X"


def _content(**changes: object) -> ReceiptContent:
    values: dict[str, object] = {
        "kind": "intake",
        "site_name": "Mal Pelayanan Publik Kota Bandar Lampung",
        "site_address": "Jl. Dr. Susilo No. 2, Bandar Lampung",
        "agency_name": "Dinas Penanaman Modal dan PTSP",
        "registration_number": "MPPBDL-2603-00042-X",
        "tracking_url": URL,
        "applicant_name": "Siti Aminah",
        "nik_masked": "1871********0003",
        "permit_name": "Surat Izin Praktik Bidan",
        "product": "SIP Bidan",
        "documents": (
            ReceiptDocument("Fotokopi KTP-el", True, True),
            ReceiptDocument("Fotokopi STR Bidan", True, True, "asli diperlihatkan"),
            ReceiptDocument("Surat keterangan sehat", True, False),
            ReceiptDocument("Denah lokasi praktik", False, False),
        ),
        "fee": 150_000,
        "received_at": datetime(2026, 3, 4, 3, 0, tzinfo=UTC).astimezone(WIB),
        "due_date": date(2026, 3, 11),
        "officer_name": "Ahmad Fauzi",
        "complaint_channel": "Pengaduan: SP4N-LAPOR! www.lapor.go.id, SMS 1708",
        "ticket_number": "I017",
    }
    values.update(changes)
    return ReceiptContent(**values)  # type: ignore[arg-type]


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def test_receipt_says_what_was_handed_in_and_what_is_missing() -> None:
    text = _text(render_receipt(_content(), "A5"))
    assert "MPPBDL-2603-00042-X" in text
    assert "1871********0003" in text
    assert "Siti Aminah" in text and "Surat Izin Praktik Bidan" in text
    # Wednesday 4 March 2026 03:00 UTC is 10:00 WIB; the due date is a Wednesday too.
    assert "Rabu, 4 Maret 2026 pukul 10.00 WIB" in text
    assert "Rabu, 11 Maret 2026" in text
    assert "Fotokopi KTP-el" in text and "asli diperlihatkan" in text
    assert "Surat keterangan sehat" in text and "BELUM DISERAHKAN" in text
    assert "Berkas belum lengkap" in text
    # An optional document that was not brought is not listed as missing.
    assert "Denah lokasi praktik" not in text
    assert "Rp 150.000" in text
    assert "Ahmad Fauzi" in text and "Pemohon" in text
    assert "SP4N-LAPOR!" in text
    assert "SALINAN" not in text


def test_copy_is_watermarked() -> None:
    assert "SALINAN" in _text(render_receipt(_content(copy=True), "A5"))


def test_free_permit_prints_gratis_and_complete_dossier() -> None:
    docs = (ReceiptDocument("Fotokopi KTP-el", True, True),)
    text = _text(render_receipt(_content(fee=0, documents=docs), "A4"))
    assert "Gratis" in text and "Berkas lengkap" in text and "BELUM DISERAHKAN" not in text


@pytest.mark.parametrize(("paper", "size_mm"), [("A4", (210, 297)), ("A5", (148, 210))])
def test_paper_sizes(paper: str, size_mm: tuple[int, int]) -> None:
    reader = pypdf.PdfReader(io.BytesIO(render_receipt(_content(), paper)))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    points_per_mm = 72 / 25.4
    assert (round(float(box.width) / points_per_mm), round(float(box.height) / points_per_mm)) == size_mm


def test_qr_code_decodes_to_the_tracking_url() -> None:
    pdf = pdfium.PdfDocument(render_receipt(_content(), "A5"))
    try:
        image = pdf[0].render(scale=3).to_pil()
    finally:
        pdf.close()
    found = [b.text for b in zxingcpp.read_barcodes(image)]
    assert found == [URL]


def test_hand_over_receipt_names_the_recipient() -> None:
    handed = datetime(2026, 3, 20, 7, 30, tzinfo=UTC).astimezone(WIB)
    text = _text(
        render_receipt(_content(kind="handover", handed_over_to="Budi Santoso", handed_over_at=handed))
    )
    assert "TANDA TERIMA PENYERAHAN IZIN" in text
    assert "Budi Santoso" in text and "Jumat, 20 Maret 2026 pukul 14.30 WIB" in text
    assert "BELUM DISERAHKAN" not in text


def test_unmasked_nik_is_refused() -> None:
    with pytest.raises(ValueError):
        _content(nik_masked="1871015708900003")
