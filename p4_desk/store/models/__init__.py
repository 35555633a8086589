"""All ORM models. Importing this package registers every table on ``Base.metadata``."""

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
from p4_desk.store.models.permits import (
    Application,
    ApplicationDocument,
    ApplicationStatusChange,
    HolidayRow,
    IntakeDraft,
    PermitRequirement,
    PermitType,
    RegistrationSequence,
)

__all__ = [
    "Agency",
    "Application",
    "ApplicationDocument",
    "ApplicationStatusChange",
    "HolidayRow",
    "IntakeDraft",
    "PermitRequirement",
    "PermitType",
    "RegistrationSequence",
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
