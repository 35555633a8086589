"""Join recorded clips into one announcement WAV: 16-bit mono PCM at 22050 Hz.

A site may record its own voice: its folder is searched first, then the default set
shipped in ``p4_desk/assets/voice/id``. Site recordings may come in another format; stereo is
mixed down, 8/24/32-bit PCM is brought to 16-bit and other sample rates are resampled
(linear interpolation: plenty for speech). What cannot be read is refused with an
Indonesian message naming the file.
"""

from __future__ import annotations

import io
import wave
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from p4_desk.errors import P4Error
from p4_desk.resources import resource
from p4_desk.voice.announcement import CHIME

SAMPLE_RATE = 22050
SAMPLE_WIDTH = 2  # bytes: 16-bit signed little-endian
CHANNELS = 1
GAP_MS = 120
AFTER_CHIME_MS = 300


class VoiceClipError(P4Error):
    code = "voice_clip_error"


class VoiceClipMissing(VoiceClipError):
    code = "voice_clip_missing"


def default_clip_dir() -> Path:
    """The default Indonesian voice set shipped with P4 Desk."""
    return resource("voice", "id")


@dataclass(frozen=True)
class ClipPlacement:
    """Where one clip sits in a rendered announcement, in frames (samples) from the start."""

    name: str
    start: int
    frames: int

    @property
    def end(self) -> int:
        return self.start + self.frames


class ClipLibrary:
    """Clips by name (``<name>.wav``), looked up in ``dirs`` in order: site folder first."""

    def __init__(self, dirs: Sequence[Path]) -> None:
        self.dirs = [Path(d) for d in dirs]
        self._cache: dict[tuple[Path, float], tuple[float, array[int]]] = {}

    @classmethod
    def for_site(cls, site_dir: Path | None, names_dir: Path | None = None) -> ClipLibrary:
        """The site's own recordings (when configured), then rendered names (``voice.names``),
        in front of the default set."""
        return cls([d for d in (site_dir, names_dir) if d is not None] + [default_clip_dir()])

    def path_for(self, name: str) -> Path | None:
        for folder in self.dirs:
            candidate = folder / f"{name}.wav"
            if candidate.is_file():
                return candidate
        return None

    def missing(self, tokens: Iterable[str]) -> list[str]:
        """Names among ``tokens`` that no folder has, in first-seen order."""
        missing: list[str] = []
        for name in tokens:
            if name not in missing and self.path_for(name) is None:
                missing.append(name)
        return missing

    def samples(self, name: str, volume: float = 1.0) -> array[int]:
        """The clip as 16-bit mono samples at SAMPLE_RATE (converted if needed), scaled by
        ``volume``. Cached until the file changes: a display renders many calls."""
        path = self.path_for(name)
        if path is None:
            raise self._missing_error([name])
        mtime = path.stat().st_mtime
        cached = self._cache.get((path, volume))
        if cached is None or cached[0] != mtime:
            clip = read_clip(path) if volume == 1.0 else self.samples(name)
            if volume != 1.0:
                clip = array("h", (round(s * volume) for s in clip))
            cached = (mtime, clip)
            self._cache[(path, volume)] = cached
        return cached[1]

    def _missing_error(self, names: list[str]) -> VoiceClipMissing:
        folders = "; ".join(str(d) for d in self.dirs)
        return VoiceClipMissing(
            f"Rekaman suara tidak ditemukan: {', '.join(names)}. "
            f"Letakkan berkas {names[0]}.wav di folder suara (dicari di: {folders})."
        )

    def require(self, tokens: Iterable[str]) -> None:
        missing = self.missing(tokens)
        if missing:
            raise self._missing_error(missing)


def read_clip(path: Path) -> array[int]:
    """Read a PCM WAV file and convert it to 16-bit mono at SAMPLE_RATE."""
    try:
        with wave.open(str(path), "rb") as wav:
            channels = wav.getnchannels()
            width = wav.getsampwidth()
            rate = wav.getframerate()
            data = wav.readframes(wav.getnframes())
    except (wave.Error, EOFError) as exc:
        raise VoiceClipError(
            f"Berkas suara {path} tidak dapat dibaca: bukan berkas WAV PCM "
            f"(simpan ulang sebagai WAV PCM 16-bit). Rincian: {exc}"
        ) from exc
    if width not in (1, 2, 3, 4):
        raise VoiceClipError(
            f"Berkas suara {path} memakai {width * 8}-bit; simpan ulang sebagai WAV PCM 16-bit."
        )
    if rate < 4000 or rate > 192000:
        raise VoiceClipError(f"Berkas suara {path} memakai laju sampel {rate} Hz yang tidak didukung.")
    samples = _to_16bit(data, width)
    if channels > 1:
        samples = _mix_down(samples, channels)
    if rate != SAMPLE_RATE:
        samples = _resample(samples, rate, SAMPLE_RATE)
    return samples


