"""Pitfall: accepting a capacity of zero or less.

Rejected by: test_a_semaphore_needs_positive_capacity
Why it is wrong: a zero-capacity semaphore (a config typo, an unset env var parsed as 0) makes every
acquire() wait forever; the pod looks healthy and serves nothing. Refuse it at construction.
"""

from collections import deque

from solutions.safe_calls.guarded_streams.weighted_slots import *  # the rest is the reference
from solutions.safe_calls.guarded_streams.weighted_slots import WeightedSemaphore as _Ref


class WeightedSemaphore(_Ref):
    def __init__(self, capacity: int) -> None:
        self._capacity = capacity
        self._available = capacity
        self._waiters = deque()
