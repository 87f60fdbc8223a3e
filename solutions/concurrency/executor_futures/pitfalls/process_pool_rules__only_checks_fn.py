"""Pitfall: checking that fn pickles but not its arguments.

Rejected by: test_unpicklable_work_is_refused_before_submission
Why it is wrong: arguments are pickled too; a lock, an open file, a client or a DB session fails the
same way, only later and further from the cause.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable
from typing import Any

from solutions.concurrency.executor_futures.process_pool_rules import *  # the rest is the reference
from solutions.concurrency.executor_futures.process_pool_rules import NotPicklable


def ensure_picklable(fn: Callable[..., Any], *args: Any) -> None:
    try:
        pickle.dumps(fn)
    except (pickle.PicklingError, AttributeError, TypeError) as exc:
        raise NotPicklable(str(exc)) from exc
