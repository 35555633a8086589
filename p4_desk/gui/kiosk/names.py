"""The kiosk's agency and service names, rendered for the recorded voice (``voice.names``).

Whenever the catalogue the kiosk shows changes (its first poll, a service added or renamed),
the clips of names not rendered yet are made on a worker thread, a few at a time (a closed
kiosk stops after the batch in hand: nothing runs on long after it); the voice finds them in the
cache folder from then on ("Pilihan tiga, Kartu Keluarga" instead of "pilihan tiga"). Nothing
is rendered for a text-to-speech voice (it says the names itself) or with the voice off.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from p4_desk.gui.common.tasks import run_task
from p4_desk.voice.kiosk import name_clip
from p4_desk.voice.names import NameVoice

if TYPE_CHECKING:
    from p4_desk.gui.kiosk.window import KioskWindow
    from p4_desk.services.screens.hall import KioskScreen

log = logging.getLogger(__name__)

BATCH = 8  # names per task: a second or two of espeak-ng


class KioskNames(QObject):
    def __init__(self, kiosk: KioskWindow, voice: NameVoice | None = None) -> None:
        super().__init__(kiosk)
        settings = kiosk.ctx.settings
        self.wanted = bool(settings.get("voice.enabled")) and not settings.get("voice.tts")
        self.voice = voice or NameVoice()
        self.kiosk = kiosk
        self._rendered: set[tuple[str, str]] = set()
        self._todo: list[tuple[str, str]] = []
        self.rendering = False
        self.stopped = False

    def catalogue_shown(self, snapshot: KioskScreen) -> None:
        if not self.wanted or not self.voice.available or self.stopped:
            return
        names = {(name_clip("instansi", s.agency), s.agency_name) for s in snapshot.services}
        names |= {(name_clip("layanan", s.code), s.name) for s in snapshot.services}
        self._todo = sorted(names - self._rendered)
        if not self.rendering:
            self._next_batch()

    def stop(self) -> None:
        """The kiosk is closing: no batch after the one in hand."""
        self.stopped = True
        self._todo = []

    def _next_batch(self) -> None:
        if self.stopped or not self._todo:
            self.rendering = False
            return
        self.rendering = True
        batch, self._todo = self._todo[:BATCH], self._todo[BATCH:]
        run_task(self, lambda: self.voice.render_all(batch), lambda _done: self._done(batch), self._failed)

    def _done(self, batch: list[tuple[str, str]]) -> None:
        self._rendered.update(batch)
        self._next_batch()

    def _failed(self, exc: BaseException) -> None:
        self.rendering = False
        log.warning("kiosk name clips could not be rendered: %s", exc)
