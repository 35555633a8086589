"""JSON files given to the CLI, checked against the published JSON Schemas before anything is written.

The schemas ship in ``p4_desk/assets/schemas`` (copies in ``docs/schemas`` for integrators; a
test keeps them equal). They check the *shape* of a file: which keys, of which types, which are
required; the services then check the content field by field. Every violation gets an
Indonesian message — a schema may give its own with ``"x-pesan"`` (``{kolom}`` is the key).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from p4_desk.errors import ValidationError
from p4_desk.resources import resource

INTAKE = "application-intake"
COMPLAINT = "complaint"
SURVEY = "survey-response"

_TYPES = {
    "string": "teks",
    "integer": "bilangan bulat",
    "number": "angka",
    "boolean": "true/false",
    "array": "daftar [...]",
    "object": "objek {...}",
    "null": "null",
}


class SchemaViolation(ValidationError):
    """The file does not have the published shape; ``errors`` maps each field to its message."""

    code = "schema_violation"

    def __init__(self, path: str, schema: str, errors: dict[str, str]) -> None:
        self.errors = errors
        lines = "\n".join(f"- {message}" for message in errors.values())
        super().__init__(
            f"Berkas {path} tidak sesuai format {schema}.schema.json (docs/schemas):\n{lines}",
            field=next(iter(errors), None),
        )


@cache
def schema(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(resource("schemas", f"{name}.schema.json").read_text("utf-8"))
    return data


def read_json_file(path: str | Path, name: str) -> dict[str, Any]:
    """The object in ``path`` when it matches schema ``name``; ``ValidationError`` otherwise."""
    from jsonschema import Draft202012Validator

    from p4_desk.files import read_json_file as read_json

    data = read_json(path, field="json_file")  # size, encoding, syntax and depth, in Indonesian
    validator = Draft202012Validator(schema(name), format_checker=Draft202012Validator.FORMAT_CHECKER)
    errors: dict[str, str] = {}
    for error in sorted(validator.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path]):
        for field, message in _messages(error):
            errors.setdefault(field, message)
    if errors:
        raise SchemaViolation(str(path), name, errors)
    assert isinstance(data, dict)  # the schemas all describe objects
    return data


def _where(parts: list[Any]) -> str:
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _messages(error: Any) -> list[tuple[str, str]]:
    """(field path, Indonesian message) for one jsonschema error."""
    parts = list(error.absolute_path)
    where = _where(parts)
    shown = f"Kolom '{where}'" if where else "Isi berkas"
    keyword, expected = error.validator, error.validator_value
    custom = error.schema.get("x-pesan") if isinstance(error.schema, dict) else None
    if custom:
        return [(where, custom.format(kolom=parts[-1] if parts else ""))]
    if keyword == "required":
        missing = [key for key in expected if key not in error.instance]
        return [(_where([*parts, key]), f"Kolom '{_where([*parts, key])}' wajib ada.") for key in missing]
    if keyword == "additionalProperties":
        known = set(error.schema.get("properties", {}))
        extra = sorted(key for key in error.instance if key not in known)
        return [(_where([*parts, key]), f"Kolom '{_where([*parts, key])}' tidak dikenal.") for key in extra]
    if keyword == "type":
        kinds = [expected] if isinstance(expected, str) else list(expected)
        return [(where, f"{shown} harus berupa {' atau '.join(_TYPES.get(k, k) for k in kinds)}.")]
    if keyword == "enum":
        return [(where, f"{shown} harus salah satu dari: {', '.join(map(str, expected))}.")]
    if keyword == "maxLength":
        return [(where, f"{shown} terlalu panjang (maks. {expected} karakter).")]
    if keyword == "minLength":
        return [(where, f"{shown} minimal {expected} karakter.")]
    if keyword == "minimum":
        return [(where, f"{shown} minimal {expected}.")]
    if keyword == "maximum":
        return [(where, f"{shown} maksimal {expected}.")]
    if keyword == "format" and expected == "date":
        return [(where, f"{shown} harus tanggal TTTT-BB-HH (diterima: {error.instance}).")]
    return [(where, f"{shown} tidak sesuai format ({keyword}).")]
