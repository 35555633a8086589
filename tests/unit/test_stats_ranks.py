"""The percentiles selected from sorted per-day runs are those of a full sort (services/stats/ranks.py)."""

from __future__ import annotations

from array import array

from hypothesis import given, settings
from hypothesis import strategies as st

from p4_desk.services.stats.legs import _interpolate
from p4_desk.services.stats.ranks import Runs, pack

DURATION = st.one_of(
    st.floats(0, 20_000, allow_nan=False),
    st.sampled_from([0.0, 60.0, 300.0]),  # many equal values (whole minutes, zero waits)
)
RUN = st.lists(DURATION, max_size=60)


@settings(max_examples=300, deadline=None)
@given(stored=st.lists(RUN, max_size=40), recounted=st.lists(RUN, max_size=3))
def test_percentiles_of_runs_equal_those_of_one_sorted_list(
    stored: list[list[float]], recounted: list[list[float]]
) -> None:
    # Given days stored as packed sorted arrays and recounted days as values in any order,
    # selected with the bracketing at every size (sort_all_below=0) and by the plain sort
    for sort_all_below in (0, 10**9):
        runs = Runs(sort_all_below=sort_all_below)
        for run in stored:
            runs.add_packed(pack(run))
        for run in recounted:
            runs.add(reversed(run))
        everything = sorted(v for run in stored + recounted for v in run)
        # Then the median and 90th percentile are exactly the full sort's
        assert len(runs) == len(everything)
        assert runs.percentiles() == _interpolate(everything)


@given(st.lists(st.floats(allow_nan=False), max_size=50))
def test_a_packed_day_reads_back_bit_for_bit_sorted(values: list[float]) -> None:
    blob = pack(values)
    assert len(blob) == 8 * len(values)
    back = array("d")
    back.frombytes(blob)
    assert back.tolist() == sorted(values)
    assert [v.hex() for v in back] == [v.hex() for v in sorted(values)]


def test_a_large_year_of_runs_selects_inside_the_bracket() -> None:
    # 400 days x 200 legs (above the plain-sort size): durations drifting from day to day
    runs = Runs()
    everything = []
    for day in range(400):
        run = [((day * 7919 + i * 104729) % 3600) + day / 3 for i in range(200)]
        everything += run
        runs.add_packed(pack(run))
    assert runs.percentiles() == _interpolate(sorted(everything))
