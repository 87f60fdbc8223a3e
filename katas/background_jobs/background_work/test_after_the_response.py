"""Tests for after_the_response: what runs after the response, in which thread, with which session.

TestClient returns only after the background tasks have run, so "after the response" is observed
inside the ASGI conversation: RecordingASGI logs ("response_complete", thread) into the same event
list the fakes write to.
"""

from __future__ import annotations

import logging
import threading

import pytest
from fastapi.testclient import TestClient

from katakit.testkit import RecordingASGI
from katas.background_jobs.background_work.after_the_response import create_app, send_welcome

USERS = {7: "ada@example.test"}


class SessionClosed(Exception):
    """A session was used after close()."""


class MailerDown(Exception):
    """The mail provider failed."""


class World:
    """The fakes of one test, all writing (event, thread_id) into one ordered list."""

    def __init__(self, *, mail_fails: bool = False) -> None:
        self.events: list[tuple[str, int]] = []
        self.sessions: list[FakeSession] = []
        self.mailer = FakeMailer(self, fails=mail_fails)
        self.audit = FakeAudit(self)

    def log(self, event: str) -> None:
        self.events.append((event, threading.get_ident()))

    def names(self) -> list[str]:
        return [name for name, _ in self.events]

    def thread_of(self, event: str) -> int:
        for name, thread in self.events:
            if name == event:
                return thread
        pytest.fail(f"no {event!r} event happened; events: {self.names()}")

    def session_factory(self) -> FakeSession:
        session = FakeSession(self, len(self.sessions) + 1)
        self.sessions.append(session)
        return session

    def client(self, *, raise_server_exceptions: bool = True) -> TestClient:
        app = create_app(mailer=self.mailer, audit=self.audit, session_factory=self.session_factory)
        return TestClient(RecordingASGI(app, self.events), raise_server_exceptions=raise_server_exceptions)


class FakeSession:
    def __init__(self, world: World, number: int) -> None:
        self.world, self.number, self.closed = world, number, False
        self.lookups: list[int] = []
        world.log(f"session{number}_opened")

    def get_user_email(self, user_id: int) -> str:
        if self.closed:
            self.world.log(f"session{self.number}_used_after_close")
            raise SessionClosed(f"session {self.number} used after close()")
        self.lookups.append(user_id)
        return USERS[user_id]

    def close(self) -> None:
        self.closed = True
        self.world.log(f"session{self.number}_closed")


class FakeMailer:
    def __init__(self, world: World, *, fails: bool) -> None:
        self.world, self.fails = world, fails
        self.sent: list[tuple[str, str]] = []

    def send(self, to: str, subject: str) -> None:
        if self.fails:
            raise MailerDown("SMTP 421")
        self.sent.append((to, subject))
        self.world.log("mail_sent")


class FakeAudit:
    def __init__(self, world: World) -> None:
        self.world = world
        self.records: list[tuple[str, int]] = []

    async def record(self, event: str, user_id: int) -> None:
        self.records.append((event, user_id))
        self.world.log("audit_recorded")


def test_accepted_at_once_and_the_work_happens() -> None:
    world = World()
    with world.client() as client:
        response = client.post("/signups/7")
    assert (response.status_code, response.json()) == (202, {"user_id": 7}), (
        f"expected 202 {{'user_id': 7}}, got {response.status_code} {response.text}"
    )
    reused = [name for name in world.names() if name.endswith("_used_after_close")]
    assert not reused, (
        f"events {world.names()}: the background job looked the user up in a session that was already closed "
        "(session1 is the request's), so no mail went out. The request's session is closed before the "
        "response is sent (its dependency has scope='function'), and the job runs after the response: pass "
        "the job the user id and session_factory, and let it open (and close) a session of its own."
    )
    assert world.mailer.sent == [("ada@example.test", "Welcome!")], (
        f"mails sent: {world.mailer.sent}; expected the welcome mail to ada@example.test (subject 'Welcome!'). "
        f"Events: {world.names()}"
    )
    assert world.audit.records == [("signup", 7)], f"audit records: {world.audit.records}"