def announcement_layout(
    tokens: Sequence[str], library: ClipLibrary, *, gap_ms: int = GAP_MS
) -> list[ClipPlacement]:
    """Where each clip of ``tokens`` starts in the rendered announcement, and how long it is."""
    library.require(tokens)
    gap = SAMPLE_RATE * gap_ms // 1000
    after_chime = SAMPLE_RATE * max(gap_ms, AFTER_CHIME_MS) // 1000
    placements: list[ClipPlacement] = []
    position = 0
    for name in tokens:
        frames = len(library.samples(name))
        placements.append(ClipPlacement(name, position, frames))
        position += frames + (after_chime if name == CHIME else gap)
    return placements


def render_announcement(
    tokens: Sequence[str],
    library: ClipLibrary,
    *,
    volume: float = 1.0,
    gap_ms: int = GAP_MS,
) -> bytes:
    """The whole announcement as the bytes of a WAV file (16-bit mono, SAMPLE_RATE)."""
    if not 0.0 <= volume <= 1.0:
        raise ValueError(f"volume must be within 0.0..1.0, got {volume}")
    layout = announcement_layout(tokens, library, gap_ms=gap_ms)
    total = layout[-1].end + SAMPLE_RATE * gap_ms // 1000 if layout else 0
    out = array("h", bytes(total * SAMPLE_WIDTH))
    for placement in layout:
        out[placement.start : placement.end] = library.samples(placement.name, volume)
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as wav:
        wav.setnchannels(CHANNELS)
        wav.setsampwidth(SAMPLE_WIDTH)
        wav.setframerate(SAMPLE_RATE)
        wav.writeframes(_little_endian(out))
    return buffer.getvalue()


def write_wav(
    path: Path,
    tokens: Sequence[str],
    library: ClipLibrary,
    *,
    volume: float = 1.0,
    gap_ms: int = GAP_MS,
) -> Path:
    """Render the announcement into ``path`` (written whole, then renamed into place)."""
    data = render_announcement(tokens, library, volume=volume, gap_ms=gap_ms)
    path = Path(path)
    partial = path.with_name(path.name + ".part")
    partial.write_bytes(data)
    partial.replace(path)
    return path


def _to_16bit(data: bytes, width: int) -> array[int]:
    if width == 2:
        samples = array("h", data[: len(data) - len(data) % 2])
        if _big_endian_host():
            samples.byteswap()
        return samples
    if width == 1:  # 8-bit WAV is unsigned
        return array("h", ((b - 128) << 8 for b in data))
    # 24/32-bit: keep the two most significant bytes of each little-endian sample
    return array(
        "h",
        (
            int.from_bytes(data[i + width - 2 : i + width], "little", signed=True)
            for i in range(0, len(data) - width + 1, width)
        ),
    )


def _mix_down(samples: array[int], channels: int) -> array[int]:
    frames = len(samples) // channels
    return array(
        "h",
        (sum(samples[f * channels : (f + 1) * channels]) // channels for f in range(frames)),
    )


def _resample(samples: array[int], source_rate: int, target_rate: int) -> array[int]:
    count = len(samples)
    if count == 0:
        return array("h")
    target_count = max(1, round(count * target_rate / source_rate))
    step = source_rate / target_rate
    out = array("h", bytes(target_count * 2))
    last = count - 1
    for i in range(target_count):
        position = i * step
        left = int(position)
        if left >= last:
            out[i] = samples[last]
            continue
        fraction = position - left
        out[i] = round(samples[left] + (samples[left + 1] - samples[left]) * fraction)
    return out


def _big_endian_host() -> bool:
    return array("h", [1]).tobytes()[0] == 0


def _little_endian(samples: array[int]) -> bytes:
    if _big_endian_host():
        swapped = array("h", samples)
        swapped.byteswap()
        return swapped.tobytes()
    return samples.tobytes()
