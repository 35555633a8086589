import pytest

from p4_desk.domain.phone import normalize_phone
from p4_desk.errors import ValidationError


@pytest.mark.parametrize(
    ("typed", "e164"),
    [
        ("081234567890", "+6281234567890"),
        ("0812-3456-7890", "+6281234567890"),
        ("0812 3456 7890", "+6281234567890"),
        ("0812.3456.7890", "+6281234567890"),
        ("6281234567890", "+6281234567890"),
        ("+62 812-3456-7890", "+6281234567890"),
        ("+62 (812) 3456 7890", "+6281234567890"),
        ("0812345678", "+62812345678"),  # older 10-digit mobile number
        ("0812-3456-78901", "+62812345678901"),  # 13 digits, the longest in use
        ("(0721) 123456", "+62721123456"),  # Bandar Lampung landline
        ("0721-7654321", "+627217654321"),
        ("(021) 12345678", "+622112345678"),  # Jakarta
        ("+62 725 41234", "+6272541234"),  # Metro, 5-digit subscriber number
        ("(0901) 123456", "+62901123456"),  # Papua area codes start with 9
        ("  0812 3456 7890  ", "+6281234567890"),
    ],
)
def test_indonesian_numbers_become_e164(typed: str, e164: str) -> None:
    assert normalize_phone(typed) == e164


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "wajib diisi"),
        (" - ", "wajib diisi"),
        ("0812-3456-789O", "hanya boleh berisi angka"),  # letter O typed for zero
        ("0812 abc 7890", "hanya boleh berisi angka"),
        ("0812+34567890", "hanya boleh berisi angka"),
        ("08123456", "terlalu pendek"),  # 8 digits
        ("0812-3456-789012", "terlalu panjang"),  # 14 digits
        ("(0721) 1234", "terlalu pendek"),
        ("(021) 1234567890", "terlalu panjang"),  # 12 digits after 62
        ("812345678901", "harus diawali 0, 62, atau +62"),
        ("+61 412 345 678", "luar negeri"),
        ("0062 812 3456 7890", "Awalan"),
        ("+62 0812 3456 7890", "Awalan"),
        ("0112", "Awalan"),
        ("62", "Awalan"),
    ],
)
def test_bad_numbers_are_refused_in_indonesian(typed: str, message: str) -> None:
    with pytest.raises(ValidationError) as err:
        normalize_phone(typed)
    assert err.value.field == "phone"
    assert message in err.value.message
