"""Pitfall: send_invoice delivers the mail but returns None instead of the body it sent.

Rejected by: test_the_task_returns_the_body
Why it is wrong: the task's result (in the result backend, in Flower, in a chain's next task) says nothing
about what was sent; the contract is to return the delivered body.
"""

from __future__ import annotations

from celery import Task

from solutions.background_jobs.background_work.celery_task_design import *  # the rest is the reference
from solutions.background_jobs.background_work.celery_task_design import (
    TransientUpstreamError,
    backoff_seconds,
    celery_app,
    deliver,
    fetch_invoice,
    render_invoice,
)


@celery_app.task(bind=True, max_retries=5)
def send_invoice(self: Task, invoice_id: int) -> None:
    try:
        deliver(render_invoice(invoice_id, fetch_invoice))  # the module's (tests replace them)
    except TransientUpstreamError as exc:
        raise self.retry(exc=exc, countdown=backoff_seconds(self.request.retries)) from exc


def enqueue_invoice(invoice_id: int) -> str:
    return send_invoice.delay(invoice_id).id
