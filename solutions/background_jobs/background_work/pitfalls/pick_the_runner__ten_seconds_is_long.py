"""Pitfall: work of exactly LONG_RUNNING_SECONDS counts as long-running (>= instead of >).

Rejected by: test_the_long_running_line_is_strict
Why it is wrong: the contract says "longer than" 10 s; moving the line by one comparison sends borderline
follow-ups to the queue and leaves the threshold meaning something other than what it says.
"""

from __future__ import annotations

from solutions.background_jobs.background_work.pick_the_runner import *  # the rest is the reference
from solutions.background_jobs.background_work.pick_the_runner import LONG_RUNNING_SECONDS, JobSpec, Runner


def choose_runner(spec: JobSpec) -> Runner:
    if spec.critical or spec.needs_retries or spec.cpu_heavy or spec.expected_seconds >= LONG_RUNNING_SECONDS:
        return "task_queue"
    if spec.periodic:
        return "scheduler" if spec.replicas == 1 else "task_queue"
    return "background_tasks"
