"""`kata`: the learner's command line (progress, run, watch, hints, reset, solution, grade) and the
maintainers' self-check (verify, manifest).

Every status shown comes from a real run: `.kata/state.json` remembers the last outcome of each exercise
with the hash of the file it ran, and anything edited since is run again (all in one pytest session)
before it is shown.
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import difflib
import json
import os
import random
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import NoReturn

from katakit import catalog as catalog_mod
from katakit import hints as hints_mod
from katakit import manifest, runner
from katakit import state as state_mod
from katakit.catalog import Catalog, CatalogError, Exercise
from katakit.state import DONE, FAILING, NOT_STARTED, STALE, UNAVAILABLE, State

COMMANDS = ["list", "run", "watch", "hint", "reset", "solution", "grade", "verify", "manifest"]
MESSAGE_LINES = 40  # lines of a failure message shown (a time-limit report lists every waiting task)
OUTPUT_LINES = 20  # of the captured output, as the terminal shows it (results.json keeps more)
OUTPUT_WIDTH = 200


def _color_enabled() -> bool:
    return sys.stdout.isatty() and os.environ.get("NO_COLOR") is None and os.environ.get("TERM") != "dumb"


def _c(code: str, text: str) -> str:
    return f"\033[{code}m{text}\033[0m" if _color_enabled() else text


def bar(done: int, total: int, width: int = 30) -> str:
    filled = round(width * done / total) if total else 0
    return "[" + "#" * filled + "." * (width - filled) + "]"


class UsageProblem(Exception):
    """Bad input from the user: printed as one line, exit status 2."""


def _rel(cat: Catalog, path: Path) -> str:
    return catalog_mod.relative(path, cat.root)


# --------------------------------------------------------------------------------------------------
# Running and recording


def run_and_record(cat: Catalog, state: State, exercises: list[Exercise]) -> list[runner.ExerciseRun]:
    """Run `exercises` in one pytest session and remember each outcome with the file's hash."""
    results = runner.run(cat, exercises)
    state.reload(cat)  # keep what another kata process wrote meanwhile (hints seen, other runs)
    for result in results:
        if not result.exercise.test.exists():
            continue
        failure = result.first_failure
        state.record(
            result.exercise,
            result.passed,
            len(result.tests) or 1,
            failure.name if failure else ("(collection)" if result.error else ""),
            result.failing,
        )
    state.save()
    return results


def refresh(cat: Catalog, state: State, also: list[Exercise] | None = None) -> dict[str, runner.ExerciseRun]:
    """Re-run every exercise edited since its last run, plus `also`, in ONE session."""
    wanted = {ex.id for ex in also or []}
    todo = [ex for ex in cat.exercises if ex.id in wanted or state.status(cat, ex) == STALE]
    todo = [ex for ex in todo if state.status(cat, ex) != UNAVAILABLE]
    if not todo:
        return {}
    return {r.exercise.id: r for r in run_and_record(cat, state, todo)}


def statuses(cat: Catalog, state: State) -> dict[str, str]:
    return {ex.id: state.status(cat, ex) for ex in cat.exercises}


def first_unsolved(cat: Catalog, state: State, after: Exercise | None = None) -> Exercise | None:
    start = after.index + 1 if after is not None else 0
    for ex in cat.exercises[start:]:
        if state.status(cat, ex) not in (DONE, UNAVAILABLE):
            return ex
    return None


# --------------------------------------------------------------------------------------------------
# Showing results


def print_progress(cat: Catalog, state: State) -> None:
    st = statuses(cat, state)
    available = [ex for ex in cat.exercises if st[ex.id] != UNAVAILABLE]
    done = sum(st[ex.id] == DONE for ex in available)
    print(f"Progress {bar(done, len(available))} {done}/{len(available)} exercises done")
    for track in cat.tracks:
        ids = [ex.id for kata in track.katas for ex in kata.exercises if st[ex.id] != UNAVAILABLE]
        if not ids:
            continue
        n_done = sum(st[i] == DONE for i in ids)
        n_failing = sum(st[i] in (FAILING, STALE) for i in ids)
        n_new = sum(st[i] == NOT_STARTED for i in ids)
        print(
            f"  {track.id:<18} {bar(n_done, len(ids), 10)} {n_done:>2}/{len(ids):<2} done"
            f"  {n_failing} failing, {n_new} not started"
        )


