"""Pitfall: begin() is called before the try, so a failing begin() never reaches close().

Rejected by: test_failed_begin_still_closes_without_rolling_back
Why it is wrong: the journal holds its connection before begin(); when begin() fails (a dropped
connection, a lock timeout) nothing releases it, and a burst of such failures drains the pool.
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
    else:
        journal.commit()
    finally:
        journal.close()
