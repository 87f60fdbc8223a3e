"""Pitfall: constant() returns a "flexible" replacement with a catch-all signature, (*args, **kwargs).

Rejected by: test_constant_is_a_dependency_without_parameters, test_unrelated_overrides_survive, test_replacements_must_have_no_parameters
Why it is wrong: FastAPI does not call overrides blindly; it resolves their parameters, and *args and
**kwargs become required query parameters. Every request through the override is a 422.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from solutions.fastapi.depends_wiring.override_hygiene import *  # the rest is the reference


def constant(value: Any) -> Callable[..., Any]:
    return lambda *args, **kwargs: value
