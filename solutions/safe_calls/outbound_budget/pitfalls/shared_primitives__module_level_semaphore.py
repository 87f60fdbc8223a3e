"""Pitfall: a module-level asyncio.Semaphore, created at import time, as the note's section 11 shows.

Rejected by: test_a_fresh_event_loop_gets_fresh_primitives
Why it is wrong: a semaphore binds to the event loop that first waits on it. The next loop that contends
on it (another test's loop, a second TestClient, a restarted worker) gets "RuntimeError: ... is bound
to a different event loop". Build loop-bound primitives in the lifespan.
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

_GATES: dict[int, asyncio.Semaphore] = {}  # "global, shared": one per gate size, for the whole process


def create_app(
    settings: VendorClientSettings,
    *,
    gate_size: int,
    rate: tuple[float, float],
    transport: httpx.AsyncBaseTransport | None = None,
) -> FastAPI:
    app = _reference(settings, gate_size=gate_size, rate=rate, transport=transport)
    gate = _GATES.setdefault(gate_size, asyncio.Semaphore(gate_size))

    async def module_gate(request: Request) -> Primitives:
        return dataclasses.replace(request.app.state.primitives, gate=gate)

    app.dependency_overrides[_reference_get_primitives] = module_gate
    return app
