"""What every workstation window gets: the database, settings, role, counter and the user."""

from __future__ import annotations

from dataclasses import dataclass, field

from p4_desk.config import Settings
from p4_desk.services.users import UserInfo
from p4_desk.store.db import Database
from p4_desk.store.journal import SYSTEM, Actor

# Roles whose window needs a logged-in user, and which user roles may open them.
LOGIN_ROLES: dict[str, tuple[str, ...]] = {
    "counter": ("operator", "supervisor", "admin"),
    "supervisor": ("supervisor", "admin"),
    "admin": ("admin",),
}


@dataclass
class AppContext:
    db: Database
    settings: Settings
    role: str
    counter: str | None = None
    language: str = "id"
    user: UserInfo | None = field(default=None)

    @property
    def actor(self) -> Actor:
        return self.user.actor if self.user else SYSTEM
