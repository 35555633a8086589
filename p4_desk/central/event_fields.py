"""Reading the fields of an event payload: each reader checks one field and raises ``Invalid``
with an Indonesian reason naming it."""

from __future__ import annotations

import hashlib
import os
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from p4_desk.central.event_types import IKM_ELEMENTS
from p4_desk.domain.permit_lifecycle import LEGACY_NAMES, PermitState

CLOCK_STATES = frozenset({"running", "stopped", "ended"})


def province_zone() -> ZoneInfo:
    """Time zone for the local date of applications, complaints and surveys."""
    return ZoneInfo(os.environ.get("P4_CENTRAL_TZ", "Asia/Jakarta"))


class Invalid(Exception):
    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


def aware_datetime(value: Any, name: str, *, required: bool = False) -> datetime | None:
    if value is None and not required:
        return None
    if not isinstance(value, str):
        raise Invalid("invalid_payload", f"'{name}' wajib berupa waktu ISO-8601 dengan zona.")
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise Invalid("invalid_payload", f"'{name}' bukan waktu ISO-8601: {value!r}.") from None
    if parsed.tzinfo is None or parsed.utcoffset() is None:
        raise Invalid("invalid_payload", f"'{name}' harus menyertakan zona waktu (offset).")
    try:
        return parsed.astimezone(UTC)
    except OverflowError:
        raise Invalid("invalid_payload", f"'{name}' di luar rentang waktu.") from None


def day(value: Any, name: str) -> date | None:
    if value is None:
        return None
    if isinstance(value, str) and len(value) == 10:
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise Invalid("invalid_payload", f"'{name}' harus berupa tanggal YYYY-MM-DD.")


def text(payload: dict[str, Any], name: str, *, required: bool = False, limit: int = 64) -> Any:
    value = payload.get(name)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value or len(value) > limit or not storable(value):
        raise Invalid("invalid_payload", f"payload.{name} wajib berupa teks (1–{limit} karakter).")
    return value


def storable(text: str) -> bool:
    """PostgreSQL refuses NUL characters and no database stores lone surrogates."""
    if "\x00" in text:
        return False
    try:
        text.encode()
    except UnicodeEncodeError:
        return False
    return True


def survey_answers(payload: dict[str, Any]) -> dict[str, int]:
    """Answers per IKM element ``U1``..``U9``, each 1 (tidak baik) to 4 (sangat baik)."""
    answers = payload.get("answers")
    if not isinstance(answers, dict) or not all(
        key in IKM_ELEMENTS and type(score) is int and 1 <= score <= 4 for key, score in answers.items()
    ):
        raise Invalid("invalid_payload", "payload.answers wajib berisi nilai 1–4 untuk unsur U1–U9.")
    return answers


def number(payload: dict[str, Any], name: str) -> float | None:
    value = payload.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
        raise Invalid("invalid_payload", f"payload.{name} wajib berupa angka.")
    return float(value)


def minutes(payload: dict[str, Any], name: str) -> int | None:
    value = payload.get(name)
    if value is None:
        return None
    if type(value) is not int or not 0 <= value <= 24 * 60:
        raise Invalid("invalid_payload", f"payload.{name} wajib berupa bilangan menit 0–1440.")
    return value


def secret_hash(payload: dict[str, Any]) -> str | None:
    secret = payload.get("tracking_secret")
    if secret is None:
        return None
    if not isinstance(secret, str) or not 8 <= len(secret) <= 64 or not storable(secret):
        raise Invalid("invalid_payload", "payload.tracking_secret wajib berupa teks 8–64 karakter.")
    return hashlib.sha256(secret.encode()).hexdigest()


def missing_documents(payload: dict[str, Any]) -> list[str] | None:
    """The names of the missing documents (``missing_document_names``), else their codes."""
    for key in ("missing_document_names", "missing_documents"):
        value = payload.get(key)
        if value is None:
            continue
        if not isinstance(value, list) or not all(
            isinstance(v, str) and 0 < len(v) <= 200 and storable(v) for v in value
        ):
            raise Invalid("invalid_payload", f"payload.{key} wajib berupa daftar teks.")
        return list(value)
    return None


def visit_next(payload: dict[str, Any]) -> list[str] | None:
    """The names of the services a ticket's visit goes on to (``visit_next``), at most three."""
    value = payload.get("visit_next")
    if value is None:
        return None
    if (
        not isinstance(value, list)
        or len(value) > 3
        or not all(isinstance(v, str) and 0 < len(v) <= 200 and storable(v) for v in value)
    ):
        raise Invalid(
            "invalid_payload", "payload.visit_next wajib berupa daftar nama layanan (paling banyak 3)."
        )
    return list(value)


def board(payload: dict[str, Any]) -> dict[str, Any]:
    """The hall's board as the public pages read it (``central.public.live``)."""
    services = payload.get("services")
    counters = payload.get("counters", [])
    if not isinstance(services, list) or not all(
        isinstance(s, dict) and isinstance(s.get("code"), str) and isinstance(s.get("name"), str)
        for s in services
    ):
        raise Invalid("invalid_payload", "payload.services wajib berupa daftar layanan (code, name).")
    if not isinstance(counters, list) or not all(
        isinstance(c, dict) and isinstance(c.get("code"), str) and isinstance(c.get("services", []), list)
        for c in counters
    ):
        raise Invalid("invalid_payload", "payload.counters wajib berupa daftar loket (code, services).")
    zone = payload.get("timezone", "Asia/Jakarta")
    try:
        ZoneInfo(zone)
    except (TypeError, ValueError, KeyError, OSError):
        raise Invalid("invalid_payload", f"payload.timezone bukan zona waktu: {zone!r}.") from None
    ahead = payload.get("remind_when_ahead", 3)
    if type(ahead) is not int or not 1 <= ahead <= 50:
        raise Invalid("invalid_payload", "payload.remind_when_ahead wajib bilangan 1–50.")
    return payload


def local_day(moment: datetime) -> date:
    return moment.astimezone(province_zone()).date()


def permit_state(payload: dict[str, Any], version: int) -> str:
    """The application's state as an English identifier, from either vocabulary by version."""
    value = text(payload, "state", required=True, limit=40)
    try:
        return str(PermitState(value) if version >= 2 else LEGACY_NAMES[value])
    except (ValueError, KeyError):
        words = ", ".join(PermitState) if version >= 2 else ", ".join(LEGACY_NAMES)
        raise Invalid(
            "invalid_payload",
            f"payload.state '{value}' bukan status permohonan schema_version {version} ({words}).",
        ) from None


def check_clock(clock: Any) -> None:
    """``payload.clock`` of a version-3 application event (the deadline clock after the change)."""

    def days(name: str) -> bool:
        value = clock.get(name)
        return type(value) is int and 0 <= value <= 10_000

    if not (
        isinstance(clock, dict)
        and clock.get("state") in CLOCK_STATES
        and days("allowance")
        and days("used_days")
    ):
        raise Invalid(
            "invalid_payload",
            "payload.clock wajib berisi state (running, stopped, ended), allowance dan used_days "
            "(bilangan hari kerja).",
        )
    day(clock.get("due_date"), "payload.clock.due_date")
