"""Indexes the statistics and the live monitor need on the core tables (migration 0005).

Period statistics select service legs by ``queued_at`` across every service (the core index
starts with ``service_id``); the live monitor polls legs called in the last hour and legs
ended today every two seconds, which without these would scan the whole year. Idle time reads
the counter rows of the audit log by time.
"""

from __future__ import annotations

from sqlalchemy import Index

from p4_desk.store.models.core import AuditEntry, TicketLeg

ix_ticket_leg_queued_at = Index("ix_ticket_leg_queued_at", TicketLeg.queued_at)
ix_ticket_leg_called_at = Index("ix_ticket_leg_called_at", TicketLeg.called_at)
ix_ticket_leg_ended_at = Index("ix_ticket_leg_ended_at", TicketLeg.ended_at)
# counter open/pause/close rows of a period (officers' idle time) among every other audit row
ix_audit_log_entity_at = Index("ix_audit_log_entity_at", AuditEntry.entity, AuditEntry.at)
