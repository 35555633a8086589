"""Opening a site database: engine, connection pragmas, sessions, error translation.

``Database.read()`` gives a session for queries; ``Database.write()`` gives a session whose
transaction is committed at the end of the block (or rolled back on any exception). On SQLite
write transactions start with ``BEGIN IMMEDIATE`` (waited for in ``store.sqlite_lock``) so two
processes never both read-then-write the same rows; PostgreSQL uses row locks
(``FOR UPDATE [SKIP LOCKED]``) inside the services.

Blocks nest: a ``read()`` opened inside another ``read()`` or ``write()`` of the same thread (or
task) joins that session, and a ``write()`` inside a ``write()`` joins its transaction. So a use
case or a screen's read model composes public service calls into one transaction: the outermost
block commits (or rolls back everything). A ``write()`` inside a ``read()`` is its own
transaction. ``read(snapshot=True)`` reads from one snapshot on PostgreSQL too (REPEATABLE READ;
SQLite's deferred transaction in WAL mode is one snapshot already).
"""

from __future__ import annotations

import logging
import math
import re
import socket
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import BigInteger, Engine, Float, Integer, String, create_engine, event, inspect, select
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from p4_desk import owner_only
from p4_desk.domain.text import text_problem
from p4_desk.errors import (
    AlreadyExists,
    ConfigError,
    DatabaseCorrupt,
    DatabaseUnavailable,
    P4Error,
    PermissionDenied,
    ValidationError,
)
from p4_desk.store.hall_clock import ServerClock
from p4_desk.store.models import Site
from p4_desk.store.sqlite_lock import CHECKPOINTS, install_sqlite_hooks
from p4_desk.store.types import utcnow

log = logging.getLogger(__name__)

SQLITE_BUSY_TIMEOUT_MS = 10_000


def normalize_url(url: str) -> URL:
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError, TypeError):
        shown = url if len(url) <= 80 else url[:77] + "..."
        raise ConfigError(
            f"URL basis data tidak sah: {_without_password(shown)!r}. Contoh: "
            "sqlite:///C:/P4Desk/site.sqlite3 atau postgresql+psycopg://pengguna:sandi@server/p4desk"
        ) from None
    try:
        port = parsed.port
    except ValueError:
        port = -1
    if port is not None and not 1 <= port <= 65535:
        raise ConfigError(
            f"Port di URL basis data tidak sah: {_without_password(str(url)[:80])!r}; harus 1–65535."
        )
    # "postgresql://" alone would pick psycopg2, which we do not ship.
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def _without_password(url: str) -> str:
    return re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", url)


def create_site_engine(url: str, *, busy_timeout_ms: int = SQLITE_BUSY_TIMEOUT_MS) -> Engine:
    parsed = normalize_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            folder = Path(parsed.database).parent
            if not folder.exists():  # a folder we make is owner-only; one chosen by site IT stays as is
                owner_only.private_dir(folder)
        engine = create_engine(
            parsed,
            connect_args={"timeout": busy_timeout_ms / 1000, "check_same_thread": False},
            poolclass=NullPool if parsed.database in (None, "", ":memory:") else None,
        )
        install_sqlite_hooks(engine, busy_timeout_ms, parsed.database)
        return engine
    if parsed.get_backend_name() == "postgresql":
        return create_engine(
            parsed,
            pool_pre_ping=True,
            pool_size=2,
            max_overflow=4,
            connect_args={"connect_timeout": 5, "application_name": "p4-desk"},
        )
    raise DatabaseUnavailable(
        f"Jenis basis data '{parsed.get_backend_name()}' tidak didukung. Gunakan SQLite atau PostgreSQL."
    )


# SQLSTATE classes of a server that cannot be reached or used right now (not of a bad value)
_UNAVAILABLE_CLASSES = ("08", "53", "57", "58", "XX")
_FIELD_LABELS = {
    "username": "Nama pengguna",
    "full_name": "Nama lengkap",
    "name": "Nama",
    "code": "Kode",
    "prefix": "Awalan nomor",
    "cancel_reason": "Alasan",
    "reason": "Alasan",
    "note": "Catatan",
    "description": "Uraian",
    "phone": "Nomor telepon",
    "address": "Alamat",
    "applicant_name": "Nama pemohon",
    "reporter_name": "Nama pelapor",
    "recipient": "Nama penerima",
    "email": "Surel",
    "location": "Lokasi",
    "title": "Judul",
    "text": "Teks",
}


