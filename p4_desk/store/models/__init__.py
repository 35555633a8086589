"""All ORM models. Importing this package registers every table on ``Base.metadata``."""

from p4_desk.store.models import stats as _stats_indexes  # noqa: F401  (indexes only)
from p4_desk.store.models.base import Base
from p4_desk.store.models.booking import Booking, BookingRuleRow
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
from p4_desk.store.models.feedback import (
    Complaint,
    ComplaintSequence,
    ComplaintStep,
    SurveyResponse,
)
from p4_desk.store.models.permits import (
    Application,
    ApplicationClockEvent,
    ApplicationDocument,
    ApplicationStatusChange,
    HolidayRow,
    IntakeDraft,
    PermitRequirement,
    PermitType,
    RegistrationSequence,
)
from p4_desk.store.models.sync import (
    CentralApplicationUpdate,
    CentralWebComplaint,
    ReminderRequest,
    SyncState,
)

__all__ = [
    "Booking",
    "BookingRuleRow",
    "Agency",
    "Application",
    "ApplicationClockEvent",
    "ApplicationDocument",
    "ApplicationStatusChange",
    "HolidayRow",
    "IntakeDraft",
    "PermitRequirement",
    "PermitType",
    "RegistrationSequence",
    "ReminderRequest",
    "AuditEntry",
    "Base",
    "Complaint",
    "ComplaintSequence",
    "ComplaintStep",
    "CentralApplicationUpdate",
    "CentralWebComplaint",
    "Counter",
    "OutboxEvent",
    "Service",
    "ServiceDaySequence",
    "Site",
    "SiteSetting",
    "SurveyResponse",
    "SyncState",
    "Ticket",
    "TicketLeg",
    "User",
    "counter_services",
]
