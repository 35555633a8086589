"""What must ship (p4_desk/resources.py) is exactly what the source tree holds."""

from __future__ import annotations

from pathlib import Path

from p4_desk.resources import ICONS, LANGUAGES, THEMES, TRANSLATION_AREAS, missing_assets, resource
from p4_desk.voice.announcement import CLIP_VOCABULARY

ROOT = Path(__file__).resolve().parents[2]


def test_the_lists_match_the_files() -> None:
    sources = {p.stem for p in (ROOT / "resources" / "translations").glob("*.ts")}
    assert sources == {f"{area}_{lang}" for area in TRANSLATION_AREAS for lang in LANGUAGES}
    compiled = {p.stem for p in resource("translations").glob("*.qm")}
    assert compiled == sources
    assert {p.stem for p in resource("icons").glob("*.svg")} == set(ICONS)
    assert {p.stem for p in resource("theme").glob("*.qss")} == set(THEMES)
    # nothing run-time is left behind in the source folder
    assert not list((ROOT / "resources").rglob("*.qm")) and not list((ROOT / "resources").rglob("*.wav"))


def test_a_missing_or_damaged_file_is_named(tmp_path: Path, monkeypatch) -> None:
    import shutil

    copy = tmp_path / "assets"
    shutil.copytree(resource(), copy)
    monkeypatch.setenv("P4_DESK_RESOURCES", str(copy))
    assert missing_assets(CLIP_VOCABULARY, "id") == []
    (copy / "voice" / "id" / "sembilan.wav").unlink()
    (copy / "translations" / "kiosk_id.qm").write_bytes(b"bukan terjemahan")
    (copy / "theme" / "light.qss").write_text("", encoding="utf-8")
    assert missing_assets(CLIP_VOCABULARY, "id") == [
        "theme/light.qss",
        "voice/id/sembilan.wav",
        "translations/kiosk_id.qm",
    ]
    assert missing_assets(CLIP_VOCABULARY, "en") == [
        "theme/light.qss",
        "voice/id/sembilan.wav",
    ]  # English needs no .qm
