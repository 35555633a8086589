import pytest

from p4_desk.domain.geo import GeoPoint, check_location, validate_coordinates, within_indonesia
from p4_desk.errors import ValidationError


@pytest.mark.parametrize(
    ("lat", "lon", "point"),
    [
        (-5.4292, 105.2610, GeoPoint(-5.4292, 105.2610)),  # Bandar Lampung
        ("-5,1136", "105,3067", GeoPoint(-5.1136, 105.3067)),  # Metro, decimal comma
        (" -5.1136 ", "105.3067", GeoPoint(-5.1136, 105.3067)),
        (90, -180, GeoPoint(90.0, -180.0)),  # limits are inclusive
        (-90, 180, GeoPoint(-90.0, 180.0)),
    ],
)
def test_valid_coordinates(lat: float | str, lon: float | str, point: GeoPoint) -> None:
    assert validate_coordinates(lat, lon) == point


@pytest.mark.parametrize(
    ("lat", "lon", "field", "message"),
    [
        (90.0001, 105.0, "latitude", "antara -90 dan 90"),
        (-91, 105.0, "latitude", "antara -90 dan 90"),
        (-5.4, 180.5, "longitude", "antara -180 dan 180"),
        (-5.4, -181, "longitude", "antara -180 dan 180"),
        ("lima", 105.0, "latitude", "harus berupa angka"),
        ("", 105.0, "latitude", "harus berupa angka"),
        (-5.4, "nan", "longitude", "harus berupa angka"),
        (float("inf"), 105.0, "latitude", "harus berupa angka"),
        (True, 105.0, "latitude", "harus berupa angka"),
        (105.2610, -5.4292, "latitude", "antara -90 dan 90"),  # swapped for Lampung
    ],
)
def test_invalid_coordinates(lat: object, lon: object, field: str, message: str) -> None:
    with pytest.raises(ValidationError) as err:
        validate_coordinates(lat, lon)  # type: ignore[arg-type]
    assert err.value.field == field
    assert message in err.value.message


@pytest.mark.parametrize(
    ("lat", "lon", "inside"),
    [
        (-5.4292, 105.2610, True),  # Bandar Lampung
        (5.89, 95.32, True),  # Sabang, Pulau Weh
        (-2.53, 140.72, True),  # Jayapura
        (-10.99, 122.83, True),  # Pulau Ndana, southernmost
        (6.2, 106.8, True),  # missing minus on Jakarta's latitude: the box cannot tell
        (-6.2, -106.8, False),  # minus sign on the longitude
        (52.37, 4.90, False),  # Amsterdam
    ],
)
def test_outside_indonesia_is_a_warning_not_an_error(lat: float, lon: float, inside: bool) -> None:
    result = check_location(lat, lon)
    assert within_indonesia(result.point) is inside
    assert (result.warning is None) is inside
    if not inside:
        assert result.warning is not None and "luar wilayah Indonesia" in result.warning
