"""Users, roles, passwords (argon2) and lockout after repeated failures."""

from __future__ import annotations

import contextlib
import math
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import select
from sqlalchemy.orm import Session

from p4_desk.domain.text import clean_text
from p4_desk.domain.wording import format_minutes
from p4_desk.errors import AccountLocked, AlreadyExists, AuthError, NotFound, ValidationError
from p4_desk.services import site as site_service
from p4_desk.store.db import Database
from p4_desk.store.journal import SYSTEM, Actor, record
from p4_desk.store.models import User

ROLES = {"operator": "Petugas loket", "supervisor": "Supervisor", "admin": "Admin"}
MIN_PASSWORD_LENGTH = 8
_hasher = PasswordHasher()


@dataclass(frozen=True)
class UserInfo:
    id: int
    username: str
    full_name: str
    role: str
    active: bool
    locked_until: datetime | None

    @property
    def actor(self) -> Actor:
        return Actor(user_id=self.id, username=self.username)


def _info(u: User) -> UserInfo:
    return UserInfo(u.id, u.username, u.full_name, u.role, u.active, u.locked_until)


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(f"Kata sandi minimal {MIN_PASSWORD_LENGTH} karakter.", field="password")


# The first admin of a site holds every key: a stricter rule than for other accounts.
FIRST_ADMIN_MIN_LENGTH = 10
_COMMON_PASSWORDS = frozenset(
    {"1234567890", "0123456789", "password123", "passw0rd123", "qwertyuiop", "admin12345",
     "administrator", "rahasia123", "katasandi123", "indonesia123", "bismillah123", "p4desk123"}
)  # fmt: skip


def first_admin_password_problem(password: str, username: str) -> str | None:
    """Why ``password`` is too weak for the site's first admin (Indonesian), or None."""
    if not password.strip():
        return "Kata sandi admin tidak boleh kosong."
    if len(password) < FIRST_ADMIN_MIN_LENGTH:
        return f"Kata sandi admin minimal {FIRST_ADMIN_MIN_LENGTH} karakter."
    lowered = password.lower()
    if username and username.lower() in lowered:
        return "Kata sandi admin tidak boleh memuat nama pengguna."
    if lowered in _COMMON_PASSWORDS or len(set(password)) < 4:
        return "Kata sandi admin terlalu mudah ditebak; pilih yang lain."
    kinds = sum(
        any(test(c) for c in password)
        for test in (str.islower, str.isupper, str.isdigit, lambda c: not c.isalnum())
    )
    if kinds < 2:
        return "Kata sandi admin harus memadukan huruf dengan angka atau tanda baca."
    return None


def check_first_admin(username: str, password: str) -> None:
    """``ValidationError`` unless ``username``/``password`` may become the first admin."""
    problem = first_admin_password_problem(password, username.strip().lower())
    if problem:
        raise ValidationError(problem, field="password")


def create_first_admin(
    db: Database, username: str, full_name: str, password: str, actor: Actor = SYSTEM
) -> UserInfo:
    """The site's first admin account (``p4-desk init``): refused when any admin exists already."""
    check_first_admin(username, password)
    with db.read() as s:
        if s.scalar(select(User.id).where(User.role == "admin")) is not None:
            raise AlreadyExists("Situs ini sudah punya admin; tambahkan pengguna lewat admin.")
    return add_user(db, username, full_name, "admin", password, actor)


def _find(s: Session, username: str) -> User:
    user = s.scalar(select(User).where(User.username == username.strip().lower()))
    if user is None:
        raise NotFound(f"Pengguna '{username}' tidak ditemukan.", field="username")
    return user


def add_user(
    db: Database, username: str, full_name: str, role: str, password: str, actor: Actor = SYSTEM
) -> UserInfo:
    username, full_name, hashed = _checked_user(username, full_name, role, password)
    with db.write() as s:
        return _add_user(s, db, username, full_name, role, hashed, actor)


def init_site_with_admin(
    db: Database,
    code: str,
    name: str,
    timezone: str,
    admin_username: str,
    admin_full_name: str,
    password: str,
) -> tuple[site_service.SiteInfo, UserInfo]:
    """A new site and its first admin, in one transaction: both or neither (``p4-desk init``)."""
    code, name = site_service.checked_site(code, name, timezone)
    check_first_admin(admin_username, password)  # the stricter rule of the site's first admin
    username, full_name, hashed = _checked_user(admin_username, admin_full_name, "admin", password)
    with db.write() as s:
        site = site_service.add_site(s, db, code, name, timezone, SYSTEM)
        admin = _add_user(s, db, username, full_name, "admin", hashed, SYSTEM)
    db.forget_site_cache()
    return site, admin


def _checked_user(username: str, full_name: str, role: str, password: str) -> tuple[str, str, str]:
    """Name, full name and password hash as stored, or a ``ValidationError`` naming the field."""
    username = username.strip().lower()
    if not re.fullmatch(r"[a-z0-9][a-z0-9._-]{2,31}", username):
        raise ValidationError(
            "Nama pengguna 3–32 karakter: huruf kecil, angka, titik, '-' atau '_'.", field="username"
        )
    if role not in ROLES:
        raise ValidationError(f"Peran '{role}' tidak dikenal. Pilihan: {', '.join(ROLES)}.", field="role")
    full_name = clean_text(full_name, "Nama lengkap", max_length=200, field="full_name")
    _check_password(password)
    return username, full_name, _hasher.hash(password)


def _add_user(
    s: Session, db: Database, username: str, full_name: str, role: str, hashed: str, actor: Actor
) -> UserInfo:
    if s.scalar(select(User).where(User.username == username)) is not None:
        raise AlreadyExists(f"Pengguna '{username}' sudah ada.", field="username")
    user = User(
        username=username,
        full_name=full_name,
        role=role,
        password_hash=hashed,
        active=True,
        failed_attempts=0,
        created_at=db.now(),
    )
    s.add(user)
    s.flush()
    record(s, db, actor, "user.add", "user", username, details={"role": role})
    return _info(user)


