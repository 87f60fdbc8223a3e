"""Pitfall: sending the mail inside the endpoint, before returning.

Rejected by: test_the_work_runs_after_the_response
Why it is wrong: the client waits for the SMTP round trip (and its retries) on every signup; a slow
mail provider becomes slow signups. Work the client does not need belongs after the response.
"""

from collections.abc import Callable

from fastapi import BackgroundTasks, FastAPI

from solutions.background_jobs.background_work.after_the_response import *  # the rest is the reference
from solutions.background_jobs.background_work.after_the_response import (
    AuditLog,
    Mailer,
    Session,
    _Signups,
    send_welcome,
)


class _MailInEndpoint(_Signups):
    def queue_after_response(self, background: BackgroundTasks, user_id: int, session: Session) -> None:
        send_welcome(user_id, self.mailer, self.session_factory)  # the client waits for the mail
        background.add_task(self.audit.record, "signup", user_id)


def create_app(*, mailer: Mailer, audit: AuditLog, session_factory: Callable[[], Session]) -> FastAPI:
    return _MailInEndpoint(mailer, audit, session_factory).app()
