"""The progress file: atomic, git-ignored, believed only while the file is unchanged, rebuilt if corrupt."""

from __future__ import annotations

import json
from typing import Any

from katakit.catalog import Catalog, Exercise
from katakit.state import State


def solve(ex: Exercise) -> None:
    ex.stub.write_text(ex.solution.read_text(encoding="utf-8"), encoding="utf-8")


def test_round_trip_is_atomic_and_ignored(tiny: Catalog) -> None:
    ex = tiny.exercise("add_two")
    state = State.load(tiny)
    state.record(ex, 1, 2, "test_negative", ["test_negative"])
    state.hints_seen["add_two"] = 2
    state.keyed_seen["add_two"] = ["test_negative"]
    state.save()
    folder = tiny.root / ".kata"
    assert sorted(p.name for p in folder.iterdir()) == [".gitignore", "state.json"], "no temp file left"
    assert (folder / ".gitignore").read_text() == "*\n"
    again = State.load(tiny)
    assert not again.rebuilt
    assert again.exercises == state.exercises
    assert again.hints_seen == {"add_two": 2}
    assert again.keyed_seen == {"add_two": ["test_negative"]}


def test_status_follows_the_file(tiny: Catalog) -> None:
    ex = tiny.exercise("add_two")
    state = State.load(tiny)
    assert state.status(tiny, ex) == "not started", "a pristine stub needs no run"
    assert state.status(tiny, tiny.exercise("ghost")) == "unavailable"
    ex.stub.write_text(ex.stub.read_text() + "\n# edited\n")
    assert state.status(tiny, ex) == "changed", "edited and never run: must be run before it is shown"
    state.record(ex, 1, 2, "test_negative", ["test_negative"])
    assert state.status(tiny, ex) == "failing"
    assert state.failing_tests(ex) == ["test_negative"]
    solve(ex)
    assert state.status(tiny, ex) == "changed", "a recorded result is only believed for the same file"
    assert state.failing_tests(ex) == []
    state.record(ex, 2, 2)
    assert state.status(tiny, ex) == "done"


def test_corrupt_file_is_set_aside_and_rebuilt(tiny: Catalog) -> None:
    path = tiny.root / ".kata" / "state.json"
    path.parent.mkdir()
    path.write_text('{"exercises": {"add_two": ', encoding="utf-8")  # a write cut short
    state = State.load(tiny)
    assert state.rebuilt and state.exercises == {}
    assert (path.parent / "state.json.corrupt").exists(), "the unreadable file is kept, not lost"
    state.save()
    assert not State.load(tiny).rebuilt


def test_wrong_shapes_are_rebuilt_not_fatal(tiny: Catalog) -> None:
    path = tiny.root / ".kata" / "state.json"
    path.parent.mkdir()
    for content in ("[]", '{"exercises": {"add_two": {"status": "done"}}}', '{"hints_seen": {"a": "x"}}'):
        path.write_text(content, encoding="utf-8")
        assert State.load(tiny).rebuilt, content


def test_unknown_statuses_are_dropped(tiny: Catalog) -> None:
    path = tiny.root / ".kata" / "state.json"
    path.parent.mkdir()
    entry = {"status": "weird", "hash": "", "passed": 0, "total": 1}
    path.write_text(json.dumps({"exercises": {"add_two": entry}, "hints_seen": {}}), encoding="utf-8")
    state = State.load(tiny)
    assert not state.rebuilt and state.exercises == {}


def test_a_long_running_kata_keeps_what_another_one_wrote(tiny: Catalog, fake_runs: Any) -> None:
    from katakit import cli

    fake_runs({"add_two": [("test_small", "fail", "no")]})
    watching = State.load(tiny)  # `kata watch` loaded its state at start...
    other = State.load(tiny)  # ...then `kata hint` ran in a second terminal
    other.hints_seen["add_two"] = 2
    other.save()
    cli.run_and_record(tiny, watching, [tiny.exercise("add_two")])
    on_disk = State.load(tiny)
    assert on_disk.hints_seen == {"add_two": 2}, "the hints seen elsewhere are not overwritten"
    assert on_disk.exercises["add_two"]["status"] == "failing"
