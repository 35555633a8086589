"""Complaint dialog (counter, supervisor) and the supervisor's complaint and IKM panels."""

from p4_desk.gui.complaints.dialog import ComplaintDialog, open_complaint
from p4_desk.gui.complaints.ikm_panel import IkmPanel
from p4_desk.gui.complaints.panels import ComplaintsPanel

__all__ = ["ComplaintDialog", "ComplaintsPanel", "IkmPanel", "open_complaint"]
