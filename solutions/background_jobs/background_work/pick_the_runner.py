"""Reference solution: pick_the_runner."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Runner = Literal["background_tasks", "scheduler", "task_queue"]

LONG_RUNNING_SECONDS = 10.0


@dataclass(frozen=True)
class JobSpec:
    expected_seconds: float
    critical: bool
    needs_retries: bool
    periodic: bool
    cpu_heavy: bool
    replicas: int


def choose_runner(spec: JobSpec) -> Runner:
    # Disqualifiers for anything in-process first: it dies with the process and competes with requests.
    if spec.critical or spec.needs_retries or spec.cpu_heavy or spec.expected_seconds > LONG_RUNNING_SECONDS:
        return "task_queue"
    if spec.periodic:
        return "scheduler" if spec.replicas == 1 else "task_queue"
    return "background_tasks"