def list_users(db: Database) -> list[UserInfo]:
    with db.read() as s:
        return [_info(u) for u in s.scalars(select(User).order_by(User.username))]


def get_user(db: Database, username: str) -> UserInfo:
    with db.read() as s:
        return _info(_find(s, username))


def has_active_admin(db: Database) -> bool:
    """Whether anyone can log in as admin (else the first admin may be created without login)."""
    with db.read() as s:
        return s.scalar(select(User.id).where(User.role == "admin", User.active.is_(True))) is not None


def set_active(db: Database, username: str, active: bool, actor: Actor = SYSTEM) -> UserInfo:
    with db.write() as s:
        user = _find(s, username)
        user.active = active
        record(s, db, actor, "user.enable" if active else "user.disable", "user", user.username)
        return _info(user)


def set_role(db: Database, username: str, role: str, actor: Actor = SYSTEM) -> UserInfo:
    if role not in ROLES:
        raise ValidationError(f"Peran '{role}' tidak dikenal.", field="role")
    with db.write() as s:
        user = _find(s, username)
        old, user.role = user.role, role
        record(s, db, actor, "user.role", "user", user.username, details={"old": old, "new": role})
        return _info(user)


def set_password(db: Database, username: str, password: str, actor: Actor = SYSTEM) -> UserInfo:
    """Set a new password (admin reset or the user's own change); also unlocks the account."""
    _check_password(password)
    hashed = _hasher.hash(password)
    with db.write() as s:
        user = _find(s, username)
        user.password_hash = hashed
        user.failed_attempts, user.locked_until, user.lockouts = 0, None, 0
        record(s, db, actor, "user.password", "user", user.username)
        return _info(user)


def unlock(db: Database, username: str, actor: Actor = SYSTEM) -> UserInfo:
    with db.write() as s:
        user = _find(s, username)
        user.failed_attempts, user.locked_until, user.lockouts = 0, None, 0
        record(s, db, actor, "user.unlock", "user", user.username)
        return _info(user)


#: the longest an account is locked after repeated failures (locks double up to this)
MAX_LOCK_MINUTES = 24 * 60
_UNKNOWN_USER_PASSWORD = "p4-desk: no such user"
_dummy_hash: str | None = None


def _spend_a_verification(password: str) -> None:
    """Verify ``password`` against a hash of nothing: an unknown, disabled or locked account
    answers in the same time as a wrong password, so timing tells nothing."""
    global _dummy_hash
    if _dummy_hash is None:
        _dummy_hash = _hasher.hash(_UNKNOWN_USER_PASSWORD)
    with contextlib.suppress(VerifyMismatchError, VerificationError, InvalidHashError):
        _hasher.verify(_dummy_hash, password)


def lock_minutes_after(lockouts: int, base_minutes: int) -> int:
    """The n-th lock in a row lasts ``base_minutes`` × 2^(n−1), at most a day."""
    return int(min(base_minutes * 2 ** max(0, min(lockouts, 20) - 1), MAX_LOCK_MINUTES))


def authenticate(db: Database, username: str, password: str) -> UserInfo:
    """Check a login. Failures are counted; too many lock the account, each lock in a row twice
    as long as the one before (until a successful login or an admin's unlock).

    An unknown user, a disabled account and a locked one cost the same password verification
    as a real attempt; a disabled or locked account never says whether the password was right.
    """
    max_failures = int(site_service.get_setting(db, "auth.max_failed_logins"))
    base_minutes = int(site_service.get_setting(db, "auth.lockout_minutes"))
    now = db.now()
    failure: AuthError | None = None
    with db.write() as s:
        user = s.scalar(select(User).where(User.username == username.strip().lower()[:64]))
        if user is None:
            _spend_a_verification(password)
            raise AuthError("Nama pengguna atau kata sandi salah.", field="password")
        if not user.active:
            _spend_a_verification(password)
            raise AuthError("Akun ini dinonaktifkan. Hubungi admin.", field="username")
        if user.locked_until is not None and user.locked_until > now:
            _spend_a_verification(password)
            minutes = max(1, math.ceil((user.locked_until - now).total_seconds() / 60))
            raise AccountLocked(
                "Akun terkunci karena terlalu banyak percobaan gagal. Coba lagi dalam "
                f"{format_minutes(minutes)} atau minta admin membukanya."
            )
        try:
            _hasher.verify(user.password_hash, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            # The failure is counted and committed; the error is raised after the commit.
            user.failed_attempts += 1
            if user.failed_attempts >= max_failures:
                user.lockouts = (user.lockouts or 0) + 1
                minutes = lock_minutes_after(user.lockouts, base_minutes)
                user.locked_until = now + timedelta(minutes=minutes)
                user.failed_attempts = 0
                failure = AccountLocked(
                    f"Terlalu banyak percobaan gagal. Akun dikunci {format_minutes(minutes)}."
                )
            else:
                failure = AuthError("Nama pengguna atau kata sandi salah.", field="password")
            record(
                s,
                db,
                Actor(user.id, user.username),
                "user.login_failed",
                "user",
                user.username,
                details={"locked": isinstance(failure, AccountLocked), "lockouts": user.lockouts or 0},
            )
        else:
            user.failed_attempts, user.locked_until, user.lockouts = 0, None, 0
            if _hasher.check_needs_rehash(user.password_hash):
                user.password_hash = _hasher.hash(password)
            record(s, db, Actor(user.id, user.username), "user.login", "user", user.username)
            return _info(user)
    assert failure is not None
    raise failure