def field_label(key: str) -> str:
    return _FIELD_LABELS.get(key, f"Isian '{key}'")


def translate_db_error(exc: BaseException, url: URL) -> P4Error:
    """Turn a driver error into the Indonesian message an officer or site IT can act on.

    A refused *value* (too long, NUL character, number out of range, duplicate) names the field
    when the statement shows it; only a connection that fails blames the network. The driver's
    own text goes to the log file (never to the user)."""
    orig = getattr(exc, "orig", exc)
    text = str(orig)
    lowered = text.lower()
    log.warning("database error (%s): %s", type(orig).__name__, text.strip().splitlines()[0] if text else "")
    if url.get_backend_name() == "sqlite":
        if "database is locked" in lowered or "busy" in lowered:
            return DatabaseUnavailable(
                "Basis data sedang dipakai proses lain dan terkunci terlalu lama. Coba lagi sebentar lagi."
            )
        if "not a database" in lowered or "malformed" in lowered or "corrupt" in lowered:
            return DatabaseCorrupt(
                f"Berkas basis data {url.database} rusak atau bukan basis data P4 Desk. "
                "Pulihkan dari cadangan (p4-desk restore)."
            )
        if "unable to open" in lowered or "readonly" in lowered or "read-only" in lowered:
            return DatabaseUnavailable(
                f"Berkas basis data {url.database} tidak dapat dibuka atau ditulisi. Periksa izin folder."
            )
        refused = _refused_value(exc, lowered, None)
        if refused is not None:
            return refused
        if "no such table" in lowered or "no such column" in lowered:
            return _schema_mismatch()
        return DatabaseUnavailable(
            "Basis data tidak dapat dipakai untuk perintah ini (rincian di berkas log)."
        )
    sqlstate = str(getattr(orig, "sqlstate", "") or "")
    refused = _refused_value(exc, lowered, sqlstate)
    if refused is not None:
        return refused
    if sqlstate == "42501":
        return PermissionDenied(
            "Akun basis data workstation ini tidak berhak melakukan perintah ini. Perubahan skema "
            "dijalankan dengan akun pemilik basis data (p4-desk db upgrade --db URL_PEMILIK, "
            "atau pengaturan database.owner_url)."
        )
    if sqlstate in ("40001", "40P01"):
        return DatabaseUnavailable("Basis data sibuk (transaksi bertabrakan). Coba lagi.")
    if sqlstate in ("42P01", "42703"):
        return _schema_mismatch()
    if sqlstate and not sqlstate.startswith(_UNAVAILABLE_CLASSES):
        return DatabaseUnavailable(
            f"Basis data menolak perintah ini (kode {sqlstate}); rincian ada di berkas log."
        )
    return DatabaseUnavailable(
        f"Server basis data {url.host or 'lokal'}:{url.port or 5432} tidak dapat dihubungi. "
        "Periksa jaringan dan server PostgreSQL, lalu coba lagi."
    )


def _schema_mismatch() -> DatabaseUnavailable:
    return DatabaseUnavailable(
        "Skema basis data tidak cocok dengan versi program ini. Jalankan: p4-desk db upgrade"
    )


