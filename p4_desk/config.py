"""Workstation settings: one TOML file in the platformdirs config dir, plus env overrides.

Every setting is declared once in ``SETTINGS`` with its default and a title; adding an option
is one line here. Site-wide facts (site code, name, time zone, running text) live in the
database so that every workstation of a site agrees on them; this file holds what belongs to
one PC: which database, which role and counter, printer, language, voice volume.

Environment overrides (useful for kiosks started by a service manager and for tests):
``P4_DESK_DB`` (database URL), ``P4_DESK_CONFIG_DIR``, ``P4_DESK_DATA_DIR``, ``P4_DESK_LOG_DIR``.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs

from p4_desk.errors import ConfigError

APP_NAME = "p4-desk"
APP_AUTHOR = "P4Desk"


@dataclass(frozen=True)
class Setting:
    key: str  # "section.name"
    default: Any
    title: str


SETTINGS: tuple[Setting, ...] = (
    Setting("database.url", "", "Database URL (empty: embedded SQLite in the data dir)"),
    Setting("workstation.id", "", "Workstation name in the audit log (empty: host name)"),
    Setting("workstation.role", "counter", "counter | kiosk | display | supervisor | survey | admin"),
    Setting("workstation.counter", "", "Counter code this PC serves (role counter/survey)"),
    Setting("workstation.language", "id", "UI language: id or en"),
    Setting("workstation.idle_lock_minutes", 5, "Lock the screen after this many idle minutes"),
    Setting("printer.ticket_target", "pdf", "pdf | printer:NAME | escpos-file:PATH | escpos-net:HOST:PORT"),
    Setting("printer.ticket_paper_mm", 80, "Ticket paper width: 58 or 80"),
    Setting("printer.receipt_paper", "A5", "Receipt paper: A4 or A5"),
    Setting("printer.receipt_archive", "", "Receipt PDF archive folder (empty: receipts/ in the data dir)"),
    Setting("voice.enabled", True, "Play voice announcements on the display"),
    Setting("voice.volume", 0.8, "Announcement volume 0.0-1.0"),
    Setting("voice.clips_dir", "", "Folder with the site's own recorded clips (optional)"),
    Setting("voice.tts", False, "Use the OS text-to-speech (id-ID voice) instead of clips"),
    Setting("sync.url", "", "Central provincial API base URL"),
    Setting("sync.ca_bundle", "", "CA bundle path for the central API (empty: system store)"),
    Setting("backup.daily", True, "Take an automatic daily backup"),
    Setting("backup.keep", 14, "How many automatic backups to keep"),
)

_BY_KEY = {s.key: s for s in SETTINGS}


def config_dir() -> Path:
    return Path(os.environ.get("P4_DESK_CONFIG_DIR") or platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))


def data_dir() -> Path:
    return Path(os.environ.get("P4_DESK_DATA_DIR") or platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def log_dir() -> Path:
    return Path(os.environ.get("P4_DESK_LOG_DIR") or platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))


def settings_path() -> Path:
    return config_dir() / "settings.toml"


def default_database_url() -> str:
    return f"sqlite:///{(data_dir() / 'p4desk.sqlite3').as_posix()}"


class Settings:
    """Values of ``SETTINGS`` read from the TOML file; unknown keys are kept and written back."""

    def __init__(self, values: dict[str, Any] | None = None, path: Path | None = None) -> None:
        self.path = path or settings_path()
        self._values: dict[str, Any] = dict(values or {})

    @classmethod
    def load(cls, path: Path | None = None) -> Settings:
        path = path or settings_path()
        values: dict[str, Any] = {}
        if path.exists():
            try:
                raw = tomllib.loads(path.read_text(encoding="utf-8"))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
                raise ConfigError(f"Berkas pengaturan {path} rusak: {exc}") from exc
            for section, table in raw.items():
                if isinstance(table, dict):
                    for name, value in table.items():
                        values[f"{section}.{name}"] = value
        return cls(values, path)

    def get(self, key: str) -> Any:
        if key in self._values:
            return self._values[key]
        if key not in _BY_KEY:
            raise KeyError(key)
        return _BY_KEY[key].default

    def set(self, key: str, value: Any) -> None:
        if key not in _BY_KEY:
            raise KeyError(key)
        self._values[key] = value

    def database_url(self) -> str:
        return os.environ.get("P4_DESK_DB") or self.get("database.url") or default_database_url()

    def save(self) -> None:
        sections: dict[str, dict[str, Any]] = {}
        for key, value in sorted(self._values.items()):
            section, name = key.split(".", 1)
            sections.setdefault(section, {})[name] = value
        lines: list[str] = []
        for section, table in sections.items():
            lines.append(f"[{section}]")
            lines.extend(f"{name} = {_toml_value(value)}" for name, value in table.items())
            lines.append("")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text("\n".join(lines), encoding="utf-8")
        tmp.replace(self.path)


def _toml_value(value: Any) -> str:
    # Settings are flat scalars; this covers every type SETTINGS declares.
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        escaped = value.replace("\\", "\\\\").replace('"', '\\"')
        return f'"{escaped}"'
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    raise TypeError(f"unsupported setting type: {type(value).__name__}")
