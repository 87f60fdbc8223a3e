"""Tests for override_hygiene: an override lives exactly as long as its block or test, and not a moment longer.

The sample app below stands for any real app: `get_db` is the seam tests replace, `get_repo` depends on it,
and `get_user` is someone else's dependency that your cleanup must leave alone.
"""

from __future__ import annotations

import inspect
import textwrap
import types
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any
from unittest.mock import MagicMock

import pytest
from fastapi import Depends, FastAPI
from fastapi.testclient import TestClient

from katas.fastapi.depends_wiring.override_hygiene import constant, isolated_overrides, override_dependency


@dataclass(frozen=True)
class Db:
    label: str


@dataclass(frozen=True)
class Repo:
    db: Db


def get_db() -> Db:
    return Db("real")


def lookalike_get_db() -> Db:  # same body, different function object
    return Db("real")


def get_repo(db: Annotated[Db, Depends(get_db)]) -> Repo:
    return Repo(db)


def get_user() -> str:
    return "alice"


def fake_db() -> Db:
    return Db("fake")


def other_fake_db() -> Db:
    return Db("other-fake")


def sample_app() -> FastAPI:
    app = FastAPI()

    @app.get("/db")
    def which_db(db: Annotated[Db, Depends(get_db)]) -> dict[str, str]:
        return {"db": db.label}

    @app.get("/repo")
    def which_repo_db(repo: Annotated[Repo, Depends(get_repo)]) -> dict[str, str]:
        return {"db": repo.db.label}

    @app.get("/user")
    def who(user: Annotated[str, Depends(get_user)]) -> dict[str, str]:
        return {"user": user}

    return app


def db_label(app: FastAPI, path: str = "/db") -> Any:
    with TestClient(app) as client:
        response = client.get(path)
    return response.json()["db"] if response.status_code == 200 else response.status_code


def test_override_applies_inside_the_block_only() -> None:
    app = sample_app()
    with override_dependency(app, get_db, fake_db):
        inside = db_label(app)
    after = db_label(app)
    assert (inside, after) == ("fake", "real"), (
        f"/db answered {inside!r} inside the block and {after!r} after it; expected 'fake' then 'real'. "
        "The override must be installed for the block and gone afterwards."
    )


def test_override_is_removed_when_the_block_raises() -> None:
    app = sample_app()
    with (
        pytest.raises(AssertionError, match="the test body failed"),
        override_dependency(app, get_db, fake_db),
    ):
        raise AssertionError("the test body failed")
    assert get_db not in app.dependency_overrides, (
        "After a block that raised, get_db is still overridden: an assertion failure left the override "
        "installed, so the next test that uses this app sees the fake database and fails for no reason of "
        "its own (and passes when run alone). Restore in `finally`."
    )


def test_constant_is_a_dependency_without_parameters() -> None:
    app = sample_app()
    replacement = constant("mallory")
    app.dependency_overrides[get_user] = replacement  # installed by hand: only constant() is on trial here
    try:
        with TestClient(app) as client:
            response = client.get("/user")
    finally:
        del app.dependency_overrides[get_user]
    if response.status_code == 422:
        asked_for = sorted(str(err["loc"][-1]) for err in response.json()["detail"])
        raise AssertionError(
            f"/user answered 422 (missing request inputs {asked_for}) with constant('mallory') as get_user's "
            "override. FastAPI does not call an override blindly: it reads the replacement's signature like any "
            "dependency's, and every parameter becomes a request input. *args and **kwargs become two REQUIRED "
            "query parameters named 'args' and 'kwargs', so every request through the override fails. "
            "constant() must return a function with no parameters at all."
        )
    got = response.json()
    assert (response.status_code, got) == (200, {"user": "mallory"}), (
        f"/user with constant('mallory') as get_user's override answered {response.status_code} {got}; "
        "expected 200 {'user': 'mallory'}: the function constant() returns must return the value it was given."
    )
    params = list(inspect.signature(replacement).parameters)
    assert params == [], (
        f"constant('mallory') returned a function with parameters {params}. FastAPI turns each one into a "
        "request input: even an optional one (`lambda value=value: value`) lets a caller choose the faked "
        "value with `?value=...`. The replacement must take no parameters; a closure remembers the value."
    )


