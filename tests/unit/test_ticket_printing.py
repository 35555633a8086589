"""Queue tickets: PDF parsed and rendered back, ESC/POS bytes through real printer backends."""

from __future__ import annotations

import io
import socket
import threading
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pypdfium2
import pytest
import zxingcpp
from escpos.printer import Dummy
from pypdf import PdfReader

from p4_desk.errors import P4Error
from p4_desk.printing import (
    PrinterError,
    TicketPrintData,
    open_escpos_printer,
    print_ticket_escpos,
    render_ticket_escpos,
    render_ticket_pdf,
)

MM = 72 / 25.4
A4_HEIGHT = 297 * MM
GS = b"\x1d"
QR_COMMAND = GS + b"(k"
CUT = GS + b"V"
UID = "7f3c2a9e-1b2d-4c5e-8f90-1234567890ab"

# 02:15 UTC on Sunday 29 November 2026 is 09:15 in Jakarta (UTC+7)
TICKET = TicketPrintData(
    site_name="MPP Kota Metro",
    agency_name="Dinas Kependudukan dan Pencatatan Sipil",
    service_name="Perekaman KTP-el",
    number="A123",
    issued_at=datetime(2026, 11, 29, 2, 15, tzinfo=UTC),
    people_ahead=7,
    estimated_wait_minutes=21,
    ticket_uid=UID,
    footer="Terima kasih. Harap menunggu panggilan di ruang tunggu.",
)


def pdf_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    return reader.pages[0].extract_text()


def page_size(pdf: bytes) -> tuple[float, float]:
    box = PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    return float(box.width), float(box.height)


# --- PDF ----------------------------------------------------------------------------------


@pytest.mark.parametrize("paper_mm", [58, 80])
def test_pdf_ticket_fits_the_roll(paper_mm: int) -> None:
    pdf = render_ticket_pdf(TICKET, paper_mm)
    width, height = page_size(pdf)
    assert width == pytest.approx(paper_mm * MM, abs=0.5)
    assert width < height < A4_HEIGHT / 2  # a ticket, not an A4 page

    text = pdf_text(pdf)
    for expected in (
        "A123",
        "Perekaman KTP-el",
        "MPP Kota Metro",
        "Minggu, 29 November 2026 pukul 09.15 WIB",
        "Jumlah antrian di depan Anda: 7",
        "Perkiraan waktu tunggu: \u00b1 21 menit",
    ):
        assert expected in text, expected
    assert "SALINAN" not in text


@pytest.mark.parametrize(
    ("zone", "expected"),
    [
        ("Asia/Makassar", "Minggu, 29 November 2026 pukul 10.15 WITA"),
        ("Asia/Jayapura", "Minggu, 29 November 2026 pukul 11.15 WIT"),
    ],
)
def test_pdf_date_in_the_site_time_zone(zone: str, expected: str) -> None:
    assert expected in pdf_text(render_ticket_pdf(replace(TICKET, timezone=zone), 58))


def test_pdf_date_is_the_local_day_not_utc() -> None:
    # 17:30 UTC on Sunday is already 00:30 on Monday in Jakarta
    evening = replace(TICKET, issued_at=datetime(2026, 11, 29, 17, 30, tzinfo=UTC))
    assert "Senin, 30 November 2026 pukul 00.30 WIB" in pdf_text(render_ticket_pdf(evening, 80))


def test_reprint_and_priority_are_marked() -> None:
    reprint = replace(TICKET, copy=True, priority_label="Prioritas: Lansia")
    text = pdf_text(render_ticket_pdf(reprint, 58))
    assert "SALINAN" in text
    assert "Prioritas: Lansia" in text


def test_long_number_still_printed_whole() -> None:
    text = pdf_text(render_ticket_pdf(replace(TICKET, number="AB1000"), 58))
    assert "AB1000" in text


