"""The committed API contract ``docs/api/openapi.json``, generated from the app."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def openapi_document() -> dict[str, Any]:
    from p4_desk.central.api import create_app

    return create_app("sqlite://", admin_token="").openapi()


def openapi_text() -> str:
    return json.dumps(openapi_document(), indent=2, ensure_ascii=False) + "\n"


def write_openapi(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(openapi_text(), encoding="utf-8")
