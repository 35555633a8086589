"""How every form behaves, in one place: Enter saves, the cursor starts in the first field to
type in, a field's error goes away once the field is changed to a valid value, and closing a
form with typed text asks first.

``FormGuard`` watches a form's fields (QLineEdit, QPlainTextEdit, QComboBox, check boxes, date
and spin boxes, tables; a custom widget offers ``form_value()`` and a ``value_changed`` signal).
What was typed is compared with the form as it was loaded (``mark_clean``), so typing a letter
and deleting it again does not count as typed text.

``GuardedDialog`` is the QDialog of a form: Escape, "Batal"/"Tutup" (``reject``) and the window's
close button (QDialog's closeEvent calls ``reject``) ask "Tutup formulir?" while the form holds
typed text; the question's default keeps the form open.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from functools import partial
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QWidget,
)

Check = Callable[[str], str]  # field -> its current problem ("" when valid)


def field_value(widget: QWidget) -> Any:
    """What a field holds, comparable between two moments."""
    custom = getattr(widget, "form_value", None)
    if callable(custom):
        return custom()
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return widget.currentData() if widget.currentData() is not None else widget.currentText()
    if isinstance(widget, QAbstractButton):
        return widget.isChecked()
    if isinstance(widget, QDateTimeEdit):
        return widget.dateTime().toString("yyyy-MM-dd HH:mm")
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    if isinstance(widget, QTableWidget):
        cells = []
        for row in range(widget.rowCount()):
            for column in range(widget.columnCount()):
                item = widget.item(row, column)
                cells.append(None if item is None else (item.text(), item.checkState().value))
        return tuple(cells)
    return None


def _connect_changes(widget: QWidget, slot: Callable[..., None]) -> None:
    signal = getattr(widget, "value_changed", None)
    if signal is not None:
        signal.connect(slot)
    elif isinstance(widget, QLineEdit | QPlainTextEdit):
        widget.textChanged.connect(slot)
    elif isinstance(widget, QComboBox):
        widget.currentIndexChanged.connect(slot)
    elif isinstance(widget, QAbstractButton):
        widget.toggled.connect(slot)
    elif isinstance(widget, QDateTimeEdit):
        widget.dateTimeChanged.connect(slot)
    elif isinstance(widget, QSpinBox):
        widget.valueChanged.connect(slot)
    elif isinstance(widget, QAbstractSpinBox):
        widget.editingFinished.connect(slot)
    elif isinstance(widget, QTableWidget):
        widget.itemChanged.connect(slot)


class FormGuard(QObject):
    """The fields of one form, their error labels, and whether anything was typed."""

    def __init__(
        self,
        owner: QWidget,
        fields: Mapping[str, QWidget],
        errors: Mapping[str, QLabel] | None = None,
        *,
        check: Check | None = None,
        first: QWidget | None = None,
    ) -> None:
        super().__init__(owner)
        self.owner = owner
        self.fields = dict(fields)
        self.errors = dict(errors or {})
        #: the field's current problem; without it an edited field's message goes at once
        self.check = check
        #: where the cursor starts: the first field the officer types in
        self.first = first
        self._clean: dict[str, Any] = {}
        self._filling = False
        for name, widget in self.fields.items():
            _connect_changes(widget, partial(self._changed, name))
        self.mark_clean()

    # --- typed text ------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        return {name: field_value(widget) for name, widget in self.fields.items()}

    def mark_clean(self, fields: Iterable[str] | None = None) -> None:
        """The form as it is now counts as untouched (after loading, filling or saving); with
        ``fields``, only those (e.g. choices the program filled in while the officer typed)."""
        if fields is None:
            self._clean = self.values()
            return
        for name in fields:
            self._clean[name] = field_value(self.fields[name])

    def is_dirty(self) -> bool:
        return self.values() != self._clean

    # --- errors ----------------------------------------------------------------------------

    def _changed(self, name: str, *_signal_args: object) -> None:
        label = self.errors.get(name)
        if label is None or not shiboken6.isValid(label) or not label.text():
            return
        problem = self.check(name) if self.check is not None else ""
        self.set_error(name, problem)

    def set_error(self, name: str, message: str) -> None:
        label = self.errors.get(name)
        if label is not None:
            label.setText(message)
            label.setVisible(bool(message))

    def show_errors(self, errors: Mapping[str, str]) -> None:
        """Show these messages by their fields, clear every other, focus the first one."""
        for name in self.errors:
            self.set_error(name, errors.get(name, ""))
        first = next((name for name in self.fields if errors.get(name)), None)
        if first is not None:
            self.fields[first].setFocus()

    def clear_errors(self) -> None:
        self.show_errors({})

    # --- buttons and focus -------------------------------------------------------------------

    def make_default(self, save: QPushButton, others: tuple[QPushButton, ...] = ()) -> None:
        """Enter in a one-line field presses ``save``. Call once ``save`` is inside its dialog:
        a default set before is forgotten, and Qt picks the first button (often "Batal")."""
        save.setAutoDefault(True)
        save.setDefault(True)
        for button in others:
            button.setAutoDefault(False)
            button.setDefault(False)

    def submit_on_enter(self, action: Callable[[], None]) -> None:
        """Outside a dialog (an admin tab): Enter in a one-line field runs the form's action."""
        for widget in self.fields.values():
            if isinstance(widget, QLineEdit):
                widget.returnPressed.connect(action)

    def focus_first(self) -> None:
        if self.first is not None and self.first.isEnabled():
            self.first.setFocus()

    # --- closing -----------------------------------------------------------------------------

    def confirm_close(
        self,
        proceed: Callable[[], None],
        text: str | None = None,
        *,
        title: str | None = None,
        stay: Callable[[], None] | None = None,
    ) -> None:
        """``proceed`` at once when nothing was typed, else after the officer says so (``stay``
        when the officer goes back to the form)."""
        if not self.is_dirty():
            proceed()
            return
        box = QMessageBox(self.owner)
        box.setObjectName("confirmClose")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(title or QCoreApplication.translate("FormGuard", "Close the form?"))
        box.setText(
            text
            or QCoreApplication.translate(
                "FormGuard", "The form holds typed text that is not saved. Close it anyway?"
            )
        )
        close = box.addButton(
            QCoreApplication.translate("FormGuard", "Close without saving"),
            QMessageBox.ButtonRole.DestructiveRole,
        )
        back = box.addButton(
            QCoreApplication.translate("FormGuard", "Back to the form"), QMessageBox.ButtonRole.RejectRole
        )
        close.setObjectName("closeAnyway")
        back.setObjectName("backToForm")
        box.setDefaultButton(back)
        box.setEscapeButton(back)

        def answered() -> None:
            if box.clickedButton() is close:
                proceed()
            elif stay is not None:
                stay()

        box.finished.connect(lambda _code: answered())
        box.open()


class GuardedDialog(QDialog):
    """A dialog holding a form: set ``self.guard`` once the form is built."""

    guard: FormGuard | None = None
    #: what the close question says (e.g. that the intake draft is kept)
    close_question: str | None = None

    def reject(self) -> None:
        if self.guard is None:
            super().reject()
            return
        self.guard.confirm_close(self.discard_and_reject, self.close_question)

    def discard_and_reject(self) -> None:
        """Close without asking (after the officer chose so, or when nothing was typed)."""
        super().reject()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        # a spontaneous show (the window system exposing it again) keeps the officer's focus;
        # a focus set here is the one Qt keeps when the window becomes active
        if self.guard is not None and not event.spontaneous():
            self.guard.focus_first()
