"""The layout check: every window and dialog, built at every screen size of issue 12, shows
all its text and stays on the screen.

Each surface is built on a real site (the Indonesian catalogues loaded: Indonesian words are
longer than English ones) at 1366x768, 1920x1080, 1080x1920 and 1280x800, offscreen. It fails
when a visible label, button or table header has text wider than its space and neither elides
it (``FitLabel``) nor shows it in a tooltip, or when a widget lies outside the screen's
available area (here: the screen itself, as offscreen has no task bar).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QRect, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QDialog,
    QHeaderView,
    QLabel,
    QTabBar,
    QWidget,
)

from p4_desk.config import Settings
from p4_desk.gui.common.context import AppContext
from p4_desk.gui.common.tasks import set_synchronous
from p4_desk.resources import resource
from p4_desk.services import queue, users
from p4_desk.store.db import Database
from tests.support.sites import make_site

SIZES = ((1366, 768), (1920, 1080), (1080, 1920), (1280, 800))
CATALOGUES = ("app", "admin", "counter", "display", "feedback", "intake", "kiosk", "supervisor")
SLACK = 2  # pixels: rounding of font metrics

# the surfaces are built once per module (``built``); pytest-xdist's worksteal scheduling keeps
# a module on one worker unless the other runs out of work


def _ctx(db: Database, tmp_path: Path, role: str, user: str | None, counter: str | None = None) -> AppContext:
    ctx = AppContext(db=db, settings=Settings({"voice.enabled": False}, path=tmp_path / f"{role}.toml"),
                     role=role, counter=counter)  # fmt: skip
    if user:
        ctx.user = users.get_user(db, user)
    return ctx


def _counter(db: Database, tmp: Path) -> QWidget:
    from p4_desk.gui.counter import open_window

    return open_window(_ctx(db, tmp, "counter", "petugas1", "L1"))


def _supervisor(db: Database, tmp: Path) -> QWidget:
    from p4_desk.gui.supervisor import open_window

    return open_window(_ctx(db, tmp, "supervisor", "kepala"))


def _admin(db: Database, tmp: Path) -> QWidget:
    from p4_desk.gui.admin import open_window

    return open_window(_ctx(db, tmp, "admin", "admin"))


def _kiosk(db: Database, tmp: Path) -> QWidget:
    from p4_desk.gui.kiosk.window import KioskWindow

    return KioskWindow(_ctx(db, tmp, "kiosk", None), audio="none")


def _display(db: Database, tmp: Path) -> QWidget:
    from p4_desk.gui.display.window import DisplayWindow

    return DisplayWindow(_ctx(db, tmp, "display", None), audio="none")


def _kiosk_info(db: Database, tmp: Path) -> QWidget:
    """The kiosk's "Informasi layanan" on the longest standard of the test hall."""
    from p4_desk.services import standards

    standards.set_standard(
        db, "KTP", requirements="\n".join(f"Persyaratan nomor {n} yang cukup panjang" for n in range(12)),
        procedure="Ambil nomor antrian\nPerekaman\nPencetakan", time="± 60 menit", fee=150000,
        product="KTP-el", complaints="Meja pengaduan", legal_basis="UU 24/2013", published=True,
    )  # fmt: skip
    kiosk = _kiosk(db, tmp)
    kiosk.info.open()  # type: ignore[attr-defined]
    kiosk.info.show_service("KTP")  # type: ignore[attr-defined]
    return kiosk


def _display_maklumat(db: Database, tmp: Path) -> QWidget:
    """The board while its rotation shows the maklumat pelayanan."""
    from p4_desk.services import site
    from p4_desk.services.screens.hall import board_screen

    site.set_setting(db, "standard.maklumat_text", "Dengan ini kami menyatakan sanggup " * 8)
    board = _display(db, tmp)
    board._apply(board_screen(db))  # type: ignore[attr-defined]
    board.view.rotation.advance()  # type: ignore[attr-defined]
    return board