def test_unrelated_overrides_survive() -> None:
    app = sample_app()
    app.dependency_overrides[get_user] = constant("mallory")
    with override_dependency(app, get_db, fake_db):
        pass
    assert app.dependency_overrides.get(get_user) is not None, (
        "Your cleanup removed the override of get_user, which it did not install (another fixture or test "
        "set it up). app.dependency_overrides.clear() wipes everyone's overrides: restore only your key."
    )
    with TestClient(app) as client:
        user = client.get("/user").json()
    assert user == {"user": "mallory"}, f"get_user's override should still apply; /user answered {user}"


def test_nested_overrides_restore_the_outer_one() -> None:
    app = sample_app()
    with override_dependency(app, get_db, fake_db):
        with override_dependency(app, get_db, other_fake_db):
            inner = db_label(app)
        between = db_label(app)
    after = db_label(app)
    assert (inner, between, after) == ("other-fake", "fake", "real"), (
        f"/db answered {inner!r} in the inner block, {between!r} between the blocks and {after!r} after; "
        "expected 'other-fake', 'fake', 'real'. Nested override: the outer replacement must come back, so "
        "remember what the key held before (not just whether it existed) and put that back."
    )


def test_overrides_are_keyed_by_the_original_function() -> None:
    app = sample_app()
    with override_dependency(app, get_db, fake_db):
        through_repo = db_label(app, "/repo")
    assert through_repo == "fake", (
        f"/repo (get_repo depends on get_db) saw {through_repo!r} while get_db was overridden; expected 'fake'. "
        "An override replaces the dependency everywhere in the graph, sub-dependencies included."
    )
    with override_dependency(app, lookalike_get_db, fake_db):
        lookalike = db_label(app, "/repo")
    assert lookalike == "real", (
        "Overrides are looked up by the function object the routes declared: a look-alike function with the "
        f"same body is a different key and changes nothing; got {lookalike!r}."
    )


def test_replacements_must_have_no_parameters() -> None:
    app = sample_app()
    mock_db = MagicMock(spec=Db)
    mock_db.label = "mock"

    app.dependency_overrides[get_db] = mock_db  # what not to do: FastAPI parses the mock's signature
    try:
        with TestClient(app) as client:
            raw = client.get("/db")
    finally:
        del app.dependency_overrides[get_db]
    missing = sorted(err["loc"][-1] for err in raw.json()["detail"]) if raw.status_code == 422 else []
    assert (raw.status_code, missing) == (422, ["args", "kwargs"]), "FastAPI's behaviour changed; tell us"

    with override_dependency(app, get_db, constant(mock_db)):
        got = db_label(app)
    assert got == "mock", (
        f"/db with constant(mock) as the override answered {got!r}; expected 'mock'. FastAPI parses an "
        "override's signature like any dependency's: a MagicMock has (*args, **kwargs), which become two "
        "required query parameters and a 422. constant() must return a function with no parameters at all."
    )
    with override_dependency(app, get_db, constant(Db("plain"))):
        got = db_label(app)
    assert got == "plain", f"constant(Db('plain')) should make /db answer 'plain'; got {got!r}"


INNER_SUITE = """
from fastapi.testclient import TestClient


def test_1_installs_a_fake_then_fails(isolated_overrides, sample, app):
    isolated_overrides[sample.get_db] = sample.fake_db
    with TestClient(app) as client:
        assert client.get("/db").json() == {"db": "fake"}, "OVERRIDE NOT APPLIED: test_1 saw the real database"
    assert False, "DELIBERATE: this test fails on purpose, after its override was applied"


def test_2_expects_the_real_database(app):
    with TestClient(app) as client:
        assert client.get("/db").json() == {"db": "real"}, "test_2 saw the fake database"
        assert client.get("/user").json() == {"user": "mallory"}, "the session-wide get_user override is gone"
"""


