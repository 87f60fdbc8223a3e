"""The learner's commands driven through `cli.main(argv)`, with a fake runner (no nested pytest)."""

from __future__ import annotations

import json
import threading
import time
from typing import Any

import pytest

from katakit import cli, runner
from katakit.catalog import Catalog
from katakit.state import State

TIME_LIMIT = (
    "Time limit of 5s exceeded: the test did not finish, so something waits forever (a lock, a semaphore, "
    "an event nobody sets, a blocking call).\nasyncio tasks still waiting:\n"
    "  task 'Task-1' waiting at {root}/katas/basics/sums/add_two.py:6 in add\n"
    "  task 'worker' waiting at {root}/katas/basics/sums/add_two.py:9 in helper"
)


def _err(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1, f"bad input gets ONE line; got {err!r}"
    return err


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["lsit"], "unknown command 'lsit'; did you mean 'kata list'?"),
        (["wacth"], "did you mean 'kata watch'?"),
        (["run", "add_tow"], "unknown exercise 'add_tow'; did you mean 'add_two'?"),
        (["run", "add"], "did you mean 'add_two'?"),
        (["hint", "ad_many"], "did you mean 'add_many'?"),
        (["reset", "add_tw", "--yes"], "did you mean 'add_two'?"),
        (["solution", "add_mny"], "did you mean 'add_many'?"),
        (["list", "--jsn"], "did you mean '--json'?"),
        (["run"], "the following arguments are required: exercise"),
        (["run", "ghost"], "'ghost' has no stub or test file yet"),
    ],
)
def test_bad_input_is_one_line_with_the_closest_name(
    tiny: Catalog, capsys: pytest.CaptureFixture[str], argv: list[str], expected: str
) -> None:
    assert cli.main(argv) == 2
    assert expected in _err(capsys)


