"""Exact percentiles over sorted runs of durations (the summaries' per-day arrays).

A summarised day stores each service's waiting and service durations as a sorted array of
little-endian float64 (``pack``). A period's percentiles then need two ranks of the union of a
few thousand sorted runs (a year: 365 days x 13 services, ~500,000 values each), not a sort of
them all: ``Runs.percentiles`` brackets each wanted rank by a strided sample, counts the values
below the bracket exactly by bisection in every run, sorts only the values inside the bracket
(a few thousand) and falls back to sorting everything if the bracket missed. The result is the
value a full sort would give (``legs._interpolate``'s definition), not an estimate.
"""

from __future__ import annotations

import sys
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from p4_desk.services.stats.legs import PERCENTILES, _Pair

# below this many values a plain sort is as quick as the bracketing
_SORT_ALL_BELOW = 20_000
_STRIDE = 32  # every 32nd value of the runs is the sample
_MARGIN = 6  # sample ranks either side of the estimate, in standard deviations of its rank


def pack(values: Iterable[float]) -> bytes:
    """Sorted values as little-endian float64 bytes (the stored form)."""
    a = array("d", sorted(values))
    if sys.byteorder == "big":
        a.byteswap()
    return a.tobytes()


class Runs:
    """Sorted runs of floats, concatenated into one array with the runs' bounds."""

    def __init__(self, *, sort_all_below: int = _SORT_ALL_BELOW) -> None:
        self.values = array("d")
        self.bounds = [0]
        self.sort_all_below = sort_all_below

    def add_packed(self, blob: bytes) -> None:
        """A run stored by ``pack``."""
        if not blob:
            return
        run = array("d")
        run.frombytes(blob)
        if sys.byteorder == "big":
            run.byteswap()
        self.values.extend(run)
        self.bounds.append(len(self.values))

    def add(self, values: Iterable[float]) -> None:
        """Values in any order (a recounted part)."""
        run = sorted(values)
        if run:
            self.values.extend(run)
            self.bounds.append(len(self.values))

    def __len__(self) -> int:
        return len(self.values)

    def percentiles(self) -> _Pair:
        """Median and 90th percentile, as ``legs._interpolate`` of the sorted values."""
        n = len(self.values)
        if n == 0:
            return None, None
        positions = [p * (n - 1) for p in PERCENTILES]
        wanted = sorted({r for pos in positions for r in (int(pos), min(int(pos) + 1, n - 1))})
        at = self._select(wanted)
        result = []
        for pos in positions:
            lo = int(pos)
            hi = min(lo + 1, n - 1)
            result.append(at[lo] + (at[hi] - at[lo]) * (pos - lo))
        return result[0], result[1]

    def _select(self, ranks: list[int]) -> dict[int, float]:
        """The values of the given 0-based ranks of the sorted union of the runs."""
        values, n = self.values, len(self.values)
        if n < self.sort_all_below or len(self.bounds) <= 2:
            ordered = sorted(values)
            return {r: ordered[r] for r in ranks}
        sample = sorted(values[_STRIDE - 1 :: _STRIDE])
        m = len(sample)
        margin = int(_MARGIN * (m**0.5) / 2) + 2  # sd of a sample rank <= sqrt(m) / 2
        out: dict[int, float] = {}
        # the wanted ranks come in neighbouring pairs (lo, lo + 1): one bracket per cluster
        clusters: list[list[int]] = []
        for r in ranks:
            if clusters and r - clusters[-1][-1] <= 1:
                clusters[-1].append(r)
            else:
                clusters.append([r])
        for cluster in clusters:
            j = cluster[0] * m // n
            lo_v = sample[j - margin] if j - margin >= 0 else float("-inf")
            hi_v = sample[j + margin] if j + margin < m else float("inf")
            below, inside = self._bracket(lo_v, hi_v)
            if below <= cluster[0] and cluster[-1] < below + len(inside):
                inside.sort()
                out.update({r: inside[r - below] for r in cluster})
            else:  # the sample misled (many equal values, say): sort everything
                ordered = sorted(values)
                return {r: ordered[r] for r in ranks}
        return out

    def _bracket(self, lo_v: float, hi_v: float) -> tuple[int, list[float]]:
        """How many values are below ``lo_v``, and the values in ``[lo_v, hi_v]``."""
        values, bounds = self.values, self.bounds
        below = 0
        inside: list[float] = []
        for i in range(len(bounds) - 1):
            a, b = bounds[i], bounds[i + 1]
            x = bisect_left(values, lo_v, a, b)
            y = bisect_right(values, hi_v, x, b)
            below += x - a
            if y > x:
                inside.extend(values[x:y])
        return below, inside