def _survey(db: Database, tmp: Path) -> QWidget:
    from p4_desk.gui.survey import open_window

    return open_window(_ctx(db, tmp, "survey", None, "L1"))


def _login(db: Database, tmp: Path) -> QWidget:
    from p4_desk.gui.app.login import LoginDialog

    return LoginDialog(_ctx(db, tmp, "counter", None, "L1"))


def _first_run(db: Database, tmp: Path) -> QWidget:
    from p4_desk.gui.app.first_run import FirstRunWizard

    return FirstRunWizard()


def _complaint(db: Database, tmp: Path) -> QWidget:
    from p4_desk.gui.complaints.dialog import ComplaintDialog

    return ComplaintDialog(_ctx(db, tmp, "counter", "petugas1", "L1"))


def _intake(db: Database, tmp: Path) -> QWidget:
    from p4_desk.gui.intake.dialog import IntakeDialog

    return IntakeDialog(_ctx(db, tmp, "counter", "petugas1", "L1"), None)


def _applications(db: Database, tmp: Path) -> QWidget:
    from p4_desk.gui.intake.applications import ApplicationsDialog

    return ApplicationsDialog(_ctx(db, tmp, "counter", "petugas1", "L1"))


def _paper_survey(db: Database, tmp: Path) -> QWidget:
    from p4_desk.gui.survey.paper_form import PaperSurveyDialog

    return PaperSurveyDialog(_ctx(db, tmp, "counter", "petugas1", "L1"))


def _transfer(db: Database, tmp: Path) -> QWidget:
    from p4_desk.gui.counter.transfer import TransferDialog
    from p4_desk.services import catalog

    ticket = queue.get_ticket(db, "A001")
    return TransferDialog(ticket, catalog.list_services(db), catalog.list_counters(db), "L1")


def _exit_guard(db: Database, tmp: Path) -> QWidget:
    from p4_desk.gui.kiosk.exit_guard import AdminExitDialog

    return AdminExitDialog(db)


#: every window and dialog a hall's users see; main windows fill the screen, dialogs open at
#: their own size
SURFACES: dict[str, Callable[[Database, Path], QWidget]] = {
    "counter": _counter,
    "supervisor": _supervisor,
    "admin": _admin,
    "kiosk": _kiosk,
    "display": _display,
    "kiosk_info": _kiosk_info,
    "display_maklumat": _display_maklumat,
    "survey": _survey,
    "login": _login,
    "first_run": _first_run,
    "complaint": _complaint,
    "intake": _intake,
    "applications": _applications,
    "paper_survey": _paper_survey,
    "transfer": _transfer,
    "exit_guard": _exit_guard,
}


#: what this check still finds, left open in issue 12's note: reported, not hidden
KNOWN_DEFECTS: dict[tuple[str, tuple[int, int]], str] = {}


@pytest.fixture(scope="module")
def hall(tmp_path_factory: pytest.TempPathFactory, qapp: QApplication) -> Iterator[Database]:
    """One site for the module, the Indonesian catalogues installed while it lasts."""
    folder = tmp_path_factory.mktemp("hall")
    db = make_site(f"sqlite:///{(folder / 'site.sqlite3').as_posix()}")
    users.add_user(db, "kepala", "Kepala Pelayanan", "supervisor", "rahasia123")
    users.add_user(db, "admin", "Admin Situs", "admin", "admin12345")
    queue.set_counter_state(db, "L1", "open")
    for service in ("KTP", "KK", "PKB"):
        queue.issue_ticket(db, service)
    translators = []
    for catalogue in CATALOGUES:
        translator = QTranslator()
        assert translator.load(str(resource("translations", f"{catalogue}_id.qm"))), catalogue
        QCoreApplication.installTranslator(translator)
        translators.append(translator)
    yield db
    for translator in translators:
        QCoreApplication.removeTranslator(translator)
    db.dispose()


