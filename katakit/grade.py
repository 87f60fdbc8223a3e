"""`kata grade`: the whole curriculum in one pytest session, written as results a CI can read.

Three files (in `results/` unless told otherwise):
  results.json    exercism's test-runner format v3 (version, status, message, tests[name, status, message,
                  output, test_code, task_id]) plus per-test `duration`, per-exercise scores and the
                  integrity check; `katakit/results.schema.json` describes it;
  junit.xml       one <testsuite> per exercise, for CI test reporters;
  scoreboard.md   a Markdown summary fit for $GITHUB_STEP_SUMMARY.
Edited protected files (tests, conftest, plugin, testkit), found against the hash manifest, make the
grade untrustworthy: status "error", and every output says so.
"""

from __future__ import annotations

import json
import re
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from katakit import manifest, runner
from katakit.catalog import Catalog, Exercise

SCHEMA = Path(__file__).with_name("results.schema.json")
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass
class Files:
    results: Path
    junit: Path
    scoreboard: Path


def gradable(cat: Catalog) -> list[Exercise]:
    """Exercises that have a test file (a deleted test file shows up as tampering instead)."""
    return [ex for ex in cat.exercises if ex.test.exists()]


def run(cat: Catalog) -> dict[str, Any]:
    """Grade every exercise in ONE in-process pytest session; return the results.json document."""
    started = time.perf_counter()
    tampered = manifest.tampered(cat)
    runs = runner.run(cat, gradable(cat))
    return build(runs, tampered, seconds=time.perf_counter() - started)


def _task_id(ex: Exercise) -> int:
    return ex.index + 1


def _exercise_status(r: runner.ExerciseRun) -> str:
    if r.error:
        return "error"
    return "done" if r.ok else "failing"


def _test_status(t: runner.TestResult) -> str:
    return {"pass": "pass", "error": "error"}.get(t.status, "fail")  # a skipped test proves nothing


def build(runs: list[runner.ExerciseRun], tampered: list[str], *, seconds: float = 0.0) -> dict[str, Any]:
    """The results.json document for these runs (pure: no files, no pytest)."""
    tests: list[dict[str, Any]] = []
    exercises: list[dict[str, Any]] = []
    for r in runs:
        ex = r.exercise
        for t in r.tests:
            status = _test_status(t)
            message = t.message or ("skipped" if t.status == "skip" else "")
            tests.append(
                {
                    "name": f"{ex.id}::{t.name}",
                    "status": status,
                    "message": None if status == "pass" else (message or status),
                    "output": t.output or None,
                    "test_code": t.test_code,
                    "task_id": _task_id(ex),
                    "exercise": ex.id,
                    "duration": round(t.seconds, 4),
                }
            )
        if r.error:
            tests.append(
                {
                    "name": f"{ex.id}::(collection)",
                    "status": "error",
                    "message": r.error,
                    "output": None,
                    "test_code": "",
                    "task_id": _task_id(ex),
                    "exercise": ex.id,
                    "duration": 0.0,
                }
            )
        total = len(r.tests)
        passed = r.passed
        exercises.append(
            {
                "task_id": _task_id(ex),
                "track": ex.track.id,
                "kata": ex.kata.id,
                "exercise": ex.id,
                "title": ex.title,
                "difficulty": ex.difficulty,
                "status": _exercise_status(r),
                "passed": passed,
                "total": total,
                "score": round(passed / total, 4) if total else 0.0,
                "seconds": round(r.seconds, 4),
                "error": r.error or None,
            }
        )
    passed_tests = sum(t["status"] == "pass" for t in tests)
    done = sum(e["status"] == "done" for e in exercises)
    trusted = not tampered
    if not trusted:
        status = "error"
        message: str | None = (
            "This grade cannot be trusted: protected files differ from the manifest "
            f"(tests, conftest, plugin or testkit were edited): {', '.join(tampered)}. "
            "Restore them from the original repository (tests are not yours to change) and grade again."
        )
    elif not tests:
        status, message = "error", "No test was collected: is this the project folder?"
    else:
        status = "pass" if passed_tests == len(tests) else "fail"
        message = None
    return {
        "version": 3,
        "status": status,
        "message": message,
        "tests": tests,
        "trusted": trusted,
        "tampered": tampered,
        "score": {
            "exercises_done": done,
            "exercises": len(exercises),
            "tests_passed": passed_tests,
            "tests": len(tests),
            "percent": round(100 * passed_tests / len(tests), 1) if tests else 0.0,
        },
        "exercises": exercises,
        "seconds": round(seconds, 3),
    }


# --------------------------------------------------------------------------------------------------
# Writers


