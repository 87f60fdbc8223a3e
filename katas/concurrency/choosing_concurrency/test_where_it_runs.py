"""Tests for where_it_runs: prove where code ran by its process, its thread and its event loop."""

from __future__ import annotations

import asyncio
import functools
import os
import threading

import pytest

from katakit.testkit import bump_counter, counter_value, whoami
from katas.concurrency.choosing_concurrency.where_it_runs import Where, in_process, in_thread, where_am_i

# Python 3.12+ warns when a multi-threaded process forks (the default start method on Linux up to 3.13).
pytestmark = pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning")


def test_no_loop_is_running_in_plain_sync_code() -> None:
    here = where_am_i()
    assert isinstance(here, Where), f"where_am_i() must return a Where; got {here!r}"
    assert (here.pid, here.thread_id) == (os.getpid(), threading.get_ident()), (
        f"pid/thread_id should be os.getpid() and threading.get_ident() of the caller; got {here!r}"
    )
    assert here.loop_running is False, (
        "In a plain sync test no event loop is running, yet loop_running is True. A loop object may "
        "exist (asyncio.get_event_loop() can even create one) but that is not a loop running HERE: ask "
        "asyncio.get_running_loop(), which raises RuntimeError when none is."
    )


async def test_a_loop_is_running_inside_a_coroutine() -> None:
    here = where_am_i()
    assert here.loop_running is True, (
        f"Called from a coroutine, the event loop is running in this thread; got {here!r}."
    )


async def test_to_thread_leaves_the_loop_thread() -> None:
    there = await asyncio.to_thread(where_am_i)
    assert there.thread_id != threading.get_ident(), "asyncio.to_thread ran where_am_i on the loop thread?"
    assert there.loop_running is False, (
        "Inside a worker thread (asyncio.to_thread) no loop runs in THAT thread, even though the loop "
        f"is still running in the main one; got {there!r}. loop_running describes the current thread."
    )


def test_in_thread_keeps_the_process_changes_the_thread() -> None:
    there = in_thread(whoami)
    assert there.pid == os.getpid(), (
        f"A thread lives inside this process: expected pid {os.getpid()}, got {there.pid}."
    )
    assert there.thread_id != threading.get_ident(), (
        "in_thread ran fn on the calling thread: the work never left it. Submit it to a worker thread."
    )


def test_in_process_leaves_the_process() -> None:
    there = in_process(whoami)
    assert there.pid != os.getpid(), (
        f"same pid ({there.pid}): the work never left this process. Threads share the process (and the "
        "GIL); only a child process gives CPU-bound Python real parallelism."
    )


def test_threads_share_memory() -> None:
    before = counter_value()
    in_thread(bump_counter)
    assert counter_value() == before + 1, (
        f"bump_counter ran in a thread of this process, so its change to the module-global counter must be "
        f"visible here: expected {before + 1}, got {counter_value()}. Threads share one memory."
    )


def test_processes_do_not_share_memory() -> None:
    before = counter_value()
    in_child = in_process(bump_counter)
    assert counter_value() == before, (
        f"The child's bump_counter changed OUR counter ({before} -> {counter_value()}): the work ran in this "
        "process. A child process has its own copy of every global; only the pickled result comes back."
    )
    assert in_child >= 1, f"bump_counter returns the child's new count (at least 1); got {in_child!r}"


class PaymentDeclined(Exception):
    """A domain error raised by the work."""


def test_worker_errors_reach_the_caller() -> None:
    def charge() -> None:
        raise PaymentDeclined("card 4242")

    try:
        got = in_thread(charge)
    except PaymentDeclined:
        pass
    else:
        pytest.fail(
            f"in_thread returned {got!r} although fn raised PaymentDeclined: an exception in a bare "
            "threading.Thread only reaches threading.excepthook. Submit to an executor and call "
            "future.result(), which re-raises the worker's exception in the caller."
        )
    with pytest.raises(ValueError, match="invalid literal"):
        in_process(functools.partial(int, "forty-two"))  # int('forty-two') fails in the child
