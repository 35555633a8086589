"""Sites, one-time enrolment codes and bearer tokens.

Codes and tokens are stored as sha256 hashes only: both are high-entropy random
strings, so a slow password hash would add nothing. Nothing here logs a secret.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from p4_desk.central.models import Site
from p4_desk.errors import AlreadyExists, AuthError, NotFound, ValidationError

#: no 0/O, 1/I/L: an officer reads the code over the phone or types it from paper
ENROLMENT_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
SITE_CODE_PATTERN = re.compile(r"^[A-Z0-9][A-Z0-9_-]{0,31}$")


@dataclass(frozen=True)
class SiteInfo:
    code: str
    name: str
    created_at: datetime
    enrolled: bool
    enrolment_pending: bool
    revoked_at: datetime | None


def secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def new_enrolment_code() -> str:
    """Three groups of four characters, e.g. ``K7QM-3XHD-9PRT`` (about 59 bits)."""
    groups = ("".join(secrets.choice(ENROLMENT_ALPHABET) for _ in range(4)) for _ in range(3))
    return "-".join(groups)


def normalise_enrolment_code(code: str) -> str:
    """Accept lower case, spaces and missing dashes as typed by a person."""
    compact = re.sub(r"[\s-]", "", code).upper()
    return "-".join(compact[i : i + 4] for i in range(0, len(compact), 4))


def add_site(session: Session, code: str, name: str) -> str:
    """Create a site and return its one-time enrolment code (shown once, stored hashed)."""
    if not SITE_CODE_PATTERN.match(code):
        raise ValidationError(
            "Kode situs hanya boleh huruf besar, angka, '-' dan '_' (maks. 32 karakter).",
            field="code",
        )
    if not name.strip():
        raise ValidationError("Nama situs wajib diisi.", field="name")
    if session.get(Site, code) is not None:
        raise AlreadyExists(f"Situs {code} sudah terdaftar.")
    enrolment_code = new_enrolment_code()
    session.add(
        Site(
            code=code,
            name=name.strip(),
            created_at=datetime.now(UTC),
            enrolment_code_hash=secret_hash(enrolment_code),
        )
    )
    return enrolment_code


def list_sites(session: Session) -> list[SiteInfo]:
    return [
        SiteInfo(
            code=site.code,
            name=site.name,
            created_at=site.created_at,
            enrolled=site.token_hash is not None,
            enrolment_pending=site.enrolment_code_hash is not None,
            revoked_at=site.revoked_at,
        )
        for site in session.scalars(select(Site).order_by(Site.code))
    ]


def enrol(session: Session, site_code: str, enrolment_code: str) -> str:
    """Trade a pending enrolment code for a new bearer token; the code is spent.

    One conditional UPDATE does the check and the spending, so two simultaneous
    enrolments with the same code cannot both succeed. The new token replaces any
    earlier one of the site.
    """
    token = secrets.token_urlsafe(32)
    result = session.execute(
        update(Site)
        .where(
            Site.code == site_code,
            Site.enrolment_code_hash == secret_hash(normalise_enrolment_code(enrolment_code)),
        )
        .values(
            enrolment_code_hash=None,
            token_hash=secret_hash(token),
            enrolled_at=datetime.now(UTC),
            revoked_at=None,
        )
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise AuthError("Kode situs atau kode pendaftaran salah, atau kode sudah dipakai.")
    return token


def site_of_token(session: Session, token: str) -> str | None:
    """The code of the site holding this (unrevoked) token, or None."""
    return session.scalar(select(Site.code).where(Site.token_hash == secret_hash(token)))


def revoke(session: Session, site_code: str) -> None:
    """Invalidate the site's token and any pending enrolment code."""
    site = _get(session, site_code)
    site.token_hash = None
    site.enrolment_code_hash = None
    site.revoked_at = datetime.now(UTC)


def reenrol(session: Session, site_code: str) -> str:
    """Issue a new one-time enrolment code; the current token stays valid until it is used."""
    site = _get(session, site_code)
    enrolment_code = new_enrolment_code()
    site.enrolment_code_hash = secret_hash(enrolment_code)
    return enrolment_code


def _get(session: Session, site_code: str) -> Site:
    site = session.get(Site, site_code)
    if site is None:
        raise NotFound(f"Situs {site_code} tidak terdaftar.")
    return site
