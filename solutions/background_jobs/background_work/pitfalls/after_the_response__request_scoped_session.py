"""Pitfall: the default ("request") scope for the session dependency.

Rejected by: test_the_job_opens_its_own_session
Why it is wrong: on current FastAPI a request-scoped yield dependency is torn down after the response
AND after the background tasks, so the request's session (a pooled DB connection) stays checked out
while the mail is being sent. scope="function" (FastAPI >= 0.121) closes it before the response.
"""

from collections.abc import Callable

from fastapi import FastAPI

from solutions.background_jobs.background_work.after_the_response import *  # the rest is the reference
from solutions.background_jobs.background_work.after_the_response import AuditLog, Mailer, Session, _Signups


class _RequestScopedSession(_Signups):
    session_scope = None  # the default: torn down after the response, background tasks included


def create_app(*, mailer: Mailer, audit: AuditLog, session_factory: Callable[[], Session]) -> FastAPI:
    return _RequestScopedSession(mailer, audit, session_factory).app()
