"""Tests for retry: validated configuration, only the listed errors retried, the last error re-raised."""

from __future__ import annotations

import inspect
import traceback

import pytest

from katas.core_python.wrapping_callables.retry import retry


class Flaky(Exception):
    """A transient failure of the fake upstream."""


class Flapping:
    """A callable that raises `error` for its first `failures` calls, then returns 7."""

    def __init__(self, failures: int, error: type[Exception] = Flaky) -> None:
        self.failures = failures
        self.error = error
        self.calls = 0
        self.raised: list[Exception] = []

    def __call__(self, x: int = 0) -> int:
        self.calls += 1
        if self.calls <= self.failures:
            err = self.error(f"failure #{self.calls}")
            self.raised.append(err)
            raise err
        return 7 + x


def fetch_quote(symbol: str, *, fresh: bool = False) -> str:
    """Fetch a quote."""
    return symbol


@pytest.mark.parametrize(
    "config",
    [{"attempts": 0}, {"attempts": -1}, {"attempts": 3, "delay": -0.5}],
    ids=["zero", "negative", "delay"],
)
def test_bad_configuration_fails_when_built(config: dict[str, float]) -> None:
    try:
        retry(**config)  # type: ignore[arg-type]
    except ValueError:
        return
    pytest.fail(
        f"retry({', '.join(f'{k}={v}' for k, v in config.items())}) was accepted: a decorator that can never "
        "work (no call at all, or a negative pause that time.sleep rejects) must raise ValueError when it is "
        "built (at import time), not fail on the first retry in production"
    )


def test_retries_until_success() -> None:
    slept: list[float] = []
    flapping = Flapping(failures=2)
    wrapped = retry(attempts=3, on=(Flaky,), delay=0.5, sleep=slept.append)(flapping)
    got = wrapped(0)
    assert got == 7, f"the third attempt succeeds and returns 7; got {got!r}"
    assert flapping.calls == 3, (
        f"expected 3 calls (2 failures, then success); the function ran {flapping.calls}"
    )
    assert slept == [0.5, 0.5], f"expected a 0.5 s pause before each retry, [0.5, 0.5]; sleep saw {slept!r}"


def test_other_errors_are_not_retried() -> None:
    slept: list[float] = []
    flapping = Flapping(failures=5, error=KeyError)
    wrapped = retry(attempts=4, on=(Flaky,), delay=1.0, sleep=slept.append)(flapping)
    with pytest.raises(KeyError):
        wrapped()
    assert (flapping.calls, slept) == (1, []), (
        f"KeyError is not in `on`, yet the function ran {flapping.calls} times (sleeps {slept!r}): a bug is "
        "not transient; it must propagate after the first call, without sleeping"
    )


def test_exhausted_attempts_reraise_the_last_error() -> None:
    slept: list[float] = []
    flapping = Flapping(failures=10)
    wrapped = retry(attempts=3, on=(Flaky,), delay=2.0, sleep=slept.append)(flapping)
    with pytest.raises(Flaky) as caught:
        wrapped()
    assert caught.value is flapping.raised[-1], (
        f"got {caught.value!r}, expected the last failure ('failure #3') itself: re-raise it with a bare "
        "`raise`, so the caller sees what really went wrong"
    )
    frames = [frame.name for frame in traceback.extract_tb(caught.value.__traceback__)]
    assert "__call__" in frames, f"the traceback lost the frame that raised; frames: {frames}"
    assert slept == [2.0, 2.0], (
        f"3 attempts need exactly 2 pauses; sleep saw {slept!r}. Sleeping after the final failure only "
        "delays the error."
    )


def test_each_call_gets_a_full_budget() -> None:
    slept: list[float] = []
    first = Flapping(failures=2)
    wrapped = retry(attempts=3, on=(Flaky,), sleep=slept.append)(first)
    assert wrapped(0) == 7, "the first call succeeds on its third attempt"
    first.calls = 0  # the upstream flaps again: two more failures before it answers
    got = wrapped(1)
    assert got == 8, (
        f"the second call got {got!r}: it had no retries left. Count attempts inside the wrapper call, "
        "not in the decorator factory's scope, which every call shares."
    )


def test_metadata_is_kept() -> None:
    wrapped = retry(attempts=2)(fetch_quote)
    assert wrapped.__name__ == "fetch_quote" and wrapped.__doc__ == fetch_quote.__doc__, (
        "the wrapper lost the name or docstring; use functools.wraps"
    )
    assert getattr(wrapped, "__wrapped__", None) is fetch_quote, "__wrapped__ is missing (functools.wraps)"
    assert inspect.signature(wrapped) == inspect.signature(fetch_quote), "the signature was lost"
