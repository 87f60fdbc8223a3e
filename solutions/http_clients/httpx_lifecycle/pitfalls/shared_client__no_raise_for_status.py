"""Pitfall: decoding the body without checking the status.

Rejected by: test_http_errors_raise
Why it is wrong: httpx does not raise on 4xx/5xx by itself; the error page (or an error JSON) is handed to
the caller as if it were data.
"""

from __future__ import annotations

from typing import Any

from solutions.http_clients.httpx_lifecycle.shared_client import *  # the rest is the reference
from solutions.http_clients.httpx_lifecycle.shared_client import UpstreamClient as _Reference


class UpstreamClient(_Reference):
    async def get_json(self, path: str) -> Any:
        return (await self.client.get(path)).json()