def _relativize(cat: Catalog, text: str) -> str:
    return text.replace(str(cat.root.resolve()) + os.sep, "").replace(str(cat.root) + os.sep, "")


def _clip(lines: list[str], limit: int) -> list[str]:
    if len(lines) <= limit:
        return lines
    return [*lines[:limit], f"... ({len(lines) - limit} more lines)"]


def edit_location(cat: Catalog, ex: Exercise, failure: runner.TestResult | None) -> str:
    """Where the learner should look: the learner frame that raised, else the code the test calls."""
    if failure is not None:
        if failure.location:
            return failure.location
        match = re.match(r"^(katas/\S+?\.py:\d+):", failure.message)
        if match:  # the module does not import: the plugin names the line
            return match[1]
    rel = _rel(cat, ex.stub)
    try:
        source = ex.stub.read_text(encoding="utf-8")
        tree = ast.parse(source)
    except (OSError, SyntaxError, ValueError):
        return f"{rel}:1"
    code = failure.test_code if failure is not None else ""
    called: list[tuple[bool, int]] = []  # (finished?, line) of functions the failing test names
    unfinished: list[int] = []
    interfaces = {  # Protocol and ABC methods are the contract the tests supply, never the learner's to edit
        id(item)
        for cls in ast.walk(tree)
        if isinstance(cls, ast.ClassDef)
        and any(ast.unparse(base).split(".")[-1].split("[")[0] in ("Protocol", "ABC") for base in cls.bases)
        for item in cls.body
    }
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and id(node) not in interfaces:
            stub = "NotImplementedError" in ast.unparse(node)
            if stub:
                unfinished.append(node.lineno)
            if code and re.search(rf"\b{re.escape(node.name)}\b", code):
                called.append((not stub, node.lineno))
    if called:
        return f"{rel}:{min(called)[1]}"
    if unfinished:
        return f"{rel}:{min(unfinished)}"
    return f"{rel}:1"


def show_run(cat: Catalog, result: runner.ExerciseRun, state: State) -> None:
    ex = result.exercise
    total = len(result.tests)
    print()
    print(_c("1", f"▶ {ex.id}") + f"  ({ex.track.id}/{ex.kata.id}, difficulty {ex.difficulty})")
    print(f"  {ex.title}")
    if result.ok:
        print(_c("32", f"  ✓ all {total} tests pass."))
        return
    failure = result.first_failure
    if result.error:
        print(_c("31", "  ✗ the tests could not be collected:"))
        for line in _clip(_relativize(cat, result.error).strip().splitlines(), MESSAGE_LINES):
            print(f"    {line}")
        if ex.test.exists():
            print(
                f"    The test file itself does not load. Tests are not yours to edit: restore "
                f"{_rel(cat, ex.test)} (e.g. `git checkout -- {_rel(cat, ex.test)}`)."
            )
    else:
        assert failure is not None
        print(_c("31", f"  ✗ {result.passed}/{total} tests pass; first failure:"))
        print()
        print("  " + _c("1", failure.name))
        for line in _clip(_relativize(cat, failure.message).splitlines(), MESSAGE_LINES):
            print(f"    {line}")
        if failure.output:
            print("    output of your code:")
            for line in _clip(failure.output.splitlines(), OUTPUT_LINES):
                print(f"      {line[:OUTPUT_WIDTH]}" + ("…" if len(line) > OUTPUT_WIDTH else ""))
    print()
    print(f"  edit:  {edit_location(cat, ex, failure)}")
    if failure is not None and failure.test_location:
        print(f"  test:  {failure.test_location}")
    if ex.kata.brief.exists():
        print(f"  brief: {_rel(cat, ex.kata.brief)}")
    if ex.hints.exists():
        parsed = hints_mod.load(ex.hints)
        seen = state.hints_seen.get(ex.id, 0)
        keyed = failure is not None and failure.function in parsed.keyed
        extra = " (one is written for exactly this failure)" if keyed else ""
        print(f"  hint:  kata hint {ex.id}   {seen} of {len(parsed.levels)} seen{extra}")


# --------------------------------------------------------------------------------------------------
# Learner commands


