"""`kata verify`: the project's self-check, in ONE pytest session.

Every kata test file is collected once per target (solution twice, stub, each pitfall) and all items are
shuffled, so the cost grows with the number of tests, not with a process per exercise. Then:
  1. every test passes on the reference solutions, twice, in random order;
  2. every test fails on its stub;
  3. every pitfall is rejected by each test its docstring names (`Rejected by: test_a, test_b`);
  4. curriculum.toml, folders, briefs, stubs and hint files agree: nothing missing, nothing orphaned;
  5. the manifest of protected-file hashes is current;
and the project's own tests in tests/ pass.
"""

from __future__ import annotations

import ast
import json
import random
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from katakit import hints as hints_mod
from katakit import manifest, readme, runner
from katakit.catalog import Catalog, Exercise, Kata
from katakit.plugin import test_names


@dataclass
class Outcome:
    outcome: str = "passed"  # worst of the phases: passed < skipped < failed
    message: str = ""
    seconds: float = 0.0


@dataclass(eq=False)
class VerifyRun:
    """Registered as a plugin for the session; records what every item did."""

    seed: int
    is_kata_verify: bool = True
    items: dict[str, Any] = field(default_factory=dict)
    outcomes: dict[str, Outcome] = field(default_factory=lambda: defaultdict(Outcome))
    collect_errors: list[str] = field(default_factory=list)

    def pytest_collection_modifyitems(self, session: Any, config: Any, items: list[Any]) -> None:
        random.Random(self.seed).shuffle(items)
        self.items = {item.nodeid: item for item in items}

    def pytest_collectreport(self, report: Any) -> None:
        if report.failed:
            self.collect_errors.append(f"{report.nodeid}: {_short(report.longrepr)}")

    def pytest_runtest_logreport(self, report: Any) -> None:
        out = self.outcomes[report.nodeid]
        out.seconds += report.duration
        rank = {"passed": 0, "skipped": 1, "failed": 2}
        if rank[report.outcome] > rank[out.outcome]:
            out.outcome = report.outcome
            out.message = _short(report.longrepr)


def _short(longrepr: Any) -> str:
    if longrepr is None:
        return ""
    crash = getattr(longrepr, "reprcrash", None)
    text = crash.message if crash is not None else str(longrepr)
    lines = [line for line in str(text).splitlines() if line.strip()]
    return lines[0][:300] if lines else ""


# --------------------------------------------------------------------------------------------------
# Structure


def structure_problems(cat: Catalog, selection: list[Exercise] | None = None) -> list[str]:
    """Metadata, folders, briefs, stubs, hints and pitfalls agree (for the selected exercises' katas)."""
    root = cat.root
    problems: list[str] = []
    seen: dict[str, str] = {}
    for kind, ids in (
        ("track", [t.id for t in cat.tracks]),
        ("kata", [k.id for k in cat.katas]),
        ("exercise", [e.id for e in cat.exercises]),
    ):
        for ident in ids:
            if ident in seen:
                problems.append(f"curriculum.toml: {kind} id '{ident}' is used twice")
            seen[ident] = kind
    known = {e.id for e in cat.exercises}
    for ex in cat.exercises:
        for req in ex.requires:
            if req not in known:
                problems.append(f"curriculum.toml: {ex.qualname} requires unknown exercise '{req}'")
        if ex.difficulty not in (1, 2, 3):
            problems.append(f"curriculum.toml: {ex.qualname} difficulty must be 1, 2 or 3")
    katas = [k for k in cat.katas if selection is None or any(ex.kata is k for ex in selection)]
    for kata in katas:
        problems += _kata_problems(kata)
    problems += _orphans(cat)
    problems += [f"manifest: {p}" for p in manifest.stale(cat)]
    if selection is None or len(selection) == len(cat.exercises):
        problems += readme.stale(cat)
    problems = [p.replace(str(root) + "/", "") for p in problems]
    if selection is not None and len(katas) < len(cat.katas):
        folders = {f"{top}/{k.track.id}/{k.id}/" for k in katas for top in ("katas", "solutions", "hints")}
        problems = [
            p
            for p in problems
            if not p.startswith(("katas/", "solutions/", "hints/", "manifest: katas/"))
            or any(folder in p.replace(":", "/", 1) for folder in folders)
        ]
    return problems


