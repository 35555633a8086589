"""Sites, one-time enrolment codes and bearer tokens.

Codes and tokens are stored as sha256 hashes only: both are high-entropy random
strings, so a slow password hash would add nothing. Nothing here logs a secret.
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from p4_desk.central.models import Site
from p4_desk.errors import AlreadyExists, AuthError, NotFound, ValidationError

#: no 0/O, 1/I/L: an officer reads the code over the phone or types it from paper
ENROLMENT_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
SITE_CODE_PATTERN = re.compile(r"^[A-Z0-9][A-Z0-9_-]{0,31}$")
#: how long a one-time enrolment code stays valid unless ``valid_days`` says otherwise
ENROLMENT_DAYS_ENV = "P4_CENTRAL_ENROLMENT_DAYS"
DEFAULT_ENROLMENT_DAYS = 7
MAX_ENROLMENT_DAYS = 90


@dataclass(frozen=True)
class SiteInfo:
    code: str
    name: str
    created_at: datetime
    enrolled: bool
    enrolment_pending: bool
    revoked_at: datetime | None
    enrolment_expires_at: datetime | None = None


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


def enrolment_days(valid_days: int | None = None) -> int:
    """Validity of a new enrolment code: ``valid_days``, else ``$P4_CENTRAL_ENROLMENT_DAYS``, else 7."""
    if valid_days is None:
        configured = os.environ.get(ENROLMENT_DAYS_ENV, "").strip()
        if not configured:
            return DEFAULT_ENROLMENT_DAYS
        if not configured.isdigit():
            raise ValidationError(f"${ENROLMENT_DAYS_ENV} harus bilangan bulat 1–{MAX_ENROLMENT_DAYS}.")
        valid_days = int(configured)
    if not 1 <= valid_days <= MAX_ENROLMENT_DAYS:
        raise ValidationError(f"Masa berlaku kode pendaftaran harus 1–{MAX_ENROLMENT_DAYS} hari.")
    return valid_days


def add_site(session: Session, code: str, name: str, *, valid_days: int | None = None) -> str:
    """Create a site and return its one-time enrolment code (shown once, stored hashed)."""
    days = enrolment_days(valid_days)
    if not SITE_CODE_PATTERN.match(code):
        raise ValidationError(
            "Kode situs hanya boleh huruf besar, angka, '-' dan '_' (maks. 32 karakter).",
            field="code",
        )
    if not name.strip() or len(name.strip()) > 200 or not storable_text(name):
        raise ValidationError(
            "Nama situs wajib diisi (1–200 karakter, tanpa karakter kendali).", field="name"
        )
    if session.get(Site, code) is not None:
        raise AlreadyExists(f"Situs {code} sudah terdaftar.")
    enrolment_code = new_enrolment_code()
    session.add(
        Site(
            code=code,
            name=name.strip(),
            created_at=datetime.now(UTC),
            enrolment_code_hash=secret_hash(enrolment_code),
            enrolment_expires_at=datetime.now(UTC) + timedelta(days=days),
        )
    )
    return enrolment_code


def storable_text(text: str) -> bool:
    """No control characters (NUL, bidi overrides) and nothing a database cannot store."""
    if any(
        ord(c) < 32 or 0x7F <= ord(c) < 0xA0 or 0x202A <= ord(c) <= 0x202E or 0x2066 <= ord(c) <= 0x2069
        for c in text
    ):
        return False
    try:
        text.encode()
    except UnicodeEncodeError:
        return False
    return True


def list_sites(session: Session) -> list[SiteInfo]:
    return [
        SiteInfo(
            code=site.code,
            name=site.name,
            created_at=site.created_at,
            enrolled=site.token_hash is not None,
            enrolment_pending=site.enrolment_code_hash is not None,
            revoked_at=site.revoked_at,
            enrolment_expires_at=site.enrolment_expires_at if site.enrolment_code_hash else None,
        )
        for site in session.scalars(select(Site).order_by(Site.code))
    ]


def enrol(session: Session, site_code: str, enrolment_code: str) -> str:
    """Trade a pending, unexpired enrolment code for a new bearer token; the code is spent.

    One conditional UPDATE does the check and the spending, so two simultaneous
    enrolments with the same code cannot both succeed. The new token replaces any
    earlier one of the site. A wrong, spent or expired code gets the same answer.
    """
    token = secrets.token_urlsafe(32)
    now = datetime.now(UTC)
    result = session.execute(
        update(Site)
        .where(
            Site.code == site_code,
            Site.enrolment_code_hash == secret_hash(normalise_enrolment_code(enrolment_code)),
            Site.enrolment_expires_at > now,
        )
        .values(
            enrolment_code_hash=None,
            enrolment_expires_at=None,
            token_hash=secret_hash(token),
            enrolled_at=datetime.now(UTC),
            revoked_at=None,
        )
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise AuthError(
            "Kode situs atau kode pendaftaran salah, kode sudah dipakai, atau masa berlakunya habis "
            "(minta kode baru kepada admin provinsi)."
        )
    return token


def site_of_token(session: Session, token: str) -> str | None:
    """The code of the site holding this (unrevoked) token, or None."""
    return session.scalar(select(Site.code).where(Site.token_hash == secret_hash(token)))


def revoke(session: Session, site_code: str) -> None:
    """Invalidate the site's token and any pending enrolment code."""
    site = _get(session, site_code)
    site.token_hash = None
    site.enrolment_code_hash = None
    site.enrolment_expires_at = None
    site.revoked_at = datetime.now(UTC)


def reenrol(session: Session, site_code: str, *, valid_days: int | None = None) -> str:
    """Issue a new one-time enrolment code; the current token stays valid until it is used."""
    days = enrolment_days(valid_days)
    site = _get(session, site_code)
    enrolment_code = new_enrolment_code()
    site.enrolment_code_hash = secret_hash(enrolment_code)
    site.enrolment_expires_at = datetime.now(UTC) + timedelta(days=days)
    return enrolment_code


def _get(session: Session, site_code: str) -> Site:
    site = session.get(Site, site_code)
    if site is None:
        raise NotFound(f"Situs {site_code} tidak terdaftar.")
    return site
