"""Pitfall: raising a new error without chaining it to the pickling failure.

Rejected by: test_unpicklable_work_is_refused_before_submission
Why it is wrong: inside an except block a bare `raise New()` still records the original as
__context__ (shown as "During handling..."), but `from None` or raising after the block loses it;
translate errors with `raise New(...) from exc` so the real cause stays attached.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable
from typing import Any

from solutions.concurrency.executor_futures.process_pool_rules import *  # the rest is the reference
from solutions.concurrency.executor_futures.process_pool_rules import NotPicklable


def ensure_picklable(fn: Callable[..., Any], *args: Any) -> None:
    try:
        pickle.dumps((fn, args))
    except (pickle.PicklingError, AttributeError, TypeError):
        raise NotPicklable(f"{fn!r} cannot be sent to a child process") from None
