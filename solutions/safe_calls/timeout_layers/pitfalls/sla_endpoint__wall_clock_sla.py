"""Pitfall: checking the SLA on the wall clock after the call returns, instead of bounding the call.

Rejected by: test_a_hanging_vendor_is_a_504_at_the_sla, test_each_request_has_its_own_sla
Why it is wrong: nothing interrupts a hanging call; the "SLA" is only noticed when the vendor finally
answers (or never). A deadline must be enforced while waiting: asyncio.timeout on the event-loop clock.
"""

from __future__ import annotations

import time
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
        started = time.monotonic()
        try:
            result = await call(payload)
        except Overloaded:
            return JSONResponse({"error": "overloaded"}, status_code=503, headers={"Retry-After": "1"})
        except (*UPSTREAM, TimeoutError):
            return JSONResponse({"error": "upstream"}, status_code=502)
        if time.monotonic() - started > sla_budget:
            return JSONResponse({"error": "deadline"}, status_code=504)
        return result

    return app
