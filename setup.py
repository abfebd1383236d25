"""The optional compiled build: the parser's hot pure-Python modules compiled with mypyc.

Everything else about the package is in ``pyproject.toml``; without ``TRANSLIT_REFS_MYPYC=1`` this
file adds nothing and the package is pure Python. With it (and mypy, which brings mypyc, and a C
compiler installed), the modules of ``COMPILED`` become C extensions of the same names::

    pip install mypy setuptools wheel
    TRANSLIT_REFS_MYPYC=1 pip install --no-build-isolation .

The compiled package gives the same results (``.ci/run`` runs the test suite on both) about a fifth
faster (``docs/performance.md``).
"""

from __future__ import annotations

import os

from setuptools import setup

#: The parser's modules run for every reference (the lexer loop, the layout rules and what they call).
COMPILED = [
    f"src/translit_refs/parsing/{name}.py"
    for name in (
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
]

if os.environ.get("TRANSLIT_REFS_MYPYC") == "1":
    from mypyc.build import mypycify

    setup(ext_modules=mypycify(COMPILED, opt_level="3"))
else:
    setup()