def junit_xml(results: dict[str, Any]) -> str:
    """JUnit XML: one <testsuite> per exercise, one <testcase> per test."""

    def clean(text: str | None) -> str:
        return _XML_ILLEGAL.sub("?", text or "")

    by_exercise: dict[str, list[dict[str, Any]]] = {}
    for test in results["tests"]:
        by_exercise.setdefault(test["exercise"], []).append(test)
    root = ET.Element(
        "testsuites",
        name="kata grade",
        tests=str(len(results["tests"])),
        failures=str(sum(t["status"] == "fail" for t in results["tests"])),
        errors=str(sum(t["status"] == "error" for t in results["tests"])),
        time=f"{results['seconds']:.3f}",
    )
    for ex in results["exercises"]:
        tests = by_exercise.get(ex["exercise"], [])
        suite = ET.SubElement(
            root,
            "testsuite",
            name=f"{ex['track']}/{ex['kata']}/{ex['exercise']}",
            tests=str(len(tests)),
            failures=str(sum(t["status"] == "fail" for t in tests)),
            errors=str(sum(t["status"] == "error" for t in tests)),
            skipped="0",
            time=f"{sum(t['duration'] for t in tests):.3f}",
        )
        props = ET.SubElement(suite, "properties")
        ET.SubElement(props, "property", name="trusted", value=str(results["trusted"]).lower())
        if results["tampered"]:
            ET.SubElement(props, "property", name="tampered", value=", ".join(results["tampered"]))
        for test in tests:
            case = ET.SubElement(
                suite,
                "testcase",
                classname=f"katas.{ex['track']}.{ex['kata']}.test_{ex['exercise']}",
                name=test["name"].split("::", 1)[1],
                time=f"{test['duration']:.4f}",
            )
            if test["status"] != "pass":
                message = clean(test["message"])
                tag = "failure" if test["status"] == "fail" else "error"
                node = ET.SubElement(case, tag, message=message.splitlines()[0] if message else tag)
                node.text = message
            if test["output"]:
                ET.SubElement(case, "system-out").text = clean(test["output"])
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _cell(text: str, limit: int = 160) -> str:
    one_line = " ".join(str(text).split())
    if len(one_line) > limit:
        one_line = one_line[: limit - 1] + "…"
    return one_line.replace("|", "\\|").replace("<", "&lt;")


def bar(done: int, total: int, width: int = 20) -> str:
    filled = round(width * done / total) if total else 0
    return "█" * filled + "░" * (width - filled)


def scoreboard(results: dict[str, Any]) -> str:
    """A Markdown scoreboard (GitHub-flavoured), fit for a CI step summary."""
    score = results["score"]
    lines = [
        "## Kata scoreboard",
        "",
        f"**{score['exercises_done']}/{score['exercises']} exercises done** · "
        f"{score['tests_passed']}/{score['tests']} tests pass ({score['percent']}%) · "
        f"`{bar(score['exercises_done'], score['exercises'])}`",
        "",
    ]
    if not results["trusted"]:
        lines += [
            "> [!CAUTION]",
            "> **This grade cannot be trusted.** Protected files differ from the manifest: "
            + ", ".join(f"`{name}`" for name in results["tampered"]),
            "",
        ]
    elif results["status"] == "error" and results["message"]:
        lines += ["> [!WARNING]", f"> {_cell(results['message'], 400)}", ""]
    tracks: dict[str, list[dict[str, Any]]] = {}
    for ex in results["exercises"]:
        tracks.setdefault(ex["track"], []).append(ex)
    lines += ["| Track | Exercises done | Tests passed | Progress |", "|---|---:|---:|---|"]
    for track, exs in tracks.items():
        done = sum(e["status"] == "done" for e in exs)
        passed, total = sum(e["passed"] for e in exs), sum(e["total"] for e in exs)
        lines.append(f"| {track} | {done}/{len(exs)} | {passed}/{total} | `{bar(done, len(exs), 10)}` |")
    lines += [
        "",
        "| | Exercise | Kata | Tests | Score | Time |",
        "|---|---|---|---:|---:|---:|",
    ]
    icons = {"done": "✅", "failing": "❌", "error": "⚠️"}
    for ex in results["exercises"]:
        lines.append(
            f"| {icons.get(ex['status'], '·')} | {ex['exercise']} | {ex['track']}/{ex['kata']} | "
            f"{ex['passed']}/{ex['total']} | {round(100 * ex['score'])}% | {ex['seconds']:.2f}s |"
        )
    first_failures = []
    by_exercise: dict[str, dict[str, Any]] = {}
    for test in results["tests"]:
        if test["status"] != "pass":
            by_exercise.setdefault(test["exercise"], test)
    for ex in results["exercises"]:
        test = by_exercise.get(ex["exercise"])
        if test is not None:
            first_failures.append(f"- **{ex['exercise']}** `{_cell(test['name'].split('::', 1)[1], 80)}`: ")
            first_failures[-1] += _cell(test["message"] or test["status"])
    if first_failures:
        lines += [
            "",
            f"<details><summary>First failure of each unfinished exercise ({len(first_failures)})</summary>",
            "",
            *first_failures,
            "",
            "</details>",
        ]
    lines += ["", f"_Graded in {results['seconds']:.2f}s by `kata grade`; details in results.json._", ""]
    return "\n".join(lines)


def write(results: dict[str, Any], out: Path) -> Files:
    out.mkdir(parents=True, exist_ok=True)
    files = Files(out / "results.json", out / "junit.xml", out / "scoreboard.md")
    files.results.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    files.junit.write_text(junit_xml(results), encoding="utf-8")
    files.scoreboard.write_text(scoreboard(results), encoding="utf-8")
    return files
