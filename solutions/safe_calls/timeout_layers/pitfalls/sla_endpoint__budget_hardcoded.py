"""Pitfall: the SLA is hard-coded to 60 s instead of using create_app's sla_budget.

Rejected by: test_the_sla_is_the_configured_budget
Why it is wrong: every deployment gets the same deadline whatever it was configured with; a path sized
for a 10 s SLA keeps clients waiting 60 s before the 504.
"""

from __future__ import annotations

from fastapi import FastAPI

from solutions.safe_calls.timeout_layers.sla_endpoint import *  # the rest is the reference
from solutions.safe_calls.timeout_layers.sla_endpoint import create_app as _reference_create_app


def create_app(*, sla_budget: float = 60.0) -> FastAPI:
    return _reference_create_app(sla_budget=60.0)
