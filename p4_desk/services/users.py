"""Users, roles, passwords (argon2) and lockout after repeated failures."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import select
from sqlalchemy.orm import Session

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
    username = username.strip().lower()
    if not re.fullmatch(r"[a-z0-9][a-z0-9._-]{2,31}", username):
        raise ValidationError(
            "Nama pengguna 3–32 karakter: huruf kecil, angka, titik, '-' atau '_'.", field="username"
        )
    if role not in ROLES:
        raise ValidationError(f"Peran '{role}' tidak dikenal. Pilihan: {', '.join(ROLES)}.", field="role")
    if not full_name.strip():
        raise ValidationError("Nama lengkap wajib diisi.", field="full_name")
    _check_password(password)
    hashed = _hasher.hash(password)
    with db.write() as s:
        if s.scalar(select(User).where(User.username == username)) is not None:
            raise AlreadyExists(f"Pengguna '{username}' sudah ada.", field="username")
        user = User(
            username=username,
            full_name=full_name.strip(),
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
        user.failed_attempts = 0
        user.locked_until = None
        record(s, db, actor, "user.password", "user", user.username)
        return _info(user)


def unlock(db: Database, username: str, actor: Actor = SYSTEM) -> UserInfo:
    with db.write() as s:
        user = _find(s, username)
        user.failed_attempts, user.locked_until = 0, None
        record(s, db, actor, "user.unlock", "user", user.username)
        return _info(user)


def authenticate(db: Database, username: str, password: str) -> UserInfo:
    """Check a login. Failures are counted; too many lock the account for a while."""
    max_failures = int(site_service.get_setting(db, "auth.max_failed_logins"))
    lock_minutes = int(site_service.get_setting(db, "auth.lockout_minutes"))
    now = db.now()
    failure: AuthError | None = None
    with db.write() as s:
        user = s.scalar(select(User).where(User.username == username.strip().lower()))
        if user is None:
            raise AuthError("Nama pengguna atau kata sandi salah.", field="password")
        if user.locked_until is not None and user.locked_until > now:
            minutes = max(1, int((user.locked_until - now).total_seconds() // 60) + 1)
            raise AccountLocked(
                f"Akun terkunci karena terlalu banyak percobaan gagal. Coba lagi dalam {minutes} menit "
                "atau minta admin membukanya."
            )
        try:
            _hasher.verify(user.password_hash, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            # The failure is counted and committed; the error is raised after the commit.
            user.failed_attempts += 1
            if user.failed_attempts >= max_failures:
                user.locked_until = now + timedelta(minutes=lock_minutes)
                user.failed_attempts = 0
                failure = AccountLocked(f"Terlalu banyak percobaan gagal. Akun dikunci {lock_minutes} menit.")
            else:
                failure = AuthError("Nama pengguna atau kata sandi salah.", field="password")
            record(
                s,
                db,
                Actor(user.id, user.username),
                "user.login_failed",
                "user",
                user.username,
                details={"locked": isinstance(failure, AccountLocked)},
            )
        else:
            if not user.active:
                raise AuthError("Akun ini dinonaktifkan. Hubungi admin.", field="username")
            user.failed_attempts, user.locked_until = 0, None
            if _hasher.check_needs_rehash(user.password_hash):
                user.password_hash = _hasher.hash(password)
            record(s, db, Actor(user.id, user.username), "user.login", "user", user.username)
            return _info(user)
    assert failure is not None
    raise failure
