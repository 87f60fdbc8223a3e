"""Tests for request_inputs: every input of a dependency comes from somewhere FastAPI can name."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from katas.fastapi.depends_wiring.request_inputs import Settings, build_app, get_settings

KEY = "s3cret"


class CountedSettings:
    """An override for get_settings that counts its calls and returns a NEW Settings object each time."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> Settings:
        self.calls += 1
        return Settings(api_key=KEY)


@pytest.fixture
def app() -> FastAPI:
    return build_app(Settings(api_key=KEY))


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as client:
        yield client


def test_page_params_come_from_the_query_string(client: TestClient) -> None:
    response = client.get("/items", params={"page": 3})
    assert (response.status_code, response.json()) == (200, {"page": 3, "size": 20}), (
        "GET /items?page=3 should answer {'page': 3, 'size': 20} (size keeps its default); got "
        f"{response.status_code} {response.text}. A model used with Depends() is called: its fields are "
        "query parameters."
    )
    response = client.get("/items", params={"size": 500})
    locs = [err["loc"] for err in response.json().get("detail", [])] if response.status_code == 422 else []
    assert response.status_code == 422 and ["query", "size"] in locs, (
        "GET /items?size=500 should be a 422 at loc ['query', 'size']: Field(le=100) still validates when "
        f"the model is a dependency; got {response.status_code} {response.text}."
    )


def test_page_params_are_not_a_request_body(app: FastAPI) -> None:
    operation = app.openapi()["paths"]["/items"]["get"]
    where = {p["name"]: p["in"] for p in operation.get("parameters", [])}
    assert where == {"page": "query", "size": "query"} and "requestBody" not in operation, (
        f"The OpenAPI operation for GET /items has parameters {where} and requestBody="
        f"{'requestBody' in operation}. Expected page and size in the query and no body: a Pydantic model "
        "as a bare parameter is a JSON body; wrap it in Depends() so its fields come from the query string."
    )


def test_context_combines_path_and_bearer_token(client: TestClient) -> None:
    response = client.get("/users/42/context", headers={"Authorization": "Bearer abc"})
    assert (response.status_code, response.json()) == (200, {"user_id": 42, "token": "abc"}), (
        "GET /users/42/context with 'Authorization: Bearer abc' should answer {'user_id': 42, 'token': 'abc'};"
        f" got {response.status_code} {response.text}. A header's name comes from the Python parameter name: "
        "a parameter named `token` reads a header called 'token', so the Authorization header was never read."
    )


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Basic eDp5"}, {"Authorization": "Bearer "}])
def test_missing_credentials_are_401_not_422(client: TestClient, headers: dict[str, str]) -> None:
    response = client.get("/users/42/context", headers=headers)
    assert response.status_code == 401, (
        f"Authorization {headers.get('Authorization')!r}: expected 401, got {response.status_code} "
        f"{response.text}. Missing or malformed credentials are an authentication failure, not a validation "
        "error: give the header a None default and raise the 401 yourself."
    )
    got = response.headers.get("www-authenticate")
    assert got == "Bearer", (
        f"A 401 must say how to authenticate: expected 'WWW-Authenticate: Bearer', got {got!r}."
    )


@pytest.mark.parametrize("path", ["/admin/stats", "/admin/config"])
def test_every_admin_route_is_guarded(client: TestClient, path: str) -> None:
    cases = [
        ({}, 401, "no X-API-Key header"),
        ({"X-API-Key": "wrong"}, 403, "a wrong key"),
        ({"x_api_key": KEY}, 401, "a header spelled 'x_api_key' (underscores: not the X-API-Key header)"),
        ({"X-API-Key": KEY}, 200, "the right key"),
    ]
    for headers, expected, what in cases:
        got = client.get(path, headers=headers).status_code
        assert got == expected, (
            f"GET {path} with {what}: expected {expected}, got {got}. Every admin route must be guarded: put "
            "require_api_key in the router's dependencies=[...] so routes added later are covered too. The "
            "parameter x_api_key reads the header 'x-api-key' (underscores become hyphens)."
        )


def test_a_dependency_runs_once_per_request_unless_told_otherwise(app: FastAPI) -> None:
    counted = CountedSettings()
    app.dependency_overrides[get_settings] = counted
    try:
        with TestClient(app) as client:
            body = client.get("/settings-twice").json()
            assert (counted.calls, body) == (1, {"same": True}), (
                f"/settings-twice: get_settings ran {counted.calls} time(s) and answered {body}; expected 1 "
                "and {'same': True}. Within one request FastAPI caches a dependency's value: both parameters "
                "get the same object. Get settings through Depends(get_settings), never build them inline."
            )
            body = client.get("/settings-fresh").json()
            assert (counted.calls, body) == (3, {"same": False}), (
                f"/settings-fresh: get_settings ran {counted.calls - 1} time(s) and answered {body}; expected 2 "
                "and {'same': False}: use_cache=False on the second parameter asks for a fresh call."
            )
    finally:
        app.dependency_overrides.pop(get_settings, None)


@pytest.mark.parametrize("scheme", ["bearer", "BEARER"])
def test_the_scheme_is_case_insensitive(client: TestClient, scheme: str) -> None:
    response = client.get("/users/42/context", headers={"Authorization": f"{scheme} abc"})
    assert (response.status_code, response.json()) == (200, {"user_id": 42, "token": "abc"}), (
        f"'Authorization: {scheme} abc' gave {response.status_code} {response.text}; expected 200 with token "
        "'abc'. HTTP authentication schemes are case-insensitive (RFC 9110, 11.1): compare the scheme with "
        ".lower(), not with startswith('Bearer ')."
    )
