"""Exercise 3 of error_propagation: a transaction context manager that always rolls back on error.

Brief: katas/core_python/error_propagation/README.md. Run: `kata run transaction`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol


class Journal(Protocol):
    """A unit of work with an explicit lifecycle (a database transaction, a batch of file writes)."""

    def begin(self) -> None:
        """Start the unit of work."""
        raise NotImplementedError

    def commit(self) -> None:
        """Make the work durable. May raise."""
        raise NotImplementedError

    def rollback(self) -> None:
        """Undo the work done since begin(). May raise."""
        raise NotImplementedError

    def close(self) -> None:
        """Release the underlying resource (a connection, a file)."""
        raise NotImplementedError


@contextmanager
def transaction(journal: Journal, tx_id: str) -> Iterator[Journal]:
    """Run the `with` block as one transaction on `journal`, and give the block the journal itself.

    - `begin()` before the block; if `begin()` itself raises, the block never runs, nothing is rolled back
      (nothing began) and no note is added, but `close()` still runs and begin's error propagates;
    - the block succeeded: `commit()`; a failing commit is NOT rolled back here, its error propagates;
    - the block raised anything at all (cancellation and KeyboardInterrupt included): `rollback()`, add
      the note `f"tx {tx_id} rolled back"` to that exception (`add_note`), and re-raise the very same
      exception object with its traceback;
    - `close()` always runs last, even when rollback or commit raised.
    """
    raise NotImplementedError
