"""Tests for yield_lifetimes: setup before yield, teardown after it, in the right order, at the right time."""

from __future__ import annotations

import contextlib
import inspect

import pytest
from fastapi.testclient import TestClient

from katakit.testkit import FakeSession
from katas.fastapi.depends_wiring.yield_lifetimes import build_app, get_repo


def run(method: str, path: str, *, commit_fails: bool = False) -> tuple[int, str, list[str]]:
    """One request against a fresh app; returns status, body text and the journal."""
    journal: list[str] = []
    with TestClient(build_app(journal, commit_fails=commit_fails), raise_server_exceptions=False) as client:
        response = client.request(method, path)
    return response.status_code, response.text, journal


def test_success_commits_after_background_tasks_in_reverse_order() -> None:
    status, body, journal = run("GET", "/ok")
    assert status == 200, f"GET /ok should answer 200; got {status} {body}"
    expected = [
        "session:open",
        "repo:open",
        "endpoint",
        "background(open)",
        "repo:close",
        "session:commit",
        "session:close",
    ]
    assert journal == expected, (
        f"GET /ok journal:\n  got      {journal}\n  expected {expected}\n"
        "One session per request (the repo depends on get_session, so both share it); teardowns run in "
        "reverse order of setup, so the repo closes before the session it uses; and with the default "
        "scope='request' teardown runs after the response and after background tasks (which therefore "
        "still see an open session)."
    )


def test_http_errors_roll_back_and_keep_their_status() -> None:
    status, body, journal = run("GET", "/missing")
    assert status == 404 and "no such item" in body, (
        f"GET /missing should answer the endpoint's 404 {{'detail': 'no such item'}}; got {status} {body}. "
        "The endpoint's HTTPException is thrown into your generator at the `yield`: if you catch it, you must "
        "re-raise it, or FastAPI turns every error (even a 404) into a 500."
    )
    assert "session:commit" not in journal, (
        f"GET /missing failed but the session committed: {journal}. Commit only on the success path "
        "(the `else:` of try/except), never in `finally`."
    )
    assert journal[-2:] == ["session:rollback", "session:close"], (
        f"GET /missing journal ends {journal[-2:]}, expected ['session:rollback', 'session:close']: roll back "
        "in `except`, close in `finally`."
    )


def test_unhandled_errors_roll_back_and_still_close() -> None:
    status, _, journal = run("GET", "/crash")
    assert status == 500, f"GET /crash (a ValueError in the endpoint) should be a 500; got {status}."
    assert "session:commit" not in journal and "session:rollback" in journal, (
        f"GET /crash journal: {journal}. An error must roll back, never commit."
    )
    assert journal.count("session:close") == 1, (
        f"GET /crash journal: {journal}. session:close is missing after an unhandled error: put close() in "
        "`finally` around the `yield`, or every crashing request leaks a connection."
    )


def test_streamed_body_still_sees_an_open_session() -> None:
    status, body, journal = run("GET", "/export")
    assert (status, body) == (200, "open\nopen\nopen\n"), (
        f"GET /export streamed {body!r}; expected 'open\\n' three times. A StreamingResponse produces its "
        "body after the endpoint returns: with scope='function' the session is already closed by then. "
        "Streams need the default scope='request', which tears down after the body is sent."
    )
    assert journal[-1] == "session:close", f"the session must still be closed at the end; journal {journal}"


def test_failed_commit_can_still_set_the_status() -> None:
    status, body, journal = run("POST", "/strict-write", commit_fails=True)
    assert "session:commit-failed" in journal, f"POST /strict-write should try to commit; journal {journal}"
    assert status == 409, (
        f"POST /strict-write with a failing commit answered {status} {body}; expected 409. With the default "
        "scope='request' the commit runs after the response has been sent, so the client is told 200 for a "
        "write that never happened. Use Depends(get_session, scope='function') on this route so teardown "
        "runs before the response leaves."
    )
    assert journal[-1] == "session:close", f"close the session even when commit fails; journal {journal}"
    status, _, journal = run("POST", "/strict-write")
    assert status == 200 and "session:commit" in journal, (
        f"POST /strict-write with a working database should commit and answer 200; got {status}, {journal}"
    )


class EndpointBug(Exception):
    """What the endpoint raises while it holds the repo."""


def test_the_repo_closes_when_the_request_fails() -> None:
    if not inspect.isgeneratorfunction(get_repo):
        pytest.fail(
            "get_repo should be a generator (a yield dependency): open, yield the repo, close.", pytrace=False
        )
    journal: list[str] = []
    repo_dependency = get_repo(FakeSession(journal))  # driven by hand, as FastAPI drives a yield dependency
    next(repo_dependency)
    with contextlib.suppress(EndpointBug, StopIteration):  # re-raised, or swallowed: the close is checked
        repo_dependency.throw(
            EndpointBug("the endpoint failed")
        )  # what FastAPI does when the endpoint raises
    assert "repo:close" in journal, (
        f"the endpoint raised while using the repo and the journal is {journal}: the repo was never closed. "
        "FastAPI throws the endpoint's exception into the dependency at `yield`: close the repo in a "
        "`finally:` around the yield."
    )
