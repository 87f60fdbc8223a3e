"""Tests for celery_task_design: logic tested directly, the retry policy with a mocked retry, eager mode
only as a wiring smoke test (the Celery docs call it an emulation). No broker is ever contacted."""

from __future__ import annotations

from typing import Any
from unittest import mock

import pytest
from celery.exceptions import Retry

import katas.background_jobs.background_work.celery_task_design as tasks
from katakit.testkit import celery_eager, pin_module
from katas.background_jobs.background_work.celery_task_design import (
    PermanentUpstreamError,
    TransientUpstreamError,
    backoff_seconds,
    celery_app,
    enqueue_invoice,
    render_invoice,
    send_invoice,
)

INVOICE = {"number": "INV-7", "total": "19.99", "currency": "EUR"}
BODY = "Invoice INV-7: 19.99 EUR"


class Upstream:
    """Fake billing API and mail provider: deliver() raises the scripted errors, then succeeds."""

    def __init__(self, *errors: Exception, forever: Exception | None = None) -> None:
        self.errors = list(errors)
        self.forever = forever
        self.delivered: list[str] = []
        self.attempts = 0

    def fetch_invoice(self, invoice_id: int) -> dict[str, Any]:
        assert invoice_id == 7, f"fetched invoice {invoice_id!r}, expected 7"
        return dict(INVOICE)

    def deliver(self, body: str) -> None:
        self.attempts += 1
        if self.forever is not None:
            raise self.forever
        if self.errors:
            raise self.errors.pop(0)
        self.delivered.append(body)


@pytest.fixture
def upstream(monkeypatch: pytest.MonkeyPatch) -> Upstream:
    fake = Upstream()
    pin_module(monkeypatch, tasks)  # Celery pickles task errors by their module's name
    monkeypatch.setattr(tasks, "fetch_invoice", fake.fetch_invoice)
    monkeypatch.setattr(tasks, "deliver", fake.deliver)
    return fake


def test_the_logic_is_plain_functions() -> None:
    assert render_invoice(7, lambda _: dict(INVOICE)) == BODY, (
        "render_invoice: 'Invoice <number>: <total> <cur>'"
    )
    table = {0: 2, 1: 4, 3: 16, 7: 256, 8: 300, 10: 300}
    got = {retries: backoff_seconds(retries) for retries in table}
    assert got == table, f"backoff_seconds: expected {table}, got {got} (2 ** (retries + 1), capped at 300)"


def test_a_transient_failure_is_retried_with_backoff(upstream: Upstream) -> None:
    error = TransientUpstreamError("mail provider answered 503")
    upstream.errors = [error]
    with mock.patch.object(send_invoice, "retry", side_effect=Retry()) as retry, pytest.raises(Retry):
        send_invoice(7)
    assert retry.call_count == 1, f"retry was called {retry.call_count} times for one transient failure"
    kwargs = retry.call_args.kwargs
    assert kwargs.get("exc") is error, (
        f"retry(exc=...) should carry the transient error itself, so exhaustion records it; got {kwargs}"
    )
    assert kwargs.get("countdown") == 2, (
        f"the first retry should wait backoff_seconds(0) == 2 s; got countdown={kwargs.get('countdown')!r}. "
        "Without a countdown a struggling upstream is hammered again at once."
    )
    upstream.errors = [TransientUpstreamError("503 again")]
    with mock.patch.object(send_invoice, "retry", side_effect=Retry()) as retry:
        send_invoice.apply(args=(7,), retries=3, throw=False)
    assert retry.call_args.kwargs.get("countdown") == 16, (
        f"on the 4th attempt (request.retries == 3) the countdown should be backoff_seconds(3) == 16; got "
        f"{retry.call_args.kwargs}. Read the retry number from self.request.retries."
    )


def test_a_permanent_failure_is_not_retried(upstream: Upstream) -> None:
    upstream.errors = [PermanentUpstreamError("422 invalid address")]
    with mock.patch.object(send_invoice, "retry", side_effect=Retry()) as retry:
        try:
            send_invoice(7)
        except PermanentUpstreamError:
            pass
        except Retry:
            pass  # reported below
        else:
            pytest.fail("PermanentUpstreamError should propagate out of the task", pytrace=False)
    assert retry.call_count == 0, (
        "a 4xx-style failure was retried; only transient errors should be: the same request will be refused "
        "the same way five more times. Catch TransientUpstreamError only."
    )


def test_exhausted_retries_record_the_real_error(upstream: Upstream) -> None:
    upstream.forever = TransientUpstreamError("mail provider down")
    result = send_invoice.apply(args=(7,), throw=False)  # eager: retries run inline, countdowns ignored
    assert upstream.attempts == 6, (
        f"max_retries=5 means 6 attempts in all; deliver was called {upstream.attempts}x"
    )
    assert result.state == "FAILURE" and isinstance(result.result, TransientUpstreamError), (
        f"after the last retry the task should FAIL with the TransientUpstreamError itself; got {result.state} "
        f"{result.result!r}. Pass exc= to self.retry, or exhaustion surfaces as MaxRetriesExceededError."
    )


def test_enqueue_sends_only_the_id(upstream: Upstream) -> None:
    # delay(*args) is apply_async(args, kwargs): patching apply_async sees either spelling, sends nothing.
    with mock.patch.object(send_invoice, "apply_async") as apply_async:
        apply_async.return_value.id = "task-123"
        got = enqueue_invoice(7)
    assert apply_async.call_count == 1, f"expected one message queued, got {apply_async.call_count}"
    call = apply_async.call_args
    args = call.args[0] if call.args else call.kwargs.get("args")
    kwargs = (call.args[1] if len(call.args) > 1 else call.kwargs.get("kwargs")) or {}
    assert (tuple(args or ()), kwargs) == ((7,), {}), (
        f"send_invoice was queued with args={args!r}, kwargs={kwargs!r}; expected exactly (7,). Send the id, a "
        "JSON primitive; the task loads fresh data when it runs (a snapshot goes stale in the queue, and an "
        "object does not serialize to JSON)."
    )
    assert got == "task-123", f"enqueue_invoice should return the AsyncResult's id; got {got!r}"


def test_wiring_smoke_test_in_eager_mode(upstream: Upstream) -> None:
    with celery_eager(celery_app, propagates=True):
        task_id = enqueue_invoice(7)
    assert isinstance(task_id, str) and task_id, f"enqueue_invoice should return a task id; got {task_id!r}"
    assert upstream.delivered == [BODY], (
        f"deliver() should have received the rendered body; got {upstream.delivered}"
    )


def test_configuration() -> None:
    assert celery_app.conf.task_acks_late is True, (
        "task_acks_late is off: a worker that crashes mid-task has already acknowledged the message, so the "
        "invoice is never sent. Acknowledge late (and keep the task idempotent)."
    )
    assert send_invoice.max_retries == 5, (
        f"send_invoice.max_retries should be 5, got {send_invoice.max_retries}"
    )


def test_the_task_returns_the_body(upstream: Upstream) -> None:
    result = send_invoice.apply(args=(7,), throw=False)  # eager: runs inline, no broker
    assert (result.state, result.result) == ("SUCCESS", BODY), (
        f"send_invoice(7) ended {result.state} with {result.result!r}; expected SUCCESS with {BODY!r}: the task "
        "returns the body it delivered, so its result says what was sent."
    )
    assert upstream.delivered == [BODY], (
        f"deliver() should have received the body once; got {upstream.delivered}"
    )
