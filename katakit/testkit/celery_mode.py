"""celery_eager: run a Celery app's tasks in-process for a wiring smoke test, then restore its config."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


@contextmanager
def celery_eager(app: Any, *, propagates: bool = True) -> Iterator[None]:
    """Set `task_always_eager` (and `task_eager_propagates`) on `app` for the block; no broker is used.

    Eager mode is an emulation (the Celery docs call it unsuitable for unit tests): use it to check the
    wiring, and test the logic and the retry policy directly.
    """
    keys = ("task_always_eager", "task_eager_propagates")
    saved = {key: app.conf[key] for key in keys}
    app.conf.update(task_always_eager=True, task_eager_propagates=propagates)
    try:
        yield
    finally:
        app.conf.update(saved)
