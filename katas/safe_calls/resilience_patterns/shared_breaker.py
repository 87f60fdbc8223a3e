"""Exercise 2 of resilience_patterns: one circuit breaker for every pod, its state in Redis.

Brief: katas/safe_calls/resilience_patterns/README.md. Run: `kata run shared_breaker`.
"""

from __future__ import annotations

import redis.asyncio

from katas.safe_calls.resilience_patterns.circuit_breaker import CircuitOpen as CircuitOpen  # re-exported
from katas.safe_calls.resilience_patterns.circuit_breaker import State as State  # re-exported


class SharedCircuitBreaker:
    """Pod-aware breaker: all state lives in Redis, so every pod fails fast together and only one pod
    probes the vendor while it recovers.

    Behaviour (the key layout is yours; a suggestion is in the brief):
    - CLOSED: failures from every pod are counted in a fixed window of `failure_window_s` seconds (the
      window starts with its first failure and is never extended); `failure_threshold` failures in one
      window open the breaker;
    - OPEN for `open_s` seconds, measured by Redis (key TTLs), never by comparing pods' clocks;
    - then HALF_OPEN: one caller at a time, across all pods, holds the probe lease (it expires after
      `probe_lease_s`, so a probe that crashed does not wedge the breaker); `success_threshold` probe
      successes close it, one probe failure opens it again for a full `open_s`.
    Only atomic single commands (INCR, SET NX/PX/EX, EXPIRE NX, DEL, PTTL, EXISTS) or MULTI pipelines.
    """

    def __init__(
        self,
        redis: redis.asyncio.Redis,
        name: str,
        *,
        failure_threshold: int = 5,
        failure_window_s: int = 60,
        open_s: int = 30,
        probe_lease_s: int = 10,
        success_threshold: int = 1,
    ) -> None:
        """Remember the client and the settings; `name` namespaces this breaker's keys."""
        raise NotImplementedError

    async def state(self) -> State:
        """The state every pod sees right now."""
        raise NotImplementedError

    async def before_call(self) -> None:
        """Return if the call may go ahead: the breaker is CLOSED, or it is HALF_OPEN and this caller just
        won the probe lease. Otherwise raise CircuitOpen(retry_after = seconds until the open period or
        the current probe lease ends)."""
        raise NotImplementedError

    async def record_success(self) -> None:
        """A call worked. HALF_OPEN: count a probe success, release the lease, and close the breaker (for
        every pod) once `success_threshold` is reached."""
        raise NotImplementedError

    async def record_failure(self) -> None:
        """A call failed because of the vendor. CLOSED: count it in the shared window and open the breaker
        at the threshold. HALF_OPEN: open again for a full `open_s`."""
        raise NotImplementedError
