"""The kiosk's "Informasi layanan" mode (issue 18.4): the published service standard.

A citizen touches "Informasi layanan" on the home page, picks a service (published standards
only, by agency) and reads its six parts — persyaratan, prosedur, jangka waktu, biaya/tarif,
produk, penanganan pengaduan — and its legal basis, fees in rupiah as ``domain.wording`` words
them ("Gratis" for none). A part not filled in says so and sends the citizen to an officer
rather than showing nothing. A citizen on the keypad hears the same parts read out
(``shown_speech``, said by ``gui/kiosk/access``). The kiosk window only adds this mode
(``ServiceInfoMode(kiosk)``); the standards are read off the UI thread when the mode opens, so
an edit in the admin window shows the next time a citizen opens it. The idle timer takes the
kiosk home as on every page.
"""

from __future__ import annotations

from functools import partial
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from p4_desk.domain.wording import format_fee
from p4_desk.gui.common.tasks import run_task
from p4_desk.gui.kiosk.pages import ChoicePage, fit_button, set_px
from p4_desk.services.standards import ServiceStandard, list_standards

if TYPE_CHECKING:
    from p4_desk.gui.kiosk.window import KioskWindow


class StandardPage(QWidget):
    """One service's standard: a title, the parts in a scrolling text, and "Kembali"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setObjectName("title")
        self.title.setWordWrap(True)
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.text = QLabel()
        self.text.setObjectName("standard")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.text.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.text.setContentsMargins(16, 8, 16, 8)  # list numbers sit left of the text: keep them in
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroller.setWidget(self.text)
        self.scroller.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.back = QPushButton()
        self.back.setObjectName("secondary")
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(self.title)
        layout.addWidget(self.scroller, 1)
        layout.addWidget(self.back)

    def scale(self, unit: float, touch: int) -> None:
        set_px(self.title, unit * 1.4, bold=True)
        set_px(self.text, unit * 1.0, bold=False)
        fit_button(self.back, unit * 1.05)
        self.back.setMinimumHeight(max(touch, int(unit * 3)))


class ServiceInfoMode(QObject):
    """Adds the mode to a kiosk: the home page's button, the list of services, one standard."""

    def __init__(self, kiosk: KioskWindow) -> None:
        super().__init__(kiosk)
        self.kiosk = kiosk
        self.standards: dict[str, ServiceStandard] = {}
        self.shown_code: str | None = None  # the service whose standard the page shows
        self.button = QPushButton()
        self.button.setObjectName("secondary")
        kiosk.home.action_row.addWidget(self.button)
        self.list_page = ChoicePage(columns=3)
        self.list_page.min_tile_units = 3.2
        self.list_back = QPushButton()
        self.list_back.setObjectName("secondary")
        self.list_page.action_row.addWidget(self.list_back)
        self.page = StandardPage()
        kiosk.stack.addWidget(self.list_page)
        kiosk.stack.addWidget(self.page)
        self._texts()
        self.button.clicked.connect(self.open)
        self.list_page.chosen.connect(self.show_service)
        self.list_back.clicked.connect(kiosk.go_home)
        self.page.back.clicked.connect(lambda: kiosk.stack.setCurrentWidget(self.list_page))
        kiosk.installEventFilter(self)
        kiosk.stack.currentChanged.connect(self._heading)
        self._ticket_heading = kiosk.heading.text()

    def _texts(self) -> None:
        self.button.setText(self.tr("Service information"))
        self.list_page.title.setText(self.tr("Service information: choose a service"))
        self.list_back.setText(self.tr("Back"))
        self.page.back.setText(self.tr("Back to the list"))
        self.list_page.previous_page.setText(self.kiosk.home.previous_page.text())
        self.list_page.next_page.setText(self.kiosk.home.next_page.text())
        self.list_page.page_template = self.kiosk.home.page_template

    def _heading(self, _index: int) -> None:
        """The header says "Informasi layanan" while the mode is up (no ticket is taken there)."""
        shown = self.kiosk.stack.currentWidget() in (self.list_page, self.page)
        self.kiosk.heading.setText(self.button.text() if shown else self._ticket_heading)

    # --- scaling with the kiosk ------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        if watched is self.kiosk and event.type() == QEvent.Type.Resize:
            self.scale()
        return False

    def scale(self) -> None:
        unit, touch = self.kiosk.text_unit(), self.kiosk.touch_target_px()
        self.list_page.scale(unit, touch)
        self.page.scale(unit, touch)
        # self.button and self.list_back are sized by their page's action bar

    # --- the mode --------------------------------------------------------------------------

    def open(self) -> None:
        """Read the published standards, then show the list of services."""
        self.kiosk.idle_timer.start()
        run_task(
            self, partial(list_standards, self.kiosk.ctx.db, published_only=True), self._loaded, self._failed
        )

    def _loaded(self, rows: list[ServiceStandard]) -> None:
        self.standards = {st.code: st for st in rows}
        self.list_page.set_choices([(st.code, st.name, st.agency_name, None) for st in rows])
        self.list_page.show_notice(None if rows else self.tr("No service standard has been published yet."))
        self.kiosk.stack.setCurrentWidget(self.list_page)
        self.scale()

    def _failed(self, exc: BaseException) -> None:
        self.list_page.set_choices([])
        self.list_page.show_notice(self.tr("Service information cannot be shown now. Please ask an officer."))
        self.kiosk.stack.setCurrentWidget(self.list_page)

    def show_service(self, code: str) -> None:
        standard = self.standards.get(code)
        if standard is None:
            return
        self.kiosk.idle_timer.start()
        self.shown_code = code
        self.page.title.setText(standard.name)
        self.page.text.setText(self.standard_html(standard))
        self.page.scroller.verticalScrollBar().setValue(0)
        self.kiosk.stack.setCurrentWidget(self.page)

    def parts(self, st: ServiceStandard) -> list[tuple[str, tuple[str, ...], str]]:
        """The standard's parts in reading order: (title, lines, "ul" | "ol" | "p"); no lines is a
        part not filled in. The screen and the voice both read them from here."""

        def para(text: str) -> tuple[str, ...]:
            return (text,) if text.strip() else ()

        return [
            (self.tr("Requirements"), st.requirement_lines, "ul"),
            (self.tr("Procedure"), st.procedure_lines, "ol"),
            (self.tr("Time to complete"), para(st.time), "p"),
            (self.tr("Fee"), para(format_fee(st.fee)) if st.fee is not None else (), "p"),
            (self.tr("Product"), para(st.product), "p"),
            (self.tr("Complaints"), para(st.complaints), "p"),
            (self.tr("Legal basis"), para(st.legal_basis), "p"),
        ]

    def missing_text(self) -> str:
        return self.tr("Not yet available: please ask an officer.")

    def standard_html(self, st: ServiceStandard) -> str:
        """The standard as rich text: two columns on a landscape kiosk, one on a portrait one."""

        def block(title: str, lines: tuple[str, ...], kind: str) -> str:
            if not lines:
                body = "<p><i>" + escape(self.missing_text()) + "</i></p>"
            elif kind == "p":
                body = "".join(f"<p>{escape(line)}</p>" for line in lines)
            else:
                body = f"<{kind}>" + "".join(f"<li>{escape(line)}</li>" for line in lines) + f"</{kind}>"
            return f"<p><b>{escape(title)}</b></p>{body}"

        blocks = [block(*part) for part in self.parts(st)]
        first, second = "".join(blocks[:2]), "".join(blocks[2:])
        agency = f"<p>{escape(st.agency_name)}</p>"
        if self.kiosk.height() > self.kiosk.width():
            return agency + first + second
        return (
            f'{agency}<table width="100%" cellspacing="0" cellpadding="0"><tr>'
            f'<td width="50%" valign="top">{first}</td><td width="4%"></td>'
            f'<td width="46%" valign="top">{second}</td></tr></table>'
        )

    def shown_speech(self) -> str:
        """What a text-to-speech voice reads of the standard on the page (``gui/kiosk/access``):
        the service, its agency and every part as the page shows it, numbered steps included."""
        st = self.standards.get(self.shown_code or "")
        if st is None:
            return ""

        def sentence(text: str) -> str:
            text = text.strip().rstrip(".;:")
            return f"{text}." if text else ""

        said = [sentence(st.name), sentence(st.agency_name)]
        for title, lines, kind in self.parts(st):
            if not lines:
                body = self.missing_text()
            elif kind == "ol":
                body = " ".join(f"{n}. {sentence(line)}" for n, line in enumerate(lines, 1))
            else:
                body = sentence("; ".join(line.strip().rstrip(".;") for line in lines))
            said.append(f"{title}: {body}")
        return " ".join(part for part in said if part)