@pytest.mark.parametrize("paper_mm", [58, 80])
def test_long_texts_stay_inside_the_printable_width(paper_mm: int) -> None:
    # thermal heads do not print the outer millimetres: nothing may be drawn there
    crowded = replace(
        TICKET,
        site_name="Mal Pelayanan Publik Kabupaten Lampung Timur",
        agency_name="Badan Penyelenggara Jaminan Sosial Kesehatan",
        service_name="Pendaftaran Peserta Baru dan Perubahan Data Kepesertaan",
        number="AB1000",
        priority_label="Prioritas: Penyandang Disabilitas dan Ibu Hamil",
        copy=True,
        timezone="Asia/Makassar",
        issued_at=datetime(2026, 9, 29, 2, 15, tzinfo=UTC),  # a long day and month name
        people_ahead=123,
        estimated_wait_minutes=120,
    )
    scale = 4
    image = pypdfium2.PdfDocument(render_ticket_pdf(crowded, paper_mm))[0].render(scale=scale)
    grey = image.to_pil().convert("L")
    margin = int(2 * MM * scale)
    for strip in (grey.crop((0, 0, margin, grey.height)),
                  grey.crop((grey.width - margin, 0, grey.width, grey.height))):  # fmt: skip
        assert strip.getextrema()[0] > 200  # no dark pixel


@pytest.mark.parametrize("paper_mm", [58, 80])
def test_pdf_qr_code_decodes_to_the_ticket_uid(paper_mm: int) -> None:
    pdf = render_ticket_pdf(TICKET, paper_mm)
    # scale 203/72: the resolution of a common thermal printer head
    image = pypdfium2.PdfDocument(pdf)[0].render(scale=203 / 72).to_pil()
    codes = zxingcpp.read_barcodes(image)
    assert [c.text for c in codes] == [UID]
    assert codes[0].format == zxingcpp.BarcodeFormat.QRCode


def test_naive_issue_time_and_odd_paper_are_refused() -> None:
    with pytest.raises(ValueError):
        replace(TICKET, issued_at=datetime(2026, 11, 29, 9, 15))
    with pytest.raises(ValueError):
        render_ticket_pdf(TICKET, 210)


# --- ESC/POS ------------------------------------------------------------------------------


def test_escpos_through_the_file_backend(tmp_path: Path) -> None:
    device = tmp_path / "lp0"
    print_ticket_escpos(TICKET, f"escpos-file:{device}", paper_mm=58)

    sent = device.read_bytes()
    assert b"A123" in sent
    assert b"Perekaman KTP-el" in sent
    assert b"Jumlah antrian di depan Anda: 7" in sent
    # 32 characters a line: the date on one, the time on the next
    assert b"Minggu, 29 November 2026\npukul 09.15 WIB\n" in sent
    assert QR_COMMAND in sent
    assert UID.encode() in sent.split(QR_COMMAND, 1)[1]  # the uid goes into the QR command
    assert GS + b"!\x33" + b"\x1bE\x01A123" in sent  # number at 4x width and 4x height, bold
    assert CUT in sent
    assert sent.rindex(CUT) > sent.index(b"A123")  # cut after the ticket


def test_same_bytes_to_a_network_printer(tmp_path: Path) -> None:
    with fake_network_printer(paper_status=None) as (port, received):
        print_ticket_escpos(TICKET, f"escpos-net:127.0.0.1:{port}", paper_mm=80)
    dummy = Dummy()
    render_ticket_escpos(TICKET, dummy, paper_mm=80)
    assert bytes(received) == dummy.output
    assert CUT in received


def test_unreachable_network_printer_is_a_printer_error() -> None:
    port = closed_port()
    with pytest.raises(PrinterError) as caught:
        print_ticket_escpos(TICKET, f"escpos-net:127.0.0.1:{port}")
    assert isinstance(caught.value, P4Error)
    assert caught.value.code == "printer_error"
    assert "Printer tiket tidak dapat dihubungi" in caught.value.message


def test_missing_device_file_is_a_printer_error(tmp_path: Path) -> None:
    with pytest.raises(PrinterError, match="tidak dapat dihubungi"):
        print_ticket_escpos(TICKET, f"escpos-file:{tmp_path / 'no-such-dir' / 'lp0'}")


