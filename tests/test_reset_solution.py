"""`kata reset` restores pristine stubs (no git) after a y/N question, backing the learner's file up;
`kata solution` shows the reference only once the exercise passes, or when forced."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from katakit import cli, manifest
from katakit.catalog import Catalog, Exercise
from katakit.state import State


def solve(ex: Exercise) -> None:
    ex.stub.write_text(ex.solution.read_text(encoding="utf-8"), encoding="utf-8")


def _backups(cat: Catalog) -> list[Path]:
    return sorted((cat.root / ".kata" / "backups").rglob("*.py"))


def test_reset_restores_and_keeps_a_backup(tiny: Catalog, capsys: pytest.CaptureFixture[str]) -> None:
    ex = tiny.exercise("add_two")
    mine = "def add(a, b):\n    return a - b  # my attempt\n"
    ex.stub.write_text(mine)
    state = State.load(tiny)
    state.record(ex, 0, 2, "test_small")
    state.save()
    assert cli.main(["reset", "add_two", "--yes"]) == 0
    assert ex.stub.read_text() == manifest.pristine_stub(tiny, ex)
    [backup] = _backups(tiny)
    assert backup.read_text() == mine
    assert (
        backup.relative_to(tiny.root / ".kata" / "backups").parts[1:] == ex.stub.relative_to(tiny.root).parts
    )
    assert "add_two" not in State.load(tiny).exercises, "the old result no longer describes the file"
    assert str(backup.relative_to(tiny.root)) in capsys.readouterr().out


@pytest.mark.parametrize("answer", ["n\n", "\n", ""])  # no, just Enter, end of input
def test_reset_asks_and_defaults_to_no(
    tiny: Catalog, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], answer: str
) -> None:
    ex = tiny.exercise("add_two")
    ex.stub.write_text("mine\n")
    monkeypatch.setattr("sys.stdin", io.StringIO(answer))
    assert cli.main(["reset", "add_two"]) == 1
    assert ex.stub.read_text() == "mine\n" and _backups(tiny) == []
    assert "[y/N]" in capsys.readouterr().out


def test_reset_all_after_yes(tiny: Catalog, monkeypatch: pytest.MonkeyPatch) -> None:
    for ex in tiny.exercises[:2]:
        solve(ex)
    monkeypatch.setattr("sys.stdin", io.StringIO("y\n"))
    assert cli.main(["reset", "--all"]) == 0
    assert all(ex.stub.read_text() == manifest.pristine_stub(tiny, ex) for ex in tiny.exercises[:2])
    assert len(_backups(tiny)) == 2
    assert cli.main(["reset", "--all", "--yes"]) == 0, "nothing left to reset is not an error"
    assert len(_backups(tiny)) == 2


def test_reset_needs_a_name(tiny: Catalog, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["reset"]) == 2
    assert "--all" in capsys.readouterr().err


def test_solution_waits_until_the_exercise_passes(tiny: Catalog, capsys: pytest.CaptureFixture[str]) -> None:
    ex = tiny.exercise("add_two")
    ex.stub.write_text("def add(a, b):\n    return 0\n")
    state = State.load(tiny)
    state.record(ex, 0, 2, "test_small")
    state.save()
    assert cli.main(["solution", "add_two"]) == 1
    captured = capsys.readouterr()
    assert "return a + b" not in captured.out and "--force" in captured.err
    assert cli.main(["solution", "add_two", "--force"]) == 0
    assert "return a + b" in capsys.readouterr().out


def test_solution_once_done_and_as_diff(tiny: Catalog, capsys: pytest.CaptureFixture[str]) -> None:
    ex = tiny.exercise("add_two")
    ex.stub.write_text("def add(a: int, b: int) -> int:\n    return b + a\n")
    state = State.load(tiny)
    state.record(ex, 2, 2)
    state.save()
    assert cli.main(["solution", "add_two"]) == 0
    assert "return a + b" in capsys.readouterr().out
    assert cli.main(["solution", "add_two", "--diff"]) == 0
    out = capsys.readouterr().out
    assert "-    return b + a" in out and "+    return a + b" in out and "(yours)" in out