def cmd_next(cat: Catalog, state: State) -> int:
    """Progress, then the first unsolved exercise run, its first failure shown."""
    if state.rebuilt:
        print("note: the progress file was unreadable; it was set aside and rebuilt from fresh runs.")
    while True:
        ex = first_unsolved(cat, state)
        if ex is None:
            print_progress(cat, state)
            print(_c("32", "Every exercise passes. Well done! `kata grade` writes your scoreboard."))
            return 0
        result = refresh(cat, state, [ex])[ex.id]
        if result.ok:
            print(_c("32", f"✓ {ex.id} passes now."))
            continue
        print_progress(cat, state)
        show_run(cat, result, state)
        print(f"  watch: kata watch      re-runs {ex.id} every time you save it")
        return 1


def cmd_run(cat: Catalog, state: State, name: str) -> int:
    ex = _available(cat, state, name)
    [result] = run_and_record(cat, state, [ex])
    show_run(cat, result, state)
    if result.ok:
        nxt = first_unsolved(cat, state, after=ex) or first_unsolved(cat, state)
        print(f"  next:  kata run {nxt.id}" if nxt else _c("32", "  Every exercise passes. Well done!"))
    return 0 if result.ok else 1


def find_exercise(cat: Catalog, name: str) -> Exercise:
    """cat.exercise, with a better guess for a prefix or a fragment (`failure` -> failure_classes)."""
    try:
        return cat.exercise(name)
    except CatalogError as exc:
        ids = [ex.id for ex in cat.exercises]
        guesses = [i for i in ids if i.startswith(name)] or [i for i in ids if name.lower() in i]
        if guesses and "did you mean" not in str(exc):
            raise CatalogError(f"unknown exercise '{name}'; did you mean '{guesses[0]}'?") from None
        raise


def _available(cat: Catalog, state: State, name: str) -> Exercise:
    ex = find_exercise(cat, name)
    if state.status(cat, ex) == UNAVAILABLE:
        raise UsageProblem(f"exercise '{ex.id}' has no stub or test file yet ({_rel(cat, ex.test)})")
    return ex


def list_rows(cat: Catalog, state: State) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for ex in cat.exercises:
        entry = state.exercises.get(ex.id, {})
        status = state.status(cat, ex)
        rows.append(
            {
                "track": ex.track.id,
                "kata": ex.kata.id,
                "exercise": ex.id,
                "title": ex.title,
                "difficulty": ex.difficulty,
                "status": status,
                "passed": int(entry.get("passed", 0)) if status in (DONE, FAILING) else 0,
                "total": int(entry.get("total", 0)) if status in (DONE, FAILING) else None,
            }
        )
    return rows


def cmd_list(cat: Catalog, state: State, as_json: bool) -> int:
    refresh(cat, state)  # statuses come from real runs: re-run whatever was edited since
    rows = list_rows(cat, state)
    if as_json:
        print(json.dumps(rows, indent=2))
        return 0
    if state.rebuilt:
        print("note: the progress file was unreadable; it was set aside and rebuilt.")
    current = first_unsolved(cat, state)
    colors = {DONE: "32", FAILING: "31", NOT_STARTED: "2", UNAVAILABLE: "2"}
    widths = {key: max(len(key), *(len(str(r[key])) for r in rows)) for key in ("track", "kata", "exercise")}
    header = (
        f"  {'track':<{widths['track']}}  {'kata':<{widths['kata']}}  "
        f"{'exercise':<{widths['exercise']}}  diff  status"
    )
    print(_c("1", header))
    for row in rows:
        marker = "→" if current is not None and row["exercise"] == current.id else " "
        status = str(row["status"])
        tests = f" ({row['passed']}/{row['total']})" if status == FAILING else ""
        print(
            f"{marker} {row['track']!s:<{widths['track']}}  {row['kata']!s:<{widths['kata']}}  "
            f"{row['exercise']!s:<{widths['exercise']}}  {'*' * int(str(row['difficulty'])):<4}  "
            + _c(colors.get(status, "0"), status + tests)
        )
    print()
    print_progress(cat, state)
    return 0


