"""What a self-test reports, and the probes a caller (GUI/CLI) plugs in for what needs Qt."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

DEFAULT_KEYRING_SERVICE = "p4-desk-sync"  # p4_desk.sync.credentials.SERVICE_NAME
MAX_CLOCK_DRIFT_SECONDS = 120
HTTP_TIMEOUT_SECONDS = 5.0
# An authenticated, read-only call: answers 401/403 when the site's token is not valid.
TOKEN_CHECK_PATH = "/api/v1/sites/{site}/application-updates?cursor=0"


@dataclass(frozen=True)
class CheckResult:
    name: str
    title: str  # Indonesian, shown to site IT
    required: bool
    ok: bool
    detail: str  # Indonesian
    skipped: bool = False

    @property
    def line(self) -> str:
        mark = (
            "LEWAT" if self.skipped else ("OK" if self.ok else ("GAGAL" if self.required else "PERINGATAN"))
        )
        need = "wajib" if self.required else "opsional"
        return f"[{mark:^10}] {self.title} ({need}): {self.detail}"


@dataclass(frozen=True)
class SelfTestReport:
    checks: tuple[CheckResult, ...]

    @property
    def passed(self) -> bool:
        return all(c.ok for c in self.checks if c.required)

    def to_json(self) -> dict[str, Any]:
        return {"passed": self.passed, "checks": [asdict(c) for c in self.checks]}

    def text(self) -> str:
        verdict = (
            "Semua pemeriksaan wajib lulus."
            if self.passed
            else "Ada pemeriksaan wajib yang gagal: workstation ini belum siap dipakai."
        )
        return "\n".join([*(c.line for c in self.checks), verdict])


def lpstat_or_windows_printer(name: str) -> bool | None:
    """Is the OS printer ``name`` installed? None when this machine cannot tell."""
    if sys.platform == "win32":
        import ctypes
        from ctypes import wintypes

        handle = wintypes.HANDLE()
        winspool = ctypes.WinDLL("winspool.drv")  # type: ignore[attr-defined,unused-ignore]
        if winspool.OpenPrinterW(name, ctypes.byref(handle), None):
            winspool.ClosePrinter(handle)
            return True
        return False
    lpstat = shutil.which("lpstat")
    if lpstat is None:
        return None
    result = subprocess.run([lpstat, "-p", name], capture_output=True, text=True, timeout=10)
    return result.returncode == 0


@dataclass(frozen=True)
class MultimediaStatus:
    """What the QtMultimedia probe found when it played a clip as the display board does."""

    audio: str | None  # the audio backend QSoundEffect went through ("pulseaudio", "pipewire", ...)
    played: bool  # a QSoundEffect on the default output loaded the clip and started playing it
    device: str = ""  # the output device
    media_plugin: str | None = None  # QtMultimedia's media backend plugin (QMediaPlayer), if any
    detail: str = ""  # Indonesian: why the clip was not played


@dataclass(frozen=True)
class Probes:
    """What the Qt-free self-test cannot look at itself; the GUI/CLI may plug in Qt lookups."""

    os_printer: Callable[[str], bool | None] = lpstat_or_windows_printer
    #: names of the audio output devices; None: not checked
    audio_outputs: Callable[[], list[str]] | None = None
    #: start QtMultimedia as the display does and play-ready the given clip; None: not checked
    multimedia: Callable[[Path], MultimediaStatus] | None = None
