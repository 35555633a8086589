"""The one declaration of every setting: checks, text input, the settings file and its upgrades."""

from __future__ import annotations

from pathlib import Path

import pytest

from p4_desk import config
from p4_desk.config import SETTING_BY_KEY, SETTINGS, SITE_BY_KEY, SITE_SETTINGS, Settings
from p4_desk.errors import ValidationError


@pytest.mark.parametrize("setting", [*SETTINGS, *SITE_SETTINGS], ids=lambda s: s.key)
def test_every_default_passes_its_own_check(setting: config.Setting) -> None:
    assert setting.check(setting.default) == setting.default
    assert setting.title and setting.key.count(".") == 1


def test_no_key_is_both_a_site_and_a_workstation_setting() -> None:
    assert not SETTING_BY_KEY.keys() & SITE_BY_KEY.keys()


def test_values_typed_as_text_are_read_the_indonesian_way() -> None:
    assert SETTING_BY_KEY["voice.volume"].parse("0,5") == 0.5
    assert SETTING_BY_KEY["voice.enabled"].parse("tidak") is False
    assert SETTING_BY_KEY["voice.enabled"].parse("Ya") is True
    assert SITE_BY_KEY["queue.recalls_before_no_show"].parse(" 2 ") == 2
    assert SITE_BY_KEY["site.latitude"].show(-5.4292) == "-5,4292"


@pytest.mark.parametrize(
    ("key", "text", "message"),
    [
        (
            "queue.recalls_before_no_show",
            "dua",
            "Panggilan ulang sebelum tidak hadir harus berupa bilangan bulat",
        ),
        ("queue.recalls_before_no_show", "11", "Panggilan ulang sebelum tidak hadir harus antara 0 dan 10."),
        ("voice.volume", "1,5", "Volume suara harus antara 0 dan 1."),
        ("voice.enabled", "mungkin", "harus berupa ya atau tidak"),
        ("printer.ticket_paper_mm", "70", "Lebar kertas tiket (mm) harus salah satu dari: 58, 80."),
        ("printer.ticket_target", "fax:123", "Tujuan cetak tidak dikenali."),
        ("permits.registration_prefix", "X1", "Awalan nomor pendaftaran harus 2–6 huruf A–Z."),
        ("report.head_nip", "19700101 abc", "NIP hanya boleh berisi angka."),
    ],
)
def test_a_bad_value_is_refused_in_indonesian_naming_the_setting(key: str, text: str, message: str) -> None:
    setting = SETTING_BY_KEY.get(key) or SITE_BY_KEY[key]
    with pytest.raises(ValidationError) as refused:
        setting.parse(text)
    assert message in refused.value.message
    assert refused.value.field == key


def test_a_number_is_not_taken_for_yes_or_no_nor_the_other_way_round() -> None:
    with pytest.raises(ValidationError):
        SETTING_BY_KEY["backup.keep"].check(True)
    with pytest.raises(ValidationError):
        SETTING_BY_KEY["backup.daily"].check(1)
    assert SETTING_BY_KEY["voice.volume"].check(1) == 1.0


def test_a_hand_edited_typo_in_the_file_is_not_used_and_not_lost(tmp_path: Path) -> None:
    # Given a settings file in which site IT typed the paper width as text
    path = tmp_path / "settings.toml"
    path.write_text('[printer]\nticket_paper_mm = "80mm"\nreceipt_paper = "A4"\n', encoding="utf-8")

    settings = Settings.load(path)

    # Then the default is used, the problem is named, the good value is kept
    assert settings.get("printer.ticket_paper_mm") == 80
    assert (
        "Lebar kertas tiket (mm) harus berupa bilangan bulat." in settings.problems["printer.ticket_paper_mm"]
    )
    assert settings.get("printer.receipt_paper") == "A4"
    # and saving another setting keeps the typed value in the file for site IT to correct
    settings.set("voice.volume", 0.3)
    settings.save()
    text = path.read_text(encoding="utf-8")
    assert 'ticket_paper_mm = "80mm"' in text and "volume = 0.3" in text


def test_setting_a_value_checks_it_and_unknown_keys_stay_an_error(tmp_path: Path) -> None:
    settings = Settings(path=tmp_path / "s.toml")
    with pytest.raises(ValidationError):
        settings.set("workstation.role", "kasir")
    with pytest.raises(KeyError):
        settings.set("workstation.colour", "blue")
    assert settings.get("workstation.role") == "counter"


def test_an_older_settings_file_is_upgraded_step_by_step_and_saved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given two upgrade steps: version 2 renamed a key, version 3 turned a percentage into 0..1
    def to_2(values: dict[str, object]) -> None:
        config.rename_key(values, "voice.loudness", "voice.volume")

    def to_3(values: dict[str, object]) -> None:
        if isinstance(values.get("voice.volume"), int) and values["voice.volume"] > 1:  # type: ignore[operator]
            values["voice.volume"] = values["voice.volume"] / 100  # type: ignore[operator]

    monkeypatch.setattr(config, "UPGRADES", {2: to_2, 3: to_3})
    monkeypatch.setattr(config, "SETTINGS_VERSION", 3)
    # and a file written by the program of version 1 (no version recorded)
    path = tmp_path / "settings.toml"
    path.write_text("[voice]\nloudness = 60\n\n[backup]\nkeep = 3\n", encoding="utf-8")

    settings = Settings.load(path)

    assert settings.get("voice.volume") == 0.6 and settings.get("backup.keep") == 3
    reloaded = path.read_text(encoding="utf-8")
    assert "[meta]\nversion = 3" in reloaded and "loudness" not in reloaded and "volume = 0.6" in reloaded
    # Loading the upgraded file again runs no step twice
    assert Settings.load(path).get("voice.volume") == 0.6


def test_a_file_from_a_newer_program_is_read_as_it_is_and_keeps_its_version(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text("[meta]\nversion = 99\n\n[voice]\nvolume = 0.4\n", encoding="utf-8")

    settings = Settings.load(path)
    settings.set("backup.keep", 5)
    settings.save()

    assert settings.get("voice.volume") == 0.4
    assert "[meta]\nversion = 99" in path.read_text(encoding="utf-8")
