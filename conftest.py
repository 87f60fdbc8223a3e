"""Loads the kata plugin, so plain `pytest katas/...` works with or without the `kata` CLI."""

pytest_plugins = ["katakit.plugin"]
