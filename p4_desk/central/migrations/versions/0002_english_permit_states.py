"""english permit states: rows stored with the Indonesian identifiers get the English ones

Revision ID: 0002
Revises: 0001

Until the desk's migration 0006 permit states were Indonesian words. Halls not yet upgraded
still send them (event ``schema_version`` 1) and the intake translates those at the edge; this
step converts the projection and back-office rows stored before. The mapping is frozen here
(migrations never import the code they migrate).
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

OLD_TO_NEW = {
    "diterima": "received",
    "verifikasi": "verifying",
    "diproses": "processing",
    "disetujui": "approved",
    "ditolak": "rejected",
    "siap_diambil": "ready",
    "diserahkan": "handed_over",
}
TABLES = ("applications", "application_updates")


def _convert(mapping: dict[str, str]) -> None:
    for table in TABLES:
        for old, new in mapping.items():
            op.execute(f"UPDATE {table} SET state = '{new}' WHERE state = '{old}'")


def upgrade() -> None:
    _convert(OLD_TO_NEW)


def downgrade() -> None:
    _convert({new: old for old, new in OLD_TO_NEW.items()})
