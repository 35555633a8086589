"""The check that the files holding personal data are owner-only (UU 27/2022, issue 15.5):
the site database (SQLite), its backups and pre-restore copies, ``settings.toml`` and the logs."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import make_url

from p4_desk import owner_only
from p4_desk.config import Settings, data_dir, log_dir
from p4_desk.services.selftest.model import CheckResult

TITLE = "Berkas data pribadi hanya dapat dibuka pemiliknya"
_SHOWN = 3


def private_paths(settings: Settings, url: str) -> list[Path]:
    """What must be owner-only, as far as it exists (nothing is created here)."""
    paths = [settings.path, data_dir(), log_dir()]
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database and parsed.database != ":memory:":
        db = Path(parsed.database)
        paths += [db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")]
    for folder in (data_dir() / "backups", log_dir()):
        if folder.is_dir():
            paths.append(folder)
            paths.extend(sorted(p for p in folder.iterdir() if p.is_file()))
    return list(dict.fromkeys(paths))


def check_private_files(settings: Settings, url: str) -> CheckResult:
    problems = [found for path in private_paths(settings, url) if (found := owner_only.problem(path))]
    if not problems:
        return CheckResult("private_files", TITLE, False, True, "basis data, cadangan, pengaturan dan log")
    more = f" (dan {len(problems) - _SHOWN} lainnya)" if len(problems) > _SHOWN else ""
    return CheckResult(
        "private_files",
        TITLE,
        False,
        False,
        "; ".join(problems[:_SHOWN])
        + more
        + ". Akun lain di komputer ini dapat membaca NIK dan data warga: batasi hak aksesnya hanya untuk "
        "pemilik (Linux/macOS: chmod 600 berkas, chmod 700 folder; Windows: Properti → Keamanan).",
    )
