"""Pitfall: constant() built with the default-argument trick, lambda value=value: value.

Rejected by: test_constant_is_a_dependency_without_parameters
Why it is wrong: FastAPI turns every parameter of an override into a request input, an optional one
included: `value` becomes a query parameter, so `GET /user?value=eve` makes the fake answer whatever the
caller asks for. The replacement must take no parameters; a closure already remembers the value.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from solutions.fastapi.depends_wiring.override_hygiene import *  # the rest is the reference


def constant(value: Any) -> Callable[..., Any]:
    return lambda value=value: value
