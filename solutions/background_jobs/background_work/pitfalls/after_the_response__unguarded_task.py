"""Pitfall: adding the raw mailer call as a background task, with no guard around it.

Rejected by: test_a_failing_mail_is_logged_and_the_audit_still_runs
Why it is wrong: background tasks run one after another and the first exception skips the rest, so a
mail outage silently drops the audit trail; the error reaches only the server's stderr.
"""

from collections.abc import Callable

from fastapi import BackgroundTasks, FastAPI

from solutions.background_jobs.background_work.after_the_response import *  # the rest is the reference
from solutions.background_jobs.background_work.after_the_response import AuditLog, Mailer, Session, _Signups


class _UnguardedTask(_Signups):
    def queue_after_response(self, background: BackgroundTasks, user_id: int, session: Session) -> None:
        background.add_task(self.mailer.send, session.get_user_email(user_id), "Welcome!")  # no try/except
        background.add_task(self.audit.record, "signup", user_id)


def create_app(*, mailer: Mailer, audit: AuditLog, session_factory: Callable[[], Session]) -> FastAPI:
    return _UnguardedTask(mailer, audit, session_factory).app()