def _refused_value(exc: BaseException, lowered: str, sqlstate: str | None) -> P4Error | None:
    """A value the database would not store, as a field-level message; None if it is not one."""
    params = _parameters(exc)
    if "nul" in lowered and ("0x00" in lowered or "character" in lowered) or sqlstate == "22021":
        key = next((k for k, v in params if isinstance(v, str) and "\x00" in v), None)
        return ValidationError(f"{field_label(key) if key else 'Isian'} memuat karakter NUL.", field=key)
    if sqlstate == "22001" or "value too long" in lowered:
        limit = re.search(r"varying\((\d+)\)", lowered)
        n = int(limit.group(1)) if limit else None
        key = next((k for k, v in params if isinstance(v, str) and n is not None and len(v) > n), None)
        most = f" (paling banyak {n} karakter)" if n else ""
        return ValidationError(f"{field_label(key) if key else 'Isian'} terlalu panjang{most}.", field=key)
    if sqlstate == "22003" or "out of range" in lowered or "too large to convert" in lowered:
        key = next((k for k, v in params if isinstance(v, int) and not -(2**31) <= v < 2**31), None)
        return ValidationError(
            f"{field_label(key) if key else 'Angka'} di luar rentang yang dapat disimpan.", field=key
        )
    if sqlstate in ("22007", "22008"):
        return ValidationError("Tanggal atau waktu di luar rentang yang dapat disimpan.")
    if sqlstate == "23505" or "unique constraint failed" in lowered:
        return AlreadyExists("Data yang sama sudah ada.")
    if sqlstate == "23503" or "foreign key constraint failed" in lowered:
        return ValidationError("Data yang dirujuk tidak ada, atau masih dirujuk data lain.")
    if sqlstate == "23502" or "not null constraint failed" in lowered:
        return ValidationError("Ada isian wajib yang kosong.")
    if sqlstate == "23514" or "check constraint failed" in lowered:
        return ValidationError("Nilai tidak memenuhi aturan basis data.")
    if sqlstate and sqlstate.startswith("22"):
        return ValidationError("Nilai tidak dapat disimpan di basis data (rincian di berkas log).")
    return None


def _parameters(exc: BaseException) -> list[tuple[str, Any]]:
    params = getattr(exc, "params", None)
    if isinstance(params, dict):
        return list(params.items())
    if isinstance(params, list | tuple) and params and isinstance(params[0], dict):
        return [item for row in params for item in row.items()]
    return []


# --- values checked before they reach the database -----------------------------------------

_INT_RANGE = {Integer: (-(2**31), 2**31 - 1), BigInteger: (-(2**63), 2**63 - 1)}


@event.listens_for(Session, "before_flush")
def _check_values(session: Session, _context: Any, _instances: Any) -> None:
    """Every value a flush would write, checked as PostgreSQL would check it, on both databases.

    SQLite would store a 10,000-character name in a 200-character column, a NUL byte, an
    integer beyond 64 bits or NaN; PostgreSQL refuses them with an error that says nothing about
    the field. Here both refuse them with the field's name. Text also may not carry control or
    bidi-override characters (``domain.text``)."""
    for obj in session.new:
        state = inspect(obj)
        _check_attrs(state, state.mapper.column_attrs.keys())
    for obj in session.dirty:  # only the attributes set since the load (their first values kept)
        state = inspect(obj)
        _check_attrs(state, state.committed_state.keys())


def _check_attrs(state: Any, keys: Any) -> None:
    columns = state.mapper.column_attrs
    for key in keys:
        value = state.dict.get(key)
        if value is None or key not in columns:  # (a relationship's change: its columns come at the flush)
            continue
        problem = value_problem(columns[key].columns[0].type, value)
        if problem:
            raise ValidationError(f"{field_label(key)} {problem}.", field=key)


def value_problem(kind: Any, value: Any) -> str | None:
    if isinstance(kind, String):  # Text is a String without a length
        if not isinstance(value, str):
            return None
        if "\x00" in value:
            return "memuat karakter NUL"
        length = getattr(kind, "length", None)
        if length is not None and len(value) > length:
            return f"terlalu panjang ({len(value)} karakter, paling banyak {length})"
        return text_problem(value, multiline=True)  # one-line fields are the services' to check
    for integer_type, (low, high) in _INT_RANGE.items():
        if type(kind) is integer_type and isinstance(value, int) and not low <= value <= high:
            return "di luar rentang angka yang dapat disimpan"
    if isinstance(kind, Float) and isinstance(value, float) and not math.isfinite(value):
        return "bukan angka yang sah"
    return None


def workstation_name() -> str:
    return socket.gethostname() or "workstation"


