"""Reference solution: celery_task_design."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from celery import Celery, Task

celery_app = Celery("background_work", broker=os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0"))
celery_app.conf.update(
    task_serializer="json",  # the default since Celery 4; arguments must be JSON-friendly primitives
    accept_content=["json"],
    task_acks_late=True,  # a worker that dies mid-task leaves the message to be redelivered
)


class TransientUpstreamError(Exception):
    """An upstream hiccup (timeout, 5xx) worth retrying."""


class PermanentUpstreamError(Exception):
    """An upstream refusal (4xx); retrying cannot help."""


def fetch_invoice(invoice_id: int) -> dict[str, Any]:
    raise NotImplementedError("wired to the billing API in production")


def deliver(body: str) -> None:
    raise NotImplementedError("wired to the mail provider in production")


def backoff_seconds(retries: int) -> int:
    return min(2 ** (retries + 1), 300)


def render_invoice(invoice_id: int, fetch_invoice: Callable[[int], dict[str, Any]]) -> str:
    data = fetch_invoice(invoice_id)
    return f"Invoice {data['number']}: {data['total']} {data['currency']}"


@celery_app.task(bind=True, max_retries=5)
def send_invoice(self: Task, invoice_id: int) -> str:
    try:
        body = render_invoice(invoice_id, fetch_invoice)
        deliver(body)
    except TransientUpstreamError as exc:
        raise self.retry(exc=exc, countdown=backoff_seconds(self.request.retries)) from exc
    return body


def enqueue_invoice(invoice_id: int) -> str:
    return send_invoice.delay(invoice_id).id
