"""A permit type to apply for, and an application taken in and brought to *ready* (built through
the real services), for the tests that need one to work on.

``add_sip(db)``: agency DPMPTSP with permit type SIP (3 working days, one mandatory document:
the KTP-el); ``sip_request()``: an intake of it, by default Siti Aminah's, her KTP-el handed in;
``make_ready(db, number, actor)``: the application through every status up to *ready*, so it can
be handed over.
"""

from __future__ import annotations

from typing import Any

from p4_desk.services import applications, catalog, permits
from p4_desk.services.applications import DocumentInput, IntakeRequest
from p4_desk.services.permits import Requirement
from p4_desk.store.db import Database
from p4_desk.store.journal import Actor

SITI_NIK = "1871015708900003"  # Kota Bandar Lampung, born 17 August 1990 (female: day + 40)
#: the statuses from intake to ready, in order
TO_READY = ("verifying", "processing", "approved", "ready")


def add_sip(
    db: Database,
    *,
    name: str = "Surat Izin Praktik Bidan",
    working_days: int = 3,
    ktp: str = "Fotokopi KTP-el",
) -> None:
    """Agency DPMPTSP and its permit type SIP, whose one mandatory document is the KTP-el (``ktp``)."""
    catalog.add_agency(db, "DPMPTSP", "Dinas Penanaman Modal dan PTSP")
    permits.add_permit_type(
        db, "SIP", name, "DPMPTSP", working_days=working_days, requirements=[Requirement("KTP", ktp)]
    )


def sip_request(**fields: Any) -> IntakeRequest:
    """Siti Aminah applies for SIP with her KTP-el; ``fields`` change any part (``nik=``, ``ticket=``...)."""
    given: dict[str, Any] = dict(
        nik=SITI_NIK, name="Siti Aminah", phone="081277889900", address="Jl. Teuku Umar No. 12, Kedaton",
        permit_type="SIP", documents=(DocumentInput("KTP", True),),
    )  # fmt: skip
    return IntakeRequest(**{**given, **fields})


def make_ready(db: Database, number: str, actor: Actor, note: str = "") -> None:
    """Move application ``number`` through every status up to *ready* (each step noted ``note``)."""
    for state in TO_READY:
        applications.change_state(db, number, state, note, actor)
