"""Inputs that once took quadratic or exponential time finish in a subprocess with a timeout.

A regular expression that backtracks runs in C and ignores signals, so a slow case could hang the
test run; each case runs in its own process, killed after ``TIMEOUT`` seconds. These are not timings
(``benchmarks/adversarial.py`` measures the growth of every case): before the fixes each of them
took from seconds to hours at these sizes.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

TIMEOUT = 60

CASES = {
    "initials after a name (was exponential)": (
        "from translit_refs import parse_reference as p; p('Smith, J., ' + 'A. ' * 5000 + '1')"
    ),
    "initials after '/ with' (was exponential)": (
        "from translit_refs import parse_reference as p; p('Smith, J. (2001). T / with ' + 'A. ' * 5000 + '1')"
    ),
    "a long Latin word before a Cyrillic one (was quadratic)": (
        "from translit_refs import parse_reference as p; p('a' * 300000 + ' ж')"
    ),
    "a hyphenated word across lines (was 7.6 s at 1 KB)": (
        "from translit_refs import split_references as s; "
        "s('References\\n1. Ivanov I. ' + 'ie' * 25000 + '-\\n' + 'ie' * 25000 + "
        "' Moscow, 2001.\\n2. Petrov P. K. Moscow, 2002.')"
    ),
    "a wrapped line without spaces": (
        "from translit_refs import split_references as s; "
        "s('References\\n1. Ivanov I. Title. ' + 'x' * 300000 + '\\n2. Petrov P. Moscow, 2002.')"
    ),
    "many skipped labels (was quadratic)": "from translit_refs import split_references as s; s('3. x\\n' * 60000)",
    "a 1,000-letter word in a title to recover (was 9.5 s)": (
        "from translit_refs import parse_reference as p; "
        "from translit_refs.transliteration.cyrillic import transliterate_references as t; "
        "t([p('Ivanov I.I. ' + 'a' * 1000 + ' [Title]. Moscow, 2001.')])"
    ),
    "many groups in one reference (was quadratic)": (
        "from translit_refs import parse_reference as p; p('Title. Pub' + ';1990' * 30000)"
    ),
    "many names before an editor mark (was quadratic)": (
        "from translit_refs import parse_reference as p; p('Title. In: ' + 'Aaaa A.A., ' * 30000 + '(ed.) Book')"
    ),
    "field spans of many names, 1, 8 and 16 KB (was cubic: 20 s at 8 KB)": (
        "from translit_refs import parse_reference as p; from translit_refs.spans import field_spans as f; "
        "[f(p('Aa, A., ' * n + 'Title. Moscow, 2001.')) for n in (125, 1000, 2000)]"
    ),
    "field spans of many names searched for, with no record": (
        "from translit_refs import Person, Reference; from translit_refs.spans import field_spans as f; "
        "[f(Reference(raw='Aa, A., ' * n + 'Title.', persons=(Person(family='Aa', given='A.'),) * n)) "
        "for n in (125, 1000, 2000)]"
    ),
    "a 5 MB line": (
        "from translit_refs import parse_reference as p; p('Acheson, D. (1969). Title. NY, Norton. 5 p. ' * 120000)"
    ),
}


@pytest.mark.parametrize("code", CASES.values(), ids=CASES.keys())
def test_finishes_in_a_subprocess(code: str) -> None:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=TIMEOUT, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
