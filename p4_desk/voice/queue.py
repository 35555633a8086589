"""Announcements wait their turn: first in, first out, one at a time, never overlapping.

There is no deduplication: a recall of the same ticket is pushed again and said again.
The display role pushes every call it sees, asks :meth:`AnnouncementQueue.next` for the
next one to render and play, and calls :meth:`AnnouncementQueue.done` when playback ends
(or fails); ``next`` returns nothing while an announcement is still playing.
"""

from __future__ import annotations

import threading
from collections import deque

from p4_desk.voice.announcement import Announcement


class AnnouncementQueue:
    def __init__(self) -> None:
        self._waiting: deque[Announcement] = deque()
        self._playing: Announcement | None = None
        self._lock = threading.Lock()

    def push(self, announcement: Announcement) -> None:
        with self._lock:
            self._waiting.append(announcement)

    def next(self) -> Announcement | None:
        """The next announcement to play, now marked as playing; ``None`` while one is
        still playing or when nothing waits."""
        with self._lock:
            if self._playing is not None or not self._waiting:
                return None
            self._playing = self._waiting.popleft()
            return self._playing

    def done(self) -> None:
        """The playing announcement has finished (or could not be played)."""
        with self._lock:
            self._playing = None

    @property
    def playing(self) -> Announcement | None:
        return self._playing

    def waiting(self) -> list[Announcement]:
        with self._lock:
            return list(self._waiting)

    def clear(self) -> None:
        """Drop everything waiting (e.g. the display is closing); the playing one stays."""
        with self._lock:
            self._waiting.clear()

    def __len__(self) -> int:
        return len(self._waiting)
