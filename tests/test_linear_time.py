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
    "skipped labels after a first entry, 1 MB (was quadratic: 1.6 s at 100 KB)": (
        "from translit_refs import split_references as s; "
        "s('1. Ivanov I. Title. Moscow, 2001.\\n' + '3. x\\n' * 200000)"
    ),
    "skipped [n] labels, 1 MB (was quadratic)": (
        "from translit_refs import find_reference_sections as f; "
        "f('[1] Ivanov I. Title. 2001.\\n' + '[3] x\\n' * 160000)"
    ),
    "lines ending in 'Vol.', 2 MB (was quadratic)": (
        "from translit_refs.documents.listsplit import parallel_sections as p; "
        "p('1. Ivanov I. Title. 2001.\\n' + 'Title. Vol.\\n2. x\\n' * 120000)"
    ),
    "entries glued on one line, each read off by position": (
        "from translit_refs import split_references as s; "
        "s('1. Ivanov I. Title. 2001. ' + ' '.join(f'{n}. Ivanov I. T. 2002.' for n in range(2, 999)) + ' x' * 500000)"
    ),
    "pairing 30,000 entries whose words 5 % of them share (was quadratic)": (
        "from translit_refs.parallel import align; "
        "w = lambda n: ''.join('bdfgklmnprstvz'[int(d)] for d in str(n)) + 'a'; "
        "e = [f'{w(n % 20)} I. {w(100 + n % 21)} {w(200 + n % 23)}. Moscow, {1900 + n % 100}.' for n in range(30000)]; "
        "align(e, e)"
    ),
    "100,000 citation keys from one base (was quadratic: to_bibtex took 4.4 s for 5,000 entries)": (
        "from translit_refs.export.bibtex_ris import CitationKeys; k = CitationKeys(); "
        "assert len({k.unique('ivanov2001') for _ in range(100000)}) == 100000"
    ),
    "exports of a model built with 1 MB fields of line breaks and TeX's specials": (
        "from translit_refs import Reference, to_bibtex, to_ris, to_csl_json; "
        "r = Reference(raw='x', title='Ab {c}\\\\ %\\n\\u2028' * 100000, doi='10.1/\\\\' * 100000); "
        "to_bibtex(r); to_ris(r); to_csl_json(r)"
    ),
    "a thesis's degree words repeated after a period (was quadratic: 9.5 s at 50 KB)": (
        "from translit_refs import parse_reference as p; p('Title. ' + 'Dr. ' * 12500)"
    ),
    "a report's long number in a labelled genre (was cubic: 11 s at 2 KB)": (
        "from translit_refs.labeller.fields import genre_parts as g; g('Technical Report No. ' + '1' * 200000 + ' x')"
    ),
    "commas before a segment's ordinal (was quadratic: 20 s at 50 KB)": (
        "from translit_refs.labeller.fields import Segment, to_item; "
        "to_item([Segment('title', 'Book' + ',' * 200000 + 'x', 0, 200005, 0.9), "
        "Segment('editor', 'ed. X, Y', 0, 1, 0.9)])"
    ),
    "a 5 MB line": (
        "from translit_refs import parse_reference as p; p('Acheson, D. (1969). Title. NY, Norton. 5 p. ' * 120000)"
    ),
}


@pytest.mark.parametrize("code", CASES.values(), ids=CASES.keys())
def test_finishes_in_a_subprocess(code: str) -> None:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=TIMEOUT, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
