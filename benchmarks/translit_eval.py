"""Evaluate Cyrillic title recovery on the dev corpus against each reference's Russian-list parallel.

    python benchmarks/translit_eval.py [--show N]

For every dev reference that parses as a transliterated Russian title (a bracketed translation
or a Russian-language note) and whose parallel is Cyrillic, the Cyrillic title is cut from the
parallel (after the authors, before "//", ". –" or "["), and compared with the recovered title,
ignoring case, ё/е and punctuation. Reports exact titles and word accuracy (aligned words), and
the exact share among the titles whose two lists agree: where the Latin title is, word for word,
a standard transliteration of the Cyrillic one (no typo, no rewording between the lists).
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from translit_refs import parse_reference
from translit_refs.transliteration.cyrillic import SCHEMES, forward, transliterate_references

DEV = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "dev_npe.jsonl"
_AUTHORS = re.compile(
    r"^(?:[А-ЯЁA-Z][а-яёa-z’'-]+(?:-[А-ЯЁ][а-яё]+)?,?\s?(?:[А-ЯЁA-Z][а-яёa-z]?\.\s?){1,3},?\s*)+(?:и др\.,?\s*)?"
)
_TITLE_END = re.compile(r"\s*(?://|\.\s[–—-]\s|\s[–—-]\s[А-ЯЁ]\.?:|\[)")


def cyrillic_title(parallel: str) -> str | None:
    """The title of a GOST-style Cyrillic reference, or None when the parallel is not Cyrillic."""
    if len(re.findall(r"[А-Яа-яЁё]", parallel)) < 10:
        return None
    rest = _AUTHORS.sub("", parallel, count=1)
    end = _TITLE_END.search(rest)
    return (rest[: end.start()] if end else rest).strip(" .")


def _aligned_span(parallel: str, recovered: str) -> str:
    """The words of the parallel reference that align with the recovered title (first to last match)."""
    theirs, ours = words(parallel), words(recovered)
    blocks = [b for b in difflib.SequenceMatcher(a=theirs, b=ours, autojunk=False).get_matching_blocks() if b.size]
    if not blocks:
        return cyrillic_title(parallel) or ""
    first, last = blocks[0], blocks[-1]
    start = max(0, first.a - first.b)  # words missed at the start of the title still belong to it
    end = min(len(theirs), last.a + last.size + (len(ours) - last.b - last.size))
    return " ".join(theirs[start:end])


def _letter_renderings() -> dict[str, str]:
    """For each Cyrillic letter, a regex of every way a standard scheme writes it (after a consonant,
    after a vowel, alone); е may stand for ё, which Russian lists often print as е."""
    renderings: dict[str, set[str]] = {}
    for letter in "абвгдеёжзийклмнопрстуфхцчшщъыьэюя":
        found = renderings.setdefault(letter, set())
        for scheme in SCHEMES:
            found.add(forward(letter, scheme).lower())
            found.add(forward("б" + letter, scheme).lower()[len(forward("б", scheme)) :])
            found.add(forward("а" + letter, scheme).lower()[len(forward("а", scheme)) :])
    renderings["е"] |= renderings["ё"]
    return {
        letter: "(?:"
        + "|".join(sorted(map(re.escape, {r.replace("’", "") for r in found}), key=len, reverse=True))
        + ")"
        for letter, found in renderings.items()
    }


_RENDERINGS = _letter_renderings()


def faithful(latin: str, cyrillic: str) -> bool:
    """True when the Latin title is, letter for letter, a standard rendering of the Cyrillic one
    (each letter as some standard scheme writes it; Latin words kept as they are): the two lists
    agree, with no typo or rewording, so the Cyrillic is attainable from the Latin."""
    latin_words, cyrillic_words = words(latin.replace("’", "").replace("'", "")), words(cyrillic)
    if len(latin_words) != len(cyrillic_words):
        return False
    return all(
        theirs == ours or re.fullmatch("".join(_RENDERINGS.get(c, re.escape(c)) for c in theirs), ours) is not None
        for ours, theirs in zip(latin_words, cyrillic_words, strict=True)
    )


@dataclass
class Tally:
    """Exact titles and aligned words of a set of evaluated titles."""

    titles: int = 0
    exact: int = 0
    words: int = 0
    right_words: int = 0

    def add(self, want: list[str], got: list[str]) -> None:
        """Count one title: the words of the Russian list's title and the recovered words."""
        matcher = difflib.SequenceMatcher(a=want, b=got, autojunk=False)
        self.titles += 1
        self.exact += want == got
        self.words += max(len(want), len(got))
        self.right_words += sum(block.size for block in matcher.get_matching_blocks())

    def __str__(self) -> str:
        return (
            f"exact titles {self.exact}/{self.titles} = {self.exact / max(self.titles, 1):.1%}, "
            f"words {self.right_words}/{self.words} = {self.right_words / max(self.words, 1):.1%}"
        )


def words(text: str) -> list[str]:
    """Lower-case words with ё read as е."""
    return re.findall(r"[\wё]+", text.lower().replace("ё", "е"))


def main() -> None:
    """Print the evaluation."""
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--show", type=int, default=0, help="print this many mismatches")
    arguments = options.parse_args()
    rows = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines()]
    references = [parse_reference(row["text"]) for row in rows]
    start = time.perf_counter()
    by_article: dict[str, list[int]] = {}
    for index, row in enumerate(rows):
        by_article.setdefault(row["article"], []).append(index)
    recovered = list(references)
    for indexes in by_article.values():  # each article's list is one list: its scheme is detected over it
        for index, reference in zip(indexes, transliterate_references([references[i] for i in indexes]), strict=True):
            recovered[index] = reference
    seconds = time.perf_counter() - start
    everything, agreeing = Tally(), Tally()
    shown = 0
    for row, reference in zip(rows, recovered, strict=True):
        if reference.title_cyrillic is None or not row.get("cyrillic_parallel"):
            continue
        if cyrillic_title(row["cyrillic_parallel"]) is None:
            continue
        expected = _aligned_span(row["cyrillic_parallel"], reference.title_cyrillic.text)
        want, got = words(expected), words(reference.title_cyrillic.text)
        everything.add(want, got)
        if faithful(reference.title or "", expected):
            agreeing.add(want, got)
        if want != got and shown < arguments.show:
            shown += 1
            got_text = reference.title_cyrillic.text
            print(f"- want {expected}\n  got  {got_text}\n  from {reference.title}", file=sys.stderr)
    print(f"titles evaluated: {everything.titles} of {len(rows)} dev references")
    print(f"all of them: {everything}")
    print(f"the {agreeing.titles} whose two lists agree (Latin = a standard rendering of the Cyrillic): {agreeing}")
    print(f"recovery time: {seconds:.2f} s for {len(rows)} references ({len(rows) / seconds:,.0f} references/s)")


if __name__ == "__main__":
    main()
