"""Pitfall: "the loop runs on the main thread", so being on the main thread means being on the loop.

Rejected by: test_no_loop_is_running_in_plain_sync_code
Why it is wrong: plenty of sync code runs on the main thread with no loop (scripts, CLI commands, Celery
workers, sync tests), and a server may run its loop on another thread (TestClient does). Ask asyncio.
"""

from __future__ import annotations

import os
import threading

from solutions.concurrency.choosing_concurrency.where_it_runs import *  # the rest is the reference
from solutions.concurrency.choosing_concurrency.where_it_runs import Where


def where_am_i() -> Where:
    on_main = threading.current_thread() is threading.main_thread()
    return Where(os.getpid(), threading.get_ident(), on_main)
