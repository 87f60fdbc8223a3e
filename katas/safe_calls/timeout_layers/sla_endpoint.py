"""Exercise 4 of timeout_layers: the SLA budget at the edge, and an honest status for each failure.

Brief: katas/safe_calls/timeout_layers/README.md. Run: `kata run sla_endpoint`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, TypeAlias

from fastapi import FastAPI, Request

VendorCall: TypeAlias = Callable[[dict[str, Any]], Awaitable[dict[str, Any]]]


async def get_vendor_call(request: Request) -> VendorCall:
    """Dependency providing the outbound call: `request.app.state.vendor_call` (production wires it in the
    lifespan; tests override this dependency)."""
    raise NotImplementedError


def create_app(*, sla_budget: float = 60.0) -> FastAPI:
    """POST /answer: pass the JSON body to the injected VendorCall under an SLA budget of `sla_budget` seconds
    (asyncio.timeout), and map the outcome to a status:

    - success                                                  -> 200 with the vendor's JSON, unchanged;
    - the SLA budget itself expired                            -> 504 {"error": "deadline"};
    - Overloaded (admission_gate)                              -> 503 {"error": "overloaded"}, Retry-After: 1;
    - CallBudgetExceeded or TransportTimeout (which_timeout),
      httpx.HTTPStatusError, or any other TimeoutError (one
      raised by an inner layer, not by the SLA)                -> 502 {"error": "upstream"};
    - anything else (a bug of ours)                            -> not caught: FastAPI answers 500.
    """
    raise NotImplementedError
