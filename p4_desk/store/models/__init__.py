"""All ORM models. Importing this package registers every table on ``Base.metadata``."""

from p4_desk.store.models import stats as _stats_indexes  # noqa: F401  (indexes only)
from p4_desk.store.models import stats_summary as _stats_summary  # noqa: F401  (read by services.stats)
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
from p4_desk.store.models.privacy import DataAccess
from p4_desk.store.models.standards import IkmAction, ServiceInnovation
from p4_desk.store.models.sync import (
    CentralApplicationUpdate,
    CentralWebComplaint,
    ReminderRequest,
    SyncState,
)
from p4_desk.store.models.visits import VisitStep

__all__ = [
    "Booking",
    "BookingRuleRow",
    "Agency",
    "Application",
    "ApplicationClockEvent",
    "ApplicationDocument",
    "ApplicationStatusChange",
    "HolidayRow",
    "IkmAction",
    "IntakeDraft",
    "PermitRequirement",
    "PermitType",
    "RegistrationSequence",
    "ReminderRequest",
    "AuditEntry",
    "Base",
    "Complaint",
    "DataAccess",
    "ComplaintSequence",
    "ComplaintStep",
    "CentralApplicationUpdate",
    "CentralWebComplaint",
    "Counter",
    "OutboxEvent",
    "Service",
    "ServiceDaySequence",
    "ServiceInnovation",
    "Site",
    "SiteSetting",
    "SurveyResponse",
    "SyncState",
    "Ticket",
    "TicketLeg",
    "User",
    "VisitStep",
    "counter_services",
]
