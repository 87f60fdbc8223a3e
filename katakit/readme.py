"""The README's curriculum table, generated from curriculum.toml (`kata manifest` writes it, verify checks it)."""

from __future__ import annotations

from pathlib import Path

from katakit.catalog import Catalog

START, END = "<!-- curriculum:start -->", "<!-- curriculum:end -->"
NOTES = "https://github.com/balalaika-tools/python-backend-notes/blob/main/"


def table(cat: Catalog) -> str:
    lines = [
        START,
        "| track | kata | exercises (in order) | source note |",
        "|---|---|---|---|",
    ]
    for track in cat.tracks:
        for kata in track.katas:
            exercises = ", ".join(f"`{ex.id}`" for ex in kata.exercises)
            link = f"[{kata.note}]({NOTES}{kata.note})"
            lines.append(
                f"| {track.title} | [{kata.id}](katas/{track.id}/{kata.id}/README.md) | {exercises} | {link} |"
            )
    lines.append(f"\n{len(cat.katas)} katas, {len(cat.exercises)} exercises.")
    lines.append(END)
    return "\n".join(lines)


def _render(text: str, cat: Catalog) -> str:
    if START not in text or END not in text:
        return text
    before, rest = text.split(START, 1)
    return before + table(cat) + rest.split(END, 1)[1]


def stale(cat: Catalog) -> list[str]:
    path = cat.root / "README.md"
    if not path.exists():
        return []
    text = path.read_text(encoding="utf-8")
    if START not in text:
        return []
    return (
        []
        if _render(text, cat) == text
        else ["README.md: the curriculum table is out of date; run `kata manifest`"]
    )


def write(cat: Catalog) -> Path:
    path = cat.root / "README.md"
    path.write_text(_render(path.read_text(encoding="utf-8"), cat), encoding="utf-8")
    return path
