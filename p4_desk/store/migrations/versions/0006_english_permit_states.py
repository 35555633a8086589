"""english permit states: the stored application states become English identifiers

Revision ID: 0006
Revises: 0005

``diterima`` ... ``diserahkan`` become ``received`` ... ``handed_over`` (domain.permit_lifecycle)
in every row that stores one: applications, their tracking history, and back-office updates
pulled from the central API. What officers read (the labels) does not change.

Left as they are, on purpose: the audit log (append-only, it records what was written then) and
the outbox. An unsent event keeps the payload and ``schema_version`` 1 it was written with: it may
already have reached the central server before a lost acknowledgement, and an event re-sent with
other content under the same id would be refused as conflicting. The central server reads
version-1 application events in the old vocabulary.

The mapping is written out here, not imported, so this migration means the same forever.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
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
TABLES = ("application", "application_status_history", "central_application_update")


def _rename(mapping: dict[str, str]) -> None:
    for table in TABLES:
        column = sa.table(table, sa.column("state", sa.String()))
        op.execute(
            column.update()
            .where(column.c.state.in_(list(mapping)))
            .values(state=sa.case(mapping, value=column.c.state))
        )


def upgrade() -> None:
    _rename(OLD_TO_NEW)


def downgrade() -> None:
    _rename({new: old for old, new in OLD_TO_NEW.items()})
