"""Pitfall: __aexit__ closes the client only when the block ended without an exception.

Rejected by: test_exit_after_an_error_still_closes_the_client
Why it is wrong: a job that fails inside the block leaves its AsyncClient open, and every
failure leaks pooled sockets until the process dies; __aexit__ must close whatever exc_info holds.
"""

from solutions.http_clients.httpx_lifecycle.shared_client import *
from solutions.http_clients.httpx_lifecycle.shared_client import UpstreamClient as _Ref


class UpstreamClient(_Ref):
    async def __aexit__(self, *exc_info: object) -> None:
        if exc_info[0] is None:
            await super().__aexit__(*exc_info)
        else:
            self._client = None
