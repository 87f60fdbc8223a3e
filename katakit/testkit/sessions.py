"""A fake database session and repository that write what happens to them into a journal list."""

from __future__ import annotations


class CommitFailed(Exception):
    """The (fake) database refused the commit, e.g. a unique-constraint violation."""


class FakeSession:
    """Journals "session:open" on creation, then each commit / rollback / close.

    `closed` tells whether close() ran. With `commit_fails=True`, commit() raises CommitFailed.
    """

    def __init__(self, journal: list[str], *, commit_fails: bool = False) -> None:
        self.journal = journal
        self.commit_fails = commit_fails
        self.closed = False
        journal.append("session:open")

    def add(self, item: str) -> None:
        self.journal.append(f"session:add({item})")

    def commit(self) -> None:
        if self.commit_fails:
            self.journal.append("session:commit-failed")
            raise CommitFailed("duplicate key value violates unique constraint")
        self.journal.append("session:commit")

    def rollback(self) -> None:
        self.journal.append("session:rollback")

    def close(self) -> None:
        self.closed = True
        self.journal.append("session:close")


class FakeRepo:
    """A repository working on one session: journals "repo:open" and "repo:close"."""

    def __init__(self, session: FakeSession) -> None:
        self.session = session
        self.closed = False
        session.journal.append("repo:open")

    def close(self) -> None:
        self.closed = True
        self.session.journal.append("repo:close")
