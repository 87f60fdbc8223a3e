"""Hint files: `## Hint N` sections form the ladder (nudge first); `## When test_x fails` sections are
keyed to a failing test and shown first when that test is the one failing."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

_HEADING = re.compile(r"^##\s+(?P<title>.+?)\s*$", re.MULTILINE)
_KEYED = re.compile(r"^When\s+`?(?P<test>test\w*)`?\s+fails$")


@dataclass
class Hints:
    levels: list[str] = field(default_factory=list)
    keyed: dict[str, str] = field(default_factory=dict)


def load(path: Path) -> Hints:
    """The hints of one hint file (none when the file is missing)."""
    return parse(path.read_text(encoding="utf-8")) if path.exists() else Hints()


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


def function_of(name: str) -> str:
    """`test_x` for a test id such as `test_x[param]` or `TestY::test_x`."""
    return name.split("[")[0].split("::")[-1]


@dataclass(frozen=True)
class Reveal:
    """The hint `kata hint` shows next."""

    kind: str  # "keyed" (for a test failing now) | "level" (the ladder) | "all-seen"
    text: str
    test: str = ""  # for kind "keyed": the test function it is keyed to
    level: int = 0  # for kind "level": 1-based level


def next_hint(hints: Hints, levels_seen: int, keyed_seen: list[str], failing: list[str]) -> Reveal:
    """What to reveal next: a not yet seen hint keyed to a test failing now (in the order the tests
    fail), else the next level of the ladder, else `all-seen`."""
    for name in failing:
        function = function_of(name)
        if function in hints.keyed and function not in keyed_seen:
            return Reveal("keyed", hints.keyed[function], test=function)
    if levels_seen < len(hints.levels):
        return Reveal("level", hints.levels[levels_seen], level=levels_seen + 1)
    return Reveal("all-seen", "")
