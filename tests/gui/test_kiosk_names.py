"""The kiosk's clip voice says agency and service names: espeak-ng renders them (``-v id``)
into the cache once, the voice finds them there, and a renamed service is rendered again.

Real espeak-ng, real WAV files read back, the real kiosk widget driven by its keys.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from p4_desk.config import Settings
from p4_desk.gui.common.context import AppContext
from p4_desk.gui.kiosk.window import KioskWindow
from p4_desk.services import catalog
from p4_desk.services.screens.hall import kiosk_screen
from p4_desk.store.db import Database
from p4_desk.voice import SAMPLE_RATE
from p4_desk.voice.names import NameVoice
from p4_desk.voice.render import read_clip
from tests.support.sites import make_site

pytestmark = pytest.mark.translation("kiosk")


@pytest.fixture
def site(sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    if shutil.which("espeak-ng") is None:
        pytest.fail("espeak-ng (Debian package espeak-ng) renders the names")
    monkeypatch.setenv("P4_DESK_DATA_DIR", str(tmp_path / "data"))
    db = make_site(sqlite_url)
    yield db
    db.dispose()


def test_names_are_rendered_once_and_spoken_by_the_clip_voice(
    qtbot: QtBot, site: Database, tmp_path: Path, inline_tasks: None
) -> None:
    # Given a kiosk with the recorded (clip) voice on
    settings = Settings({"voice.enabled": True, "voice.tts": False}, path=tmp_path / "kiosk.toml")
    kiosk = KioskWindow(AppContext(db=site, settings=settings, role="kiosk"), audio="none")
    qtbot.addWidget(kiosk)
    kiosk.resize(1080, 1920)
    kiosk.show()
    qtbot.waitUntil(lambda: kiosk.snapshot is not None, timeout=5000)
    folder = tmp_path / "data" / "voice-names"

    # Then every agency and service of the catalogue has its clip, a second or so of speech
    for clip in ("instansi_dukcapil", "instansi_samsat", "layanan_ktp", "layanan_kk", "layanan_pkb"):
        samples = read_clip(folder / f"{clip}.wav")
        assert 0.3 * SAMPLE_RATE < len(samples) < 6 * SAMPLE_RATE, clip
        assert max(abs(s) for s in samples) > 2000, clip  # speech, not silence
    assert (folder / "instansi_dukcapil.txt").read_text("utf-8") == "Dinas Kependudukan dan Pencatatan Sipil"

    # When a citizen moves to the first agency with the keypad
    kiosk.activateWindow()
    qtbot.waitUntil(kiosk.isActiveWindow, timeout=2000)
    qtbot.keyClick(kiosk, Qt.Key.Key_Right)
    said = kiosk.access.said[-1]
    # Then the clip voice says the name after "pilihan satu", from the rendered clip
    library = kiosk.access.voice.library
    played = [word for word in said.words() if library.path_for(word) is not None]
    assert played == ["pilihan", "satu", "instansi_dukcapil"]
    assert library.path_for("instansi_dukcapil") == folder / "instansi_dukcapil.wav"

    # When nothing changed, a poll renders nothing again; a renamed service is rendered anew
    before = {p.name: p.stat().st_mtime_ns for p in folder.glob("*.wav")}
    kiosk._apply(kiosk_screen(site))
    assert {p.name: p.stat().st_mtime_ns for p in folder.glob("*.wav")} == before
    catalog.update_service(site, "KK", name="Kartu Keluarga Baru")
    kiosk._apply(kiosk_screen(site))
    assert (folder / "layanan_kk.txt").read_text("utf-8") == "Kartu Keluarga Baru"
    assert (folder / "layanan_kk.wav").stat().st_mtime_ns != before["layanan_kk.wav"]
    assert (folder / "layanan_ktp.wav").stat().st_mtime_ns == before["layanan_ktp.wav"]


def test_without_espeak_nothing_is_rendered_and_the_number_is_said(tmp_path: Path) -> None:
    voice = NameVoice(tmp_path / "names", program=None)
    assert voice.render_all([("layanan_ktp", "KTP-el")]) == []
    assert not (tmp_path / "names").exists()
    broken = NameVoice(tmp_path / "names", program="false")  # a renderer that fails
    assert broken.render("layanan_ktp", "KTP-el") is None
    assert list((tmp_path / "names").glob("*")) == []  # no half-written clip left behind
