"""Tests for component_files: a rotating file per component via the hierarchy, with propagation kept."""

from __future__ import annotations

import io
import logging
from pathlib import Path

import pytest

from katakit.testkit import restore_logging  # noqa: F401  (a pytest fixture, used by name)
from katas.core_python.logging_setup.component_files import attach_component_file

pytestmark = pytest.mark.usefixtures("restore_logging")


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8") if path.exists() else ""


def console_on_root(level: int = logging.INFO) -> io.StringIO:
    """The application's console: a handler on root at `level` (what setup_logging installs)."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setLevel(level)
    logging.getLogger().addHandler(handler)
    return stream


def test_component_and_children_write_to_their_file(tmp_path: Path) -> None:
    attach_component_file("shop.data", tmp_path)
    logging.getLogger("shop.data.load").info("loaded 3 rows")
    logging.getLogger("shop.model.train").warning("epoch done")
    text = read(tmp_path / "data.log")
    assert "loaded 3 rows" in text, (
        f"data.log holds {text!r}: a record of shop.data.load must reach the handler on its ancestor "
        "shop.data. If data.log was never written, a `hasHandlers()` guard saw root's handlers (it checks "
        "every ancestor) and skipped the attach: look at logger.handlers instead."
    )
    assert "epoch done" not in text, (
        "shop.model.train is not part of shop.data: its record must stay out of data.log"
    )


def test_records_still_reach_root(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    console = console_on_root()
    attach_component_file("shop.data", tmp_path)
    logging.getLogger("shop.data.load").warning("disk almost full")
    assert "disk almost full" in read(tmp_path / "data.log"), "the record must be in data.log"
    assert "disk almost full" in console.getvalue() and any(
        r.getMessage() == "disk almost full" for r in caplog.records
    ), (
        "the record reached data.log but not root's handlers (the console, caplog): keep propagate=True, so "
        "the component file comes on top of the universal log instead of replacing it"
    )


def test_attaching_twice_reuses_the_handler(tmp_path: Path) -> None:
    first = attach_component_file("shop.data", tmp_path)
    second = attach_component_file("shop.data", tmp_path)
    handlers = logging.getLogger("shop.data").handlers
    assert second is first and len(handlers) == 1, (
        f"shop.data has {len(handlers)} handlers after two attaches (same one returned: {second is first}): "
        "every record would be written twice. Find your existing handler in logger.handlers (same "
        "baseFilename) and return it."
    )
    logging.getLogger("shop.data").warning("once")
    assert read(tmp_path / "data.log").count("once") == 1, "one record, one line"
    elsewhere = attach_component_file("shop.data", tmp_path / "audit")
    assert elsewhere is not first, (
        "attaching shop.data to another folder returned the handler of the first folder: reuse a handler "
        "only when it writes to the same file (compare baseFilename with the path you would open)"
    )
    logging.getLogger("shop.data").warning("twice")
    assert "twice" in read(tmp_path / "audit" / "data.log"), "the second folder's data.log must get records"


def test_file_rotates_and_keeps_backups(tmp_path: Path) -> None:
    attach_component_file("shop.data", tmp_path, max_bytes=200, backup_count=2)
    log = logging.getLogger("shop.data")
    for n in range(50):
        log.info("record number %02d of the rotation test", n)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["data.log", "data.log.1", "data.log.2"], (
        f"the folder holds {names}: expected data.log plus exactly 2 backups. A plain FileHandler grows "
        "forever until the disk is full; use logging.handlers.RotatingFileHandler(maxBytes=, backupCount=)."
    )


def test_debug_goes_to_the_file_not_everywhere(tmp_path: Path) -> None:
    root = logging.getLogger()
    root.setLevel(logging.WARNING)
    console = console_on_root(logging.INFO)
    attach_component_file("shop.data", tmp_path, level=logging.DEBUG)
    logging.getLogger("shop.data.load").debug("row 7 parsed")
    assert "row 7 parsed" in read(tmp_path / "data.log"), (
        "a DEBUG record of shop.data.load is missing from data.log: lower the component logger's level "
        "(root's WARNING drops DEBUG records before any handler sees them)"
    )
    assert "row 7 parsed" not in console.getvalue(), "the console handler (INFO) must not show DEBUG lines"
    assert root.level == logging.WARNING, (
        f"root's level became {logging.getLevelName(root.level)}: every library's DEBUG records (httpx, "
        "asyncio, ...) are now created and sent to every root handler. Set the level on the component "
        "logger and on its handler, not on root."
    )


def test_level_filters_the_file_not_the_logger(tmp_path: Path) -> None:
    logging.getLogger().setLevel(logging.DEBUG)
    console = console_on_root(logging.DEBUG)
    attach_component_file("shop.data", tmp_path, level=logging.WARNING)
    log = logging.getLogger("shop.data.load")
    log.info("row 8 parsed")
    log.warning("row 9 rejected")
    text = read(tmp_path / "data.log")
    assert "row 9 rejected" in text, f"data.log holds {text!r}: the WARNING record must be in it"
    assert "row 8 parsed" in console.getvalue(), (
        "with level=WARNING the INFO record vanished from the console too: the component logger's level was "
        "raised to WARNING. Only lower the logger's level (when it would drop records at `level`); never "
        "raise it, or attaching a file silences the component everywhere."
    )
    assert "row 8 parsed" not in text, (
        f"data.log holds an INFO record although level=WARNING ({text!r}): set the level on the handler "
        "(handler.setLevel(level)); the logger's level alone does not filter what this file receives"
    )
