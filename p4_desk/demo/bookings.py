"""Demo appointments (issue 17.1): KTP, PASPOR and SKCK take bookings, and today has slots open.

KTP books every day round the clock (as its demo hours are), so whenever the demo is loaded the
next half hour can be booked and checked in at the kiosk at once; PASPOR and SKCK book in office
hours. Two citizens have booked the next KTP slot by phone: their codes are in the summary
``p4-desk demo-data`` prints.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from p4_desk.domain.booking_rules import BookingRule
from p4_desk.domain.opening_hours import OFFICE_HOURS, WEEKDAYS
from p4_desk.services import booking
from p4_desk.store.db import Database

ROUND_THE_CLOCK = {day: [["00:00", "24:00"]] for day in WEEKDAYS}
RULES = {
    "KTP": BookingRule(hours=ROUND_THE_CLOCK, slot_minutes=30, capacity=4, days_ahead=7,
                       walkin_share_percent=50, policy="slot", head_start_minutes=10),
    "PASPOR": BookingRule(hours=OFFICE_HOURS, slot_minutes=30, capacity=2, days_ahead=14,
                          walkin_share_percent=50, policy="slot", head_start_minutes=10),
    "SKCK": BookingRule(hours=OFFICE_HOURS, slot_minutes=20, capacity=3, days_ahead=7,
                        walkin_share_percent=60, policy="arrival", head_start_minutes=0),
}  # fmt: skip
PHONE_BOOKINGS = [("Rudi Hartono", "0812-7000-1001"), ("Maya Sari", "0813-7000-2002")]


def load_demo_bookings(db: Database) -> dict[str, Any]:
    for code, rule in RULES.items():
        booking.set_rule(db, code, rule)
    now = db.now().astimezone(db.timezone).replace(second=0, microsecond=0)
    slot = now + timedelta(minutes=30 - now.minute % 30)
    codes = [booking.add_booking(db, "KTP", slot, name, phone).code for name, phone in PHONE_BOOKINGS]
    return {"booking_services": sorted(RULES), "booking_codes": codes}
