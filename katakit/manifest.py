"""The manifest of protected files: hashes of every test file and of the test machinery, so grading can
tell an edited test, plus the pristine text of every stub, so `kata reset` works without git."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from katakit.catalog import Catalog, Exercise

MANIFEST = Path("katakit") / "manifest.json"


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8").replace("\r\n", "\n")


def _digest(path: Path) -> str:
    return hashlib.sha256(_text(path).encode()).hexdigest()


def protected_files(cat: Catalog) -> list[Path]:
    """Files a learner must not edit: tests, the root conftest, the plugin and the test-support kit."""
    root = cat.root
    files = [ex.test for ex in cat.exercises if ex.test.exists()]
    files += [root / "conftest.py", root / "katakit" / "plugin.py"]
    files += sorted((root / "katakit" / "testkit").rglob("*.py"))
    return files


def build(cat: Catalog) -> dict[str, Any]:
    rel = lambda p: p.relative_to(cat.root).as_posix()  # noqa: E731
    return {
        "protected": {rel(p): _digest(p) for p in protected_files(cat) if p.exists()},
        "stubs": {rel(ex.stub): _text(ex.stub) for ex in cat.exercises if ex.stub.exists()},
    }


_cache: dict[Path, tuple[tuple[int, int], dict[str, Any]]] = {}


def load(cat: Catalog) -> dict[str, Any]:
    """The stored manifest (empty sections when it is missing or unreadable); parsed once per version."""
    path = cat.root / MANIFEST
    try:
        stat = path.stat()
        key = (stat.st_mtime_ns, stat.st_size)
        cached = _cache.get(path)
        if cached is not None and cached[0] == key:
            return cached[1]
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise ValueError("not an object")
    except (OSError, ValueError):
        return {"protected": {}, "stubs": {}}
    _cache[path] = (key, data)
    return data


def write(cat: Catalog) -> Path:
    path = cat.root / MANIFEST
    path.write_text(json.dumps(build(cat), indent=1, sort_keys=True) + "\n", encoding="utf-8")
    _cache.pop(path, None)
    return path


def stale(cat: Catalog) -> list[str]:
    """Differences between the manifest and the tree (run `kata manifest` to refresh)."""
    current, stored = build(cat), load(cat)
    problems = []
    for section in ("protected", "stubs"):
        for name in sorted(set(current[section]) | set(stored.get(section, {}))):
            if current[section].get(name) != stored.get(section, {}).get(name):
                problems.append(f"{name} changed since the manifest was written; run `kata manifest`")
    return problems


def tampered(cat: Catalog) -> list[str]:
    """Protected files whose content differs from the manifest (an edited test cannot be trusted)."""
    stored = load(cat).get("protected", {})
    if not stored:  # deleting or emptying the manifest must not make every edit invisible
        return [f"{MANIFEST.as_posix()} (missing, unreadable or empty)"]
    return [
        name
        for name, digest in sorted(stored.items())
        if not (cat.root / name).exists() or _digest(cat.root / name) != digest
    ]


def current_stub(ex: Exercise) -> str | None:
    """The learner's stub as it is now (line endings normalised), or None if it is missing."""
    return _text(ex.stub) if ex.stub.exists() else None


def pristine_stub(cat: Catalog, ex: Exercise) -> str | None:
    return load(cat).get("stubs", {}).get(ex.stub.relative_to(cat.root).as_posix())
