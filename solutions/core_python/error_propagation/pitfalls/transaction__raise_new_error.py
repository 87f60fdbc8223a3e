"""Pitfall: raising a new exception in place of the block's own.

Rejected by: test_failure_rolls_back_and_reraises_the_same_error
Why it is wrong: callers that handle the real error (KeyError, a validation error) no longer can;
a context manager that manages a resource must not change what the block raised.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from solutions.core_python.error_propagation.transaction import *  # the rest is the reference
from solutions.core_python.error_propagation.transaction import Journal


class TransactionFailed(Exception):
    """Raised instead of the real error."""


@contextmanager
def transaction(journal: Journal, tx_id: str) -> Iterator[Journal]:
    journal.begin()
    try:
        yield journal
    except Exception as exc:
        journal.rollback()
        raise TransactionFailed(f"tx {tx_id} rolled back") from exc
    else:
        journal.commit()
    finally:
        journal.close()
