"""Pitfall: self.retry(exc=exc) without a countdown.

Rejected by: test_a_transient_failure_is_retried_with_backoff
Why it is wrong: the default retry delay is a fixed 3 minutes (default_retry_delay), with no growth:
either too slow for a blip or a steady hammer on an upstream that is down. Back off exponentially.
"""

from __future__ import annotations

from celery import Task

from solutions.background_jobs.background_work.celery_task_design import *  # the rest is the reference
from solutions.background_jobs.background_work.celery_task_design import (
    TransientUpstreamError,
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
    except TransientUpstreamError as exc:
        raise self.retry(exc=exc) from exc
    return body
