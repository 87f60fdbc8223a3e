"""The CI workflow learners get in their forks, and the README section that explains it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "grade.yml"


def _load() -> dict[Any, Any]:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_grades_on_every_push() -> None:
    data = _load()
    triggers = data.get("on", data.get(True))  # YAML 1.1 reads a bare `on` as true
    assert "push" in triggers and triggers["push"] in (None, {}), "every push, every branch"
    assert data["permissions"] == {"contents": "read"}


def test_installs_grades_publishes_and_uploads() -> None:
    [job] = _load()["jobs"].values()
    steps = job["steps"]
    uses = [step.get("uses", "") for step in steps]
    runs = [step.get("run", "") for step in steps]
    assert any(u.startswith("actions/checkout@") for u in uses)
    assert any(u.startswith("astral-sh/setup-uv@") for u in uses)
    assert "uv sync --locked" in runs, "the README's install command, with the lock file"
    grade = next(i for i, r in enumerate(runs) if r.startswith("uv run kata grade"))
    summary = next(i for i, r in enumerate(runs) if "$GITHUB_STEP_SUMMARY" in r)
    upload = next(i for i, u in enumerate(uses) if u.startswith("actions/upload-artifact@"))
    assert grade < summary and grade < upload
    assert "results/scoreboard.md" in runs[summary]
    for index in (summary, upload):
        assert "cancelled()" in steps[index]["if"], "published even when the grade step fails"
    assert steps[upload]["with"]["path"].rstrip("/") == "results"
    assert job["timeout-minutes"] <= 30


def test_readme_section_explains_it() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("<!-- cli:start -->")[1].split("<!-- cli:end -->")[0]
    for needle in ("kata watch", "kata hint", "kata reset", "kata solution", "kata grade", "grade.yml"):
        assert needle in section, needle
