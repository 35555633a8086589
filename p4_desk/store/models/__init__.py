"""All ORM models. Importing this package registers every table on ``Base.metadata``."""

from p4_desk.store.models import stats as _stats_indexes  # noqa: F401  (indexes only)
from p4_desk.store.models.base import Base
from p4_desk.store.models.core import (
    Agency,
    AuditEntry,
    Counter,
    OutboxEvent,
    Service,
    ServiceDaySequence,
    Site,
    SiteSetting,
    Ticket,
    TicketLeg,
    User,
    counter_services,
)

__all__ = [
    "Agency",
    "AuditEntry",
    "Base",
    "Counter",
    "OutboxEvent",
    "Service",
    "ServiceDaySequence",
    "Site",
    "SiteSetting",
    "Ticket",
    "TicketLeg",
    "User",
    "counter_services",
]
