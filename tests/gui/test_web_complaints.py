"""A complaint a citizen filed on the central server's web form, at the hall's complaint desk:
a real desk database, the real central server on 127.0.0.1 and the real sync agent between them,
the supervisor's real complaint panel (issue 16)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import requests
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from p4_desk.config import Settings
from p4_desk.gui.common.context import AppContext
from p4_desk.gui.complaints import ComplaintsPanel
from p4_desk.services import users
from p4_desk.store.db import Database
from tests.integration.central_server import CentralServer
from tests.support.citizen import SITE, live_hall, sync

pytestmark = [
    pytest.mark.translation("feedback"),
    pytest.mark.usefixtures("inline_tasks", "memory_keyring"),
]


@pytest.fixture
def hall(central: CentralServer, sqlite_url: str) -> Iterator[Database]:
    db = live_hall(central, sqlite_url)
    yield db
    db.dispose()


def test_a_web_complaint_is_at_the_complaint_desk_and_its_steps_reach_the_citizen(
    qtbot: QtBot, central: CentralServer, hall: Database
) -> None:
    # Given a complaint a citizen filed on the web form for this hall
    sync(hall)
    posted = requests.post(
        f"{central.url}/api/v1/public/complaints",
        json={
            "site": SITE,
            "kind": "pengaduan",
            "agency": "SAMSAT",
            "description": "Loket pajak tutup sebelum jam layanan berakhir.",
            "identity": "anonymous",
        },
        timeout=30,
    )
    assert posted.status_code == 201
    code = posted.json()["code"]

    # When the hall syncs and the supervisor opens the complaint desk
    sync(hall)
    supervisor = users.get_user(hall, "petugas1")
    ctx = AppContext(db=hall, settings=Settings.load(), role="supervisor", user=supervisor)
    panel = ComplaintsPanel(ctx)
    qtbot.addWidget(panel)
    panel.resize(1280, 600)
    panel.show()
    panel.reload()

    # Then it is listed as a web complaint, with the code the citizen follows it by
    [row] = panel.rows
    assert row.web_code == code
    assert panel.table.item(0, 2).text() == "Pengaduan (web)"  # type: ignore[union-attr]
    assert panel.table.item(0, 3).text() == "SAMSAT"  # type: ignore[union-attr]
    panel.select_number(row.number)
    assert f"Diajukan lewat formulir web, kode pelacakan {code}" in panel.detail.text()
    assert "Loket pajak tutup sebelum jam layanan berakhir." in panel.detail.text()

    # When the officer verifies it with the panel's button and the hall syncs
    qtbot.mouseClick(panel.step_buttons["verified"], Qt.MouseButton.LeftButton)
    sync(hall)

    # Then the citizen's page shows the step
    answer = requests.get(f"{central.url}/api/v1/public/complaints/{code}", timeout=30).json()
    assert answer["state_label"] == "Diverifikasi" and answer["complaint_number"] == row.number
    page = requests.get(f"{central.url}/pengaduan/{code}", timeout=30).text
    assert "Diverifikasi" in page and "Petugas Satu" not in page
