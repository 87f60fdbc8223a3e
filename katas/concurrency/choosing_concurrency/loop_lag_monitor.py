"""Exercise 3 of choosing_concurrency: measure how late the event loop wakes you, to catch blocking code.

Brief: katas/concurrency/choosing_concurrency/README.md. Run: `kata run loop_lag_monitor`.
"""

from __future__ import annotations

from collections.abc import Callable


class LoopLagMonitor:
    """A background sampler: it asks to be woken every `interval` seconds and records how much later
    than that it was actually woken. A loop that is free wakes it on time (lag 0); code that blocks the
    loop's thread shows up as lag.

        async with LoopLagMonitor(interval=0.1) as monitor:
            ...  # the code under observation
        print(monitor.max_lag)
    """

    def __init__(self, interval: float = 0.1, *, clock: Callable[[], float] | None = None) -> None:
        """`clock` reads the current time in seconds; by default the running loop's own clock
        (`loop.time()`, read when the monitor starts). Create no task here: there may be no loop yet."""
        raise NotImplementedError

    async def __aenter__(self) -> LoopLagMonitor:
        """Start the sampling task and return the monitor."""
        raise NotImplementedError

    async def __aexit__(self, *exc_info: object) -> None:
        """Cancel the sampling task and wait until it has really finished; never swallow the body's
        exception (return None)."""
        raise NotImplementedError

    @property
    def max_lag(self) -> float:
        """The largest delay beyond `interval` seen so far, in seconds (0.0 before any sample)."""
        raise NotImplementedError