def cmd_watch(cat: Catalog, state: State, name: str | None) -> int:
    """Run the exercise, then again on every save; when it passes, move on to the next unsolved one."""
    ex = _available(cat, state, name) if name else first_unsolved(cat, state)
    clear = sys.stdout.isatty() and os.environ.get("KATA_NO_CLEAR") is None
    while ex is not None:
        [result] = run_and_record(cat, state, [ex])
        show_run(cat, result, state)
        if result.ok:
            nxt = first_unsolved(cat, state, after=ex) or first_unsolved(cat, state)
            if nxt is not None:
                print(_c("32", f"\n✓ {ex.id} passes. Moving on to {nxt.id}."))
            ex = nxt
            continue
        print(
            f"\n  [{time.strftime('%H:%M:%S')}] watching {_rel(cat, ex.stub)}: "
            "save it to run again; Ctrl-C to stop."
        )
        wait_for_change(ex)
        if clear:
            print("\033[2J\033[H", end="")
    print()
    print_progress(cat, state)
    print(_c("32", "Every exercise passes. Well done! `kata grade` writes your scoreboard."))
    return 0


def _snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    snap = {}
    for path in folder.glob("*.py"):
        with contextlib.suppress(OSError):
            st = path.stat()
            snap[str(path)] = (st.st_mtime_ns, st.st_size)
    return snap


def wait_for_change(ex: Exercise, *, poll_seconds: float = 0.3) -> None:
    """Return once a .py file of the exercise's kata folder is saved (watchfiles, else polling)."""
    folder = ex.stub.parent
    if os.environ.get("KATA_WATCH_POLL") is None:
        try:
            import watchfiles

            for _changes in watchfiles.watch(
                folder, watch_filter=watchfiles.PythonFilter(), debounce=200, recursive=False
            ):
                return
        except KeyboardInterrupt:
            raise
        except Exception:  # no native watcher here (containers, network drives): poll instead
            pass
    before = _snapshot(folder)
    while _snapshot(folder) == before:
        time.sleep(poll_seconds)  # (the plugin's guard on time.sleep only objects inside an event loop)


def cmd_hint(cat: Catalog, state: State, name: str | None) -> int:
    ex = _available(cat, state, name) if name else first_unsolved(cat, state)
    if ex is None:
        print("Every exercise passes: no hint needed. Name one to read its hints: kata hint <exercise>.")
        return 0
    if not ex.hints.exists():
        raise UsageProblem(f"exercise '{ex.id}' has no hint file yet")
    parsed = hints_mod.load(ex.hints)
    failing = failing_now(cat, state, ex)
    seen = state.hints_seen.get(ex.id, 0)
    keyed_seen = state.keyed_seen.get(ex.id, [])
    reveal = hints_mod.next_hint(parsed, seen, keyed_seen, failing)
    total = len(parsed.levels)
    if reveal.kind == "keyed":
        print(_c("1", f"Hint for {ex.id}, because {reveal.test} is failing now:"))
        print(reveal.text)
        state.keyed_seen[ex.id] = [*keyed_seen, reveal.test]
        print(f"\n({seen} of {total} general hints seen; `kata hint {ex.id}` shows the next.)")
    elif reveal.kind == "level":
        print(_c("1", f"Hint {reveal.level} of {total} for {ex.id}:"))
        print(reveal.text)
        state.hints_seen[ex.id] = reveal.level
        if reveal.level < total:
            print(f"\n(`kata hint {ex.id}` again for hint {reveal.level + 1}, which says more.)")
        else:
            print(f"\n(That was the last hint. Once it passes: `kata solution {ex.id}`.)")
    else:
        print(f"All {total} hints for {ex.id} are already shown; here they are again.")
        for number, text in enumerate(parsed.levels, 1):
            print(_c("1", f"\nHint {number} of {total}"))
            print(text)
        for test in keyed_seen:
            if test in parsed.keyed:
                print(_c("1", f"\nWhen {test} fails"))
                print(parsed.keyed[test])
    state.save()
    return 0


def failing_now(cat: Catalog, state: State, ex: Exercise) -> list[str]:
    """The test of `ex` failing first now, the one `kata run` shows (a fresh stub fails its first test;
    no run needed). Keyed hints follow the first failure, so the ladder still starts with a nudge."""
    from katakit.plugin import test_names

    status = state.status(cat, ex)
    if status == NOT_STARTED:
        return test_names(ex.test)[:1]
    if status == STALE:
        refresh(cat, state, [ex])
    return state.failing_tests(ex)[:1]


