"""Pitfall: asking whether an event loop exists instead of whether one is running in this thread.

Rejected by: test_no_loop_is_running_in_plain_sync_code
Why it is wrong: asyncio.get_event_loop() hands back (or, on 3.11, may create) a loop object even when
none is running, and warns about it; code that decides "am I on the loop?" from it will, for example,
refuse to block in a plain worker or block inside a coroutine. Only get_running_loop() answers that.
"""

from __future__ import annotations

import asyncio
import os
import threading

from solutions.concurrency.choosing_concurrency.where_it_runs import *  # the rest is the reference
from solutions.concurrency.choosing_concurrency.where_it_runs import Where


def where_am_i() -> Where:
    return Where(os.getpid(), threading.get_ident(), asyncio.get_event_loop() is not None)
