from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from p4_desk.domain.masking import mask_nik
from p4_desk.domain.nik import check_nik, load_regions
from p4_desk.errors import ValidationError

TODAY = date(2026, 11, 29)


# NIK layout: PP KK CC DDMMYY SSSS
@pytest.mark.parametrize(
    ("nik", "sex", "birth"),
    [
        ("1871010107900001", "L", date(1990, 7, 1)),
        ("1871014107900001", "P", date(1990, 7, 1)),  # women: day + 40
        ("1872037101850002", "P", date(1985, 1, 31)),  # 71 = 31 + 40
        ("1801022902840003", "L", date(1984, 2, 29)),  # 1984 is a leap year
        ("1801026902000004", "P", date(2000, 2, 29)),  # 2000 is a leap year (and ≤ today)
        ("1871 0101 0790 0001", "L", date(1990, 7, 1)),  # spaces are forgiven
        ("1871010107900001\n", "L", date(1990, 7, 1)),  # and a pasted line end
        ("1871012911260001", "L", date(2026, 11, 29)),  # born today: this century
        ("1871013011260001", "L", date(1926, 11, 30)),  # tomorrow in 2026 → 1926
        ("1871013011250001", "L", date(2025, 11, 30)),
    ],
)
def test_valid_nik_decodes_sex_and_birth_date(nik: str, sex: str, birth: date) -> None:
    result = check_nik(nik, today=TODAY)
    assert result.valid, result.reasons
    assert result.reasons == ()
    assert result.sex == sex
    assert result.birth_date == birth


@pytest.mark.parametrize(
    ("nik", "reason"),
    [
        ("187101010790000", "NIK harus 16 digit angka"),  # 15 digits
        ("18710101079000011", "NIK harus 16 digit angka"),  # 17 digits
        ("18710101079000A1", "NIK harus 16 digit angka"),  # letter
        ("1871.0101.0790.0001", "NIK harus 16 digit angka"),  # only spaces are forgiven
        ("1871-0101-0790-0001", "NIK harus 16 digit angka"),
        ("1871\t0101\t0790\t0001", "NIK harus 16 digit angka"),
        ("187101010790000١", "NIK harus 16 digit angka"),  # Arabic-Indic digit one
        ("", "NIK harus 16 digit angka"),
        ("9971010107900001", "Kode provinsi 99 tidak dikenal"),
        ("2071010107900001", "Kode provinsi 20 tidak dikenal"),
        ("1871010107900000", "Nomor urut 0000 tidak valid"),
        ("1801022902850003", "Tanggal lahir pada NIK tidak valid"),  # 1985 not leap
        ("1871013201900001", "Tanggal lahir pada NIK tidak valid"),  # day 32
        ("1871014001900001", "Tanggal lahir pada NIK tidak valid"),  # 40: neither sex
        ("1871017201900001", "Tanggal lahir pada NIK tidak valid"),  # 72 = 32 + 40
        ("1871010001900001", "Tanggal lahir pada NIK tidak valid"),  # day 00
        ("1871010113900001", "Tanggal lahir pada NIK tidak valid"),  # month 13
        ("1871013104900001", "Tanggal lahir pada NIK tidak valid"),  # 31 April
    ],
)
def test_invalid_nik_says_why(nik: str, reason: str) -> None:
    result = check_nik(nik, today=TODAY)
    assert not result.valid
    assert reason in result.reasons


def test_29_february_of_year_00_depends_on_the_inferred_century() -> None:
    nik = "1801022902000004"
    # In 2026 "00" is 2000, a leap year.
    assert check_nik(nik, today=TODAY).birth_date == date(2000, 2, 29)
    # Before 29 Feb 2000 the date would be in the future, so "00" is 1900: not leap.
    before = check_nik(nik, today=date(2000, 2, 28))
    assert not before.valid
    assert before.reasons == ("Tanggal lahir pada NIK tidak valid",)
    assert check_nik(nik, today=date(2000, 2, 29)).valid


def test_all_problems_are_reported_together() -> None:
    result = check_nik("9971013201900000", today=TODAY)
    assert set(result.reasons) == {
        "Kode provinsi 99 tidak dikenal",
        "Tanggal lahir pada NIK tidak valid",
        "Nomor urut 0000 tidak valid",
    }
    assert result.sex is None and result.birth_date is None