class Database:
    """One site database, opened by one process. Cheap to share between threads."""

    def __init__(
        self,
        url: str,
        *,
        clock: Callable[[], datetime] = utcnow,
        workstation: str | None = None,
        busy_timeout_ms: int = SQLITE_BUSY_TIMEOUT_MS,
        hall_clock: bool | None = None,
    ) -> None:
        """``clock``: this PC's clock. ``hall_clock``: correct it to the PostgreSQL server's
        (``store.hall_clock``); by default on PostgreSQL when ``clock`` is the real one (a
        test's fixed clock stays as it is)."""
        self.url = normalize_url(url)
        self.engine = create_site_engine(url, busy_timeout_ms=busy_timeout_ms)
        self._read = sessionmaker(self.engine, expire_on_commit=False)
        self._write = sessionmaker(self.engine.execution_options(p4_write=True), expire_on_commit=False)
        self._checkpoints = self.is_sqlite and self.url.database not in (None, "", ":memory:")
        if self._checkpoints:  # the WAL's checkpoints off the writers' commits (store.sqlite_lock)
            CHECKPOINTS.watch(self.engine)
        if hall_clock is None:
            hall_clock = clock is utcnow
        self.clock = ServerClock(self.engine, clock) if hall_clock and not self.is_sqlite else clock
        self.workstation = workstation or workstation_name()
        self._timezone: ZoneInfo | None = None
        # the session of the outermost open block in this thread / task, and whether it writes
        self._open: ContextVar[tuple[Session, bool] | None] = ContextVar(
            f"p4-session-{id(self)}", default=None
        )

    @property
    def dialect(self) -> str:
        return self.url.get_backend_name()

    @property
    def is_sqlite(self) -> bool:
        return self.dialect == "sqlite"

    def now(self) -> datetime:
        return self.clock()

    @property
    def timezone(self) -> ZoneInfo:
        if self._timezone is None:
            with self.read() as s:
                tz = s.scalar(select(Site.timezone).where(Site.id == 1))
            self._timezone = ZoneInfo(tz or "Asia/Jakarta")
        return self._timezone

    def forget_site_cache(self) -> None:
        self._timezone = None

    @contextmanager
    def read(self, *, snapshot: bool = False) -> Iterator[Session]:
        """A session for queries; inside an open block of this thread it is that block's session."""
        joined = self._open.get()
        if joined is not None:
            yield joined[0]
            return
        try:
            with self._read() as session:
                if snapshot and not self.is_sqlite:
                    session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
                token = self._open.set((session, False))
                try:
                    yield session
                finally:
                    self._open.reset(token)
        except P4Error:
            raise
        except (OperationalError, DBAPIError) as exc:
            raise translate_db_error(exc, self.url) from exc
        except OverflowError as exc:  # SQLite's driver: an integer beyond 64 bits
            raise ValidationError("Angka di luar rentang yang dapat disimpan basis data.") from exc
        except UnicodeEncodeError as exc:
            raise ValidationError("Isian memuat karakter Unicode yang rusak.") from exc

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction: committed when the outermost write block ends, rolled back on any exception."""
        joined = self._open.get()
        if joined is not None and joined[1]:
            yield joined[0]
            return
        try:
            with self._write() as session, session.begin():
                token = self._open.set((session, True))
                try:
                    yield session
                finally:
                    self._open.reset(token)
        except P4Error:
            raise
        except (OperationalError, DBAPIError) as exc:
            raise translate_db_error(exc, self.url) from exc
        except OverflowError as exc:  # SQLite's driver: an integer beyond 64 bits
            raise ValidationError("Angka di luar rentang yang dapat disimpan basis data.") from exc
        except UnicodeEncodeError as exc:
            raise ValidationError("Isian memuat karakter Unicode yang rusak.") from exc

    def check_connection(self) -> None:
        try:
            with self.engine.connect() as conn:
                conn.exec_driver_sql("SELECT 1")
        except SQLAlchemyError as exc:
            raise translate_db_error(exc, self.url) from exc

    def dispose(self) -> None:
        if self._checkpoints:
            CHECKPOINTS.forget(self.engine)
        self.engine.dispose()
