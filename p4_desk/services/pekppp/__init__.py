"""PEKPPP evidence (KemenPANRB's evaluation of public-service delivery): the yearly pack and the
records behind it that no queue row holds (IKM follow-ups, innovations)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from p4_desk.errors import ValidationError
from p4_desk.files import write_output
from p4_desk.printing.pekppp_pack import PekpppPack, render_pack_pdf, render_pack_xlsx
from p4_desk.services.pekppp.evidence import build_pack
from p4_desk.store.db import Database
from p4_desk.store.journal import SYSTEM, Actor, record

FORMATS = {".pdf": render_pack_pdf, ".xlsx": render_pack_xlsx}
EVENT_TYPE = "pekppp.summary"


def write_pack(
    db: Database,
    year: int,
    path: Path,
    *,
    write: Callable[[Path, bytes], Any] = write_output,
    actor: Actor = SYSTEM,
) -> PekpppPack:
    """Write the pack of ``year`` to ``path`` (``.pdf`` or ``.xlsx``) and send its figures to the
    province (one ``pekppp.summary`` event: the province's view is the hall's latest pack)."""
    render = FORMATS.get(path.suffix.lower())
    if render is None:
        raise ValidationError("Berkas bukti PEKPPP harus berakhiran .pdf atau .xlsx.", field="out")
    if not 2000 <= year <= 2100:
        raise ValidationError("Tahun harus antara 2000 dan 2100.", field="year")
    pack = build_pack(db, year)
    write(path, render(pack))  # whole or not at all (``files.write_output``)
    with db.write() as s:
        record(
            s,
            db,
            actor,
            "pekppp.pack",
            "site",
            pack.site_code,
            details={"year": year, "file": path.name},
            event_type=EVENT_TYPE,
            payload=pack.to_json(),
        )
    return pack


__all__ = ["EVENT_TYPE", "build_pack", "write_pack"]