@pytest.fixture(scope="module")
def built(hall: Database, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, QWidget]]:
    """Each surface is built once and checked at every size (resized as a screen change would);
    closed when the module is done."""
    widgets: dict[str, QWidget] = {}
    yield widgets
    for widget in widgets.values():
        widget.close()
        widget.deleteLater()
    QApplication.processEvents()


def surface_widget(built: dict[str, QWidget], surface: str, hall: Database, tmp: Path) -> QWidget:
    if surface not in built:
        built[surface] = SURFACES[surface](hall, tmp)
    return built[surface]


def _outside_scroll_view(widget: QWidget) -> bool:
    """Content scrolled out of a scroll area's view is not "outside the screen"."""
    parent = widget.parentWidget()
    while parent is not None:
        if (
            isinstance(parent.parentWidget(), QAbstractScrollArea)
            and parent is parent.parentWidget().viewport()
        ):  # type: ignore[union-attr]
            return True
        parent = parent.parentWidget()
    return False


def _shown(widget: QWidget, top: QWidget) -> bool:
    return widget.isVisibleTo(top) and widget.width() > 0 and widget.height() > 0


def text_problems(top: QWidget) -> list[str]:
    """Visible text wider than its widget with no elision and no tooltip."""
    found = []
    for label in top.findChildren(QLabel):
        text = label.text()
        if not _shown(label, top) or not text or label.wordWrap() or label.property("fitsText"):
            continue
        rich = label.textFormat() == Qt.TextFormat.RichText or text.lstrip().startswith("<")
        if rich or not label.pixmap().isNull():
            continue
        if label.buddy() is not None:  # "&Nama pengguna": the & marks the shortcut, it is not shown
            text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
        width = max(label.fontMetrics().horizontalAdvance(line) for line in text.splitlines())
        if width > label.contentsRect().width() + SLACK and not label.toolTip():
            found.append(f"label {text!r}: {width} px of text in {label.contentsRect().width()} px")
    for button in top.findChildren(QAbstractButton):
        if not _shown(button, top) or not button.text() or button.toolTip():
            continue
        if isinstance(button.parentWidget(), QTabBar):
            continue
        needed = button.sizeHint().width()
        if needed > button.width() + SLACK:
            found.append(f"button {button.text()!r}: needs {needed} px, has {button.width()} px")
    for header in top.findChildren(QHeaderView):
        model = header.model()
        if not _shown(header, top) or model is None:
            continue
        for section in range(header.count()):
            if header.isSectionHidden(section):
                continue
            text = str(model.headerData(section, header.orientation()) or "")
            tip = model.headerData(section, header.orientation(), Qt.ItemDataRole.ToolTipRole)
            needed = header.fontMetrics().horizontalAdvance(text) + 12  # the style's margins
            if (
                header.orientation() == Qt.Orientation.Horizontal
                and needed > header.sectionSize(section) + SLACK
                and not tip
            ):
                found.append(f"column {text!r}: needs {needed} px, has {header.sectionSize(section)} px")
    return found


