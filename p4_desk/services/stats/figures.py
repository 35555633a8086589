"""Per-service, per-officer, per-day figures, totals and the heatmap, summed from the groups."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from operator import itemgetter
from zoneinfo import ZoneInfo

from p4_desk.services.stats.legs import _Group
from p4_desk.services.stats.model import DayFigures, OfficerFigures, Period, ServiceFigures, Totals


def _local_hour(bucket: str, tz: ZoneInfo) -> datetime:
    """The local hour of a ``'YYYY-MM-DD HH'`` UTC bucket (sliced: ``strptime`` is ~10x slower)."""
    y, m, d, h = int(bucket[0:4]), int(bucket[5:7]), int(bucket[8:10]), int(bucket[11:13])
    return datetime(y, m, d, h, tzinfo=UTC).astimezone(tz)


@dataclass(frozen=True)
class _Sums:
    wait_sum: float
    wait_n: int
    service_sum: float
    service_n: int
    within: int


# legs, done, no_show, cancelled, transferred, waiting_at_end, wait_sum, wait_n, service_sum,
# service_n, within, unserved (not busy) of a _Group
_SERVICE_COLUMNS = itemgetter(3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 15)


def _service_figures(
    groups: Sequence[_Group],
    issued: Sequence[tuple[int, str, int]],
    catalog: dict[int, tuple[str, str, str, int]],
) -> list[tuple[ServiceFigures, _Sums]]:
    by_service: dict[int, list[_Group]] = {}
    for g in groups:
        by_service.setdefault(g.service_id, []).append(g)
    # column sums in the groups' order (zip and sum run in C: a year is ~12,000 groups)
    per = {
        sid: [sum(column) for column in zip(*map(_SERVICE_COLUMNS, gs), strict=True)]
        for sid, gs in by_service.items()
    }
    issued_by: dict[int, int] = {}
    for sid, _bucket, n in issued:
        issued_by[sid] = issued_by.get(sid, 0) + n
    out = []
    for sid in sorted(set(per) | set(issued_by), key=lambda i: catalog[i][0]):
        legs, done, no_show, cancelled, transferred, waiting, wsum, wn, ssum, sn, within, unserved = per.get(
            sid, [0.0] * 12
        )
        code, name, agency, target = catalog[sid]
        sums = _Sums(wsum, int(wn), ssum, int(sn), int(within))
        out.append(
            (
                ServiceFigures(
                    code=code,
                    name=name,
                    agency=agency,
                    target_wait_minutes=target,
                    issued=issued_by.get(sid, 0),
                    legs=int(legs),
                    served=int(done),
                    no_show=int(no_show),
                    cancelled=int(cancelled),
                    transferred=int(transferred),
                    waiting_at_end=int(waiting),
                    wait_avg=wsum / wn if wn else None,
                    service_avg=ssum / sn if sn else None,
                    within_target=within / done if done else None,
                    unserved=int(unserved),
                ),
                sums,
            )
        )
    return out


def _totals(
    services: Sequence[tuple[ServiceFigures, _Sums]],
    wait_pct: tuple[float | None, float | None],
    service_pct: tuple[float | None, float | None],
) -> Totals:
    def total(name: str) -> int:
        return sum(int(getattr(f, name)) for f, _ in services)

    wsum = sum(x.wait_sum for _, x in services)
    wn = sum(x.wait_n for _, x in services)
    ssum = sum(x.service_sum for _, x in services)
    sn = sum(x.service_n for _, x in services)
    within = sum(x.within for _, x in services)
    served = total("served")
    return Totals(
        issued=total("issued"),
        legs=total("legs"),
        served=served,
        no_show=total("no_show"),
        cancelled=total("cancelled"),
        transferred=total("transferred"),
        waiting_at_end=total("waiting_at_end"),
        wait_avg=wsum / wn if wn else None,
        wait_median=wait_pct[0],
        wait_p90=wait_pct[1],
        service_avg=ssum / sn if sn else None,
        service_median=service_pct[0],
        service_p90=service_pct[1],
        within_target=within / served if served else None,
        unserved=total("unserved"),
    )


def _days(
    groups: Sequence[_Group],
    issued: Sequence[tuple[int, str, int]],
    hours: dict[str, datetime],
    period: Period,
) -> tuple[DayFigures, ...]:
    per_day: dict[date, list[float]] = {d: [0, 0, 0, 0.0, 0, 0] for d in period.days()}
    for g in groups:
        acc = per_day.setdefault(hours[g.bucket].date(), [0, 0, 0, 0.0, 0, 0])
        acc[1] += g.done
        acc[2] += g.no_show
        acc[3] += g.wait_sum
        acc[4] += g.wait_n
        acc[5] += g.unserved
    for _sid, bucket, n in issued:
        per_day.setdefault(hours[bucket].date(), [0, 0, 0, 0.0, 0, 0])[0] += n
    return tuple(
        DayFigures(d, int(a[0]), int(a[1]), int(a[2]), a[3] / a[4] if a[4] else None, int(a[5]))
        for d, a in sorted(per_day.items())
    )


def _heatmap(
    issued: Sequence[tuple[int, str, int]], hours: dict[str, datetime]
) -> tuple[tuple[int, ...], ...]:
    heat = [[0] * 24 for _ in range(7)]
    for _sid, bucket, n in issued:
        local = hours[bucket]
        heat[local.weekday()][local.hour] += n
    return tuple(tuple(row) for row in heat)


def _officer_figures(
    groups: Sequence[_Group], sessions: dict[int, float], people: dict[int, tuple[str, str]]
) -> tuple[OfficerFigures, ...]:
    per: dict[int, list[float]] = {}
    for g in groups:
        if g.officer_id is None:
            continue
        acc = per.setdefault(g.officer_id, [0, 0.0, 0, 0.0])
        acc[0] += g.done
        acc[1] += g.service_sum
        acc[2] += g.service_n
        acc[3] += g.busy
    out = []
    for oid in sorted(set(per) | set(sessions), key=lambda i: people.get(i, ("", ""))[0]):
        if oid not in people:
            continue
        done, ssum, sn, busy = per.get(oid, [0, 0.0, 0, 0.0])
        open_s = sessions.get(oid)
        out.append(
            OfficerFigures(
                username=people[oid][0],
                full_name=people[oid][1],
                served=int(done),
                service_avg=ssum / sn if sn else None,
                busy_seconds=busy,
                open_seconds=open_s,
                idle_seconds=max(0.0, open_s - busy) if open_s is not None else None,
            )
        )
    return tuple(out)
