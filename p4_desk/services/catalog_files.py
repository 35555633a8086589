"""The permit catalogue and the holiday list as JSON files (admin window and command line).

A file that cannot be read, is not JSON or has the wrong shape is refused with an Indonesian
message naming it (field ``file``), before anything is stored; the import itself is one
transaction (``permits.import_catalog`` / ``permits.import_holidays``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from p4_desk.domain.working_days import Holiday, holidays_from_json
from p4_desk.errors import ValidationError
from p4_desk.files import OutputRefused, read_json_file, write_output
from p4_desk.services import permits, standards
from p4_desk.services.permits import CatalogImportSummary
from p4_desk.store.db import Database
from p4_desk.store.journal import SYSTEM, Actor


def write_json_file(path: Path, data: Any) -> None:
    """``data`` as JSON, written whole (temporary file, then renamed) or not at all."""
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    try:
        write_output(path, text.encode("utf-8"))
    except OutputRefused as exc:
        raise ValidationError(exc.message, field="file") from None


def holidays_in_file(path: Path) -> list[Holiday]:
    """A holidays file is either the catalogue form (``{"holidays": [...]}``) or a bare list."""
    raw = read_json_file(path)
    rows = raw.get("holidays") if isinstance(raw, dict) else raw
    if not isinstance(rows, list):
        raise ValidationError("Berkas hari libur harus berisi daftar 'holidays'.", field="file")
    return holidays_from_json(rows)


def import_catalog_file(db: Database, path: Path, actor: Actor = SYSTEM) -> CatalogImportSummary:
    """The permit types and holidays, and the service standards and maklumat when the file has
    them (``service_standards``, ``maklumat``): all in one transaction, or nothing."""
    data = read_json_file(path)
    with db.write():
        summary = permits.import_catalog(db, data, actor)
        if isinstance(data, dict):
            standards.import_standards(db, data, actor)
    return summary


def export_catalog_file(db: Database, path: Path) -> int:
    """Write the catalogue (with the service standards and the maklumat) to ``path``; returns
    how many permit types it holds."""
    data = {**permits.export_catalog(db), **standards.standards_to_json(db)}
    write_json_file(path, data)
    return len(data["permit_types"])


def import_holidays_file(db: Database, path: Path, actor: Actor = SYSTEM) -> int:
    return permits.import_holidays(db, holidays_in_file(path), actor)
