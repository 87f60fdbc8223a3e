"""Tests for module_loggers: a module logs through getLogger(__name__) and leaves configuration to the app."""

from __future__ import annotations

import logging

import pytest

from katakit.testkit import restore_logging  # noqa: F401  (a pytest fixture, used by name)
from katas.core_python.logging_setup.module_loggers import load_rows

pytestmark = pytest.mark.usefixtures("restore_logging")

MODULE = load_rows.__module__  # the module's own name, as __name__ is inside it


def test_records_come_from_the_module_logger(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    load_rows(["1", "x"])
    names = sorted({record.name for record in caplog.records})
    assert names == [MODULE], (
        f"records came from {names}, expected only {MODULE!r}: log through a module logger, "
        "`logger = logging.getLogger(__name__)`. Records from 'root' mean logging.error()/info() helpers, "
        "which cannot be filtered per module (and configure logging behind your back)."
    )


def test_bad_rows_are_logged_and_skipped(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    got = load_rows(["1", "x", "3"])
    assert got == [1, 3], f"expected [1, 3] (the bad row skipped), got {got!r}"
    errors = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert len(errors) == 1, f"expected one ERROR record for the bad row, got {len(errors)}"
    assert errors[0].exc_info is not None and errors[0].exc_info[0] is ValueError, (
        "the ERROR record has no traceback: use logger.exception(...) inside the except block"
    )
    assert errors[0].args == (1,), (
        f"record.args is {errors[0].args!r}, expected (1,): a %-template with the row index as argument "
        "(logger.exception('row %d is not an integer', index)), not an f-string"
    )
    infos = [r for r in caplog.records if r.levelno == logging.INFO]
    assert len(infos) == 1 and infos[0].args == (2, 1), (
        f"expected one INFO summary with its numbers as %-arguments, 2 loaded then 1 skipped, args (2, 1); "
        f"got {[(r.getMessage(), r.args) for r in infos]}"
    )


def test_library_code_configures_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    root = logging.getLogger()
    root.handlers.clear()  # an application that has not configured logging (yet); restored afterwards
    root.setLevel(logging.WARNING)
    load_rows(["x", "2"])
    capsys.readouterr()  # Python's last-resort handler may print the ERROR to stderr here: that is fine
    assert root.handlers == [] and root.level == logging.WARNING, (
        f"after load_rows, root has {root.handlers} at level {logging.getLevelName(root.level)}: a library "
        "module configured logging. basicConfig (also run implicitly by logging.error()/info() when root "
        "has no handlers) belongs to the application's entry point, once."
    )
    own = [h for h in logging.getLogger(MODULE).handlers if not isinstance(h, logging.NullHandler)]
    assert own == [], f"the module logger got handlers {own}: handlers are the application's decision"
    module_logger = logging.getLogger(MODULE)
    assert module_logger.level == logging.NOTSET, (
        f"the module logger's level is {logging.getLevelName(module_logger.level)}, expected NOTSET: a "
        "library that sets its own level overrides the application's choice (its WARNING, or a DEBUG for "
        "troubleshooting). Leave levels to the application, which sets them on root or by logger name."
    )


def test_nothing_is_printed(capsys: pytest.CaptureFixture[str]) -> None:
    load_rows(["1", "oops"])
    assert capsys.readouterr().out == "", "a module reports through its logger, never print()"
