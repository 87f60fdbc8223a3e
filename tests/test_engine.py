"""The engine's own tests: targets, guards, the time-limit report and the self-check's structure checks.

They run inside `kata verify`'s session, next to every kata test, so they never start a nested pytest.
"""

from __future__ import annotations

import asyncio
import socket
import sys
import time
import warnings
from pathlib import Path

import httpx
import pytest

from katakit import catalog, plugin, verify
from katakit.catalog import Catalog

# ---------------------------------------------------------------------------------------- network


@pytest.mark.parametrize("host", ["127.0.0.1", "127.8.9.10", "::1", "[::1]", "localhost", b"localhost", None])
def test_loopback_is_allowed(host: object) -> None:
    assert plugin._is_local(host), f"{host!r} is this machine; tests may use it."


@pytest.mark.parametrize("host", ["example.com", "10.0.0.1", "192.168.1.1", "8.8.8.8", "2001:db8::1"])
def test_other_hosts_are_not_local(host: str) -> None:
    assert not plugin._is_local(host), f"{host!r} is not this machine; a kata test must never reach it."


def test_network_guard_is_installed() -> None:
    for function in (socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo):
        assert function.__module__ == "katakit.plugin", f"{function} is not the plugin's guard"


def test_name_lookup_of_a_remote_host_is_refused_with_a_reason() -> None:
    # getaddrinfo is refused before any packet is sent (the name ends in .invalid, which never resolves)
    with pytest.raises(plugin.RealNetworkBlocked, match="blocked in the katas"):
        socket.getaddrinfo("vendor.invalid", 443)


async def test_loopback_connections_still_work() -> None:
    async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writer.write(b"hi")
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(answer, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        assert await reader.read() == b"hi"
        writer.close()
        await writer.wait_closed()
    finally:
        server.close()
        await server.wait_closed()


# ------------------------------------------------------------------------------------ async hygiene


async def test_blocking_sleep_inside_the_loop_is_refused() -> None:
    try:
        with pytest.raises(plugin.BlockingCallInEventLoop, match=r"await asyncio\.sleep"):
            time.sleep(0.001)  # noqa: ASYNC251 - the point of the test
    finally:
        plugin._blocking_seen.clear()  # the guard would otherwise (rightly) fail this test too


def test_blocking_sleep_outside_a_loop_is_fine() -> None:
    time.sleep(0)


async def test_sync_http_client_inside_the_loop_is_refused() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200)

    try:
        with (
            httpx.Client(transport=httpx.MockTransport(handler)) as client,
            pytest.raises(plugin.BlockingCallInEventLoop, match="AsyncClient"),
        ):
            client.get("http://vendor.test/")  # noqa: ASYNC212 - the point of the test
    finally:
        plugin._blocking_seen.clear()


def test_never_awaited_coroutine_is_explained() -> None:
    async def fetch_user() -> None:
        return None

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fetch_user()  # deliberately never awaited
        import gc

        gc.collect()
    message = plugin.never_awaited_message(caught)
    assert message is not None and "fetch_user" in message and "await" in message, message


@pytest.mark.allow_unclosed_clients
async def test_unclosed_clients_can_be_allowed_by_marker() -> None:
    httpx.AsyncClient()  # deliberately left open: the marker says that is the point here


def test_describe_tasks_names_where_each_task_waits() -> None:
    async def wait_for_signal(event: asyncio.Event) -> None:
        await event.wait()

    async def scenario() -> str:
        event = asyncio.Event()
        task = asyncio.create_task(wait_for_signal(event), name="consumer")
        await asyncio.sleep(0)
        report = plugin.describe_tasks(asyncio.get_running_loop())
        event.set()
        await task
        return report

    report = asyncio.run(scenario())
    assert "task 'consumer' waiting at" in report and "in wait" in report, report
    assert "no event loop" in plugin.describe_tasks(None)


def test_time_limit_hook_is_ours() -> None:
    assert plugin.pytest_timeout_set_timer.__module__ == "katakit.plugin"


# ---------------------------------------------------------------------------------- broken stubs


