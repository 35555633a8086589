"""Province staff accounts and their logins, for the ``/provinsi`` pages.

*Decided* (issue 18): province staff log in with their own user name and password (argon2, as
the halls' officers do), not with a shared token: each person can be added and disabled alone
(``p4-desk central province-staff add|list|disable``), a browser keeps a session cookie rather
than a secret one must paste, and a leaver's access ends without changing anyone else's. The
cookie holds a random token (the database keeps only its sha256) for ``SESSION_HOURS``; it is
``HttpOnly``, ``SameSite=Strict`` and ``Secure`` behind HTTPS. Automation keeps using the admin
token (Bearer), as for ``/api/v1/stats/summary``.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from p4_desk.central.models import ProvinceSession, ProvinceStaff
from p4_desk.errors import AlreadyExists, AuthError, NotFound, ValidationError

SESSION_HOURS = 8
MIN_PASSWORD = 10
USERNAME = re.compile(r"^[a-z0-9._-]{3,64}$")
_hasher = PasswordHasher()
#: verified against when the user name is unknown, so both answers take as long
_DUMMY_HASH = _hasher.hash("tidak-ada-pengguna-ini")


@dataclass(frozen=True)
class StaffInfo:
    username: str
    full_name: str
    active: bool
    created_at: datetime


def add_staff(session: Session, username: str, full_name: str, password: str) -> StaffInfo:
    username = username.strip().lower()
    if not USERNAME.fullmatch(username):
        raise ValidationError(
            "Nama pengguna 3–64 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung.",
            field="username",
        )
    if not full_name.strip():
        raise ValidationError("Nama lengkap wajib diisi.", field="full_name")
    if len(password) < MIN_PASSWORD:
        raise ValidationError(f"Kata sandi minimal {MIN_PASSWORD} karakter.", field="password")
    if session.get(ProvinceStaff, username) is not None:
        raise AlreadyExists(f"Pengguna provinsi '{username}' sudah ada.", field="username")
    row = ProvinceStaff(
        username=username,
        full_name=full_name.strip(),
        password_hash=_hasher.hash(password),
        created_at=datetime.now(UTC),
        disabled_at=None,
    )
    session.add(row)
    session.flush()
    return _info(row)


def list_staff(session: Session) -> list[StaffInfo]:
    return [_info(row) for row in session.scalars(select(ProvinceStaff).order_by(ProvinceStaff.username))]


def disable_staff(session: Session, username: str) -> None:
    row = session.get(ProvinceStaff, username.strip().lower())
    if row is None:
        raise NotFound(f"Pengguna provinsi '{username}' tidak ditemukan.", field="username")
    row.disabled_at = row.disabled_at or datetime.now(UTC)
    session.execute(delete(ProvinceSession).where(ProvinceSession.username == row.username))


def log_in(session: Session, username: str, password: str) -> str:
    """A new session token for a right user name and password (``AuthError`` otherwise)."""
    row = session.get(ProvinceStaff, username.strip().lower())
    try:
        _hasher.verify(row.password_hash if row else _DUMMY_HASH, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        row = None
    if row is None or row.disabled_at is not None:
        raise AuthError("Nama pengguna atau kata sandi salah.")
    token = secrets.token_urlsafe(32)
    now = datetime.now(UTC)
    session.execute(delete(ProvinceSession).where(ProvinceSession.expires_at < now))
    session.add(
        ProvinceSession(
            token_hash=_digest(token),
            username=row.username,
            created_at=now,
            expires_at=now + timedelta(hours=SESSION_HOURS),
        )
    )
    return token


def staff_of_session(session: Session, token: str | None) -> StaffInfo | None:
    if not token or len(token) > 100:
        return None
    found = session.get(ProvinceSession, _digest(token))
    if found is None or found.expires_at <= datetime.now(UTC):
        return None
    row = session.get(ProvinceStaff, found.username)
    return _info(row) if row is not None and row.disabled_at is None else None


def log_out(session: Session, token: str | None) -> None:
    if token:
        session.execute(delete(ProvinceSession).where(ProvinceSession.token_hash == _digest(token)))


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _info(row: ProvinceStaff) -> StaffInfo:
    return StaffInfo(row.username, row.full_name, row.disabled_at is None, row.created_at)
