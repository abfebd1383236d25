"""Adversarial inputs: does any public function, or any regular expression, take more than linear time?

    python benchmarks/adversarial.py [--quick] [--sizes 10000,100000,1000000] [--only TEXT] [-o docs/performance.md]
                                     [--bound 12]

Each named case builds an input of a given size from a fragment chosen to stress one grammar terminal
(repeated matches, near misses that make a pattern read far ahead), one module's regular
expressions (normalisation, names, list splitting, Cyrillic recovery), or one public function with
one family of the attack in issue 27 (names, note sentences, long words, page runs, numbered and
heading-like lines, lines ending in "Vol.", entries sharing a citation key, lists to pair): every
public function has its cases, ``field_spans``, ``split_references``, ``find_reference_sections``,
``parallel_sections``, ``align``, ``parse_parallel`` and the exporters among them. Every case runs at
1 KB, 10 KB and 100 KB (``--quick``: 10 KB and 100 KB; ``--sizes`` chooses) and the growth of its CPU
time is printed: a linear case grows about 10× per step. The grammar cases run Lark's lexer and
parser on the whole text, without the length limit ``parse_reference`` applies
(``parser.MAX_LENGTH``), so that a terminal's own behaviour shows; the other cases run the public
functions as they are.

The script exits 1 when the growth between the last two sizes exceeds ``--bound`` (12 by default:
linear with room for noise; a case under a millisecond counts as one) or a case at the largest size
takes over 10 s (100 s at 1 MB and more), and 2 before any timing when a terminal of the grammar
has no fragment in ``TERMINAL_FRAGMENTS`` (so a new terminal cannot go unstressed).
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import random
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from translit_refs import (
    Person,
    Reference,
    find_reference_sections,
    format_reference,
    parse_list,
    parse_reference,
    parse_references,
    split_references,
    to_bibtex,
    to_csl_json,
    to_csl_json_list,
    to_ris,
)
from translit_refs.documents.listsplit import parallel_sections
from translit_refs.models import Role
from translit_refs.parallel import align, parse_parallel
from translit_refs.parsing.grammar import lark_parser, reference_parser
from translit_refs.parsing.normalize import normalize
from translit_refs.parsing.persons import person
from translit_refs.spans import field_spans

#: A fragment that stresses each terminal of the grammar: matched again and again, or nearly.
TERMINAL_FRAGMENTS: dict[str, str] = {
    "NAME": "Ivanov I.I., ",
    "GIVEN_NAME": "I. I. Ivanov, ",
    "FULL_NAME": "Gingo Peter J., ",
    "NAME_SEP": "Aa A., ; & and ",
    "ETAL": "et al. i dr. и др. ",
    "ED_MARK": "(eds.) (Ed.) , eds. ",
    "CONTAINER_EDITORS": "In: Ivanov I.I., Petrov P.P., In: C. B. Jones, R. Shaw, and ",
    "EDITORS": "Ed. by Ed. by ",
    "EDITORS_NOTE": "(Ed. by A. B. (Eds ",
    "RESPONSIBILITY": "/ with / ed. by / ",
    "MORE_RESPONSIBILITY": " ; отв. ред. ; ",
    "LABEL": "Apresjan Apresjan 1995 ",
    "DATE_PAREN": "(2019, March 14 (n.d. (1969 ",
    "MEDIUM": "[website [Электронный ресурс ",
    "TRANSLATION": "[Translation of the title ",
    "IN": "In: // V sb.: ",
    "N_VOLS": "in 2 Vols. v 4 kn. ",
    "VOLUME": "Vol. 2, vol. 3 (4) T. II ",
    "ISSUE": "No. 4 (61) iss. 5 № 7 no. 6–7: 54–",
    "PAGES": "pp. 15-95, 238-260, 1-45–1-",
    "PAREN_PAGES": "(2nd ed., Vol. 2, pp. 1-",
    "PAGE_COUNT": "384 p. 288p. 1930s ",
    "ARTICLE_NO": "art. 012017 Article 5 ",
    "SERIES_NO": "Series no. 3 Ser. ",
    "PART": "Part 1, Chast' 2 ",
    "BOOK": "Book 1. Kn. 2 ",
    "THESIS": "Cand. Sci. (Eng.) diss. Dr. geol. and min. sci. ",
    "REPORT_NO": "Preprint FEI-2264 Working Paper, No. ",
    "REPORT_CODE": "IAEA-TECDOC-1656 LA-UR-02- NEA-CSNI-R-",
    "STANDARD": "GOST R 7.0.5-2008 (PNAE G-7-002- ",
    "PATENT": "Patent RF no. 2345678 Пат. 2452845 Российская Федерация, МПК E21B 43/20, ",
    "EDITION": "2nd ed. 2-е изд., перераб. и доп. ",
    "PUBLISHED": "Опубл. 17.02.2015 publ. 1.",
    "ISBN": "ISBN 978-5-03-003455- ",
    "DATE_TEXT": "July, 1 14 апр. March 4-8, ",
    "SEASON": "Winter. Spring, ",
    "YEAR_SEG": "1985. 2010 г. 1951–1953, ",
    "ACCESS": "(accessed 12.05.2019 [cited 2022 May ",
    "ACCESS_TEXT": "Accessed May 12, 2022 Retrieved March 5, ",
    "LANG_NOTE": "(in Russian) [in Ukrainian] (In Russ., ",
    "DOI": "DOI: 10.1134/S0040363617070072 doi:10.",
    "APA_LOCATOR": "7(4), 1324–1338, (6), 87– 4, 3– , (3), pp. 1",
    "VANCOUVER_LOCATOR": "2010;240(3):100-10 2018 Sep 1;39(S6): 2009:22-",
    "URL_MARK": "URL: Available at: Режим доступа: ",
    "URL_VALUE": "URL: http://a.b/c?d=e&f URL: ",
    "BARE_URL": "https://example.org/a/b www.",
    "ARCHIVE_LOCATOR": "F. 5446. Op. 1. D. 20. L. 5–7 ob. Ф. 208, оп. ",
    "SEG": "Razvedka v mekhanizme SShA. Int. J. Heat. ",
    "SEPARATORS": " . , ; : ",
    "CITATION_NUMBER": "[12] 12. (12) ",
    "HEAD_YEAR": "Smith, J. 2001. n.d. ",
    "ANONYMOUS": "Anon. Anon. 1953 Anonymous (",
    "INVERTED_NAME": "Smith, John Mary Q. ",
    "FORWARD_NAME": "and Jane Doe and ",
    "QUOTED": "“a, b. ",
    "COLON_LOCATOR": "12: 66-67 55 (3–4): Bull. (6–7):54–68 ",
    "YEAR_LOCATOR": "12, 54–68 (199",
    "PAREN_IMPRINT": "(W. W. Norton, NY, Title (Oxford Press, London, Paris, ",
    "CHICAGO_LOCATOR": "3, no. 2 (2009): 137– Journal, no. 2 (2015): 81–",
    "CLOSING_LOCATOR": "Physics 12, 54–68 ",
    "PAREN_YEAR_LOCATOR": "Bull. 4 (1993) 397–413 ",
    "JOURNAL_YEAR": "Journal 2015, 117 (5), 357–365, ",
    "AMS_LOCATOR": "Mat. Sb. 191 (2000), no. 4, 73–98 Ukr. (2003), no. ",
    "SAME_AUTHORS": "———. ———, –––––. ",
    "TRANSLATORS": "Transl. by Per. s angl. ",
    "BARE_VOLUME": ", 108, pp. ",
    "BARE_PAGES": ". 54–68 ",
    "PAREN_EDITORS": "Book (R. Castellano, M. Ionescu, and T. Shimizu, eds.), (A. B. ",
    "MEETING_PAREN": "Book (El Escorial, 2008), Amer. (Kyoto, Japan, June 3, 20",
    "PAREN_TRANSLATORS": "Title (M. Greene, Trans.). (A. B. Smith, Trans.; 2nd ed.) (C. ",
    "ORIGINAL_DATE": "(Original work published 2003) (Originally published 19",
    "PREPRINT_ID": "arXiv:2106.01234 [math.CA], arXiv:1907.0",
}

#: Inputs that stress the regular expressions outside the grammar.
MODULE_FRAGMENTS: dict[str, tuple[str, str]] = {
    "normalize: a long Latin word before a Cyrillic one": ("normalize", "a"),
    "normalize: look-alike letters": ("normalize", "Wе К. "),
    "normalize: area dashes": ("normalize", ". – 2001. – Т. 56 – "),
    "normalize: brackets": ("normalize", "([(["),
    "normalize: control characters": ("normalize", "ab\x01\x0b"),
    "persons: a long name": ("person", "Ivanov-"),
    "persons: many initials": ("person", "A. "),
    "split: numbered labels": ("split", "3. x\n"),
    "split: a wrapped line without spaces": ("split", "x"),
    "split: hyphenated words": ("split", "ie-\n"),
    "parse_reference: initials after a name": ("parse", "A. "),
    "parse_reference: one long word": ("parse", "a"),
    "to_bibtex: entries sharing a citation key": ("bibtex", "Ivanov I.I. Kniga. Moscow, Nauka, 2001. 200 p."),
}


def _grammar(text: str) -> None:
    """Lark's lexer and LALR parser (the lean runtime) on the normalised text, without the length limit."""
    try:
        reference_parser("lean").parse(normalize(text).text)
    except Exception:  # a syntax error is an answer too; its time counts
        return


