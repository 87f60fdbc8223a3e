"""The curriculum as data: `curriculum.toml` read into tracks, katas, exercises and pitfalls.

Every other part of the tooling (the pytest plugin, `kata verify`, the CLI, grading) asks this module
where things are; nothing else knows the folder layout.
"""

from __future__ import annotations

import ast
import difflib
import re
import tomllib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CURRICULUM = "curriculum.toml"
_REJECTED_BY = re.compile(r"^\s*Rejected by:\s*(?P<tests>.+)$", re.MULTILINE)


_KATA_IMPORT = re.compile(r"^\s*(?:from|import)\s+(katas(?:\.\w+)+)", re.MULTILINE)
_IMPORTS: dict[tuple[Path, int], list[str]] = {}


def kata_imports(path: Path) -> list[str]:
    """The `katas.*` modules a file imports, read (never executed) once per version of the file."""
    try:
        key = (path, path.stat().st_mtime_ns)
        if key not in _IMPORTS:
            _IMPORTS[key] = _KATA_IMPORT.findall(path.read_text(encoding="utf-8"))
        return _IMPORTS[key]
    except (OSError, UnicodeDecodeError):
        return []


def relative(path: str | Path, root: Path) -> str:
    """`path` relative to the project root for messages (unchanged when it lies outside)."""
    try:
        return Path(path).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


class CatalogError(Exception):
    """The metadata file or the layout it describes is unusable; the message is one line for humans."""


@dataclass(frozen=True)
class Pitfall:
    id: str  # "<exercise>__<name>", the file stem
    exercise: Exercise
    path: Path

    @cached_property
    def docstring(self) -> str:
        try:
            tree = ast.parse(self.path.read_text(encoding="utf-8"))
        except SyntaxError:
            return ""
        return ast.get_docstring(tree) or ""

    @property
    def summary(self) -> str:
        return self.docstring.strip().splitlines()[0] if self.docstring.strip() else ""

    @property
    def rejected_by(self) -> list[str]:
        """Test names from the docstring's `Rejected by:` line (comma separated)."""
        match = _REJECTED_BY.search(self.docstring)
        if not match:
            return []
        return [name.strip() for name in match["tests"].split(",") if name.strip()]


@dataclass(frozen=True)
class Exercise:
    id: str
    title: str
    difficulty: int
    requires: tuple[str, ...]
    sections: str
    kata: Kata = field(repr=False, compare=False, hash=False)
    index: int = 0  # position in the whole curriculum, from 0

    @property
    def track(self) -> Track:
        return self.kata.track

    @cached_property
    def qualname(self) -> str:
        return f"{self.kata.id}/{self.id}"

    @cached_property
    def module(self) -> str:
        """The import name tests use for the learner's module."""
        return f"katas.{self.track.id}.{self.kata.id}.{self.id}"

    @cached_property
    def rel_dir(self) -> Path:
        return Path(self.track.id) / self.kata.id

    @cached_property
    def stub(self) -> Path:
        return self.kata.root / "katas" / self.rel_dir / f"{self.id}.py"

    @cached_property
    def test(self) -> Path:
        return self.kata.root / "katas" / self.rel_dir / f"test_{self.id}.py"

    @cached_property
    def solution(self) -> Path:
        return self.kata.root / "solutions" / self.rel_dir / f"{self.id}.py"

    @cached_property
    def hints(self) -> Path:
        return self.kata.root / "hints" / self.rel_dir / f"{self.id}.md"

    @cached_property
    def pitfalls(self) -> list[Pitfall]:
        folder = self.kata.root / "solutions" / self.rel_dir / "pitfalls"
        return [
            Pitfall(id=path.stem, exercise=self, path=path)
            for path in sorted(folder.glob(f"{self.id}__*.py"))
        ]


@dataclass(frozen=True)
class Kata:
    id: str
    title: str
    note: str
    track: Track = field(repr=False, compare=False, hash=False)
    root: Path = field(repr=False, compare=False, hash=False)
    exercises: list[Exercise] = field(default_factory=list, compare=False, hash=False)

    @property
    def folder(self) -> Path:
        return self.root / "katas" / self.track.id / self.id

    @property
    def brief(self) -> Path:
        return self.folder / "README.md"


@dataclass(frozen=True)
class Track:
    id: str
    title: str
    katas: list[Kata] = field(default_factory=list, compare=False, hash=False)


@dataclass
class Catalog:
    root: Path
    tracks: list[Track]

    @property
    def katas(self) -> list[Kata]:
        return [kata for track in self.tracks for kata in track.katas]

    @property
    def exercises(self) -> list[Exercise]:
        return [ex for kata in self.katas for ex in kata.exercises]

    @property
    def pitfalls(self) -> list[Pitfall]:
        return [p for ex in self.exercises for p in ex.pitfalls]

    @cached_property
    def by_module(self) -> dict[str, Exercise]:
        return {ex.module: ex for ex in self.exercises}

    def exercise(self, name: str) -> Exercise:
        """Find an exercise by id or `kata/id`; raise CatalogError naming the closest match."""
        for ex in self.exercises:
            if name in (ex.id, ex.qualname):
                return ex
        raise CatalogError(_unknown("exercise", name, [ex.id for ex in self.exercises]))

    def kata(self, name: str) -> Kata:
        for kata in self.katas:
            if name == kata.id:
                return kata
        raise CatalogError(_unknown("kata", name, [k.id for k in self.katas]))

    def pitfall(self, name: str) -> Pitfall:
        for pitfall in self.pitfalls:
            if name == pitfall.id:
                return pitfall
        raise CatalogError(_unknown("pitfall", name, [p.id for p in self.pitfalls]))

    @cached_property
    def by_test(self) -> dict[Path, Exercise]:
        return {ex.test: ex for ex in self.exercises}

    def exercise_for_test(self, path: Path) -> Exercise | None:
        """The exercise a `katas/.../test_<exercise>.py` file belongs to."""
        return self.by_test.get(path.resolve())


def _unknown(kind: str, name: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(name, choices, n=1)
    hint = f"; did you mean '{close[0]}'?" if close else f"; try one of: {', '.join(choices[:6])}"
    return f"unknown {kind} '{name}'{hint}"


def load(root: Path = ROOT) -> Catalog:
    """Read curriculum.toml; raise CatalogError (one line) when it is missing or malformed."""
    path = root / CURRICULUM
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CatalogError(f"{path} not found: run kata from the project folder") from None
    except tomllib.TOMLDecodeError as exc:
        raise CatalogError(f"{path.name} is not valid TOML: {exc}") from None
    tracks: list[Track] = []
    index = 0
    try:
        for track_data in data["tracks"]:
            track = Track(id=track_data["id"], title=track_data["title"])
            tracks.append(track)
            for kata_data in track_data.get("katas", []):
                kata = Kata(
                    id=kata_data["id"],
                    title=kata_data["title"],
                    note=kata_data["note"],
                    track=track,
                    root=root,
                )
                track.katas.append(kata)
                for ex_data in kata_data.get("exercises", []):
                    kata.exercises.append(
                        Exercise(
                            id=ex_data["id"],
                            title=ex_data["title"],
                            difficulty=int(ex_data["difficulty"]),
                            requires=tuple(ex_data.get("requires", [])),
                            sections=ex_data.get("sections", ""),
                            kata=kata,
                            index=index,
                        )
                    )
                    index += 1
    except (KeyError, TypeError, ValueError) as exc:
        raise CatalogError(f"{path.name}: a track, kata or exercise lacks a valid field {exc}") from None
    return Catalog(root=root, tracks=tracks)
