"""Appointments (issue 17): booking rules per service, bookings, kiosk check-in, their figures.

- ``rules``: a service's booking rule (admin window, ``p4-desk booking rule``), its slots and
  the ``site.booking_rules`` event the central server offers slots from.
- ``bookings``: bookings taken at the hall (by phone) or pulled from the central server, and
  the listing.
- ``checkin``: a booking code at the kiosk or the CLI becomes a ticket, once.
- ``figures``: booked, checked in, no-show, late, served within the slot.
"""

from p4_desk.services.booking.bookings import (
    BookingInfo,
    add_booking,
    cancel_booking,
    list_bookings,
    take_in_web_bookings,
)
from p4_desk.services.booking.checkin import CheckinResult, check_checkin, check_in
from p4_desk.services.booking.figures import BookingFigures, booking_figures, today_per_service
from p4_desk.services.booking.rules import (
    ServiceRule,
    SlotInfo,
    get_rule,
    list_rules,
    publish_booking_rules,
    set_rule,
    slots_for,
)

__all__ = [
    "BookingFigures",
    "BookingInfo",
    "CheckinResult",
    "ServiceRule",
    "SlotInfo",
    "add_booking",
    "booking_figures",
    "cancel_booking",
    "check_checkin",
    "check_in",
    "get_rule",
    "list_bookings",
    "list_rules",
    "publish_booking_rules",
    "set_rule",
    "slots_for",
    "take_in_web_bookings",
    "today_per_service",
]
