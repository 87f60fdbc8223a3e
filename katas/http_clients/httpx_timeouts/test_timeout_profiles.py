"""Tests for timeout_profiles: four explicit phase budgets per workload, overridden per request."""

from __future__ import annotations

import math

import httpx
import pytest

from katas.http_clients.httpx_timeouts.timeout_profiles import override, timeout_profile

EXPECTED = {
    "api": httpx.Timeout(connect=5.0, read=10.0, write=5.0, pool=5.0),
    "llm": httpx.Timeout(connect=5.0, read=60.0, write=10.0, pool=5.0),
    "upload": httpx.Timeout(connect=5.0, read=30.0, write=120.0, pool=10.0),
    "stream": httpx.Timeout(connect=5.0, read=30.0, write=10.0, pool=5.0),
}


@pytest.mark.parametrize("profile", EXPECTED)
async def test_profile_budgets(profile: str) -> None:
    got = timeout_profile(profile)  # type: ignore[arg-type]
    assert got == EXPECTED[profile], (
        f"timeout_profile({profile!r}) should be {EXPECTED[profile]!r}; got {got!r}. Each phase has its own "
        "budget: connecting should fail fast while reading may wait for the server to think."
    )


@pytest.mark.parametrize("profile", EXPECTED)
async def test_every_phase_is_finite(profile: str) -> None:
    phases = timeout_profile(profile).as_dict()  # type: ignore[arg-type]
    assert all(v is not None and math.isfinite(v) for v in phases.values()), (
        f"{profile}: every phase needs a finite budget; got {phases!r}. None means 'wait forever': one "
        "stalled upstream then holds the caller and its pooled connection indefinitely."
    )


async def test_unknown_profile_is_rejected() -> None:
    with pytest.raises(ValueError):
        got = timeout_profile("batch")  # type: ignore[arg-type]
        pytest.fail(f"timeout_profile('batch') should raise ValueError; it returned {got!r}")


async def test_override_changes_only_the_named_phase() -> None:
    base = timeout_profile("api")
    got = override(base, read=60.0)
    assert got == httpx.Timeout(connect=5.0, read=60.0, write=5.0, pool=5.0), (
        f"override(api, read=60) should change read only; got {got!r}"
    )
    assert base == EXPECTED["api"], (
        f"override() changed the base Timeout it was given (now {base!r}). Profiles are shared; build a new "
        "Timeout instead of assigning to the old one's attributes."
    )


@pytest.mark.parametrize("bad", [{"total": 3.0}, {"timeout": 3.0}, {"read": 60.0, "connnect": 1.0}])
async def test_override_rejects_unknown_phases(bad: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        got = override(timeout_profile("api"), **bad)
        pytest.fail(
            f"override(api, **{bad}) should raise ValueError; it returned {got!r}. httpx has exactly four "
            "phases (connect, read, write, pool) and no 'total': a typo must not be silently ignored."
        )


async def test_override_applies_to_one_request() -> None:
    seen: list[dict[str, float | None]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.extensions["timeout"])
        return httpx.Response(200)

    api = timeout_profile("api")
    async with httpx.AsyncClient(transport=httpx.MockTransport(handler), timeout=api) as client:
        await client.get("http://llm.test/v1/complete", timeout=override(api, read=120.0))
        await client.get("http://llm.test/v1/health")
        client_timeout = client.timeout
    assert seen == [
        {"connect": 5.0, "read": 120.0, "write": 5.0, "pool": 5.0},
        {"connect": 5.0, "read": 10.0, "write": 5.0, "pool": 5.0},
    ], (
        f"the first request should carry the overridden budgets and the second the client's own; the "
        f"transport saw {seen!r}. Pass timeout= per request."
    )
    assert client_timeout == api, (
        f"a per-request timeout must not change client.timeout; it is {client_timeout!r}"
    )
