"""Where the shipped resources (icons, voice clips, translations, theme) are.

From a source checkout they are in the top-level ``resources/`` folder; in a PyInstaller bundle
under ``sys._MEIPASS/resources``; ``P4_DESK_RESOURCES`` overrides both.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def resources_dir() -> Path:
    override = os.environ.get("P4_DESK_RESOURCES")
    if override:
        return Path(override)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
