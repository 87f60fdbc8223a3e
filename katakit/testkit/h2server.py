"""H2PriorKnowledgeServer: a tiny cleartext HTTP/2 server (prior knowledge) on 127.0.0.1, in the test's loop.

Built on the sans-IO `h2` package (installed with `httpx[http2]`) over `asyncio.start_server`, so
looptime and the test share one event loop. It answers every request with 200 and a small JSON body
naming the path, and counts what a multiplexing test needs: connections `opened`/`closed`, streams
`in_flight` and `max_in_flight`, and a `log` of `(conn_id, stream_id, method, path)`.

A gate (`hold()` / `release()`) parks every request after it is logged, so a test can see how many
streams are open at once before letting them finish. `wait_for(predicate)` waits until
`predicate(server)` holds, re-checked on every counter change, like `LoopbackServer.wait_for`.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from types import TracebackType
from typing import NamedTuple

import h2.config
import h2.connection
import h2.events
import h2.exceptions


class H2Request(NamedTuple):
    conn_id: int
    stream_id: int
    method: str
    path: str


class H2PriorKnowledgeServer:
    """`async with H2PriorKnowledgeServer() as server:` then talk to `server.origin` with
    `httpx.AsyncClient(http1=False, http2=True)`. An HTTP/1.1 client gets its connection closed."""

    def __init__(self) -> None:
        self.opened = 0
        self.closed = 0
        self.in_flight = 0
        self.max_in_flight = 0
        self.log: list[H2Request] = []
        self._gate = asyncio.Event()
        self._gate.set()
        self._changed = asyncio.Event()
        self._server: asyncio.Server | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self._writers: list[asyncio.StreamWriter] = []
        self.port = 0

    @property
    def origin(self) -> str:
        """'http://127.0.0.1:<port>': a good base_url (same shape as LoopbackServer.origin)."""
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str = "/") -> str:
        return self.origin + (path if path.startswith("/") else "/" + path)

    def describe(self) -> str:
        return (
            f"opened={self.opened} closed={self.closed} streams={len(self.log)} "
            f"in_flight={self.in_flight} max_in_flight={self.max_in_flight}"
        )

    def hold(self) -> None:
        """Park every request (after it is logged) until `release()`."""
        self._gate.clear()

    def release(self) -> None:
        self._gate.set()

    async def wait_for(
        self,
        predicate: Callable[[H2PriorKnowledgeServer], bool],
        *,
        within: float = 60.0,
        what: str = "",
    ) -> None:
        """Wait until `predicate(server)` holds; AssertionError after `within` s of loop time."""
        try:
            async with asyncio.timeout(within):
                while not predicate(self):
                    await self._changed.wait()
        except TimeoutError:
            raise AssertionError(
                f"{what or 'the awaited server condition'} did not happen within {within:g} s "
                f"(loop time); server counters: {self.describe()}"
            ) from None

    def _notify(self) -> None:
        self._changed.set()
        self._changed = asyncio.Event()

    async def __aenter__(self) -> H2PriorKnowledgeServer:
        self._server = await asyncio.start_server(self._spawn, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        assert self._server is not None
        self._gate.set()
        self._server.close()
        # On 3.11 wait_closed() neither waits for nor cancels connection handlers: do it here.
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        # A handler cancelled before its first step never reaches its `finally`: close every socket here,
        # and give the loop one turn to run the transports' connection_lost callbacks.
        for writer in self._writers:
            writer.close()
        await asyncio.sleep(0)
        await self._server.wait_closed()

    def _track(self, coro: object) -> None:
        task = asyncio.ensure_future(coro)  # type: ignore[arg-type]
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def _spawn(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._writers.append(writer)
        self._track(self._connection(reader, writer))

    async def _connection(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.opened += 1
        conn_id = self.opened
        self._notify()
        conn = h2.connection.H2Connection(h2.config.H2Configuration(client_side=False))
        conn.initiate_connection()
        writer.write(conn.data_to_send())
        heads: dict[int, tuple[str, str]] = {}
        try:
            while data := await reader.read(65_536):
                try:
                    events = conn.receive_data(data)
                except h2.exceptions.ProtocolError:  # not HTTP/2 (an HTTP/1.1 client): hang up
                    break
                for event in events:
                    if isinstance(event, h2.events.RequestReceived):
                        headers = {k.decode(): v.decode() for k, v in event.headers}  # type: ignore[union-attr]
                        heads[event.stream_id] = (headers[":method"], headers[":path"])  # type: ignore[index]
                    elif isinstance(event, h2.events.StreamEnded):
                        # Answer on StreamEnded only: a GET fires RequestReceived and StreamEnded.
                        method, path = heads.pop(event.stream_id)  # type: ignore[arg-type]
                        self._track(self._respond(conn, writer, conn_id, event.stream_id, method, path))  # type: ignore[arg-type]
                    elif isinstance(event, h2.events.ConnectionTerminated):
                        break
                writer.write(conn.data_to_send())
        except (ConnectionError, asyncio.IncompleteReadError):
            pass
        finally:
            writer.close()
            self.closed += 1
            self._notify()

    async def _respond(
        self,
        conn: h2.connection.H2Connection,
        writer: asyncio.StreamWriter,
        conn_id: int,
        stream_id: int,
        method: str,
        path: str,
    ) -> None:
        self.log.append(H2Request(conn_id, stream_id, method, path))
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        self._notify()
        try:
            await self._gate.wait()
            body = json.dumps({"path": path, "stream": stream_id}).encode()
            conn.send_headers(
                stream_id,
                [
                    (":status", "200"),
                    ("content-type", "application/json"),
                    ("content-length", str(len(body))),
                ],
            )
            conn.send_data(stream_id, body, end_stream=True)
            if not writer.is_closing():
                writer.write(conn.data_to_send())
        finally:
            self.in_flight -= 1
            self._notify()
