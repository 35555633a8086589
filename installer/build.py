"""Build the one-folder bundle (Linux and Windows) and, on Windows, the installer.

    python installer/build.py               # dist/p4-desk/ (PyInstaller, one folder)
    python installer/build.py --installer   # + dist/P4Desk-<version>-setup.exe (Inno Setup 6)

Run it with the project's virtual environment (PyInstaller installed there). The version comes
from pyproject.toml and goes into the bundle's metadata and the installer.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
BUNDLE = DIST / "p4-desk"


def version() -> str:
    return str(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"])


def compile_translations() -> None:
    """Refresh every .qm from its .ts when pyside6-lrelease is at hand (the .qm are committed)."""
    lrelease = shutil.which("pyside6-lrelease") or shutil.which(
        "pyside6-lrelease", path=str(Path(sys.executable).parent)
    )
    if lrelease is None:
        print("pyside6-lrelease not found: using the committed .qm files")
        return
    compiled = ROOT / "p4_desk" / "assets" / "translations"
    for ts in sorted((ROOT / "resources" / "translations").glob("*.ts")):
        qm = compiled / ts.with_suffix(".qm").name
        subprocess.run([lrelease, "-silent", str(ts), "-qm", str(qm)], check=True)


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
    return BUNDLE


def find_iscc() -> Path | None:
    found = shutil.which("iscc") or shutil.which("ISCC.exe")
    if found:
        return Path(found)
    for root in (os.environ.get("PROGRAMFILES(X86)"), os.environ.get("PROGRAMFILES")):
        candidate = Path(root or "") / "Inno Setup 6" / "ISCC.exe"
        if root and candidate.is_file():
            return candidate
    return None


def build_installer() -> Path:
    iscc = find_iscc()
    if iscc is None:
        raise SystemExit("Inno Setup 6 (ISCC.exe) not found: install it from its official site first.")
    ver = version()
    subprocess.run(
        [str(iscc), f"/DAppVersion={ver}", f"/DSourceDir={BUNDLE}", f"/DOutputDir={DIST}",
         str(ROOT / "installer" / "p4desk.iss")],
        check=True,
    )  # fmt: skip
    return DIST / f"P4Desk-{ver}-setup.exe"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--clean", action="store_true", help="start from an empty build folder")
    parser.add_argument(
        "--installer", action="store_true", help="also build the Windows installer (Windows only)"
    )
    args = parser.parse_args()
    bundle = build_bundle(args.clean)
    size = sum(f.stat().st_size for f in bundle.rglob("*") if f.is_file() and not f.is_symlink())
    print(f"bundle: {bundle} ({size / 1_048_576:.0f} MB), version {version()}")
    if args.installer:
        if sys.platform != "win32":
            raise SystemExit("The Windows installer is built on Windows (Inno Setup).")
        print(f"installer: {build_installer()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
