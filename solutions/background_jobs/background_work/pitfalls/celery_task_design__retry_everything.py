"""Pitfall: retrying every exception (or autoretry_for=(Exception,)).

Rejected by: test_a_permanent_failure_is_not_retried
Why it is wrong: a 4xx answer is refused the same way on every attempt; retrying it five times with
backoff only delays the failure report by minutes and spends upstream quota.
"""

from __future__ import annotations

from celery import Task

from solutions.background_jobs.background_work.celery_task_design import *  # the rest is the reference
from solutions.background_jobs.background_work.celery_task_design import (
    backoff_seconds,
    celery_app,
    deliver,
    fetch_invoice,
    render_invoice,
)


@celery_app.task(bind=True, max_retries=5)
def send_invoice(self: Task, invoice_id: int) -> str:
    try:
        body = render_invoice(invoice_id, fetch_invoice)
        deliver(body)
    except Exception as exc:
        raise self.retry(exc=exc, countdown=backoff_seconds(self.request.retries)) from exc
    return body
