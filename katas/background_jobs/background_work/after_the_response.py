"""Exercise 2 of background_work: answer first, then send the mail, with FastAPI BackgroundTasks.

Brief: katas/background_jobs/background_work/README.md. Run: `kata run after_the_response`.

No `from __future__ import annotations` here on purpose: FastAPI reads endpoint annotations at runtime,
and a string annotation naming a dependency defined inside create_app() cannot be resolved.
"""

import logging
from collections.abc import Callable
from typing import Protocol

from fastapi import FastAPI

logger = logging.getLogger("background_work.signup")


class Mailer(Protocol):
    def send(self, to: str, subject: str) -> None:
        """Send an e-mail. Blocking (a sync SMTP/HTTP client)."""
        raise NotImplementedError


class AuditLog(Protocol):
    async def record(self, event: str, user_id: int) -> None:
        """Store an audit event. Async."""
        raise NotImplementedError


class Session(Protocol):
    def get_user_email(self, user_id: int) -> str:
        """The user's e-mail address; KeyError for an unknown user."""
        raise NotImplementedError

    def close(self) -> None:
        """Release the session; using it afterwards fails."""
        raise NotImplementedError


def send_welcome(user_id: int, mailer: Mailer, session_factory: Callable[[], Session]) -> None:
    """Background job: open a session of its own, look up the user's e-mail, send the welcome mail
    (subject "Welcome!"), and close the session whatever happens. A failure is logged at ERROR with its
    traceback on `logger`, never raised (it would skip the background tasks queued after it)."""
    raise NotImplementedError


def create_app(*, mailer: Mailer, audit: AuditLog, session_factory: Callable[[], Session]) -> FastAPI:
    """POST /signups/{user_id}: look the user up with the request's session (a yield dependency that
    opens `session_factory()` and closes it; declare it with `Depends(..., scope="function")` so it is
    closed BEFORE the response is sent). Unknown user: 404. Otherwise answer 202 {"user_id": user_id}
    at once, and after the response run, in this order: send_welcome(user_id, mailer, session_factory)
    (blocking: it must run in the threadpool) and audit.record("signup", user_id) (on the loop)."""
    raise NotImplementedError
