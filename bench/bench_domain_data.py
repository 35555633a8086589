"""NIK decoding with the full region table, and due dates with the estimated holiday calendar.

    python bench/bench_domain_data.py [--niks 200000] [--counts 20000]

- first use: the cost of reading ``regions.json.gz`` and of the first estimated year (the
  ``holidays`` package is imported then), each measured in a fresh process;
- per call: ``check_nik`` on NIKs drawn from every district (and some historical and unknown
  codes), ``HolidayCalendar.count`` for 5 and 60 working days in an official and an estimated year.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from p4_desk.domain.nik import check_nik, load_regions  # noqa: E402
from p4_desk.domain.working_days import indonesian_calendar, load_seed_holidays  # noqa: E402

FIRST_USE = {
    "load_regions() (module already imported)": "import time; from p4_desk.domain.nik import load_regions; "
    "t=time.perf_counter(); load_regions(); print((time.perf_counter()-t)*1000)",
    "first check_nik() (module already imported)": "import time; from p4_desk.domain.nik import check_nik; "
    "t=time.perf_counter(); check_nik('1871015708900003'); print((time.perf_counter()-t)*1000)",
    "first count in an estimated year (imports holidays)": "import time, datetime as d; "
    "from p4_desk.domain.working_days import indonesian_calendar as c; k=c([]); t=time.perf_counter(); "
    "k.count(d.date(2028,3,1),5); print((time.perf_counter()-t)*1000)",
}


def first_use(repeat: int = 5) -> None:
    print("| first use (fresh process) | median ms | max ms |\n|---|---|---|")
    for label, code in FIRST_USE.items():
        runs = [
            float(
                subprocess.run(
                    [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
                ).stdout
            )
            for _ in range(repeat)
        ]
        print(f"| {label} | {statistics.median(runs):.1f} | {max(runs):.1f} |")


def per_call(label: str, fn, items: list) -> None:  # type: ignore[no-untyped-def]
    times = []
    for item in items:
        t = time.perf_counter_ns()
        fn(item)
        times.append(time.perf_counter_ns() - t)
    times.sort()
    p50, p99 = times[len(times) // 2] / 1000, times[int(len(times) * 0.99)] / 1000
    print(f"| {label} | {len(items)} | {p50:.1f} | {p99:.1f} |")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--niks", type=int, default=200_000)
    parser.add_argument("--counts", type=int, default=20_000)
    args = parser.parse_args()
    rng = random.Random(19)
    first_use()

    regions = load_regions()
    districts = list(regions.districts) + [c for c in regions.historical if len(c) == 6]
    niks = [f"{rng.choice(districts)}{rng.randint(1, 28):02d}{rng.randint(1, 12):02d}{rng.randint(0, 99):02d}"
            f"{rng.randint(1, 9999):04d}" for _ in range(args.niks)]  # fmt: skip
    niks += [f"1871{rng.randint(21, 99)}010190000{rng.randint(1, 9)}" for _ in range(args.niks // 20)]
    today = date(2026, 11, 29)

    calendar = indonesian_calendar(load_seed_holidays())
    calendar.count(date(2027, 1, 1), 1)  # the estimated years are computed once per calendar
    calendar.count(date(2028, 1, 1), 1)
    official = [date(2026, 1, 1) + timedelta(days=rng.randint(0, 300)) for _ in range(args.counts)]
    estimated = [date(2027, 1, 1) + timedelta(days=rng.randint(0, 300)) for _ in range(args.counts)]

    print("\n| per call | calls | p50 µs | p99 µs |\n|---|---|---|---|")
    per_call("check_nik, districts of every province", lambda n: check_nik(n, today), niks)
    per_call("count 5 working days, official year (2026)", lambda d: calendar.count(d, 5), official)
    per_call("count 5 working days, estimated year (2027)", lambda d: calendar.count(d, 5), estimated)
    per_call("count 60 working days, estimated year (2027)", lambda d: calendar.count(d, 60), estimated)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
