"""Qt lookups the Qt-free self-test plugs in: OS printers (QtPrintSupport), audio outputs and the
QtMultimedia backend the display board plays its calls with.

``qt_probes()`` also takes over Qt's message output for the rest of the process: QtMultimedia
announces itself on stderr (FFmpeg version, PulseAudio connection attempts) before a single
check is printed; those lines go to the log file instead, and the backend Qt loaded is read from
them (``qt.multimedia.plugin``: there is no public API naming it).
"""

from __future__ import annotations

import logging
import re
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QLoggingCategory, QUrl, qInstallMessageHandler

from p4_desk.services.selftest import MultimediaStatus, Probes, lpstat_or_windows_printer

log = logging.getLogger(__name__)
_LOADING = re.compile(r'Loading media backend "([^"]+)"')
CLIP_TIMEOUT_S = 5.0


class _QtMessages:
    """Qt's messages while probing: kept for the backend name, logged, never printed."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def __call__(self, mode: Any, context: Any, message: str) -> None:
        self.lines.append(message)
        log.debug("Qt (%s): %s", getattr(context, "category", "?"), message)

    def backend(self) -> str | None:
        for line in self.lines:
            found = _LOADING.search(line)
            if found:
                return found.group(1)
        return None


_messages: _QtMessages | None = None


def _ensure_app() -> None:
    # QPrinterInfo and QMediaDevices need an application object; the CLI has none.
    if QCoreApplication.instance() is None:
        QCoreApplication([])


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
    from PySide6.QtMultimedia import QMediaDevices

    _ensure_app()
    return [device.description() for device in QMediaDevices.audioOutputs()]


def qt_multimedia(clip: Path) -> MultimediaStatus:
    """Start QtMultimedia as the display does and make ``clip`` ready to play on the default output."""
    from PySide6.QtMultimedia import QMediaDevices, QMediaPlayer, QSoundEffect

    _ensure_app()
    player = QMediaPlayer()  # loads the backend plugin when nothing did yet
    backend = _messages.backend() if _messages is not None else None
    if not player.isAvailable():
        return MultimediaStatus(backend=None, clip_ready=False)
    device = QMediaDevices.defaultAudioOutput()
    if device.isNull():
        return MultimediaStatus(backend or "?", False, "tidak ada perangkat keluaran suara")
    effect = QSoundEffect(device)  # what gui/display/announcer.py plays every call with
    effect.setSource(QUrl.fromLocalFile(str(clip)))
    app = QCoreApplication.instance()
    deadline = time.monotonic() + CLIP_TIMEOUT_S
    waiting = (QSoundEffect.Status.Null, QSoundEffect.Status.Loading)
    while effect.status() in waiting and time.monotonic() < deadline and app is not None:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    ready = effect.status() == QSoundEffect.Status.Ready
    detail = "" if ready else f"{clip.name} tidak dapat disiapkan untuk {device.description()}"
    return MultimediaStatus(backend or "?", ready, detail)


def qt_probes() -> Probes:
    global _messages
    if _messages is None:
        # before QtMultimedia starts: only the plugin loader speaks, and only to us
        QLoggingCategory.setFilterRules("qt.multimedia.*=false\nqt.multimedia.plugin.debug=true")
        _messages = _QtMessages()
        qInstallMessageHandler(_messages)  # kept to the end of the (CLI) process: see the docstring
    return Probes(os_printer=qt_printer, audio_outputs=qt_audio_outputs, multimedia=qt_multimedia)
