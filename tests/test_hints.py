"""Hints: the ladder one level at a time, a hint keyed to the failing test first, all remembered."""

from __future__ import annotations

import pytest

from katakit import cli, hints
from katakit.catalog import Catalog
from katakit.state import State

TEXT = """# Hints

## Hint 1
nudge

## When test_b fails
about b

## Hint 2
more

## When `test_c` fails
about c

## Hint 3
almost
"""


def test_parse_ladder_and_keyed() -> None:
    parsed = hints.parse(TEXT)
    assert parsed.levels == ["nudge", "more", "almost"]
    assert parsed.keyed == {"test_b": "about b", "test_c": "about c"}


def test_keyed_hint_for_the_failing_test_comes_first() -> None:
    parsed = hints.parse(TEXT)
    first = hints.next_hint(parsed, 0, [], ["test_c[case 1]"])
    assert (first.kind, first.test, first.text) == ("keyed", "test_c", "about c")
    second = hints.next_hint(parsed, 0, ["test_c"], ["test_c[case 1]"])
    assert (second.kind, second.level, second.text) == ("level", 1, "nudge")
    assert hints.next_hint(parsed, 1, ["test_c"], ["TestX::test_b"]).text == "about b"
    assert hints.next_hint(parsed, 3, ["test_b", "test_c"], ["test_b"]).kind == "all-seen"
    assert hints.next_hint(parsed, 2, [], ["test_a"]).text == "almost", "no keyed hint: the ladder"


def _state_failing(tiny: Catalog, failing: list[str]) -> None:
    ex = tiny.exercise("add_two")
    ex.stub.write_text(ex.stub.read_text() + "\n# started\n")
    state = State.load(tiny)
    state.record(ex, 0, 2, failing[0], failing)
    state.save()


def test_cli_reveals_one_at_a_time_and_remembers(tiny: Catalog, capsys: pytest.CaptureFixture[str]) -> None:
    _state_failing(tiny, ["test_negative", "test_small"])
    shown = []
    for _ in range(5):
        assert cli.main(["hint", "add_two"]) == 0
        shown.append(capsys.readouterr().out)
    assert "Keyed hint: negative numbers" in shown[0] and "test_negative is failing now" in shown[0]
    assert "Hint 1 of 3" in shown[1] and "A nudge for add_two" in shown[1]
    assert "Hint 2 of 3" in shown[2]
    assert "Hint 3 of 3" in shown[3] and "last hint" in shown[3]
    assert "already shown" in shown[4] and "Nearly the answer" in shown[4] and "Keyed hint" in shown[4]
    state = State.load(tiny)
    assert state.hints_seen == {"add_two": 3} and state.keyed_seen == {"add_two": ["test_negative"]}


def test_keyed_hint_only_for_the_first_failure(tiny: Catalog, capsys: pytest.CaptureFixture[str]) -> None:
    _state_failing(tiny, ["test_small", "test_negative"])
    assert cli.main(["hint", "add_two"]) == 0
    assert "Hint 1 of 3" in capsys.readouterr().out, "test_small fails first and has no keyed hint"


def test_fresh_stub_uses_its_first_test_without_running(
    tiny: Catalog, capsys: pytest.CaptureFixture[str], fake_runs: object
) -> None:
    calls = fake_runs({})  # type: ignore[operator]
    assert cli.main(["hint"]) == 0  # the current exercise: the first unsolved one
    out = capsys.readouterr().out
    assert "Hint 1 of 3 for add_two" in out, "test_small (first in the file) has no keyed hint"
    assert calls == [], "a pristine stub fails every test; no run is needed to know"
