"""Pitfall: self.retry(countdown=...) without exc=.

Rejected by: test_exhausted_retries_record_the_real_error, test_a_transient_failure_is_retried_with_backoff
Why it is wrong: when the retries run out, the task fails with MaxRetriesExceededError instead of the
real upstream error, so the result backend and the alert say "too many retries", not what broke.
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
def send_invoice(self: Task, invoice_id: int) -> str:
    try:
        body = render_invoice(invoice_id, fetch_invoice)
        deliver(body)
    except TransientUpstreamError:
        raise self.retry(countdown=backoff_seconds(self.request.retries)) from None
    return body
