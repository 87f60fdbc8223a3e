"""Tests for worker_boundary: log a failed item with its traceback, carry on, and never catch interruptions."""

from __future__ import annotations

import asyncio
import logging

import pytest

from katakit.testkit import restore_logging  # noqa: F401  (a pytest fixture, used by name)
from katas.core_python.error_propagation.worker_boundary import BatchReport, process_batch, run_worker

pytestmark = pytest.mark.usefixtures("restore_logging")

LOGGER = "error_propagation.worker"


class BadItem(ValueError):
    """The handler rejects this item."""


def handler(failing: set[str], seen: list[str] | None = None):  # type: ignore[no-untyped-def]
    def handle(item: str) -> None:
        if seen is not None:
            seen.append(item)
        if item in failing:
            raise BadItem(f"cannot handle {item}")

    return handle


def async_handler(failing: set[str], latency: float = 1.0, finished: list[str] | None = None):  # type: ignore[no-untyped-def]
    async def handle(item: str) -> None:
        await asyncio.sleep(latency)
        if finished is not None:
            finished.append(item)
        if item in failing:
            raise BadItem(f"cannot handle {item}")

    return handle


def failure_records(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == LOGGER and r.levelno >= logging.ERROR]


def test_batch_reports_successes_and_failures() -> None:
    seen: list[str] = []
    report = process_batch(["a", "b", "c"], handler({"b"}, seen), logging.getLogger(LOGGER))
    assert seen == ["a", "b", "c"], f"handled {seen}: one failed item must not stop the batch"
    assert report == BatchReport(["a", "c"], ["b"]), (
        f"expected BatchReport(['a', 'c'], ['b']), got {report!r}"
    )


def test_each_failure_is_logged_with_its_traceback(caplog: pytest.LogCaptureFixture) -> None:
    process_batch(["a", "b", "c", "d"], handler({"b", "d"}), logging.getLogger(LOGGER))
    records = failure_records(caplog)
    assert len(records) == 2, f"expected one ERROR record per failed item (2), got {len(records)}"
    for record, item in zip(records, ["b", "d"], strict=True):
        assert record.exc_info is not None and record.exc_info[0] is BadItem, (
            f"the record for {item!r} has no traceback: call logger.exception(...) inside the except block "
            "(logger.error(str(exc)) keeps only the message)"
        )
        assert record.args == (item,), (
            f"record.args is {record.args!r}, expected ({item!r},): log a %-template with the item as an "
            "argument (logger.exception('item %s failed', item)), not an f-string"
        )
    assert records[0].msg == records[1].msg, (
        f"the two failures logged different templates ({records[0].msg!r}, {records[1].msg!r}): one template "
        "lets log aggregators group every occurrence of the same failure"
    )


def test_nothing_is_printed(capsys: pytest.CaptureFixture[str]) -> None:
    process_batch(["a", "b"], handler({"b"}), logging.getLogger(LOGGER))
    assert capsys.readouterr().out == "", "a boundary reports through logging, never print()"


def test_interruptions_propagate() -> None:
    def interrupted(item: str) -> None:
        raise KeyboardInterrupt

    try:
        process_batch(["a"], interrupted, logging.getLogger(LOGGER))
    except KeyboardInterrupt:
        return
    pytest.fail(
        "KeyboardInterrupt was swallowed: it (like SystemExit and asyncio.CancelledError) derives from "
        "BaseException, not Exception. A boundary catches Exception only, so Ctrl-C and shutdown still work."
    )


async def _join_or_fail(queue: asyncio.Queue[str], worker: asyncio.Task[None]) -> None:
    joiner = asyncio.create_task(queue.join())
    try:
        done, _ = await asyncio.wait({joiner, worker}, timeout=60, return_when=asyncio.FIRST_COMPLETED)
        if worker in done:
            worker.result()  # the worker died: show why
            pytest.fail("run_worker returned: a worker consumes the queue forever")
        assert joiner in done, (
            "queue.join() never finished: some item was taken from the queue but never marked done. Call "
            "queue.task_done() in `finally`, so failed items count too."
        )
    finally:
        joiner.cancel()


@pytest.mark.looptime
async def test_worker_skips_failures_and_marks_every_item_done(caplog: pytest.LogCaptureFixture) -> None:
    queue: asyncio.Queue[str] = asyncio.Queue()
    for item in ("a", "b", "c"):
        queue.put_nowait(item)
    finished: list[str] = []
    worker = asyncio.create_task(
        run_worker(queue, async_handler({"b"}, finished=finished), logging.getLogger(LOGGER))
    )
    try:
        await _join_or_fail(queue, worker)
        assert finished == ["a", "b", "c"], (
            f"queue.join() returned when only {finished} had been handled: an item was marked done before its "
            "handler finished. Call queue.task_done() in `finally` after `await handle(item)`, not right after "
            "get(), or a shutdown that joins the queue drops the work still in flight."
        )
    finally:
        worker.cancel()
        await asyncio.wait({worker}, timeout=1)
    records = failure_records(caplog)
    assert [r.args for r in records] == [("b",)], (
        f"expected one ERROR record for 'b', got {[r.args for r in records]}"
    )
    assert records[0].exc_info is not None, "log the failure with its traceback (logger.exception)"


@pytest.mark.looptime
async def test_worker_stops_promptly_when_cancelled() -> None:
    queue: asyncio.Queue[str] = asyncio.Queue()
    queue.put_nowait("slow")
    worker = asyncio.create_task(
        run_worker(queue, async_handler(set(), latency=100), logging.getLogger(LOGGER))
    )
    await asyncio.sleep(1)  # the worker is now in the middle of the slow item
    loop = asyncio.get_running_loop()
    cancelled_at = loop.time()
    worker.cancel()
    try:
        await asyncio.wait({worker}, timeout=1)
        assert worker.done() and worker.cancelled(), (
            "the worker was still running (or ended without being cancelled) after cancel(): it caught "
            "asyncio.CancelledError, which derives from BaseException. Catch Exception only and let "
            "cancellation leave `await handle(...)` and `await queue.get()`."
        )
        assert loop.time() - cancelled_at < 1, "cancellation must end the worker at once"
    finally:
        worker.cancel()
        await asyncio.wait({worker}, timeout=1)
