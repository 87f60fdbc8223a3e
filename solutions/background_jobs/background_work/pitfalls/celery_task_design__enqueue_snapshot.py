"""Pitfall: enqueuing the invoice's data (a snapshot of the row) instead of its id.

Rejected by: test_enqueue_sends_only_the_id
Why it is wrong: the snapshot goes stale while the message waits in the queue, bloats the broker, and
an ORM object or dataclass does not serialize to JSON at all (kombu EncodeError; in Celery 5.7 even
eager calls serialize). Send the id; load fresh data in the task.
"""

from __future__ import annotations

from solutions.background_jobs.background_work.celery_task_design import *  # the rest is the reference
from solutions.background_jobs.background_work.celery_task_design import fetch_invoice, send_invoice


def enqueue_invoice(invoice_id: int) -> str:
    return send_invoice.delay(fetch_invoice(invoice_id)).id