def test_regions_are_decoded_down_to_the_district() -> None:
    result = check_nik("1872014107900001", today=TODAY)
    assert (result.province_code, result.province) == ("18", "Lampung")
    assert (result.regency_code, result.regency) == ("1872", "Kota Metro")
    assert (result.district_code, result.district) == ("187201", "Metro Pusat")
    kedaton = check_nik("1871015708900003", today=TODAY)
    assert (kedaton.district_code, kedaton.district, kedaton.regency) == (
        "187101",
        "Kedaton",
        "Kota Bandar Lampung",
    )
    assert kedaton.region_notes == () and kedaton.region_now is None


@pytest.mark.parametrize(
    ("nik", "reason"),
    [
        ("1899010107900001", "Kode kabupaten/kota 1899 tidak dikenal"),  # Lampung has no 99
        ("1814010107900001", "Kode kabupaten/kota 1814 tidak dikenal"),  # after Pesisir Barat (1813)
        ("1871990107900001", "Kode kecamatan 187199 tidak dikenal"),  # Bandar Lampung: 20 districts
        ("1871210107900001", "Kode kecamatan 187121 tidak dikenal"),  # one past the last
        ("9101990107900001", "Kode kecamatan 910199 tidak dikenal"),  # also under a historical regency
    ],
)
def test_a_region_prefix_in_no_table_is_refused_with_its_level(nik: str, reason: str) -> None:
    result = check_nik(nik, today=TODAY)
    assert not result.valid
    assert result.reasons == (reason,)  # one reason: the first unknown level, not the ones below it


def test_codes_are_kemendagri_not_bps() -> None:
    # Where the two codings differ: BPS numbers Lampung Barat 1801 and Jakarta Selatan 3171.
    regions = load_regions()
    assert regions.regencies["1801"] == "Kabupaten Lampung Selatan"
    assert regions.regencies["1804"] == "Kabupaten Lampung Barat"
    assert regions.regencies["3174"] == "Kota Administrasi Jakarta Selatan"
    assert regions.districts["317401"] == "Tebet"
    # BPS numbers the Papua provinces 94 (Papua) and 91 (Papua Barat); Kemendagri 91 and 92.
    assert (regions.provinces["91"], regions.provinces["92"]) == ("Papua", "Papua Barat")


def _expand(*ranges: tuple[int, int]) -> set[str]:
    return {str(code) for low, high in ranges for code in range(low, high + 1)}


def test_province_table_is_the_kemendagri_one() -> None:
    # DOMAIN.md: 11–19, 21, 31–36, 51–53, 61–65, 71–76, 81, 82, 91–97 — but 97 is no Kemendagri
    # code (Kemendagri numbers the six Papua provinces 91–96; 97 would be BPS's Papua Pegunungan).
    expected = _expand((11, 19), (21, 21), (31, 36), (51, 53), (61, 65), (71, 76), (81, 82), (91, 96))
    provinces = load_regions().provinces
    assert set(provinces) == expected
    assert check_nik("9701010107900001", today=TODAY).reasons == ("Kode provinsi 97 tidak dikenal",)


def test_table_holds_the_whole_current_decree() -> None:
    # Kepmendagri 300.2.2-2138/2025: 38 provinces, 416 kabupaten, 98 kota, 7,285 kecamatan.
    regions = load_regions()
    kota = [c for c in regions.regencies if int(c[2:]) > 70]
    assert (len(regions.provinces), len(regions.regencies) - len(kota), len(kota)) == (38, 416, 98)
    assert len(regions.districts) == 7285
    assert all(c[:4] in regions.regencies for c in regions.districts)
    assert all(c[:2] in regions.provinces for c in regions.regencies)
    lampung = {code for code in regions.regencies if code.startswith("18")}
    assert lampung == {f"18{n:02d}" for n in range(1, 14)} | {"1871", "1872"}
    assert sum(1 for c in regions.districts if c.startswith("18")) == 229


def _first_district(province: str) -> str:
    return min(c for c in load_regions().districts if c.startswith(province))


@pytest.mark.parametrize("province", sorted(load_regions().provinces))
def test_a_nik_from_every_province_decodes_to_its_district(province: str) -> None:
    regions = load_regions()
    district = _first_district(province)
    result = check_nik(f"{district}{'010190'}0001", today=TODAY)
    assert result.valid, result.reasons
    assert result.province == regions.provinces[province]
    assert result.regency == regions.regencies[district[:4]] and result.regency
    assert result.district == regions.districts[district] and result.district
    assert result.region_notes == ()


