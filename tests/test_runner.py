"""Pieces of the in-process runner that need no pytest session of their own."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from katakit import runner
from katakit.catalog import Catalog


def test_collection_error_keeps_the_error_lines() -> None:
    text = (
        "/venv/_pytest/python.py:528: in importtestmodule\n    mod = import_path(\n"
        "katas/b/s/test_x.py:1: in <module>\n    import nope\n"
        "E   ModuleNotFoundError: No module named 'nope'"
    )
    assert runner._collection_error(text) == (
        "katas/b/s/test_x.py:1: in <module>\nModuleNotFoundError: No module named 'nope'"
    )
    assert runner._collection_error("just one line") == "just one line"


def test_only_a_real_ctrl_c_stops_the_cli(tiny: Catalog) -> None:
    recorder = runner._Recorder(tiny, tiny.exercises[:1])
    recorder.pytest_keyboard_interrupt(SimpleNamespace(value=pytest.Session.Interrupted("1 error")))
    assert not recorder.interrupted, "pytest's own stop (collection errors) is not the learner's Ctrl-C"
    recorder.pytest_keyboard_interrupt(SimpleNamespace(value=KeyboardInterrupt()))
    assert recorder.interrupted


def test_results_know_their_first_failure(tiny: Catalog) -> None:
    run = runner.ExerciseRun(
        tiny.exercise("add_two"),
        [
            runner.TestResult("test_small", "pass"),
            runner.TestResult("TestX::test_negative[-1]", "fail", "no"),
            runner.TestResult("test_last", "error", "boom"),
        ],
    )
    assert not run.ok and run.passed == 1
    assert run.first_failure is not None and run.first_failure.function == "test_negative"
    assert run.failing == ["TestX::test_negative[-1]", "test_last"]
    assert runner.ExerciseRun(tiny.exercise("add_two"), [], error="x").passed == 0


def test_forget_learner_modules_drops_modules_and_stale_bytecode(
    tiny: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_modules = dict(sys.modules)  # never touch the real table: this session has kata modules loaded
    fake_modules["katas.basics.sums.add_two"] = SimpleNamespace()  # type: ignore[assignment]
    fake_modules["katas_unrelated"] = SimpleNamespace()  # type: ignore[assignment]
    monkeypatch.setattr(sys, "modules", fake_modules)
    ex = tiny.exercise("add_two")
    pyc = Path(importlib.util.cache_from_source(str(ex.stub)))
    pyc.parent.mkdir(exist_ok=True)
    pyc.write_bytes(b"stale")
    runner.forget_learner_modules([ex])
    assert "katas.basics.sums.add_two" not in fake_modules and "katas_unrelated" in fake_modules
    assert not pyc.exists(), "a .pyc with the same size and second as the edit would be trusted"
