"""The survey touch screen at counter L1: the citizen just served rates the service, once."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from pytestqt.qtbot import QtBot

from p4_desk.config import Settings
from p4_desk.gui.common.context import AppContext
from p4_desk.gui.survey import SurveyWindow
from p4_desk.gui.survey.faces import mm_to_px
from p4_desk.services import queue, surveys, users
from p4_desk.store.db import Database
from tests.support.sites import Clock, make_site

pytestmark = [pytest.mark.translation("feedback"), pytest.mark.usefixtures("inline_tasks")]

OUT = Path(__file__).resolve().parents[2] / "test-output"
DAY = datetime(2026, 3, 4, 3, 0, tzinfo=UTC).date()


@pytest.fixture
def db(sqlite_url: str, clock: Clock) -> Database:
    database = make_site(sqlite_url, clock)
    queue.set_counter_state(database, "L1", "open", users.get_user(database, "petugas1").actor)
    return database


def serve(db: Database, service: str) -> queue.TicketInfo:
    ticket = queue.issue_ticket(db, service)
    queue.call_next(db, "L1")
    queue.start(db, ticket.id)
    return queue.finish(db, ticket.id)


def screen(qtbot: QtBot, db: Database, counter: str = "L1") -> SurveyWindow:
    window = SurveyWindow(AppContext(db=db, settings=Settings.load(), role="survey", counter=counter))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    return window


def shot(window: SurveyWindow, name: str) -> None:
    OUT.mkdir(exist_ok=True)
    window.grab().save(str(OUT / f"survey_{name}.png"))


def test_citizen_rates_the_ticket_just_finished_once(qtbot: QtBot, db: Database) -> None:
    # Given a ticket just finished at counter L1 and the survey screen of L1
    window = screen(qtbot, db)
    ticket = serve(db, "KTP")
    window.poll()  # the change marker moved: the screen looks for the finished ticket
    assert window.pages.currentWidget() is window.idle_page
    assert window.idle_ticket.text() == f"Tiket {ticket.number} — KTP-el"
    assert window.start_button.text() == "Mulai"
    shot(window, "1_idle")

    # When the citizen taps Start, then one face for each of the nine questions
    qtbot.mouseClick(window.start_button, Qt.MouseButton.LeftButton)
    assert window.question_number.text() == "Pertanyaan 1 dari 9"
    assert "persyaratan" in window.question_text.text().lower()
    assert [face.text() for face in window.faces] == ["Tidak baik", "Kurang baik", "Baik", "Sangat baik"]
    shot(window, "2_question")
    taps = [4, 3, 4, 4, 3, 4, 4, 2, 3]
    for score in taps:
        qtbot.mouseClick(window.faces[score - 1], Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.review_page
    shot(window, "3_review")
    qtbot.mouseClick(window.submit_button, Qt.MouseButton.LeftButton)

    # Then the thank-you screen shows and the answer is stored for that ticket
    assert window.pages.currentWidget() is window.thanks_page
    assert window.thanks_title.text() == "Terima kasih!"
    shot(window, "4_thanks")
    summary = surveys.ikm_summary(db, DAY, DAY, service="KTP")
    assert summary.respondents == 1
    assert summary.sums == {f"U{i}": score for i, score in enumerate(taps, start=1)}

    # and back on the idle screen the same ticket is not offered again: the survey is anonymous
    window.show_idle()
    window.poll()
    assert window.ticket is None and window.idle_ticket.text() == ""
    assert "anonim" in window.idle_hint.text()


def test_going_back_changes_an_answer(qtbot: QtBot, db: Database) -> None:
    window = screen(qtbot, db)
    ticket = serve(db, "KK")
    window.refresh()
    qtbot.mouseClick(window.start_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.faces[0], Qt.MouseButton.LeftButton)  # U1: tidak baik
    qtbot.mouseClick(window.back_button, Qt.MouseButton.LeftButton)
    assert window.question_number.text() == "Pertanyaan 1 dari 9"
    assert window.faces[0].isChecked()  # the earlier answer is shown
    for _ in range(9):
        qtbot.mouseClick(window.faces[3], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.submit_button, Qt.MouseButton.LeftButton)
    summary = surveys.ikm_summary(db, DAY, DAY, service="KK")
    assert summary.respondents == 1 and summary.sums["U1"] == 4
    assert summary.result is not None and summary.result.grade == "A"
    assert surveys.pending_ticket(db, "L1") is None
    assert ticket.number.startswith("B")


def test_a_ticket_answered_elsewhere_is_refused_with_the_reason(qtbot: QtBot, db: Database) -> None:
    window = screen(qtbot, db)
    ticket = serve(db, "KTP")
    window.refresh()
    qtbot.mouseClick(window.start_button, Qt.MouseButton.LeftButton)
    for _ in range(9):
        qtbot.mouseClick(window.faces[2], Qt.MouseButton.LeftButton)
    # meanwhile the officer typed the paper form of the same ticket
    surveys.record_survey(db, {f"U{i}": 3 for i in range(1, 10)}, ticket=ticket.id)
    qtbot.mouseClick(window.submit_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.idle_page
    assert f"Tiket {ticket.number} sudah mengisi survei" in window.idle_error.text()
    assert window.ticket is None
    assert surveys.ikm_summary(db, DAY, DAY).respondents == 1


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=["1920x1080", "1080x1920"])
def test_a_large_screen_draws_the_survey_larger_and_keeps_it_whole(
    qtbot: QtBot, db: Database, size: tuple[int, int]
) -> None:
    # Given the survey on the 1280x800 tablet it is made for, on its first question
    window = screen(qtbot, db)
    qtbot.mouseClick(window.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.faces[0].isVisible(), timeout=2000)
    tablet_text = window.question_text.font().pixelSize()
    tablet_face = window.faces[0].minimumWidth()
    tablet_button = window.back_button.minimumHeight()
    assert tablet_text == mm_to_px(window, 8)  # the tablet keeps its millimetres
    # When the same screen is shown on a larger monitor at a counter
    window.resize(*size)
    qtbot.waitUntil(lambda: window.size().toTuple() == size, timeout=2000)
    # Then the question, the faces and the buttons are about a third larger, not a small island
    assert window.question_text.font().pixelSize() >= 1.3 * tablet_text
    assert window.faces[0].minimumWidth() >= 1.3 * tablet_face
    assert window.back_button.minimumHeight() >= 1.3 * tablet_button
    # And nothing leaves the screen: every face and the back button lie inside the window
    qtbot.wait(50)
    inside = window.rect()
    for widget in (*window.faces, window.back_button, window.question_text):
        box = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
        assert inside.contains(box), (widget, box, inside)
    shot(window, f"large_{size[0]}x{size[1]}")
