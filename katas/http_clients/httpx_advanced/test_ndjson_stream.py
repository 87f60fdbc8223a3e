"""Tests for ndjson_stream: records arrive as the body streams in, and downloads stay bounded."""

from __future__ import annotations

import httpx
import pytest

from katakit.testkit import TrackingStream
from katas.http_clients.httpx_advanced.ndjson_stream import download, iter_records

URL = "https://feed.test/v1/events"


def _client(stream: TrackingStream, status: int = 200) -> httpx.AsyncClient:
    """A client whose every answer is `stream`, handed out chunk by chunk (MockTransport, no buffering)."""

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, headers={"Content-Type": "application/x-ndjson"}, stream=stream)

    return httpx.AsyncClient(transport=httpx.MockTransport(handler))


class Sink:
    """An async sink that records every piece it is given."""

    def __init__(self) -> None:
        self.pieces: list[bytes] = []

    async def __call__(self, piece: bytes) -> None:
        self.pieces.append(piece)


async def test_records_split_across_chunks_and_blank_lines() -> None:
    stream = TrackingStream(
        [b'{"id": 1, "ev": "start"}\r\n{"id"', b': 2, "ev": "tick"}\n\n', b'\r\n{"id": 3, "ev"', b': "end"}']
    )
    async with _client(stream) as client:
        got = [record async for record in iter_records(client, URL)]
    expected = [{"id": 1, "ev": "start"}, {"id": 2, "ev": "tick"}, {"id": 3, "ev": "end"}]
    assert got == expected, (
        f"expected the three records {expected}, got {got!r}. A record can straddle two network chunks "
        "and lines may end in \\r\\n; let `response.aiter_lines()` reassemble lines, and skip blank lines "
        "(a keep-alive newline is not a record)."
    )


async def test_first_record_arrives_before_the_body_is_downloaded() -> None:
    stream = TrackingStream([b'{"n": %d}\n' % n for n in range(1000)])
    async with _client(stream) as client:
        records = iter_records(client, URL)
        try:
            first = await anext(records)
            produced = stream.produced
        finally:
            await records.aclose()
    assert first == {"n": 0}, f"the first record is {{'n': 0}}; got {first!r}"
    assert produced <= 2, (
        f"when the first record was yielded the server had already sent {produced} of 1000 chunks. The whole "
        "body was downloaded before the first record: `await client.get()` buffers everything. Use "
        "`client.stream(...)` and yield as lines arrive, so memory stays bounded."
    )


async def test_stopping_early_closes_the_response() -> None:
    stream = TrackingStream([b'{"n": %d}\n' % n for n in range(50)])
    async with _client(stream) as client:
        records = iter_records(client, URL)
        await anext(records)
        await records.aclose()
        closed = stream.closed
    assert closed, (
        "the consumer took one record and closed the generator, but the response stayed open: its connection "
        "never returns to the pool. Yield from inside `async with client.stream(...)`, so closing the "
        "generator closes the response."
    )


async def test_error_status_raises_before_any_record() -> None:
    stream = TrackingStream([b"<html>upstream down</html>\n"])
    async with _client(stream, status=503) as client:
        with pytest.raises(httpx.HTTPStatusError) as caught:
            await anext(iter_records(client, URL))
    assert caught.value.response.status_code == 503
    assert stream.closed, "after the 503 the response must be closed (the `async with` does it)"


async def test_download_pieces_are_bounded_by_chunk_size() -> None:
    stream = TrackingStream([b"abc", b"defgh", b"ij"])
    sink = Sink()
    async with _client(stream) as client:
        count = await download(client, URL, sink, chunk_size=4)
    sizes = [len(p) for p in sink.pieces]
    assert b"".join(sink.pieces) == b"abcdefghij", (
        f"the pieces given to sink must concatenate to the body b'abcdefghij'; got {sink.pieces!r}"
    )
    assert all(size <= 4 for size in sizes), (
        f"every piece must be at most chunk_size=4 bytes, got sizes {sizes}. The sink (a file, an upload) "
        "sets the memory bound; `response.aiter_bytes(chunk_size=...)` re-chunks for you."
    )
    assert count == 10, f"download returns the number of bytes fed to sink: 10, got {count!r}"


async def test_download_checks_the_status_first() -> None:
    stream = TrackingStream([b"internal error, ", b"please retry"])
    sink = Sink()
    async with _client(stream, status=500) as client:
        with pytest.raises(httpx.HTTPStatusError):
            await download(client, URL, sink, chunk_size=4)
    assert sink.pieces == [], (
        f"a 500 body was written to the sink ({sink.pieces!r}): call `response.raise_for_status()` before "
        "touching the body, or an error page ends up saved as the download."
    )
    assert stream.closed, "after the 500 the response must be closed on the way out"


class DiskFull(Exception):
    """What the sink raises in the test: the destination cannot take more bytes."""


async def test_a_failing_sink_still_closes_the_response() -> None:
    stream = TrackingStream([b"abcd", b"efgh", b"ijkl", b"mnop"])

    async def full_after_one_piece(piece: bytes) -> None:
        if piece != b"abcd":
            raise DiskFull("no space left on device")

    async with _client(stream) as client:
        with pytest.raises(DiskFull):
            await download(client, URL, full_after_one_piece, chunk_size=4)
    assert stream.closed, (
        "the sink raised on the second piece and the error propagated, but the response was never closed: "
        "its connection stays checked out of the pool. Close it on every path: `async with client.stream(...)` "
        "(or try/finally around the loop)."
    )
