"""Pitfall: handing the request's session to the background job.

Rejected by: test_accepted_at_once_and_the_work_happens, test_the_job_opens_its_own_session
Why it is wrong: the request's resources are torn down around the response (when exactly has changed
across FastAPI 0.106, 0.118 and 0.121); the job then uses a closed session, or keeps a pooled
connection checked out for as long as the job runs. Pass ids; open fresh resources in the job.
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


class _RequestSession(_Signups):
    def queue_after_response(self, background: BackgroundTasks, user_id: int, session: Session) -> None:
        background.add_task(send_welcome, user_id, self.mailer, lambda: session)  # the request's session
        background.add_task(self.audit.record, "signup", user_id)


def create_app(*, mailer: Mailer, audit: AuditLog, session_factory: Callable[[], Session]) -> FastAPI:
    return _RequestSession(mailer, audit, session_factory).app()
