"""`kata grade` output: results.json valid against its schema (exercism v3 plus scores), JUnit XML, the
Markdown scoreboard, capped output, and the integrity check against the hash manifest."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from typing import Any

import jsonschema
import pytest

from katakit import cli, grade, manifest, runner
from katakit.catalog import Catalog
from katakit.runner import ExerciseRun, TestResult

SCHEMA = json.loads(grade.SCHEMA.read_text(encoding="utf-8"))


VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def test_the_schema_is_valid() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def _validate(results: dict[str, Any]) -> None:
    VALIDATOR.validate(results)


def _runs(cat: Catalog) -> list[ExerciseRun]:
    two, many = cat.exercise("add_two"), cat.exercise("add_many")
    return [
        ExerciseRun(
            two,
            [
                TestResult("test_small", "pass", seconds=0.01, test_code="def test_small(): ..."),
                TestResult(
                    "test_negative",
                    "fail",
                    "AssertionError: expected -3; got 0",
                    output=runner.cap_output("x" * 50, cap=10),
                    seconds=0.02,
                ),
            ],
        ),
        ExerciseRun(many, [TestResult("test_empty", "pass", seconds=0.005)]),
    ]


def test_results_follow_the_schema(tiny: Catalog) -> None:
    results = grade.build(_runs(tiny), [], seconds=0.5)
    _validate(results)
    assert (results["version"], results["status"], results["trusted"]) == (3, "fail", True)
    failing = next(t for t in results["tests"] if t["status"] == "fail")
    assert failing["name"] == "add_two::test_negative" and failing["task_id"] == 1
    assert failing["message"].startswith("AssertionError")
    assert "[output truncated: 40 more characters not shown]" in failing["output"]
    assert [e["score"] for e in results["exercises"]] == [0.5, 1.0]
    assert results["score"] == {
        "exercises_done": 1,
        "exercises": 2,
        "tests_passed": 2,
        "tests": 3,
        "percent": 66.7,
    }


def test_all_passing_and_collection_errors(tiny: Catalog) -> None:
    ok = [ExerciseRun(tiny.exercise("add_many"), [TestResult("test_empty", "pass")])]
    assert grade.build(ok, [])["status"] == "pass"
    broken = [ExerciseRun(tiny.exercise("add_two"), [], error="SyntaxError in test_add_two.py")]
    results = grade.build([*ok, *broken], [])
    _validate(results)
    assert results["status"] == "fail"
    assert results["exercises"][1]["status"] == "error"
    assert results["tests"][-1]["status"] == "error" and "SyntaxError" in results["tests"][-1]["message"]
    empty = grade.build([], [])
    _validate(empty)
    assert empty["status"] == "error" and empty["message"]


def test_the_schema_rejects_what_exercism_would(tiny: Catalog) -> None:
    results = grade.build(_runs(tiny), [])
    results["tests"][1]["message"] = None  # a failing test must say why
    with pytest.raises(jsonschema.ValidationError):
        _validate(results)
    results = grade.build(_runs(tiny), [])
    results["status"] = "passed"
    with pytest.raises(jsonschema.ValidationError):
        _validate(results)


def test_tampered_tests_make_the_grade_untrustworthy(tiny: Catalog) -> None:
    assert manifest.tampered(tiny) == []
    test_file = tiny.exercise("add_two").test
    test_file.write_text(test_file.read_text().replace("== 3", "== add(1, 2)"))
    assert manifest.tampered(tiny) == ["katas/basics/sums/test_add_two.py"]
    results = grade.build(_runs(tiny), manifest.tampered(tiny))
    _validate(results)
    assert results["status"] == "error" and not results["trusted"]
    assert "cannot be trusted" in results["message"] and "test_add_two.py" in results["message"]
    assert "cannot be trusted" in grade.scoreboard(results)
    assert 'name="trusted" value="false"' in grade.junit_xml(results)


def test_deleted_test_or_manifest_is_tampering(tiny: Catalog) -> None:
    tiny.exercise("add_many").test.unlink()
    assert manifest.tampered(tiny) == ["katas/basics/sums/test_add_many.py"]
    (tiny.root / manifest.MANIFEST).unlink()
    assert manifest.tampered(tiny) == ["katakit/manifest.json (missing, unreadable or empty)"]


def test_junit_xml(tiny: Catalog) -> None:
    results = grade.build(_runs(tiny), [], seconds=1.25)
    results["tests"][1]["output"] = "bell \x07 and text"  # not allowed in XML 1.0
    root = ET.fromstring(grade.junit_xml(results))
    assert root.tag == "testsuites" and root.get("tests") == "3" and root.get("failures") == "1"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["basics/sums/add_two", "basics/sums/add_many"]
    [failure] = root.iter("failure")
    assert failure.get("message") == "AssertionError: expected -3; got 0"
    assert root.find(".//system-out").text == "bell ? and text"  # type: ignore[union-attr]


def test_scoreboard_markdown(tiny: Catalog) -> None:
    board = grade.scoreboard(grade.build(_runs(tiny), [], seconds=0.5))
    assert board.startswith("## Kata scoreboard")
    assert "**1/2 exercises done** · 2/3 tests pass (66.7%)" in board
    assert "| basics | 1/2 | 2/3 |" in board
    assert "| ❌ | add_two | basics/sums | 1/2 | 50% |" in board
    assert "| ✅ | add_many | basics/sums | 1/1 | 100% |" in board
    assert "**add_two** `test_negative`: AssertionError: expected -3; got 0" in board


def test_grade_command_writes_three_files(
    tiny: Catalog, fake_runs: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    calls = fake_runs({"add_two": [("test_small", "pass", ""), ("test_negative", "fail", "boom")]})
    out = tiny.root / "results" / "out"
    assert cli.main(["grade", "--out", str(out)]) == 0
    assert calls == [["add_two", "add_many"]], "the whole curriculum in ONE session; no files, no run"
    assert sorted(p.name for p in out.iterdir()) == ["junit.xml", "results.json", "scoreboard.md"]
    _validate(json.loads((out / "results.json").read_text()))
    assert "graded: 0/2 exercises done" in capsys.readouterr().out
    assert cli.main(["grade", "--out", str(out), "--strict"]) == 1


def test_grade_command_fails_when_untrusted(
    tiny: Catalog, fake_runs: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    fake_runs({})
    (tiny.root / "katakit" / "manifest.json").write_text("{}")
    assert cli.main(["grade"]) == 1
    assert (tiny.root / "results" / "results.json").exists(), "default: results/ in the project"
    assert "cannot be trusted" in capsys.readouterr().err


def test_cap_output() -> None:
    assert runner.cap_output("short") == "short"
    capped = runner.cap_output("a" * 5000)
    assert capped.startswith("a" * runner.OUTPUT_CAP)
    assert capped.endswith("[output truncated: 1000 more characters not shown]")
