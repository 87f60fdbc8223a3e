"""Pitfall: close() only on the happy path.

Rejected by: test_failure_rolls_back_and_reraises_the_same_error, test_close_runs_even_when_rollback_fails
Why it is wrong: every failed transaction leaks its connection; under a burst of errors the pool
runs dry and the whole service stalls. Cleanup belongs in `finally`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from solutions.core_python.error_propagation.transaction import *  # the rest is the reference
from solutions.core_python.error_propagation.transaction import Journal


@contextmanager
def transaction(journal: Journal, tx_id: str) -> Iterator[Journal]:
    journal.begin()
    try:
        yield journal
    except BaseException as exc:
        journal.rollback()
        exc.add_note(f"tx {tx_id} rolled back")
        raise
    journal.commit()
    journal.close()
