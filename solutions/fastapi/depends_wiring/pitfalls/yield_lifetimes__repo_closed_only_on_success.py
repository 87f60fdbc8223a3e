"""Pitfall: get_repo closes the repo after the yield, but not in a `finally`.

Rejected by: test_the_repo_closes_when_the_request_fails
Why it is wrong: FastAPI throws the endpoint's exception into the dependency at `yield`; without `finally`
the repo's close() is skipped on every failed request, leaking whatever the repo holds (cursors, a
connection checked out of the session's pool).
"""

from __future__ import annotations

from collections.abc import Iterator

from solutions.fastapi.depends_wiring.yield_lifetimes import *  # the rest is the reference
from solutions.fastapi.depends_wiring.yield_lifetimes import FakeRepo, FakeSession


def get_repo(session: FakeSession) -> Iterator[FakeRepo]:
    repo = FakeRepo(session)
    yield repo
    repo.close()
