"""The province's view of a hall's PEKPPP evidence (issue 18.3).

*Decided*: the hall sends its yearly pack's figures as one ``pekppp.summary`` event each time it
prints the pack (``p4-desk pekppp``); the province reads the latest one per site and year, exactly
as the hall printed it (with each figure's source and the "diisi manual" list). Recomputing it
here from the events would miss what events do not carry (the standards, the maklumat, the IKM
follow-ups), so the figures would disagree with the hall's paper.
"""

# no ``from __future__ import annotations``: FastAPI resolves the route's ``Depends(reader)`` at
# import, and ``reader`` is a local of the factory
import json
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from p4_desk.central.models import StoredEvent

EVENT_TYPE = "pekppp.summary"


def latest_summary(session: Session, site: str, year: int) -> dict[str, Any] | None:
    rows = session.scalars(
        select(StoredEvent)
        .where(StoredEvent.site == site, StoredEvent.type == EVENT_TYPE)
        .order_by(StoredEvent.occurred_at.desc(), StoredEvent.seq.desc())
    )
    for row in rows:
        payload = json.loads(row.payload)
        if payload.get("year") == year:
            return {"received_at": row.received_at.isoformat(), **payload}
    return None


def pekppp_router(sessions: sessionmaker[Session], reader: Callable[..., None]) -> APIRouter:
    router = APIRouter(tags=["province"])

    @router.get("/api/v1/province/sites/{site}/pekppp")
    def get_site_pekppp(
        site: Annotated[str, Path(max_length=32, pattern=r"^[A-Za-z0-9_-]+$")],
        year: Annotated[int, Query(ge=2000, le=2100)],
        _: Annotated[None, Depends(reader)],
    ) -> dict[str, Any]:
        """A hall's latest PEKPPP evidence figures for ``year``, as it printed them (a province
        staff login or the admin token)."""
        with sessions.begin() as session:
            summary = latest_summary(session, site, year)
        if summary is None:
            raise HTTPException(404, f"Situs {site} belum mengirim bukti PEKPPP tahun {year}.")
        return summary

    return router
