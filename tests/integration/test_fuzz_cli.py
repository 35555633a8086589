"""Every ``p4-desk`` command, every argument, a table of hostile values (issue 14, finding 8).

For each leaf command of the real parser and each of its arguments, the argument gets each
hostile value while the others get plausible ones. Whatever happens:
- no traceback and no "unexpected error" (the CLI's last-resort handler logs one: a bug);
- the exit status is 0 (accepted), or 1 with an Indonesian ``Galat: ...`` line on stderr;
- a refused command wrote nothing: no database row (its own login aside), no file;
and at the end no value that can never be valid (NUL, bidi override, control or broken
characters) is stored anywhere in the database.

The commands run in this process (``p4_desk.cli.main``) against one real SQLite site; the
password hash of the test admin is made cheap so that ~4,000 logins take seconds, not minutes.
"""

from __future__ import annotations

import argparse
import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher
from sqlalchemy import inspect, text

from p4_desk.cli import build_parser, main
from p4_desk.services import queue, users
from p4_desk.store.db import Database
from tests.support.cli import CLI_ADMIN, CLI_PASSWORD
from tests.support.sites import make_site

NEVER_VALID = ["\x00", "A\x00B", "\u202eKTP", "Loket\x1b[2J", "\udc80"]
HOSTILE = [
    *NEVER_VALID,
    "",
    " ",
    "x" * 10_000,
    "-1",
    "99999999999999999999999",
    "nan",
    "inf",
    "1e309",
    "0001-01-01",
    "9999-12-31",
    "2026-02-30",
    "'; DROP TABLE ticket; --",
    "../milik-orang.txt",  # a file outside the work folder that P4 Desk did not write
    "%s%n{0}",
]
#: hostile contents of a file argument (JSON files, catalogues, backups)
DEEP = "[" * 100_000 + "]" * 100_000
HOSTILE_FILES: list[bytes] = [
    b"",
    b"\xff\xfe\x00garbage",
    DEEP.encode(),
    b'{"a": ' * 5000 + b"1" + b"}" * 5000,
    b"[1, 2, 3]",
    b'"teks"',
    b"12345",
    b"NaN",
    b'{"kind": NaN, "description": Infinity}',
    b'{"id": 99999999999999999999999999999, "days": -1e309}',
    json.dumps({"description": 123, "kind": ["x"], "agency": {"a": 1}}).encode(),
    json.dumps({"holidays": [{"date": "0001-01-01", "name": "\u202e"}]}).encode(),
    b"SQLite format 3\x00" + b"\x00" * 100,
]
#: commands that would run forever, serve, or reach out of this machine
SKIPPED = {("central", "serve"), ("sync", "run")}
FILE_ARGS = {"json_file", "file", "path"}
#: commands whose exit status 1 is their answer, printed on stdout (README: "exit 0 only when ...")
ANSWERS_WITH_ONE = {("nik", "check"), ("selftest",)}


def plausible(dest: str, tmp: Path) -> str:
    """A value an officer might type for an argument, so the hostile one is what is tested."""
    return {
        "ticket": "A001", "counter": "L1", "code": "L1", "service": "KTP", "services": "KTP",
        "agency": "DUKCAPIL", "prefix": "Z", "username": "petugas2", "name": "Nama Uji",
        "site_code": "MPP-X", "site_name": "MPP X", "role": "operator", "password": "rahasia-baru-1",
        "reason": "alasan", "date_from": "2026-03-01", "date_to": "2026-03-31", "date": "2026-03-04",
        "start": "2026-03-04", "days": "5", "period": "daily", "out": str(tmp / "keluar.pdf"),
        "path": str(tmp / "cadangan.sqlite3"), "json_file": str(tmp / "isi.json"),
        "file": str(tmp / "isi.json"), "key": "voice.volume", "value": "0,5", "number": "A123",
        "registration_number": "MPP-X-0001", "nik": "1871015203900001", "recipient": "Budi",
        "text": "Budi", "url": "http://127.0.0.1:9", "site": "MPP-X", "ids": "1", "to": "verified",
        "state": "approved", "what": "report", "owner": "p4_owner", "workstation": "p4_pc",
        "timezone": "Asia/Jakarta", "volume": "0.5", "minutes": "5", "limit": "10",
        "valid_days": "7", "keyring_service": "p4-desk-sync", "interval": "30", "seed": "1",
        "paper": "80", "note": "catatan", "entity": "ticket", "by": "admin", "officer": "petugas1",
        "login_user": CLI_ADMIN, "registration": "X", "priority": "lansia", "hours": "{}",
        "target_wait": "15", "quota": "10", "priority_head_start": "15",
    }.get(dest, "abc")  # fmt: skip


