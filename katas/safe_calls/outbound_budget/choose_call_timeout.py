"""Exercise 1 of outbound_budget: choose the per-attempt call timeout from observed latencies.

Brief: katas/safe_calls/outbound_budget/README.md. Run: `kata run choose_call_timeout`.
"""

from __future__ import annotations

from collections.abc import Sequence


def percentile(samples: Sequence[float], q: float) -> float:
    """The nearest-rank q-th percentile (0 < q <= 100) of `samples`, which may come in any order.

    Nearest rank: sort a copy, take the element at 1-based rank ceil(q / 100 * n). No interpolation:
    the answer is always one of the samples. Raise ValueError for an empty sample or q outside (0, 100].
    """
    raise NotImplementedError


def choose_call_timeout(
    samples: Sequence[float],
    *,
    q: float = 99.0,
    margin: float = 1.2,
    floor: float = 1.0,
    ceiling: float = 120.0,
) -> float:
    """The per-attempt budget: the q-th percentile of the latencies times `margin`, clamped to
    [floor, ceiling]. It is how long we are willing to wait, so it comes from the tail, never the mean.
    """
    raise NotImplementedError
