"""Voice calls on the display: one announcement at a time, in the order the calls came.

Each call goes into an :class:`AnnouncementQueue` (never deduplicated: a recall is said
again). The next announcement is rendered to a WAV file on a worker thread and played with
``QSoundEffect``; or, when ``voice.tts`` is on and an Indonesian (id-ID) voice exists, the
chime clip is played and the sentence said by ``QTextToSpeech``. No sound card, no audio
server, or QtMultimedia that will not import: the board goes on silently and the reason is
logged once; a voice problem never stops the board. A watchdog ends an announcement that
never reports its end, so the queue cannot stall.
"""

from __future__ import annotations

import itertools
import logging
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, QUrl, Signal

from p4_desk.config import Settings
from p4_desk.gui.common.tasks import run_task
from p4_desk.voice import CHIME, SAMPLE_RATE, Announcement, AnnouncementQueue, ClipLibrary, write_wav
from p4_desk.voice.kiosk import Phrase
from p4_desk.voice.names import cache_dir as names_cache_dir

log = logging.getLogger(__name__)

WATCHDOG_SLACK_MS = 3000
TTS_WATCHDOG_MS = 15000


class Announcer(QObject):
    """Queues calls and plays them; ``audio`` is ``"auto"`` or ``"none"`` (silent)."""

    queued = Signal(object)  # Announcement: a call entered the queue
    started = Signal(object)  # Announcement: it is being played (or would be, when silent)
    finished = Signal(object)  # Announcement: it is over (played, silent or failed)

    def __init__(self, settings: Settings, parent: QObject | None = None, *, audio: str = "auto") -> None:
        super().__init__(parent)
        self.queue = AnnouncementQueue()
        self.enabled = bool(settings.get("voice.enabled"))
        self.volume = min(1.0, max(0.0, float(settings.get("voice.volume"))))
        clips_dir = str(settings.get("voice.clips_dir") or "")
        # a site's recordings, then the names espeak-ng rendered (``voice.names``), then the set
        self.library = ClipLibrary.for_site(Path(clips_dir) if clips_dir else None, names_cache_dir())
        self._folder = tempfile.TemporaryDirectory(prefix="p4-voice-")
        self._names = itertools.count(1)
        self._watchdog = QTimer(self, singleShot=True)
        self._watchdog.timeout.connect(self._played)
        self._current: Announcement | Phrase | None = None
        self._text_after_chime: str | None = None
        self.silent_reason: str | None = None
        self._effect: Any = None
        self._tts: Any = None
        if not self.enabled:
            self.silent_reason = "voice disabled in settings"
        elif audio == "none":
            self.silent_reason = "audio output switched off"
        else:
            self._effect, reason = _sound_effect(self)
            if settings.get("voice.tts"):
                self._tts = _indonesian_tts(self)
            if self._tts is None:
                self.silent_reason = reason
        if self.silent_reason:
            log.warning("display announcements are silent: %s", self.silent_reason)
        if self._effect is not None:
            self._effect.playingChanged.connect(self._on_playing_changed)
            self._effect.statusChanged.connect(self._on_status_changed)
        if self._tts is not None:
            self._tts.setVolume(self.volume)
            self._tts.stateChanged.connect(self._on_tts_state)

    @property
    def silent(self) -> bool:
        return self._effect is None and self._tts is None

    @property
    def mode(self) -> str:
        """``tts`` (Indonesian text-to-speech), ``clips`` (recorded voice) or ``silent``."""
        return "tts" if self._tts is not None else "clips" if self._effect is not None else "silent"

    def announce(self, announcement: Announcement | Phrase) -> None:
        self.queue.push(announcement)  # type: ignore[arg-type]
        self.queued.emit(announcement)
        self._pump()

    def say_now(self, phrase: Phrase) -> None:
        """The kiosk's voice: what the citizen did last matters, so the rest is dropped."""
        self.queue.clear()
        if self._current is not None:
            if self._effect is not None:
                self._effect.stop()
            if self._tts is not None:
                self._tts.stop()
            self._finish_current()
        self.announce(phrase)

    def close(self) -> None:
        self.queue.clear()
        self._watchdog.stop()
        if self._effect is not None:
            self._effect.stop()
        self._folder.cleanup()

    # --- playing ---------------------------------------------------------------------------

    def _pump(self) -> None:
        announcement = self.queue.next()
        if announcement is None:
            return
        self._current = announcement
        self.started.emit(announcement)
        try:
            words, text = announcement.words(), announcement.text()
        except ValueError as exc:  # e.g. a counter named with characters that cannot be spoken
            log.warning("announcement cannot be spoken: %s", exc)
            QTimer.singleShot(0, self._finish_current)
            return
        if self.silent:
            QTimer.singleShot(0, self._finish_current)
        elif isinstance(announcement, Phrase) and self._tts is None:
            # a kiosk phrase: the names a site has not recorded are left out
            words = [word for word in words if self.library.path_for(word) is not None]
            if not words:
                QTimer.singleShot(0, self._finish_current)
                return
            path = Path(self._folder.name) / f"say-{next(self._names) % 4}.wav"
            said = announcement

            def rendered(done: Path) -> None:
                if self._current is said:  # not interrupted meanwhile
                    self._play_file(done)

            def failed(exc: BaseException) -> None:
                if self._current is said:
                    self._render_failed(exc)

            run_task(self, lambda: write_wav(path, words, self.library, volume=self.volume), rendered, failed)
        elif self._tts is not None:
            chime = self.library.path_for(CHIME) if self._effect is not None else None
            if isinstance(announcement, Phrase):
                chime = None
            if chime is None:
                self._say(text)
            else:  # the chime first, as with recorded clips; the text when it has played
                self._text_after_chime = text
                self._play_file(chime, self.volume)
        else:
            path = Path(self._folder.name) / f"call-{next(self._names) % 4}.wav"
            run_task(
                self,
                lambda: write_wav(path, words, self.library, volume=self.volume),
                self._play_file,
                self._render_failed,
            )

    def _say(self, text: str) -> None:
        self._watchdog.start(TTS_WATCHDOG_MS)
        self._tts.say(text)

    def _play_file(self, path: Path, volume: float = 1.0) -> None:
        """Play a WAV file; rendered announcements carry the volume in their samples."""
        frames = (path.stat().st_size - 44) // 2  # an estimate for the watchdog: 16-bit samples
        self._watchdog.start(int(frames * 1000 / SAMPLE_RATE) + WATCHDOG_SLACK_MS)
        self._effect.setVolume(volume)
        self._effect.setSource(QUrl.fromLocalFile(str(path)))
        self._effect.play()

    def _render_failed(self, exc: BaseException) -> None:
        log.error("announcement could not be rendered: %s", exc)
        self._finish_current()

    def _on_playing_changed(self) -> None:
        if not self._effect.isPlaying() and self._effect.status().name != "Loading":
            self._played()

    def _played(self) -> None:
        text, self._text_after_chime = self._text_after_chime, None
        if text is not None and self._current is not None:
            self._say(text)
        else:
            self._finish_current()

    def _on_status_changed(self) -> None:
        if self._effect.status().name == "Error":
            log.warning("announcement could not be played (audio output?): %s", self._effect.source())
            self._played()  # a chime that cannot play does not keep the text from being said

    def _on_tts_state(self, state: Any) -> None:
        if getattr(state, "name", "") in ("Ready", "Error"):
            self._finish_current()

    def _finish_current(self) -> None:
        if self._current is None:
            return
        done, self._current = self._current, None
        self._text_after_chime = None
        self._watchdog.stop()
        self.queue.done()
        self.finished.emit(done)
        QTimer.singleShot(0, self._pump)


