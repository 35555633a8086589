"""Exclusive locks on a whole file held through one open file, between processes (and between
threads that each opened the file themselves). One adapter for the OS concern (DESIGN §3):

- POSIX: ``flock`` on the descriptor. The lock belongs to the open file: two ``os.open`` of the
  same path in one process exclude each other like two processes do.
- Windows: ``LockFileEx`` on the first byte of the file's handle (``msvcrt.locking`` only retries
  once a second when it waits, which is of no use for a lock held for milliseconds).

Also locks on single bytes of a file (``lock_byte``/``unlock_byte``), with the same ownership by
the open file: Linux's open-file-description locks (``F_OFD_SETLK``; plain ``fcntl`` byte locks
belong to the process, so two threads' files would not exclude each other), ``LockFileEx`` at an
offset on Windows. ``BYTE_LOCKS`` is False where the OS has none of these (e.g. macOS).

The OS drops a lock when its process dies, so nothing is left behind by a crash. ``lock_byte``
with ``wait`` waits in the kernel and is given the byte as soon as its holder lets go; it has no
timeout of its own (see ``store.write_turn`` for the wait with a budget).
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

from p4_desk.owner_only import FILE_MODE


def open_lock_file(path: Path) -> int:
    """A descriptor of the lock file ``path``, created empty and owner-only when missing."""
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
    return os.open(path, flags, FILE_MODE)


if sys.platform == "win32":
    import ctypes
    import msvcrt
    from ctypes import wintypes

    class _Overlapped(ctypes.Structure):
        _fields_ = (
            ("Internal", ctypes.c_void_p),
            ("InternalHigh", ctypes.c_void_p),
            ("Offset", wintypes.DWORD),
            ("OffsetHigh", wintypes.DWORD),
            ("hEvent", wintypes.HANDLE),
        )

    _kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    # (handle, flags, reserved, bytes low, bytes high, overlapped); UnlockFileEx has no flags
    _LockFileEx = _kernel32.LockFileEx
    _LockFileEx.argtypes = (wintypes.HANDLE, *[wintypes.DWORD] * 4, ctypes.POINTER(_Overlapped))
    _LockFileEx.restype = wintypes.BOOL
    _UnlockFileEx = _kernel32.UnlockFileEx
    _UnlockFileEx.argtypes = (wintypes.HANDLE, *[wintypes.DWORD] * 3, ctypes.POINTER(_Overlapped))
    _UnlockFileEx.restype = wintypes.BOOL
    _EXCLUSIVE = 0x2  # LOCKFILE_EXCLUSIVE_LOCK
    _FAIL_IMMEDIATELY = 0x1  # LOCKFILE_FAIL_IMMEDIATELY
    _LOCK_VIOLATION = 33  # ERROR_LOCK_VIOLATION

    BYTE_LOCKS = True

    def _at(offset: int) -> _Overlapped:
        return _Overlapped(Offset=offset & 0xFFFFFFFF, OffsetHigh=offset >> 32)

    def _lock_ex(fd: int, flags: int, offset: int = 0) -> bool:
        handle = wintypes.HANDLE(msvcrt.get_osfhandle(fd))
        if _LockFileEx(handle, flags, 0, 1, 0, ctypes.byref(_at(offset))):
            return True
        error = ctypes.get_last_error()
        if error == _LOCK_VIOLATION and flags & _FAIL_IMMEDIATELY:
            return False
        raise ctypes.WinError(error)

    def try_lock(fd: int) -> bool:
        """Take the lock if nobody holds it; False at once when someone does."""
        return _lock_ex(fd, _EXCLUSIVE | _FAIL_IMMEDIATELY)

    def unlock(fd: int) -> None:
        unlock_byte(fd, 0)

    def lock_byte(fd: int, offset: int, wait: bool) -> bool:
        """Lock the byte at ``offset``: waits until it is this file's, or (``wait`` False) False
        at once when another file holds it."""
        return _lock_ex(fd, _EXCLUSIVE if wait else _EXCLUSIVE | _FAIL_IMMEDIATELY, offset)

    def unlock_byte(fd: int, offset: int) -> None:
        handle = wintypes.HANDLE(msvcrt.get_osfhandle(fd))
        if not _UnlockFileEx(handle, 0, 1, 0, ctypes.byref(_at(offset))):
            raise ctypes.WinError(ctypes.get_last_error())

else:
    import fcntl

    def try_lock(fd: int) -> bool:
        """Take the lock if nobody holds it; False at once when someone does."""
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)

    # struct flock of Linux: l_type, l_whence (short), l_start, l_len (off_t), l_pid (0 for OFD)
    _FLOCK = "hhqqi4x"
    BYTE_LOCKS = hasattr(fcntl, "F_OFD_SETLKW") and struct.calcsize(_FLOCK) == 32

    def _byte(fd: int, command: int, kind: int, offset: int) -> None:
        fcntl.fcntl(fd, command, struct.pack(_FLOCK, kind, os.SEEK_SET, offset, 1, 0))

    def lock_byte(fd: int, offset: int, wait: bool) -> bool:
        """Lock the byte at ``offset``: waits until it is this file's, or (``wait`` False) False
        at once when another file holds it."""
        try:
            _byte(fd, fcntl.F_OFD_SETLKW if wait else fcntl.F_OFD_SETLK, fcntl.F_WRLCK, offset)
        except (BlockingIOError, PermissionError):  # EAGAIN / EACCES: held by another file
            if wait:
                raise
            return False
        return True

    def unlock_byte(fd: int, offset: int) -> None:
        _byte(fd, fcntl.F_OFD_SETLK, fcntl.F_UNLCK, offset)
