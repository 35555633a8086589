"""The translation catalogues are current, complete and keep their placeholders.

The guard runs ``tools/update_translations.py``'s own check on the shipped catalogues. The
other tests prove that check bites, on a small catalogue made in a temporary folder.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from p4_desk.resources import resources_dir
from tools import update_translations as tr


def test_every_catalogue_is_current_complete_and_keeps_its_placeholders() -> None:
    found = [line for catalogue in tr.catalogues() for line in tr.problems(catalogue)]

    assert found == [], "run python3 tools/update_translations.py:\n" + "\n".join(found)


def test_every_gui_module_feeds_exactly_one_catalogue() -> None:
    gui = tr.ROOT / "p4_desk" / "gui"
    modules = {p for p in gui.rglob("*.py") if p.name != "__init__.py" and "forms" not in p.parts}
    fed = [source for catalogue in tr.catalogues() for source in catalogue.sources]

    assert modules - set(fed) == set(), "add these to CATALOGUES in tools/update_translations.py"
    assert len(fed) == len(set(fed))
    forms = set((tr.ROOT / "ui").glob("*.ui"))
    assert forms <= set(fed), "a form named ui/<catalogue>_*.ui feeds that catalogue"


def test_the_tool_writes_where_the_application_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("P4_DESK_RESOURCES", raising=False)
    assert tr.TRANSLATIONS_DIR.resolve() == (resources_dir() / "translations").resolve()
    for catalogue in tr.catalogues():  # sources stay out of the package, compiled files ship in it
        assert catalogue.ts.parent == tr.ROOT / "resources" / "translations"
        assert catalogue.qm.parent.resolve() == (resources_dir() / "translations").resolve()


@pytest.fixture
def small(tmp_path: Path) -> tr.Catalogue:
    """A one-module catalogue, updated and translated as a translator would leave it."""
    source = tmp_path / "window.py"
    source.write_text(
        "from PySide6.QtWidgets import QWidget\n\n\n"
        "class Window(QWidget):\n"
        "    def texts(self) -> list[str]:\n"
        '        return [self.tr("Save"), self.tr("Ticket %1 called"), self.tr("{count} waiting")]\n',
        encoding="utf-8",
    )
    (catalogue,) = tr.catalogues(tmp_path, tmp_path, {"small": ("window.py",)}, compiled=tmp_path)
    tr.lupdate(catalogue, catalogue.ts)
    translate(catalogue.ts, {"Save": "Simpan", "Ticket %1 called": "Tiket %1 dipanggil"})
    translate(catalogue.ts, {"{count} waiting": "{count} menunggu"})
    tr.lrelease(catalogue.ts, catalogue.qm)
    assert tr.problems(catalogue) == []
    return catalogue


def translate(ts: Path, texts: dict[str, str]) -> None:
    content = ts.read_text(encoding="utf-8")
    for source, text in texts.items():
        content = content.replace(
            f'<source>{source}</source>\n        <translation type="unfinished"></translation>',
            f"<source>{source}</source>\n        <translation>{text}</translation>",
        )
    ts.write_text(content, encoding="utf-8")


def test_a_string_added_to_the_sources_makes_the_catalogue_stale(small: tr.Catalogue) -> None:
    source = small.sources[0]
    source.write_text(source.read_text(encoding="utf-8").replace('self.tr("Save")', 'self.tr("Print")'))

    found = tr.problems(small)

    assert "small_id.ts: new in the sources, missing here: [Window] 'Print'" in found
    assert "small_id.ts: no longer in the sources: [Window] 'Save'" in found


def test_a_translation_not_compiled_again_makes_the_qm_stale(small: tr.Catalogue) -> None:
    content = small.ts.read_text(encoding="utf-8")
    small.ts.write_text(content.replace(">Simpan<", ">Simpan data<"), encoding="utf-8")

    assert tr.problems(small) == [
        "small_qm: not compiled from the current small_id.ts".replace("_qm", "_id.qm")
    ]


def test_a_translation_that_loses_a_placeholder_is_reported(small: tr.Catalogue) -> None:
    content = small.ts.read_text(encoding="utf-8")
    content = content.replace("Tiket %1 dipanggil", "Tiket dipanggil").replace(
        "{count} menunggu", "{jumlah} menunggu"
    )
    small.ts.write_text(content, encoding="utf-8")
    tr.lrelease(small.ts, small.qm)

    found = tr.problems(small)

    assert len(found) == 2
    assert found[0].startswith(
        "small_id.ts: placeholders differ: [Window] 'Ticket %1 called' -> 'Tiket dipanggil'"
    )
    assert "'{count} waiting' -> '{jumlah} menunggu'" in found[1]


def test_the_update_compiles_a_missing_qm(small: tr.Catalogue) -> None:
    small.qm.unlink()
    assert tr.problems(small) == ["small_id.qm: not compiled from the current small_id.ts"]

    tr.update(small)

    assert small.qm.exists() and tr.problems(small) == []
