"""Compile the Qt Designer forms: ``ui/<name>.ui`` -> ``p4_desk/gui/forms/ui_<name>.py``.

    python tools/compile_forms.py           write every compiled form that is missing or stale
    python tools/compile_forms.py --check   only report them (exit 1 when any is), for tests/CI

Forms are compiled ahead of time (as Picard does) so a frozen bundle needs no ``uic`` at run
time. Each compiled file starts with the "generated — do not edit" header naming this command;
the compiler's version line is left out, so another patch release of PySide6 does not make
every form look stale.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FORMS_UI = ROOT / "ui"
FORMS_PY = ROOT / "p4_desk" / "gui" / "forms"
COMMAND = "python tools/compile_forms.py"
VERSION_LINE = "## Created by: Qt User Interface Compiler version"


def uic() -> str:
    """``pyside6-uic`` of this Python environment (or on PATH)."""
    found = shutil.which("pyside6-uic", path=str(Path(sys.executable).parent)) or shutil.which("pyside6-uic")
    if found is None:
        raise SystemExit("pyside6-uic not found: install PySide6 in this environment")
    return found


def target_of(form: Path, forms_py: Path = FORMS_PY) -> Path:
    return forms_py / f"ui_{form.stem}.py"


def compiled(form: Path) -> str:
    """What ``target_of(form)`` must contain."""
    done = subprocess.run(
        [uic(), "--generator", "python", str(form)], capture_output=True, text=True, check=True
    )
    body = "\n".join(line for line in done.stdout.splitlines() if not line.startswith(VERSION_LINE))
    header = f"# generated — do not edit; run {COMMAND}\n# (compiled from ui/{form.name})\n"
    return header + body.rstrip() + "\n"


def stale_forms(forms_ui: Path = FORMS_UI, forms_py: Path = FORMS_PY) -> tuple[list[Path], list[Path]]:
    """Forms whose compiled file is missing or differs, and compiled files without a form."""
    forms = sorted(forms_ui.glob("*.ui"))
    stale = [
        form for form in forms
        if not (target := target_of(form, forms_py)).exists()
        or target.read_text(encoding="utf-8") != compiled(form)
    ]  # fmt: skip
    expected = {target_of(form, forms_py) for form in forms}
    orphans = sorted(p for p in forms_py.glob("ui_*.py") if p not in expected)
    return stale, orphans


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report stale forms, write nothing")
    parser.add_argument("--ui", type=Path, default=FORMS_UI, help=argparse.SUPPRESS)
    parser.add_argument("--forms", type=Path, default=FORMS_PY, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    stale, orphans = stale_forms(args.ui, args.forms)
    for path in orphans:
        print(f"{path.name}: no {path.stem.removeprefix('ui_')}.ui in ui/ (delete it)")
    for form in stale:
        target = target_of(form, args.forms)
        if args.check:
            print(f"{target.name} is stale (or missing): run {COMMAND}")
        else:
            target.write_text(compiled(form), encoding="utf-8")
            print(f"compiled {form.name} -> {target.name}")
    return 1 if args.check and (stale or orphans) else 0


if __name__ == "__main__":
    sys.exit(main())
