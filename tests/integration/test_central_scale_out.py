"""Two central server processes behind one PostgreSQL serve the same site safely (issue 20.5):
the same batches pushed to both at once are stored exactly once (the README's scale-out claim)."""

from __future__ import annotations

import threading
from collections import Counter as Tally
from pathlib import Path
from typing import Any

import pytest
import requests

from tests.integration.central_server import CentralServer, running_central
from tests.integration.test_central_api import T0, bearer, ticket_event

pytestmark = pytest.mark.postgres


def test_two_servers_store_each_event_of_one_site_exactly_once(pg_url: str, tmp_path: Path) -> None:
    with (
        running_central(tmp_path / "a", db_url=pg_url) as a,
        running_central(tmp_path / "b", db_url=pg_url) as b,
    ):
        token = a.enrol_site("LS01", "MPP Lampung Selatan")  # enrolled through one, used on both
        events = [ticket_event(f"t-{i}", number=f"A{i:03d}", at=T0) for i in range(1, 241)]
        batches = [events[i : i + 20] for i in range(0, len(events), 20)]
        answers: dict[str, list[dict[str, Any]]] = {"a": [], "b": []}
        failures: list[str] = []

        def push(name: str, server: CentralServer, order: list[list[dict[str, Any]]]) -> None:
            with requests.Session() as http:
                for batch in order:
                    r = http.post(
                        f"{server.url}/api/v1/sites/LS01/events",
                        json={"events": batch},
                        headers=bearer(token),
                        timeout=120,
                    )
                    if r.status_code != 200:
                        failures.append(f"{name}: {r.status_code} {r.text[:200]}")
                        continue
                    answers[name].append(r.json())

        # the same batches at the same time through both processes, in opposite orders
        pushers = [
            threading.Thread(target=push, args=("a", a, batches)),
            threading.Thread(target=push, args=("b", b, batches[::-1])),
        ]
        for t in pushers:
            t.start()
        for t in pushers:
            t.join(timeout=600)

        assert failures == []
        accepted = Tally(i for body in answers["a"] + answers["b"] for i in body["accepted"])
        duplicate = Tally(i for body in answers["a"] + answers["b"] for i in body["duplicate"])
        ids = {e["id"] for e in events}
        assert set(accepted) == ids and all(n == 1 for n in accepted.values()), "each accepted once"
        assert set(duplicate) == ids and all(n == 1 for n in duplicate.values()), "and once a duplicate"
        assert all(body["rejected"] == [] for body in answers["a"] + answers["b"])
        assert a.report() == {"LS01": {"ticket.issued": 240}}
