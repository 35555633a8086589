"""Generate the default Indonesian voice set into p4_desk/assets/voice/id/*.wav.

Words are spoken by espeak-ng (Indonesian voice ``id``), which writes 16-bit mono PCM at
22050 Hz, the format P4 Desk plays; leading and trailing silence is trimmed. The chime is
a two-tone "ding-dong" synthesised here. Run from the repository root:

    apt-get install -y espeak-ng
    python tools/make_voice_clips.py            # into p4_desk/assets/voice/id
    python tools/make_voice_clips.py --out DIR  # elsewhere
"""

from __future__ import annotations

import argparse
import math
import shutil
import subprocess
import sys
import tempfile
import wave
from array import array
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from p4_desk.voice.announcement import (  # noqa: E402
    CHIME,
    CLIP_VOCABULARY,
    COUNTER_INTRO,
    LETTERS,
    TICKET_INTRO,
)
from p4_desk.voice.kiosk import KIOSK_PHRASES, KIOSK_VOCABULARY  # noqa: E402
from p4_desk.voice.render import SAMPLE_RATE, default_clip_dir, read_clip  # noqa: E402

# How each letter is named in Indonesian (the spelling alphabet a caller uses).
_LETTER_NAMES = "a be ce de e ef ge ha i je ka el em en o pe ki er es te u fe we eks ye zet"
LETTER_NAMES = dict(zip(LETTERS, _LETTER_NAMES.split(), strict=True))
PHRASES = {TICKET_INTRO: "nomor antrian", COUNTER_INTRO: "silakan menuju loket", **KIOSK_PHRASES}
SPEED_WPM = 150
SILENCE_THRESHOLD = 400  # of 32767: below this a sample counts as silence
MARGIN_MS = 15


def spoken_text(name: str) -> str:
    return PHRASES.get(name) or LETTER_NAMES.get(name) or name


def speak(text: str, target: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "raw.wav"
        subprocess.run(["espeak-ng", "-v", "id", "-s", str(SPEED_WPM), "-w", str(raw), text], check=True)
        write_mono16(target, trim_silence(read_clip(raw)))


def trim_silence(samples: array[int]) -> array[int]:
    loud = [i for i, s in enumerate(samples) if abs(s) > SILENCE_THRESHOLD]
    if not loud:
        return samples
    margin = SAMPLE_RATE * MARGIN_MS // 1000
    return samples[max(0, loud[0] - margin) : loud[-1] + margin + 1]


def chime() -> array[int]:
    """Ding (E5) then dong (C5): decaying sines with a soft second harmonic."""
    out = array("h")
    for frequency, seconds in ((659.25, 0.45), (523.25, 0.75)):
        frames = int(SAMPLE_RATE * seconds)
        for i in range(frames):
            t = i / SAMPLE_RATE
            envelope = min(1.0, t / 0.005) * math.exp(-t * 4.5)
            phase = 2 * math.pi * frequency * t
            tone = math.sin(phase) + 0.3 * math.sin(2 * phase)
            out.append(round(0.55 * 32767 * envelope * tone / 1.3))
    return out


def write_mono16(path: Path, samples: array[int]) -> None:
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(SAMPLE_RATE)
        wav.writeframes(samples.tobytes())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=default_clip_dir())
    parser.add_argument("--missing", action="store_true", help="only the clips not in --out yet")
    args = parser.parse_args()
    if shutil.which("espeak-ng") is None:
        print("espeak-ng is not installed (apt-get install -y espeak-ng)", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    for name in (*CLIP_VOCABULARY, *KIOSK_VOCABULARY):
        target = args.out / f"{name}.wav"
        if args.missing and target.exists():
            continue
        if name == CHIME:
            write_mono16(target, chime())
        else:
            speak(spoken_text(name), target)
        print(target)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
