"""The Windows installer, compiled here with NSIS (makensis runs natively on Linux) around the
labelled test payload, then opened again: 7-Zip lists what it installs, and its compiled header
is read back (tests/support/nsis.py) for the shortcuts, the uninstaller's questions and the
wizard's language. The real Windows bundle is built on Windows (installer/README.md).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tests.support.checkout_lock import checkout_lock
from tests.support.nsis import Header, read_header

ROOT = Path(__file__).resolve().parents[2]
IN_CI = os.environ.get("CI", "").lower() == "true"
ROLES = {
    "Loket": "counter",
    "Kiosk": "kiosk",
    "Layar Antrian": "display",
    "Supervisor": "supervisor",
    "Survei": "survey",
    "Admin": "admin",
}
LANG_INDONESIAN = 1057
MB_YESNO, MB_DEFBUTTON2, IDYES = 0x4, 0x100, 6

# build/installer-test-payload and dist/, as the bundle test: one test process at a time
pytestmark = pytest.mark.checkout_build


@pytest.fixture(scope="module")
def installer(tmp_path_factory: pytest.TempPathFactory) -> Path:
    for tool in ("makensis", "7z"):
        if shutil.which(tool) is None:
            message = f"{tool} is not installed (Debian packages nsis, p7zip-full)"
            if IN_CI:
                pytest.fail(message)
            pytest.skip(message)
    with checkout_lock():
        built = subprocess.run(
            [sys.executable, str(ROOT / "installer" / "build.py"), "--installer-only", "--test-payload"],
            cwd=ROOT, capture_output=True, text=True, timeout=600,
        )  # fmt: skip
    assert built.returncode == 0, built.stdout + built.stderr
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    path = ROOT / "dist" / f"P4Desk-{version}-TEST-PAYLOAD-setup.exe"
    assert path.is_file()
    return path


@pytest.fixture(scope="module")
def unpacked(installer: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("installer")
    done = subprocess.run(["7z", "x", "-y", f"-o{folder}", str(installer)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    return folder


def test_it_installs_the_bundle_layout_and_an_uninstaller(installer: Path, unpacked: Path) -> None:
    listing = subprocess.run(["7z", "l", str(installer)], capture_output=True, text=True).stdout
    assert "NSIS-3 Unicode" in listing
    for name in ("p4-desk.exe", "p4-desk-cli.exe", "_internal/TEST-PAYLOAD.txt", "uninstall.exe"):
        assert (unpacked / name).is_file(), name
    # the stand-in says what it is, in the files and in the wizard's title
    assert "MUATAN UJI" in (unpacked / "p4-desk.exe").read_text(encoding="utf-8")
    assert any("MUATAN UJI" in s for s in read_header(installer).all_strings())


def test_one_start_menu_shortcut_per_role(installer: Path) -> None:
    header = read_header(installer)
    for title, role in ROLES.items():
        calls = header.calls_with(f"$SMPROGRAMS\\P4 Desk\\P4 Desk — {title}.lnk")
        assert calls, title
        link, target, arguments, *_ = calls[0]
        assert target == "$INSTDIR\\p4-desk.exe" and arguments == f"--role {role}", calls[0]
    check = header.calls_with("Pemeriksaan Sistem.lnk")[0]
    assert check[1].endswith("cmd.exe") and 'p4-desk-cli.exe" selftest' in check[2]


def test_the_wizard_speaks_indonesian(installer: Path, unpacked: Path) -> None:
    for header in (read_header(installer), read_header(unpacked / "uninstall.exe")):
        assert header.language_ids == (LANG_INDONESIAN,)
    texts = read_header(installer).all_strings()
    assert any(t.startswith("Selamat datang di program instalasi") for t in texts)
    assert "Jalankan pemeriksaan sistem" in texts


def _message_boxes(header: Header) -> list[tuple[int, str, int]]:
    """(index, text, index reached on Yes) of every Yes/No question whose default is No."""
    found = []
    for index, entry in enumerate(header.entries):
        flags, text, answer, jump = entry.params[:4]
        if flags & 0x10F == MB_YESNO | MB_DEFBUTTON2 and answer == IDYES and text:
            found.append((index, header.text(text), jump - 1))
    return found


def test_the_uninstaller_keeps_the_sites_data_unless_asked_twice(unpacked: Path) -> None:
    header = read_header(unpacked / "uninstall.exe")
    questions = _message_boxes(header)
    assert len(questions) == 2, questions
    (first, ask, on_yes), (second, confirm, on_confirm) = questions
    assert ask.startswith("Hapus juga data situs") and "Pilih Tidak untuk menyimpannya" in ask
    assert confirm.startswith("Data situs di $0 akan dihapus permanen")
    assert on_yes == second  # Yes to the first question only leads to the second
    # Yes to the second removes $0, which holds this user's data folder
    removal = header.entries[on_confirm]
    assert header.string(removal.params[0]) == "$0" and removal.params[1] & 1  # RMDir /r
    assert header.calls_with("$LOCALAPPDATA\\P4Desk\\p4-desk")
    # nothing else in the uninstaller touches that folder
    data_calls = [c for c in header.calls_with("$LOCALAPPDATA") if "P4Desk" in " ".join(c)]
    assert all(c[0] in ("", "$LOCALAPPDATA\\P4Desk") for c in data_calls), data_calls
    # while the program folder and the shortcuts go
    assert header.calls_with("$INSTDIR\\_internal") and header.calls_with("$SMPROGRAMS\\P4 Desk")
