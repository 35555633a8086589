"""What every admin tab shares, and the one shape of the list-and-form tabs.

``AdminTab``: the message line, the tab's read model kept current by a ``LiveQuery`` (the
window starts it; changes made elsewhere are loaded while the tab is shown), user actions run
off the UI thread with their Indonesian refusal shown by the field it names (when the tab put
an error label there with ``with_error``) or on the message line.

``RecordTab``: a list of records over a form. A tab declares its columns, how a record becomes
a row (``row``; the first column is the key) and fills the form (``fill``), lays out its form
and buttons; selecting a row fills the form, and an action (``act``) shows its outcome and
reloads the list. A refresh never overwrites what is being typed.

The form behaves as every form (``gui.common.form_guard``): Enter in a one-line field saves the
selected record ("Simpan perubahan") or adds the new one; a field's message goes once the field
is changed; choosing another record while the form holds unsaved edits asks first.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from p4_desk.errors import P4Error
from p4_desk.gui.common.context import AppContext
from p4_desk.gui.common.form_guard import FormGuard
from p4_desk.gui.common.live import LiveQuery
from p4_desk.gui.common.tables import read_only_table as make_table
from p4_desk.gui.common.tasks import run_task

log = logging.getLogger(__name__)
M = TypeVar("M")  # a tab's read model (services.screens.admin)
R = TypeVar("R")  # one record of a list
ERROR_STYLE = "color: #b00020;"
DONE_STYLE = "color: #1b5e20;"


class AdminTab(QWidget):
    """One tab of the admin window. A tab with a read model implements ``query`` and ``show``."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.errors: dict[str, QLabel] = {}  # field -> the label under its widget
        self.error_widgets: dict[str, QWidget] = {}  # field -> the widget the label is about
        self.guard: FormGuard | None = None
        self.live: LiveQuery[Any] = LiveQuery(
            self, ctx.db, self.query, self.draw, self.show_error, active=self.isVisible
        )

    # --- the read model ----------------------------------------------------------------------

    def query(self) -> Callable[[], Any]:
        """The job reading this tab's model (built on the UI thread, run off it)."""
        raise NotImplementedError

    def draw(self, model: Any) -> None:
        """Draw the model the job read."""

    @property
    def has_model(self) -> bool:
        return type(self).query is not AdminTab.query

    def start(self) -> None:
        if self.has_model:
            self.live.start()

    def refresh(self) -> None:
        """Reload what the tab shows from the services."""
        if self.has_model:
            self.live.refresh()

    # --- actions -----------------------------------------------------------------------------

    def call(self, work: Callable[[], Any], done: Callable[[Any], None] | None = None) -> None:
        """Run a user's action off the UI thread; a P4Error is shown as its message."""
        self.message.clear()
        self.show_field_errors({})

        def finished(result: Any) -> None:
            if done is not None:
                done(result)

        run_task(self, work, finished, self.show_error)

    def act(self, work: Callable[[], R], outcome: Callable[[R], str]) -> None:
        """``call`` for a change: its outcome on the message line, then the tab reloads."""

        def done(result: R) -> None:
            if self.guard is not None:
                self.guard.mark_clean()  # what was saved is no longer unsaved typing
            self.show_done(outcome(result))
            if self.has_model:
                self.live.invalidate()

        self.call(work, done)

    def show_error(self, exc: BaseException) -> None:
        """An error about a field with an error label is shown under it, anything else on the
        message line."""
        if isinstance(exc, P4Error) and exc.field in self.errors:
            self.message.clear()
            self.show_field_errors({exc.field: exc.message})
            return
        if isinstance(exc, P4Error):
            text = exc.message
        else:
            log.error("admin action failed", exc_info=exc)
            text = QCoreApplication.translate("AdminTab", "Unexpected error; details are in the log file.")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(text)

    def show_done(self, text: str) -> None:
        self.message.setStyleSheet(DONE_STYLE)
        self.message.setText(text)

    def show_field_errors(self, errors: dict[str, str]) -> None:
        for field, label in self.errors.items():
            text = errors.get(field, "")
            label.setText(text)
            label.setVisible(bool(text))

    # --- layout helpers ----------------------------------------------------------------------

    def button(self, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def error_label(self, field: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(f"error_{field}")
        label.setWordWrap(True)
        label.setStyleSheet(ERROR_STYLE)
        label.hide()
        self.errors[field] = label
        return label

    def with_error(self, widget: QWidget, field: str) -> QWidget:
        """``widget`` with the error label of ``field`` under it."""
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(self.error_label(field))
        self.error_widgets[field] = widget
        return box


class RecordTab(AdminTab, Generic[M, R]):
    """A list of records (``self.table``, keyed by the first column) over a form."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.records: dict[str, R] = {}
        self.table = make_table([], self)  # first: the list comes first in the focus order
        self.table.itemSelectionChanged.connect(self._selected)
        self._shown_key: str | None = None  # the record the form shows
        self._buttons: list[QPushButton] = []

    def lay_out(
        self,
        columns: Sequence[str],
        form: QLayout,
        buttons: Sequence[QPushButton | None],
        beside_list: QWidget | None = None,
    ) -> None:
        """The list with ``columns`` on top (``beside_list`` to its right), the form, a row of
        buttons (``None``: the stretch between a left and a right group), the message line."""
        self.table.setColumnCount(len(columns))
        self.table.setHorizontalHeaderLabels(list(columns))
        layout = QVBoxLayout(self)
        if beside_list is None:
            layout.addWidget(self.table, 1)
        else:
            top = QHBoxLayout()
            top.addWidget(self.table, 3)
            top.addWidget(beside_list, 1)
            layout.addLayout(top, 1)
        layout.addLayout(form)
        row = QHBoxLayout()
        for button in buttons:
            if button is None:
                row.addStretch()
            else:
                row.addWidget(button)
        if None not in buttons:
            row.addStretch()
        layout.addLayout(row)
        layout.addWidget(self.message)
        self._buttons = [b for b in buttons if b is not None]
        self._guard_form(form)

    def _guard_form(self, form: QLayout) -> None:
        by_widget = {id(w): field for field, w in self.error_widgets.items()}
        fields: dict[str, QWidget] = {}
        for n, widget in enumerate(form_inputs(form)):
            fields[by_widget.get(id(widget), f"input{n}")] = widget
        self.guard = FormGuard(self, fields, self.errors)
        self.guard.submit_on_enter(self._enter)

    def enter_button(self) -> QPushButton | None:
        """What Enter in the form presses: "save" for a selected record, else "add"."""
        save, add = getattr(self, "save_button", None), getattr(self, "add_button", None)
        if self.selected() is not None and isinstance(save, QPushButton):
            return save
        if isinstance(add, QPushButton):
            return add
        return self._buttons[0] if self._buttons else None

    def _enter(self) -> None:
        button = self.enter_button()
        if button is not None and button.isEnabled() and button.isVisible():
            button.click()

    # --- declarations ------------------------------------------------------------------------

    def records_of(self, model: M) -> Sequence[R]:
        raise NotImplementedError

    def key(self, record: R) -> str:
        return str(self.row(record)[0])

    def row(self, record: R) -> Sequence[object]:
        raise NotImplementedError

    def fill(self, record: R) -> None:
        """Show ``record`` in the form."""

    def show_choices(self, model: M) -> None:
        """Fill the form's choices (combo boxes, check lists) from the model."""

    # --- behaviour ---------------------------------------------------------------------------

    def draw(self, model: M) -> None:
        untouched = self.guard is not None and not self.guard.is_dirty()
        self.show_choices(model)
        if untouched and self.guard is not None:
            self.guard.mark_clean()  # choices the program filled in are not typing
        records = self.records_of(model)
        self.records = {self.key(r): r for r in records}
        fill_table(self.table, [self.row(r) for r in records])
        self.shown()

    def shown(self) -> None:
        """After the list was redrawn (e.g. to update buttons that follow the selection)."""

    def selected(self) -> R | None:
        return self.records.get(selected_key(self.table) or "")

    def select(self, key: str) -> None:
        for r in range(self.table.rowCount()):
            item = self.table.item(r, 0)
            if item is not None and item.text() == key:
                self.table.selectRow(r)
                return

    def _selected(self) -> None:
        key = selected_key(self.table)
        if key == self._shown_key or key is None or self.guard is None:
            self._show_selected()
            return
        self.guard.confirm_close(
            self._show_selected,
            QCoreApplication.translate(
                "AdminTab", "The form holds changes that are not saved. Discard them and show another record?"
            ),
            title=QCoreApplication.translate("AdminTab", "Discard changes?"),
            stay=self._back_to_shown,
        )

    def _show_selected(self) -> None:
        record = self.selected()
        if record is not None:
            self._shown_key = self.key(record)
            self.show_field_errors({})
            self.fill(record)
            if self.guard is not None:
                self.guard.mark_clean()
        self.shown()

    def _back_to_shown(self) -> None:
        """The officer keeps the edits: the list points at the record being edited again."""
        self.table.blockSignals(True)
        try:
            self.table.clearSelection()
            if self._shown_key is not None:
                self.select(self._shown_key)
        finally:
            self.table.blockSignals(False)
        self.shown()


def yes_no(value: bool) -> str:
    # translate() with a fixed context: self.tr() in a base class uses the subclass's name
    if value:
        return QCoreApplication.translate("AdminTab", "yes")
    return QCoreApplication.translate("AdminTab", "no")


_INPUTS = (QLineEdit, QPlainTextEdit, QComboBox, QAbstractButton, QAbstractSpinBox, QTableWidget)


def form_inputs(layout: QLayout) -> list[QWidget]:
    """The input widgets of a form layout, in layout order (inside nested layouts and boxes)."""
    found: list[QWidget] = []
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item is None:
            continue
        widget, inner = item.widget(), item.layout()
        if isinstance(widget, QPushButton):
            continue
        own = widget.layout() if widget is not None else None
        if isinstance(widget, _INPUTS):
            found.append(widget)
        elif own is not None:
            found.extend(form_inputs(own))
        if inner is not None:
            found.extend(form_inputs(inner))
    return found


def fill_table(table: QTableWidget, rows: Sequence[Sequence[object]]) -> None:
    """Replace the rows, keeping the selected row (same first-column key) without re-announcing it,
    so a refresh never overwrites what is being typed in the form."""
    key = selected_key(table)
    table.blockSignals(True)
    try:
        table.clearSelection()
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                table.setItem(r, c, QTableWidgetItem("" if value is None else str(value)))
        if key is not None:
            for r in range(table.rowCount()):
                item = table.item(r, 0)
                if item is not None and item.text() == key:
                    table.selectRow(r)
                    break
    finally:
        table.blockSignals(False)


def selected_key(table: QTableWidget) -> str | None:
    """The first-column text of the selected row (None when no row is selected)."""
    rows = table.selectionModel().selectedRows()
    item = table.item(rows[0].row(), 0) if rows else None
    return item.text() if item is not None else None
