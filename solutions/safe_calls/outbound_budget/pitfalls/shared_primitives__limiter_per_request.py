"""Pitfall: an AsyncLimiter created per request.

Rejected by: test_one_limiter_paces_all_requests
Why it is wrong: each new limiter starts with a full bucket, so every request passes at once and the
vendor's rate limit is exceeded by the size of the burst.
"""

from __future__ import annotations

import dataclasses

import httpx
from aiolimiter import AsyncLimiter
from fastapi import FastAPI, Request

from solutions.safe_calls.outbound_budget.shared_primitives import *  # the rest is the reference
from solutions.safe_calls.outbound_budget.shared_primitives import Primitives, VendorClientSettings
from solutions.safe_calls.outbound_budget.shared_primitives import create_app as _reference
from solutions.safe_calls.outbound_budget.shared_primitives import get_primitives as _reference_get_primitives


def create_app(
    settings: VendorClientSettings,
    *,
    gate_size: int,
    rate: tuple[float, float],
    transport: httpx.AsyncBaseTransport | None = None,
) -> FastAPI:
    app = _reference(settings, gate_size=gate_size, rate=rate, transport=transport)

    async def per_request(request: Request) -> Primitives:
        return dataclasses.replace(request.app.state.primitives, limiter=AsyncLimiter(*rate))

    app.dependency_overrides[_reference_get_primitives] = per_request
    return app