def test_a_papua_nik_from_before_the_2022_split_keeps_its_old_codes() -> None:
    # Merauke was 91.01 (Papua) until Papua Selatan was formed (UU 14/2022); it is 93.01 now.
    old = check_nik("9101014107900001", today=TODAY)
    assert old.valid, old.reasons
    assert (old.province, old.regency, old.district) == ("Papua", "Kabupaten Merauke", "Merauke")
    assert old.region_now == "930101"
    assert any("kini 930101 Merauke, Kabupaten Merauke, Papua Selatan" in n for n in old.region_notes)
    new = check_nik("9301014107900001", today=TODAY)
    assert (new.province, new.regency, new.district) == ("Papua Selatan", "Kabupaten Merauke", "Merauke")
    # Kota Sorong moved from Papua Barat (92.71) to Papua Barat Daya (96.71).
    sorong = check_nik("9271010107900001", today=TODAY)
    assert sorong.valid and sorong.regency == "Kota Sorong" and sorong.region_now is not None
    assert sorong.region_now.startswith("9671")


def test_a_tarakan_nik_from_before_kalimantan_utara() -> None:
    # Tarakan was 64.73 in Kalimantan Timur until 2012; its districts then are in no shipped decree,
    # so any district under the old code is accepted, unnamed.
    result = check_nik("6473010107900001", today=TODAY)
    assert result.valid, result.reasons
    assert (result.province, result.regency, result.district) == ("Kalimantan Timur", "Kota Tarakan", None)
    assert result.region_now == "6571"
    assert "kini 6571 Kota Tarakan, Kalimantan Utara" in result.region_notes[0]


def test_a_district_code_retired_before_2015_is_accepted_unnamed() -> None:
    # Lampung Selatan's districts 01–03 went to Kabupaten Pesawaran in 2007: no decree since lists
    # 180101, and a NIK registered there before keeps it.
    result = check_nik("1801010107900001", today=TODAY)
    assert result.valid, result.reasons
    assert (result.regency, result.district) == ("Kabupaten Lampung Selatan", None)
    assert "Kode kecamatan 180101 adalah kode lama" in result.region_notes[0]
    assert "Permendagri No. 56 Tahun 2015" in result.region_notes[0]


def test_every_historical_code_points_to_a_current_one_or_says_why_not() -> None:
    regions = load_regions()
    assert regions.historical, "the table has no historical codes"
    for code, old in regions.historical.items():
        assert code not in regions.regencies and code not in regions.districts
        assert code[:2] in regions.provinces
        if old.became:
            table = regions.regencies if len(code) == 4 else regions.districts
            assert old.became in table, (code, old)
        else:
            assert old.last_listed or old.note, code
    renumbered = [c for c, old in regions.historical.items() if len(c) == 4 and old.became]
    assert {c[:2] for c in renumbered} == {"64", "91", "92"}  # Kaltara 2012, Papua 2022


def test_mask_keeps_first_and_last_four_digits() -> None:
    assert mask_nik("1871010107900001") == "1871********0001"  # form of DOMAIN.md
    assert mask_nik("1871 0101 0790 0001") == "1871********0001"


@pytest.mark.parametrize("bad", ["187101010790", "18710101079000A1", ""])
def test_mask_refuses_what_is_not_a_nik(bad: str) -> None:
    with pytest.raises(ValidationError) as err:
        mask_nik(bad)
    assert err.value.field == "nik"
    assert "16 digit" in err.value.message


@given(
    st.dates(min_value=date(1926, 11, 30), max_value=TODAY),
    st.sampled_from(["L", "P"]),
    st.integers(min_value=1, max_value=9999),
)
def test_any_birth_date_of_the_last_hundred_years_decodes_back(birth: date, sex: str, sequence: int) -> None:
    day = birth.day + (40 if sex == "P" else 0)
    nik = f"187101{day:02d}{birth.month:02d}{birth.year % 100:02d}{sequence:04d}"
    result = check_nik(nik, today=TODAY)
    assert result.valid
    assert (result.birth_date, result.sex) == (birth, sex)
