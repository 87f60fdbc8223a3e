"""Reference solution: sla_endpoint."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Annotated, Any, TypeAlias

import httpx
from fastapi import Body, Depends, FastAPI, Request
from fastapi.responses import JSONResponse

from katas.safe_calls.timeout_layers.admission_gate import Overloaded
from katas.safe_calls.timeout_layers.which_timeout import CallBudgetExceeded, TransportTimeout

VendorCall: TypeAlias = Callable[[dict[str, Any]], Awaitable[dict[str, Any]]]
UPSTREAM = (CallBudgetExceeded, TransportTimeout, httpx.HTTPStatusError)


async def get_vendor_call(request: Request) -> VendorCall:
    return request.app.state.vendor_call


def create_app(*, sla_budget: float = 60.0) -> FastAPI:
    app = FastAPI()

    @app.post("/answer")
    async def answer(
        payload: Annotated[dict[str, Any], Body()], call: Annotated[VendorCall, Depends(get_vendor_call)]
    ) -> Any:
        sla = asyncio.timeout(sla_budget)
        try:
            async with sla:
                return await call(payload)
        except TimeoutError:
            if sla.expired():  # our own budget ran out; any other TimeoutError came from an inner layer
                return JSONResponse({"error": "deadline"}, status_code=504)
            return JSONResponse({"error": "upstream"}, status_code=502)
        except Overloaded:
            return JSONResponse({"error": "overloaded"}, status_code=503, headers={"Retry-After": "1"})
        except UPSTREAM:
            return JSONResponse({"error": "upstream"}, status_code=502)

    return app
