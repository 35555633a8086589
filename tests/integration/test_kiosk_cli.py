"""``p4-desk ticket print`` and ``p4-desk voice say`` run as real processes; outputs read back."""

from __future__ import annotations

import io
import json
import wave
from array import array
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm

from p4_desk.services import queue
from p4_desk.voice import ClipLibrary, announcement_layout
from tests.support.cli import add_cli_admin
from tests.support.cli import run_p4 as p4
from tests.support.sites import Clock, make_site


def test_ticket_print_to_pdf(sqlite_url: str, tmp_path: Path) -> None:
    # Given a ticket issued at 10:00 WIB on Wednesday 4 March 2026 for KK, with one person ahead
    db = make_site(sqlite_url, Clock(datetime(2026, 3, 4, 3, 0, tzinfo=UTC)))
    add_cli_admin(db)
    queue.issue_ticket(db, "KK", print_state="pending")
    ticket = queue.issue_ticket(db, "KK", print_state="pending")
    db.dispose()
    out = tmp_path / "tiket.pdf"

    # When site IT prints it from the command line on 58 mm paper
    done = p4("ticket", "print", str(ticket.id), "--to", f"pdf:{out}", "--paper", "58", "--db", sqlite_url)

    # Then the PDF holds the number, the service, the local date, and the roll width
    assert done.returncode == 0, done.stderr
    assert f"Tiket {ticket.number} dicetak" in done.stdout
    page = PdfReader(io.BytesIO(out.read_bytes())).pages[0]
    text = page.extract_text()
    assert "B002" in text
    assert "Kartu Keluarga" in text
    assert "Rabu, 4 Maret 2026 pukul 10.00 WIB" in text
    assert "Jumlah antrian di depan Anda: 1" in text
    assert float(page.mediabox.width) == pytest.approx(58 * mm, abs=1)


def test_ticket_print_copy_as_json(sqlite_url: str, tmp_path: Path) -> None:
    db = make_site(sqlite_url)
    add_cli_admin(db)
    ticket = queue.issue_ticket(db, "KTP")
    db.dispose()
    out = tmp_path / "salinan.pdf"

    done = p4("ticket", "print", str(ticket.id), "--to", f"pdf:{out}", "--copy", "--json", "--db", sqlite_url)

    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert (answer["ticket"]["number"], answer["copy"], answer["ticket"]["print_state"]) == (
        "A001",
        True,
        "printed",
    )
    assert "SALINAN" in PdfReader(io.BytesIO(out.read_bytes())).pages[0].extract_text()


def test_ticket_print_unknown_ticket_fails_in_indonesian(sqlite_url: str, tmp_path: Path) -> None:
    db = make_site(sqlite_url)
    add_cli_admin(db)
    db.dispose()
    done = p4("ticket", "print", "999", "--to", f"pdf:{tmp_path / 'x.pdf'}", "--db", sqlite_url)
    assert done.returncode == 1
    assert "Tiket '999' tidak ditemukan" in done.stderr
    assert not (tmp_path / "x.pdf").exists()


def _read_wav(path: Path) -> tuple[wave._wave_params, array[int]]:
    with wave.open(str(path), "rb") as wav:
        params = wav.getparams()
        samples = array("h", wav.readframes(wav.getnframes()))
    return params, samples


def test_voice_say_renders_the_clips_in_order(tmp_path: Path) -> None:
    out = tmp_path / "a123.wav"

    done = p4("voice", "say", "A123", "--counter", "3", "--out", str(out), "--volume", "1.0")

    assert done.returncode == 0, done.stderr
    params, samples = _read_wav(out)
    assert (params.nchannels, params.sampwidth, params.framerate) == (1, 2, 22050)
    # "chime, Nomor antrian A seratus dua puluh tiga, silakan menuju loket tiga"
    expected = [
        "chime",
        "nomor_antrian",
        "a",
        "seratus",
        "dua",
        "puluh",
        "tiga",
        "silakan_menuju_loket",
        "tiga",
    ]
    library = ClipLibrary.for_site(None)
    layout = announcement_layout(expected, library)
    for placement in layout:
        clip = library.samples(placement.name)
        assert samples[placement.start : placement.end] == clip, placement.name
    # silence between clips, and nothing after the last one but a short pause
    for before, after in zip(layout, layout[1:], strict=False):
        assert not any(samples[before.end : after.start])
    seconds = params.nframes / params.framerate
    assert 3.0 < seconds < 15.0
    assert seconds == pytest.approx(layout[-1].end / 22050, abs=0.5)


def test_voice_say_volume_scales_the_signal(tmp_path: Path) -> None:
    loud, quiet = tmp_path / "loud.wav", tmp_path / "quiet.wav"
    assert (
        p4("voice", "say", "B7", "--counter", "Loket 12", "--out", str(loud), "--volume", "1").returncode == 0
    )
    assert (
        p4("voice", "say", "B7", "--counter", "Loket 12", "--out", str(quiet), "--volume", "0.5").returncode
        == 0
    )

    _, full = _read_wav(loud)
    _, half = _read_wav(quiet)
    assert len(full) == len(half)
    assert max(map(abs, half)) == pytest.approx(max(map(abs, full)) / 2, abs=2)


def test_voice_say_refuses_bad_input_in_indonesian(tmp_path: Path) -> None:
    out = tmp_path / "x.wav"
    done = p4("voice", "say", "A1", "--counter", "3", "--out", str(out), "--volume", "2")
    assert done.returncode == 1  # refused while the arguments are read, with the range in Indonesian
    assert done.stderr.splitlines()[-1] == "Galat: argumen --volume: volume '2' tidak sah: harus bilangan 0–1"
    done = p4("voice", "say", "A-1?", "--counter", "3", "--out", str(out))
    assert done.returncode == 1 and "tidak dapat diucapkan" in done.stderr
    assert not out.exists()


def test_voice_and_ticket_files_never_replace_a_file_p4_desk_did_not_write(
    sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("P4_DESK_DATA_DIR", str(tmp_path / "data"))
    db = make_site(sqlite_url)
    add_cli_admin(db)
    ticket = queue.issue_ticket(db, "KK", print_state="pending")
    db.dispose()
    theirs_wav, theirs_pdf = tmp_path / "rekaman.wav", tmp_path / "surat.pdf"
    theirs_wav.write_bytes(b"rekaman pribadi")
    theirs_pdf.write_bytes(b"surat pribadi")

    said = p4("voice", "say", "A1", "--counter", "3", "--out", str(theirs_wav))
    printed = p4("ticket", "print", str(ticket.id), "--to", f"pdf:{theirs_pdf}", "--db", sqlite_url)
    for refused in (said, printed):
        assert refused.returncode == 1 and "bukan buatan P4 Desk" in refused.stderr, refused.stderr
    assert theirs_wav.read_bytes() == b"rekaman pribadi" and theirs_pdf.read_bytes() == b"surat pribadi"

    ours = tmp_path / "uji.wav"
    assert p4("voice", "say", "A1", "--counter", "3", "--out", str(ours)).returncode == 0
    again = p4("voice", "say", "A2", "--counter", "3", "--out", str(ours))  # our own file: fine
    assert again.returncode == 0, again.stderr
    ours.write_bytes(b"diubah orang")  # changed since: no longer ours
    assert p4("voice", "say", "A3", "--counter", "3", "--out", str(ours)).returncode == 1
    assert ours.read_bytes() == b"diubah orang"
    forced = p4("voice", "say", "A3", "--counter", "3", "--out", str(ours), "--force")
    assert forced.returncode == 0 and ours.read_bytes()[:4] == b"RIFF"