def _kata_problems(kata: Kata) -> list[str]:
    problems = []
    if not kata.folder.is_dir():
        return [f"{kata.folder}: folder named in curriculum.toml is missing"]
    for pkg in (kata.folder.parent / "__init__.py", kata.folder / "__init__.py"):
        if not pkg.exists():
            problems.append(f"{pkg}: missing (katas are packages so tests can import the stubs)")
    if not kata.brief.exists() or len(kata.brief.read_text(encoding="utf-8").split()) < 80:
        problems.append(f"{kata.brief}: the brief is missing or too short to teach anything")
    for ex in kata.exercises:
        for path, what in (
            (ex.stub, "stub"),
            (ex.test, "test file"),
            (ex.solution, "reference solution"),
            (ex.hints, "hint file"),
        ):
            if not path.exists():
                problems.append(f"{path}: {what} of {ex.qualname} is missing")
        if ex.stub.exists():
            problems += _stub_problems(ex)
        if ex.hints.exists():
            levels = hints_mod.load(ex.hints).levels
            if len(levels) < 3:
                problems.append(f"{ex.hints}: needs at least 3 hint levels, has {len(levels)}")
        names = test_names(ex.test) if ex.test.exists() else []
        for pitfall in ex.pitfalls:
            if not pitfall.summary:
                problems.append(f"{pitfall.path}: needs a docstring saying what mistake it ships")
            if not pitfall.rejected_by:
                problems.append(f"{pitfall.path}: docstring needs a 'Rejected by: test_name' line")
            for name in pitfall.rejected_by:
                if name.split("[")[0] not in names:
                    problems.append(f"{pitfall.path}: names '{name}', which is not a test in {ex.test.name}")
    return problems


def _stub_problems(ex: Exercise) -> list[str]:
    """A stub's functions contain only a docstring and `raise NotImplementedError`."""
    try:
        tree = ast.parse(ex.stub.read_text(encoding="utf-8"))
    except SyntaxError as exc:
        return [f"{ex.stub}:{exc.lineno}: the stub does not parse: {exc.msg}"]
    problems = []
    for node in ast.walk(tree):
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        body = node.body[1:] if ast.get_docstring(node) is not None else node.body
        if ast.get_docstring(node) is None:
            problems.append(f"{ex.stub}:{node.lineno}: {node.name}() needs a docstring stating its contract")
        ok = (
            len(body) == 1
            and isinstance(body[0], ast.Raise)
            and "NotImplementedError" in ast.unparse(body[0])
        )
        if not ok:
            problems.append(
                f"{ex.stub}:{node.lineno}: {node.name}() must have `raise NotImplementedError` as body"
            )
    return problems


def _orphans(cat: Catalog) -> list[str]:
    root = cat.root
    expected: set[Path] = set()
    for kata in cat.katas:
        expected |= {kata.brief, kata.folder / "__init__.py", kata.folder.parent / "__init__.py"}
        for ex in kata.exercises:
            expected |= {ex.stub, ex.test, ex.solution, ex.hints}
            expected |= {p.path for p in ex.pitfalls}
    expected.add(root / "katas" / "__init__.py")
    problems = []
    for top in ("katas", "solutions", "hints"):
        for path in sorted((root / top).rglob("*")):
            if path.is_dir() or "__pycache__" in path.parts or path.suffix == ".pyc":
                continue
            if path not in expected:
                problems.append(f"{path}: not part of any exercise in curriculum.toml (orphan)")
    return problems


# --------------------------------------------------------------------------------------------------
# The run


@dataclass
class Report:
    problems: list[str]
    records: list[dict[str, Any]]
    tests: int
    pitfalls_rejected: int
    seconds: float


