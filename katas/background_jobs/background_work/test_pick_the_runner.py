"""Tests for pick_the_runner: BackgroundTasks, the in-process scheduler, or a durable task queue."""

from __future__ import annotations

from katas.background_jobs.background_work.pick_the_runner import LONG_RUNNING_SECONDS, JobSpec, choose_runner


def _spec(**facts: object) -> JobSpec:
    base: dict[str, object] = {
        "expected_seconds": 0.5,
        "critical": False,
        "needs_retries": False,
        "periodic": False,
        "cpu_heavy": False,
        "replicas": 3,
    }
    return JobSpec(**{**base, **facts})  # type: ignore[arg-type]


def test_short_follow_up_work_runs_after_the_response() -> None:
    got = choose_runner(_spec())  # a welcome email: 0.5 s, losing one now and then is acceptable
    assert got == "background_tasks", (
        f"a welcome email (0.5 s, not critical) -> got {got!r}. Short, non-critical follow-up of a request "
        "is what BackgroundTasks is for: no broker, no worker, it runs after the response is sent."
    )


def test_heavy_or_long_work_goes_to_the_queue() -> None:
    cases = {
        "OCR of a PDF (120 s, CPU-heavy)": _spec(expected_seconds=120, cpu_heavy=True),
        "a 60 s report export": _spec(expected_seconds=60),
        "a 2 s image resize (CPU-heavy)": _spec(expected_seconds=2, cpu_heavy=True),
    }
    wrong = {label: got for label, spec in cases.items() if (got := choose_runner(spec)) != "task_queue"}
    assert not wrong, (
        f"expected task_queue, got {wrong}. Long or CPU-heavy work inside the web process competes with "
        "requests and is lost on every deploy; separate workers absorb it."
    )


def test_critical_work_goes_to_the_queue() -> None:
    cases = {
        "a payment webhook (0.3 s, critical, needs retries)": _spec(
            expected_seconds=0.3, critical=True, needs_retries=True
        ),
        "an invoice e-mail (critical)": _spec(critical=True),
        "a CRM sync that needs retries": _spec(needs_retries=True),
    }
    wrong = {label: got for label, spec in cases.items() if (got := choose_runner(spec)) != "task_queue"}
    assert not wrong, (
        f"expected task_queue, got {wrong}. Critical work must survive a restart, and retries need a "
        "broker that keeps the message: BackgroundTasks vanish with the process, however short they are."
    )


def test_periodic_work_on_one_replica_uses_the_scheduler() -> None:
    got = choose_runner(_spec(expected_seconds=3, periodic=True, replicas=1))
    assert got == "scheduler", (
        f"a nightly cleanup on a single replica -> got {got!r}. Periodic, non-critical work on one "
        "instance fits an in-process scheduler (AsyncIOScheduler started in the lifespan)."
    )


def test_periodic_work_on_many_replicas_needs_one_beat() -> None:
    got = choose_runner(_spec(expected_seconds=3, periodic=True, replicas=3))
    assert got == "task_queue", (
        f"a nightly cleanup with 3 replicas -> got {got!r}: with 3 replicas the in-process scheduler runs "
        "the job 3 times. Use a single beat (Celery beat) feeding the queue, or a lock (exercise 5)."
    )


def test_critical_periodic_work_goes_to_the_queue() -> None:
    got = choose_runner(_spec(expected_seconds=3, periodic=True, replicas=1, critical=True))
    assert got == "task_queue", (
        f"nightly billing (periodic, critical, 1 replica) -> got {got!r}. Check the disqualifiers first: "
        "an in-process scheduler loses the run if the pod restarts at 03:00."
    )


def test_the_long_running_line_is_strict() -> None:
    got = {
        seconds: choose_runner(_spec(expected_seconds=seconds))
        for seconds in (LONG_RUNNING_SECONDS, 10.5, 20.0)
    }
    expected = {LONG_RUNNING_SECONDS: "background_tasks", 10.5: "task_queue", 20.0: "task_queue"}
    assert got == expected, (
        f"short non-critical follow-ups of 10 s, 10.5 s and 20 s -> {got}; expected {expected}. Work LONGER "
        "than LONG_RUNNING_SECONDS (10 s) goes to the queue; exactly 10 s is still short enough to run after "
        "the response. Use the constant, not a line of your own."
    )
