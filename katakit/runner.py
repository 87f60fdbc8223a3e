"""Run exercises' tests in this process and collect one record per test (for the CLI and grading).

One call to `run` is one pytest session, however many exercises it is given: `kata grade` runs the whole
curriculum at once, `kata watch` calls it again after every save (learner modules are forgotten first,
so the edited file is what the next run imports).
"""

from __future__ import annotations

import contextlib
import importlib.util
import inspect
import io
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from katakit.catalog import Catalog, Exercise, relative
from katakit.plugin import ExerciseImportError

OUTPUT_CAP = 4000  # characters of captured output kept per test (ini option `kata_output_cap`)


@dataclass
class TestResult:
    __test__ = False  # not a test class, though its name says so

    name: str
    status: str  # "pass" | "fail" | "error" | "skip"
    message: str = ""
    output: str = ""
    seconds: float = 0.0
    test_code: str = ""
    location: str = ""  # path:line of the most relevant place (learner code first)
    test_location: str = ""  # path:line in the test file where it failed (the assertion)

    @property
    def function(self) -> str:
        """`test_x` for `test_x[param]` and `TestY::test_x`: the name hint files key on."""
        return self.name.split("[")[0].split("::")[-1]


@dataclass
class ExerciseRun:
    exercise: Exercise
    tests: list[TestResult] = field(default_factory=list)
    seconds: float = 0.0
    error: str = ""  # the tests could not be collected or run at all

    @property
    def passed(self) -> int:
        return 0 if self.error else sum(t.status == "pass" for t in self.tests)

    @property
    def ok(self) -> bool:
        return not self.error and bool(self.tests) and all(t.status in ("pass", "skip") for t in self.tests)

    @property
    def first_failure(self) -> TestResult | None:
        return next((t for t in self.tests if t.status in ("fail", "error")), None)

    @property
    def failing(self) -> list[str]:
        """Names of the failing tests, in file order."""
        return [t.name for t in self.tests if t.status in ("fail", "error")]


def cap_output(text: str, cap: int = OUTPUT_CAP) -> str:
    """Keep the first `cap` characters of captured output and say how much was cut."""
    if len(text) <= cap:
        return text
    return text[:cap] + f"\n... [output truncated: {len(text) - cap} more characters not shown]"


class _Recorder:
    """Registered as a plugin for the session: one TestResult per collected test."""

    def __init__(self, cat: Catalog, exercises: list[Exercise]) -> None:
        self.cat = cat
        self.by_test = {ex.test.resolve(): ExerciseRun(ex) for ex in exercises}
        self.results: dict[str, TestResult] = {}
        self.cap = OUTPUT_CAP
        self.interrupted = False

    def _run_for(self, path: Path) -> ExerciseRun | None:
        return self.by_test.get(Path(path).resolve())

    def pytest_configure(self, config: Any) -> None:
        # Without the terminal plugin nothing prints the long traceback pytest would build for every
        # failure; the one-line style is several times cheaper. Messages and places come from the
        # exception itself (pytest_runtest_makereport below).
        config.option.tbstyle = "line"
        with contextlib.suppress(ValueError, KeyError):
            self.cap = int(config.getini("kata_output_cap"))

    def pytest_keyboard_interrupt(self, excinfo: Any) -> None:
        # pytest reports its own "stop the session" (pytest.Session.Interrupted, e.g. after -x) the
        # same way as Ctrl-C; only the real one should stop the CLI
        if not isinstance(excinfo.value, pytest.Session.Interrupted):
            self.interrupted = True

    def pytest_collectreport(self, report: Any) -> None:
        if report.failed:
            run = self._run_for(Path(self.cat.root, report.nodeid.split("::")[0]))
            if run is not None:
                run.error = _collection_error(str(report.longrepr))

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

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(self, item: Any, call: Any) -> Any:
        report = yield
        result = self.results.get(item.nodeid)
        if result is not None and report.failed and call.excinfo is not None and not result.message:
            result.message, result.location, result.test_location = _describe(
                call.excinfo, self.cat.root, Path(item.path)
            )
        return report

    def pytest_runtest_logreport(self, report: Any) -> None:
        result = self.results.get(report.nodeid)
        if result is None:
            return
        result.seconds += report.duration
        # each phase's report carries the output of the phases before it: the last one has it all
        output = "".join(text for name, text in report.sections if "stdout" in name or "stderr" in name)
        if output:
            result.output = cap_output(output, self.cap)
        if report.skipped and result.status == "pass":
            result.status = "skip"
            result.message = str(report.longrepr[-1]) if isinstance(report.longrepr, tuple) else ""
        elif report.failed and result.status in ("pass", "skip"):
            result.status = "fail" if report.when == "call" else "error"
            if not result.message:
                result.message = _longrepr_message(report.longrepr)


