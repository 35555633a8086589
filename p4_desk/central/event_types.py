"""The event types the central server reads, the envelope versions of each, and payload limits."""

from __future__ import annotations

TICKET_TYPES = frozenset(
    f"ticket.{verb}"
    for verb in (
        "issued",
        "called",
        "recalled",
        "started",
        "finished",
        "no_show",
        "reactivated",
        "cancelled",
        "transferred",
        "unserved",
    )
)
COUNTER_TYPES = frozenset({"counter.opened", "counter.paused", "counter.closed"})
APPLICATION_TYPES = frozenset(
    {"application.received", "application.status_changed", "application.clock_changed"}
)
COMPLAINT_TYPES = frozenset({"complaint.received", "complaint.status_changed"})
SURVEY_TYPES = frozenset({"survey.submitted"})
#: the hall's public board (services, opening hours, counters) and a web complaint it could not file
BOARD_TYPES = frozenset({"site.board"})
WEB_REFUSAL_TYPES = frozenset({"complaint.web_refused"})
#: the hall's yearly PEKPPP evidence figures (``services.pekppp``), read by ``central.pekppp``
PEKPPP_TYPES = frozenset({"pekppp.summary"})
#: a hall purged personal data past retention: the records whose central copies go (central.privacy)
PURGED_TYPES = frozenset({"privacy.purged"})
#: appointments (issue 17): the hall's rules and its bookings' steps (``central.public.booking``)
BOOKING_TYPES = frozenset(
    {"site.booking_rules", "booking.created", "booking.cancelled", "booking.checked_in", "booking.late"}
)
IKM_ELEMENTS = frozenset(f"U{n}" for n in range(1, 10))
#: the largest payload one event may carry (its canonical JSON), and its deepest nesting
MAX_PAYLOAD_BYTES = 256 * 1024  # a hall's site.board with 250 services is ~40 KB
MAX_PAYLOAD_DEPTH = 8
EVENT_TYPES = (
    TICKET_TYPES
    | COUNTER_TYPES
    | APPLICATION_TYPES
    | COMPLAINT_TYPES
    | SURVEY_TYPES
    | BOARD_TYPES
    | WEB_REFUSAL_TYPES
    | PEKPPP_TYPES
    | PURGED_TYPES
    | BOOKING_TYPES
)
COUNTER_STATES = {"counter.opened": "open", "counter.paused": "paused", "counter.closed": "closed"}

#: the envelope versions read per event type (the newest is what an up-to-date hall writes)
SCHEMA_VERSIONS: dict[str, frozenset[int]] = {
    type_: frozenset({1, 2, 3}) if type_ in APPLICATION_TYPES else frozenset({1}) for type_ in EVENT_TYPES
} | {"application.clock_changed": frozenset({3})}
