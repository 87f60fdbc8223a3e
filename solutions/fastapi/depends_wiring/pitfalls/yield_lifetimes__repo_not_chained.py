"""Pitfall: a repository dependency that opens its own session instead of depending on get_session.

Rejected by: test_success_commits_after_background_tasks_in_reverse_order
Why it is wrong: the request now holds two sessions (two transactions, two pooled connections), the
repo's writes are never committed with the route's, and its session is never closed.
"""

from __future__ import annotations

from collections.abc import Iterator

from fastapi import FastAPI, Request

from katakit.testkit import FakeRepo
from solutions.fastapi.depends_wiring.yield_lifetimes import *  # the rest is the reference
from solutions.fastapi.depends_wiring.yield_lifetimes import build_app as _reference
from solutions.fastapi.depends_wiring.yield_lifetimes import get_repo as _reference_get_repo


def get_repo(request: Request) -> Iterator[FakeRepo]:
    repo = FakeRepo(request.app.state.open_session())
    try:
        yield repo
    finally:
        repo.close()


def build_app(journal: list[str], *, commit_fails: bool = False) -> FastAPI:
    app = _reference(journal, commit_fails=commit_fails)
    app.dependency_overrides[_reference_get_repo] = get_repo
    return app
