"""Printing: queue tickets (PDF and raw ESC/POS), receipts and reports as PDFs."""

from p4_desk.printing.escpos_ticket import (
    open_escpos_printer,
    print_ticket_escpos,
    render_ticket_escpos,
)
from p4_desk.printing.ticket import (
    PrinterError,
    TicketPrintData,
    render_ticket_pdf,
)

__all__ = [
    "PrinterError",
    "TicketPrintData",
    "open_escpos_printer",
    "print_ticket_escpos",
    "render_ticket_escpos",
    "render_ticket_pdf",
]
