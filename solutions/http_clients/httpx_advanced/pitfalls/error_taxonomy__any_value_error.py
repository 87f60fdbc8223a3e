"""Pitfall: labelling every ValueError "decoding", because json.JSONDecodeError is one.

Rejected by: test_constructed_exceptions_get_their_label
Why it is wrong: ValueError is raised all over our own code (int("abc"), a bad enum value, a failed
validation); labelled "decoding", each of those bugs shows up on the dashboard as the vendor sending
undecodable bodies, and the alert goes to the wrong team. Only json.JSONDecodeError is a decoding failure.
"""

from __future__ import annotations

from solutions.http_clients.httpx_advanced.error_taxonomy import *  # the rest is the reference
from solutions.http_clients.httpx_advanced.error_taxonomy import Category
from solutions.http_clients.httpx_advanced.error_taxonomy import categorize as _reference


def categorize(exc: BaseException) -> Category:
    if isinstance(exc, ValueError):  # json.JSONDecodeError is one, and so is every other ValueError
        return "decoding"
    return _reference(exc)
