"""Pitfall: a semaphore created per request (here inside the dependency that hands out the primitives).

Rejected by: test_one_gate_for_all_requests
Why it is wrong: every request gets its own fresh gate with free slots, so the gate limits nothing and
the vendor sees the whole burst at once.
"""

from __future__ import annotations

import asyncio
import dataclasses

import httpx
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
        shared: Primitives = request.app.state.primitives
        return dataclasses.replace(shared, gate=asyncio.Semaphore(gate_size))

    app.dependency_overrides[_reference_get_primitives] = per_request
    return app
