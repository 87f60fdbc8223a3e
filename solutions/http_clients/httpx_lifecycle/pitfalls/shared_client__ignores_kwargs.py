"""Pitfall: client_kwargs are stored but never given to the AsyncClient.

Rejected by: test_client_kwargs_reach_the_async_client
Why it is wrong: the caller's configuration (headers, timeouts, limits, trust_env) silently
disappears; the client runs with httpx defaults nobody chose.
"""

import httpx

from solutions.http_clients.httpx_lifecycle.shared_client import *
from solutions.http_clients.httpx_lifecycle.shared_client import UpstreamClient as _Ref


class UpstreamClient(_Ref):
    async def __aenter__(self) -> "UpstreamClient":
        self._client = httpx.AsyncClient(base_url=self._base_url, trust_env=False)
        return self
