"""Typed user errors: a stable machine code plus the Indonesian message a user reads.

The GUI shows ``message``; the CLI prints it on stderr and exits non-zero. Raising one
of these inside a service transaction rolls the transaction back, so nothing
half-written stays behind.
"""

from __future__ import annotations

import errno


class P4Error(Exception):
    """Base class of every error a user may see."""

    code: str = "error"

    def __init__(self, message: str, *, code: str | None = None, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code
        #: the form field the message belongs to, when there is one
        self.field = field

    def __str__(self) -> str:
        return self.message


class NotFound(P4Error):
    code = "not_found"


class ValidationError(P4Error):
    code = "invalid"


class InvalidTransition(P4Error):
    code = "invalid_transition"


class CounterNotOpen(P4Error):
    code = "counter_not_open"


class QuotaExhausted(P4Error):
    code = "quota_exhausted"


class ServiceClosed(P4Error):
    code = "service_closed"


class AlreadyExists(P4Error):
    code = "already_exists"


class AuthError(P4Error):
    code = "auth_failed"


class AccountLocked(AuthError):
    code = "account_locked"


class PermissionDenied(P4Error):
    code = "permission_denied"


class DatabaseUnavailable(P4Error):
    code = "database_unavailable"


class DatabaseCorrupt(P4Error):
    code = "database_corrupt"


class ConfigError(P4Error):
    code = "config_error"


#: why a file operation failed, in the words an officer reads (the OS says it in English)
_OS_REASONS = {
    errno.ENOENT: "berkas atau folder tidak ada",
    errno.EACCES: "tidak ada izin",
    errno.EPERM: "tidak ada izin",
    errno.ENOTDIR: "sebagian jalurnya bukan folder",
    errno.EISDIR: "itu sebuah folder",
    errno.ENOSPC: "disk penuh",
    errno.EROFS: "disk hanya dapat dibaca",
    errno.ENAMETOOLONG: "nama terlalu panjang",
    errno.EEXIST: "sudah ada",
    errno.EBUSY: "sedang dipakai program lain",
    errno.EINVAL: "nama tidak sah",
    errno.EIO: "galat baca/tulis perangkat",
}


def os_reason(exc: OSError) -> str:
    """The reason of an ``OSError`` in Indonesian (with the OS error number when unknown)."""
    known = _OS_REASONS.get(exc.errno or 0)
    if known:
        return known
    return f"galat sistem {exc.errno}" if exc.errno else "galat sistem"
