"""The audit log in words: what an action code, an entity and the details of a row mean.

The log stores stable English codes (``ticket.no_show``, ``user.login_failed``) and a JSON
object of details; the audit tab shows them in the interface language through this catalogue
("Tiket ditandai tidak hadir", "nomor: A001 · alasan: salah ambil"). A code this list does not
know yet is shown as it is stored, so nothing is hidden. State identifiers in the details are
worded with the lifecycles' own Indonesian labels.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QObject

from p4_desk.domain.complaint_lifecycle import COMPLAINTS
from p4_desk.domain.permit_lifecycle import PERMITS
from p4_desk.domain.queue_rules import PRIORITY_GROUPS
from p4_desk.domain.ticket_lifecycle import TICKETS
from p4_desk.domain.wording import format_number

#: counter states (``services.queue.COUNTER_STATE_LABELS``; gui/ does not import services' dicts)
_COUNTER_STATES = {"open": "Buka", "paused": "Istirahat", "closed": "Tutup"}
#: detail keys whose value is a state identifier of some lifecycle
_STATE_KEYS = frozenset({"state", "from", "to"})


def _state_label(value: str) -> str:
    for machine in (TICKETS, PERMITS, COMPLAINTS):
        for state, label in machine.labels.items():
            if state.value == value:
                return label
    return _COUNTER_STATES.get(value, value)


class AuditWords(QObject):
    def actions(self) -> dict[str, str]:
        return {
            "agency.add": self.tr("Agency added"),
            "agency.update": self.tr("Agency changed"),
            "application.central_update": self.tr("Application status from the central office"),
            "application.receive": self.tr("Permit application received"),
            "application.status": self.tr("Application status changed"),
            "application.receipt_print": self.tr("Receipt printed"),
            "application.receipt_reprint": self.tr("Receipt reprinted"),
            "catalog.import": self.tr("Permit catalogue imported"),
            "complaint.receive": self.tr("Complaint received"),
            "complaint.step": self.tr("Complaint moved to the next step"),
            "counter.add": self.tr("Counter added"),
            "counter.update": self.tr("Counter changed"),
            "counter.open": self.tr("Counter opened"),
            "counter.paused": self.tr("Counter on a break"),
            "counter.closed": self.tr("Counter closed"),
            "holiday.import": self.tr("Holidays imported"),
            "permit_type.add": self.tr("Permit type added"),
            "permit_type.update": self.tr("Permit type changed"),
            "permit_type.cuti_bersama": self.tr("Collective leave rule of a permit type changed"),
            "permit_type.retire": self.tr("Permit type retired"),
            "permit_type.reinstate": self.tr("Permit type reinstated"),
            "service.add": self.tr("Service added"),
            "service.update": self.tr("Service changed"),
            "setting.update": self.tr("Site rule changed"),
            "site.init": self.tr("Site created"),
            "site.update": self.tr("Site changed"),
            "survey.submit": self.tr("Satisfaction survey answered"),
            "sync.catalog": self.tr("Catalogue received from the central API"),
            "sync.enrol": self.tr("Site enrolled with the central API"),
            "sync.retry_failed": self.tr("Failed sends queued again"),
            "ticket.issue": self.tr("Ticket taken"),
            "ticket.call_next": self.tr("Next ticket called"),
            "ticket.call": self.tr("Chosen ticket called"),
            "ticket.called": self.tr("Ticket called"),
            "ticket.recall": self.tr("Ticket called again"),
            "ticket.start": self.tr("Service started"),
            "ticket.finish": self.tr("Service finished"),
            "ticket.no_show": self.tr("Ticket marked no-show"),
            "ticket.reactivate": self.tr("No-show queued again"),
            "ticket.transfer": self.tr("Ticket transferred"),
            "ticket.cancel": self.tr("Ticket cancelled"),
            "ticket.return_to_queue": self.tr("Ticket returned to its queue"),
            "ticket.print": self.tr("Ticket sent to the printer"),
            "ticket.reprint": self.tr("Ticket reprinted"),
            "ticket.print_pending": self.tr("Ticket waiting for the printer"),
            "ticket.print_printed": self.tr("Ticket printed"),
            "ticket.print_failed": self.tr("Ticket print failed"),
            "user.add": self.tr("User added"),
            "user.disable": self.tr("User disabled"),
            "user.enable": self.tr("User enabled"),
            "user.login": self.tr("Logged in"),
            "user.login_failed": self.tr("Login failed"),
            "user.password": self.tr("Password changed"),
            "user.role": self.tr("Role changed"),
            "user.unlock": self.tr("Account unlocked"),
            "workstation.setting": self.tr("Workstation setting changed"),
        }

    def entities(self) -> dict[str, str]:
        return {
            "agency": self.tr("Agency"),
            "application": self.tr("Application"),
            "complaint": self.tr("Complaint"),
            "counter": self.tr("Counter"),
            "holiday": self.tr("Holiday"),
            "outbox": self.tr("Outbox"),
            "permit_type": self.tr("Permit type"),
            "service": self.tr("Service"),
            "site": self.tr("Site"),
            "site_setting": self.tr("Site rule"),
            "survey": self.tr("Survey"),
            "sync": self.tr("Synchronisation"),
            "ticket": self.tr("Ticket"),
            "user": self.tr("User"),
            "workstation": self.tr("Workstation"),
        }

    def keys(self) -> dict[str, str]:
        return {
            "active": self.tr("active"),
            "added": self.tr("added"),
            "after": self.tr("after"),
            "agency": self.tr("agency"),
            "agency_name": self.tr("agency name"),
            "before": self.tr("before"),
            "channel": self.tr("channel"),
            "code": self.tr("code"),
            "copy": self.tr("copy"),
            "count": self.tr("count"),
            "counter": self.tr("counter"),
            "cuti_bersama_is_workday": self.tr("collective leave is a working day"),
            "daily_quota": self.tr("daily quota"),
            "default_service_minutes": self.tr("usual service (min)"),
            "error": self.tr("error"),
            "fee": self.tr("fee"),
            "forced": self.tr("by the supervisor"),
            "from": self.tr("from"),
            "holidays": self.tr("holidays"),
            "how": self.tr("how"),
            "identity": self.tr("identity"),
            "ids": self.tr("ids"),
            "incomplete": self.tr("incomplete"),
            "key": self.tr("setting"),
            "kind": self.tr("kind"),
            "legal_basis": self.tr("legal basis"),
            "locked": self.tr("account locked"),
            "mandatory": self.tr("mandatory"),
            "name": self.tr("name"),
            "new": self.tr("new"),
            "note": self.tr("note"),
            "number": self.tr("number"),
            "old": self.tr("old"),
            "opening_hours": self.tr("opening hours"),
            "paper": self.tr("paper"),
            "permit_type": self.tr("permit type"),
            "permit_types": self.tr("permit types"),
            "prefix": self.tr("prefix"),
            "priority": self.tr("priority"),
            "priority_head_start_minutes": self.tr("priority head start (min)"),
            "product": self.tr("product"),
            "reason": self.tr("reason"),
            "recall_count": self.tr("recalls"),
            "requirements": self.tr("requirements"),
            "retired": self.tr("retired"),
            "role": self.tr("role"),
            "service": self.tr("service"),
            "services": self.tr("services"),
            "state": self.tr("state"),
            "target": self.tr("printer"),
            "target_wait_minutes": self.tr("target wait (min)"),
            "ticket": self.tr("ticket"),
            "timezone": self.tr("time zone"),
            "to": self.tr("to"),
            "unchanged": self.tr("unchanged"),
            "updated": self.tr("updated"),
            "url": self.tr("address"),
            "working_days": self.tr("working days"),
            "years": self.tr("years"),
        }

    def action(self, code: str) -> str:
        return self.actions().get(code, code)

    def entity(self, code: str) -> str:
        return self.entities().get(code, code)

    def details(self, details: dict[str, Any] | None) -> str:
        """``nomor: A001 · alasan: salah ambil``; empty for no details."""
        if not details:
            return ""
        keys = self.keys()
        parts = [f"{keys.get(key, key)}: {self.value(key, value)}" for key, value in details.items()]
        return " · ".join(parts)

    def value(self, key: str, value: Any) -> str:
        if value is None:
            return "–"
        if isinstance(value, bool):
            return self.tr("yes") if value else self.tr("no")
        if isinstance(value, int):
            return format_number(value) if key == "count" else str(value)  # ids and years ungrouped
        if isinstance(value, float):
            return f"{value:g}".replace(".", ",")  # as typed (a latitude keeps its digits)
        if isinstance(value, str):
            if key in _STATE_KEYS:
                return _state_label(value)
            if key == "priority":
                return PRIORITY_GROUPS.get(value, value)
            return value
        if isinstance(value, list):
            return ", ".join(self.value(key, item) for item in value)
        return json.dumps(value, ensure_ascii=False, default=str)