def cmd_reset(cat: Catalog, state: State, names: list[str], everything: bool, yes: bool) -> int:
    if everything and names:
        raise UsageProblem("give exercise names or --all, not both")
    if not everything and not names:
        raise UsageProblem("name the exercise to reset (kata reset <exercise>), or use --all")
    targets = cat.exercises if everything else [find_exercise(cat, n) for n in names]
    changes: list[tuple[Exercise, str]] = []
    for ex in targets:
        pristine = manifest.pristine_stub(cat, ex)
        if pristine is None:
            if not everything:
                raise UsageProblem(f"no pristine copy of '{ex.id}' in {manifest.MANIFEST.as_posix()}")
            continue
        if manifest.current_stub(ex) != pristine:
            changes.append((ex, pristine))
    if not changes:
        print("Nothing to reset: " + ("every stub is" if everything else "the file is") + " as shipped.")
        return 0
    print("These files go back to the original stub:")
    for ex, _ in changes:
        print(f"  {_rel(cat, ex.stub)}")
    if not yes and not confirm(
        f"Reset {len(changes)} file(s)? Your version is kept in .kata/backups/ [y/N] "
    ):
        print("Nothing was changed.")
        return 1
    backup_dir = backup_folder(cat)
    for ex, pristine in changes:
        kept = ""
        if ex.stub.exists():
            dest = backup_dir / ex.stub.relative_to(cat.root)
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ex.stub, dest)
            kept = f"; your version is in {_rel(cat, dest)}"
        _write_atomically(ex.stub, pristine)
        state.forget(ex)
        print(f"reset {ex.id}{kept}")
    state.save()
    return 0


def confirm(question: str) -> bool:
    try:
        answer = input(question)
    except EOFError:
        print()
        return False
    return answer.strip().lower() in ("y", "yes")


def backup_folder(cat: Catalog) -> Path:
    base = cat.root / state_mod.STATE_DIR / "backups" / time.strftime("%Y%m%d-%H%M%S")
    folder, n = base, 1
    while folder.exists():
        folder, n = base.with_name(f"{base.name}-{n}"), n + 1
    return folder


def _write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
        handle.write(text)
    os.replace(tmp, path)


def cmd_solution(cat: Catalog, state: State, name: str, force: bool, as_diff: bool) -> int:
    ex = find_exercise(cat, name)
    if not ex.solution.exists():
        raise UsageProblem(f"exercise '{ex.id}' has no reference solution yet")
    status = state.status(cat, ex)
    if status == STALE:
        refresh(cat, state, [ex])
        status = state.status(cat, ex)
    if status != DONE and not force:
        entry = state.exercises.get(ex.id, {})
        now = (
            f" (now {entry.get('passed', 0)}/{entry.get('total', '?')} tests pass)"
            if status == FAILING
            else ""
        )
        print(
            f"kata: the solution of {ex.id} is shown once it passes{now}. Keep going: `kata hint {ex.id}`. "
            f"To look anyway: `kata solution {ex.id} --force`.",
            file=sys.stderr,
        )
        return 1
    solution = ex.solution.read_text(encoding="utf-8")
    if as_diff:
        mine = ex.stub.read_text(encoding="utf-8") if ex.stub.exists() else ""
        diff = list(
            difflib.unified_diff(
                mine.splitlines(keepends=True),
                solution.splitlines(keepends=True),
                fromfile=f"{_rel(cat, ex.stub)} (yours)",
                tofile=f"{_rel(cat, ex.solution)} (reference)",
            )
        )
        if not diff:
            print("Your file is identical to the reference solution.")
        for line in diff:
            text = line.rstrip("\n")
            color = "32" if line.startswith("+") else "31" if line.startswith("-") else "0"
            print(_c(color, text) if color != "0" else text)
        return 0
    print(_c("1", f"Reference solution of {ex.id} ({_rel(cat, ex.solution)}):"))
    print()
    print(solution.rstrip("\n"))
    return 0


