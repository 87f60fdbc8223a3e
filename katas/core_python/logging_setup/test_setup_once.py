"""Tests for setup_once: configure root once, replace only your own handlers, leave everyone else's alone."""

from __future__ import annotations

import io
import logging
from pathlib import Path

import pytest

from katakit.testkit import restore_logging  # noqa: F401  (a pytest fixture, used by name)
from katas.core_python.logging_setup.setup_once import HANDLER_TAG, setup_logging

pytestmark = pytest.mark.usefixtures("restore_logging")


@pytest.fixture(autouse=True)
def working_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run from an empty folder of our own, so a file opened by a relative path lands there."""
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    return cwd


def lines(stream: io.StringIO) -> list[str]:
    return stream.getvalue().splitlines()


def own_handlers() -> list[logging.Handler]:
    return [h for h in logging.getLogger().handlers if (h.get_name() or "").startswith(HANDLER_TAG)]


def test_console_lines_use_the_format() -> None:
    stream = io.StringIO()
    setup_logging(stream=stream)
    logging.getLogger("shop.api").info("hi")
    got = lines(stream)
    assert len(got) == 1 and got[0].endswith("[INFO] shop.api: hi"), (
        f"the console stream holds {got!r}, expected one line ending in '[INFO] shop.api: hi'. If it is "
        "empty: under pytest (and under most frameworks) root already has handlers, so 'if root.handlers: "
        "return' means setup never runs. Recognise your own handlers (by HANDLER_TAG) instead."
    )


def test_custom_format_is_used(tmp_path: Path) -> None:
    stream = io.StringIO()
    log_file = tmp_path / "app.log"
    setup_logging(stream=stream, log_file=log_file, fmt="%(levelname)s|%(name)s|%(message)s")
    logging.getLogger("shop.api").warning("custom")
    written = log_file.read_text(encoding="utf-8").splitlines()
    assert (lines(stream), written) == (["WARNING|shop.api|custom"], ["WARNING|shop.api|custom"]), (
        f"with fmt='%(levelname)s|%(name)s|%(message)s' the console holds {lines(stream)!r} and the file "
        f"{written!r}, expected ['WARNING|shop.api|custom'] in both: build every handler's Formatter from "
        "the `fmt` argument, not from DEFAULT_FORMAT"
    )


def test_second_call_replaces_its_own_handlers(tmp_path: Path) -> None:
    stream = io.StringIO()
    log_file = tmp_path / "app.log"
    setup_logging(stream=stream, log_file=log_file)
    first_file = [h for h in own_handlers() if isinstance(h, logging.FileHandler)]
    setup_logging(stream=stream, log_file=log_file)
    assert first_file and all(h.stream is None for h in first_file), (
        "the first call's file handler is still open after the second call replaced it: removeHandler() "
        "only detaches it; call handler.close() too, or every reconfiguration leaks an open file"
    )
    logging.getLogger("shop.api").warning("once")
    assert len(lines(stream)) == 1, (
        f"one message produced {len(lines(stream))} console lines: the second call added its handlers next "
        "to the first call's. Remove (and close) the handlers you installed before adding new ones."
    )
    written = log_file.read_text(encoding="utf-8").splitlines()
    assert len(written) == 1 and written[0].endswith("[WARNING] shop.api: once"), (
        f"the log file holds {written!r}"
    )
    assert len(own_handlers()) == 2, (
        f"root has {len(own_handlers())} handlers named '{HANDLER_TAG}...', expected 2 (console and file)"
    )


def test_reconfiguring_takes_effect() -> None:
    stream = io.StringIO()
    setup_logging(level="INFO", stream=stream)
    setup_logging(level="DEBUG", stream=stream)
    logging.getLogger("shop.api").debug("details")
    assert any(line.endswith("[DEBUG] shop.api: details") for line in lines(stream)), (
        f"after setup_logging(level='DEBUG') the DEBUG message is missing ({lines(stream)!r}): the second "
        "call was ignored. That is what basicConfig does once root has any handler; configure root yourself."
    )


def test_log_file_lands_exactly_where_asked(tmp_path: Path, working_dir: Path) -> None:
    elsewhere = working_dir
    log_file = tmp_path / "logs" / "app.log"  # its folder does not exist yet
    setup_logging(stream=io.StringIO(), log_file=log_file)
    logging.getLogger("shop.api").warning("to the file")
    assert log_file.exists(), (
        f"{log_file} was not created: create the parent folder (mkdir(parents=True, exist_ok=True)) and "
        "open exactly the path you were given"
    )
    assert "to the file" in log_file.read_text(encoding="utf-8"), "the message is missing from the log file"
    assert list(elsewhere.iterdir()) == [], (
        f"files appeared in the working directory: {[p.name for p in elsewhere.iterdir()]}. A relative path "
        "lands wherever the process was started."
    )


def test_foreign_handlers_survive(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING)
    setup_logging(stream=io.StringIO())
    logging.getLogger("shop.api").warning("still captured")
    assert any(r.getMessage() == "still captured" for r in caplog.records), (
        "pytest's caplog handler no longer sees records: setup removed handlers it did not install. "
        "basicConfig(force=True) removes every root handler; remove only the ones tagged as yours."
    )


def test_existing_loggers_keep_working() -> None:
    early = logging.getLogger("shop.early")  # created at import time, before the app configures logging
    stream = io.StringIO()
    setup_logging(stream=stream)
    early.warning("still here")
    assert not early.disabled, (
        "a logger that existed before setup was disabled: dictConfig does that unless you pass "
        "disable_existing_loggers=False"
    )
    assert any(line.endswith("shop.early: still here") for line in lines(stream)), (
        f"stream holds {lines(stream)!r}"
    )
