"""Pitfall: handing FastAPI a callable value (a MagicMock) as the override itself.

Rejected by: test_replacements_must_have_no_parameters
Why it is wrong: FastAPI parses an override's signature like any dependency's; a MagicMock's is
(*args, **kwargs), so every request now needs query parameters 'args' and 'kwargs' and gets a 422.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from solutions.fastapi.depends_wiring.override_hygiene import *  # the rest is the reference


def constant(value: Any) -> Callable[[], Any]:
    return value if callable(value) else (lambda: value)
