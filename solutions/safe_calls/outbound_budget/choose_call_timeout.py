"""Reference solution: call_timeout."""

from __future__ import annotations

import math
from collections.abc import Sequence


def percentile(samples: Sequence[float], q: float) -> float:
    if not samples:
        raise ValueError("percentile of an empty sample")
    if not 0 < q <= 100:
        raise ValueError(f"q must be in (0, 100], got {q}")
    ordered = sorted(samples)
    return ordered[math.ceil(q / 100 * len(ordered)) - 1]


def choose_call_timeout(
    samples: Sequence[float],
    *,
    q: float = 99.0,
    margin: float = 1.2,
    floor: float = 1.0,
    ceiling: float = 120.0,
) -> float:
    return min(ceiling, max(floor, percentile(samples, q) * margin))
