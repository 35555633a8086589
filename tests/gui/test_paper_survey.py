"""An officer types paper IKM questionnaires: ticket, nine digits, Enter."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from p4_desk.config import Settings
from p4_desk.gui.common.context import AppContext
from p4_desk.gui.complaints import IkmPanel
from p4_desk.gui.survey.paper_form import PaperSurveyDialog
from p4_desk.services import queue, surveys, users
from p4_desk.store.db import Database
from tests.support.sites import Clock, make_site

pytestmark = [pytest.mark.translation("feedback"), pytest.mark.usefixtures("inline_tasks")]

OUT = Path(__file__).resolve().parents[2] / "test-output"
DAY = datetime(2026, 3, 4, 3, 0, tzinfo=UTC).date()
DIGITS = {1: Qt.Key.Key_1, 2: Qt.Key.Key_2, 3: Qt.Key.Key_3, 4: Qt.Key.Key_4}


@pytest.fixture
def db(sqlite_url: str) -> Database:
    database = make_site(sqlite_url, Clock(datetime(2026, 3, 4, 3, 0, tzinfo=UTC)))  # Wed 10:00 WIB
    queue.set_counter_state(database, "L1", "open", users.get_user(database, "petugas1").actor)
    return database


@pytest.fixture
def ctx(db: Database) -> AppContext:
    return AppContext(db=db, settings=Settings.load(), role="supervisor", user=users.get_user(db, "petugas1"))


def serve(db: Database, service: str) -> queue.TicketInfo:
    ticket = queue.issue_ticket(db, service)
    queue.call_next(db, "L1")
    queue.start(db, ticket.id)
    return queue.finish(db, ticket.id)


def open_dialog(qtbot: QtBot, ctx: AppContext) -> PaperSurveyDialog:
    dialog = PaperSurveyDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def focused(dialog: QWidget) -> QWidget:
    widget = dialog.focusWidget()
    assert widget is not None
    return widget


def type_form(qtbot: QtBot, dialog: PaperSurveyDialog, ticket: str, scores: list[int]) -> None:
    """What the officer's fingers do: the ticket, Enter, one digit per row (the focus follows)."""
    if ticket:
        qtbot.keyClicks(dialog.ticket, ticket)
        qtbot.keyClick(dialog.ticket, Qt.Key.Key_Return)
    else:  # Tab to the service chosen for the pile, Enter to the first row
        qtbot.keyClick(dialog.ticket, Qt.Key.Key_Tab)
        assert focused(dialog) is dialog.service
        qtbot.keyClick(dialog.service, Qt.Key.Key_Return)
    assert focused(dialog) is dialog.rows[0]
    for score in scores:
        qtbot.keyClick(focused(dialog), DIGITS[score])


def error_of(dialog: QWidget, field: str) -> str:
    label = dialog.findChild(QLabel, f"error_{field}")
    assert label is not None
    return label.text() if label.isVisible() else ""


def shot(widget: QWidget, name: str) -> None:
    OUT.mkdir(exist_ok=True)
    QApplication.processEvents()
    layout = widget.layout()
    if layout is not None:
        layout.activate()  # settle rows resized by a message shown or hidden just now
    assert widget.grab().save(str(OUT / f"paper_survey_{name}.png"))


def test_a_ticket_form_is_nine_key_presses_and_enter(qtbot: QtBot, ctx: AppContext, db: Database) -> None:
    # Given a ticket served at L1 today, and its paper questionnaire
    ticket = serve(db, "KTP")
    dialog = open_dialog(qtbot, ctx)
    assert dialog.windowTitle() == "Input survei kertas"
    assert dialog.save_button.text() == "Simpan"
    assert dialog.save_next_button.text() == "Simpan dan isi berikutnya"
    assert [b.text() for b in dialog.rows[0].buttons] == [
        "1 Tidak baik",
        "2 Kurang baik",
        "3 Baik",
        "4 Sangat baik",
    ]
    assert focused(dialog) is dialog.ticket

    # When the officer types the number, Enter, then one digit per element
    scores = [4, 3, 2, 4, 3, 3, 4, 1, 3]
    type_form(qtbot, dialog, ticket.number.lower(), scores)  # lower case as typed in a hurry
    # each digit ticked its row and moved on; after the ninth the focus waits on "save and next"
    assert [row.score() for row in dialog.rows] == scores
    assert focused(dialog) is dialog.save_next_button
    shot(dialog, "typed")
    qtbot.keyClick(focused(dialog), Qt.Key.Key_Return)

    # Then one paper survey is stored for that ticket with exactly those answers
    info = dialog.last_saved
    assert info is not None
    assert (info.ticket, info.service, info.counter, info.channel) == (ticket.number, "KTP", "L1", "paper")
    assert dict(info.answers) == {f"U{i}": s for i, s in enumerate(scores, start=1)}
    summary = surveys.ikm_summary(db, DAY, DAY, service="KTP")
    assert summary.respondents == 1
    assert summary.sums == {f"U{i}": s for i, s in enumerate(scores, start=1)}

    # and the form is empty again, the cursor back in the ticket field, the save confirmed
    assert dialog.isVisible()
    assert dialog.ticket.text() == "" and all(row.score() is None for row in dialog.rows)
    assert focused(dialog) is dialog.ticket
    assert dialog.status.text() == f"Tersimpan untuk tiket {ticket.number}. Formulir yang sudah diinput: 1."

    # When the same paper is typed a second time
    type_form(qtbot, dialog, ticket.number, [1] * 9)
    qtbot.keyClick(focused(dialog), Qt.Key.Key_Return)

    # Then it is refused next to the ticket field, in Indonesian, and the typed form is kept
    assert error_of(dialog, "ticket") == (
        f"Tiket {ticket.number} sudah mengisi survei. Satu tiket hanya dapat memberi satu penilaian."
    )
    assert dialog.ticket.text() == ticket.number
    assert [row.score() for row in dialog.rows] == [1] * 9
    assert dialog.status.text() == ""
    shot(dialog, "already_answered")
    assert surveys.ikm_summary(db, DAY, DAY).respondents == 1