def _describe(excinfo: Any, root: Path, test_file: Path) -> tuple[str, str, str]:
    """The failure's own message, the learner's line it came from, and the test's line."""
    location = test_location = function = ""
    root_prefix = str(root.resolve()) + os.sep
    test_name = str(test_file.resolve())
    tb = excinfo.tb
    while tb is not None:  # raw frames: pytest's Traceback resolves ~30 pytest/pluggy paths per failure
        code = tb.tb_frame.f_code
        if code.co_filename == test_name:
            test_location = f"{relative(code.co_filename, root)}:{tb.tb_lineno}"
        elif code.co_filename.startswith(root_prefix + "katas" + os.sep) and not Path(
            code.co_filename
        ).name.startswith("test_"):
            location = f"{relative(code.co_filename, root)}:{tb.tb_lineno}"  # innermost learner frame wins
            function = getattr(code, "co_qualname", code.co_name)
        tb = tb.tb_next
    if isinstance(excinfo.value, NotImplementedError) and not str(excinfo.value):
        what = f"`{function}`" if function and location else "this part of the exercise"
        message = f"NotImplementedError: {what} is not written yet."
    elif isinstance(excinfo.value, (pytest.fail.Exception, ExerciseImportError)):
        message = str(excinfo.value)  # pytest.fail(...): the message is the whole point
    else:
        message = excinfo.exconly(tryshort=True)
    return message.strip(), location, test_location


def _collection_error(text: str) -> str:
    """pytest's `E   ...` lines of a collection error (the error itself), else its last lines."""
    lines = text.strip().splitlines()
    errors = [line[1:].strip() for line in lines if line.startswith("E ")]
    places = [line for line in lines if line.startswith("katas/") and ".py:" in line]
    return "\n".join([*places[-1:], *errors] if errors else lines[-10:])


def _longrepr_message(longrepr: Any) -> str:
    crash = getattr(longrepr, "reprcrash", None)
    return str(crash.message if crash is not None else longrepr).strip()


def forget_learner_modules(exercises: list[Exercise] | None = None) -> None:
    """Drop imported kata modules so the next run sees the files as they are now.

    Also drops the bytecode cached for the given exercises' files: Python trusts a .pyc whose source has
    the same size and modification second, which two quick saves in watch mode can produce.
    """
    for name in [n for n in sys.modules if n == "katas" or n.startswith("katas.")]:
        del sys.modules[name]
    for ex in exercises or []:
        with contextlib.suppress(OSError, NotImplementedError, ValueError):
            Path(importlib.util.cache_from_source(str(ex.stub))).unlink(missing_ok=True)
    importlib.invalidate_caches()


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
    """Run the tests of `exercises` (in curriculum and file order) in ONE pytest session.

    Raises KeyboardInterrupt when the session was interrupted (pytest itself swallows it).
    """
    forget_learner_modules(exercises)
    recorder = _Recorder(cat, exercises)
    present = [ex for ex in exercises if ex.test.exists()]
    for ex in exercises:
        if not ex.test.exists():
            recorder.by_test[ex.test.resolve()].error = f"{relative(str(ex.test), cat.root)} is missing"
    started = time.perf_counter()
    sink = io.StringIO()
    if present:
        # one broken test file must not stop the others from running
        args = [*base_args(cat), "--continue-on-collection-errors", *(extra_args or [])]
        args += [str(ex.test) for ex in present]
        with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
            code = pytest.main(args, plugins=[recorder])
        if recorder.interrupted:
            raise KeyboardInterrupt
        if code in (pytest.ExitCode.INTERNAL_ERROR, pytest.ExitCode.USAGE_ERROR):
            lines = sink.getvalue().strip().splitlines()
            detail = next((line for line in lines if "error" in line.lower()), lines[-1] if lines else "")
            for ex in present:
                recorder.by_test[ex.test.resolve()].error = f"pytest could not run ({code.name}): {detail}"
    runs = list(recorder.by_test.values())
    elapsed = time.perf_counter() - started
    for r in runs:
        r.seconds = sum(t.seconds for t in r.tests) or elapsed / max(len(runs), 1)
    return runs
