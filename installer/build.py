"""Build the one-folder bundle (Linux and Windows) and the Windows installer (NSIS).

    python installer/build.py                  # dist/p4-desk/ (PyInstaller, one folder)
    python installer/build.py --installer      # + dist/P4Desk-<version>-setup.exe (on Windows)
    python installer/build.py --installer-only --test-payload
                                               # the installer around a labelled test payload
                                               # (any OS with makensis: checks the script, CI)

Run it with the project's virtual environment (`python3 dev.py build ...` does): the bundle is
built only from an environment that matches the lock `requirements/runtime.txt` exactly
(`--unlocked` overrides, for experiments). The version comes from pyproject.toml and goes into
the bundle's metadata and the installer.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
BUNDLE = DIST / "p4-desk"


def version() -> str:
    return str(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"])


def compile_translations() -> None:
    """Refresh every .qm from its .ts when pyside6-lrelease is at hand (the .qm are committed).

    Where each catalogue's .ts and .qm are is declared once, in tools/update_translations.py.
    """
    if not (
        shutil.which("pyside6-lrelease")
        or shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    ):
        print("pyside6-lrelease not found: using the committed .qm files")
        return
    sys.path.insert(0, str(ROOT))
    from tools.update_translations import catalogues, lrelease

    for catalogue in catalogues():
        lrelease(catalogue.ts, catalogue.qm)


def unlocked_packages(lock: Path) -> list[str]:
    """Packages of the lock whose installed version differs (or that are missing) here."""
    from packaging.markers import Marker  # PyInstaller depends on packaging

    pin = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)(?:\s*;\s*([^\\]+?))?\s*\\?$")
    wrong = []
    for line in lock.read_text(encoding="utf-8").splitlines():
        found = pin.match(line)
        if not found:
            continue
        name, version, marker = found.groups()
        if marker and not Marker(marker).evaluate():
            continue
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            installed = "-"
        if installed != version:
            wrong.append(f"{name} {installed} (lock: {version})")
    return wrong


def elf_loadable_layout(path: Path) -> bool:
    """Every LOAD segment keeps address and file offset congruent modulo the page size.

    GNU strip breaks this for some libraries (Qt's FFmpeg ones); the dynamic loader then refuses
    them with "ELF load command address/offset not page-aligned".
    """
    page = os.sysconf("SC_PAGE_SIZE")
    listing = subprocess.run(["readelf", "-lW", str(path)], capture_output=True, text=True)
    if listing.returncode != 0:
        return False
    for line in listing.stdout.splitlines():
        fields = line.split()
        if fields[:1] == ["LOAD"]:
            offset, vaddr = int(fields[1], 16), int(fields[2], 16)
            if (vaddr - offset) % page:
                return False
    return True


def strip_bundle(bundle: Path) -> list[str]:
    """Strip symbols from every shared library; keep the original where strip would break it."""
    kept = []
    for path in sorted(bundle.rglob("*")):
        if path.is_symlink() or not path.is_file() or path.parent == bundle:
            continue  # the programs carry their Python archive after the ELF image: never strip
        with path.open("rb") as handle:
            if handle.read(4) != b"\x7fELF":
                continue
        stripped = path.with_name(path.name + ".stripped")
        done = subprocess.run(["strip", "-o", str(stripped), str(path)], capture_output=True)
        if done.returncode != 0 or not elf_loadable_layout(stripped):
            stripped.unlink(missing_ok=True)
            kept.append(str(path.relative_to(bundle)))
            continue
        if stripped.stat().st_size < path.stat().st_size:
            shutil.copymode(path, stripped)
            os.replace(stripped, path)
        else:
            stripped.unlink()
    return kept


def build_bundle(clean: bool) -> Path:
    if clean:
        shutil.rmtree(WORK, ignore_errors=True)
        shutil.rmtree(BUNDLE, ignore_errors=True)
    compile_translations()
    command = [
        sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level=WARN",
        f"--distpath={DIST}", f"--workpath={WORK}", str(ROOT / "installer" / "p4desk.spec"),
    ]  # fmt: skip
    subprocess.run(command, check=True, cwd=ROOT)
    if sys.platform.startswith("linux"):
        kept = strip_bundle(BUNDLE)
        if kept:
            print("not stripped (strip would break them): " + ", ".join(Path(k).name for k in kept))
        # one program on Linux (every program has a console there); the Windows name still works
        cli = BUNDLE / "p4-desk-cli"
        cli.unlink(missing_ok=True)
        cli.symlink_to("p4-desk")
    return BUNDLE


# --- the Windows installer (NSIS) -------------------------------------------------------------

TEST_PAYLOAD = ROOT / "build" / "installer-test-payload"


def find_makensis() -> Path | None:
    found = shutil.which("makensis")
    if found:
        return Path(found)
    for root in (os.environ.get("PROGRAMFILES(X86)"), os.environ.get("PROGRAMFILES")):
        candidate = Path(root or "") / "NSIS" / "makensis.exe"
        if root and candidate.is_file():
            return candidate
    return None


def make_test_payload() -> Path:
    """A stand-in for the Windows bundle, laid out like it and saying on every file what it is.

    A Linux machine cannot build the Windows bundle (PyInstaller does not cross-compile): CI
    compiles the installer around this to check the installer itself. Never ship it.
    """
    shutil.rmtree(TEST_PAYLOAD, ignore_errors=True)
    (TEST_PAYLOAD / "_internal").mkdir(parents=True)
    note = (
        "MUATAN UJI — BUKAN PROGRAM P4 DESK / TEST PAYLOAD — NOT THE P4 DESK PROGRAM.\n"
        "Made by installer/build.py --test-payload to check the installer script on Linux.\n"
    )
    for name in ("p4-desk.exe", "p4-desk-cli.exe", "_internal/TEST-PAYLOAD.txt"):
        (TEST_PAYLOAD / name).write_text(note, encoding="utf-8")
    return TEST_PAYLOAD


def build_installer(source: Path, *, test_payload: bool) -> Path:
    makensis = find_makensis()
    if makensis is None:
        raise SystemExit(
            "NSIS (makensis) not found: Debian/Ubuntu `apt-get install nsis`; Windows: nsis.sf.net."
        )
    ver = version()
    name = f"P4Desk-{ver}-TEST-PAYLOAD-setup.exe" if test_payload else f"P4Desk-{ver}-setup.exe"
    DIST.mkdir(exist_ok=True)
    defines = [f"-DAPP_VERSION={ver}", f"-DSOURCE_DIR={source}", f"-DOUTFILE={DIST / name}"]
    if test_payload:
        defines.append("-DTEST_PAYLOAD")
    script = ROOT / "installer" / "p4desk.nsi"
    subprocess.run([str(makensis), "-V2", "-INPUTCHARSET", "UTF8", *defines, str(script)], check=True)
    return DIST / name


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--clean", action="store_true", help="start from an empty build folder")
    parser.add_argument("--installer", action="store_true", help="also build the Windows installer")
    parser.add_argument(
        "--installer-only", action="store_true", help="only the installer, around an existing bundle"
    )
    parser.add_argument(
        "--test-payload", action="store_true", help="the installer around a labelled test payload"
    )
    parser.add_argument("--unlocked", action="store_true", help="build although the lock is not installed")
    args = parser.parse_args()
    if not args.installer_only:
        wrong = unlocked_packages(ROOT / "requirements" / "runtime.txt")
        if wrong and not args.unlocked:
            raise SystemExit(
                "This environment does not match requirements/runtime.txt: " + "; ".join(wrong[:8])
                + ". Install from the lock (python3 dev.py build) or pass --unlocked."
            )  # fmt: skip
        bundle = build_bundle(args.clean)
        size = sum(f.stat().st_size for f in bundle.rglob("*") if f.is_file() and not f.is_symlink())
        print(f"bundle: {bundle} ({size / 1_048_576:.0f} MB), version {version()}")
    if args.installer or args.installer_only:
        if args.test_payload:
            source = make_test_payload()
        elif sys.platform != "win32":
            raise SystemExit(
                "The Windows installer packages the Windows bundle, which is built on Windows "
                "(PyInstaller does not cross-compile). On Linux: --installer-only --test-payload."
            )
        else:
            source = BUNDLE
        print(f"installer: {build_installer(source, test_payload=args.test_payload)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
