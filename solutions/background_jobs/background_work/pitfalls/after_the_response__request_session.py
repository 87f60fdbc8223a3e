"""Pitfall: handing the request's session to the background job.

Rejected by: test_the_job_opens_its_own_session
Why it is wrong: the request's resources are torn down around the response (when exactly has changed
across FastAPI 0.106, 0.118 and 0.121); the job then uses a closed session, or keeps a pooled
connection checked out for as long as the job runs. Pass ids; open fresh resources in the job.
"""

from collections.abc import Callable, Iterator
from typing import Annotated

from fastapi import BackgroundTasks, Depends, FastAPI, HTTPException

from solutions.background_jobs.background_work.after_the_response import *  # the rest is the reference
from solutions.background_jobs.background_work.after_the_response import (
    AuditLog,
    Mailer,
    Session,
    send_welcome,
)


def create_app(*, mailer: Mailer, audit: AuditLog, session_factory: Callable[[], Session]) -> FastAPI:
    app = FastAPI()

    def get_session() -> Iterator[Session]:
        session = session_factory()
        try:
            yield session
        finally:
            session.close()

    @app.post("/signups/{user_id}", status_code=202)
    def signup(
        user_id: int,
        background: BackgroundTasks,
        session: Annotated[Session, Depends(get_session, scope="function")],
    ) -> dict[str, int]:
        try:
            session.get_user_email(user_id)
        except KeyError:
            raise HTTPException(status_code=404, detail="unknown user") from None
        background.add_task(send_welcome, user_id, mailer, lambda: session)
        background.add_task(audit.record, "signup", user_id)
        return {"user_id": user_id}

    return app
