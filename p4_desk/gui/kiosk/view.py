"""The kiosk window, layout only: header, priority banner and the four pages (agencies,
services, priority groups, the ticket), scaled to the screen. ``window.KioskWindow`` gives it its
texts and its behaviour; the pages themselves are in ``pages``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from p4_desk.gui.kiosk.pages import (
    STYLE,
    ChoicePage,
    TicketPage,
    fit_button,
    set_px,
    touch_px,
    wrapped_height,
)


class KioskView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kiosk")
        self.setStyleSheet(STYLE)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.header = QFrame()
        self.header.setObjectName("header")
        self.site_label = QLabel()
        self.heading = QLabel()
        self.clock_label = QLabel()
        for label in (self.site_label, self.heading):
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.heading.setWordWrap(True)
        self.site_label.setWordWrap(True)  # long names ("Mal Pelayanan Publik Kota ...") wrap
        top = QHBoxLayout(self.header)
        self._header_row = top
        top.addWidget(self.site_label, 3)
        top.addWidget(self.heading, 3)
        top.addWidget(self.clock_label, 2, Qt.AlignmentFlag.AlignRight)

        self.banner = QFrame()
        self.banner.setObjectName("banner")
        self.banner_label = QLabel()
        self.clear_priority_button = QPushButton()
        self.clear_priority_button.setObjectName("secondary")
        row = QHBoxLayout(self.banner)
        row.addWidget(self.banner_label, 1)
        row.addWidget(self.clear_priority_button)
        self.banner.hide()

        self.home = ChoicePage(columns=6)
        self.home.min_tile_units = 2.8  # a hall's 30-odd agencies fit one page
        self.priority_button = QPushButton()
        self.priority_button.setObjectName("priority")
        self.home.action_row.addWidget(self.priority_button)

        self.services = ChoicePage(columns=4)
        self.services.min_tile_units = 3.8  # hours, waiting and longest wait under the name
        self.back_button = QPushButton()
        self.back_button.setObjectName("secondary")
        self.services_priority_button = QPushButton()
        self.services_priority_button.setObjectName("priority")
        self.services.action_row.addWidget(self.back_button)
        self.services.action_row.addWidget(self.services_priority_button)

        self.groups = ChoicePage(columns=2)
        self.groups_cancel = QPushButton()
        self.groups_cancel.setObjectName("secondary")
        self.groups.action_row.addWidget(self.groups_cancel)

        self.ticket_page = TicketPage()

        self.stack = QStackedWidget()
        # fonts follow the window height, so the pages must not dictate a minimum size back
        self.stack.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        for page in (self.home, self.services, self.groups, self.ticket_page):
            self.stack.addWidget(page)
        body = QVBoxLayout()
        body.addWidget(self.banner)
        body.addWidget(self.stack, 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.header)
        outer.addLayout(body, 1)
        self._body = body
        self.extra_scaled: list[Any] = []  # more pages' controllers: ``scale(unit, touch)``

    # --- scaling: touch targets from the screen's physical DPI -----------------------------

    def touch_target_px(self) -> int:
        screen = self.screen() or QApplication.primaryScreen()
        return touch_px(screen.physicalDotsPerInch() if screen else 96.0)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt naming
        super().resizeEvent(event)
        self._scale()
        QTimer.singleShot(0, self._scale)  # again once the layouts gave the buttons their widths

    def text_unit(self) -> float:
        """The text unit; it follows the screen's shape: a portrait kiosk is read from the same
        distance as a landscape one, so its narrow width must not shrink the type."""
        if self.height() > self.width():
            return max(14.0, min(self.height() / 50, self.width() / 30))
        return max(14.0, min(self.height() / 36, self.width() / 60))

    def _scale(self) -> None:
        touch = self.touch_target_px()
        unit = self.text_unit()
        margin = int(unit)
        self._body.setContentsMargins(margin, margin, margin, margin)
        self.header.setFixedHeight(int(unit * 3.4))
        # the site name and the clock keep a text unit from the screen's edges
        self._header_row.setContentsMargins(margin, 4, margin, 4)
        site_px = unit * 0.95  # a long site name wraps; smaller until it fits the header
        set_px(self.site_label, site_px, bold=True)
        while site_px > 10 and wrapped_height(self.site_label, self.site_label.width()) > unit * 3.4 - 8:
            site_px -= 1
            set_px(self.site_label, site_px, bold=True)
        set_px(self.clock_label, unit * 1.1, bold=True)
        set_px(self.heading, unit * 1.4, bold=True)
        set_px(self.banner_label, unit * 1.1, bold=True)
        for page in (self.home, self.services, self.groups):
            page.scale(unit, touch)
        self.ticket_page.scale(unit, touch)
        # the buttons under the tiles are sized by their page's action bar (``actions``)
        fit_button(self.clear_priority_button, unit * 1.05)
        self.clear_priority_button.setMinimumHeight(max(touch, int(unit * 3)))
        self.banner.setFixedHeight(self.clear_priority_button.minimumHeight() + int(unit))
        for extra in self.extra_scaled:
            extra.scale(unit, touch)
