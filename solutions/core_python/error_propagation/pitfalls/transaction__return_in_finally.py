"""Pitfall: a `return` in `finally`, which silently discards the in-flight exception.

Rejected by: test_failure_rolls_back_and_reraises_the_same_error
Why it is wrong: the caller's `with` block ends as if it had succeeded; the failed order is reported
as placed. (Python 3.14 warns about this, PEP 765.)
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from solutions.core_python.error_propagation.transaction import *  # the rest is the reference
from solutions.core_python.error_propagation.transaction import Journal


@contextmanager
def transaction(journal: Journal, tx_id: str) -> Iterator[Journal]:
    journal.begin()
    ok = False
    try:
        yield journal
        ok = True
    finally:
        if ok:
            journal.commit()
        else:
            journal.rollback()
        journal.close()
        return
