"""What of a hall's events may reach the central server: the personal-data contract (UU 27/2022).

The province uses an event for its statistics, the back office and the citizens' pages; it
never needs the applicant's full name, who collected a permit, or a named complaint reporter's
name, phone and e-mail (docs/privacy/fields.md says field by field why). ``minimise`` turns a
payload as the desk keeps it in its outbox into what is sent:

- ``PERSONAL_FIELDS_ACCEPTED``: per event family, the personal fields the central server accepts
  (already masked or needed for a citizen's own page); the contract in docs/api/openapi.json.
- ``WITHHELD``: personal fields dropped. ``applicant_name`` becomes ``applicant_masked``
  (``B*** S***``, ``domain.names.mask_name``), what the tracking page shows.
- ``FREE_TEXT``: typed text whose NIKs and phone numbers are masked (``domain.masking``).

The desk applies it when it sends (``sync.outbox``), so events queued before this rule existed
leave minimised too; the central server applies it again to whatever it receives (an older
desk), before the content hash is taken, so both give the same stored event.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from p4_desk.domain.masking import mask_personal_numbers
from p4_desk.domain.names import mask_name


def family(event_type: str) -> str:
    """``application.received`` → ``application``."""
    return event_type.split(".", 1)[0]


#: personal (or person-linked) fields the central server accepts, per family
PERSONAL_FIELDS_ACCEPTED: Mapping[str, tuple[str, ...]] = {
    "application": ("applicant_masked", "tracking_secret", "officer"),
    "complaint": ("confidential", "latitude", "longitude", "officer"),
    "ticket": ("public_token", "officer"),
    "counter": ("officer",),
    "survey": (),
    "site": (),
}
#: personal fields never sent (dotted paths into the payload)
WITHHELD: Mapping[str, tuple[str, ...]] = {
    "application": ("applicant_name", "nik_masked", "handed_over_to", "proxy.name", "proxy.nik_masked"),
    "complaint": ("reporter",),
}
#: free text: masked (dotted paths)
FREE_TEXT: Mapping[str, tuple[str, ...]] = {
    "application": ("note", "clock_change.reason", "clock_change.note"),
    "complaint": ("description", "place", "note", "reason"),
    "ticket": ("cancel_reason",),
}


def minimise(event_type: str, payload: Mapping[str, Any]) -> dict[str, Any]:
    """The payload as it may leave the hall (a new dict; ``payload`` is not changed)."""
    kind = family(event_type)
    out = _copied(dict(payload))
    if kind == "application" and "applicant_name" in out:
        name = out.get("applicant_name")
        out.setdefault("applicant_masked", mask_name(name) if isinstance(name, str) and name else None)
    for path in WITHHELD.get(kind, ()):
        _drop(out, path)
    if kind == "complaint" and "reporter" in payload:
        out["reporter"] = None  # the key stays: an older central server reads it as "no identity"
    for path in FREE_TEXT.get(kind, ()):
        _mask(out, path)
    return out


def _copied(value: Any) -> Any:
    """A copy of a JSON value's containers (its leaves are immutable; cheaper than deepcopy)."""
    if isinstance(value, dict):
        return {key: _copied(item) if isinstance(item, dict | list) else item for key, item in value.items()}
    if isinstance(value, list):
        return [_copied(item) if isinstance(item, dict | list) else item for item in value]
    return value


def _drop(payload: dict[str, Any], path: str) -> None:
    *parents, leaf = path.split(".")
    node: Any = payload
    for key in parents:
        node = node.get(key) if isinstance(node, dict) else None
    if isinstance(node, dict):
        node.pop(leaf, None)


def _mask(payload: dict[str, Any], path: str) -> None:
    *parents, leaf = path.split(".")
    node: Any = payload
    for key in parents:
        node = node.get(key) if isinstance(node, dict) else None
    if isinstance(node, dict) and isinstance(node.get(leaf), str):
        node[leaf] = mask_personal_numbers(node[leaf])
