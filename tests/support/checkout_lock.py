"""One test process at a time in the checkout's build/ and dist/ (the ``checkout_build`` marker).

The bundle, the wheel, the Windows installer and the lock check all write there; under
pytest-xdist two workers could otherwise build over each other. A blocking OS lock on
``build/.checkout-build.lock``, held by each marked test (tests/conftest.py) and by the module
fixtures that build, never across tests: a worker waiting for its next test never holds it, so
two workers cannot wait on each other. The OS drops it if the worker dies. Re-entrant within a
process (a fixture set up inside a locked test takes it again).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LOCK = Path(__file__).resolve().parents[2] / "build" / ".checkout-build.lock"
_held = 0  # how deep this process is inside checkout_lock()


@contextmanager
def checkout_lock(path: Path = LOCK) -> Iterator[None]:
    global _held
    if _held:
        _held += 1
        try:
            yield
        finally:
            _held -= 1
        return
    _held = 1
    try:
        with _os_lock(path):
            yield
    finally:
        _held = 0


@contextmanager
def _os_lock(path: Path) -> Iterator[None]:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a+b") as handle:
        if sys.platform == "win32":
            import msvcrt

            while True:
                try:
                    handle.seek(0)
                    msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)  # retries for 10 s itself
                    break
                except OSError:
                    continue
            try:
                yield
            finally:
                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
