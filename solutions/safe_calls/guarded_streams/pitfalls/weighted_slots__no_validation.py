"""Pitfall: no checks on weights and releases.

Rejected by: test_impossible_weights_are_rejected_at_once, test_over_release_is_rejected
Why it is wrong: a weight above capacity waits forever (and blocks everyone queued behind it), and an
extra release silently grows capacity beyond what the upstream can take; both hide bugs until production.
"""

from __future__ import annotations

from solutions.safe_calls.guarded_streams.weighted_slots import *  # the rest is the reference
from solutions.safe_calls.guarded_streams.weighted_slots import WeightedSemaphore as _Reference


class WeightedSemaphore(_Reference):
    def _check(self, weight: int) -> None:
        pass

    def release(self, weight: int = 1) -> None:
        self._available += weight
        self._grant()
