"""Exercise 1 of timeout_layers: write the budgets of one call path down, and check they fit together.

Brief: katas/safe_calls/timeout_layers/README.md. Run: `kata run timeout_plan`.
"""

from __future__ import annotations

from dataclasses import dataclass

import httpx

# The problem codes plan_problems() may report, each a relation the plan breaks:
PROBLEM_CODES = (
    "non-positive",  # a budget or the attempt count is zero or negative (max_backoff may be 0, not negative)
    "connect>read",  # connecting may take longer than reading: connect should fail fast
    "call<=read",  # the call budget must be strictly larger than read, so a stalled read surfaces as ReadTimeout
    "queue>=call",  # waiting for admission must be much shorter than the call itself
    "sla<call",  # the whole request budget cannot even fit one attempt
    "sla-truncates-retries",  # the SLA is shorter than the worst case of the retry schedule
)


@dataclass(frozen=True)
class TimeoutPlan:
    """All budgets of one outbound call path, in seconds."""

    connect: float  # httpx: establishing a connection
    write: float  # httpx: sending one chunk of the request
    read: float  # httpx: waiting for the next chunk of the response
    pool: float  # httpx: waiting for a free pooled connection
    queue: float  # admission: waiting for a rate-limiter token and a slot
    call: float  # one attempt, end to end (asyncio.timeout around the request)
    sla: float  # the whole request we are serving, retries included
    attempts: int = 3  # attempts per logical call
    max_backoff: float = 2.0  # longest sleep between two attempts


def to_httpx(plan: TimeoutPlan) -> httpx.Timeout:
    """The client phase timeouts of this plan: connect, read, write and pool, each set explicitly."""
    raise NotImplementedError


def worst_case_seconds(plan: TimeoutPlan) -> float:
    """Longest the retry schedule can take: every attempt waits its full queue budget and runs its full
    call budget, with the longest backoff between attempts: attempts x (queue + call) + (attempts - 1) x max_backoff.
    """
    raise NotImplementedError


def plan_problems(plan: TimeoutPlan) -> list[str]:
    """Every code of PROBLEM_CODES the plan breaks, sorted alphabetically; [] means consistent."""
    raise NotImplementedError
