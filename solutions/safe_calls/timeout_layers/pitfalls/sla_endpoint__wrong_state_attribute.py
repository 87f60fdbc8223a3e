"""Pitfall: get_vendor_call reads the wrong attribute of app.state (the tests always override it).

Rejected by: test_the_dependency_reads_app_state
Why it is wrong: the contract is `request.app.state.vendor_call`, which the lifespan sets; reading another
name fails with AttributeError (a 500) on every request in production, where nothing overrides it.
"""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

from fastapi import Body, Depends, FastAPI, Request
from fastapi.responses import JSONResponse

from solutions.safe_calls.timeout_layers.sla_endpoint import *  # the rest is the reference
from solutions.safe_calls.timeout_layers.sla_endpoint import UPSTREAM, Overloaded, VendorCall


async def get_vendor_call(request: Request) -> VendorCall:
    return request.app.state.vendor


def create_app(*, sla_budget: float = 60.0) -> FastAPI:  # the reference's, wired to the dependency above
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
            if sla.expired():
                return JSONResponse({"error": "deadline"}, status_code=504)
            return JSONResponse({"error": "upstream"}, status_code=502)
        except Overloaded:
            return JSONResponse({"error": "overloaded"}, status_code=503, headers={"Retry-After": "1"})
        except UPSTREAM:
            return JSONResponse({"error": "upstream"}, status_code=502)

    return app
