"""The repository's documentation stands on its own: no page points outside the repository, and
every file a page names exists."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PAGES = [ROOT / "README.md", ROOT / "installer" / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
# `docs/x.md`, `installer/build.py`, `requirements/runtime.txt`, ... named in backticks
NAMED = re.compile(r"`((?:docs|installer|requirements|resources|bench|tests|p4_desk)/[\w./-]+)`")


def test_no_page_points_outside_the_repository() -> None:
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        assert "../" not in text.replace("..\\", ""), f"{page.relative_to(ROOT)} points outside"
        for target in re.findall(r"\]\(([^)#]+)\)", text):
            if "://" not in target:
                assert (page.parent / target).exists(), f"{page.relative_to(ROOT)}: {target}"


def test_every_named_file_exists() -> None:
    for page in PAGES:
        for name in NAMED.findall(page.read_text(encoding="utf-8")):
            if any(ch in name for ch in "<>*{"):
                continue
            assert (ROOT / name.rstrip(".")).exists(), f"{page.relative_to(ROOT)} names {name}"
