"""The central server's contract for ``privacy.purged``: records named by kind, nothing else."""

from __future__ import annotations

import uuid

import pytest

from p4_desk.central.envelopes import Invalid, validate


def envelope(payload: object) -> dict[str, object]:
    return {
        "id": str(uuid.uuid4()), "type": "privacy.purged", "schema_version": 1,
        "occurred_at": "2026-03-04T03:00:00+00:00", "payload": payload,
    }  # fmt: skip


def test_a_purge_event_names_records_by_kind() -> None:
    event = validate(envelope({"applications": ["PDP-2603-00012-X"]}))
    assert event.type == "privacy.purged" and event.projection is None


@pytest.mark.parametrize(
    "payload",
    [{}, {"applicants": ["x"]}, {"tickets": "abc"}, {"complaints": [1]}, {"tickets": ["x"] * 1001},
     {"applications": [""]}],
)  # fmt: skip
def test_anything_else_is_refused_in_indonesian(payload: object) -> None:
    with pytest.raises(Invalid) as refused:
        validate(envelope(payload))
    assert refused.value.code == "invalid_payload" and "payload" in str(refused.value)
