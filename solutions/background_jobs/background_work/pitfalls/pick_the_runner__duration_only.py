"""Pitfall: deciding by duration alone ("it's quick, BackgroundTasks will do").

Rejected by: test_critical_work_goes_to_the_queue
Why it is wrong: a 0.3 s payment webhook lost in a deploy is still a lost payment; BackgroundTasks live
in the process's memory and have no retries. Criticality, not speed, decides durability.
"""

from __future__ import annotations

from solutions.background_jobs.background_work.pick_the_runner import *  # the rest is the reference
from solutions.background_jobs.background_work.pick_the_runner import LONG_RUNNING_SECONDS, JobSpec, Runner


def choose_runner(spec: JobSpec) -> Runner:
    if spec.cpu_heavy or spec.expected_seconds > LONG_RUNNING_SECONDS:
        return "task_queue"
    if spec.periodic:
        return "scheduler" if spec.replicas == 1 else "task_queue"
    return "background_tasks"
