"""`kata`: the learner's command line (progress, run, hints) and the maintainers' self-check (verify)."""

from __future__ import annotations

import argparse
import difflib
import json
import os
import random
import sys
import time
from pathlib import Path

from katakit import catalog as catalog_mod
from katakit import hints as hints_mod
from katakit import manifest, runner
from katakit.catalog import Catalog, CatalogError, Exercise
from katakit.state import State

COMMANDS = ["list", "run", "hint", "verify", "manifest"]
_COLOR = sys.stdout.isatty() and os.environ.get("NO_COLOR") is None


def _c(code: str, text: str) -> str:
    return f"\033[{code}m{text}\033[0m" if _COLOR else text


def bar(done: int, total: int, width: int = 30) -> str:
    filled = round(width * done / total) if total else 0
    return "[" + "#" * filled + "." * (width - filled) + "]"


class UsageProblem(Exception):
    """Bad input from the user: printed as one line, exit status 2."""


# --------------------------------------------------------------------------------------------------
# Learner commands


def cmd_progress(cat: Catalog, state: State) -> None:
    exercises = cat.exercises
    statuses = {ex.id: state.status(cat, ex) for ex in exercises}
    done = sum(s == "done" for s in statuses.values())
    print(f"Progress {bar(done, len(exercises))} {done}/{len(exercises)} exercises done")
    for track in cat.tracks:
        track_ex = [ex for kata in track.katas for ex in kata.exercises]
        if track_ex:
            track_done = sum(statuses[ex.id] == "done" for ex in track_ex)
            print(f"  {track.id:<18} {bar(track_done, len(track_ex), 10)} {track_done}/{len(track_ex)}")


def show_run(cat: Catalog, result: runner.ExerciseRun, state: State) -> None:
    ex = result.exercise
    total = len(result.tests)
    print()
    print(_c("1", f"{ex.track.id}/{ex.kata.id}/{ex.id}") + f"  {ex.title} (difficulty {ex.difficulty})")
    print(f"  brief: {ex.kata.brief.relative_to(cat.root)}")
    if result.ok:
        print(_c("32", f"  ✓ all {total} tests pass."))
        return
    failure = result.first_failure
    edit = failure.location if failure and "test_" not in failure.location.split("/")[-1] else ""
    print(f"  edit:  {edit or _first_todo(cat, ex)}")
    print(f"  {result.passed}/{total} tests pass")
    if result.error:
        print(_c("31", "  ✗ the tests could not be collected:"))
        print("    " + result.error.strip().splitlines()[-1])
        return
    assert failure is not None
    print(_c("31", f"  ✗ {failure.name}"))
    for line in failure.message.splitlines()[:20]:
        print(f"    {line}")
    if failure.location and failure.location != edit:
        print(f"    at {failure.location}")
    if failure.output:
        print("    output:")
        for line in failure.output.splitlines()[:20]:
            print(f"      {line}")
    seen = state.hints_seen.get(ex.id, 0)
    levels = len(hints_mod.parse(ex.hints.read_text(encoding="utf-8")).levels) if ex.hints.exists() else 0
    if seen < levels:
        print(f"  stuck? `kata hint {ex.id}` shows hint {seen + 1} of {levels}.")


def _first_todo(cat: Catalog, ex: Exercise) -> str:
    rel = ex.stub.relative_to(cat.root)
    try:
        lines = ex.stub.read_text(encoding="utf-8").splitlines()
    except OSError:
        return str(rel)
    for number, line in enumerate(lines, 1):
        if "NotImplementedError" in line:
            return f"{rel}:{number}"
    return f"{rel}:1"


def run_and_record(cat: Catalog, state: State, exercises: list[Exercise]) -> list[runner.ExerciseRun]:
    results = runner.run(cat, exercises)
    for result in results:
        failure = result.first_failure
        passed = result.passed if not result.error else 0
        state.record(result.exercise, passed, len(result.tests), failure.name if failure else "")
    state.save()
    return results


def cmd_next(cat: Catalog, state: State) -> int:
    """Progress, then the first unsolved exercise run, its first failure shown."""
    if state.rebuilt:
        print("note: the progress file was unreadable and has been rebuilt from fresh runs.")
    for ex in cat.exercises:
        status = state.status(cat, ex)
        if status == "done":
            continue
        [result] = run_and_record(cat, state, [ex])
        if result.ok:
            print(_c("32", f"✓ {ex.qualname} passes now."))
            continue
        cmd_progress(cat, state)
        show_run(cat, result, state)
        return 1
    cmd_progress(cat, state)
    print(_c("32", "Every exercise passes. Well done."))
    return 0


def cmd_run(cat: Catalog, state: State, name: str) -> int:
    ex = cat.exercise(name)
    [result] = run_and_record(cat, state, [ex])
    show_run(cat, result, state)
    return 0 if result.ok else 1


