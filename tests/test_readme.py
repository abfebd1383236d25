"""The README's Python examples are run as doctests (issue 26, item 11), so they cannot drift from
what the code prints. Every ``>>>`` line of README.md is part of one session, in order."""

from __future__ import annotations

import doctest
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


def _session() -> doctest.DocTest:
    text = README.read_text("utf-8")
    return doctest.DocTestParser().get_doctest(text, {}, "README.md", str(README), 0)


def test_the_readme_has_examples() -> None:
    assert len(_session().examples) >= 20


def test_the_readme_examples_print_what_they_show() -> None:
    report: list[str] = []
    runner = doctest.DocTestRunner(optionflags=FLAGS)
    result = runner.run(_session(), out=report.append)
    assert result.failed == 0, "".join(report)
