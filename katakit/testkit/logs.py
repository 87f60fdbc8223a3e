"""Logging state that tests put back: the logging module is process-global, and verify shuffles every test
of the curriculum into one process, so a test that configures logging must leave it as it found it.

Use the fixture in a test module:
    from katakit.testkit import restore_logging  # noqa: F401  (a pytest fixture, used by name)
    pytestmark = pytest.mark.usefixtures("restore_logging")
or the context manager `logging_restored()` around a block.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import pytest


@dataclass
class _LoggerState:
    handlers: list[logging.Handler]
    filters: list[object]
    level: int
    propagate: bool
    disabled: bool
    parent: logging.Logger | None


def _state(logger: logging.Logger) -> _LoggerState:
    return _LoggerState(
        list(logger.handlers),
        list(logger.filters),
        logger.level,
        logger.propagate,
        logger.disabled,
        logger.parent,
    )


@contextmanager
def logging_restored() -> Iterator[None]:
    """Snapshot the whole logging configuration; on exit put it back and close handlers added meanwhile.

    Restored: the root logger and every logger that existed before (handlers, filters, level, propagate,
    disabled, parent), the logger registry (loggers created inside are forgotten), and `logging.disable`.
    """
    manager = logging.Logger.manager
    root = logging.getLogger()
    registry = dict(manager.loggerDict)
    placeholders = {
        name: dict(node.loggerMap) for name, node in registry.items() if isinstance(node, logging.PlaceHolder)
    }
    loggers: dict[logging.Logger, _LoggerState] = {root: _state(root)}
    loggers |= {node: _state(node) for node in registry.values() if isinstance(node, logging.Logger)}
    disable_level = manager.disable
    try:
        yield
    finally:
        before = {id(h) for state in loggers.values() for h in state.handlers}
        added: list[logging.Handler] = []
        for node in [root, *manager.loggerDict.values()]:
            if isinstance(node, logging.Logger):
                added += [h for h in node.handlers if id(h) not in before]
        manager.loggerDict.clear()
        manager.loggerDict.update(registry)
        for name, children in placeholders.items():
            node = registry[name]
            assert isinstance(node, logging.PlaceHolder)
            node.loggerMap.clear()
            node.loggerMap.update(children)
        for logger, state in loggers.items():
            logger.handlers[:] = state.handlers
            logger.filters[:] = state.filters
            logger.level = state.level
            logger.propagate = state.propagate
            logger.disabled = state.disabled
            logger.parent = state.parent
        logging.disable(disable_level)  # also clears every logger's isEnabledFor cache
        seen: set[int] = set()
        for handler in added:
            if id(handler) not in seen:
                seen.add(id(handler))
                handler.close()


@pytest.fixture
def restore_logging() -> Iterator[None]:
    """Put the logging configuration back after the test (see `logging_restored`)."""
    with logging_restored():
        yield
