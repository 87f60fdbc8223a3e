"""Reference solution: transaction."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol


class Journal(Protocol):
    def begin(self) -> None: ...
    def commit(self) -> None: ...
    def rollback(self) -> None: ...
    def close(self) -> None: ...


@contextmanager
def transaction(journal: Journal, tx_id: str) -> Iterator[Journal]:
    try:
        journal.begin()  # a failed begin still holds the resource: close() below releases it
        try:
            yield journal
        except BaseException as exc:  # cancellation must roll back too; we always re-raise
            journal.rollback()
            exc.add_note(f"tx {tx_id} rolled back")
            raise
        journal.commit()  # success only: a failing commit is not rolled back here
    finally:
        journal.close()
