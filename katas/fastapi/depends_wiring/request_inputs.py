"""Exercise 1 of depends_wiring: where FastAPI finds each input of a dependency.

Brief: katas/fastapi/depends_wiring/README.md. Run: `kata run request_inputs`.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, FastAPI, Header, Request
from pydantic import BaseModel, Field


class PageParams(BaseModel):
    """Pagination read from the query string: page >= 1, 1 <= size <= 100, defaults 1 and 20."""

    page: int = Field(1, ge=1)
    size: int = Field(20, ge=1, le=100)


class Settings(BaseModel):
    """App settings; `api_key` is the key the /admin routes accept in the X-API-Key header."""

    api_key: str


def get_settings(request: Request) -> Settings:
    """Return the Settings that `build_app` stored on `app.state.settings`.

    Every route and guard gets its settings through this dependency (tests override it to count calls).
    """
    raise NotImplementedError


def bearer_token(authorization: Annotated[str | None, Header()] = None) -> str:
    """Return `<t>` from an `Authorization: Bearer <t>` header (the scheme is case-insensitive: "bearer <t>"
    is accepted too).

    A missing or malformed header (no value, another scheme, an empty token) is an authentication
    failure: raise HTTPException(401) carrying the header `WWW-Authenticate: Bearer`, never a 422.
    """
    raise NotImplementedError


def request_context(user_id: int, token: Annotated[str, Depends(bearer_token)]) -> dict[str, int | str]:
    """Combine the path parameter `user_id` and the bearer token: {"user_id": ..., "token": ...}."""
    raise NotImplementedError


def require_api_key(
    settings: Annotated[Settings, Depends(get_settings)],
    x_api_key: Annotated[str | None, Header()] = None,
) -> None:
    """Guard for the admin router: 401 if the X-API-Key header is missing, 403 if it is not settings.api_key."""
    raise NotImplementedError


def build_app(settings: Settings) -> FastAPI:
    """An app with `settings` on app.state and these routes:

    - GET /items                  returns the PageParams, declared as `Annotated[PageParams, Depends()]`
                                  so page and size come from the query string;
    - GET /users/{user_id}/context returns request_context;
    - an /admin router guarded as a whole by require_api_key, holding GET /admin/stats ({"users": 3})
      and GET /admin/config ({"debug": False});
    - GET /settings-twice         two parameters that both depend on get_settings; returns
                                  {"same": <whether both are the same object>};
    - GET /settings-fresh         the same, but the second parameter uses `use_cache=False`.
    """
    raise NotImplementedError
