"""Where the files P4 Desk needs at run time are, and which of them must be there.

They are package data of ``p4_desk.assets`` (icons, theme, compiled translations, voice clips),
found with ``importlib.resources``: the same lookup works from a source checkout, an installed
wheel and the PyInstaller bundle (which keeps the package layout under ``sys._MEIPASS``).
``P4_DESK_RESOURCES`` points elsewhere (a folder laid out like ``p4_desk/assets``).

What must ship is written down here, not discovered: ``missing_assets`` checks it for the
self-test, and a test keeps these lists equal to the files in the source tree.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from importlib.resources import files
from pathlib import Path

#: one compiled translation per area: ``translations/<area>_<language>.qm``; ``qtbase`` holds
#: Qt's own strings (standard buttons, file/print/input dialogs), which Qt ships no Indonesian for
TRANSLATION_AREAS = (
    "admin", "app", "counter", "display", "feedback", "intake", "kiosk", "supervisor", "qtbase",
)  # fmt: skip
#: languages shipped besides the English source strings
LANGUAGES = ("id",)
THEMES = ("light",)
#: ``icons/<name>.svg`` used by the windows (the counter's action bar)
ICONS = (
    "call-chosen",
    "call-next",
    "complaint",
    "finish",
    "intake",
    "lock",
    "no-show",
    "pause",
    "reactivate",
    "recall",
    "start",
    "transfer",
)
#: the first bytes of every compiled Qt translation (``QTranslator`` refuses a file without them)
QM_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")


def resources_dir() -> Path:
    override = os.environ.get("P4_DESK_RESOURCES")
    if override:
        return Path(override)
    return Path(str(files("p4_desk.assets")))


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def missing_assets(clips: Iterable[str], language: str = "id") -> list[str]:
    """Shipped files that are absent or unreadable, as paths relative to ``resources_dir()``.

    ``clips`` names the default voice set (the announcement vocabulary,
    ``voice.announcement.CLIP_VOCABULARY``: the caller passes it, since ``voice`` sits above this
    module in the layers); translations only for ``language`` (English needs none).
    """
    wanted = [f"theme/{name}.qss" for name in THEMES]
    wanted += [f"icons/{name}.svg" for name in ICONS]
    wanted += [f"voice/id/{name}.wav" for name in dict.fromkeys(clips)]
    qms = [f"translations/{area}_{language}.qm" for area in TRANSLATION_AREAS] if language != "en" else []
    missing = [name for name in wanted if not _non_empty(resource(name))]
    for name in qms:
        path = resource(name)
        try:
            with path.open("rb") as handle:
                intact = handle.read(len(QM_MAGIC)) == QM_MAGIC
        except OSError:
            intact = False
        if not intact:
            missing.append(name)
    return missing


def _non_empty(path: Path) -> bool:
    try:
        return path.stat().st_size > 0
    except OSError:
        return False
