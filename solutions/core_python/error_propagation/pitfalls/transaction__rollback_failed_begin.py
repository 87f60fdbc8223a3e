"""Pitfall: begin() sits inside the try that rolls back, so a failed begin() is "rolled back".

Rejected by: test_failed_begin_still_closes_without_rolling_back
Why it is wrong: nothing began, so rollback() runs on no transaction: drivers raise "no transaction
in progress" (which then masks begin's real error) and the note claims a rollback of work that never
started.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from solutions.core_python.error_propagation.transaction import *  # the rest is the reference
from solutions.core_python.error_propagation.transaction import Journal


@contextmanager
def transaction(journal: Journal, tx_id: str) -> Iterator[Journal]:
    try:
        journal.begin()
        yield journal
    except BaseException as exc:
        journal.rollback()
        exc.add_note(f"tx {tx_id} rolled back")
        raise
    else:
        journal.commit()
    finally:
        journal.close()
