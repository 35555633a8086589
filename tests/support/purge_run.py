"""``python -m tests.support.purge_run URL``: a hall PC's purge in its own process, one row a
batch (the crash test kills it in the middle of a batch)."""

from __future__ import annotations

import sys

from p4_desk.services import privacy
from p4_desk.store.migrate import open_database

if __name__ == "__main__":
    db = open_database(sys.argv[1])
    print(privacy.purge(db, batch=1).counts, flush=True)
    db.dispose()