def cmd_grade(cat: Catalog, state: State, out: str | None, strict: bool) -> int:
    from katakit import grade

    started = time.perf_counter()
    tampered = manifest.tampered(cat)
    runs = run_and_record(cat, state, grade.gradable(cat))
    results = grade.build(runs, tampered, seconds=time.perf_counter() - started)
    files = grade.write(results, Path(out) if out else cat.root / "results")
    score = results["score"]
    print(
        f"graded: {score['exercises_done']}/{score['exercises']} exercises done, "
        f"{score['tests_passed']}/{score['tests']} tests pass ({score['percent']}%) "
        f"in {results['seconds']:.2f}s; status {results['status']}"
    )
    print("wrote " + ", ".join(_rel(cat, p) for p in (files.results, files.junit, files.scoreboard)))
    if results["message"]:
        print(f"kata: {results['message']}", file=sys.stderr)
    if results["status"] == "error":
        return 1
    return 1 if strict and results["status"] != "pass" else 0


# --------------------------------------------------------------------------------------------------
# Maintainer commands


def cmd_verify(cat: Catalog, names: list[str], json_path: str | None, seed: int | None) -> int:
    from katakit import verify

    selection = _select(cat, names)
    seed = seed if seed is not None else random.randrange(1_000_000)
    report = verify.run(cat, selection, seed=seed, include_tool_tests=not names)
    for problem in report.problems:
        print(_c("31", f"problem: {problem}"))
    if json_path:
        verify.write_json(report, Path(json_path))
    checks = report.tests * 3 + sum(r["pitfalls"] for r in report.records)
    failed = len(report.problems)
    edited = [ex.id for ex in selection if ex.stub.exists() and _stub_edited(cat, ex)]
    if failed and edited:
        print(
            f"note: {len(edited)} stub(s) differ from their pristine copies ({', '.join(edited[:3])}"
            f"{', ...' if len(edited) > 3 else ''}). `kata verify` checks the curriculum itself, on untouched "
            "stubs; to check your own solutions use `kata` or `kata grade`."
        )
    print(
        f"random order seed {seed}; {report.seconds:.2f}s for {len(selection)} exercises "
        f"({report.seconds / max(len(selection), 1):.2f}s each)"
    )
    print(f"checks: {max(checks - failed, 0)} passed, {failed} failed")
    print(
        f"verified: {len(selection)} exercises, {report.tests} tests, "
        f"{report.pitfalls_rejected} pitfalls rejected, {failed} problems"
    )
    return 1 if failed else 0


def _stub_edited(cat: Catalog, ex: Exercise) -> bool:
    pristine = manifest.pristine_stub(cat, ex)
    return pristine is not None and manifest.current_stub(ex) != pristine


def _select(cat: Catalog, names: list[str]) -> list[Exercise]:
    if not names:
        return cat.exercises
    selected: list[Exercise] = []
    kata_ids = {k.id for k in cat.katas}
    track_ids = {t.id for t in cat.tracks}
    for name in names:
        if name in kata_ids:
            selected += cat.kata(name).exercises
        elif name in track_ids:
            selected += [ex for ex in cat.exercises if ex.track.id == name]
        else:
            try:
                selected.append(cat.exercise(name))
            except CatalogError:
                choices = [*track_ids, *kata_ids, *(ex.id for ex in cat.exercises)]
                close = difflib.get_close_matches(name, choices, n=1)
                hint = f"; did you mean '{close[0]}'?" if close else ""
                raise CatalogError(f"unknown track, kata or exercise '{name}'{hint}") from None
    return selected


# --------------------------------------------------------------------------------------------------


