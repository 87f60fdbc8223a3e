"""A throwaway curriculum in tmp_path, so the CLI's tests never depend on the real katas.

These tests run inside `kata verify`'s pytest session, next to every kata test: they never start a
nested pytest. Commands that would run tests get a fake `runner.run` (see `fake_runs`).
"""

from __future__ import annotations

import os
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


def tiny_files() -> dict[str, str]:
    """Every file of the tiny curriculum (relative path -> text), the manifest excepted."""
    kata = "katas/basics/sums"
    files = {
        "curriculum.toml": CURRICULUM,
        "katas/__init__.py": "",
        "katas/basics/__init__.py": "",
        f"{kata}/__init__.py": "",
        f"{kata}/README.md": "# Sums\n",
    }
    for ex, stub in STUBS.items():
        files[f"{kata}/{ex}.py"] = textwrap.dedent(stub).lstrip()
        files[f"{kata}/test_{ex}.py"] = textwrap.dedent(TESTS[ex]).lstrip()
        files[f"solutions/basics/sums/{ex}.py"] = SOLUTIONS[ex]
        files[f"hints/basics/sums/{ex}.md"] = HINTS.format(ex=ex)
    return files


PAST = 1_000_000_000_000_000_000  # 2001-09-09, in ns


class TinyTree:
    """One tree per session, put back as built before each test. Opening, creating and removing files
    is what costs here, so only what a test changed is rewritten (found by stat)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.files = tiny_files()
        for rel, text in self.files.items():
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        (root / "katakit").mkdir(exist_ok=True)
        manifest.write(catalog.load(root))
        self.files[manifest.MANIFEST.as_posix()] = (root / manifest.MANIFEST).read_text(encoding="utf-8")
        for rel in self.files:
            os.utime(root / rel, ns=(PAST, PAST))  # any write by a test moves it, even on coarse clocks
        self.stats = {rel: self._stat(rel) for rel in self.files}

    def _stat(self, rel: str) -> tuple[int, int] | None:
        try:
            st = (self.root / rel).stat()
        except OSError:
            return None
        return st.st_mtime_ns, st.st_size

    def restore(self) -> None:
        for extra in (".kata", "results"):
            if (self.root / extra).exists():
                shutil.rmtree(self.root / extra)
        for rel, text in self.files.items():
            if self._stat(rel) != self.stats[rel]:
                (self.root / rel).write_text(text, encoding="utf-8")
                os.utime(self.root / rel, ns=(PAST, PAST))


@pytest.fixture(scope="session")
def _tiny_tree(tmp_path_factory: pytest.TempPathFactory) -> TinyTree:
    return TinyTree(tmp_path_factory.mktemp("tiny") / "project")


@pytest.fixture
def tiny(_tiny_tree: TinyTree, monkeypatch: pytest.MonkeyPatch) -> Catalog:
    """A two-exercise curriculum (plus one not written yet) with a manifest; the working directory.
    Scratch output goes to `<root>/results/`."""
    _tiny_tree.restore()
    monkeypatch.chdir(_tiny_tree.root)
    monkeypatch.setenv("NO_COLOR", "1")
    return catalog.load(_tiny_tree.root)


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
