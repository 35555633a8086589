"""The columns of the ranking table on ``/provinsi``: value, text, which way is better, sorting."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from p4_desk.central.province.ranking import Figures, Row
from p4_desk.domain.wording import format_number, format_percent


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    value: Callable[[Figures], float | None]
    #: True: a larger value is better; False: smaller; None: neither (a count)
    higher_is_better: bool | None
    kind: str  # "count" | "minutes" | "share" | "ikm"

    def text(self, figures: Figures) -> str:
        value = self.value(figures)
        if value is None:
            return "–"
        if self.kind == "share":
            return format_percent(value)
        if self.kind == "minutes":
            return format_number(value, 1)
        if self.kind == "ikm":
            return f"{format_number(value, 2)} ({figures.ikm_grade})"
        return format_number(value)

    def trend(self, row: Row) -> str:
        """``naik``/``turun``/``tetap`` against the previous period, with ``baik``/``buruk``."""
        now, before = self.value(row.current), self.value(row.previous)
        if now is None or before is None or now == before:
            return "tetap" if now is not None and now == before else ""
        up = now > before
        if self.higher_is_better is None:
            return "naik" if up else "turun"
        good = up == self.higher_is_better
        return ("naik" if up else "turun") + (" baik" if good else " buruk")


def _share(
    part: Callable[[Figures], int], whole: Callable[[Figures], int]
) -> Callable[[Figures], float | None]:
    return lambda f: part(f) / whole(f) if whole(f) else None


def _deadline(name: str) -> Callable[[Figures], float | None]:
    return lambda f: f.deadlines[name].share_on_time


COLUMNS: tuple[Column, ...] = (
    Column("diambil", "Tiket diambil", lambda f: f.tickets_issued, None, "count"),
    Column("dilayani", "Tiket dilayani", lambda f: f.tickets_served, None, "count"),
    Column("median", "Median tunggu (menit)", lambda f: f.wait_median_minutes, False, "minutes"),
    Column("p90", "P90 tunggu (menit)", lambda f: f.wait_p90_minutes, False, "minutes"),
    Column(
        "target",
        "Dalam target tunggu",
        _share(lambda f: f.served_within_target, lambda f: f.served_with_target),
        True,
        "share",
    ),
    Column(
        "tidakhadir",
        "Tidak hadir",
        _share(lambda f: f.tickets_no_show, lambda f: f.tickets_issued),
        False,
        "share",
    ),
    Column("ikm", "IKM (mutu)", lambda f: f.ikm, True, "ikm"),
    Column("pengaduan", "Pengaduan diterima", lambda f: f.complaints_received, None, "count"),
    Column("verifikasi", "Verifikasi & penerusan tepat waktu", _deadline("verify_forward"), True, "share"),
    Column("rencana", "Rencana tindak lanjut tepat waktu", _deadline("follow_up_plan"), True, "share"),
    Column("tanggapan", "Tanggapan tepat waktu", _deadline("answer"), True, "share"),
    Column("selesai", "Penyelesaian tepat waktu", _deadline("resolution"), True, "share"),
    Column("lewat", "Pengaduan lewat batas kini", lambda f: f.complaints_overdue_now, False, "count"),
    Column(
        "izin",
        "Izin selesai tepat waktu",
        _share(lambda f: f.applications_on_time, lambda f: f.applications_due),
        True,
        "share",
    ),
)
BY_KEY = {column.key: column for column in COLUMNS}


def sort_rows(rows: list[Row], key: str, descending: bool) -> list[Row]:
    """Rows by a column (unknown key: IKM); rows without a value last, ties by code."""
    column = BY_KEY.get(key, BY_KEY["ikm"])
    with_value = [r for r in rows if column.value(r.current) is not None]
    without = [r for r in rows if column.value(r.current) is None]
    with_value.sort(key=lambda r: r.key)
    with_value.sort(key=lambda r: column.value(r.current) or 0.0, reverse=descending)
    return with_value + sorted(without, key=lambda r: r.key)
