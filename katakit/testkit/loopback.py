"""Real sockets on 127.0.0.1, served inside the test's own event loop.

MockTransport, respx and ASGITransport have no connection pool and ignore timeouts, so pools, keep-alive
and the four timeout phases can only be observed against a real socket. Everything here runs in the
test's loop, which is what lets looptime fast-forward the server's sleeps together with httpx's timeouts.

- `LoopbackServer`: HTTP/1.1 with keep-alive, connection counters, a request log, a gate, and behaviour
  chosen per request by the query string (or by a server-wide script):
      status=N        answer with status N (default 200)
      delay=S         wait S seconds before sending the headers
      lines=N&gap=S   chunked body of N lines "line0".."lineN-1", each sent after S seconds
      stall_after=K   with lines=: send K lines, then go silent forever
      stall=1         read the request, never answer
      close=1         answer with `Connection: close`, then close the socket
      drop=1          close the socket after reading the request, without answering
                      (the client sees httpx.RemoteProtocolError: asyncio closes with FIN, not RST)
      size=N          a body of N bytes (b"x" * N) instead of the default JSON
  Answers to HEAD, and with status 204, 205 or 304, carry no body (HTTP forbids one).
  The default body is JSON: {"conn": <connection id>, "n": <request index>, "method": ..., "path": ...}.
- `refused_port()`: a port nobody listens on (connect fails at once with httpx.ConnectError).
- `blackhole_port()`: a port whose SYNs are dropped (connect hangs until httpx.ConnectTimeout). Linux only;
  anywhere else the test is skipped with the reason, never passed silently.
- `stalled_reader()`: a port that accepts and never reads, with tiny buffers, so a large upload blocks
  until httpx.WriteTimeout. Pair it with `SMALL_SEND_BUFFER` on the client's transport.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import socket
import ssl
import sys
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest

#: Pass as `httpx.AsyncHTTPTransport(socket_options=SMALL_SEND_BUFFER)` so that a `stalled_reader`
#: fills the client's send buffer after a few KiB and a 2 MiB body reliably blocks in the write phase.
SMALL_SEND_BUFFER: list[tuple[int, int, int]] = [(socket.SOL_SOCKET, socket.SO_SNDBUF, 4096)]

_PLAIN_HTTP_TLS = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


def local_client_kwargs() -> dict[str, Any]:
    """Keyword arguments for an httpx client that talks plain HTTP to 127.0.0.1 in a test.

    `trust_env=False`: proxy variables in the environment cannot reroute it. `verify=<a bare SSLContext>`:
    skips loading the CA bundle, which costs ~20 ms per client and is never used over http://.
    """
    return {"trust_env": False, "verify": _PLAIN_HTTP_TLS}


_REASONS = {200: "OK", 201: "Created", 204: "No Content", 404: "Not Found", 429: "Too Many Requests"}


@dataclass(frozen=True)
class RequestRecord:
    """One request as the server read it."""

    conn_id: int  # 1 for the first connection the server accepted, 2 for the next, ...
    index: int  # 0 for the first request the server read, server-wide
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]  # lower-cased names
    body_size: int
    at: float  # loop time when the request was read


@dataclass
class _Counters:
    opened: int = 0
    closed: int = 0
    peak_open: int = 0
    in_flight: int = 0
    max_in_flight: int = 0
    abandoned: int = 0
    log: list[RequestRecord] = field(default_factory=list)


class LoopbackServer:
    """An HTTP/1.1 keep-alive server on 127.0.0.1 with counters, a gate and scripted behaviour.

    Use as `async with LoopbackServer() as server:` inside the test (the test's loop serves it).
    Counters: `opened` (connections accepted), `closed`, `open` (now), `peak_open`, `in_flight`
    (requests read but not yet fully answered), `max_in_flight`; `log` holds a `RequestRecord` per
    request. `hold()` parks every request after it is logged until `release()`; `wait_for(predicate)`
    waits (in loop time, with a deadline) until a predicate over the server becomes true.

    `defaults` applies behaviour to every request; `script[n]` to the n-th request the server reads
    (the last entry repeats). Both take query-style mappings or strings ("status=503&delay=1"); the
    request's own query string wins over the script, which wins over the defaults.
    """

    def __init__(
        self,
        *,
        defaults: Mapping[str, Any] | str | None = None,
        script: Sequence[Mapping[str, Any] | str] | None = None,
        held: bool = False,
    ) -> None:
        self.defaults = _as_query(defaults)
        self.script = [_as_query(step) for step in script or ()]
        self._c = _Counters()
        self._gate = asyncio.Event()
        if not held:
            self._gate.set()
        self._changed = asyncio.Event()
        self._server: asyncio.Server | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self.port = 0

    # ---- lifecycle -------------------------------------------------------------------------------

    async def __aenter__(self) -> LoopbackServer:
        self._server = await asyncio.start_server(self._handle, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Stop listening, then cancel AND await every connection handler (Server.wait_closed does not)."""
        if self._server is not None:
            self._server.close()
        tasks = [t for t in self._tasks if not t.done()]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        if self._server is not None:
            await self._server.wait_closed()
            self._server = None

    # ---- addresses -------------------------------------------------------------------------------

    @property
    def origin(self) -> str:
        """'http://127.0.0.1:<port>': the pool key httpx uses for this server, and a good base_url."""
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str = "/") -> str:
        return self.origin + (path if path.startswith("/") else "/" + path)

    # ---- counters --------------------------------------------------------------------------------

    @property
    def opened(self) -> int:
        return self._c.opened

    accepted = opened

    @property
    def closed(self) -> int:
        return self._c.closed

    @property
    def open(self) -> int:
        return self._c.opened - self._c.closed

    @property
    def peak_open(self) -> int:
        return self._c.peak_open

    @property
    def in_flight(self) -> int:
        return self._c.in_flight

    @property
    def max_in_flight(self) -> int:
        return self._c.max_in_flight

    @property
    def abandoned(self) -> int:
        """Parked requests (see `hold()`) whose client closed the connection before the gate opened."""
        return self._c.abandoned

    @property
    def log(self) -> list[RequestRecord]:
        return self._c.log

    @property
    def requests(self) -> int:
        return len(self._c.log)

    def conn_ids(self) -> list[int]:
        """The connection id of each request, in the order the server read them."""
        return [record.conn_id for record in self._c.log]

    def describe(self) -> str:
        c = self._c
        return (
            f"opened={c.opened} closed={c.closed} open={c.opened - c.closed} peak_open={c.peak_open} "
            f"requests={len(c.log)} in_flight={c.in_flight} max_in_flight={c.max_in_flight} "
            f"abandoned={c.abandoned}"
        )

    # ---- gate and waiting ------------------------------------------------------------------------

    def hold(self) -> None:
        """From now on, park every request after logging it (it counts as in flight).

        A parked request whose client hangs up (a cancelled or timed-out request closes its connection)
        ends at once: it counts in `abandoned` and its connection in `closed`.
        """
        self._gate.clear()

    def release(self) -> None:
        """Let every parked request (and every later one) through."""
        self._gate.set()

    async def wait_for(
        self, predicate: Callable[[LoopbackServer], bool], *, within: float = 60.0, what: str = ""
    ) -> None:
        """Wait until `predicate(server)` holds, re-checking on every counter change.

        Fails with AssertionError after `within` seconds of loop time (virtual under looptime), so a
        wrong solution fails at once instead of hanging until the per-test limit.
        """
        try:
            async with asyncio.timeout(within):
                while not predicate(self):
                    await self._changed.wait()
        except TimeoutError:
            raise AssertionError(
                f"{what or 'the awaited server condition'} did not happen within {within:g} s "
                f"(loop time); server counters: {self.describe()}"
            ) from None

    def _bump(self) -> None:
        self._changed.set()
        self._changed = asyncio.Event()

    # ---- serving ---------------------------------------------------------------------------------

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        if task is not None:
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
        c = self._c
        c.opened += 1
        conn_id = c.opened
        c.peak_open = max(c.peak_open, c.opened - c.closed)
        self._bump()
        try:
            while await self._serve_one(conn_id, reader, writer):
                pass
        except (ConnectionError, asyncio.IncompleteReadError, ValueError):
            pass
        except asyncio.CancelledError:
            pass  # teardown: end quietly (asyncio's stream callback logs cancelled handler tasks on 3.11)
        finally:
            writer.close()
            c.closed += 1
            self._bump()

    async def _serve_one(
        self, conn_id: int, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> bool:
        """Serve one request; return whether the connection stays open for another."""
        request_line = await reader.readline()
        if not request_line.strip():
            return False  # EOF: the client closed an idle connection
        method, target, _ = request_line.decode("latin-1").split(" ", 2)
        headers: dict[str, str] = {}
        while (line := await reader.readline()) not in (b"\r\n", b"\n", b""):
            name, _, value = line.decode("latin-1").partition(":")
            headers[name.strip().lower()] = value.strip()
        body_size = await _read_body(reader, headers)
        parts = urlsplit(target)
        query = dict(parse_qsl(parts.query))
        c = self._c
        index = len(c.log)
        step = self.script[min(index, len(self.script) - 1)] if self.script else {}
        behaviour = {**self.defaults, **step, **query}
        loop = asyncio.get_running_loop()
        c.log.append(
            RequestRecord(conn_id, index, method, parts.path, query, headers, body_size, loop.time())
        )
        c.in_flight += 1
        c.max_in_flight = max(c.max_in_flight, c.in_flight)
        self._bump()
        try:
            if not self._gate.is_set() and not await self._parked(reader):
                c.abandoned += 1  # the client hung up while the request was parked
                return False
            return await self._answer(behaviour, conn_id, index, method, parts.path, writer)
        finally:
            c.in_flight -= 1
            self._bump()

    async def _parked(self, reader: asyncio.StreamReader) -> bool:
        """Wait for the gate; return False if the client closed the connection first.

        An HTTP/1.1 client sends nothing more while it waits for an answer, so any read completing
        here is its EOF (a cancelled or timed-out request closes its connection).
        """
        gate = asyncio.ensure_future(self._gate.wait())
        hangup = asyncio.ensure_future(reader.read(1))
        try:
            await asyncio.wait({gate, hangup}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for waiter in (gate, hangup):
                waiter.cancel()
            await asyncio.gather(gate, hangup, return_exceptions=True)
        return not (hangup.done() and not hangup.cancelled())  # EOF, a reset, or (oddly) more data

    async def _answer(
        self,
        behaviour: dict[str, str],
        conn_id: int,
        index: int,
        method: str,
        path: str,
        writer: asyncio.StreamWriter,
    ) -> bool:
        if behaviour.get("drop") == "1":
            return False
        if behaviour.get("stall") == "1":
            await asyncio.Event().wait()  # forever; teardown cancels it
        if delay := float(behaviour.get("delay", 0)):
            await asyncio.sleep(delay)
        status = int(behaviour.get("status", 200))
        close = behaviour.get("close") == "1"
        head = [f"HTTP/1.1 {status} {_REASONS.get(status, 'Status')}"]
        if close:
            head.append("Connection: close")
        if "lines" in behaviour:
            head += ["Content-Type: text/plain", "Transfer-Encoding: chunked"]
            writer.write(("\r\n".join(head) + "\r\n\r\n").encode())
            await writer.drain()
            count, gap = int(behaviour["lines"]), float(behaviour.get("gap", 0))
            stall_after = int(behaviour.get("stall_after", count + 1))
            for i in range(count):
                if i == stall_after:
                    await asyncio.Event().wait()  # go silent forever; teardown cancels it
                if gap:
                    await asyncio.sleep(gap)
                data = f"line{i}\n".encode()
                writer.write(b"%x\r\n%s\r\n" % (len(data), data))
                await writer.drain()
            writer.write(b"0\r\n\r\n")
        else:
            if "size" in behaviour:
                body = b"x" * int(behaviour["size"])
                head.append("Content-Type: application/octet-stream")
            else:
                payload = {"conn": conn_id, "n": index, "method": method, "path": path, "status": status}
                body = json.dumps(payload).encode()
                head.append("Content-Type: application/json")
            if status in (204, 304) or method == "HEAD":
                body = b""  # no content, and no Content-Length (RFC 9110 §8.6, §15.3.5, §15.4.5)
            else:
                body = b"" if status == 205 else body
                head.append(f"Content-Length: {len(body)}")
            writer.write(("\r\n".join(head) + "\r\n\r\n").encode() + body)
        await writer.drain()
        return not close


async def _read_body(reader: asyncio.StreamReader, headers: Mapping[str, str]) -> int:
    if "content-length" in headers:
        return len(await reader.readexactly(int(headers["content-length"])))
    if headers.get("transfer-encoding", "").lower() == "chunked":
        total = 0
        while size := int((await reader.readline()).split(b";")[0].strip() or b"0", 16):
            total += len(await reader.readexactly(size))
            await reader.readline()
        while (await reader.readline()) not in (b"\r\n", b"\n", b""):
            pass  # trailers
        return total
    return 0


def _as_query(value: Mapping[str, Any] | str | None) -> dict[str, str]:
    if value is None:
        return {}
    if isinstance(value, str):
        return dict(parse_qsl(value.lstrip("?")))
    return {str(k): str(v) for k, v in value.items()}


# ---- ports that misbehave ------------------------------------------------------------------------


@contextlib.contextmanager
def refused_port() -> Any:
    """A 127.0.0.1 port with no listener: connecting fails at once (httpx.ConnectError)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    yield port


@contextlib.contextmanager
def blackhole_port() -> Any:
    """A 127.0.0.1 port that silently drops SYNs: a connect hangs until the client's connect timeout.

    A listener with backlog 0 that never accepts, its accept queue filled by a few non-blocking
    connects; after that Linux drops new SYNs. Skips the test (with the reason) where that cannot work.
    """
    if not sys.platform.startswith("linux"):
        pytest.skip("black-hole port needs Linux's SYN-dropping on a full accept queue")
    overflow = Path("/proc/sys/net/ipv4/tcp_abort_on_overflow")
    if overflow.exists() and overflow.read_text().strip() == "1":
        pytest.skip("tcp_abort_on_overflow=1: a full accept queue answers with RST, so no black hole")
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    fillers: list[socket.socket] = []
    try:
        listener.bind(("127.0.0.1", 0))
        listener.listen(0)
        port = listener.getsockname()[1]
        for _ in range(4):
            filler = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            filler.setblocking(False)
            fillers.append(filler)
            with contextlib.suppress(BlockingIOError):
                filler.connect(("127.0.0.1", port))
        yield port
    finally:
        for sock in fillers:
            sock.close()
        listener.close()


@contextlib.asynccontextmanager
async def stalled_reader() -> AsyncIterator[int]:
    """A 127.0.0.1 port that accepts connections and never reads from them (tiny receive buffer).

    With `SMALL_SEND_BUFFER` on the client, a 2 MiB request body blocks in the write phase.
    """
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    listener.setblocking(False)
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    accepted: list[socket.socket] = []
    loop = asyncio.get_running_loop()

    async def accept_forever() -> None:
        while True:
            conn, _ = await loop.sock_accept(listener)
            accepted.append(conn)  # held open, never read

    acceptor = asyncio.create_task(accept_forever())
    try:
        yield listener.getsockname()[1]
    finally:
        acceptor.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await acceptor
        for conn in accepted:
            conn.close()
        listener.close()
