"""Pitfall: checking "periodic" before the disqualifiers.

Rejected by: test_critical_periodic_work_goes_to_the_queue
Why it is wrong: a periodic job can be critical too (billing, payouts); an in-process scheduler skips
the run when the pod restarts at the wrong moment, and nobody retries it.
"""

from __future__ import annotations

from solutions.background_jobs.background_work.pick_the_runner import *  # the rest is the reference
from solutions.background_jobs.background_work.pick_the_runner import JobSpec, Runner
from solutions.background_jobs.background_work.pick_the_runner import choose_runner as _reference


def choose_runner(spec: JobSpec) -> Runner:
    if spec.periodic:
        return "scheduler" if spec.replicas == 1 else "task_queue"
    return _reference(spec)
