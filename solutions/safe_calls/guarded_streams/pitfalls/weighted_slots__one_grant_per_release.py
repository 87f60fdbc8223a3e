"""Pitfall: each release wakes only the head waiter, even when more of the queue now fits.

Rejected by: test_a_release_grants_every_waiter_that_now_fits
Why it is wrong: a big release (a weight-3 stream ending) frees room for several queued calls, but only
one runs; the rest wait for the next release though units sit idle, so throughput drops under exactly
the load the semaphore was meant to pace.
"""

from solutions.safe_calls.guarded_streams.weighted_slots import *  # the rest is the reference
from solutions.safe_calls.guarded_streams.weighted_slots import WeightedSemaphore as _Ref


class WeightedSemaphore(_Ref):
    def _grant(self) -> None:
        if self._waiters and self._waiters[0][0] <= self._available:
            weight, future = self._waiters.popleft()
            self._available -= weight
            future.set_result(None)