def test_list_json_and_table(tiny: Catalog, capsys: pytest.CaptureFixture[str], fake_runs: Any) -> None:
    calls = fake_runs({"add_two": [("test_small", "pass", ""), ("test_negative", "fail", "no")]})
    two = tiny.exercise("add_two")
    two.stub.write_text("def add(a, b):\n    return a + b if a > 0 else 0\n")
    assert cli.main(["list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert calls == [["add_two"]], "an edited exercise is re-run (once) before its status is shown"
    assert [(r["exercise"], r["status"]) for r in rows] == [
        ("add_two", "failing"),
        ("add_many", "not started"),
        ("ghost", "unavailable"),
    ]
    assert rows[0] | {"title": ""} == {
        "track": "basics",
        "kata": "sums",
        "exercise": "add_two",
        "title": "",
        "difficulty": 1,
        "status": "failing",
        "passed": 1,
        "total": 2,
    }
    assert cli.main(["list"]) == 0
    out = capsys.readouterr().out
    assert calls == [["add_two"]], "unchanged since the last run: no new run"
    assert "→ basics" in out and "failing (1/2)" in out and "not started" in out
    assert "Progress [" in out and "0/2 exercises done" in out


def test_default_command_shows_the_first_failure(
    tiny: Catalog, capsys: pytest.CaptureFixture[str], fake_runs: Any
) -> None:
    fake_runs({"add_two": [("test_small", "fail", "AssertionError: add(1, 2) should be 3; got 0")]})
    assert cli.main([]) == 1
    out = capsys.readouterr().out
    assert "basics" in out and "0/2  done" in out, "a bar and counts per track"
    assert "test_small" in out and "add(1, 2) should be 3; got 0" in out, "the test's own message"
    assert "edit:  katas/basics/sums/add_two.py:4" in out, "the function the failing test calls"
    assert "hint:  kata hint add_two" in out


def test_default_command_moves_past_a_passing_exercise(
    tiny: Catalog, capsys: pytest.CaptureFixture[str], fake_runs: Any
) -> None:
    tiny.exercise("add_two").stub.write_text("def add(a, b):\n    return a + b\n")
    calls = fake_runs({"add_two": [("test_small", "pass", "")], "add_many": [("test_empty", "fail", "no")]})
    assert cli.main([]) == 1
    out = capsys.readouterr().out
    assert "✓ add_two passes now." in out and "▶ add_many" in out
    assert calls == [["add_two"], ["add_many"]]


def test_time_limit_message_is_shown_whole(tiny: Catalog, capsys: pytest.CaptureFixture[str]) -> None:
    ex = tiny.exercise("add_two")
    message = TIME_LIMIT.format(root=tiny.root)
    result = runner.ExerciseRun(ex, [runner.TestResult("test_small", "fail", message)])
    cli.show_run(tiny, result, State.load(tiny))
    out = capsys.readouterr().out
    assert "Time limit of 5s exceeded" in out
    assert "task 'Task-1' waiting at katas/basics/sums/add_two.py:6 in add" in out, "clickable, relative"
    assert "task 'worker' waiting at katas/basics/sums/add_two.py:9 in helper" in out


def test_import_error_points_at_the_line(tiny: Catalog, capsys: pytest.CaptureFixture[str]) -> None:
    ex = tiny.exercise("add_two")
    message = (
        "katas/basics/sums/add_two.py:3: SyntaxError: invalid syntax\nThe module ... could not be imported"
    )
    cli.show_run(
        tiny, runner.ExerciseRun(ex, [runner.TestResult("test_small", "error", message)]), State.load(tiny)
    )
    assert "edit:  katas/basics/sums/add_two.py:3" in capsys.readouterr().out


def test_watch_moves_on_and_ctrl_c_exits_130(
    tiny: Catalog, capsys: pytest.CaptureFixture[str], fake_runs: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    tiny.exercise("add_two").stub.write_text("def add(a, b):\n    return a + b\n")
    calls = fake_runs({"add_two": [("test_small", "pass", "")], "add_many": [("test_empty", "fail", "no")]})
    waited = []

    def interrupted(ex: Any, **kwargs: Any) -> None:
        waited.append(ex.id)
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "wait_for_change", interrupted)
    assert cli.main(["watch", "add_two"]) == 130
    captured = capsys.readouterr()
    assert "✓ add_two passes. Moving on to add_many." in captured.out
    assert calls == [["add_two"], ["add_many"]] and waited == ["add_many"]
    assert captured.err.strip() == "kata: stopped.", "no traceback"


def test_interrupted_run_exits_130(
    tiny: Catalog, capsys: pytest.CaptureFixture[str], monkeypatch: Any
) -> None:
    def interrupted(*args: Any, **kwargs: Any) -> Any:
        raise KeyboardInterrupt

    monkeypatch.setattr(runner, "run", interrupted)
    assert cli.main(["run", "add_two"]) == 130
    assert "Traceback" not in capsys.readouterr().err


def test_wait_for_change_polls(tiny: Catalog, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KATA_WATCH_POLL", "1")
    ex = tiny.exercise("add_two")

    def save() -> None:
        time.sleep(0.03)
        ex.stub.write_text(ex.stub.read_text() + "# saved\n")

    saver = threading.Thread(target=save)
    started = time.perf_counter()
    saver.start()
    cli.wait_for_change(ex, poll_seconds=0.01)
    saver.join()
    assert time.perf_counter() - started < 1.0


def test_everything_done(tiny: Catalog, capsys: pytest.CaptureFixture[str], fake_runs: Any) -> None:
    state = State.load(tiny)
    for ex in tiny.exercises[:2]:
        ex.stub.write_text(ex.solution.read_text())
        state.record(ex, 1, 1)
    state.save()
    calls = fake_runs({})
    assert cli.main([]) == 0
    assert "Every exercise passes" in capsys.readouterr().out and calls == []


def test_corrupt_state_is_rebuilt_from_runs(
    tiny: Catalog, capsys: pytest.CaptureFixture[str], fake_runs: Any
) -> None:
    (tiny.root / ".kata").mkdir()
    (tiny.root / ".kata" / "state.json").write_text("\x00garbage")
    tiny.exercise("add_two").stub.write_text("def add(a, b):\n    return a + b\n")
    calls = fake_runs({"add_two": [("test_small", "pass", ""), ("test_negative", "pass", "")]})
    assert cli.main(["list"]) == 0
    out = capsys.readouterr().out
    assert "rebuilt" in out and calls == [["add_two"]]
    assert (
        json.loads((tiny.root / ".kata" / "state.json").read_text())["exercises"]["add_two"]["status"]
        == "done"
    )
