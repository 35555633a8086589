"""Queue ticket sent as raw ESC/POS to a thermal printer (network, USB, serial or file).

Targets are written as ``escpos-net:192.168.1.50:9100``, ``escpos-usb:0x04b8:0x0202``,
``escpos-serial:/dev/ttyUSB0`` (or ``escpos-serial:COM3``, optional ``:BAUD``),
``escpos-file:/dev/usb/lp0`` and ``escpos-dummy:`` (bytes kept in memory). Every failure of
the printer becomes a :class:`PrinterError` with a message an officer can act on; the ticket
itself is already stored, so it can be reprinted.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from contextlib import contextmanager, suppress

from escpos import exceptions as escpos_errors
from escpos.escpos import Escpos
from escpos.printer import Dummy, File, Network, Serial, Usb

from p4_desk.printing.ticket import PAPER_WIDTHS_MM, PrinterError, TicketPrintData, ticket_texts

DEFAULT_NETWORK_PORT = 9100
DEFAULT_TIMEOUT_S = 5.0
COLUMNS = {58: 32, 80: 48}  # characters per line in font A

UNREACHABLE = "Printer tiket tidak dapat dihubungi. Periksa kabel/daya printer lalu coba lagi."
INTERRUPTED = "Pencetakan tiket terputus. Periksa printer, lalu cetak ulang tiket dari daftar antrian."
PAPER_OUT = "Kertas printer tiket habis. Isi kertas lalu cetak ulang tiket."
NO_DRIVER = (
    "Komputer ini belum memiliki dukungan untuk jenis printer tiket ini "
    "(pustaka/driver USB atau serial belum terpasang). Hubungi petugas TI."
)


def open_escpos_printer(target: str, *, timeout: float = DEFAULT_TIMEOUT_S) -> Escpos:
    """A printer object for ``target``; the connection itself opens on the first write."""
    kind, _, address = target.strip().partition(":")
    try:
        if kind == "escpos-file" and address:
            return File(devfile=address)
        if kind == "escpos-net" and address:
            host, _, port = address.rpartition(":") if ":" in address else (address, "", "")
            return Network(host=host, port=int(port or DEFAULT_NETWORK_PORT), timeout=timeout)
        if kind == "escpos-usb" and address:
            vendor, product = address.split(":")
            return Usb(idVendor=int(vendor, 0), idProduct=int(product, 0), timeout=int(timeout))
        if kind == "escpos-serial" and address:
            device, _, baud = address.rpartition(":")
            if not (device and baud.isdigit()):
                device, baud = address, "9600"
            return Serial(devfile=device, baudrate=int(baud), timeout=timeout)
        if kind == "escpos-dummy":
            return Dummy()
    except ValueError:
        pass
    except RuntimeError as exc:  # python-escpos: pyusb / pyserial is not installed
        raise PrinterError(NO_DRIVER) from exc
    raise PrinterError(
        f"Alamat printer tiket tidak dikenali: {target!r}. Contoh: escpos-net:192.168.1.50:9100, "
        "escpos-usb:0x04b8:0x0202, escpos-serial:/dev/ttyUSB0 atau COM3, escpos-file:/dev/usb/lp0."
    )


def print_ticket_escpos(
    data: TicketPrintData, target: str, *, paper_mm: int = 80, check_paper: bool = False
) -> None:
    """Open ``target``, print the ticket, close. Raises PrinterError on any printer failure."""
    printer = open_escpos_printer(target)
    try:
        render_ticket_escpos(data, printer, paper_mm=paper_mm, check_paper=check_paper)
    finally:
        # every write is already flushed; a failing close must not hide the real error
        with suppress(Exception):
            printer.close()


def render_ticket_escpos(
    data: TicketPrintData, printer: Escpos, *, paper_mm: int = 80, check_paper: bool = False
) -> None:
    """Send the ticket to ``printer``: header, quad-size number, native QR code, cut.

    ``check_paper`` asks the printer for its paper sensor first and refuses to print on an
    empty roll. Enable it only for printers that answer DLE EOT 4 (most Epson-compatible
    network, USB and serial printers): one that stays silent is reported as unreachable
    after the timeout.
    """
    if paper_mm not in PAPER_WIDTHS_MM:
        raise ValueError(f"paper_mm must be one of {PAPER_WIDTHS_MM}, got {paper_mm}")
    with _printer_errors(UNREACHABLE, on_open=True):
        _ = printer.device  # python-escpos connects on first access
    if check_paper:
        _refuse_empty_roll(printer)
    with _printer_errors(INTERRUPTED):
        _write_ticket(data, printer, COLUMNS[paper_mm])


def _write_ticket(data: TicketPrintData, printer: Escpos, columns: int) -> None:
    texts = ticket_texts(data)

    def wrapped(text: str, width: int = columns) -> None:
        for line in textwrap.wrap(text, width) or [""]:
            printer.textln(line)

    printer.hw("INIT")
    printer.set(align="center", bold=True, normal_textsize=True)
    wrapped(data.site_name)
    printer.set(bold=False)
    wrapped(data.agency_name)
    printer.textln("-" * columns)
    printer.textln(texts.title)
    printer.set(bold=True, custom_size=True, width=4, height=4)
    printer.textln(data.number)
    printer.set(bold=True, normal_textsize=True, double_height=True)
    wrapped(data.service_name)
    printer.set(normal_textsize=True)
    for mark in texts.marks:
        label = f" {mark} "
        printer.set(bold=True, invert=True, double_width=2 * len(label) <= columns)
        printer.textln(label)
        printer.set(bold=False, invert=False, normal_textsize=True)
    printer.ln()
    for line in texts.details:
        if line == texts.issued and len(line) > columns:  # date, then time: no lone "WIB"
            for part in texts.issued_parts:
                wrapped(part)
        else:
            wrapped(line)
    printer.ln()
    printer.qr(data.qr_value, size=6 if columns < 40 else 8, native=True)
    if data.page_url:
        wrapped(texts.qr_caption)
    printer.ln()
    if data.footer:
        printer.textln("-" * columns)
        wrapped(data.footer)
    printer.cut()


def _refuse_empty_roll(printer: Escpos) -> None:
    if isinstance(printer, File | Dummy):
        return  # these cannot answer
    with _printer_errors(UNREACHABLE):
        status = printer.paper_status()
    if status == 0:
        raise PrinterError(PAPER_OUT)


@contextmanager
def _printer_errors(message: str, *, on_open: bool = False) -> Iterator[None]:
    try:
        yield
    except PrinterError:
        raise
    except (escpos_errors.Error, OSError) as exc:
        raise PrinterError(message) from exc
    except RuntimeError as exc:  # python-escpos: pyusb / pyserial is not installed
        raise PrinterError(NO_DRIVER) from exc
    except ValueError as exc:
        # pyusb's NoBackendError (no libusb on this computer) is a ValueError
        if on_open and type(exc).__name__ == "NoBackendError":
            raise PrinterError(NO_DRIVER) from exc
        raise
