"""Pitfall: answering overload with 429, as the note's queue-length and tier shedding do.

Rejected by: test_a_shed_request_gets_503_before_any_work, test_a_full_backlog_sheds_every_tier
Why it is wrong: 429 Too Many Requests (RFC 6585 §4) tells a client it exceeded ITS OWN quota, so it may
slow that client down or blame the user; overload is the server's state, which RFC 9110 §15.6.4 gives
503 Service Unavailable with Retry-After. Load balancers and retry policies treat the two differently.
"""

from __future__ import annotations

from solutions.safe_calls.resilience_patterns.load_shedding import *  # the rest is the reference
from solutions.safe_calls.resilience_patterns.load_shedding import Decision
from solutions.safe_calls.resilience_patterns.load_shedding import LoadShedder as _Reference


class LoadShedder(_Reference):
    def _shed(self, reason: str) -> Decision:
        return Decision(False, 429, self.retry_after_s, reason)