def _module(kind: str, fragment: str, size: int) -> Callable[[], object]:
    repeated = (fragment * (size // len(fragment) + 1))[:size]
    if kind == "normalize":
        text = repeated + " ж" if fragment == "a" else repeated
        return lambda: normalize(text)
    if kind == "person":
        return lambda: person("NAME", "Smith " + repeated + "B.", Role.AUTHOR)
    if kind == "split":
        if fragment == "x":
            text = "References\n1. Ivanov I. Title. " + repeated + "\n2. Petrov P. Moscow, 2002."
        elif fragment.startswith("ie"):
            text = "References\n1. Ivanov I. " + repeated + " Moscow, 2001.\n2. Petrov P. K. Moscow, 2002."
        else:
            text = repeated
        return lambda: split_references(text)
    if kind == "bibtex":
        shared = [parse_reference(fragment)] * max(1, size // 100)  # one entry a hundred bytes
        return lambda: to_bibtex(shared)
    prefix = "Smith, J., " if fragment == "A. " else ""
    return lambda: parse_reference(prefix + repeated + " 1")


def _repeated(fragment: str, size: int, head: str = "", tail: str = "") -> str:
    """``head``, whole ``fragment``s up to about ``size`` characters, ``tail``."""
    return head + fragment * max(1, (size - len(head) - len(tail)) // len(fragment)) + tail


#: One reference's text per family of the attack, of about a given size (``parse_reference`` reads
#: 20,000 characters of it; ``raw`` keeps all).
REFERENCE_TEXTS: dict[str, Callable[[int], str]] = {
    "names": lambda size: _repeated("Aa, A., ", size, tail="Title. Moscow, 2001."),
    "note sentences": lambda size: _repeated("Xx yy zz. ", size, "Ivanov I. Title. ", "Moscow, 2001."),
    "a long word": lambda size: _repeated("a", size, "Ivanov I. ", " Moscow, 2001."),
    "page runs": lambda size: _repeated("pp. 1-", size, "Ivanov I. Title. Moscow, 2001. "),
    "a transliterated title": lambda size: _repeated(
        "Razvedka v gosudarstvennom mekhanizme ", size, "Ivanov I.I. ", "[Intelligence]. Moscow, Nauka, 2001. 200 p."
    ),
}

#: Documents for the list functions, of about a given size.
DOCUMENTS: dict[str, Callable[[int], str]] = {
    "skipped labels": lambda size: _repeated("3. x\n", size, "1. Ivanov I. Title. Moscow, 2001.\n"),
    "skipped [n] labels": lambda size: _repeated("[3] x\n", size, "[1] Ivanov I. Title. Moscow, 2001.\n"),
    "lines ending in Vol.": lambda size: _repeated("Title. Vol.\n2. x\n", size, "1. Ivanov I. Title. 2001.\n"),
    "heading-like lines": lambda size: _repeated("Abc\nIvanov I.I. Title. Moscow, 2001\n", size, "References\n"),
    "numbered lines": lambda size: "".join(
        f"{n % 999 + 1}. Ivanov I. Title {n}. Moscow, 2001.\n" for n in range(max(1, size // 40))
    ),
    "a long word": lambda size: _repeated("x", size, "References\n1. Ivanov I. ", "\n2. Petrov P. Moscow, 2002."),
    "two lists": lambda size: (
        _repeated("Иванов И. Книга. М., Наука, 2001.\n", size // 2, "Литература\n")
        + _repeated("Ivanov I. Kniga. Moscow, Nauka, 2001.\n", size // 2, "References\n")
    ),
}

_CONSONANTS = "bdfgklmnprstvz"


def _word(number: int) -> str:
    """A made-up word for a number, with keys no other number's word has."""
    return "".join(_CONSONANTS[int(digit)] for digit in str(number)) + "a"


def _pairs(size: int) -> list[str]:
    """A list of entries whose words each ten entries share: in the list and its copy, twenty entries
    hold each key, as many as pairing scores through (``align.COMMON_CAP``)."""
    return [
        f"{_word(n // 10).title()} I. {_word(5000 + n // 10)} {_word(10_000 + n)}. Moscow, {1900 + n % 100}."
        for n in range(max(1, size // 45))
    ]


def _constructed_title(size: int) -> Reference:
    """A model built in code, not parsed: a title of ``size`` characters with line breaks and TeX's specials."""
    return Reference(raw="x", title=_repeated("Ab {c}\\ %\n\u2028", size), doi=_repeated("10.1/\\", size // 10))


def _constructed_names(size: int) -> Reference:
    """A model built in code with a person per ten characters (no parser limit applies)."""
    people = tuple(Person(family=f"Name{n}", given="A. B.", role=Role.AUTHOR) for n in range(max(1, size // 10)))
    return Reference(raw="x", title="Title", persons=people)


def _shared_keys(size: int) -> list[Reference]:
    """Entries sharing one citation key, one per hundred characters."""
    return [parse_reference("Ivanov I.I. Kniga. Moscow, Nauka, 2001. 200 p.")] * max(1, size // 100)


#: What builds a case's work for a size (its input is built outside the timing).
Builder = Callable[[int], Callable[[], object]]


def _on(function: Callable[..., object], make: Callable[[int], Any]) -> Builder:
    """The work ``function(make(size))``, its input made first."""

    def build(size: int) -> Callable[[], object]:
        return partial(function, make(size))

    return build


def _parsed(text: Callable[[int], str]) -> Callable[[int], Reference]:
    return lambda size: parse_reference(text(size))


def _listed(make: Callable[[int], Any], count: int = 2) -> Callable[[int], list[Any]]:
    return lambda size: [make(size)] * count


def _lines(text: Callable[[int], str]) -> Callable[[int], list[str]]:
    return lambda size: text(size).splitlines()


def _public_cases() -> dict[str, Builder]:
    """Each public function with each family of input that could make it slow."""
    found: dict[str, Builder] = {}
    exporters: tuple[Callable[..., object], ...] = (to_csl_json, to_bibtex, to_ris, format_reference)
    for family, text in REFERENCE_TEXTS.items():
        found[f"parse_reference: {family}"] = _on(parse_reference, text)
        found[f"parse_list: {family}"] = _on(parse_list, _listed(text))
        found[f"field_spans: {family}"] = _on(field_spans, _parsed(text))
        for exporter in exporters:
            found[f"{exporter.__name__}: {family}"] = _on(exporter, _parsed(text))
    found["field_spans: names searched for, no record"] = _on(field_spans, _unrecorded_names)
    for name, build in (("a constructed long title", _constructed_title), ("constructed names", _constructed_names)):
        for exporter in exporters:
            found[f"{exporter.__name__}: {name}"] = _on(exporter, build)
    for exporter in (to_bibtex, to_ris, to_csl_json_list):
        found[f"{exporter.__name__}: entries sharing a citation key"] = _on(exporter, _shared_keys)
    one_a_line = partial(_repeated, "Ivanov I.I. Kniga. Moscow, Nauka, 2001. 200 p.\n")
    found["parse_references: one reference a line"] = _on(parse_references, one_a_line)
    found["parse_references: numbered lines"] = _on(parse_references, DOCUMENTS["numbered lines"])
    for family, document in DOCUMENTS.items():
        for splitter in (split_references, find_reference_sections, parallel_sections):
            found[f"{splitter.__name__}: {family}"] = _on(splitter, document)
    found["align: entries sharing words"] = _on(lambda lists: align(*lists), lambda size: (_pairs(size),) * 2)
    found["align: one long entry of names"] = _on(
        lambda lists: align(*lists), lambda size: ([_repeated("Аа, А., ", size)], [_repeated("Aa, A., ", size)])
    )
    cyrillic = _lines(lambda size: _repeated("Иванов И. Книга. М., Наука, 2001.\n", size // 2))
    latin = _lines(lambda size: _repeated("Ivanov I. Kniga. Moscow, Nauka, 2001.\n", size // 2))
    found["parse_parallel: two lists"] = _on(lambda lists: parse_parallel(*lists), lambda s: (cyrillic(s), latin(s)))
    try:
        from translit_refs.transliteration.cyrillic import transliterate_references  # noqa: PLC0415 - an extra
    except ImportError:
        return found
    for family, text in REFERENCE_TEXTS.items():
        found[f"transliterate_references: {family}"] = _on(transliterate_references, _listed(_parsed(text), 1))
    return found


def _unrecorded_names(size: int) -> Reference:
    """Names for ``field_spans`` to search for: a model built in code records no provenance."""
    return Reference(raw=_repeated("Aa, A., ", size), persons=(Person(family="Aa", given="A."),) * max(1, size // 8))


def _seconds(work: Callable[[], object], rounds: int = 5) -> float:
    """CPU seconds, the best of a few runs (one slow run is noise: a collection, another process);
    fewer runs when one takes over a second."""
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
        if best > 1.0:
            break
    return best


def _works() -> dict[str, Builder]:
    """Every case by name: a function from a size to the work to time."""
    works: dict[str, Builder] = {}
    for name, fragment in TERMINAL_FRAGMENTS.items():
        works[f"grammar: {name}"] = partial(_grammar_work, fragment)
    for name, (kind, fragment) in MODULE_FRAGMENTS.items():
        works[name] = partial(_module, kind, fragment)
    works.update(_public_cases())
    return works


def _grammar_work(fragment: str, size: int) -> Callable[[], object]:
    text = fragment * max(1, size // len(fragment))  # whole fragments: every size ends alike
    return lambda: _grammar(text)


def cases(sizes: tuple[int, ...], only: str = "") -> dict[str, list[float]]:
    """Seconds per case and size (only the cases whose name holds ``only``)."""
    return {name: [_seconds(build(size)) for size in sizes] for name, build in _works().items() if only in name}


def _confirmed(name: str, sizes: tuple[int, ...], bound: float, longest: float, attempts: int = 2) -> bool:
    """Whether a case that looked super-linear looks so again on each of ``attempts`` new measurements
    (a shared machine's one slow moment must not fail a linear case; a super-linear one fails every time)."""
    build = _works()[name]
    for _ in range(attempts):
        times = [_seconds(build(size)) for size in sizes]
        if _growth(times) <= bound and times[-1] <= longest:
            return False
    return True


def table(results: dict[str, list[float]], sizes: tuple[int, ...]) -> str:
    """A Markdown table: the time at each size and the growth from each size to the next."""
    header = ["case", *map(_size, sizes), *(f"×{b // a}" for a, b in itertools.pairwise(sizes))]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for name, times in results.items():
        growth = [f"{later / max(earlier, 1e-5):.1f}×" for earlier, later in itertools.pairwise(times)]
        lines.append("| " + " | ".join([name, *(f"{t * 1000:.1f} ms" for t in times), *growth]) + " |")
    return "\n".join(lines)


def _size(size: int) -> str:
    return f"{size // 1_000_000} MB" if size >= 1_000_000 else f"{size // 1000} KB"


#: The markers around this script's section of docs/performance.md (``run.py`` keeps it when it rewrites the rest).
SECTION_START = "<!-- adversarial: start -->"
SECTION_END = "<!-- adversarial: end -->"


def write_section(path: Path, command: str, body: str) -> None:
    """Put the table in its section of ``path`` (a new section at the end if there is none)."""
    section = (
        f"{SECTION_START}\n## Adversarial inputs\n\nCommand: `{command}` (CPU time, best of up to 5 runs per "
        "cell). Each case repeats a fragment that stresses one terminal of the grammar, one module's regular "
        "expressions or one public function up to the size; linear time grows about 10× per step.\n\n"
        + body
        + f"\n{SECTION_END}\n"
    )
    text = path.read_text("utf-8") if path.exists() else ""
    if SECTION_START in text and SECTION_END in text:
        before, _, rest = text.partition(SECTION_START)
        _, _, after = rest.partition(SECTION_END)
        text = before + section.rstrip("\n") + after
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.write_text(text, "utf-8")


def peak_memory(megabytes: int = 50) -> str:
    """Peak RSS of the CLI (a fresh process) on one line of ``megabytes`` MB of random text, to CSL-JSON
    and to JSON Lines (which writes the raw line back), as a multiple of the input. The peak is the
    CLI's own VmHWM, read from /proc while it runs (``wait4`` would count this process's memory too,
    which a forked child holds until it execs)."""
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        source = Path(scratch) / "line.txt"
        alphabet = "abcdefghijklmnopqrstuvwxyz ABCDEFG.,()[]0123456789"
        source.write_text("".join(random.Random(7).choices(alphabet, k=megabytes * 1_000_000)) + "\n", "utf-8")
        out = Path(scratch) / "out"
        for to in ("csl-json", "jsonl"):
            command = [
                sys.executable,
                "-m",
                "translit_refs.cli",
                "parse",
                str(source),
                "-q",
                "-o",
                str(out),
                "--to",
                to,
            ]
            process = subprocess.Popen(command, stderr=subprocess.DEVNULL)
            peak = 0
            while process.poll() is None:
                with contextlib.suppress(OSError):
                    found = re.search(r"VmHWM:\s+(\d+) kB", Path(f"/proc/{process.pid}/status").read_text())
                    peak = max(peak, int(found.group(1)) * 1024) if found else peak
                time.sleep(0.01)
            rows.append(f"| {megabytes} MB, one line, --to {to} | {peak / 2**20:,.0f} MiB | "
                        f"{peak / (megabytes * 1_000_000):.1f}× |")  # fmt: skip
    return "\n".join(["| input | CLI peak RSS | of the input |", "|---|---|---|", *rows])


def _growth(times: list[float]) -> float:
    """The growth of a case's time from the second largest size to the largest (1 ms at least before)."""
    return times[-1] / max(times[-2], 1e-3)


def main() -> int:
    """Run the cases, print (and optionally write) the table; 1 when growth looks super-linear."""
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--quick", action="store_true", help="10 KB and 100 KB only")
    options.add_argument("--sizes", help="comma-separated sizes in characters (default 1000,10000,100000)")
    options.add_argument("--only", default="", help="only the cases whose name holds this text")
    options.add_argument("-o", "--output", help="also write the table (Markdown) into its section of this file")
    options.add_argument("--bound", type=float, default=12.0, help="the largest growth accepted per step")
    arguments = options.parse_args()
    sizes: tuple[int, ...] = (10_000, 100_000) if arguments.quick else (1_000, 10_000, 100_000)
    if arguments.sizes:
        sizes = tuple(int(size) for size in arguments.sizes.split(","))
    unstressed = {terminal.name for terminal in lark_parser("python").terminals} ^ set(TERMINAL_FRAGMENTS)
    if unstressed:
        print(f"terminals without a fragment (or fragments without a terminal): {sorted(unstressed)}")
        return 2
    parse_reference("Warm up. Moscow, Nauka, 2001.")
    split_references("References\n1. Warm up. Moscow, 2001.")
    with contextlib.suppress(ImportError):  # the translit extra loads its dictionaries on first use
        from translit_refs.transliteration.cyrillic import transliterate_references  # noqa: PLC0415 - an extra

        transliterate_references([parse_reference(REFERENCE_TEXTS["a transliterated title"](1000))])
    results = cases(sizes, arguments.only)
    report = table(results, sizes)
    worst = max(results.items(), key=lambda item: item[1][-1])
    steepest = max(results.items(), key=lambda item: _growth(item[1]))
    summary = (
        f"\nWorst {_size(sizes[-1])} case: {worst[0]}, {worst[1][-1]:.3f} s. Steepest growth from "
        f"{_size(sizes[-2])} to {_size(sizes[-1])}: {steepest[0]}, {_growth(steepest[1]):.1f}× (a time under "
        "1 ms counts as 1 ms: below it, timer and cache noise decide the ratio).\n"
    )
    if not arguments.quick and not arguments.sizes and not arguments.only:
        summary += "\nMemory (``peak_memory``, the CLI's own peak RSS):\n\n"
        summary += peak_memory() + "\n"
    print(report + summary)
    if arguments.output:
        write_section(
            Path(arguments.output),
            "python benchmarks/adversarial.py " + " ".join(sys.argv[1:]),
            report + "\n" + summary,
        )
    longest = 10.0 * max(1, sizes[-1] // 100_000)
    suspects = [name for name, times in results.items() if _growth(times) > arguments.bound or times[-1] > longest]
    failed = [name for name in suspects if _confirmed(name, sizes, arguments.bound, longest)]
    for name in failed:
        print(f"super-linear: {name}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
