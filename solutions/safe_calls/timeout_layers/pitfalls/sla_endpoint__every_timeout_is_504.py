"""Pitfall: mapping every TimeoutError to 504, without asking which layer's budget expired.

Rejected by: test_an_inner_timeout_is_upstream_not_deadline
Why it is wrong: an inner call budget raises the same builtin TimeoutError at t=5; reporting it as "our
deadline" (504) hides a vendor problem behind an SLA problem. Only the SLA context's own expiry is a 504.
"""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

from fastapi import Body, Depends, FastAPI
from fastapi.responses import JSONResponse

from solutions.safe_calls.timeout_layers.sla_endpoint import *  # the rest is the reference
from solutions.safe_calls.timeout_layers.sla_endpoint import UPSTREAM, Overloaded, VendorCall, get_vendor_call


def create_app(*, sla_budget: float = 60.0) -> FastAPI:
    app = FastAPI()

    @app.post("/answer")
    async def answer(
        payload: Annotated[dict[str, Any], Body()], call: Annotated[VendorCall, Depends(get_vendor_call)]
    ) -> Any:
        try:
            async with asyncio.timeout(sla_budget):
                return await call(payload)
        except TimeoutError:
            return JSONResponse({"error": "deadline"}, status_code=504)
        except Overloaded:
            return JSONResponse({"error": "overloaded"}, status_code=503, headers={"Retry-After": "1"})
        except UPSTREAM:
            return JSONResponse({"error": "upstream"}, status_code=502)

    return app
