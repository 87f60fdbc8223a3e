"""Pitfall: a final `except Exception` that answers 502 "upstream" for anything not otherwise mapped.

Rejected by: test_our_own_bug_is_a_500
Why it is wrong: a bug in our own code (a KeyError, a ValueError) is reported as the vendor's failure; the
dashboards blame the vendor and the alert pages the wrong team, while our 500 rate shows nothing.
"""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

from fastapi import Body, Depends, FastAPI
from fastapi.responses import JSONResponse

from solutions.safe_calls.timeout_layers.sla_endpoint import *  # the rest is the reference
from solutions.safe_calls.timeout_layers.sla_endpoint import Overloaded, VendorCall, get_vendor_call


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
        except Overloaded:
            return JSONResponse({"error": "overloaded"}, status_code=503, headers={"Retry-After": "1"})
        except Exception:
            return JSONResponse({"error": "upstream"}, status_code=502)

    return app
