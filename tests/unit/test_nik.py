from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from p4_desk.domain.nik import check_nik, load_regions, mask_nik
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


def test_regions_are_decoded() -> None:
    result = check_nik("1872014107900001", today=TODAY)
    assert result.province_code == "18"
    assert result.province == "Lampung"
    assert result.regency_code == "1872"
    assert result.regency == "Kota Metro"
    assert result.district_code == "187201"


def test_unknown_regency_in_known_province_is_still_valid() -> None:
    lampung = check_nik("1899010107900001", today=TODAY)
    assert lampung.valid and lampung.province == "Lampung" and lampung.regency is None
    jakarta = check_nik("3174010107900001", today=TODAY)
    assert jakarta.valid and jakarta.province == "DKI Jakarta" and jakarta.regency is None


def _expand(*ranges: tuple[int, int]) -> set[str]:
    return {str(code) for low, high in ranges for code in range(low, high + 1)}


def test_province_table_has_exactly_the_codes_of_domain_md() -> None:
    # DOMAIN.md: 11–19, 21, 31–36, 51–53, 61–65, 71–76, 81, 82, 91–97
    expected = _expand((11, 19), (21, 21), (31, 36), (51, 53), (61, 65), (71, 76), (81, 82), (91, 97))
    provinces = load_regions().provinces
    assert set(provinces) == expected
    assert all(name.strip() for name in provinces.values())


def test_lampung_regencies_are_the_kemendagri_ones() -> None:
    regencies = load_regions().regencies
    assert regencies["1801"].endswith("Lampung Selatan")
    assert regencies["1807"].endswith("Lampung Timur")
    assert regencies["1813"].endswith("Pesisir Barat")
    assert regencies["1871"] == "Kota Bandar Lampung"
    assert regencies["1872"] == "Kota Metro"
    lampung = {code for code in regencies if code.startswith("18")}
    assert lampung == {f"18{n:02d}" for n in range(1, 14)} | {"1871", "1872"}


def test_mask_keeps_first_and_last_four_digits() -> None:
    assert mask_nik("1871010107900001") == "1871**********0001"  # form of DOMAIN.md
    assert mask_nik("1871 0101 0790 0001") == "1871**********0001"


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
