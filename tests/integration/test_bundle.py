"""The frozen one-folder bundle: built with PyInstaller, run, and checked for what it must carry.

Slow (a few minutes): runs only with ``P4_TEST_BUNDLE=1`` (CI). ``P4_TEST_BUNDLE_REUSE=1`` checks
an already built ``dist/p4-desk`` instead of building again. Expectations come from the source
tree (every form, translation, voice clip, migration and keyring backend found there), so a
new file that the spec fails to pick up fails this test. Every shared library the bundle ships
is loaded, and the display's sound path is exercised inside the bundle on a real (private,
null-sink) PulseAudio server.
"""

from __future__ import annotations

import json
import os
import pkgutil
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

import keyring.backends
import pytest

from tests.support.checkout_lock import checkout_lock
from tests.support.pulse import pulse_server

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "dist" / "p4-desk"
WINDOWS = sys.platform == "win32"
EXE = BUNDLE / ("p4-desk-cli.exe" if WINDOWS else "p4-desk")
IN_CI = os.environ.get("CI", "").lower() == "true"
PASSWORD = "Bundel#Uji2026"
SIZE_TARGET_MB = 200

pytestmark = [
    pytest.mark.slow,
    pytest.mark.checkout_build,  # build/pyinstaller and dist/, as the installer test
    pytest.mark.skipif(
        os.environ.get("P4_TEST_BUNDLE") != "1", reason="set P4_TEST_BUNDLE=1 to build the bundle"
    ),
]


@pytest.fixture(scope="module")
def bundle() -> Path:
    with checkout_lock():
        if os.environ.get("P4_TEST_BUNDLE_REUSE") != "1" or not EXE.exists():
            subprocess.run(
                [sys.executable, str(ROOT / "installer" / "build.py")], check=True, cwd=ROOT, timeout=1800
            )
    assert EXE.is_file()
    return BUNDLE


@pytest.fixture(scope="module")
def frozen_modules(bundle: Path) -> set[str]:
    from PyInstaller.archive.readers import CArchiveReader

    archive = CArchiveReader(str(EXE))
    names = [n for n in archive.toc if n.endswith(".pyz")]
    assert names, "no PYZ archive in the executable"
    return set(archive.open_embedded_archive(names[0]).toc)


def internal(bundle: Path) -> Path:
    return bundle / "_internal"


def environment(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PULSE_SERVER")}
    env.update(QT_QPA_PLATFORM="offscreen", **(extra or {}))
    return env


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(EXE), *args], capture_output=True, text=True, env=environment(env), timeout=300,
        stdin=subprocess.DEVNULL,
    )  # fmt: skip


