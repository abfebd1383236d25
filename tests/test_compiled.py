"""The optional compiled build (``setup.py`` with ``TRANSLIT_REFS_MYPYC=1``) is what the tests run on
exactly when they are told so: ``.ci/run`` runs the whole suite a second time on it."""

from __future__ import annotations

import os
from importlib import import_module

import pytest

#: The modules ``setup.py`` compiles (its ``COMPILED``), by name.
COMPILED = (
    "runtime",
    "first_characters",
    "layout",
    "roles",
    "markers",
    "draft",
    "persons",
    "imprint",
    "values",
    "language",
    "shapes",
    "dates",
    "ruler",
)


@pytest.mark.parametrize("name", COMPILED)
def test_a_hot_module_is_compiled_exactly_in_the_compiled_build(name: str) -> None:
    module = import_module(f"translit_refs.parsing.{name}")
    compiled = not str(module.__file__).endswith(".py")
    assert compiled == (os.environ.get("TRANSLIT_REFS_EXPECT_COMPILED") == "1"), module.__file__


def test_setup_compiles_the_modules_named_here() -> None:
    """``setup.py`` and this test name the same modules (the file is read, not run)."""
    from pathlib import Path  # noqa: PLC0415

    setup = (Path(__file__).resolve().parent.parent / "setup.py").read_text(encoding="utf-8")
    named = setup.split("for name in (", 1)[1].split(")", 1)[0]
    assert tuple(part.strip().strip('"') for part in named.split(",") if part.strip()) == COMPILED