def test_a_stub_with_a_syntax_error_is_reported_not_crashed(
    tiny: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    ex = tiny.exercise("add_two")
    broken = ex.stub.parent / "broken_fixture.py"
    broken.write_text("def add(a, b)\n    return a + b\n", encoding="utf-8")
    name = "katas.safe_calls.retry_discipline.broken_fixture"  # a real package, so only this file is new
    fake = catalog.Exercise("broken_fixture", "t", 1, (), "", kata=catalog.load().kata("retry_discipline"))
    monkeypatch.setitem(plugin.REDIRECTOR.files, name, broken)
    try:
        problem = plugin.import_problem(fake, tiny.root)
    finally:
        sys.modules.pop(name, None)
        broken.unlink()
    assert problem is not None and "SyntaxError" in problem and "broken_fixture.py:1" in problem, problem
    assert "other exercises are not affected" in problem


def test_test_names_are_read_without_importing(tmp_path: Path) -> None:
    path = tmp_path / "test_x.py"
    path.write_text(
        "import nothing_here\n\ndef test_a(): ...\nasync def test_b(): ...\nclass TestC:\n    def test_d(self): ...\n",
        encoding="utf-8",
    )
    assert plugin.test_names(path) == ["test_a", "test_b", "TestC::test_d"]


# ------------------------------------------------------------------------------- structure checks


def test_structure_of_a_complete_kata_is_clean(tiny: Catalog) -> None:
    problems = verify.structure_problems(tiny, tiny.kata("sums").exercises)
    assert [p for p in problems if not p.startswith("manifest") and "README.md" not in p] == []


def test_structure_reports_missing_orphaned_and_unnamed(tiny: Catalog) -> None:
    ex = tiny.exercise("add_two")
    ex.hints.unlink()
    stray = ex.stub.parent / "stray.py"
    stray.write_text("x = 1\n", encoding="utf-8")
    pitfall = ex.solution.parent / "pitfalls" / "add_two__no_name.py"
    pitfall.parent.mkdir(exist_ok=True)
    pitfall.write_text('"""Pitfall: returns a - b."""\n', encoding="utf-8")
    ex.stub.write_text('def add(a: int, b: int) -> int:\n    """Return a + b."""\n    return a + b\n')
    try:
        problems = "\n".join(verify.structure_problems(tiny))
    finally:
        pitfall.unlink()
        stray.unlink()
    assert "add_two.md: hint file of sums/add_two is missing" in problems, problems
    assert "stray.py: not part of any exercise" in problems, problems
    assert "add_two__no_name.py: docstring needs a 'Rejected by: test_name' line" in problems, problems
    assert "add() must have `raise NotImplementedError` as body" in problems, problems
    assert "folder named in curriculum.toml is missing" in problems, problems  # the 'someday' kata


def test_bad_curriculum_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "curriculum.toml").write_text("[[tracks]\n", encoding="utf-8")
    with pytest.raises(catalog.CatalogError) as raised:
        catalog.load(tmp_path)
    assert "\n" not in str(raised.value) and "not valid TOML" in str(raised.value)
    with pytest.raises(catalog.CatalogError, match="did you mean 'failure_classes'"):
        catalog.load().exercise("failure_clases")


# ---------------------------------------------------------------------------------- learner state


def test_status_hash_follows_the_exercises_an_exercise_imports(tmp_path: Path) -> None:
    from katakit import state

    (tmp_path / "curriculum.toml").write_text(
        '[[tracks]]\nid = "t"\ntitle = "T"\n[[tracks.katas]]\nid = "k"\ntitle = "K"\nnote = "n.md"\n'
        '[[tracks.katas.exercises]]\nid = "base"\ntitle = "B"\ndifficulty = 1\n'
        '[[tracks.katas.exercises]]\nid = "user"\ntitle = "U"\ndifficulty = 1\n',
        encoding="utf-8",
    )
    kata = tmp_path / "katas" / "t" / "k"
    kata.mkdir(parents=True)
    (kata / "base.py").write_text("def f() -> int:\n    return 1\n", encoding="utf-8")
    (kata / "user.py").write_text("from katas.t.k.base import f\n", encoding="utf-8")
    (kata / "test_user.py").write_text("from katas.t.k.user import f\n", encoding="utf-8")
    user = catalog.load(tmp_path).exercise("user")
    before = state.work_hash(user)
    (kata / "base.py").write_text("def f() -> int:\n    return 2\n", encoding="utf-8")
    assert state.work_hash(user) != before, "editing an imported exercise must make the status stale"
