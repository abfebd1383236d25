"""Adversarial inputs: does any regular expression of the library take more than linear time?

    python benchmarks/adversarial.py [--quick] [-o docs/performance.md] [--bound 30]

Each named case builds a text of a given size from a fragment chosen to stress one grammar terminal
(repeated matches, near misses that make a pattern read far ahead) or one module's regular
expressions (normalisation, names, list splitting, Cyrillic recovery). Every case runs at 1 KB,
10 KB and 100 KB (``--quick``: 10 KB and 100 KB) and the growth of its time is printed: a linear
case grows about 10× per step. The grammar cases run Lark's lexer and parser on the whole text,
without the length limit ``parse_reference`` applies (``parser.MAX_LENGTH``), so that a terminal's
own behaviour shows; the ``parse_reference`` cases run the public function.

The script exits 1 when a 10 KB → 100 KB growth exceeds ``--bound`` (30 by default, generous, so
that noise cannot fail it; CI runs ``--quick``) or a 100 KB case takes over 10 s.
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
from pathlib import Path

from translit_refs import parse_reference, split_references, to_bibtex
from translit_refs.models import Role
from translit_refs.parsing.grammar import reference_parser
from translit_refs.parsing.normalize import normalize
from translit_refs.parsing.persons import person

#: A fragment that stresses each terminal of the grammar: matched again and again, or nearly.
TERMINAL_FRAGMENTS: dict[str, str] = {
    "NAME": "Ivanov I.I., ",
    "GIVEN_NAME": "I. I. Ivanov, ",
    "FULL_NAME": "Gingo Peter J., ",
    "NAME_SEP": "Aa A., ; & and ",
    "ETAL": "et al. i dr. и др. ",
    "ED_MARK": "(eds.) (Ed.) , eds. ",
    "CONTAINER_EDITORS": "In: Ivanov I.I., Petrov P.P., ",
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
    "ISSUE": "No. 4 (61) iss. 5 № 7 ",
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
    "APA_LOCATOR": "7(4), 1324–1338, (6), 87– 4, 3–",
    "VANCOUVER_LOCATOR": "2010;240(3):100-10 2018 Sep 1;39(S6): 2009:22-",
    "URL_MARK": "URL: Available at: Режим доступа: ",
    "URL_VALUE": "URL: http://a.b/c?d=e&f URL: ",
    "BARE_URL": "https://example.org/a/b www.",
    "ARCHIVE_LOCATOR": "F. 5446. Op. 1. D. 20. L. 5–7 ob. Ф. 208, оп. ",
    "SEG": "Razvedka v mekhanizme SShA. Int. J. Heat. ",
    "SEPARATORS": " . , ; : ",
    "CITATION_NUMBER": "[12] 12. (12) ",
    "HEAD_YEAR": "Smith, J. 2001. ",
    "INVERTED_NAME": "Smith, John Mary Q. ",
    "FORWARD_NAME": "and Jane Doe and ",
    "QUOTED": "“a, b. ",
    "COLON_LOCATOR": "12: 66-67 55 (3–4): ",
    "YEAR_LOCATOR": "12, 54–68 (199",
    "PAREN_IMPRINT": "(W. W. Norton, NY, ",
    "CHICAGO_LOCATOR": "3, no. 2 (2009): 137–",
    "BARE_VOLUME": ", 108, pp. ",
    "BARE_PAGES": ". 54–68 ",
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


def _seconds(work: Callable[[], object], rounds: int = 5) -> float:
    """The best of a few runs (one slow run is noise: a collection, another process)."""
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def cases(sizes: tuple[int, ...]) -> dict[str, list[float]]:
    """Seconds per case and size."""
    results: dict[str, list[float]] = {}
    for name, fragment in TERMINAL_FRAGMENTS.items():
        times = []
        for size in sizes:
            text = fragment * max(1, size // len(fragment))  # whole fragments: every size ends alike
            times.append(_seconds(lambda text=text: _grammar(text)))  # type: ignore[misc]
        results[f"grammar: {name}"] = times
    for name, (kind, fragment) in MODULE_FRAGMENTS.items():
        results[name] = [_seconds(_module(kind, fragment, size)) for size in sizes]
    return results


def table(results: dict[str, list[float]], sizes: tuple[int, ...]) -> str:
    """A Markdown table: the time at each size and the growth from each size to the next."""
    header = ["case", *(f"{size // 1000} KB" for size in sizes), *(f"×{b // a}" for a, b in itertools.pairwise(sizes))]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for name, times in results.items():
        growth = [f"{later / max(earlier, 1e-5):.1f}×" for earlier, later in itertools.pairwise(times)]
        lines.append("| " + " | ".join([name, *(f"{t * 1000:.1f} ms" for t in times), *growth]) + " |")
    return "\n".join(lines)


#: The markers around this script's section of docs/performance.md (``run.py`` keeps it when it rewrites the rest).
SECTION_START = "<!-- adversarial: start -->"
SECTION_END = "<!-- adversarial: end -->"


def write_section(path: Path, sizes: tuple[int, ...], body: str) -> None:
    """Put the table in its section of ``path`` (a new section at the end if there is none)."""
    command = "python benchmarks/adversarial.py" + (" --quick" if len(sizes) == 2 else "") + f" -o {path.name}"
    section = (
        f"{SECTION_START}\n## Adversarial inputs\n\nCommand: `{command}` (best of 5 runs per cell). Each case "
        "repeats a fragment that stresses one terminal of the grammar or one module's regular expressions "
        "up to the size; linear time grows about 10× per step.\n\n" + body + f"\n{SECTION_END}\n"
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


def main() -> int:
    """Run the cases, print (and optionally write) the table; 1 when growth looks super-linear."""
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--quick", action="store_true", help="10 KB and 100 KB only")
    options.add_argument("-o", "--output", help="also write the table (Markdown) into its section of this file")
    options.add_argument("--bound", type=float, default=30.0, help="the largest 10 KB → 100 KB growth accepted")
    arguments = options.parse_args()
    sizes = (10_000, 100_000) if arguments.quick else (1_000, 10_000, 100_000)
    parse_reference("Warm up. Moscow, Nauka, 2001.")
    split_references("References\n1. Warm up. Moscow, 2001.")
    results = cases(sizes)
    report = table(results, sizes)
    worst = max(results.items(), key=lambda item: item[1][-1])
    steepest = max(results.items(), key=lambda item: item[1][-1] / max(item[1][-2], 1e-5))
    summary = (
        f"\nWorst {sizes[-1] // 1000} KB case: {worst[0]}, {worst[1][-1]:.3f} s. Steepest growth from "
        f"{sizes[-2] // 1000} KB to {sizes[-1] // 1000} KB: {steepest[0]}, "
        f"{steepest[1][-1] / max(steepest[1][-2], 1e-5):.1f}×.\n"
    )
    if not arguments.quick:
        summary += "\nMemory (``peak_memory``, the CLI's own peak RSS):\n\n"
        summary += peak_memory() + "\n"
    print(report + summary)
    if arguments.output:
        write_section(Path(arguments.output), sizes, report + "\n" + summary)
    failed = [
        name
        for name, times in results.items()
        if times[-1] / max(times[-2], 1e-3) > arguments.bound or times[-1] > 10.0
    ]
    for name in failed:
        print(f"super-linear: {name}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