def test_the_work_runs_after_the_response() -> None:
    world = World()
    with world.client() as client:
        client.post("/signups/7")
    names = world.names()
    assert "response_complete" in names and "mail_sent" in names and "audit_recorded" in names, names
    done = names.index("response_complete")
    assert done < names.index("mail_sent") and done < names.index("audit_recorded"), (
        f"events {names}: the mail went out before the response finished, so the client waited for it. "
        "Schedule it with BackgroundTasks.add_task; it runs after the last response byte is sent."
    )


def test_the_blocking_mailer_runs_off_the_loop() -> None:
    world = World()
    with world.client() as client:
        client.post("/signups/7")
    loop_thread = world.thread_of("response_complete")
    assert world.thread_of("mail_sent") != loop_thread, (
        "the blocking mailer ran on the event-loop thread, stalling every other request while it talked to "
        "SMTP. Add the sync callable itself (a plain `def`) so Starlette runs it in the threadpool; an "
        "`async def` wrapper runs on the loop."
    )
    assert world.thread_of("audit_recorded") == loop_thread, (
        "the async audit call should run on the event loop (add the coroutine function itself)."
    )


def test_a_failing_mail_is_logged_and_the_audit_still_runs(caplog: pytest.LogCaptureFixture) -> None:
    world = World(mail_fails=True)
    with (
        caplog.at_level(logging.ERROR, logger="background_work.signup"),
        world.client(raise_server_exceptions=False) as client,
    ):
        response = client.post("/signups/7")
    assert response.status_code == 202, f"the response was already sent as 202; got {response.status_code}"
    assert world.audit.records == [("signup", 7)], (
        "the audit task never ran: a background task that raises skips every task queued after it. Each "
        "task must guard itself (try/except + log) instead of raising."
    )
    errors = [r for r in caplog.records if r.name == "background_work.signup" and r.levelno == logging.ERROR]
    assert len(errors) == 1 and errors[0].exc_info and errors[0].exc_info[0] is MailerDown, (
        f"expected one ERROR record with the MailerDown traceback on 'background_work.signup'; got "
        f"{[(r.name, r.getMessage()) for r in caplog.records]}. Nobody sees a background failure unless it "
        "is logged (logger.exception)."
    )


def test_the_job_closes_its_session_when_the_mail_fails(caplog: pytest.LogCaptureFixture) -> None:
    world = World(mail_fails=True)
    with caplog.at_level(logging.ERROR, logger="background_work.signup"):
        try:
            send_welcome(7, world.mailer, world.session_factory)
        except MailerDown:
            pytest.fail(
                "send_welcome let the mailer's MailerDown escape: a background job must log its failure "
                "(logger.exception), not raise it, or the tasks queued after it are skipped."
            )
    assert len(world.sessions) == 1, (
        f"send_welcome opened {len(world.sessions)} session(s); expected exactly one, from session_factory()"
    )
    assert world.sessions[0].closed, (
        f"events {world.names()}: the mailer failed and the job's session was never closed. Closing it only "
        "after a successful send leaks a pooled DB connection on every failed mail, until the pool is empty "
        "and every request waits for a connection. Close it in a `finally:` (or a `with` block), whatever "
        "happens."
    )


def test_the_job_opens_its_own_session() -> None:
    world = World()
    with world.client() as client:
        client.post("/signups/7")
    names = world.names()
    assert len(world.sessions) == 2, (
        f"{len(world.sessions)} session(s) were opened; expected 2: the request's own, and a fresh one in the "
        "background job. Pass the user id to the job, not the request's session."
    )
    assert names.index("session1_closed") < names.index("response_complete"), (
        f"events {names}: the request session was still open when the response went out. On current FastAPI "
        "a 'request'-scoped yield dependency is torn down only after the background tasks; declare it with "
        'Depends(get_session, scope="function") to close it before the response.'
    )
    job = world.sessions[1]
    assert names.index("response_complete") < names.index("session2_opened") and job.lookups == [7], (
        f"events {names}: the background job should open its own session after the response and use it."
    )
    assert "session2_closed" in names and world.mailer.sent, (
        f"events {names}: the job's session must be closed when the job ends, and the mail sent."
    )


def test_unknown_user_is_404_and_nothing_runs() -> None:
    world = World()
    with world.client() as client:
        response = client.post("/signups/99")
    assert response.status_code == 404, f"user 99 does not exist: expected 404, got {response.status_code}"
    assert world.mailer.sent == [] and world.audit.records == [], (
        "no mail and no audit for a user that does not exist: add background tasks only on success."
    )
