"""Pitfall: shedding only tier == "free" under moderate pressure, so unknown tiers pass.

Rejected by: test_tiers_under_pressure
Why it is wrong: a missing or misspelled tier header becomes a way around shedding; anything that is not
a known paying tier must be treated as the lowest one.
"""

from __future__ import annotations

from solutions.safe_calls.resilience_patterns.load_shedding import *  # the rest is the reference
from solutions.safe_calls.resilience_patterns.load_shedding import Decision
from solutions.safe_calls.resilience_patterns.load_shedding import LoadShedder as _Reference


class LoadShedder(_Reference):
    def decide(self, *, tier: str, queue_depth: int, pressure: float) -> Decision:
        if 0.7 < pressure <= 0.9 and tier not in ("free", "pro", "premium"):
            tier = "pro"
        return super().decide(tier=tier, queue_depth=queue_depth, pressure=pressure)
