"""Exercise 1 of httpx_lifecycle: one long-lived AsyncClient per upstream, opened lazily, closed for sure.

Brief: katas/http_clients/httpx_lifecycle/README.md. Run: `kata run shared_client`.
"""

from __future__ import annotations

from typing import Any

import httpx


class UpstreamClient:
    """Owns the single httpx.AsyncClient used for one upstream, for the length of an `async with` block."""

    def __init__(self, base_url: str, **client_kwargs: Any) -> None:
        """Store the configuration only: create no client and open no socket here.

        `client_kwargs` go to httpx.AsyncClient unchanged (the tests pass `trust_env=False`, among others).
        """
        raise NotImplementedError

    async def __aenter__(self) -> UpstreamClient:
        """Create the one AsyncClient (base_url plus client_kwargs) that every call in this block reuses.

        Entering sends nothing: httpx connects lazily, on the first request. Entering the same
        UpstreamClient again after it exited works too, with a fresh AsyncClient.
        """
        raise NotImplementedError

    async def __aexit__(self, *exc_info: object) -> None:
        """Close that client, so that every pooled socket is released, and forget it."""
        raise NotImplementedError

    @property
    def client(self) -> httpx.AsyncClient:
        """The live client. Raises LookupError outside the `async with` block (before entering or after exit)."""
        raise NotImplementedError

    async def get_json(self, path: str) -> Any:
        """GET `path` (relative to base_url); raise httpx.HTTPStatusError on 4xx/5xx; return the decoded JSON."""
        raise NotImplementedError
