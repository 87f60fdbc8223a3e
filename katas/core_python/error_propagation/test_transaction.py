"""Tests for transaction: commit on success only, roll back on any error, always close, never swallow."""

from __future__ import annotations

import asyncio
import traceback

import pytest

from katas.core_python.error_propagation.transaction import transaction


class JournalFailure(Exception):
    """A journal operation failed (scripted)."""


class FakeJournal:
    """Records the order of lifecycle calls; `fail_on` names one operation that raises JournalFailure."""

    def __init__(self, fail_on: str | None = None) -> None:
        self.calls: list[str] = []
        self.fail_on = fail_on

    def _record(self, name: str) -> None:
        self.calls.append(name)
        if name == self.fail_on:
            raise JournalFailure(f"{name} failed")

    def begin(self) -> None:
        self._record("begin")

    def commit(self) -> None:
        self._record("commit")

    def rollback(self) -> None:
        self._record("rollback")

    def close(self) -> None:
        self._record("close")


def test_success_commits_then_closes() -> None:
    journal = FakeJournal()
    with transaction(journal, "t-1") as tx:
        assert tx is journal, "the `with ... as tx` value must be the journal itself"
        journal.calls.append("work")
    assert journal.calls == ["begin", "work", "commit", "close"], (
        f"lifecycle was {journal.calls}, expected begin, work, commit, close"
    )


def test_failure_rolls_back_and_reraises_the_same_error() -> None:
    journal = FakeJournal()
    error = KeyError("sku-42")
    try:
        with transaction(journal, "t-1"):
            raise error  # the block's failure
    except KeyError as err:
        caught = err
    else:
        pytest.fail(
            f"the KeyError vanished (lifecycle {journal.calls}): a `return` in `finally` or an except that "
            "does not re-raise turns the failure into success for every caller above"
        )
    assert caught is error, (
        f"got {caught!r}, not the block's own exception object: re-raise it with a bare `raise`"
    )
    assert journal.calls == ["begin", "rollback", "close"], (
        f"lifecycle was {journal.calls}, expected begin, rollback, close: roll back, then always close"
    )
    assert "tx t-1 rolled back" in getattr(caught, "__notes__", []), (
        f"notes are {getattr(caught, '__notes__', None)!r}: add 'tx t-1 rolled back' with exc.add_note()"
    )
    frames = traceback.extract_tb(caught.__traceback__)
    assert frames[-1].name == "test_failure_rolls_back_and_reraises_the_same_error", (
        "the traceback no longer ends where the block raised"
    )


def test_commit_failure_is_not_rolled_back() -> None:
    journal = FakeJournal(fail_on="commit")
    with pytest.raises(JournalFailure, match="commit failed"), transaction(journal, "t-2"):
        pass
    assert "rollback" not in journal.calls, (
        f"lifecycle was {journal.calls}: rollback ran after the commit itself failed. Commit belongs in the "
        "success-only branch (`else:`), outside the `try` that guards the block."
    )
    assert journal.calls == ["begin", "commit", "close"], (
        f"lifecycle was {journal.calls}, expected begin, commit, close: close() must run even when commit() "
        "raised (`finally:`)"
    )


def test_close_runs_even_when_rollback_fails() -> None:
    journal = FakeJournal(fail_on="rollback")
    with pytest.raises(JournalFailure, match="rollback failed") as caught, transaction(journal, "t-3"):
        raise KeyError("sku-7")
    assert journal.calls == ["begin", "rollback", "close"], (
        f"lifecycle was {journal.calls}: close() must run even when rollback() raised (`finally:`)"
    )
    assert isinstance(caught.value.__context__, KeyError), (
        "the rollback error must carry the block's KeyError as its __context__ (Python links it for you)"
    )


@pytest.mark.parametrize("interruption", [asyncio.CancelledError, KeyboardInterrupt])
def test_interruptions_roll_back_too(interruption: type[BaseException]) -> None:
    journal = FakeJournal()
    with pytest.raises(interruption), transaction(journal, "t-4"):
        raise interruption()
    assert journal.calls == ["begin", "rollback", "close"], (
        f"lifecycle was {journal.calls} after {interruption.__name__}: it derives from BaseException, not "
        "Exception, yet half-done work must still be rolled back (and the interruption re-raised)"
    )


def test_failed_begin_still_closes_without_rolling_back() -> None:
    journal = FakeJournal(fail_on="begin")
    ran: list[str] = []
    try:
        with transaction(journal, "t-5"):
            ran.append("block")
    except JournalFailure as err:
        caught = err
    else:
        pytest.fail(f"begin() raised, yet the with-statement completed (lifecycle {journal.calls})")
    assert ran == [], "the block ran although begin() failed: there is no transaction to work in"
    assert "rollback" not in journal.calls, (
        f"lifecycle was {journal.calls}: rollback() ran although begin() failed. Nothing began, so there is "
        "nothing to roll back: keep begin() outside the try whose except rolls back (it guards the block only)."
    )
    assert journal.calls == ["begin", "close"], (
        f"lifecycle was {journal.calls}, expected begin, close. A failed begin() still holds the resource "
        "(the connection), so close() must release it: call begin() inside an outer try whose `finally` closes."
    )
    assert not getattr(caught, "__notes__", []), (
        f"notes are {caught.__notes__!r}: begin() failed, nothing was rolled back, so add no 'rolled back' note"
    )
