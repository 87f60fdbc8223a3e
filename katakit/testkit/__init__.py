"""The shared test-support kit. Kata tests import from here; learners never edit it.

Grow it as katas need: one helper, used by every kata that needs it, never a copy per kata.
"""

from katakit.testkit.fakes import FakeClock, SleepSpy, fixed_now
from katakit.testkit.guards import virtual_guard
from katakit.testkit.h2server import H2PriorKnowledgeServer
from katakit.testkit.limiters import CountingLimiter
from katakit.testkit.loopback import (
    SMALL_SEND_BUFFER,
    LoopbackServer,
    RequestRecord,
    blackhole_port,
    local_client_kwargs,
    refused_port,
    stalled_reader,
)
from katakit.testkit.streams import TrackingStream
from katakit.testkit.vendor import ScriptedVendor, Step, status_error
from katakit.testkit.workers import (
    FakeLoopClock,
    LoopProbe,
    RanAt,
    SpyExecutor,
    bump_counter,
    counter_value,
    primes_below,
    shared_process_pool,
    whoami,
    whoami_pid,
)

__all__ = [
    "FakeLoopClock",
    "LoopProbe",
    "RanAt",
    "SpyExecutor",
    "bump_counter",
    "counter_value",
    "primes_below",
    "shared_process_pool",
    "whoami",
    "whoami_pid",
    "SMALL_SEND_BUFFER",
    "LoopbackServer",
    "RequestRecord",
    "blackhole_port",
    "local_client_kwargs",
    "refused_port",
    "stalled_reader",
    "CountingLimiter",
    "FakeClock",
    "H2PriorKnowledgeServer",
    "ScriptedVendor",
    "SleepSpy",
    "Step",
    "TrackingStream",
    "fixed_now",
    "status_error",
    "virtual_guard",
]
