"""Agency and service names in the recorded voice: clips rendered by espeak-ng (``-v id``).

The shipped voice set cannot hold a hall's own names, so the kiosk's clip voice said only
"pilihan tiga". This adapter renders ``instansi_<code>.wav`` / ``layanan_<code>.wav`` with the
Indonesian espeak-ng voice into a cache folder (``data_dir()/voice-names``), once per name: a
clip is rendered again only when the name it says changed (its text is kept beside it). A
site's own recording of a name (``voice.clips_dir``) is searched first and always wins.

espeak-ng is the one external program here (Debian ``espeak-ng``; on Windows the installer
from its project puts ``espeak-ng.exe`` on PATH). Without it, or when it fails, nothing is
rendered and the voice says the choice's number, as before; the reason is logged once.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from pathlib import Path

from p4_desk.config import data_dir

log = logging.getLogger(__name__)

ESPEAK_TIMEOUT_S = 20
WORDS_PER_MINUTE = 150  # a little slower than espeak's 175: names are heard once, standing


def cache_dir() -> Path:
    return data_dir() / "voice-names"


class NameVoice:
    """Renders name clips into ``folder`` (``cache_dir()`` by default) with ``program`` (found
    on PATH; ``None``: no renderer)."""

    def __init__(self, folder: Path | None = None, program: str | None = "espeak-ng") -> None:
        self.folder = folder or cache_dir()
        self.program = shutil.which(program) if program else None
        self._warned = False

    @property
    def available(self) -> bool:
        return self.program is not None

    def is_current(self, clip: str, text: str) -> bool:
        said = self.folder / f"{clip}.txt"
        return (self.folder / f"{clip}.wav").is_file() and said.is_file() and said.read_text("utf-8") == text

    def render(self, clip: str, text: str) -> Path | None:
        """``<clip>.wav`` saying ``text``; rendered only when missing or for another text."""
        wav = self.folder / f"{clip}.wav"
        if self.is_current(clip, text):
            return wav
        if self.program is None:
            self._warn("espeak-ng is not installed: agency and service names are not spoken")
            return None
        self.folder.mkdir(parents=True, exist_ok=True)
        handle, partial = tempfile.mkstemp(prefix=f".{clip}-", suffix=".wav", dir=self.folder)
        os.close(handle)
        command = [self.program, "-v", "id", "-s", str(WORDS_PER_MINUTE), "-w", partial, "--", text]
        try:
            subprocess.run(command, check=True, capture_output=True, timeout=ESPEAK_TIMEOUT_S)
            os.replace(partial, wav)  # a clip is whole or absent, never half-written
        except (OSError, subprocess.SubprocessError) as exc:
            Path(partial).unlink(missing_ok=True)
            self._warn(f"espeak-ng could not render {clip!r}: {exc}")
            return None
        (self.folder / f"{clip}.txt").write_text(text, "utf-8")
        return wav

    def render_all(self, names: Iterable[tuple[str, str]]) -> list[Path]:
        """Every ``(clip, text)`` not yet rendered for that text (a catalogue: off the UI thread)."""
        done = []
        for clip, text in names:
            path = self.render(clip, text)
            if path is None and self.program is None:
                break
            if path is not None:
                done.append(path)
        return done

    def _warn(self, message: str) -> None:
        if not self._warned:
            self._warned = True
            log.warning(message)
