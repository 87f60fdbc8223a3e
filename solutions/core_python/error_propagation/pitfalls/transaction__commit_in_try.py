"""Pitfall: committing inside the `try`, right after the block, so a failed commit is "rolled back".

Rejected by: test_commit_failure_is_not_rolled_back
Why it is wrong: the commit's failure is handled as if the block had failed; a rollback after a
half-applied commit can undo work the database already made durable, or fail confusingly itself.
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
        journal.commit()
    except BaseException as exc:
        journal.rollback()
        exc.add_note(f"tx {tx_id} rolled back")
        raise
    finally:
        journal.close()
