"""What the kiosk says to a citizen who cannot see the screen, in the board's Indonesian voice.

Each phrase has the same two forms as a call (``announcement``): clip names for the recorded
voice and a sentence for a text-to-speech engine. Agency and service names have no clip in the
default set: a site may record them (``instansi_<code>.wav``, ``layanan_<code>.wav`` in its
voice folder, ``voice.clips_dir``); without one the recorded voice says the choice's number,
which is also the key that takes it, and a text-to-speech voice says the name.
"""

from __future__ import annotations

from dataclasses import dataclass

from p4_desk.domain.number_words import number_to_words
from p4_desk.voice.announcement import TICKET_INTRO, _ticket_words

CHOICE = "pilihan"
WAIT_INTRO = "perkiraan_waktu_tunggu"
MINUTES = "menit"
NO_COUNTER_OPEN = "belum_ada_loket_buka"
#: the clips these phrases need beyond the call vocabulary (shipped in the default set)
KIOSK_VOCABULARY = (CHOICE, WAIT_INTRO, MINUTES, NO_COUNTER_OPEN)
KIOSK_PHRASES = {
    CHOICE: "pilihan",
    WAIT_INTRO: "perkiraan waktu tunggu",
    MINUTES: "menit",
    NO_COUNTER_OPEN: "belum ada loket yang buka",
}


@dataclass(frozen=True)
class Phrase:
    """One thing the kiosk says; ``words`` are clip names (any without a clip are skipped)."""

    tokens: tuple[str, ...]
    sentence: str

    def words(self) -> list[str]:
        return list(self.tokens)

    def text(self) -> str:
        return self.sentence


def name_clip(kind: str, code: str) -> str:
    """The clip a site may record for an agency (``instansi``) or a service (``layanan``)."""
    return f"{kind}_{code.lower()}"


def choice_phrase(position: int, title: str, clip: str | None) -> Phrase:
    """ "Pilihan tiga: Kartu Keluarga" — the number is the key that chooses it."""
    tokens = (CHOICE, *number_to_words(position).split(), *([clip] if clip else []))
    return Phrase(tokens, f"Pilihan {position}: {title}")


def ticket_phrase(number: str, wait_minutes: int | None) -> Phrase:
    """ "Nomor antrian A satu, perkiraan waktu tunggu lima menit" (or: no counter open yet)."""
    spoken = _ticket_words(number)  # "A007" -> a tujuh
    tokens = [TICKET_INTRO, *spoken]
    sentence = "Nomor antrian " + " ".join(word.upper() if len(word) == 1 else word for word in spoken)
    if wait_minutes is None:
        tokens.append(NO_COUNTER_OPEN)
        sentence += ", belum ada loket yang buka"
    else:
        tokens += [WAIT_INTRO, *number_to_words(wait_minutes).split(), MINUTES]
        sentence += f", perkiraan waktu tunggu {wait_minutes} menit"
    return Phrase(tuple(tokens), sentence)


def page_phrase(title: str, clip: str | None = None) -> Phrase:
    return Phrase((clip,) if clip else (), title)