class Parser(argparse.ArgumentParser):
    """argparse, with its errors on one line and a suggestion for a mistyped option."""

    def error(self, message: str) -> NoReturn:
        match = re.search(r"unrecognized arguments: (\S+)", message)
        if match:
            parsers = [self]
            for action in self._actions:
                if isinstance(action, argparse._SubParsersAction):
                    parsers += list(action.choices.values())
            options = [s for parser in parsers for action in parser._actions for s in action.option_strings]
            close = difflib.get_close_matches(match[1], options, n=1)
            if close:
                message += f"; did you mean '{close[0]}'?"
        print(f"{self.prog}: {message} (see `{self.prog} --help`)", file=sys.stderr)
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="kata",
        description="Practise backend Python by making failing tests pass. With no command: show progress, "
        "then run the next unsolved exercise and show its first failure.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    p = sub.add_parser("list", help="every exercise with its status (done, failing, not started)")
    p.add_argument("--json", action="store_true", help="as JSON")
    p = sub.add_parser("run", help="run one exercise and show its first failure")
    p.add_argument("exercise")
    p = sub.add_parser("watch", help="re-run the exercise on every save; move on when it passes")
    p.add_argument("exercise", nargs="?", help="default: the first unsolved one")
    p = sub.add_parser("hint", help="reveal the next hint for an exercise (default: the current one)")
    p.add_argument("exercise", nargs="?")
    p = sub.add_parser("reset", help="restore the original stub (your file is backed up in .kata/backups/)")
    p.add_argument("exercise", nargs="*")
    p.add_argument("--all", action="store_true", help="every exercise")
    p.add_argument("--yes", "-y", action="store_true", help="do not ask for confirmation")
    p = sub.add_parser("solution", help="show the reference solution (once the exercise passes)")
    p.add_argument("exercise")
    p.add_argument("--force", action="store_true", help="show it even though the exercise does not pass")
    p.add_argument("--diff", action="store_true", help="as a diff from your file to the reference")
    p = sub.add_parser("grade", help="grade everything: results.json, junit.xml, scoreboard.md")
    p.add_argument("--out", metavar="DIR", help="folder for the results (default: results/)")
    p.add_argument("--strict", action="store_true", help="exit 1 unless every test passes")
    p = sub.add_parser("verify", help="self-check: solutions pass, stubs fail, pitfalls are rejected")
    p.add_argument("names", nargs="*", help="tracks, katas or exercises to check (default: all)")
    p.add_argument("--json", metavar="FILE", help="write one record per exercise to FILE")
    p.add_argument("--seed", type=int, help="seed of the random test order")
    sub.add_parser(
        "manifest", help="rewrite katakit/manifest.json and the README's curriculum table (maintainers)"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and not argv[0].startswith("-") and argv[0] not in COMMANDS:
        close = difflib.get_close_matches(argv[0], COMMANDS, n=1)
        suggestion = f"; did you mean 'kata {close[0]}'?" if close else f"; commands: {', '.join(COMMANDS)}"
        print(f"kata: unknown command '{argv[0]}'{suggestion}", file=sys.stderr)
        return 2
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0) if not isinstance(exc.code, str) else 2
    started = time.perf_counter()
    try:
        code = dispatch(args)
    except (CatalogError, UsageProblem) as exc:
        print(f"kata: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("\nkata: stopped." if args.command == "watch" else "\nkata: interrupted.", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `kata list | head`: the reader left; say nothing more
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    if os.environ.get("KATA_TIMING"):
        print(f"[{time.perf_counter() - started:.2f}s]", file=sys.stderr)
    return code


def dispatch(args: argparse.Namespace) -> int:
    cat = catalog_mod.load(find_root())
    if args.command == "manifest":
        print(f"wrote {manifest.write(cat).relative_to(cat.root)}")
        from katakit import readme

        print(f"wrote {readme.write(cat).relative_to(cat.root)} (curriculum table)")
        return 0
    if args.command == "verify":
        return cmd_verify(cat, args.names, args.json, args.seed)
    state = State.load(cat)
    if args.command is None:
        return cmd_next(cat, state)
    if args.command == "list":
        return cmd_list(cat, state, args.json)
    if args.command == "run":
        return cmd_run(cat, state, args.exercise)
    if args.command == "watch":
        return cmd_watch(cat, state, args.exercise)
    if args.command == "hint":
        return cmd_hint(cat, state, args.exercise)
    if args.command == "reset":
        return cmd_reset(cat, state, args.exercise, args.all, args.yes)
    if args.command == "solution":
        return cmd_solution(cat, state, args.exercise, args.force, args.diff)
    if args.command == "grade":
        return cmd_grade(cat, state, args.out, args.strict)
    raise UsageProblem(f"unknown command '{args.command}'")  # pragma: no cover - rejected above


def find_root() -> Path:
    """The project folder: the nearest parent of the working directory holding curriculum.toml."""
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if (folder / catalog_mod.CURRICULUM).exists():
            return folder
    return catalog_mod.ROOT


if __name__ == "__main__":
    sys.exit(main())
