"""The shared test-support kit. Kata tests import from here; learners never edit it.

Grow it as katas need: one helper, used by every kata that needs it, never a copy per kata.
"""

from katakit.testkit.asgi import StreamCall, start_stream
from katakit.testkit.celery_mode import celery_eager
from katakit.testkit.fakes import FakeClock, SleepSpy, fixed_now
from katakit.testkit.gauges import InFlightGauge
from katakit.testkit.guards import virtual_guard
from katakit.testkit.h2server import H2PriorKnowledgeServer
from katakit.testkit.limiters import CountingLimiter
from katakit.testkit.logs import logging_restored, restore_logging
from katakit.testkit.loopback import (
    SMALL_SEND_BUFFER,
    LoopbackServer,
    RequestRecord,
    blackhole_port,
    local_client_kwargs,
    refused_port,
    stalled_reader,
)
from katakit.testkit.recording_asgi import RecordingASGI
from katakit.testkit.redis_pods import redis_pods
from katakit.testkit.scripted_streams import (
    Answer,
    ChunkServer,
    ScriptedSource,
    StreamingVendor,
    sse_data,
    sse_events,
)
from katakit.testkit.sessions import CommitFailed, FakeRepo, FakeSession
from katakit.testkit.streams import TrackingStream
from katakit.testkit.trace import TraceEvent, TraceRecorder
from katakit.testkit.vendor import ScriptedVendor, Step, status_error
from katakit.testkit.workers import (
    FakeLoopClock,
    LoopProbe,
    RanAt,
    SpyExecutor,
    bump_counter,
    counter_value,
    pin_module,
    primes_below,
    shared_process_pool,
    whoami,
    whoami_pid,
)

__all__ = [
    "redis_pods",
    "InFlightGauge",
    "CommitFailed",
    "FakeRepo",
    "FakeSession",
    "SMALL_SEND_BUFFER",
    "LoopbackServer",
    "RequestRecord",
    "blackhole_port",
    "local_client_kwargs",
    "refused_port",
    "stalled_reader",
    "Answer",
    "ChunkServer",
    "ScriptedSource",
    "StreamCall",
    "StreamingVendor",
    "sse_data",
    "sse_events",
    "start_stream",
    "CountingLimiter",
    "FakeClock",
    "FakeLoopClock",
    "RecordingASGI",
    "LoopProbe",
    "RanAt",
    "H2PriorKnowledgeServer",
    "ScriptedVendor",
    "SleepSpy",
    "SpyExecutor",
    "Step",
    "bump_counter",
    "celery_eager",
    "counter_value",
    "TraceEvent",
    "TraceRecorder",
    "TrackingStream",
    "fixed_now",
    "pin_module",
    "primes_below",
    "shared_process_pool",
    "status_error",
    "virtual_guard",
    "logging_restored",
    "restore_logging",
    "whoami",
    "whoami_pid",
]