def run(cat: Catalog, selection: list[Exercise], *, seed: int, include_tool_tests: bool) -> Report:
    started = time.perf_counter()
    problems = structure_problems(cat, selection)
    paths = [str(ex.test) for ex in selection if ex.test.exists()]
    if include_tool_tests and (cat.root / "tests").is_dir():
        paths.append(str(cat.root / "tests"))
    recorder = VerifyRun(seed=seed)
    args = [*runner.base_args(cat), "--continue-on-collection-errors", *paths]
    exit_code = pytest.main(args, plugins=[recorder]) if paths else 0
    problems += recorder.collect_errors
    if exit_code not in (0, 1) and not recorder.collect_errors:
        problems.append(f"pytest stopped with exit code {exit_code} (internal error or interrupted)")

    per_ex: dict[str, dict[str, dict[str, Outcome]]] = defaultdict(lambda: defaultdict(dict))
    tool_failures = []
    for nodeid, out in recorder.outcomes.items():
        item = recorder.items.get(nodeid)
        module = item.getparent(pytest.Module) if item is not None else None
        target = getattr(module, "target", None)
        if target is None:
            if out.outcome == "failed":
                tool_failures.append(f"{nodeid}: {out.message}")
            continue
        test = nodeid.split(f"::{target.label}::", 1)[1]
        per_ex[module.exercise.id][target.label][test] = out
    problems += [f"project test failed: {f}" for f in tool_failures]

    records, tests, rejected = [], 0, 0
    for ex in selection:
        targets = per_ex.get(ex.id, {})
        solution = {**targets.get("solution", {})}
        again = targets.get("solution-again", {})
        stub = targets.get("stub", {})
        tests += len(solution)
        seconds = sum(o.seconds for outs in targets.values() for o in outs.values())
        bad_solution = [f"{t}: {o.message}" for t, o in solution.items() if o.outcome == "failed"]
        flaky = [
            t for t, o in again.items() if o.outcome == "failed" and solution.get(t, o).outcome != "failed"
        ]
        stub_passing = [
            t
            for t, o in stub.items()
            if o.outcome == "passed" or (o.outcome == "skipped" and solution.get(t, o).outcome != "skipped")
        ]
        broken_stub = [o.message for o in stub.values() if "could not be imported" in o.message]
        if not solution and ex.test.exists():
            problems.append(f"{ex.qualname}: no test was collected from {ex.test.name}")
        problems += [f"{ex.qualname}: fails on the reference solution: {b}" for b in bad_solution]
        problems += [
            f"{ex.qualname}: {t} is flaky (passed once, failed on the second run): {again[t].message}"
            for t in flaky
        ]
        problems += [
            f"{ex.qualname}: {t} passes on the stub; a test that passes on a stub teaches nothing"
            for t in stub_passing
        ]
        if broken_stub:
            problems.append(f"{ex.qualname}: the stub does not import: {broken_stub[0].splitlines()[0]}")
        ex_rejected = 0
        for pitfall in ex.pitfalls:
            outs = targets.get(f"pitfall:{pitfall.id}", {})
            missing = [n for n in pitfall.rejected_by if not any(_named(t, n) for t in outs)]
            survived = [
                n
                for n in pitfall.rejected_by
                if n not in missing
                and not any(_named(t, n) and o.outcome == "failed" for t, o in outs.items())
            ]
            if missing:
                problems.append(f"pitfall {pitfall.id}: named test(s) not collected: {', '.join(missing)}")
            elif survived:
                problems.append(f"pitfall {pitfall.id}: NOT rejected by {', '.join(survived)} (they pass)")
            else:
                ex_rejected += 1
        rejected += ex_rejected
        hint_count = len(hints_mod.load(ex.hints).levels)
        records.append(
            {
                "track": ex.track.id,
                "kata": ex.kata.id,
                "exercise": ex.id,
                "tests": len(solution),
                "pitfalls": len(ex.pitfalls),
                "pitfalls_rejected": ex_rejected,
                "hints": hint_count,
                "stub_fails": bool(stub) and not stub_passing and not broken_stub,
                "solution_passes": bool(solution) and not bad_solution and not flaky,
                "seconds": round(seconds, 3),
            }
        )
    return Report(problems, records, tests, rejected, time.perf_counter() - started)


def _named(test: str, name: str) -> bool:
    """Does the test id `test` (maybe `Class::test_x[param]`) match a name from a docstring?"""
    base = test.split("[")[0]
    return test == name or base == name or base.split("::")[-1] == name


def write_json(report: Report, path: Path) -> None:
    path.write_text(json.dumps(report.records, indent=2) + "\n", encoding="utf-8")
