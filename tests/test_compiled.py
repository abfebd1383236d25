"""The optional compiled build (``setup.py`` with ``TRANSLIT_REFS_MYPYC=1``) is what the tests run on
exactly when they are told so: ``.ci/run`` runs the whole suite a second time on it."""

from __future__ import annotations

import ast
import os
from importlib import import_module
from pathlib import Path

import pytest


def _compiled_by_setup() -> tuple[str, ...]:
    """The modules ``setup.py`` compiles: the names of its ``COMPILED`` (the file is read, not run)."""
    tree = ast.parse((Path(__file__).resolve().parent.parent / "setup.py").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.comprehension) and isinstance(node.iter, ast.Tuple):
            return tuple(ast.literal_eval(element) for element in node.iter.elts)
    raise AssertionError("setup.py names no modules to compile")


@pytest.mark.parametrize("name", _compiled_by_setup())
def test_a_hot_module_is_compiled_exactly_in_the_compiled_build(name: str) -> None:
    module = import_module(f"translit_refs.parsing.{name}")
    compiled = not str(module.__file__).endswith(".py")
    assert compiled == (os.environ.get("TRANSLIT_REFS_EXPECT_COMPILED") == "1"), module.__file__


def test_the_compiled_modules_are_the_parsers_hot_ones() -> None:
    """The lexer loop and the layout rules, which every reference runs through, are among them."""
    assert {"runtime", "first_characters", "layout", "roles", "markers"} <= set(_compiled_by_setup())
