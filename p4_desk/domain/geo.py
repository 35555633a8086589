"""Coordinates of a complaint location: hard validation plus a soft Indonesia check."""

from __future__ import annotations

import math
from dataclasses import dataclass

from p4_desk.errors import ValidationError

# Indonesia's extreme points with a small margin: Pulau Weh (~6.1° N), Pulau Ndana
# (~11.0° S), Sabang (~95.0° E), the Papua New Guinea border (~141.0° E).
INDONESIA_LAT = (-11.5, 6.5)
INDONESIA_LON = (94.5, 141.5)


@dataclass(frozen=True)
class GeoPoint:
    latitude: float
    longitude: float


@dataclass(frozen=True)
class GeoCheck:
    point: GeoPoint
    warning: str | None  # set when the point looks wrong but is still accepted


def parse_coordinate(value: float | int | str, field: str) -> float:
    """A number, or text such as ``-5,4294`` (Indonesian decimal comma) or ``105.26``."""
    if isinstance(value, bool):
        raise ValidationError("Koordinat harus berupa angka", field=field)
    if isinstance(value, str):
        text = value.strip().replace(",", ".")
        try:
            number = float(text)
        except ValueError:
            raise ValidationError("Koordinat harus berupa angka", field=field) from None
    else:
        number = float(value)
    if not math.isfinite(number):
        raise ValidationError("Koordinat harus berupa angka", field=field)
    return number


def validate_coordinates(latitude: float | int | str, longitude: float | int | str) -> GeoPoint:
    """Raise ``ValidationError`` unless −90 ≤ latitude ≤ 90 and −180 ≤ longitude ≤ 180."""
    lat = parse_coordinate(latitude, "latitude")
    lon = parse_coordinate(longitude, "longitude")
    if not -90 <= lat <= 90:
        raise ValidationError("Lintang (latitude) harus antara -90 dan 90", field="latitude")
    if not -180 <= lon <= 180:
        raise ValidationError("Bujur (longitude) harus antara -180 dan 180", field="longitude")
    return GeoPoint(lat, lon)


def within_indonesia(point: GeoPoint) -> bool:
    """Inside Indonesia's bounding box (a box: parts of neighbours are inside too)."""
    return (
        INDONESIA_LAT[0] <= point.latitude <= INDONESIA_LAT[1]
        and INDONESIA_LON[0] <= point.longitude <= INDONESIA_LON[1]
    )


def check_location(latitude: float | int | str, longitude: float | int | str) -> GeoCheck:
    """Validate, then warn (not fail) when the point is outside Indonesia.

    The usual cause is latitude and longitude typed in each other's field. A missing
    minus sign is not always caught: the box reaches 6.5° N.
    """
    point = validate_coordinates(latitude, longitude)
    warning = None
    if not within_indonesia(point):
        warning = "Lokasi berada di luar wilayah Indonesia; periksa kembali lintang dan bujur"
    return GeoCheck(point, warning)
