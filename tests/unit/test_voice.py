"""Voice announcements: words, the rendered WAV read back, site recordings, the play queue."""

from __future__ import annotations

import math
import wave
from array import array
from pathlib import Path

import pytest

from p4_desk.errors import P4Error
from p4_desk.voice import (
    Announcement,
    AnnouncementQueue,
    ClipLibrary,
    VoiceClipError,
    VoiceClipMissing,
    announcement_layout,
    announcement_text,
    announcement_words,
    default_clip_dir,
    render_announcement,
    write_wav,
)
from p4_desk.voice.announcement import CLIP_VOCABULARY

RATE = 22050


# --- helpers: read and write WAV files with the standard library only -------------------


def read_wav(path: Path) -> tuple[wave._wave_params, array[int]]:
    with wave.open(str(path), "rb") as wav:
        params = wav.getparams()
        samples = array("h", wav.readframes(params.nframes))
    return params, samples


def write_tone(
    path: Path, *, frequency: float, seconds: float, rate: int = RATE, channels: int = 1
) -> None:
    frames = int(rate * seconds)
    samples = array("h")
    for i in range(frames):
        value = round(12000 * math.sin(2 * math.pi * frequency * i / rate))
        samples.extend([value] * channels)
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(channels)
        wav.setsampwidth(2)
        wav.setframerate(rate)
        wav.writeframes(samples.tobytes())


def zero_crossings(samples: array[int]) -> int:
    return sum(1 for a, b in zip(samples, samples[1:], strict=False) if (a < 0) != (b < 0))


# --- words --------------------------------------------------------------------------------


def test_words_for_a_typical_call() -> None:
    # "Nomor antrian A seratus dua puluh tiga, silakan menuju loket tiga", chime first
    assert announcement_words("A123", "3") == [
        "chime", "nomor_antrian", "a", "seratus", "dua", "puluh", "tiga",
        "silakan_menuju_loket", "tiga",
    ]  # fmt: skip
    assert announcement_words("A123", 3) == announcement_words("A123", "3")


@pytest.mark.parametrize(
    ("ticket", "counter", "ticket_words", "counter_words"),
    [
        ("AB012", "3", ["a", "b", "dua", "belas"], ["tiga"]),  # two-letter prefix, zero dropped
        ("A007", "1", ["a", "tujuh"], ["satu"]),  # leading zeros are not spoken
        ("B010", "L03", ["b", "sepuluh"], ["l", "tiga"]),  # counter code: letters, then number
        ("C1000", "Loket 12", ["c", "seribu"], ["dua", "belas"]),  # "loket" is not said twice
        ("D000", "10", ["d", "nol"], ["sepuluh"]),
    ],
)
def test_letters_one_by_one_numbers_as_words(
    ticket: str, counter: str, ticket_words: list[str], counter_words: list[str]
) -> None:
    words = announcement_words(ticket, counter)
    split = words.index("silakan_menuju_loket")
    assert words[:2] == ["chime", "nomor_antrian"]
    assert words[2:split] == ticket_words
    assert words[split + 1 :] == counter_words


def test_text_for_tts() -> None:
    assert (
        announcement_text("A123", 3)
        == "Nomor antrian A seratus dua puluh tiga, silakan menuju loket tiga"
    )
    assert (
        announcement_text("AB012", "L03")
        == "Nomor antrian A B dua belas, silakan menuju loket L tiga"
    )


@pytest.mark.parametrize(("ticket", "counter"), [("123-A", "1"), ("A12", "Loket #1"), ("A12", "")])
def test_malformed_input_is_refused(ticket: str, counter: str) -> None:
    with pytest.raises(ValueError):
        announcement_words(ticket, counter)


def test_default_set_covers_every_word_an_announcement_can_use() -> None:
    library = ClipLibrary([default_clip_dir()])
    assert library.missing(CLIP_VOCABULARY) == []
    used: set[str] = set()
    for n in range(0, 10000, 7):
        used.update(announcement_words(f"Z{n:03d}", n % 40 + 1))
    used.update(announcement_words("QX1", "YW2"))
    assert used <= set(CLIP_VOCABULARY)
    assert library.missing(sorted(used)) == []


# --- rendering ----------------------------------------------------------------------------


def test_rendered_call_reads_back_in_order(tmp_path: Path) -> None:
    library = ClipLibrary([default_clip_dir()])
    tokens = announcement_words("A123", 3)
    out = write_wav(tmp_path / "call.wav", tokens, library)

    params, samples = read_wav(out)
    assert (params.nchannels, params.sampwidth, params.framerate) == (1, 2, RATE)
    assert 2.0 <= params.nframes / RATE <= 12.0

    layout = announcement_layout(tokens, library)
    assert [p.name for p in layout] == tokens
    for before, after in zip(layout, layout[1:], strict=False):
        assert before.end < after.start  # a gap, never an overlap
    assert layout[-1].end <= len(samples)
    for placement in layout:
        _, source = read_wav(default_clip_dir() / f"{placement.name}.wav")
        assert placement.frames == len(source)
        assert samples[placement.start : placement.end] == source, placement.name
        # silence between clips
        gap_end = placement.end + 100
        assert max(abs(s) for s in samples[placement.end : gap_end]) == 0


