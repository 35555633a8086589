"""The counter officer's screen, layout only: the Designer form ``ui/counter_window.ui`` and
one action button per entry of ``SHORTCUTS`` (in ``BUTTON_ORDER``). ``window.CounterWindow``
gives it its behaviour (which actions are legal, what each label says, what a key does).
"""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, QSize, QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QHeaderView, QSizePolicy, QToolButton, QWidget

from p4_desk.gui.app.look import icon
from p4_desk.gui.counter import rules
from p4_desk.gui.counter.waiting_model import TICKET_ROLE, WaitingListModel
from p4_desk.gui.forms.ui_counter_window import Ui_CounterWindow
from p4_desk.services.queue import TicketInfo

# action -> (shortcut, icon name), in the order of the F1 help
SHORTCUTS: dict[str, tuple[str, str]] = {
    rules.CALL_NEXT: ("F2", "call-next"),
    rules.RECALL: ("F3", "recall"),
    rules.START: ("F4", "start"),
    rules.FINISH: ("F5", "finish"),
    rules.NO_SHOW: ("F6", "no-show"),
    rules.INTAKE: ("F7", "intake"),
    rules.COMPLAINT: ("F8", "complaint"),
    rules.TRANSFER: ("F9", "transfer"),
    rules.REACTIVATE: ("F10", "reactivate"),
    rules.CALL_CHOSEN: ("F11", "call-chosen"),
    rules.PAUSE: ("F12", "pause"),
    rules.APPLICATIONS: ("Ctrl+P", "intake"),
}
# the buttons in their order on the screen
BUTTON_ORDER = (
    rules.CALL_NEXT, rules.RECALL, rules.START, rules.FINISH, rules.NO_SHOW,
    rules.TRANSFER, rules.CALL_CHOSEN, rules.REACTIVATE, rules.PAUSE, rules.INTAKE,
    rules.COMPLAINT, rules.APPLICATIONS,
)  # fmt: skip
BUTTONS_PER_ROW = 5
SERVICE_MIN_WIDTH = 120  # px of the waiting list's service column before the note gives way
NOTE_MIN_WIDTH = 48


class CounterView(QWidget):
    def __init__(self, model: QAbstractItemModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("counterWindow")
        self.ui = Ui_CounterWindow()
        self.ui.setupUi(self)
        ui = self.ui
        self.header, self.counter_state_label, self.notice = ui.counterHeader, ui.counterState, ui.banner
        self.number_label, self.ticket_state_label = ui.ticketNumber, ui.ticketState
        self.service_label, self.priority_badge = ui.ticketService, ui.priorityBadge
        self.waited_label, self.at_counter_label, self.recalls_label = (
            ui.ticketWaited, ui.ticketAtCounter, ui.ticketRecalls,
        )  # fmt: skip
        self.buttons_box, self.buttons_layout = ui.buttonsBox, ui.buttonsLayout
        self.waiting_title, self.filter_edit, self.table, self.tally_label = (
            ui.sectionTitle, ui.waitingFilter, ui.waitingTable, ui.tally,
        )  # fmt: skip
        self.priority_badge.hide()

        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setFilterKeyColumn(WaitingListModel.NUMBER)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.table.setModel(self.proxy)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # the service takes what the others leave; the note is as wide as its text up to a third
        # of the list (``fit_note_column``); a long one is elided with its full text on hover,
        # so the list never scrolls sideways at 1366 px
        header.setSectionResizeMode(WaitingListModel.SERVICE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(WaitingListModel.NOTE, QHeaderView.ResizeMode.Interactive)
        self.table.viewport().installEventFilter(self)  # a third of the list: again on resize
        self.call_selected_action = QAction(self.table)
        self.call_selected_action.setShortcuts([QKeySequence("Return"), QKeySequence("Enter")])
        self.call_selected_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.table.addAction(self.call_selected_action)
        self.find_action = QAction(self)
        self.find_action.setShortcut(QKeySequence("Ctrl+F"))
        self.find_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self.find_action)
        self.actions_by_name: dict[str, QAction] = {}
        self.buttons: dict[str, QToolButton] = {}

    def add_actions(self, texts: dict[str, str], without_button: Collection[str] = ()) -> None:
        """One QAction per action (its shortcut works in this window) and its button, except
        for ``without_button`` (screens of areas not installed: the action stays hidden)."""
        position = 0
        for name in BUTTON_ORDER:
            key, icon_name = SHORTCUTS[name]
            action = QAction(icon(icon_name), texts[name], self)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
            self.actions_by_name[name] = action
            if name in without_button:
                action.setVisible(False)
                continue
            button = QToolButton(self.buttons_box)
            button.setObjectName(f"action_{name}")
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
            button.setIconSize(QSize(22, 22))
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setProperty("primary", name == rules.CALL_NEXT)
            self.buttons_layout.addWidget(button, position // BUTTONS_PER_ROW, position % BUTTONS_PER_ROW)
            self.buttons[name] = button
            position += 1
        for column in range(BUTTONS_PER_ROW):
            self.buttons_layout.setColumnStretch(column, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        """On a portrait screen the waiting list goes under the ticket and its buttons, at the
        full width (beside them it would get a third of a narrow screen)."""
        super().resizeEvent(event)
        body = self.ui.bodyLayout
        portrait = self.height() > self.width()
        direction = QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        if body.direction() != direction:
            body.setDirection(direction)
            body.setStretch(0, 1 if portrait else 3)
            body.setStretch(1, 1 if portrait else 2)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_note_column()
        return super().eventFilter(watched, event)

    def fit_note_column(self) -> None:
        """The note column as wide as its longest note or its header, at most a third of the list
        and never squeezing the service below ``SERVICE_MIN_WIDTH``."""
        header = self.table.horizontalHeader()
        column, width = WaitingListModel.NOTE, self.table.viewport().width()
        wanted = max(self.table.sizeHintForColumn(column), header.sectionSizeHint(column))
        others = sum(
            header.sectionSize(c)
            for c in range(header.count())
            if c not in (column, WaitingListModel.SERVICE)
        )
        room = max(width - others - SERVICE_MIN_WIDTH, NOTE_MIN_WIDTH)
        header.resizeSection(column, min(wanted, width // 3, room))

    def selected_ticket(self) -> TicketInfo | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        ticket = rows[0].data(TICKET_ROLE)
        return ticket if isinstance(ticket, TicketInfo) else None

    def select_ticket(self, number: str) -> bool:
        """Select a waiting ticket by number (used by the filter field and by tests)."""
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data() == number.upper():
                self.table.selectRow(row)
                return True
        return False

    @staticmethod
    def repolish(widget: QWidget) -> None:
        """Apply the theme again after a dynamic property (state, empty) changed."""
        widget.style().unpolish(widget)
        widget.style().polish(widget)
