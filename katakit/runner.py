"""Run exercises' tests in this process and collect one record per test (for the CLI and grading)."""

from __future__ import annotations

import contextlib
import inspect
import io
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from katakit.catalog import Catalog, Exercise

OUTPUT_CAP = 4000  # characters of captured output kept per test


@dataclass
class TestResult:
    name: str
    status: str  # "pass" | "fail" | "error" | "skip"
    message: str = ""
    output: str = ""
    seconds: float = 0.0
    test_code: str = ""
    location: str = ""  # path:line of the most relevant place (learner code first)


@dataclass
class ExerciseRun:
    exercise: Exercise
    tests: list[TestResult] = field(default_factory=list)
    seconds: float = 0.0
    error: str = ""  # collection failed

    @property
    def passed(self) -> int:
        return sum(t.status == "pass" for t in self.tests)

    @property
    def ok(self) -> bool:
        return not self.error and bool(self.tests) and all(t.status in ("pass", "skip") for t in self.tests)

    @property
    def first_failure(self) -> TestResult | None:
        return next((t for t in self.tests if t.status in ("fail", "error")), None)


def cap_output(text: str, cap: int = OUTPUT_CAP) -> str:
    if len(text) <= cap:
        return text
    return text[:cap] + f"\n... [output truncated: {len(text) - cap} more characters not shown]"


class _Recorder:
    def __init__(self, cat: Catalog, exercises: list[Exercise]) -> None:
        self.cat = cat
        self.by_test = {ex.test.resolve(): ExerciseRun(ex) for ex in exercises}
        self.results: dict[str, TestResult] = {}

    def _run_for(self, path: Path) -> ExerciseRun | None:
        return self.by_test.get(Path(path).resolve())

    def pytest_collectreport(self, report: Any) -> None:
        if report.failed:
            run = self._run_for(Path(self.cat.root, report.nodeid.split("::")[0]))
            if run is not None:
                run.error = str(report.longrepr)

    def pytest_itemcollected(self, item: Any) -> None:
        run = self._run_for(item.path)
        if run is None:
            return
        code = ""
        func = getattr(item, "function", None)
        if func is not None:
            with contextlib.suppress(OSError, TypeError):
                code = inspect.getsource(func)
        result = TestResult(name=item.nodeid.split("::", 1)[1], status="pass", test_code=code)
        self.results[item.nodeid] = result
        run.tests.append(result)

    def pytest_runtest_logreport(self, report: Any) -> None:
        result = self.results.get(report.nodeid)
        if result is None:
            return
        result.seconds += report.duration
        output = "".join(text for name, text in report.sections if "stdout" in name or "stderr" in name)
        if output:
            result.output = cap_output(output)
        if report.skipped and result.status == "pass":
            result.status = "skip"
            result.message = str(report.longrepr[-1]) if isinstance(report.longrepr, tuple) else ""
        elif report.failed and result.status in ("pass", "skip"):
            result.status = "fail" if report.when == "call" else "error"
            result.message, result.location = _describe(report, self.cat.root)


def _describe(report: Any, root: Path) -> tuple[str, str]:
    longrepr = report.longrepr
    if isinstance(longrepr, str):
        return longrepr.strip(), ""
    crash = getattr(longrepr, "reprcrash", None)
    message = crash.message if crash is not None else str(longrepr)
    location = f"{_rel(crash.path, root)}:{crash.lineno}" if crash is not None else ""
    entries = getattr(getattr(longrepr, "reprtraceback", None), "reprentries", [])
    for entry in reversed(entries):
        loc = getattr(entry, "reprfileloc", None)
        if loc is not None and "/katas/" in f"/{_rel(loc.path, root)}" and "/test_" not in loc.path:
            location = f"{_rel(loc.path, root)}:{loc.lineno}"
            break
    if message.startswith("NotImplementedError"):
        message = "NotImplementedError: this part of the exercise is not written yet."
    return message.strip(), location


def _rel(path: str, root: Path) -> str:
    try:
        return Path(path).resolve().relative_to(root).as_posix()
    except ValueError:
        return path


def forget_learner_modules() -> None:
    """Drop imported kata modules so the next run sees the files as they are now."""
    for name in [n for n in sys.modules if n == "katas" or n.startswith("katas.")]:
        del sys.modules[name]


def base_args(cat: Catalog) -> list[str]:
    """pytest options for an in-process session driven by the CLI (which prints its own report)."""
    return [
        "-p",
        "no:terminal",
        "-p",
        "no:cacheprovider",
        "--rootdir",
        str(cat.root),
        # the CLI imported the plugin already; pytest cannot rewrite its asserts, and need not
        "-W",
        "ignore::pytest.PytestAssertRewriteWarning",
    ]


def run(cat: Catalog, exercises: list[Exercise], extra_args: list[str] | None = None) -> list[ExerciseRun]:
    """Run the tests of `exercises` (in curriculum and file order) in one pytest session."""
    forget_learner_modules()
    recorder = _Recorder(cat, exercises)
    args = [*base_args(cat), *(extra_args or []), *[str(ex.test) for ex in exercises]]
    started = time.perf_counter()
    sink = io.StringIO()
    with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
        pytest.main(args, plugins=[recorder])
    runs = list(recorder.by_test.values())
    elapsed = time.perf_counter() - started
    for r in runs:
        r.seconds = sum(t.seconds for t in r.tests) or elapsed / max(len(runs), 1)
    return runs
