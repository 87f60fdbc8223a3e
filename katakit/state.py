"""The learner's local progress: `.kata/state.json`, git-ignored, written atomically, rebuilt if corrupt."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from katakit import manifest
from katakit.catalog import Catalog, Exercise

STATE_DIR = ".kata"


def file_hash(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes().replace(b"\r\n", b"\n")).hexdigest()
    except OSError:
        return ""


@dataclass
class State:
    path: Path
    exercises: dict[str, dict[str, Any]] = field(default_factory=dict)
    hints_seen: dict[str, int] = field(default_factory=dict)
    rebuilt: bool = False  # the file was unreadable and has been started afresh

    @classmethod
    def load(cls, cat: Catalog) -> State:
        path = cat.root / STATE_DIR / "state.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(path, dict(data["exercises"]), {k: int(v) for k, v in data["hints_seen"].items()})
        except FileNotFoundError:
            return cls(path)
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return cls(path, rebuilt=True)

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = {"exercises": self.exercises, "hints_seen": self.hints_seen}
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".state-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, indent=1, sort_keys=True)
        os.replace(tmp, self.path)

    def record(self, ex: Exercise, passed: int, total: int, first_failure: str = "") -> None:
        status = "done" if total and passed == total else "failing"
        self.exercises[ex.id] = {
            "status": status,
            "hash": file_hash(ex.stub),
            "passed": passed,
            "total": total,
            "first_failure": first_failure,
        }

    def status(self, cat: Catalog, ex: Exercise) -> str:
        """done | failing | not started | changed (edited since the last run)."""
        pristine = manifest.pristine_stub(cat, ex)
        current = ex.stub.read_text(encoding="utf-8").replace("\r\n", "\n") if ex.stub.exists() else ""
        if pristine is not None and current == pristine:
            return "not started"
        entry = self.exercises.get(ex.id)
        if entry and entry.get("hash") == file_hash(ex.stub):
            return str(entry["status"])
        return "changed"
