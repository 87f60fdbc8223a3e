"""Pitfall: loop.run_in_executor(None, fn, *args), as the note's thread-pool sample does.

Rejected by: test_the_callers_context_is_visible, test_arguments_and_keywords_are_forwarded
Why it is wrong: run_in_executor does not copy contextvars, so request ids and tracing spans vanish
inside fn; and it takes no keyword arguments (they would need functools.partial). asyncio.to_thread
does both.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from solutions.concurrency.event_loop_tasks.offload_blocking import *  # the rest is the reference
from solutions.concurrency.event_loop_tasks.offload_blocking import P, R


async def offload(fn: Callable[P, R], /, *args: P.args, **kwargs: P.kwargs) -> R:
    return await asyncio.get_running_loop().run_in_executor(None, fn, *args)
