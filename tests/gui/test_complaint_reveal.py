"""The supervisor's complaint tab: a confidential reporter is shown only after a stated reason
(real widgets, offscreen, the Indonesian catalogue)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt, QThreadPool
from sqlalchemy import select

from p4_desk.gui.complaints import ComplaintsPanel
from p4_desk.gui.complaints.reveal import RevealReporterDialog
from p4_desk.services import complaints, privacy, users
from p4_desk.store.db import Database
from p4_desk.store.models import AuditEntry
from tests.gui.conftest import MakeCtx

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def panel(qtbot, site_db: Database, make_ctx: MakeCtx, inline_tasks: None) -> Iterator[ComplaintsPanel]:
    users.add_user(site_db, "kepala", "Kepala MPP", "supervisor", "rahasia123")
    for identity, name in (("named", "Budi Santoso"), ("confidential", "Siti Aminah")):
        complaints.file_complaint(
            site_db, kind="pengaduan", agency="DUKCAPIL", description="Petugas meminta uang tambahan.",
            identity=identity, reporter_name=name, reporter_phone="081277889900",
        )  # fmt: skip
    widget = ComplaintsPanel(make_ctx(site_db, role="supervisor", counter=None, username="kepala"))
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: len(widget.rows) == 2, timeout=5000)
    yield widget
    widget.live.stop()
    QThreadPool.globalInstance().waitForDone(10_000)


@pytest.mark.translation("feedback")
def test_the_supervisor_sees_a_confidential_reporter_after_giving_a_reason(
    qtbot, panel: ComplaintsPanel, site_db: Database
) -> None:
    # Given the list, newest first: the confidential complaint, then the named one
    assert panel.reveal_button.text() == "Identitas pelapor…"
    secret = next(r for r, c in enumerate(panel.rows) if c.identity == "confidential")
    named = 1 - secret
    panel.table.selectRow(named)
    assert not panel.reveal_button.isEnabled()  # a named reporter is no secret
    assert "Budi Santoso" in panel.detail.text()  # and showing them is logged as a view, once
    panel.reload()
    qtbot.waitUntil(lambda: bool(panel.rows), timeout=5000)
    seen = privacy.who_read(site_db, username="kepala")
    assert [(e.action, e.record_kind, e.subject) for e in seen] == [("view", "complaint", "B. S.")]
    panel.table.selectRow(secret)
    assert panel.reveal_button.isEnabled()
    assert "Siti" not in panel.detail.text()
    # When the supervisor asks without a real reason
    qtbot.mouseClick(panel.reveal_button, LEFT)
    dialog = panel.findChild(RevealReporterDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.reason, "cek")
    qtbot.mouseClick(dialog.show_button, LEFT)
    # Then the dialog refuses in Indonesian and shows nothing
    assert "minimal 10 karakter" in dialog.message.text() and dialog.identity.text() == ""
    # When the reason is given
    dialog.reason.clear()
    qtbot.keyClicks(dialog.reason, "Menelepon pelapor soal jawaban")
    qtbot.mouseClick(dialog.show_button, LEFT)
    # Then the identity is shown in the dialog, and the request is in the audit and access logs
    assert dialog.identity.text() == "Nama: Siti Aminah\nNomor HP: +6281277889900\nEmail: -"
    assert not dialog.show_button.isEnabled()
    with site_db.read() as s:
        audit = s.scalars(select(AuditEntry).where(AuditEntry.action == "complaint.identity_revealed")).one()
    assert (audit.username, audit.details["reason"]) == ("kepala", "Menelepon pelapor soal jawaban")
    assert privacy.who_read(site_db, username="kepala")[0].action == "reveal"