def _sound_effect(parent: QObject) -> tuple[Any, str | None]:
    """A QSoundEffect on the default output, or ``(None, reason)``."""
    try:
        from PySide6.QtMultimedia import QMediaDevices, QSoundEffect
    except ImportError as exc:  # e.g. libpulse0 missing on Linux
        return None, f"QtMultimedia unavailable ({exc})"
    try:
        device = QMediaDevices.defaultAudioOutput()
        if device.isNull():
            return None, "no audio output device"
        return QSoundEffect(device, parent), None
    except Exception as exc:  # a broken audio backend must not stop the board
        return None, f"audio output failed ({exc})"


def _indonesian_tts(parent: QObject) -> Any:
    """A QTextToSpeech engine speaking Indonesian, or None (then recorded clips are used)."""
    try:
        from PySide6.QtCore import QLocale
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError as exc:
        log.warning("text-to-speech unavailable (%s); using recorded clips", exc)
        return None
    try:
        engine = QTextToSpeech(parent)
        indonesian = [
            loc for loc in engine.availableLocales() if loc.language() == QLocale.Language.Indonesian
        ]
        if not indonesian:
            log.warning("no id-ID text-to-speech voice on this computer; using recorded clips")
            engine.deleteLater()
            return None
        engine.setLocale(indonesian[0])
        return engine
    except Exception as exc:
        log.warning("text-to-speech failed (%s); using recorded clips", exc)
        return None
