"""Pitfall: every periodic job goes to the in-process scheduler, however many replicas run.

Rejected by: test_periodic_work_on_many_replicas_needs_one_beat
Why it is wrong: each replica runs its own scheduler, so the "nightly" job runs once per replica:
three cleanups, three reports mailed, three charges.
"""

from __future__ import annotations

from solutions.background_jobs.background_work.pick_the_runner import *  # the rest is the reference
from solutions.background_jobs.background_work.pick_the_runner import LONG_RUNNING_SECONDS, JobSpec, Runner


def choose_runner(spec: JobSpec) -> Runner:
    if spec.critical or spec.needs_retries or spec.cpu_heavy or spec.expected_seconds > LONG_RUNNING_SECONDS:
        return "task_queue"
    return "scheduler" if spec.periodic else "background_tasks"
