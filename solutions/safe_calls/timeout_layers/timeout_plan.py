"""Reference solution: timeout_plan."""

from __future__ import annotations

from dataclasses import astuple, dataclass, replace

import httpx

PROBLEM_CODES = (
    "non-positive",
    "connect>read",
    "call<=read",
    "queue>=call",
    "sla<call",
    "sla-truncates-retries",
)


@dataclass(frozen=True)
class TimeoutPlan:
    connect: float
    write: float
    read: float
    pool: float
    queue: float
    call: float
    sla: float
    attempts: int = 3
    max_backoff: float = 2.0


def to_httpx(plan: TimeoutPlan) -> httpx.Timeout:
    return httpx.Timeout(connect=plan.connect, read=plan.read, write=plan.write, pool=plan.pool)


def worst_case_seconds(plan: TimeoutPlan) -> float:
    return plan.attempts * (plan.queue + plan.call) + (plan.attempts - 1) * plan.max_backoff


def plan_problems(plan: TimeoutPlan) -> list[str]:
    broken = {
        "non-positive": any(value <= 0 for value in astuple(replace(plan, max_backoff=1.0)))
        or plan.max_backoff < 0,
        "connect>read": plan.connect > plan.read,
        "call<=read": plan.call <= plan.read,
        "queue>=call": plan.queue >= plan.call,
        "sla<call": plan.sla < plan.call,
        "sla-truncates-retries": plan.sla < worst_case_seconds(plan),
    }
    return sorted(code for code, is_broken in broken.items() if is_broken)
