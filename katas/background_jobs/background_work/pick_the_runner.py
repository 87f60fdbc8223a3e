"""Exercise 1 of background_work: decide where a piece of background work should run.

Brief: katas/background_jobs/background_work/README.md. Run: `kata run pick_the_runner`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Runner = Literal["background_tasks", "scheduler", "task_queue"]

LONG_RUNNING_SECONDS = 10.0  # beyond this, work does not belong inside a web process


@dataclass(frozen=True)
class JobSpec:
    """Facts about a piece of work, used to choose where it runs."""

    expected_seconds: float  # typical duration of one run
    critical: bool  # losing it (a restart, a crash) is not acceptable
    needs_retries: bool  # it talks to something that fails transiently
    periodic: bool  # it runs on a schedule, not in response to a request
    cpu_heavy: bool  # it would compete with request handling for the CPU
    replicas: int  # how many copies of the web app run


def choose_runner(spec: JobSpec) -> Runner:
    """Pick where the work runs:
    - "task_queue" (Celery): anything critical, needing retries, CPU-heavy or longer than
      LONG_RUNNING_SECONDS, and periodic work when more than one replica runs (one beat, not N timers);
    - "scheduler" (an in-process AsyncIOScheduler): periodic work on a single replica;
    - "background_tasks" (FastAPI BackgroundTasks): short, non-critical follow-up of a request."""
    raise NotImplementedError