def test_version_comes_from_the_package_metadata(bundle: Path) -> None:
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    result = run("--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"p4-desk {version}"


@pytest.fixture
def audio_server(tmp_path: Path) -> Iterator[str]:
    try:
        with pulse_server(tmp_path / "pulse") as server:
            yield server
    except RuntimeError as exc:
        if IN_CI:
            pytest.fail(f"an audio server is required under CI=true: {exc}")
        pytest.skip(str(exc))


def display_site(tmp_path: Path) -> str:
    url = f"sqlite:///{(tmp_path / 'bundle.sqlite3').as_posix()}"
    # init runs every Alembic migration from inside the bundle and creates the first admin
    init = run("init", "--site-code", "MPP-CI", "--site-name", "MPP Uji Bundel", "--db", url,
               env={"P4_DESK_PASSWORD": PASSWORD})  # fmt: skip
    assert init.returncode == 0, init.stderr
    # as a display workstation: the voice clips and the sound path become required checks
    settings = Path(os.environ["P4_DESK_CONFIG_DIR"]) / "settings.toml"
    settings.write_text('[workstation]\nrole = "display"\n', encoding="utf-8")
    return url


def test_selftest_of_a_display_plays_a_call_inside_the_bundle(
    bundle: Path, tmp_path: Path, audio_server: str
) -> None:
    url = display_site(tmp_path)
    # a headless box: the token store is the encrypted file (keyrings.cryptfile is bundled)
    key = {"P4_DESK_KEYRING_KEY": "k" * 16 + "-uji-bundel-" + "z" * 16, "PULSE_SERVER": audio_server}
    result = run("selftest", "--json", "--db", url, env=key)
    report = json.loads(result.stdout)
    checks = {c["name"]: c for c in report["checks"]}
    assert result.returncode == 0 and report["passed"], result.stdout + result.stderr
    assert "MPP-CI" in checks["database"]["detail"]
    assert checks["resources"]["required"] and checks["resources"]["ok"]
    assert checks["voice_clips"]["required"] and checks["voice_clips"]["ok"]
    media = checks["multimedia"]
    assert media["required"] and media["ok"], media
    assert "audio pulseaudio" in media["detail"] and "chime.wav diputar" in media["detail"]
    assert checks["audio_output"]["ok"]
    assert "berkas kredensial terenkripsi" in checks["keyring"]["detail"]
    assert result.stderr.strip() == "", result.stderr  # no Qt chatter before or after the report


def test_selftest_fails_when_a_shipped_file_is_missing(bundle: Path, tmp_path: Path) -> None:
    url = display_site(tmp_path)
    # a copy of the bundle with one voice clip gone (as a half-copied installation would be)
    damaged = tmp_path / "p4-desk"
    shutil.copytree(bundle, damaged, symlinks=True)
    (damaged / "_internal" / "p4_desk" / "assets" / "voice" / "id" / "tujuh.wav").unlink()
    result = subprocess.run(
        [str(damaged / EXE.name), "selftest", "--json", "--no-qt", "--db", url],
        capture_output=True, text=True, timeout=300, env=environment(),
    )  # fmt: skip
    checks = {c["name"]: c for c in json.loads(result.stdout)["checks"]}
    assert result.returncode == 1
    assert not checks["resources"]["ok"] and "voice/id/tujuh.wav" in checks["resources"]["detail"]


def test_the_published_json_formats_are_checked_inside_the_bundle(bundle: Path, tmp_path: Path) -> None:
    url = display_site(tmp_path)
    survey = tmp_path / "survei.json"
    survey.write_text(json.dumps({"answers": {"U1": 5}}), encoding="utf-8")
    admin = {"P4_DESK_USER": "admin", "P4_DESK_PASSWORD": PASSWORD}  # the first admin made by init
    result = run("survey", "add", "--json-file", str(survey), "--db", url, env=admin)
    assert result.returncode == 1
    assert "Nilai unsur U1 harus 1 sampai 4." in result.stderr
    assert "Kolom 'answers.U9' wajib ada." in result.stderr


LOAD_ALL = """
import ctypes, sys
failed = []
for path in sys.argv[1:]:
    try:
        ctypes.CDLL(path)
    except OSError as exc:
        failed.append(f"{path}: {exc}")
print("\\n".join(failed))
"""


@pytest.mark.skipif(WINDOWS, reason="ELF libraries")
def test_every_shipped_library_loads(bundle: Path) -> None:
    inside = internal(bundle)
    libraries = sorted(
        str(p) for p in inside.rglob("*.so*")
        if p.is_file() and not p.is_symlink() and p.read_bytes()[:4] == b"\x7fELF"
    )  # fmt: skip
    assert len(libraries) > 100, libraries
    # the bundle's own folder first, as its programs see it; one process, so nothing is cached
    env = environment() | {"LD_LIBRARY_PATH": f"{inside}:{inside / 'PySide6' / 'Qt' / 'lib'}"}
    result = subprocess.run(
        [sys.executable, "-c", LOAD_ALL, *libraries], capture_output=True, text=True, timeout=300, env=env
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip() == "", "libraries that do not load:\n" + result.stdout


def test_bundle_size_is_within_the_target(bundle: Path) -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from bench_bundle import bundle_size_mb
    finally:
        sys.path.pop(0)
    assert bundle_size_mb() <= SIZE_TARGET_MB


def test_holiday_estimate_and_region_table_work_frozen(bundle: Path, tmp_path: Path) -> None:
    # The holidays package loads Indonesia by name, the region table is a .gz data file: both must
    # be in the bundle, or due dates and NIK checks fail only on the counter PC.
    url = f"sqlite:///{(tmp_path / 'days.sqlite3').as_posix()}"
    init = run("init", "--site-code", "MPP-CI", "--site-name", "MPP Uji", "--db", url,
               env={"P4_DESK_PASSWORD": PASSWORD})  # fmt: skip
    assert init.returncode == 0, init.stderr
    days = run("workdays", "add", "--from", "2027-03-05", "--days", "5", "--json", "--db", url)
    assert days.returncode == 0, days.stderr
    data = json.loads(days.stdout)
    assert data["due"] == "2027-03-22" and data["estimated"] is True
    assert "Hari Raya Idul Fitri" in {s["name"] for s in data["skipped"]}
    nik = run("nik", "check", "1871015708900003", "--json")
    assert nik.returncode == 0, nik.stderr
    assert json.loads(nik.stdout)["district"] == "Kedaton"


def test_every_form_and_role_window_is_frozen(frozen_modules: set[str]) -> None:
    forms = sorted((ROOT / "p4_desk" / "gui" / "forms").glob("ui_*.py"))
    for form in forms:
        assert f"p4_desk.gui.forms.{form.stem}" in frozen_modules, form.name
    for role in sorted(p.parent.name for p in (ROOT / "p4_desk" / "gui").glob("*/__init__.py")):
        assert f"p4_desk.gui.{role}" in frozen_modules, role


def test_every_keyring_backend_and_its_entry_points(bundle: Path, frozen_modules: set[str]) -> None:
    for module in pkgutil.iter_modules(keyring.backends.__path__):
        assert f"keyring.backends.{module.name}" in frozen_modules, module.name
    entry_points = list(internal(bundle).glob("keyring-*.dist-info/entry_points.txt"))
    assert entry_points, "keyring metadata missing: backends would not be found"


def test_translations_voice_clips_icons_and_migrations(bundle: Path) -> None:
    inside = internal(bundle)
    for folder, pattern in (
        ("p4_desk/assets/translations", "*.qm"),
        ("p4_desk/assets/voice/id", "*.wav"),
        ("p4_desk/assets/icons", "*.svg"),
        ("p4_desk/assets/theme", "*.qss"),
        ("p4_desk/assets/schemas", "*.json"),
        ("p4_desk/store/migrations/versions", "*.py"),
    ):
        expected = sorted(p.name for p in (ROOT / folder).glob(pattern) if p.is_file())
        assert expected, f"nothing to compare in {folder}"
        shipped = {p.name for p in (inside / folder).glob(pattern)}
        assert set(expected) <= shipped, f"{folder}: missing {set(expected) - shipped}"
    for name in ("env.py", "script.py.mako"):
        assert (inside / "p4_desk" / "store" / "migrations" / name).is_file()


def test_qt_plugins_the_app_uses(bundle: Path) -> None:
    plugins = internal(bundle) / "PySide6" / ("plugins" if WINDOWS else "Qt/plugins")
    prefix, suffix = ("q", ".dll") if WINDOWS else ("libq", ".so")
    for folder, plugin in (
        ("platforms", "offscreen"),
        ("imageformats", "svg"),
        ("iconengines", "svgicon"),
    ):
        assert (plugins / folder / f"{prefix}{plugin}{suffix}").is_file(), f"{folder}/{plugin}"
    for folder in ("printsupport", "texttospeech"):
        assert (plugins / folder).is_dir() and any((plugins / folder).iterdir()), folder
