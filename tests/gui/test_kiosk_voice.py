"""The kiosk speaks through a real audio output: a PulseAudio null sink, recorded from its
monitor while a keypad-only citizen takes a ticket in another process."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from array import array
from datetime import UTC, datetime
from pathlib import Path

import pytest

from p4_desk.services import queue
from tests.support.pulse import pulse_server
from tests.support.sites import make_site

ROOT = Path(__file__).resolve().parents[2]
IN_CI = os.environ.get("CI") == "true"


def test_a_blind_citizen_hears_the_choices_the_number_and_the_wait(sqlite_url: str, tmp_path: Path) -> None:
    db = make_site(sqlite_url, lambda: datetime.now(UTC))  # the kiosk process runs on the real clock
    queue.set_counter_state(db, "L1", "open")
    queue.issue_ticket(db, "KTP")  # one citizen ahead: the wait is 5 minutes
    db.dispose()
    if shutil.which("parec") is None:
        pytest.fail(
            "parec (Debian package pulseaudio-utils) is needed to record the audio"
        ) if IN_CI else pytest.skip("no parec")
    try:
        server_context = pulse_server(tmp_path / "pulse")
        server = server_context.__enter__()
    except RuntimeError as exc:
        if IN_CI:
            pytest.fail(f"an audio server is required under CI=true: {exc}")
        pytest.skip(str(exc))
    try:
        env = dict(os.environ, PULSE_SERVER=server, QT_QPA_PLATFORM="offscreen")
        recording = tmp_path / "monitor.raw"
        with recording.open("wb") as out:
            recorder = subprocess.Popen(
                ["parec", "-d", "p4desk_null.monitor", "--format=s16le", "--rate=22050", "--channels=1",
                 "--raw"],
                env=env, stdout=out, stderr=subprocess.DEVNULL,
            )  # fmt: skip
            try:
                run = subprocess.run(
                    [sys.executable, "-m", "tests.support.kiosk_voice_run", sqlite_url,
                     str(tmp_path / "kiosk.toml")],
                    cwd=ROOT, env=env, capture_output=True, text=True, timeout=180,
                )  # fmt: skip
            finally:
                recorder.terminate()
                recorder.wait(timeout=10)
    finally:
        server_context.__exit__(None, None, None)
    assert run.returncode == 0, run.stderr[-2000:]
    report = json.loads(run.stdout.strip().splitlines()[-1])

    # Then the recorded Indonesian voice played, not a silent fallback
    assert report["mode"] == "clips", report["silent_reason"]
    assert report["number"] == "A002"
    texts = [p["text"] for p in report["played"]]
    assert texts[0] == "Pilihan 1: Dinas Kependudukan dan Pencatatan Sipil"
    assert texts[1].startswith("Dinas Kependudukan dan Pencatatan Sipil — pilih layanan. Pilihan 1:")
    assert texts[-1] == "Nomor antrian A dua, perkiraan waktu tunggu 5 menit"
    assert report["played"][-1]["words"] == [
        "nomor_antrian", "a", "dua", "perkiraan_waktu_tunggu", "lima", "menit",
    ]  # fmt: skip
    assert all(p["ended"] for p in report["played"])
    # And the sound really reached the audio output: the sink's monitor recorded speech
    samples = array("h", recording.read_bytes()[: len(recording.read_bytes()) // 2 * 2])
    loud = sum(1 for s in samples if abs(s) > 2000)
    assert loud > 22050 * 0.5, f"{loud} loud samples of {len(samples)}"  # over half a second of voice
