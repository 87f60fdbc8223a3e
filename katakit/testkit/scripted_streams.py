"""Scripted streams: async sources and a streaming fake upstream whose timing and cleanup tests can see.

`ScriptedSource` is an async iterator that yields (or raises) on a loop-time schedule and records when
it was started, what it produced and whether its cleanup (`finally`) ran.

`StreamingVendor` is a fake streaming API for `httpx.MockTransport`: each request gets a scripted answer
whose body arrives chunk by chunk at scripted loop times (MockTransport streams an async-generator body
incrementally; verified with httpx 0.28). It logs when each body was opened and closed, so a test can
prove the upstream was closed (and when).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

import httpx

T = TypeVar("T")


class ScriptedSource(Generic[T]):
    """An async iterator over `steps`: each step is `(delay_s, item)`; an exception item is raised.

    `steps` may be infinite (a generator). With `hang=True` the source goes silent forever after the
    steps (until it is closed or cancelled). Records `started`, `produced`, `times` (loop time of each
    item), `closed` (its `finally` ran) and `close_time`.
    """

    def __init__(self, steps: Iterable[tuple[float, Any]], *, hang: bool = False) -> None:
        self._steps = steps
        self._hang = hang
        self.started = False
        self.produced = 0
        self.times: list[float] = []
        self.closed = False
        self.close_time: float | None = None
        self._gen = self._run()

    async def _run(self) -> AsyncIterator[T]:
        loop = asyncio.get_running_loop()
        self.started = True
        try:
            for delay, item in self._steps:
                if delay:
                    await asyncio.sleep(delay)
                if isinstance(item, BaseException) or (
                    isinstance(item, type) and issubclass(item, BaseException)
                ):
                    raise item
                self.produced += 1
                self.times.append(loop.time())
                yield item
            if self._hang:
                await asyncio.Event().wait()
        finally:
            self.closed = True
            self.close_time = loop.time()

    def __aiter__(self) -> ScriptedSource[T]:
        return self

    def __anext__(self) -> Any:
        return self._gen.__anext__()

    def asend(self, value: Any) -> Any:
        return self._gen.asend(value)

    def athrow(self, *args: Any) -> Any:
        return self._gen.athrow(*args)

    def aclose(self) -> Any:
        return self._gen.aclose()


def sse_data(payload: str | Mapping[str, Any]) -> str:
    """One SSE event carrying `payload` (a mapping is JSON-encoded) as its `data:` field."""
    text = payload if isinstance(payload, str) else json.dumps(payload)
    return f"data: {text}\n\n"


def sse_events(body: bytes | str) -> list[dict[str, str]]:
    """Parse a text/event-stream body into events (one dict of field -> value each; multi-line `data`
    joined with newlines). Comment lines are skipped; so are events with no field at all."""
    text = body.decode() if isinstance(body, bytes) else body
    events: list[dict[str, str]] = []
    for block in text.replace("\r\n", "\n").split("\n\n"):
        event: dict[str, str] = {}
        for line in block.split("\n"):
            if not line or line.startswith(":"):
                continue
            name, _, value = line.partition(":")
            value = value.removeprefix(" ")
            event[name] = f"{event[name]}\n{value}" if name in event else value
        if event:
            events.append(event)
    return events


@dataclass
class Answer:
    """A streamed answer: status, headers, and body chunks `(delay_s, text | bytes | exception)`.

    An exception chunk is raised by the body (a dropped connection mid-stream reaches the client as
    that exception); an `asyncio.Event` chunk is a gate: the body waits until the test sets it (for
    tests without virtual time, e.g. Starlette's TestClient: create it with `portal.call(asyncio.Event)`). `hang=True`: after the chunks the body goes silent until it is closed.
    """

    status: int = 200
    chunks: Sequence[tuple[float, Any]] = ()
    headers: Mapping[str, str] = field(default_factory=lambda: {"content-type": "text/event-stream"})
    hang: bool = False


Script = "Answer | int | BaseException | type[BaseException] | tuple[int, Mapping[str, Any]]"


class StreamingVendor:
    """A fake streaming upstream for `httpx.MockTransport`.

    `script` is a list (request N gets step N; the last repeats) or a callable `(request, n) -> step`.
    A step is an `Answer`, an exception (class or instance) raised at connect time, an int status
    (answered with a small JSON error body), or `(status, json_body)`.
    Records `requests`, `start_times`, and `log`: `("open", n, t)` when streamed answer n (counting from
    1) is sent and `("close", n, t)` when the client closes that response (as a real connection would be
    released), plus anything a test appends with `note(...)`. `open_bodies` counts responses not closed.
    """

    def __init__(self, script: Sequence[Any] | Callable[[httpx.Request, int], Any]) -> None:
        self.script = script
        self.requests: list[httpx.Request] = []
        self.start_times: list[float] = []
        self.log: list[tuple[str, int, float]] = []
        self.open_bodies = 0

    @property
    def calls(self) -> int:
        return len(self.requests)

    @property
    def closed_bodies(self) -> list[int]:
        return [n for event, n, _ in self.log if event == "close"]

    def note(self, event: str, n: int = 0) -> None:
        """Add a test's own event to the log at the current loop time (e.g. from a sleep probe)."""
        self.log.append((event, n, asyncio.get_running_loop().time()))

    def _closed(self, n: int) -> None:
        self.open_bodies -= 1
        self.note("close", n)

    def _step(self, request: httpx.Request, n: int) -> Any:
        if callable(self.script):
            return self.script(request, n)
        return self.script[min(n - 1, len(self.script) - 1)]

    async def handler(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        n = len(self.requests)
        self.start_times.append(asyncio.get_running_loop().time())
        step = self._step(request, n)
        if isinstance(step, type) and issubclass(step, BaseException):
            if issubclass(step, httpx.RequestError):
                raise step(f"scripted {step.__name__}", request=request)
            raise step(f"scripted {step.__name__}")
        if isinstance(step, BaseException):
            raise step
        if isinstance(step, int):
            return httpx.Response(
                step, json={"error": {"message": f"scripted status {step}"}}, request=request
            )
        if isinstance(step, tuple):
            return httpx.Response(step[0], json=step[1], request=request)
        self.note("open", n)
        self.open_bodies += 1
        return httpx.Response(step.status, headers=step.headers, stream=_Body(self, step, n), request=request)

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handler)

    def client(self, base_url: str = "https://vendor.test", **kwargs: Any) -> httpx.AsyncClient:
        """An AsyncClient wired to this vendor; close it (use `async with`)."""
        return httpx.AsyncClient(base_url=base_url, transport=self.transport(), **kwargs)


class ChunkServer:
    """A real HTTP/1.1 server on 127.0.0.1, in the test's loop, answering every request with one
    chunked `text/event-stream` body that follows `chunks` (`(delay_s, text)`), then stays silent
    until the client leaves (or ends, with `hang=False`).

    Only for what a fake transport cannot show: httpx's read timeout is per socket read, so bytes that
    keep arriving (SSE `: ping` comments) reset it. Use as `async with ChunkServer([...]) as server:`
    and request `server.url`.
    """

    def __init__(self, chunks: Sequence[tuple[float, str]], *, hang: bool = True) -> None:
        self.chunks = chunks
        self.hang = hang
        self.sent: list[tuple[float, str]] = []
        self._server: asyncio.Server | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self.url = ""

    async def __aenter__(self) -> ChunkServer:
        self._server = await asyncio.start_server(self._handle, "127.0.0.1", 0)
        self.url = f"http://127.0.0.1:{self._server.sockets[0].getsockname()[1]}/stream"
        return self

    async def __aexit__(self, *exc: object) -> None:
        assert self._server is not None
        self._server.close()
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        await self._server.wait_closed()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)
        loop = asyncio.get_running_loop()
        try:
            while (await reader.readline()) not in (b"\r\n", b"\n", b""):
                pass
            writer.write(
                b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ntransfer-encoding: chunked\r\n\r\n"
            )
            await writer.drain()
            for delay, text in self.chunks:
                if delay:
                    await asyncio.sleep(delay)
                data = text.encode()
                writer.write(b"%x\r\n%s\r\n" % (len(data), data))
                await writer.drain()
                self.sent.append((loop.time(), text))
            if self.hang:
                await asyncio.Event().wait()
            writer.write(b"0\r\n\r\n")
            await writer.drain()
        except (ConnectionError, asyncio.CancelledError):
            pass
        finally:
            writer.close()
            self._tasks.discard(task)


class _Body(httpx.AsyncByteStream):
    """A streamed answer's body: chunks at scripted loop times; "close" is logged when the client closes
    the response (which is when a real connection would go back to the pool), once."""

    def __init__(self, vendor: StreamingVendor, answer: Answer, n: int) -> None:
        self.vendor, self.answer, self.n = vendor, answer, n
        self.closed = False

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for delay, chunk in self.answer.chunks:
            if delay:
                await asyncio.sleep(delay)
            if isinstance(chunk, asyncio.Event):  # a gate: wait until the test sets it
                await chunk.wait()
                continue
            if isinstance(chunk, BaseException) or (
                isinstance(chunk, type) and issubclass(chunk, BaseException)
            ):
                raise chunk
            yield chunk.encode() if isinstance(chunk, str) else chunk
        if self.answer.hang:
            await asyncio.Event().wait()

    async def aclose(self) -> None:
        if not self.closed:
            self.closed = True
            self.vendor._closed(self.n)
