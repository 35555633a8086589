"""Voice announcements: ticket call → Indonesian words → clip sequence → one WAV to play.

Qt-free. The display role feeds :class:`AnnouncementQueue`, renders the next announcement
with :func:`render_announcement` (off the UI thread) and plays one WAV at a time.
"""

from p4_desk.voice.announcement import (
    CHIME,
    Announcement,
    announcement_text,
    announcement_words,
)
from p4_desk.voice.queue import AnnouncementQueue
from p4_desk.voice.render import (
    CHANNELS,
    SAMPLE_RATE,
    SAMPLE_WIDTH,
    ClipLibrary,
    ClipPlacement,
    VoiceClipError,
    VoiceClipMissing,
    announcement_layout,
    default_clip_dir,
    render_announcement,
    write_wav,
)

__all__ = [
    "CHANNELS",
    "CHIME",
    "SAMPLE_RATE",
    "SAMPLE_WIDTH",
    "Announcement",
    "AnnouncementQueue",
    "ClipLibrary",
    "ClipPlacement",
    "VoiceClipError",
    "VoiceClipMissing",
    "announcement_layout",
    "announcement_text",
    "announcement_words",
    "default_clip_dir",
    "render_announcement",
    "write_wav",
]
