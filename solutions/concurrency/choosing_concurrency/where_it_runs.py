"""Reference solution: where_it_runs."""

from __future__ import annotations

import asyncio
import os
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Where:
    pid: int
    thread_id: int
    loop_running: bool


def where_am_i() -> Where:
    try:
        asyncio.get_running_loop()
        running = True
    except RuntimeError:  # no loop is running in this thread
        running = False
    return Where(os.getpid(), threading.get_ident(), running)


def in_thread(fn: Callable[[], T]) -> T:
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(fn).result()


def in_process(fn: Callable[[], T]) -> T:
    with ProcessPoolExecutor(max_workers=1) as pool:
        return pool.submit(fn).result()
