"""Hint files: `## Hint N` sections form the ladder (nudge first); `## When test_x fails` sections are
keyed to a failing test and shown first when that test is the one failing."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_HEADING = re.compile(r"^##\s+(?P<title>.+?)\s*$", re.MULTILINE)
_KEYED = re.compile(r"^When\s+`?(?P<test>test\w*)`?\s+fails$")


@dataclass
class Hints:
    levels: list[str] = field(default_factory=list)
    keyed: dict[str, str] = field(default_factory=dict)


def parse(text: str) -> Hints:
    hints = Hints()
    matches = list(_HEADING.finditer(text))
    for match, following in zip(matches, [*matches[1:], None], strict=True):
        body = text[match.end() : following.start() if following else len(text)].strip()
        title = match["title"]
        keyed = _KEYED.match(title)
        if keyed:
            hints.keyed[keyed["test"]] = body
        elif title.lower().startswith("hint") and body:
            hints.levels.append(body)
    return hints
