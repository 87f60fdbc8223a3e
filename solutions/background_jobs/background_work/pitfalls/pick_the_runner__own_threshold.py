"""Pitfall: a threshold of its own (30 s) instead of LONG_RUNNING_SECONDS.

Rejected by: test_the_long_running_line_is_strict
Why it is wrong: a 20 s job runs inside the web process, holding a worker and dying with every deploy,
although the project's own line says anything over 10 s belongs in the queue.
"""

from __future__ import annotations

from solutions.background_jobs.background_work.pick_the_runner import *  # the rest is the reference
from solutions.background_jobs.background_work.pick_the_runner import JobSpec, Runner


def choose_runner(spec: JobSpec) -> Runner:
    if spec.critical or spec.needs_retries or spec.cpu_heavy or spec.expected_seconds > 30:
        return "task_queue"
    if spec.periodic:
        return "scheduler" if spec.replicas == 1 else "task_queue"
    return "background_tasks"
