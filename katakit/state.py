"""The learner's local progress: `.kata/state.json`, git-ignored, written atomically, rebuilt if corrupt.

What is kept per exercise is the outcome of the last real run together with the hash of the learner's
file at that time; a status is only believed while the file still has that hash (see `State.status`).
Hints seen are kept per exercise: the ladder level reached and the keyed hints already shown.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from katakit import manifest
from katakit.catalog import Catalog, Exercise, kata_imports

STATE_DIR = ".kata"
VERSION = 1

DONE, FAILING, NOT_STARTED, UNAVAILABLE = "done", "failing", "not started", "unavailable"
STALE = "changed"  # edited since the last run: `kata list` and `kata` re-run it before showing anything


def _learner_imports(path: Path) -> list[Path]:
    """Files of the exercise modules `path` imports (tests are not learner files)."""
    root = path.resolve().parents[3]  # katas/<track>/<kata>/<file>.py
    found = [root.joinpath(*name.split(".")).with_suffix(".py") for name in kata_imports(path)]
    return [f for f in found if f.is_file() and not f.name.startswith("test_")]


def work_hash(ex: Exercise) -> str:
    """Hash of every learner file the exercise's outcome depends on: its own stub and, transitively, the
    exercises its tests and code import (finishing failure_classes can change safe_caller's result)."""
    seen: dict[Path, None] = {}
    todo = [ex.stub, *_learner_imports(ex.test)]
    while todo:
        path = todo.pop()
        if path not in seen:
            seen[path] = None
            todo += _learner_imports(path)
    digest = hashlib.sha256()
    for path in sorted(seen):
        digest.update(f"{path.name}:{file_hash(path)};".encode())
    return digest.hexdigest()


def file_hash(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes().replace(b"\r\n", b"\n")).hexdigest()
    except OSError:
        return ""


@dataclass
class State:
    path: Path
    exercises: dict[str, dict[str, Any]] = field(default_factory=dict)
    hints_seen: dict[str, int] = field(default_factory=dict)  # ladder levels revealed, per exercise
    keyed_seen: dict[str, list[str]] = field(default_factory=dict)  # keyed hints revealed, per exercise
    rebuilt: bool = False  # the file was unreadable and has been started afresh

    @classmethod
    def load(cls, cat: Catalog) -> State:
        """Read the state file; a missing file is a fresh start, a corrupt one is set aside and rebuilt."""
        path = cat.root / STATE_DIR / "state.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(
                path,
                exercises={
                    str(k): {**v, "passed": int(v["passed"]), "total": int(v["total"])}
                    for k, v in data["exercises"].items()
                    if isinstance(v, dict) and v.get("status") in (DONE, FAILING)
                },
                hints_seen={str(k): int(v) for k, v in data.get("hints_seen", {}).items()},
                keyed_seen={str(k): [str(t) for t in v] for k, v in data.get("keyed_seen", {}).items()},
            )
        except FileNotFoundError:
            return cls(path)
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            with contextlib.suppress(OSError):
                os.replace(path, path.with_name("state.json.corrupt"))  # kept for a curious learner
            return cls(path, rebuilt=True)

    def reload(self, cat: Catalog) -> None:
        """Adopt what is on disk now: another `kata` (a `kata hint` next to a `kata watch`) may have
        written since this one loaded. Call it just before recording and saving."""
        fresh = State.load(cat)
        if not fresh.rebuilt:
            self.exercises, self.hints_seen, self.keyed_seen = (
                fresh.exercises,
                fresh.hints_seen,
                fresh.keyed_seen,
            )

    def save(self) -> None:
        """Write atomically: a temporary file in the same folder, flushed, then renamed over the old one."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        ignore = self.path.parent / ".gitignore"
        if not ignore.exists():
            ignore.write_text("*\n", encoding="utf-8")  # ignored even in a fork without our .gitignore
        data = {
            "version": VERSION,
            "exercises": self.exercises,
            "hints_seen": self.hints_seen,
            "keyed_seen": self.keyed_seen,
        }
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".state-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(data, handle, indent=1, sort_keys=True)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise

    def record(
        self,
        ex: Exercise,
        passed: int,
        total: int,
        first_failure: str = "",
        failing: list[str] | None = None,
    ) -> None:
        status = DONE if total and passed == total else FAILING
        self.exercises[ex.id] = {
            "status": status,
            "hash": work_hash(ex),
            "passed": passed,
            "total": total,
            "first_failure": first_failure,
            "failing": list(failing if failing is not None else ([first_failure] if first_failure else [])),
        }

    def forget(self, ex: Exercise) -> None:
        """After a reset: the last run no longer describes the file."""
        self.exercises.pop(ex.id, None)

    def status(self, cat: Catalog, ex: Exercise) -> str:
        """done | failing | not started | unavailable, or `changed` (edited since the last run)."""
        if not ex.stub.exists() or not ex.test.exists():
            return UNAVAILABLE
        pristine = manifest.pristine_stub(cat, ex)
        if pristine is not None and manifest.current_stub(ex) == pristine:
            return NOT_STARTED
        entry = self.exercises.get(ex.id)
        if entry and entry.get("hash") == work_hash(ex):
            return str(entry["status"])
        return STALE

    def failing_tests(self, ex: Exercise) -> list[str]:
        """Tests that failed in the last run of `ex` (only while the file is unchanged since)."""
        entry = self.exercises.get(ex.id)
        if not entry or entry.get("hash") != work_hash(ex):
            return []
        return [str(name) for name in entry.get("failing", [])]
