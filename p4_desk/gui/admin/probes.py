"""Qt lookups the Qt-free self-test plugs in: OS printers (QtPrintSupport), audio outputs and the
sound path the display board plays its calls with (QtMultimedia).

QtMultimedia announces itself on stderr (FFmpeg version, PulseAudio connection attempts) before
a single check is printed. While the audio probes run, the process's stderr (file descriptor 2)
goes to a temporary file instead; its lines go to the log file, and the backends Qt used are
read from them (there is no public API naming them). Not a Python message handler: QtMultimedia
logs from its own audio threads while the main thread waits for them, and a handler that needs
Python's interpreter lock there deadlocks the process.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QLoggingCategory, QTimer, QUrl

from p4_desk.services.selftest import MultimediaStatus, Probes, lpstat_or_windows_printer

log = logging.getLogger(__name__)
_LOADING = re.compile(r'Loading (?:media|alternative) backend "([^"]+)"')
# the audio engines QtMultimedia logs under (QSoundEffect plays through one of them)
_AUDIO = re.compile(r"qt\.multimedia\.(pulseaudio|pipewire|alsa|wasapi|windows|darwin|coreaudio)\b")
CLIP_TIMEOUT_S = 5.0  # a limit, not a measurement

_qt_output: list[str] = []  # what Qt wrote while the probes ran
_app: QCoreApplication | None = None


def _ensure_app() -> None:
    # QPrinterInfo and QMediaDevices need an application object; the CLI has none.
    global _app
    if QCoreApplication.instance() is None:
        _app = QCoreApplication([])


@contextlib.contextmanager
def _qt_output_to_log() -> Iterator[None]:
    """Qt's multimedia messages during the block: into ``_qt_output`` and the log, not the screen."""
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError, AttributeError):  # no stderr at all (a windowed program)
        yield
        return
    QLoggingCategory.setFilterRules("qt.multimedia.*=true")
    with tempfile.TemporaryFile() as sink:
        os.dup2(sink.fileno(), 2)
        try:
            yield
        finally:
            QLoggingCategory.setFilterRules("qt.multimedia.*=false")
            sys.stderr.flush()
            os.dup2(saved, 2)
            os.close(saved)
            sink.seek(0)
            text = sink.read().decode("utf-8", errors="replace")
            _qt_output.append(text)
            for line in text.splitlines():
                log.debug("Qt: %s", line)


def _found(pattern: re.Pattern[str]) -> str | None:
    match = pattern.search("\n".join(_qt_output))
    return match.group(1) if match else None


def qt_printer(name: str) -> bool | None:
    try:
        from PySide6.QtPrintSupport import QPrinterInfo
    except ImportError:
        return lpstat_or_windows_printer(name)
    _ensure_app()
    names = QPrinterInfo.availablePrinterNames()
    if not names:  # no print system at all (offscreen, minimal containers): ask the OS
        return lpstat_or_windows_printer(name)
    return name in names


def qt_audio_outputs() -> list[str]:
    _ensure_app()
    with _qt_output_to_log():
        from PySide6.QtMultimedia import QMediaDevices  # loading it already speaks

        return [device.description() for device in QMediaDevices.audioOutputs()]


def qt_multimedia(clip: Path) -> MultimediaStatus:
    """Play ``clip`` as the display board does: a QSoundEffect on the default audio output."""
    _ensure_app()
    with _qt_output_to_log():
        played, device, detail, plugin = _play(clip)
    return MultimediaStatus(
        audio=_found(_AUDIO),
        played=played,
        device=device,
        media_plugin=_found(_LOADING) if plugin else None,
        detail=detail,
    )


def _play(clip: Path) -> tuple[bool, str, str, bool]:
    """(played, device, why not, whether a media backend plugin is loaded)."""
    from PySide6.QtMultimedia import QMediaDevices, QMediaPlayer, QSoundEffect

    plugin = QMediaPlayer().isAvailable()  # the media backend (QSoundEffect does not need one)
    device = QMediaDevices.defaultAudioOutput()
    if device.isNull():
        return False, "", "tidak ada perangkat keluaran suara", plugin
    name = device.description()
    effect = QSoundEffect(device)  # what gui/display/announcer.py plays every call with
    effect.setVolume(0.0)  # heard by nobody: a check, not an announcement
    effect.setSource(QUrl.fromLocalFile(str(clip)))
    loop = QEventLoop()
    effect.statusChanged.connect(loop.quit)
    effect.playingChanged.connect(loop.quit)
    QTimer.singleShot(int(CLIP_TIMEOUT_S * 1000), loop.quit)
    if effect.status() in (QSoundEffect.Status.Null, QSoundEffect.Status.Loading):
        loop.exec()
    if effect.status() != QSoundEffect.Status.Ready:
        return False, name, f"{clip.name} tidak dapat disiapkan untuk {name}", plugin
    effect.play()
    if not effect.isPlaying():
        QTimer.singleShot(int(CLIP_TIMEOUT_S * 1000), loop.quit)
        loop.exec()
    played = effect.isPlaying()
    effect.stop()
    return played, name, "" if played else f"{clip.name} tidak mulai diputar di {name}", plugin


def qt_probes() -> Probes:
    return Probes(os_printer=qt_printer, audio_outputs=qt_audio_outputs, multimedia=qt_multimedia)
