"""Update the Qt translation catalogues from the sources, and check that they are current.

Each GUI area has its own catalogue (``CATALOGUES``: which modules and Designer forms feed it).
``pyside6-lupdate`` collects the ``self.tr()`` / ``QCoreApplication.translate()`` strings and
the ``ui/<area>_*.ui`` forms into ``resources/translations/<area>_id.ts`` (obsolete strings
dropped), then ``pyside6-lrelease`` compiles each ``.ts`` into the ``.qm`` the application loads,
``p4_desk/assets/translations/<area>_id.qm`` (shipped in the package). Run from anywhere:

    python3 tools/update_translations.py           # update every .ts and .qm, list what is untranslated
    pyside6-linguist resources/translations/admin_id.ts   # translate, mark finished, then run again
    python3 tools/update_translations.py --check   # exit 1 naming every stale or broken catalogue

``qtbase`` is Qt's own strings (standard buttons, file, print and input dialogs, context menus):
Qt ships no Indonesian catalogue, so ``resources/translations/qtbase_id.ts`` is ours, keyed by
Qt's contexts and English source texts (those of Qt's qtbase catalogues for the Qt version in the
lock). It has no sources here: lupdate leaves it alone, lrelease compiles it like the others.

The check (also run by tests/unit/test_translations.py) finds: strings in the sources missing
from a ``.ts`` (or left there after they were removed), a ``.qm`` that differs from what its
``.ts`` compiles to, untranslated strings, and a translation whose placeholders (``%1``, ``%n``,
``{name}``) differ from its source text.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: where the catalogues' sources (.ts) live; translators edit these
SOURCES_DIR = ROOT / "resources" / "translations"
#: where the compiled catalogues (.qm) go: where the application loads them from
#: (``p4_desk.resources.resource("translations")``, package data of ``p4_desk.assets``)
TRANSLATIONS_DIR = ROOT / "p4_desk" / "assets" / "translations"
LANGUAGE = "id_ID"

#: catalogue -> the files (globs relative to the repository root) whose strings it holds
CATALOGUES: dict[str, tuple[str, ...]] = {
    "admin": ("p4_desk/gui/admin/*.py", "ui/admin_*.ui"),
    "app": ("p4_desk/gui/*.py", "p4_desk/gui/app/*.py", "p4_desk/gui/common/*.py", "ui/app_*.ui"),
    "counter": ("p4_desk/gui/counter/*.py", "ui/counter_*.ui"),
    "display": ("p4_desk/gui/display/*.py", "ui/display_*.ui"),
    "feedback": ("p4_desk/gui/complaints/*.py", "p4_desk/gui/survey/*.py", "ui/feedback_*.ui"),
    "intake": ("p4_desk/gui/intake/*.py", "ui/intake_*.ui"),
    "kiosk": ("p4_desk/gui/kiosk/*.py", "ui/kiosk_*.ui"),
    "supervisor": ("p4_desk/gui/supervisor/*.py", "ui/supervisor_*.ui"),
    "qtbase": (),  # Qt's own strings: no sources of ours (see the module docstring)
}
#: Python compiled from the .ui forms: lupdate reads the forms themselves
GENERATED = "p4_desk/gui/forms"

PLACEHOLDER = re.compile(r"%L?\d+|%n|\{[A-Za-z_][A-Za-z0-9_]*\}")


@dataclass(frozen=True)
class Catalogue:
    name: str
    sources: tuple[Path, ...]
    ts: Path
    qm: Path


def catalogues(
    root: Path = ROOT,
    directory: Path = SOURCES_DIR,
    spec: dict[str, tuple[str, ...]] = CATALOGUES,
    compiled: Path = TRANSLATIONS_DIR,
) -> list[Catalogue]:
    """The catalogues of ``spec``: ``.ts`` in ``directory``, ``.qm`` in ``compiled``."""
    found = []
    for name, patterns in spec.items():
        files = sorted(
            {p for pattern in patterns for p in root.glob(pattern) if p.name != "__init__.py"}
            - set((root / GENERATED).glob("*"))
        )
        stem = f"{name}_{LANGUAGE.split('_')[0]}"
        found.append(Catalogue(name, tuple(files), directory / f"{stem}.ts", compiled / f"{stem}.qm"))
    return found


def tool(name: str) -> str:
    """``pyside6-lupdate`` / ``pyside6-lrelease`` from PATH or next to this Python."""
    found = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if found is None:
        raise SystemExit(f"{name} not found: install the project's dev environment (python3 dev.py test)")
    return found


def lupdate(catalogue: Catalogue, ts: Path) -> None:
    command = [tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-target-language", LANGUAGE]
    subprocess.run([*command, *map(str, catalogue.sources), "-ts", str(ts)], check=True)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def update(catalogue: Catalogue) -> None:
    if catalogue.sources:
        lupdate(catalogue, catalogue.ts)
    lrelease(catalogue.ts, catalogue.qm)


# --- reading a .ts -------------------------------------------------------------------------

MessageKey = tuple[str, str, str, bool]  # context, source, disambiguation, plural


def messages(ts: Path) -> dict[MessageKey, ET.Element]:
    result: dict[MessageKey, ET.Element] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (
                name,
                message.findtext("source") or "",
                message.findtext("comment") or "",
                message.get("numerus") == "yes",
            )
            result[key] = message
    return result


def translations(message: ET.Element) -> list[str]:
    node = message.find("translation")
    if node is None:
        return []
    forms = [form.text or "" for form in node.iter("numerusform")]
    return forms or [node.text or ""]


def unfinished(message: ET.Element) -> bool:
    node = message.find("translation")
    return node is None or node.get("type") == "unfinished"


# --- the check -----------------------------------------------------------------------------


def problems(catalogue: Catalogue) -> list[str]:
    """Everything that makes ``catalogue`` stale or wrong, one line each (empty: all good)."""
    name = catalogue.ts.name
    if not catalogue.ts.exists():
        return [f"{name}: missing; run python3 tools/update_translations.py"]
    found: list[str] = []
    committed = messages(catalogue.ts)
    with tempfile.TemporaryDirectory() as scratch:
        fresh_ts = Path(scratch) / name
        shutil.copyfile(catalogue.ts, fresh_ts)
        if catalogue.sources:  # qtbase has none: its strings are Qt's
            lupdate(catalogue, fresh_ts)
        fresh = messages(fresh_ts)
        compiled = Path(scratch) / catalogue.qm.name
        lrelease(catalogue.ts, compiled)
        qm_current = catalogue.qm.exists() and catalogue.qm.read_bytes() == compiled.read_bytes()
    for context, source, _, _ in sorted(fresh.keys() - committed.keys()):
        found.append(f"{name}: new in the sources, missing here: [{context}] {source!r}")
    for context, source, _, _ in sorted(committed.keys() - fresh.keys()):
        found.append(f"{name}: no longer in the sources: [{context}] {source!r}")
    if not qm_current:
        found.append(f"{catalogue.qm.name}: not compiled from the current {name}")
    for (context, source, _, _), message in committed.items():
        if unfinished(message):
            found.append(f"{name}: untranslated: [{context}] {source!r}")
            continue
        wanted = Counter(PLACEHOLDER.findall(source))
        for text in translations(message):
            if Counter(PLACEHOLDER.findall(text)) != wanted:
                found.append(
                    f"{name}: placeholders differ: [{context}] {source!r} -> {text!r} "
                    f"(source has {sorted(wanted.elements())})"
                )
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 when anything is stale")
    parser.add_argument("areas", nargs="*", help=f"only these catalogues ({', '.join(CATALOGUES)})")
    args = parser.parse_args(argv)
    chosen = [c for c in catalogues() if not args.areas or c.name in args.areas]
    if not args.check:
        for catalogue in chosen:
            update(catalogue)
    found = [line for catalogue in chosen for line in problems(catalogue)]
    for line in found:
        print(line)
    if args.check:
        return 1 if found else 0
    print(f"{len(chosen)} catalogue(s) updated in {SOURCES_DIR}, compiled into {TRANSLATIONS_DIR}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
