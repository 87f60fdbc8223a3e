"""Pitfall: raising ConfigError inside `except KeyError` without `from None`.

Rejected by: test_missing_setting_hides_the_key_error
Why it is wrong: the traceback prints the KeyError and then "During handling of the above exception,
another exception occurred", which reads like a second bug; the KeyError says nothing ConfigError doesn't.
"""

from __future__ import annotations

from collections.abc import Mapping

from solutions.core_python.error_propagation.translate_errors import *  # the rest is the reference
from solutions.core_python.error_propagation.translate_errors import ConfigError


def require_setting(settings: Mapping[str, str], key: str) -> str:
    try:
        return settings[key]
    except KeyError:
        raise ConfigError(key)