LOOPTIME_PLUGINS = ("looptime_plugin", "looptime_chronometers", "looptime_timeproxies")


class Outcomes:
    """A pytest plugin that records the call-phase outcome of each test of the inner run."""

    def __init__(self) -> None:
        self.by_test: dict[str, str] = {}
        self.why: dict[str, str] = {}

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if report.when == "call" or report.outcome != "passed":
            name = report.nodeid.rsplit("::", 1)[-1]
            self.by_test[name] = report.outcome if report.when == "call" else f"error in {report.when}"
            errors = [line for line in report.longreprtext.splitlines() if line.startswith("E ")]
            self.why[name] = errors[0][1:].strip() if errors else ""


def test_the_fixture_stops_leaks_between_tests(tmp_path: Path) -> None:
    """Run a tiny test suite that shares one app between its tests, as a real suite does."""
    shared_app = sample_app()
    shared_app.dependency_overrides[get_user] = lambda: "mallory"  # installed for the whole session
    fixtures = types.ModuleType("override_hygiene_inner_fixtures")

    @pytest.fixture
    def app() -> FastAPI:
        return shared_app

    @pytest.fixture
    def sample() -> types.SimpleNamespace:
        return types.SimpleNamespace(get_db=get_db, fake_db=fake_db)

    fixtures.app, fixtures.sample, fixtures.isolated_overrides = app, sample, isolated_overrides
    (tmp_path / "test_inner.py").write_text(textwrap.dedent(INNER_SUITE))
    (tmp_path / "pytest.ini").write_text("[pytest]\n")
    outcomes = Outcomes()
    inner = str(tmp_path / "test_inner.py")
    ini = str(tmp_path / "pytest.ini")
    args = [inner, "-c", ini, "--rootdir", str(tmp_path), "-q", "--import-mode=importlib"]
    for plugin in (
        "cacheprovider",
        "asyncio",
        "anyio",
        "respx",
        "timeout",
        "unraisableexception",
        *LOOPTIME_PLUGINS,
    ):
        args += ["-p", f"no:{plugin}"]  # a bare, fast inner session: it needs none of them
    pytest.main(args, plugins=[fixtures, outcomes])
    first_said = outcomes.why.get("test_1_installs_a_fake_then_fails") or "(nothing)"
    assert "OVERRIDE NOT APPLIED" not in first_said, (
        "In the inner suite, test_1 put a fake database into the dict isolated_overrides gave it, and /db still "
        "answered 'real': the override never reached the app. The fixture must hand the test "
        "app.dependency_overrides itself, the very dict FastAPI reads on each request, not a new dict or a "
        "copy of it (an empty dict or a copy makes every test pass vacuously: nothing leaks because nothing "
        "was ever installed). Take the snapshot for teardown, and yield the real dict."
    )
    got = (
        outcomes.by_test.get("test_1_installs_a_fake_then_fails"),
        outcomes.by_test.get("test_2_expects_the_real_database"),
    )
    assert got == ("failed", "passed"), (
        f"Inner suite outcomes (test_1, test_2): {got}; expected ('failed', 'passed'). The suite shares one "
        "app, which has a session-wide override of get_user. test_1 installs a fake database through "
        "isolated_overrides and then fails; test_2 expects the real database and the session-wide get_user "
        "override. If test_2 failed, either the override leaked across tests (no teardown after `yield`; "
        "pytest runs it whether the test passed or failed) or the teardown wiped overrides it did not "
        "install (clear() without restoring the snapshot). test_1 said: "
        f"{first_said}; test_2 said: "
        f"{outcomes.why.get('test_2_expects_the_real_database') or '(nothing)'}"
    )
    assert "DELIBERATE" in first_said, (
        f"test_1 of the inner suite should fail only at its deliberate `assert False`, after checking that its "
        f"override reached the app; it said: {first_said}"
    )
