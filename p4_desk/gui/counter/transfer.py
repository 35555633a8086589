"""Transfer dialog: send the current ticket to another service's queue or to another counter."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from p4_desk.gui.forms.ui_counter_transfer import Ui_TransferForm
from p4_desk.services.catalog import CounterInfo, ServiceInfo
from p4_desk.services.queue import TicketInfo


class TransferDialog(QDialog):
    """Accepted with ``target()`` = ``("service", code)`` or ``("counter", code)``."""

    def __init__(
        self,
        ticket: TicketInfo,
        services: Sequence[ServiceInfo],
        counters: Sequence[CounterInfo],
        own_counter: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("transferDialog")
        self.ui = Ui_TransferForm()
        self.ui.setupUi(self)
        self.ui.ticketLabel.setText(
            self.tr("Transfer ticket {number} ({service}) to:").format(
                number=ticket.number, service=ticket.service_name
            )
        )
        for sv in services:
            if sv.code != ticket.service and sv.active:
                self.ui.serviceCombo.addItem(f"{sv.code} — {sv.name}", sv.code)
        for c in counters:
            if c.code != own_counter and c.active:
                self.ui.counterCombo.addItem(f"{c.code} — {c.name}", c.code)
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Transfer"))
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.toServiceRadio.toggled.connect(self._sync_enabled)
        self._sync_enabled()
        self.ui.serviceCombo.setFocus()

    def _sync_enabled(self) -> None:
        to_service = self.ui.toServiceRadio.isChecked()
        self.ui.serviceCombo.setEnabled(to_service)
        self.ui.counterCombo.setEnabled(not to_service)

    def choose_service(self, code: str) -> None:
        self.ui.toServiceRadio.setChecked(True)
        self.ui.serviceCombo.setCurrentIndex(self.ui.serviceCombo.findData(code))

    def choose_counter(self, code: str) -> None:
        self.ui.toCounterRadio.setChecked(True)
        self.ui.counterCombo.setCurrentIndex(self.ui.counterCombo.findData(code))

    def target(self) -> tuple[str, str] | None:
        if self.ui.toServiceRadio.isChecked():
            code = self.ui.serviceCombo.currentData()
            return ("service", code) if code else None
        code = self.ui.counterCombo.currentData()
        return ("counter", code) if code else None