def cmd_list(cat: Catalog, state: State, as_json: bool) -> int:
    rows = [
        {
            "track": ex.track.id,
            "kata": ex.kata.id,
            "exercise": ex.id,
            "difficulty": ex.difficulty,
            "status": state.status(cat, ex),
        }
        for ex in cat.exercises
    ]
    if as_json:
        print(json.dumps(rows, indent=2))
        return 0
    print(f"{'track':<16} {'kata':<22} {'exercise':<24} {'diff':<5} status")
    for row in rows:
        track, kata, exercise = row["track"], row["kata"], row["exercise"]
        print(f"{track:<16} {kata:<22} {exercise:<24} {row['difficulty']:<5} {row['status']}")
    return 0


def current_exercise(cat: Catalog, state: State) -> Exercise:
    for ex in cat.exercises:
        if state.status(cat, ex) != "done":
            return ex
    return cat.exercises[-1]


def cmd_hint(cat: Catalog, state: State, name: str | None) -> int:
    ex = cat.exercise(name) if name else current_exercise(cat, state)
    parsed = hints_mod.parse(ex.hints.read_text(encoding="utf-8"))
    failing = state.exercises.get(ex.id, {}).get("first_failure", "")
    keyed = parsed.keyed.get(failing.split("[")[0].split("::")[-1]) if failing else None
    seen = state.hints_seen.get(ex.id, 0)
    if keyed:
        print(_c("1", f"Hint for the failing test {failing}:"))
        print(keyed)
        print()
    if seen >= len(parsed.levels):
        print(
            f"All {len(parsed.levels)} hints for {ex.id} are shown above; the brief and tests say the rest."
        )
        for number, text in enumerate(parsed.levels, 1):
            print(_c("1", f"\nHint {number}/{len(parsed.levels)}"))
            print(text)
        return 0
    print(_c("1", f"Hint {seen + 1}/{len(parsed.levels)} for {ex.qualname}"))
    print(parsed.levels[seen])
    state.hints_seen[ex.id] = seen + 1
    state.save()
    return 0


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


def _select(cat: Catalog, names: list[str]) -> list[Exercise]:
    if not names:
        return cat.exercises
    selected: list[Exercise] = []
    for name in names:
        kata_ids = {k.id for k in cat.katas}
        track_ids = {t.id for t in cat.tracks}
        if name in kata_ids:
            selected += cat.kata(name).exercises
        elif name in track_ids:
            selected += [ex for ex in cat.exercises if ex.track.id == name]
        else:
            selected.append(cat.exercise(name))
    return selected


# --------------------------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kata",
        description="Practise backend Python by making failing tests pass. With no command: show progress, "
        "then run the next unsolved exercise and show its first failure.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    p = sub.add_parser("list", help="every exercise with its status")
    p.add_argument("--json", action="store_true", help="as JSON")
    p = sub.add_parser("run", help="run one exercise and show its first failure")
    p.add_argument("exercise")
    p = sub.add_parser("hint", help="reveal the next hint for an exercise (default: the current one)")
    p.add_argument("exercise", nargs="?")
    p = sub.add_parser("verify", help="self-check: solutions pass, stubs fail, pitfalls are rejected")
    p.add_argument("names", nargs="*", help="tracks, katas or exercises to check (default: all)")
    p.add_argument("--json", metavar="FILE", help="write one record per exercise to FILE")
    p.add_argument("--seed", type=int, help="seed of the random test order")
    sub.add_parser("manifest", help="rewrite katakit/manifest.json (maintainers)")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if argv and not argv[0].startswith("-") and argv[0] not in COMMANDS:
        close = difflib.get_close_matches(argv[0], COMMANDS, n=1)
        suggestion = f"; did you mean 'kata {close[0]}'?" if close else f"; commands: {', '.join(COMMANDS)}"
        print(f"kata: unknown command '{argv[0]}'{suggestion}", file=sys.stderr)
        return 2
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        cat = catalog_mod.load(_find_root())
        state = State.load(cat)
        if args.command is None:
            code = cmd_next(cat, state)
        elif args.command == "list":
            code = cmd_list(cat, state, args.json)
        elif args.command == "run":
            code = cmd_run(cat, state, args.exercise)
        elif args.command == "hint":
            code = cmd_hint(cat, state, args.exercise)
        elif args.command == "verify":
            code = cmd_verify(cat, args.names, args.json, args.seed)
        elif args.command == "manifest":
            print(f"wrote {manifest.write(cat).relative_to(cat.root)}")
            code = 0
        else:  # pragma: no cover - argparse rejects it first
            code = 2
    except (CatalogError, UsageProblem) as exc:
        print(f"kata: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("\nkata: interrupted", file=sys.stderr)
        return 130
    if os.environ.get("KATA_TIMING"):
        print(f"[{time.perf_counter() - started:.2f}s]", file=sys.stderr)
    return code


def _find_root() -> Path:
    """The project folder: the nearest parent of the working directory holding curriculum.toml."""
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if (folder / catalog_mod.CURRICULUM).exists():
            return folder
    return catalog_mod.ROOT


if __name__ == "__main__":
    sys.exit(main())
