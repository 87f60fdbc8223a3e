"""ScriptedVendor: a fake external API for httpx.MockTransport that answers from a script and keeps score."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from typing import Any, TypeAlias

import httpx

Step: TypeAlias = "int | httpx.Response | BaseException | type[BaseException] | tuple[Step, float]"


class ScriptedVendor:
    """Answers request N with script step N (the last step repeats once the script runs out).

    A step is a status code, an `httpx.Response`, an exception (class or instance) to raise as the
    transport would, or `(step, delay_s)` to answer after `delay_s` seconds of loop time.
    It records `calls`, `requests`, `start_times` (loop time), and the current and peak in-flight counts.
    """

    def __init__(self, script: Iterable[Any]) -> None:
        self.script = list(script)
        if not self.script:
            raise ValueError("a ScriptedVendor needs at least one step")
        self.requests: list[httpx.Request] = []
        self.start_times: list[float] = []
        self.in_flight = 0
        self.peak_in_flight = 0

    @property
    def calls(self) -> int:
        return len(self.requests)

    def header_values(self, name: str) -> list[str | None]:
        return [request.headers.get(name) for request in self.requests]

    async def handler(self, request: httpx.Request) -> httpx.Response:
        step = self.script[min(len(self.requests), len(self.script) - 1)]
        self.requests.append(request)
        self.start_times.append(asyncio.get_running_loop().time())
        self.in_flight += 1
        self.peak_in_flight = max(self.peak_in_flight, self.in_flight)
        try:
            delay = 0.0
            if isinstance(step, tuple):
                step, delay = step
            if delay:
                await asyncio.sleep(delay)
            return self._answer(step, request)
        finally:
            self.in_flight -= 1

    @staticmethod
    def _answer(step: Any, request: httpx.Request) -> httpx.Response:
        if isinstance(step, type) and issubclass(step, BaseException):
            if issubclass(step, httpx.RequestError):
                raise step(f"scripted {step.__name__}", request=request)
            raise step(f"scripted {step.__name__}")
        if isinstance(step, BaseException):
            raise step
        if isinstance(step, httpx.Response):
            return httpx.Response(
                step.status_code, headers=step.headers, content=step.content, request=request
            )
        return httpx.Response(int(step), json={"status": int(step)}, request=request)

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handler)

    def client(self, base_url: str = "https://vendor.test", **kwargs: Any) -> httpx.AsyncClient:
        """An AsyncClient wired to this vendor; close it (use `async with`)."""
        return httpx.AsyncClient(base_url=base_url, transport=self.transport(), **kwargs)


def status_error(code: int, headers: dict[str, str] | None = None) -> httpx.HTTPStatusError:
    """The exact exception `response.raise_for_status()` raises for a vendor answer with `code`."""
    request = httpx.Request("POST", "https://vendor.test/v1/jobs")
    response = httpx.Response(code, headers=headers, request=request)
    try:
        response.raise_for_status()
    except httpx.HTTPStatusError as exc:
        return exc
    raise ValueError(f"status {code} does not make raise_for_status() raise")
