"""Intake drafts: what was typed, autosaved per workstation and ticket; purged after a week."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from sqlalchemy import delete

from p4_desk.store.db import Database
from p4_desk.store.journal import SYSTEM, Actor
from p4_desk.store.models import IntakeDraft

DRAFT_KEEP_DAYS = 7


def draft_key(workstation: str, ticket_uid: str | None) -> str:
    """One draft per workstation and ticket (or the walk-in form of that workstation)."""
    return f"{workstation}/{ticket_uid or 'walk-in'}"


def save_draft(db: Database, key: str, data: Mapping[str, Any], actor: Actor = SYSTEM) -> None:
    """Autosave what was typed. Not audited: a draft is not a change to any record."""
    with db.write() as s:
        s.merge(IntakeDraft(key=key, data=dict(data), user_id=actor.user_id, updated_at=db.now()))


def load_draft(db: Database, key: str) -> dict[str, Any] | None:
    with db.read() as s:
        draft = s.get(IntakeDraft, key)
        return None if draft is None else dict(draft.data)


def purge_stale_drafts(db: Database, days: int = DRAFT_KEEP_DAYS) -> int:
    """Delete drafts nobody touched for ``days`` days: they hold personal data (UU 27/2022)."""
    cutoff = db.now() - timedelta(days=days)
    with db.write() as s:
        result = s.execute(delete(IntakeDraft).where(IntakeDraft.updated_at < cutoff))
        return int(getattr(result, "rowcount", 0) or 0)


def discard_draft(db: Database, key: str) -> None:
    with db.write() as s:
        s.execute(delete(IntakeDraft).where(IntakeDraft.key == key))
