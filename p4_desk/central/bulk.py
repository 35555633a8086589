"""A batch of rows as one statement on PostgreSQL: the rows as one JSON document, read back
with ``json_to_recordset``.

The intake's batches are up to 1,000 rows. SQLAlchemy sends them as one multi-row ``VALUES``
(``INSERT ... RETURNING``) or as 1,000 pipelined statements (an upsert without ``RETURNING``);
either way the driver converts and sends every cell on its own in Python, and a ``VALUES`` list
of thousands of placeholders is parsed again on every call. Here the statement has one parameter
whatever the batch size: it is short, cached and prepared by the driver; the rows are encoded by
``json.dumps`` (C) and decoded by the server. Datetimes go as ISO 8601 with their offset (a naive
one is refused, as ``models.UTCDateTime`` refuses it), dates as ISO dates, JSON columns nested (a
``None`` there is SQL NULL, where the ORM would store JSON ``null``: both read back as ``None``).
Rows are inserted in the order given (``WITH ORDINALITY ... ORDER BY``), which keeps the intake's
lock order (``central.intake``). Strings are read as ``text`` and narrowed by the column on
assignment, so a value too long for a ``VARCHAR(n)`` is an error as with a plain insert, never cut.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from sqlalchemy import String, Table, text
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session


def _encode(value: Any) -> str:
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"not storable in a batch: {type(value).__name__}")


def _sql_type(column: Any, dialect: Dialect) -> str:
    return "TEXT" if isinstance(column.type, String) else str(column.type.compile(dialect=dialect))


def _rows_source(table: Table, dialect: Dialect, rows: list[dict[str, Any]]) -> tuple[str, dict[str, Any]]:
    """``SELECT`` of the rows from one JSON parameter, and the parameter."""
    quote = dialect.identifier_preparer.quote
    names = list(rows[0])
    typed = ", ".join(f"{quote(n)} {_sql_type(table.c[n], dialect)}" for n in names)
    listed = ", ".join(quote(n) for n in names)
    source = (
        f"SELECT {listed} FROM ROWS FROM (json_to_recordset(CAST(:rows AS json)) AS ({typed})) "
        f"WITH ORDINALITY AS batch({listed}, batch_order) ORDER BY batch_order"
    )
    return source, {"rows": json.dumps(rows, default=_encode, separators=(",", ":"))}


def _quoted(dialect: Dialect, names: list[str]) -> str:
    return ", ".join(dialect.identifier_preparer.quote(name) for name in names)


def insert_new(
    session: Session, table: Table, rows: list[dict[str, Any]], keys: list[str], returning: str
) -> list[Any]:
    """``INSERT ... ON CONFLICT (keys) DO NOTHING RETURNING returning``: the inserted rows' values."""
    dialect = session.get_bind().dialect
    source, params = _rows_source(table, dialect, rows)
    sql = (
        f"INSERT INTO {dialect.identifier_preparer.format_table(table)} ({_quoted(dialect, list(rows[0]))}) "
        f"{source} ON CONFLICT ({_quoted(dialect, keys)}) DO NOTHING "
        f"RETURNING {dialect.identifier_preparer.quote(returning)}"
    )
    return list(session.scalars(text(sql), params))


def upsert_newer(
    session: Session, table: Table, rows: list[dict[str, Any]], keys: list[str], keep: frozenset[str]
) -> None:
    """Insert the rows, or replace stored ones with an older ``(occurred_at, event_id)``.

    Columns in ``keep`` keep their stored value on a replace."""
    dialect = session.get_bind().dialect
    quote = dialect.identifier_preparer.quote
    source, params = _rows_source(table, dialect, rows)
    names = list(rows[0])
    updated = ", ".join(f"{quote(n)} = excluded.{quote(n)}" for n in names if n not in keys and n not in keep)
    target = dialect.identifier_preparer.format_table(table)
    sql = (
        f"INSERT INTO {target} AS stored ({_quoted(dialect, names)}) "
        f"{source} ON CONFLICT ({_quoted(dialect, keys)}) DO UPDATE SET {updated} "
        "WHERE stored.occurred_at < excluded.occurred_at "
        "OR (stored.occurred_at = excluded.occurred_at AND stored.event_id < excluded.event_id)"
    )
    session.execute(text(sql), params)
