"""The sync agent's retry pacing (``Backoff``) and what one run did (``RunReport``)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Backoff:
    """Exponential backoff with full jitter: wait uniform(0, min(cap, base * 2^(n-1)))."""

    base_s: float = 1.0
    cap_s: float = 300.0

    def ceiling(self, failures: int) -> float:
        return min(self.cap_s, self.base_s * 2 ** max(0, failures - 1))

    def delay(self, failures: int, rng: random.Random) -> float:
        return rng.uniform(0.0, self.ceiling(failures))


@dataclass
class RunReport:
    """What one run did; ``reachable`` is False when it gave up on the central API."""

    accepted: int = 0
    duplicate: int = 0
    failed: int = 0
    pending: int = 0
    reachable: bool = True
    skipped: bool = False
    catalog: str | None = None  # imported | stored | unchanged | None (not pulled)
    application_updates: int = 0
    web_complaints: int = 0
    reminders: int = 0  # phones given at the kiosk handed to the central server
    idle: bool = False  # nothing was due: no push, no pull
    error: str | None = None
    retries: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def sent(self) -> int:
        return self.accepted + self.duplicate

    def to_json(self) -> dict[str, Any]:
        return {
            "accepted": self.accepted,
            "duplicate": self.duplicate,
            "failed": self.failed,
            "pending": self.pending,
            "reachable": self.reachable,
            "skipped": self.skipped,
            "catalog": self.catalog,
            "application_updates": self.application_updates,
            "web_complaints": self.web_complaints,
            "reminders": self.reminders,
            "retries": self.retries,
            "error": self.error,
        }
