"""The hand-over form: to the applicant (KTP-el checked), or to a representative with a power of
attorney (surat kuasa): the representative's KTP-el, the letter checked, its number and date.

Layout and field access only; ``applications.ApplicationsDialog`` runs the hand-over.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from p4_desk.gui.intake.form import named
from p4_desk.services.applications import ProxyLetter

# the "no date" value of the letter's date field (shown as its special text)
_NO_DATE = QDate(2000, 1, 1)


class HandoverForm(QWidget):
    """Who collects the permit. ``submitted`` when the officer presses the button."""

    submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hint = QLabel(self.tr("Check the KTP-el of the person collecting the permit."))
        self.nik = named(QLineEdit(maxLength=20), "handover_nik")
        self.name = named(QLineEdit(maxLength=200), "handover_name")
        self.by_proxy = named(
            QCheckBox(self.tr("Collected by a representative (power of attorney)")), "by_proxy"
        )
        self.letter_checked = named(
            QCheckBox(self.tr("I have checked the power of attorney (signed, names this person)")),
            "letter_checked",
        )
        self.letter_number = named(QLineEdit(maxLength=100), "letter_number")
        self.letter_date = named(QDateEdit(), "letter_date")
        self.letter_date.setCalendarPopup(True)
        self.letter_date.setDisplayFormat("dd-MM-yyyy")
        self.letter_date.setMinimumDate(_NO_DATE)
        self.letter_date.setSpecialValueText(self.tr("(not given)"))
        self.letter_date.setDate(_NO_DATE)
        self.button = named(QPushButton(self.tr("Hand over and print receipt")), "handover")

        self.proxy_box = named(QGroupBox(self.tr("Power of attorney (surat kuasa)")), "proxy_box")
        proxy_form = QFormLayout(self.proxy_box)
        proxy_form.addRow(self.letter_checked)
        proxy_form.addRow(self.tr("Letter number"), self.letter_number)
        proxy_form.addRow(self.tr("Letter date"), self.letter_date)
        self.proxy_box.setVisible(False)

        form = QFormLayout(self)
        form.addRow(self.hint)
        self.nik_label = named(QLabel(self.tr("NIK on the KTP-el")), "handover_nik_label")
        form.addRow(self.nik_label, self.nik)
        form.addRow(self.tr("Received by"), self.name)
        form.addRow(self.by_proxy)
        form.addRow(self.proxy_box)
        form.addRow(self.button)
        # why the hand-over cannot be done now (the fields are disabled and greyed)
        self.reason = named(QLabel(wordWrap=True), "handover_reason")
        form.addRow(self.reason)

        self.by_proxy.toggled.connect(self._proxy_toggled)
        self.button.clicked.connect(self.submitted)

    def _proxy_toggled(self, on: bool) -> None:
        self.proxy_box.setVisible(on)
        self.nik_label.setText(
            self.tr("NIK on the representative's KTP-el") if on else self.tr("NIK on the KTP-el")
        )

    def set_allowed(self, allowed: bool, reason: str = "") -> None:
        """Enable the form, or disable it and say ``reason`` (in Indonesian) under it."""
        for widget in (self.nik, self.name, self.by_proxy, self.proxy_box, self.button):
            widget.setEnabled(allowed)
        self.reason.setText("" if allowed else reason)

    def proxy(self) -> ProxyLetter | None:
        """The power of attorney as typed, or ``None`` for a hand-over to the applicant."""
        if not self.by_proxy.isChecked():
            return None
        chosen = self.letter_date.date()
        dated = None if chosen == _NO_DATE else date(chosen.year(), chosen.month(), chosen.day())
        return ProxyLetter(
            checked=self.letter_checked.isChecked(), number=self.letter_number.text(), dated=dated
        )

    def clear(self) -> None:
        self.nik.clear()
        self.name.clear()
        self.letter_checked.setChecked(False)
        self.letter_number.clear()
        self.letter_date.setDate(_NO_DATE)
        self.by_proxy.setChecked(False)
