"""A throwaway curriculum in tmp_path, so the CLI's tests never depend on the real katas.

These tests run inside `kata verify`'s pytest session, next to every kata test: they never start a
nested pytest. Commands that would run tests get a fake `runner.run` (see `fake_runs`).
"""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from katakit import catalog, manifest, runner
from katakit.catalog import Catalog, Exercise

CURRICULUM = """
[[tracks]]
id = "basics"
title = "Basics"

  [[tracks.katas]]
  id = "sums"
  title = "Sums"
  note = "notes/sums.md"

    [[tracks.katas.exercises]]
    id = "add_two"
    title = "Add two numbers"
    difficulty = 1
    requires = []
    sections = "§1"

    [[tracks.katas.exercises]]
    id = "add_many"
    title = "Add many numbers"
    difficulty = 2
    requires = ["add_two"]
    sections = "§2"

[[tracks]]
id = "later"
title = "Later"

  [[tracks.katas]]
  id = "someday"
  title = "Not written yet"
  note = "notes/someday.md"

    [[tracks.katas.exercises]]
    id = "ghost"
    title = "No files yet"
    difficulty = 3
    requires = []
    sections = "§9"
"""

STUBS = {
    "add_two": '''
        """Exercise add_two."""


        def add(a: int, b: int) -> int:
            """Return a + b."""
            raise NotImplementedError
        ''',
    "add_many": '''
        """Exercise add_many."""


        def add_all(numbers: list[int]) -> int:
            """Return the sum."""
            raise NotImplementedError
        ''',
}
TESTS = {
    "add_two": """
        from katas.basics.sums.add_two import add


        def test_small() -> None:
            assert add(1, 2) == 3


        def test_negative() -> None:
            assert add(-1, -2) == -3
        """,
    "add_many": """
        from katas.basics.sums.add_many import add_all


        def test_empty() -> None:
            assert add_all([]) == 0
        """,
}
SOLUTIONS = {
    "add_two": "def add(a: int, b: int) -> int:\n    return a + b\n",
    "add_many": "def add_all(numbers: list[int]) -> int:\n    return sum(numbers)\n",
}
HINTS = """# Hints: {ex}

## Hint 1
A nudge for {ex}.

## Hint 2
More for {ex}.

## Hint 3
Nearly the answer for {ex}.

## When test_negative fails
Keyed hint: negative numbers for {ex}.
"""


@pytest.fixture(scope="session")
def _tiny_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("tiny") / "project"


def build_tiny(root: Path) -> None:
    """(Re)write every file of the tiny curriculum and drop whatever a test added (one tree per session:
    creating and removing folders is the slow part of these tests)."""
    for extra in (".kata", "results"):
        shutil.rmtree(root / extra, ignore_errors=True)
    (root / "katakit").mkdir(parents=True, exist_ok=True)
    (root / "curriculum.toml").write_text(CURRICULUM, encoding="utf-8")
    kata = root / "katas" / "basics" / "sums"
    kata.mkdir(parents=True, exist_ok=True)
    for init in (root / "katas", root / "katas" / "basics", kata):
        (init / "__init__.py").write_text("", encoding="utf-8")
    (kata / "README.md").write_text("# Sums\n", encoding="utf-8")
    for ex, stub in STUBS.items():
        (kata / f"{ex}.py").write_text(textwrap.dedent(stub).lstrip(), encoding="utf-8")
        (kata / f"test_{ex}.py").write_text(textwrap.dedent(TESTS[ex]).lstrip(), encoding="utf-8")
        solution = root / "solutions" / "basics" / "sums" / f"{ex}.py"
        solution.parent.mkdir(parents=True, exist_ok=True)
        solution.write_text(SOLUTIONS[ex], encoding="utf-8")
        hint = root / "hints" / "basics" / "sums" / f"{ex}.md"
        hint.parent.mkdir(parents=True, exist_ok=True)
        hint.write_text(HINTS.format(ex=ex), encoding="utf-8")
    manifest.write(catalog.load(root))


@pytest.fixture
def tiny(_tiny_root: Path, monkeypatch: pytest.MonkeyPatch) -> Catalog:
    """A two-exercise curriculum (plus one not written yet) with a manifest; the working directory.
    Scratch output goes to `<root>/results/`."""
    build_tiny(_tiny_root)
    monkeypatch.chdir(_tiny_root)
    monkeypatch.setenv("NO_COLOR", "1")
    return catalog.load(_tiny_root)


Outcomes = dict[str, list[tuple[str, str, str]]]  # exercise id -> [(test name, status, message)]


@pytest.fixture
def fake_runs(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[Outcomes], list[list[str]]]]:
    """Replace runner.run (no nested pytest): `fake_runs({ex: [(test, status, message)]})`.
    Returns the list of exercise-id batches the CLI asked to run (one batch = one session)."""
    calls: list[list[str]] = []

    def install(outcomes: Outcomes) -> list[list[str]]:
        def fake(cat: Catalog, exercises: list[Exercise], extra: object = None) -> list[runner.ExerciseRun]:
            calls.append([ex.id for ex in exercises])
            return [
                runner.ExerciseRun(
                    ex,
                    [
                        runner.TestResult(name, status, message, test_code=f"def {name}(): ...")
                        for name, status, message in outcomes.get(ex.id, [])
                    ],
                )
                for ex in exercises
            ]

        monkeypatch.setattr(runner, "run", fake)
        return calls

    yield install
