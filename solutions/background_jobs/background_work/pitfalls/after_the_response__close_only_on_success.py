"""Pitfall: the background job closes its session only after a successful send.

Rejected by: test_the_job_closes_its_session_when_the_mail_fails
Why it is wrong: every failed mail (an SMTP outage, an unknown address) leaves the job's session, and
the pooled DB connection behind it, checked out for good; during an outage the pool drains and every
request then waits for a connection. Release resources in `finally:`, whatever happens.
"""

from collections.abc import Callable

from solutions.background_jobs.background_work.after_the_response import *  # the rest is the reference
from solutions.background_jobs.background_work.after_the_response import Mailer, Session, logger


def send_welcome(user_id: int, mailer: Mailer, session_factory: Callable[[], Session]) -> None:
    session = session_factory()
    try:
        mailer.send(session.get_user_email(user_id), "Welcome!")
        session.close()  # skipped whenever the lookup or the mailer raises
    except Exception:
        logger.exception("welcome mail for user %s failed", user_id)