def leaves(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], Any]]:
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        yield path, parser
        return
    for name, child in subs[0].choices.items():
        yield from leaves(child, (*path, name))


def value_arguments(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    skipped = (
        argparse._HelpAction,
        argparse._StoreTrueAction,
        argparse._StoreConstAction,
        argparse._VersionAction,
    )
    return [a for a in parser._actions if not isinstance(a, skipped) and a.dest not in ("db", "json")]


def argv_for(
    path: tuple[str, ...],
    actions: list[argparse.Action],
    fuzzed: argparse.Action,
    value: str,
    tmp: Path,
    db_url: str,
) -> list[str]:
    argv = list(path)
    for action in actions:
        if action is not fuzzed and not (action.required or not action.option_strings):
            continue
        given = (
            value
            if action is fuzzed
            else (
                str(action.choices and next(iter(action.choices)))
                if action.choices
                else plausible(action.dest, tmp)
            )
        )
        if action.option_strings:
            argv += [action.option_strings[-1], given]
        else:
            argv.append(given)
    central = path[0] == "central"
    return [*argv, "--db", f"sqlite:///{tmp / 'central.sqlite3'}" if central else db_url]


def fingerprint(db: Database, folder: Path) -> tuple[Any, ...]:
    """Rows per table (the audit log without logins) and the files in the work folder."""
    with db.engine.connect() as conn:
        tables = sorted(inspect(conn).get_table_names())
        # one statement for every count: this runs after each of ~4,000 commands
        counts = tuple(
            conn.execute(
                text(
                    "SELECT "
                    + ", ".join(
                        f'(SELECT count(*) FROM "{t}"'
                        + (" WHERE action NOT LIKE 'user.login%'" if t == "audit_log" else "")
                        + ")"
                        for t in tables
                        if t != "app_user"
                    )
                )
            ).one()
        )
    files = tuple(
        sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file() and _counts_as_output(p))
    )
    return counts, files


def _counts_as_output(path: Path) -> bool:
    name = path.name
    return not (name.startswith("site.sqlite3") or name.endswith((".log", ".json")) or "p4-log" in path.parts
                or name.startswith("central.sqlite3") or name.endswith(".bak"))  # fmt: skip


def never_valid_stored(db: Database) -> list[str]:
    found = []
    with db.engine.connect() as conn:
        for table in inspect(conn).get_table_names():
            for row in conn.execute(text(f'SELECT * FROM "{table}"')).mappings():
                for column, cell in row.items():
                    if isinstance(cell, str) and any(
                        bad in cell for bad in ("\x00", "\u202e", "\x1b", "\udc80")
                    ):
                        found.append(f"{table}.{column} = {cell[:40]!r}")
    return found


#: the commands are split into this many runs of the test, each on its own site, so that the
#: workers of pytest-xdist share them; together they cover every leaf command
SHARDS = 4