def test_render_returns_wav_bytes_and_volume_scales(tmp_path: Path) -> None:
    library = ClipLibrary([default_clip_dir()])
    tokens = ["chime", "nomor_antrian"]
    loud = tmp_path / "loud.wav"
    quiet = tmp_path / "quiet.wav"
    loud.write_bytes(render_announcement(tokens, library))
    quiet.write_bytes(render_announcement(tokens, library, volume=0.5))
    _, loud_samples = read_wav(loud)
    _, quiet_samples = read_wav(quiet)
    assert len(loud_samples) == len(quiet_samples)
    peak = max(abs(s) for s in loud_samples)
    assert peak > 5000
    assert abs(max(abs(s) for s in quiet_samples) - peak / 2) <= 1
    with pytest.raises(ValueError):
        render_announcement(tokens, library, volume=1.5)


def test_site_recording_overrides_the_default(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    write_tone(site / "tiga.wav", frequency=440, seconds=0.4)
    library = ClipLibrary.for_site(site)
    assert library.dirs == [site, default_clip_dir()]
    tokens = announcement_words("A3", "3")  # "tiga" twice, both from the site folder
    out = write_wav(tmp_path / "call.wav", tokens, library)

    _, samples = read_wav(out)
    _, site_clip = read_wav(site / "tiga.wav")
    _, default_a = read_wav(default_clip_dir() / "a.wav")
    layout = announcement_layout(tokens, library)
    tiga = [p for p in layout if p.name == "tiga"]
    assert len(tiga) == 2
    for placement in tiga:
        assert samples[placement.start : placement.end] == site_clip
    (a,) = [p for p in layout if p.name == "a"]
    assert samples[a.start : a.end] == default_a  # not recorded by the site: default


def test_missing_clip_is_a_clear_error(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    write_tone(site / "chime.wav", frequency=880, seconds=0.2)
    library = ClipLibrary([site])  # no default set behind it
    tokens = announcement_words("A1", "2")
    assert library.missing(tokens) == ["nomor_antrian", "a", "satu", "silakan_menuju_loket", "dua"]
    with pytest.raises(VoiceClipMissing) as caught:
        render_announcement(tokens, library)
    assert isinstance(caught.value, P4Error)
    assert "nomor_antrian" in caught.value.message
    assert "tidak ditemukan" in caught.value.message


def test_stereo_44k_recording_is_converted(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    # 0.5 s of 441 Hz, stereo, 44100 Hz: 220 full cycles → about 441 zero crossings
    write_tone(site / "satu.wav", frequency=441, seconds=0.5, rate=44100, channels=2)
    library = ClipLibrary([site, default_clip_dir()])
    out = write_wav(tmp_path / "call.wav", announcement_words("A1", "2"), library)

    params, samples = read_wav(out)
    assert (params.nchannels, params.framerate) == (1, RATE)
    (satu,) = [p for p in announcement_layout(announcement_words("A1", "2"), library)
               if p.name == "satu"]  # fmt: skip
    assert abs(satu.frames - RATE // 2) <= 1  # still half a second long
    segment = samples[satu.start : satu.end]
    assert abs(zero_crossings(segment) - 441) <= 3  # same pitch, not sped up or slowed down
    assert max(abs(s) for s in segment) > 11000  # not attenuated by the mix-down


@pytest.mark.parametrize("width", [1, 3])
def test_8_and_24_bit_recordings_are_converted(tmp_path: Path, width: int) -> None:
    site = tmp_path / "site"
    site.mkdir()
    # a square wave, +half/-half of full scale, 50 samples per half period
    frames = []
    for i in range(RATE // 2):
        high = (i // 50) % 2 == 0
        if width == 1:  # 8-bit WAV is unsigned: 128 is silence
            frames.append(bytes([192 if high else 64]))
        else:
            frames.append((0x400000 if high else -0x400000).to_bytes(3, "little", signed=True))
    with wave.open(str(site / "lima.wav"), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(width)
        wav.setframerate(RATE)
        wav.writeframes(b"".join(frames))
    library = ClipLibrary([site, default_clip_dir()])
    tokens = announcement_words("A5", "1")
    out = write_wav(tmp_path / "call.wav", tokens, library)

    _, samples = read_wav(out)
    (lima,) = [p for p in announcement_layout(tokens, library) if p.name == "lima"]
    segment = samples[lima.start : lima.end]
    assert len(segment) == RATE // 2
    assert set(segment) == {16384, -16384}  # half of full scale, in 16-bit


def test_unreadable_recording_is_refused_naming_the_file(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "dua.wav").write_bytes(b"ID3\x03\x00" + bytes(500))  # an MP3 renamed to .wav
    library = ClipLibrary([site, default_clip_dir()])
    with pytest.raises(VoiceClipError) as caught:
        render_announcement(announcement_words("A2", "1"), library)
    assert "dua.wav" in caught.value.message
    assert "WAV PCM 16-bit" in caught.value.message


# --- queue --------------------------------------------------------------------------------


def test_queue_is_fifo_and_never_overlaps() -> None:
    queue = AnnouncementQueue()
    first = Announcement("A001", "1")
    second = Announcement("B002", "2")
    queue.push(first)
    queue.push(second)

    assert queue.next() == first
    assert queue.next() is None  # first is still playing: nothing starts over it
    assert queue.playing == first
    queue.done()
    assert queue.next() == second
    queue.done()
    assert queue.next() is None
    assert len(queue) == 0


def test_recall_is_announced_again() -> None:
    queue = AnnouncementQueue()
    call = Announcement("A001", "1")
    recall = Announcement("A001", "1", recall=True)
    queue.push(call)
    queue.push(Announcement("A001", "1"))  # the same call pushed twice is said twice, too
    queue.push(recall)
    played = []
    while (announcement := queue.next()) is not None:
        played.append(announcement)
        queue.done()
    assert played == [call, Announcement("A001", "1"), recall]
    assert all(a.words() == announcement_words("A001", "1") for a in played)