def test_unknown_ticket_and_missing_answer_are_shown_at_their_field(
    qtbot: QtBot, ctx: AppContext, db: Database
) -> None:
    dialog = open_dialog(qtbot, ctx)
    type_form(qtbot, dialog, "A099", [3] * 9)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert error_of(dialog, "ticket") == "Tiket 'A099' tidak ditemukan."
    assert dialog.isVisible() and [row.score() for row in dialog.rows] == [3] * 9

    # a ticket still waiting has no service to rate yet
    waiting = queue.issue_ticket(db, "PKB")  # counter L3 (PKB) is closed
    dialog.ticket.setText(waiting.number)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert (
        error_of(dialog, "ticket")
        == f"Tiket {waiting.number} belum selesai dilayani; survei diisi setelah layanan."
    )

    # an element left empty on the paper (U5 here): the message sits under that row
    served = serve(db, "KTP")
    dialog.ticket.setText(served.number)
    qtbot.keyClick(dialog.rows[4], Qt.Key.Key_Backspace)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert error_of(dialog, "ticket") == ""
    assert error_of(dialog, "U5") == "Semua sembilan unsur wajib dijawab; belum dijawab: U5"
    assert focused(dialog) is dialog.rows[4]
    shot(dialog, "missing_answer")
    qtbot.keyClick(focused(dialog), Qt.Key.Key_2)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # "Simpan" saves and closes
    assert not dialog.isVisible()
    assert dialog.last_saved is not None and dialog.last_saved.answers["U5"] == 2
    assert surveys.ikm_summary(db, DAY, DAY).respondents == 1


def test_anonymous_forms_for_a_chosen_service(qtbot: QtBot, ctx: AppContext, db: Database) -> None:
    # Given a pile of paper forms without ticket numbers from the KK desk
    dialog = open_dialog(qtbot, ctx)
    dialog.service.setCurrentIndex(dialog.service.findData("KK"))
    assert dialog.service.isEnabled()

    # When two are typed in, "save and next" after each
    type_form(qtbot, dialog, "", [4] * 9)
    qtbot.mouseClick(dialog.save_next_button, Qt.MouseButton.LeftButton)
    assert dialog.status.text() == "Tersimpan sebagai formulir anonim. Formulir yang sudah diinput: 1."
    assert dialog.service.currentData() == "KK"  # the pile goes on
    type_form(qtbot, dialog, "", [2] * 9)
    qtbot.mouseClick(dialog.save_next_button, Qt.MouseButton.LeftButton)

    # Then both count for KK, linked to no ticket
    assert dialog.last_saved is not None and dialog.last_saved.ticket is None
    kk = surveys.ikm_summary(db, DAY, DAY, service="KK")
    assert kk.respondents == 2 and kk.sums["U1"] == 6
    assert surveys.ikm_summary(db, DAY, DAY, service="KTP").respondents == 0

    # and a ticket number makes the service choice moot (the ticket knows its service)
    qtbot.keyClicks(dialog.ticket, "A001")
    assert not dialog.service.isEnabled()


def test_the_ikm_tab_opens_the_form_and_counts_the_new_respondent(
    qtbot: QtBot, ctx: AppContext, db: Database
) -> None:
    ticket = serve(db, "KK")
    panel = IkmPanel(ctx)
    qtbot.addWidget(panel)
    panel.resize(1000, 650)
    panel.show()
    assert panel.paper_button.text() == "Input survei kertas…"
    assert panel.respondents.text().startswith("Responden: 0 ")

    qtbot.mouseClick(panel.paper_button, Qt.MouseButton.LeftButton)
    dialog = panel.paper_dialog
    assert isinstance(dialog, PaperSurveyDialog) and dialog.isVisible()
    qtbot.waitExposed(dialog)
    type_form(qtbot, dialog, ticket.number, [3] * 9)
    qtbot.mouseClick(dialog.save_next_button, Qt.MouseButton.LeftButton)

    # one served visitor, one respondent: every element 3 → IKM 75,00 (C)
    assert panel.respondents.text().startswith("Responden: 1 ")
    assert panel.ikm_value.text() == "75,00"
    shot(dialog, "from_ikm_tab")
    shot(panel, "ikm_panel_after")
