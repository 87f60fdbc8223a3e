"""Pitfall: leaving task_acks_late off (Celery acknowledges a message when a worker takes it).

Rejected by: test_configuration
Why it is wrong: a worker killed mid-task (OOM, deploy, node loss) has already acknowledged the message,
so the task is lost for good; "Celery survives restarts" only holds for messages still queued.
"""

from __future__ import annotations

from solutions.background_jobs.background_work.celery_task_design import *  # the rest is the reference
from solutions.background_jobs.background_work.celery_task_design import celery_app

celery_app.conf.task_acks_late = False