def test_paper_out_is_detected_before_printing() -> None:
    with (
        pytest.raises(PrinterError, match="Kertas printer tiket habis"),
        fake_network_printer(paper_status=0x72) as (port, received),
    ):
        print_ticket_escpos(TICKET, f"escpos-net:127.0.0.1:{port}", check_paper=True)
    assert b"A123" not in received  # nothing of the ticket was printed


def test_paper_present_prints_after_the_check() -> None:
    with fake_network_printer(paper_status=0x12) as (port, received):
        print_ticket_escpos(TICKET, f"escpos-net:127.0.0.1:{port}", check_paper=True)
    assert b"A123" in received
    assert CUT in received


@pytest.mark.parametrize(
    ("target", "kind", "attributes"),
    [
        ("escpos-net:192.168.1.50:9100", "Network", {"host": "192.168.1.50", "port": 9100}),
        ("escpos-net:printer-loket", "Network", {"host": "printer-loket", "port": 9100}),
        ("escpos-file:/dev/usb/lp0", "File", {"devfile": "/dev/usb/lp0"}),
    ],
)
def test_printer_targets(target: str, kind: str, attributes: dict[str, object]) -> None:
    printer = open_escpos_printer(target)
    assert type(printer).__name__ == kind
    for name, value in attributes.items():
        assert getattr(printer, name) == value


@pytest.mark.parametrize(
    ("target", "devfile", "baudrate"),
    [
        ("escpos-serial:/dev/ttyUSB0", "/dev/ttyUSB0", 9600),
        ("escpos-serial:COM3", "COM3", 9600),
        ("escpos-serial:/dev/ttyS1:19200", "/dev/ttyS1", 19200),
    ],
)
def test_serial_targets(target: str, devfile: str, baudrate: int) -> None:
    pytest.importorskip("serial", reason="python-escpos[serial] not installed")
    printer = open_escpos_printer(target)
    assert type(printer).__name__ == "Serial"
    assert (printer.devfile, printer.baudrate) == (devfile, baudrate)  # type: ignore[attr-defined]


def test_usb_target_is_parsed() -> None:
    pytest.importorskip("usb", reason="python-escpos[usb] not installed")
    printer = open_escpos_printer("escpos-usb:0x04b8:0x0202")
    assert printer.usb_args == {"idVendor": 0x04B8, "idProduct": 0x0202}  # type: ignore[attr-defined]


@pytest.mark.parametrize("target", ["escpos-net:", "escpos-usb:04b8", "lpt1", "escpos-net:h:x"])
def test_unknown_target_is_explained(target: str) -> None:
    with pytest.raises(PrinterError, match="Alamat printer tiket tidak dikenali"):
        open_escpos_printer(target)


# --- a thermal printer on 127.0.0.1 -------------------------------------------------------


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class fake_network_printer:  # noqa: N801 - used like a function
    """A raw TCP "printer" on 127.0.0.1: keeps every byte; answers DLE EOT 4 with a status."""

    def __init__(self, *, paper_status: int | None) -> None:
        self.paper_status = paper_status
        self.received = bytearray()
        self.server = socket.create_server(("127.0.0.1", 0))
        self.server.settimeout(10)
        self.thread = threading.Thread(target=self._serve, daemon=True)

    def __enter__(self) -> tuple[int, bytearray]:
        self.thread.start()
        return int(self.server.getsockname()[1]), self.received

    def __exit__(self, *exc: object) -> None:
        self.thread.join(timeout=10)
        self.server.close()

    def _serve(self) -> None:
        connection, _ = self.server.accept()
        with connection:
            connection.settimeout(10)
            for chunk in iter(lambda: connection.recv(4096), b""):
                self.received += chunk
                if self.paper_status is not None and chunk.endswith(b"\x10\x04\x04"):
                    connection.sendall(bytes([self.paper_status]))


def test_missing_serial_port_is_a_printer_error(tmp_path: Path) -> None:
    pytest.importorskip("serial", reason="python-escpos[serial] not installed")
    with pytest.raises(PrinterError, match="tidak dapat dihubungi"):
        print_ticket_escpos(TICKET, f"escpos-serial:{tmp_path / 'ttyNOPE'}")
