"""Exercise 3 of background_work: a thin Celery task over plain logic, retrying only what can heal.

Brief: katas/background_jobs/background_work/README.md. Run: `kata run celery_task_design`.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from celery import Celery, Task

# The broker URL comes from settings; the tests never connect to it. Configure the app below:
# JSON-only serialization (Celery's default, worth stating) and late acknowledgement (task_acks_late).
celery_app = Celery("background_work", broker=os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0"))


class TransientUpstreamError(Exception):
    """An upstream hiccup (timeout, 5xx) worth retrying."""


class PermanentUpstreamError(Exception):
    """An upstream refusal (4xx); retrying cannot help."""


def fetch_invoice(invoice_id: int) -> dict[str, Any]:
    """Collaborator (the billing API), given: tests replace it. Returns {"number", "total", "currency"}."""
    raise NotImplementedError


def deliver(body: str) -> None:
    """Collaborator (the mail provider), given: tests replace it. May raise either upstream error."""
    raise NotImplementedError


def backoff_seconds(retries: int) -> int:
    """Countdown before retry number `retries` + 1: 2, 4, 8, 16, ... (2 ** (retries + 1)), capped at
    300 seconds."""
    raise NotImplementedError


def render_invoice(invoice_id: int, fetch_invoice: Callable[[int], dict[str, Any]]) -> str:
    """Plain logic, no Celery: fetch the invoice data and return the mail body
    "Invoice <number>: <total> <currency>"."""
    raise NotImplementedError


@celery_app.task(bind=True, max_retries=5)
def send_invoice(self: Task, invoice_id: int) -> str:
    """Render invoice `invoice_id` (with the module's fetch_invoice), deliver it, and return the body.
    Retry only TransientUpstreamError, with `exc=` the error and a countdown of
    backoff_seconds(self.request.retries); anything else propagates at once."""
    raise NotImplementedError


def enqueue_invoice(invoice_id: int) -> str:
    """Queue send_invoice for `invoice_id` (the id itself, a plain int: never the invoice's data) and
    return the task id."""
    raise NotImplementedError
