"""Pitfall: choose_call_timeout uses the default numbers (p99, x1.2, [1, 120]) whatever it is given.

Rejected by: test_every_knob_is_used
Why it is wrong: a path configured for p95 with a 2x margin, or a 30 s ceiling, silently gets the defaults;
the budget no longer says what the config says.
"""

from __future__ import annotations

from collections.abc import Sequence

from solutions.safe_calls.outbound_budget.choose_call_timeout import *  # the rest is the reference
from solutions.safe_calls.outbound_budget.choose_call_timeout import percentile


def choose_call_timeout(
    samples: Sequence[float],
    *,
    q: float = 99.0,
    margin: float = 1.2,
    floor: float = 1.0,
    ceiling: float = 120.0,
) -> float:
    return min(120.0, max(1.0, percentile(samples, 99.0) * 1.2))