def placement_problems(top: QWidget, screen: QRect) -> list[str]:
    found = []
    # offscreen draws no title bar but still offsets windows by a 2 px frame: compare sizes
    if top.width() > screen.width() or top.height() > screen.height():
        found.append(f"window {top.size().toTuple()} larger than the screen {screen.size().toTuple()}")
    window_rect = top.rect()
    for widget in top.findChildren(QWidget):
        if not _shown(widget, top) or widget.isWindow() or _outside_scroll_view(widget):
            continue
        rect = QRect(widget.mapTo(top, widget.rect().topLeft()), widget.size())
        if not window_rect.contains(rect):
            name = widget.objectName() or type(widget).__name__
            found.append(f"{name} at {rect.getRect()} outside its window {window_rect.getRect()}")
    return found


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("surface", list(SURFACES))
def test_every_surface_shows_its_text_on_the_screen(
    hall: Database,
    built: dict[str, QWidget],
    tmp_path_factory: pytest.TempPathFactory,
    surface: str,
    size: tuple[int, int],
) -> None:
    if (surface, size) in KNOWN_DEFECTS:
        pytest.xfail(KNOWN_DEFECTS[surface, size])
    set_synchronous(True)
    try:
        widget = surface_widget(built, surface, hall, tmp_path_factory.mktemp(surface))
        screen = QRect(0, 0, *size)
        if isinstance(widget, QDialog):
            widget.adjustSize()
            widget.resize(min(widget.width(), size[0]), min(widget.height(), size[1]))
            widget.move(max(0, (size[0] - widget.width()) // 2), max(0, (size[1] - widget.height()) // 2))
            minimum = widget.minimumSizeHint()
            problems = (
                [f"needs at least {minimum.toTuple()} of a {size} screen"]
                if minimum.width() > size[0] or minimum.height() > size[1]
                else []
            )
        else:
            widget.setWindowState(Qt.WindowState.WindowNoState)  # offscreen "full screen" is 800x600
            widget.setGeometry(screen)  # as maximised on this screen
            problems = []
        widget.show()
        for _ in range(3):
            QApplication.processEvents()
        assert widget.isVisible(), surface
        problems += placement_problems(widget, screen) + text_problems(widget)
        assert not problems, f"{surface} at {size[0]}x{size[1]}:\n  " + "\n  ".join(problems)
    finally:
        set_synchronous(False)


def _shown_at(
    built: dict[str, QWidget], hall: Database, tmp: Path, surface: str, size: tuple[int, int]
) -> QWidget:
    widget = surface_widget(built, surface, hall, tmp)
    widget.setWindowState(Qt.WindowState.WindowNoState)
    widget.setGeometry(QRect(0, 0, *size))
    widget.show()
    for _ in range(3):
        QApplication.processEvents()
    return widget


def test_the_counter_waiting_list_takes_the_width_of_a_portrait_screen(
    hall: Database, built: dict[str, QWidget], tmp_path_factory: pytest.TempPathFactory
) -> None:
    tmp = tmp_path_factory.mktemp("counter_portrait")
    # On a portrait counter screen the list goes under the ticket, at the full width
    counter = _shown_at(built, hall, tmp, "counter", (1080, 1920))
    table, panel = counter.table, counter.ui.ticketPanel  # type: ignore[attr-defined]
    assert table.width() >= 0.9 * counter.width()
    assert (
        table.mapTo(counter, table.rect().topLeft()).y() > panel.mapTo(counter, panel.rect().bottomLeft()).y()
    )
    service = table.horizontalHeader().sectionSize(1)
    assert service >= 0.4 * counter.width()  # "Perekaman dan Pencetakan KTP-el" whole, not "Perekama…"
    # and on a landscape one beside it, as before
    counter = _shown_at(built, hall, tmp, "counter", (1920, 1080))
    assert (
        table.mapTo(counter, table.rect().topLeft()).x() > panel.mapTo(counter, panel.rect().topRight()).x()
    )


def test_the_board_site_name_is_large_on_a_portrait_screen(
    hall: Database, built: dict[str, QWidget], tmp_path_factory: pytest.TempPathFactory
) -> None:
    from p4_desk.services import site
    from p4_desk.services.screens.hall import board_screen

    before = site.get_site(hall).name
    site.update_site(hall, name="Mal Pelayanan Publik Kota Bandar Lampung")
    tmp = tmp_path_factory.mktemp("board_portrait")
    board = _shown_at(built, hall, tmp, "display", (1080, 1920))
    board._apply(board_screen(hall))  # type: ignore[attr-defined]
    site.update_site(hall, name=before)
    for _ in range(3):
        QApplication.processEvents()
    label = board.view.site  # type: ignore[attr-defined]
    # Then the site name is whole and read across the hall: a line of its own, not a third of it
    assert label.text() == "Mal Pelayanan Publik Kota Bandar Lampung"
    assert label.shown_text() == label.text()
    assert label.fitted_px() >= 0.035 * 1080, label.fitted_px()
    assert label.width() >= 0.9 * board.width()
