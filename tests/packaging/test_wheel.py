"""`pip install` of the wheel into a fresh virtual environment gives the whole program.

The wheel is built from this checkout with the locked setuptools, installed with the locked
dependencies (requirements/runtime.txt) into a new environment, and run from a folder outside
the checkout: no editable install, no source tree on the path. Slow (a minute; the first run
downloads the dependencies).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import wave
from collections.abc import Iterator
from pathlib import Path

import pytest

from p4_desk.resources import TRANSLATION_AREAS
from tests.support.checkout_lock import checkout_lock

ROOT = Path(__file__).resolve().parents[2]
BIN = "Scripts" if os.name == "nt" else "bin"
PASSWORD = "Roda-Wheel#2026"

pytestmark = [pytest.mark.slow, pytest.mark.checkout_build]  # setuptools writes build/

CHECK_LOOK = """
import sys
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication
import p4_desk
from p4_desk.gui.app.look import apply_theme, install_translations
app = QApplication([])
translators = install_translations(app, "id")
apply_theme(app)
print(p4_desk.__file__)
print(len(translators))
print(QCoreApplication.translate("ChoicePage", "Welcome to P4 Desk"))
print(QCoreApplication.translate("QPlatformTheme", "Cancel"))
print(len(app.styleSheet()))
"""


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    work = tmp_path_factory.mktemp("wheel")
    with checkout_lock():  # setuptools writes the checkout's build/
        built = subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
             "--wheel-dir", str(work / "dist"), str(ROOT)],
            capture_output=True, text=True, timeout=600, cwd=work,
        )  # fmt: skip
    assert built.returncode == 0, built.stderr
    (wheel,) = (work / "dist").glob("p4_desk-*.whl")
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    python = venv / BIN / "python"
    uv = Path(sys.executable).parent / "uv"  # the locked uv: fast, from its download cache
    deps = subprocess.run(
        [str(uv), "pip", "install", "--quiet", "--python", str(python), "--require-hashes",
         "-r", str(ROOT / "requirements" / "runtime.txt")],
        capture_output=True, text=True, timeout=1200,
    )  # fmt: skip
    assert deps.returncode == 0, deps.stderr
    program = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--no-deps", str(wheel)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert program.returncode == 0, program.stderr
    yield venv
    shutil.rmtree(work, ignore_errors=True)


def run(venv: Path, cwd: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    environment.update(QT_QPA_PLATFORM="offscreen", **env)
    return subprocess.run(
        [str(venv / BIN / "p4-desk"), *args], cwd=cwd, env=environment, capture_output=True,
        text=True, timeout=300, stdin=subprocess.DEVNULL,
    )  # fmt: skip


def test_the_installed_program_is_indonesian_themed_and_speaks(installed: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{(tmp_path / 'roda.sqlite3').as_posix()}"
    init = run(installed, tmp_path, "init", "--site-code", "MPP-WHL", "--site-name", "MPP Uji Roda",
               "--db", url, P4_DESK_PASSWORD=PASSWORD)  # fmt: skip
    assert init.returncode == 0, init.stderr
    settings = Path(os.environ["P4_DESK_CONFIG_DIR"]) / "settings.toml"
    settings.write_text('[workstation]\nrole = "display"\n', encoding="utf-8")

    report = run(installed, tmp_path, "selftest", "--json", "--no-qt", "--db", url)
    checks = {c["name"]: c for c in json.loads(report.stdout)["checks"]}
    assert report.returncode == 0, report.stdout + report.stderr
    assert checks["resources"]["ok"] and "site-packages" in checks["resources"]["detail"]
    assert checks["voice_clips"]["ok"] and checks["voice_clips"]["detail"] == "47 rekaman lengkap"

    # the translations load and the theme is found, from the installed package
    look = subprocess.run(
        [str(installed / BIN / "python"), "-c", CHECK_LOOK], cwd=tmp_path, capture_output=True,
        text=True, timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": ""},
    )  # fmt: skip
    assert look.returncode == 0, look.stderr
    where, translators, welcome, cancel, theme = look.stdout.strip().splitlines()
    assert str(installed) in where and str(ROOT) not in where
    assert int(translators) == len(TRANSLATION_AREAS)  # one per area, and Qt's own strings
    assert welcome == "Selamat datang di P4 Desk"
    assert cancel == "Batal"  # qtbase_id: Qt ships no Indonesian
    assert int(theme) > 1000

    # a call, rendered from the installed clips; a relative path means the user's folder
    said = run(installed, tmp_path, "voice", "say", "A1", "--counter", "1", "--out", "x.wav", "--db", url)
    assert said.returncode == 0, said.stderr
    with wave.open(str(tmp_path / "x.wav")) as clip:
        assert clip.getframerate() == 22050 and clip.getnchannels() == 1
        assert clip.getnframes() / clip.getframerate() > 2.0  # chime, "nomor antrian A satu", ...


def test_selftest_fails_when_an_installed_clip_is_missing(installed: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{(tmp_path / 'roda.sqlite3').as_posix()}"
    assert run(installed, tmp_path, "init", "--site-code", "MPP-WHL", "--site-name", "MPP Uji Roda",
               "--db", url, P4_DESK_PASSWORD=PASSWORD).returncode == 0  # fmt: skip
    clips = next(installed.rglob("p4_desk/assets/voice/id"))
    removed = clips / "delapan.wav"
    kept = removed.read_bytes()
    removed.unlink()
    try:
        report = run(installed, tmp_path, "selftest", "--json", "--no-qt", "--db", url)
        checks = {c["name"]: c for c in json.loads(report.stdout)["checks"]}
        assert report.returncode == 1  # a counter PC too: the installation is broken
        assert not checks["resources"]["ok"] and "voice/id/delapan.wav" in checks["resources"]["detail"]
        assert "Pasang ulang P4 Desk" in checks["resources"]["detail"]
    finally:
        removed.write_bytes(kept)
