"""Pitfall: one broad `except Exception` that answers 500 for anything that is not a timeout.

Rejected by: test_overload_is_503_with_retry_after, test_upstream_failures_are_502
Why it is wrong: clients, load balancers and dashboards cannot tell our bug (500) from our overload (503,
come back later or try another replica) or the vendor's failure (502); alerts page the wrong team.
"""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

from fastapi import Body, Depends, FastAPI
from fastapi.responses import JSONResponse

from solutions.safe_calls.timeout_layers.sla_endpoint import *  # the rest is the reference
from solutions.safe_calls.timeout_layers.sla_endpoint import VendorCall, get_vendor_call


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
            if sla.expired():
                return JSONResponse({"error": "deadline"}, status_code=504)
            return JSONResponse({"error": "upstream"}, status_code=502)
        except Exception:
            return JSONResponse({"error": "internal"}, status_code=500)

    return app
