"""Pitfall: wrapping the blocking mail job in an async def before adding it as a background task.

Rejected by: test_the_blocking_mailer_runs_off_the_loop
Why it is wrong: Starlette runs async background tasks on the event loop and only sync ones in the
threadpool; an async wrapper around a blocking call blocks the loop for every request in flight.
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


class _AsyncWrapper(_Signups):
    def queue_after_response(self, background: BackgroundTasks, user_id: int, session: Session) -> None:
        background.add_task(self._welcome_and_audit, user_id)

    async def _welcome_and_audit(self, user_id: int) -> None:
        send_welcome(user_id, self.mailer, self.session_factory)  # blocks the event loop
        await self.audit.record("signup", user_id)


def create_app(*, mailer: Mailer, audit: AuditLog, session_factory: Callable[[], Session]) -> FastAPI:
    return _AsyncWrapper(mailer, audit, session_factory).app()
