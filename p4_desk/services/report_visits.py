"""The appointment and visit figures of a queue report (issue 17): bookings made, checked in on
time, late (served as walk-ins), no-show, and the visits of several services and how many went
through every service — from ``services.booking.booking_figures`` and
``services.visit_stats.visit_figures``, the numbers ``p4-desk booking stats`` and ``p4-desk
stats`` show.

A report for the whole site has them all; a report for one service has that service's
bookings (visits span services, so none); a report for an agency, a counter or an officer has
neither: bookings and visits are not theirs to count.
"""

from __future__ import annotations

from p4_desk.services.booking import booking_figures
from p4_desk.services.stats import Statistics
from p4_desk.services.visit_stats import visit_figures
from p4_desk.store.db import Database

#: the CSV's column names (English identifiers, as the other records) and the rows' labels
LABELS = {
    "bookings": "Janji temu dipesan",
    "bookings_checked_in": "Janji temu check-in tepat waktu",
    "bookings_late": "Janji temu terlambat (dilayani sebagai pengunjung langsung)",
    "bookings_no_show": "Janji temu tidak hadir",
    "visits": "Kunjungan beberapa layanan",
    "visits_completed": "Kunjungan beberapa layanan selesai semua layanannya",
}

Row = tuple[str, str, int]  # (key, label, count)


def appointment_rows(db: Database, stats: Statistics) -> tuple[Row, ...]:
    """(key, label, count) rows for the report of ``stats``; empty when its scope does not own them."""
    f = stats.filters
    if f.agency or f.counter or f.officer:
        return ()
    period = stats.period
    figures = booking_figures(db, period.first, period.last)
    booked, checked_in, late, no_show = figures.booked, figures.checked_in, figures.late, figures.no_show
    if f.service:
        row = next((r for r in figures.per_service if r.service == f.service.upper()), None)
        booked, checked_in, late, no_show = (
            (row.booked, row.checked_in, row.late, row.no_show) if row else (0, 0, 0, 0)
        )
    counts = {"bookings": booked, "bookings_checked_in": checked_in, "bookings_late": late,
              "bookings_no_show": no_show}  # fmt: skip
    if not f.service:
        visits = visit_figures(db, period)
        counts |= {"visits": visits.visits, "visits_completed": visits.completed}
    return tuple((key, LABELS[key], n) for key, n in counts.items())
