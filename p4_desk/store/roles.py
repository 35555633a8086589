"""PostgreSQL least-privilege roles for a site with many PCs (``p4-desk db roles``).

Two roles:
- the **owner** owns the database, its schema, tables, sequences and the audit trigger
  function; migrations run as the owner (``p4-desk db upgrade --db <owner URL>``, or the
  setting ``database.owner_url`` on the PC that upgrades);
- the **workstation** role is what every counter, kiosk and display PC connects as: it may
  read and write the business tables, only read and append the audit log, only read the schema
  version, and nothing else. Not owning anything, it cannot ALTER or DROP a table, drop or
  disable a trigger, or TRUNCATE.

``grant_roles`` is idempotent: run it again after adding a PC or when in doubt. Tables that
later migrations create get the same grants through ``ALTER DEFAULT PRIVILEGES``.
It runs over a connection of a role that may create roles (the ``postgres`` superuser, or the
server admin of a hosted PostgreSQL), in one transaction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from psycopg import sql
from sqlalchemy import Connection, text

from p4_desk.errors import ValidationError
from p4_desk.store.db import Database

ROLE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
#: tables the workstation role may read but only append to (or only read)
APPEND_ONLY = ("audit_log", "data_access_log")
READ_ONLY = ("alembic_version",)


@dataclass(frozen=True)
class RolesInfo:
    database: str
    owner: str
    workstation: str
    created: tuple[str, ...]
    tables: int


def grant_roles(
    db: Database,
    owner: str,
    workstation: str,
    *,
    owner_password: str | None = None,
    workstation_password: str | None = None,
) -> RolesInfo:
    if db.is_sqlite:
        raise ValidationError("Peran basis data hanya ada di PostgreSQL; SQLite tidak memakainya.")
    for name, what in ((owner, "pemilik"), (workstation, "workstation")):
        if not ROLE_NAME.match(name):
            raise ValidationError(
                f"Nama peran {what} '{name}' tidak sah: huruf kecil, angka dan '_' (maks. 63).", field=what
            )
    if owner == workstation:
        raise ValidationError("Peran pemilik dan peran workstation harus berbeda.", field="workstation")
    with db.engine.begin() as conn:
        created = tuple(
            name
            for name, password in ((owner, owner_password), (workstation, workstation_password))
            if _ensure_role(conn, name, password)
        )
        database = str(conn.execute(text("SELECT current_database()")).scalar())
        tables = _give_to_owner(conn, database, owner)
        _grant_workstation(conn, database, owner, workstation)
    return RolesInfo(database, owner, workstation, created, tables)


def _run(conn: Connection, statement: sql.Composable) -> None:
    raw = conn.connection.dbapi_connection
    assert raw is not None
    conn.exec_driver_sql(statement.as_string(raw).replace("%", "%%"))  # type: ignore[arg-type]


def _ensure_role(conn: Connection, name: str, password: str | None) -> bool:
    """Create the login role (True) or update its password when one is given (False)."""
    exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}).scalar()
    if not exists:
        if not password:
            raise ValidationError(f"Peran {name} belum ada: kata sandinya wajib diberikan.", field=name)
        _run(
            conn,
            sql.SQL(
                "CREATE ROLE {} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD {}"
            ).format(sql.Identifier(name), sql.Literal(password)),
        )
        return True
    if password:
        _run(conn, sql.SQL("ALTER ROLE {} PASSWORD {}").format(sql.Identifier(name), sql.Literal(password)))
    return False


def _give_to_owner(conn: Connection, database: str, owner: str) -> int:
    o = sql.Identifier(owner)
    _run(conn, sql.SQL("ALTER DATABASE {} OWNER TO {}").format(sql.Identifier(database), o))
    _run(conn, sql.SQL("ALTER SCHEMA public OWNER TO {}").format(o))
    objects = conn.execute(
        text(
            "SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm')"
        )
    ).all()
    for name, _kind in objects:
        # a table's sequences (SERIAL / identity) follow their table
        _run(conn, sql.SQL("ALTER TABLE public.{} OWNER TO {}").format(sql.Identifier(name), o))
    functions = conn.execute(
        text(
            "SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
            "WHERE n.nspname = 'public'"
        )
    ).scalars()
    for signature in functions:
        _run(conn, sql.SQL("ALTER FUNCTION {} OWNER TO {}").format(sql.SQL(signature), o))
    return len(objects)


def _grant_workstation(conn: Connection, database: str, owner: str, workstation: str) -> None:
    w, o, d = sql.Identifier(workstation), sql.Identifier(owner), sql.Identifier(database)
    statements = [
        sql.SQL("REVOKE ALL ON DATABASE {} FROM PUBLIC").format(d),
        sql.SQL("GRANT CONNECT, TEMPORARY ON DATABASE {} TO {}, {}").format(d, o, w),
        sql.SQL("REVOKE ALL ON SCHEMA public FROM PUBLIC"),
        sql.SQL("GRANT USAGE ON SCHEMA public TO {}").format(w),
        sql.SQL("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {}").format(w),
        sql.SQL("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {}").format(w),
        sql.SQL(
            "ALTER DEFAULT PRIVILEGES FOR ROLE {} IN SCHEMA public "
            "GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {}"
        ).format(o, w),
        sql.SQL(
            "ALTER DEFAULT PRIVILEGES FOR ROLE {} IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO {}"
        ).format(o, w),
    ]
    existing = set(
        conn.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).scalars()
    )
    for table in APPEND_ONLY:
        if table in existing:
            statements.append(
                sql.SQL("REVOKE UPDATE, DELETE, TRUNCATE ON public.{} FROM {}").format(
                    sql.Identifier(table), w
                )
            )
    for table in READ_ONLY:
        if table in existing:
            statements.append(
                sql.SQL("REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON public.{} FROM {}").format(
                    sql.Identifier(table), w
                )
            )
    for statement in statements:
        _run(conn, statement)
