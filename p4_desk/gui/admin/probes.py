"""Qt lookups the Qt-free self-test plugs in: OS printers (QtPrintSupport), audio outputs."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from p4_desk.services.selftest import Probes, lpstat_or_windows_printer


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


def qt_probes() -> Probes:
    return Probes(os_printer=qt_printer, audio_outputs=qt_audio_outputs)
