"""Tests for pod_admission: a full pod answers 503 at once; streams count until they end; probes always pass."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

import pytest
from fastapi.testclient import TestClient
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, StreamingResponse
from starlette.routing import Route, WebSocketRoute
from starlette.websockets import WebSocket

from katakit.testkit import StreamCall, start_stream, virtual_guard
from katas.safe_calls.production_stack.pod_admission import InFlightLimiter


@dataclass
class Pod:
    """The wrapped app: counts the requests that reached it; /stream waits on `gate` between two chunks."""

    calls: int = 0
    lifespan: list[str] = field(default_factory=list)
    gate: asyncio.Event | None = None

    def app(self) -> Starlette:
        async def work(request: Request) -> JSONResponse:
            self.calls += 1
            return JSONResponse({"done": True})

        async def stream(request: Request) -> StreamingResponse:
            self.calls += 1

            async def body() -> AsyncIterator[bytes]:
                yield b"chunk 1\n"
                assert self.gate is not None
                await self.gate.wait()
                yield b"chunk 2\n"

            return StreamingResponse(body(), media_type="text/plain")

        async def boom(request: Request) -> JSONResponse:
            self.calls += 1
            raise ValueError("a bug in the handler")

        async def probe(request: Request) -> JSONResponse:
            return JSONResponse({"status": "ok"})

        async def echo(websocket: WebSocket) -> None:
            await websocket.accept()
            await websocket.send_text(await websocket.receive_text())
            await websocket.close()

        @asynccontextmanager
        async def lifespan(app: Starlette) -> AsyncIterator[None]:
            self.lifespan.append("startup")
            yield
            self.lifespan.append("shutdown")

        routes = [
            Route("/work", work),
            Route("/stream", stream),
            Route("/boom", boom),
            Route("/health", probe),
            Route("/ready", probe),
            Route("/livez", probe),
            WebSocketRoute("/ws", echo),
        ]
        return Starlette(routes=routes, lifespan=lifespan)


def _pod(max_in_flight: int) -> tuple[Pod, InFlightLimiter]:
    pod = Pod(gate=None)
    return pod, InFlightLimiter(pod.app(), max_in_flight=max_in_flight)


async def _open_stream(limiter: InFlightLimiter) -> StreamCall:
    call = start_stream(limiter, "GET", "/stream")
    assert await call.start() == 200, "the first /stream request must be admitted (200)."
    chunk = await call.next_chunk()
    assert chunk == b"chunk 1\n", f"expected the first chunk, got {chunk!r}"
    return call


async def _get(limiter: InFlightLimiter, path: str) -> StreamCall:
    call = start_stream(limiter, "GET", path)
    await call.start()
    await call.read_rest()
    await call.task
    return call


@pytest.mark.looptime
async def test_requests_below_the_limit_reach_the_app() -> None:
    pod, limiter = _pod(max_in_flight=2)
    async with virtual_guard(60, "a request below the limit"):
        call = await _get(limiter, "/work")
    assert call.status == 200 and call.body == b'{"done":true}', (
        f"below the limit a request must reach the app and get its answer; got {call.status} {call.body!r}."
    )
    assert pod.calls == 1, f"the wrapped app must have been called once, got {pod.calls}."
    assert limiter.in_flight == 0, f"after the response ends in_flight must be 0, got {limiter.in_flight}."


@pytest.mark.looptime
async def test_a_full_pod_rejects_at_once_with_503() -> None:
    pod, limiter = _pod(max_in_flight=1)
    pod.gate = asyncio.Event()
    loop = asyncio.get_running_loop()
    holder = await _open_stream(limiter)
    try:
        before, calls_before = loop.time(), pod.calls
        async with virtual_guard(60, "the request to a full pod"):
            rejected = await _get(limiter, "/work")
        waited = loop.time() - before
        assert rejected.status == 503, (
            f"with every admission slot taken, a new request must get 503; got {rejected.status}."
        )
        assert waited == pytest.approx(0.0, abs=1e-3), (
            f"the 503 came after {waited:g} s of loop time. Admission control answers immediately; waiting "
            "is the queue-timeout layer's job (a queue here only grows memory and latency under overload)."
        )
        assert rejected.headers.get("retry-after") == "1", (
            f"the 503 must carry Retry-After: 1, got {rejected.headers.get('retry-after')!r}."
        )
        assert pod.calls == calls_before, (
            "a rejected request must never reach the wrapped app: that is the whole point of rejecting "
            "before any app code runs."
        )
    finally:
        pod.gate.set()
        await holder.close()


@pytest.mark.looptime
async def test_the_503_carries_the_configured_retry_after() -> None:
    pod = Pod(gate=asyncio.Event())
    limiter = InFlightLimiter(pod.app(), max_in_flight=1, retry_after_s=7)
    holder = await _open_stream(limiter)
    try:
        async with virtual_guard(60, "the request to a full pod"):
            rejected = await _get(limiter, "/work")
    finally:
        pod.gate.set()
        await holder.close()
    assert (rejected.status, rejected.headers.get("retry-after")) == (503, "7"), (
        f"InFlightLimiter(..., retry_after_s=7) on a full pod: expected 503 with Retry-After: 7; got "
        f"{rejected.status} with Retry-After {rejected.headers.get('retry-after')!r}. The header tells "
        "well-behaved clients how long to back off; use the configured value, not a constant."
    )


@pytest.mark.looptime
async def test_a_stream_counts_until_its_last_chunk() -> None:
    pod, limiter = _pod(max_in_flight=1)
    pod.gate = asyncio.Event()
    async with virtual_guard(60, "the streaming request"):
        stream = await _open_stream(limiter)
        assert limiter.in_flight == 1, (
            f"a stream that has sent its headers and first chunk is still in flight: expected in_flight == 1, "
            f"got {limiter.in_flight}. BaseHTTPMiddleware's call_next returns as soon as the headers are "
            "ready; count around the whole ASGI call instead."
        )
        second = await _get(limiter, "/work")
        assert second.status == 503, (
            f"limit 1 and a stream still open: a second request must get 503, got {second.status}."
        )
        pod.gate.set()
        rest = await stream.read_rest()
        await stream.task
        assert rest == b"chunk 2\n", f"expected the stream to finish with chunk 2, got {rest!r}"
        assert limiter.in_flight == 0, f"a finished stream frees its slot; in_flight is {limiter.in_flight}."
        third = await _get(limiter, "/work")
        assert third.status == 200, f"after the stream ended the next request must pass; got {third.status}."


@pytest.mark.looptime
async def test_a_client_disconnect_frees_the_slot() -> None:
    pod, limiter = _pod(max_in_flight=1)
    pod.gate = asyncio.Event()
    async with virtual_guard(60, "the abandoned stream"):
        stream = await _open_stream(limiter)
        await stream.close()  # the client leaves mid-stream
        assert limiter.in_flight == 0, (
            f"the client left mid-stream, so the request is over: expected in_flight == 0, got "
            f"{limiter.in_flight}. Decrement in a finally around the wrapped app."
        )
        after = await _get(limiter, "/work")
        assert after.status == 200, f"the freed slot must admit the next request; got {after.status}."


@pytest.mark.looptime
async def test_an_app_crash_frees_the_slot() -> None:
    pod, limiter = _pod(max_in_flight=1)
    async with virtual_guard(60, "the crashing request"):
        call = start_stream(limiter, "GET", "/boom")
        assert await call.start() == 500, "the crashing handler must produce Starlette's 500 answer."
        with pytest.raises(ValueError):
            await call.task  # Starlette re-raises the handler's exception after answering 500
        assert limiter.in_flight == 0, (
            f"the wrapped app raised; in_flight must drop back to 0, got {limiter.in_flight}. Without a "
            "finally, every crash leaks a slot until the pod rejects everything."
        )
        after = await _get(limiter, "/work")
        assert after.status == 200, f"after a crash the next request must pass; got {after.status}."
    assert pod.calls == 2, f"both requests must have reached the app, got {pod.calls} calls."


@pytest.mark.looptime
async def test_probes_pass_while_the_pod_is_full() -> None:
    pod, limiter = _pod(max_in_flight=1)
    pod.gate = asyncio.Event()
    holder = await _open_stream(limiter)
    try:
        async with virtual_guard(60, "the probes on a full pod"):
            for path in ("/health", "/ready"):
                probe = await _get(limiter, path)
                assert probe.status == 200, (
                    f"{path} on a full pod: expected 200, got {probe.status}. Probes must still work when "
                    "the pod is full, or Kubernetes misreads overload as death and restarts it."
                )
        assert limiter.in_flight == 1, (
            f"probes are not counted; in_flight must stay 1, got {limiter.in_flight}."
        )
    finally:
        pod.gate.set()
        await holder.close()


@pytest.mark.looptime
async def test_the_configured_exempt_paths_are_the_probes() -> None:
    pod = Pod(gate=asyncio.Event())
    limiter = InFlightLimiter(pod.app(), max_in_flight=1, exempt_paths=("/livez",))
    holder = await _open_stream(limiter)
    try:
        async with virtual_guard(60, "a custom probe path on a full pod"):
            probe = await _get(limiter, "/livez")
    finally:
        pod.gate.set()
        await holder.close()
    assert probe.status == 200, (
        f"exempt_paths=('/livez',) and the pod is full: GET /livez must still pass; got {probe.status}. "
        "Exempt the paths you were given (the probes a deployment actually configures), not a fixed list."
    )


def test_lifespan_passes_through_uncounted() -> None:
    pod, limiter = _pod(max_in_flight=1)
    with TestClient(limiter) as client:
        assert pod.lifespan == ["startup"], (
            f"the lifespan scope must reach the wrapped app (startup ran: {pod.lifespan}); only 'http' "
            "scopes are counted, everything else passes straight through."
        )
        response = client.get("/work")
        assert response.status_code == 200, (
            f"with max_in_flight=1 and the app running, GET /work must pass; got {response.status_code}. "
            "The lifespan scope lasts as long as the app: counting it takes a slot forever."
        )
    assert pod.lifespan == ["startup", "shutdown"], f"shutdown must run too, got {pod.lifespan}."


def test_websockets_pass_through_uncounted() -> None:
    _, limiter = _pod(max_in_flight=1)
    with TestClient(limiter) as client, client.websocket_connect("/ws") as websocket:
        in_flight = limiter.in_flight
        response = client.get("/work")
        websocket.send_text("hi")
        echoed = websocket.receive_text()
    assert echoed == "hi", f"the websocket must reach the wrapped app and echo; got {echoed!r}"
    assert (in_flight, response.status_code) == (0, 200), (
        f"with max_in_flight=1 and one websocket open, in_flight was {in_flight} and GET /work got "
        f"{response.status_code}; expected 0 and 200. Only 'http' scopes are counted: a websocket can stay "
        "open for hours, and counting it would take an HTTP slot for all that time."
    )
