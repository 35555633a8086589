"""Read models of the screens: what one screen shows, read by one call in one transaction.

Each function composes the public service calls the screen needs inside one
``db.read(snapshot=True)`` block (the nested reads join it, see ``store.db``), so a screen
never shows a waiting list and a count read at different moments, and one refresh opens one
session. Each returns a frozen dataclass; nothing here imports Qt.
"""
