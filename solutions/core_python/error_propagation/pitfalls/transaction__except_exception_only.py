"""Pitfall: rolling back only for `Exception`.

Rejected by: test_interruptions_roll_back_too
Why it is wrong: a cancelled request (asyncio.CancelledError) or Ctrl-C (KeyboardInterrupt) derives
from BaseException; the half-done work is then committed, or left open, instead of rolled back.
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
    except Exception as exc:
        journal.rollback()
        exc.add_note(f"tx {tx_id} rolled back")
        raise
    else:
        journal.commit()
    finally:
        journal.close()