def commands(shard: int) -> list[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    every = [(path, parser) for path, parser in leaves(build_parser()) if path not in SKIPPED]
    return every[shard::SHARDS]


def test_the_shards_cover_every_command_once() -> None:
    every = [path for path, _ in leaves(build_parser()) if path not in SKIPPED]
    sharded = [path for shard in range(SHARDS) for path, _ in commands(shard)]
    assert sorted(sharded) == sorted(every) and len(set(sharded)) == len(every) > 80


@pytest.mark.slow
@pytest.mark.parametrize("shard", range(SHARDS))
def test_every_command_refuses_hostile_values_in_indonesian_and_writes_nothing(
    shard: int,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setattr(users, "_hasher", PasswordHasher(time_cost=1, memory_cost=64, parallelism=1))
    monkeypatch.setattr(users, "_dummy_hash", None)
    work = tmp_path / "kerja"
    work.mkdir()
    url = f"sqlite:///{(work / 'site.sqlite3').as_posix()}"
    db = make_site(url)
    users.add_user(db, CLI_ADMIN, "Admin Uji", "admin", CLI_PASSWORD)
    queue.set_counter_state(db, "L1", "open")
    for _ in range(3):
        queue.issue_ticket(db, "KTP")
    (work / "isi.json").write_text("{}", encoding="utf-8")
    theirs = tmp_path / "milik-orang.txt"
    theirs.write_text("catatan pribadi", encoding="utf-8")
    monkeypatch.chdir(work)  # relative hostile paths land in the work folder
    monkeypatch.setenv("P4_DESK_USER", CLI_ADMIN)
    monkeypatch.setenv("P4_DESK_PASSWORD", CLI_PASSWORD)
    caplog.set_level(logging.ERROR, logger="p4_desk.cli")

    failures: list[str] = []
    runs = 0
    state = fingerprint(db, work)
    for path, parser in commands(shard):
        actions = value_arguments(parser)
        for fuzzed in actions:
            cases: list[tuple[str, bytes | None]] = [(v, None) for v in HOSTILE]
            if fuzzed.dest in FILE_ARGS:
                cases += [(str(work / "serang.json"), content) for content in HOSTILE_FILES]
            for value, content in cases:
                if content is not None:
                    (work / "serang.json").write_bytes(content)
                argv = argv_for(path, actions, fuzzed, value, work, url)
                caplog.clear()
                try:
                    code = main(argv)
                except SystemExit as exit_:  # argparse: --help, usage errors
                    code = exit_.code if isinstance(exit_.code, int) else 1
                out, err = capsys.readouterr()
                runs += 1
                shown = f"{' '.join(path)} {fuzzed.dest}={value[:30]!r}" + (
                    f" file={content[:20]!r}" if content else ""
                )
                crashes = [r for r in caplog.records if r.name == "p4_desk.cli"]
                if "Traceback" in out + err or crashes:
                    cause = crashes[0].exc_info[1] if crashes and crashes[0].exc_info else err[-200:]
                    failures.append(f"{shown}: crashed: {cause!r}")
                elif code not in (0, 1, 2, 3):
                    failures.append(f"{shown}: exit {code}")
                elif code == 1 and path in ANSWERS_WITH_ONE and out.strip() and not err.strip():
                    pass
                elif code != 0:
                    lines = [line for line in err.splitlines() if line.strip()]
                    message = [line for line in lines if not line.startswith(("pemakaian:", " ", "- "))]
                    if not message or not all(line.startswith("Galat: ") for line in message):
                        failures.append(f"{shown}: not an Indonesian error: {err[:200]!r}")
                    elif any(word in err for word in ("error:", "invalid", "Error", "Exception", "usage:")):
                        failures.append(f"{shown}: English in the error: {err[:200]!r}")
                    elif code == 1 and fingerprint(db, work) != state:
                        failures.append(f"{shown}: refused but wrote something")
                if code != 1:  # accepted (or unexpected): what it wrote is the new baseline
                    state = fingerprint(db, work)
                if content is not None:
                    (work / "serang.json").unlink(missing_ok=True)
    assert theirs.read_text(encoding="utf-8") == "catatan pribadi"
    stored = never_valid_stored(db)
    assert not stored, stored
    assert runs > 3000 // SHARDS  # ~4,000 runs in all
    assert not failures, f"{len(failures)} of {runs} runs:\n" + "\n".join(failures[:60])
