"""Labelled references from CSL renderings: the gold items printed by real styles, each field found again.

    python benchmarks/csl_labelled.py [--shared ../shared] [--styles apa,ieee] [--out FILE.xml]

The seed and dev-gold items (``csl_styles.source_item``) are rendered alone by citeproc-js in each style
of ``csl_styles.STYLES`` (``csl_styles.render``, its cache reused). In each printed text every field of
the item is looked for by string search, longest texts first, each number only in text no field holds
yet and after the names; the characters found take AnyStyle's label (title, journal or container-title,
author, editor, date, volume with its issue, pages …). A token takes the label of its first labelled
character; a token no field reached ("Vol.", "pp.", "In", "(Eds.)") takes its neighbour's: the previous
field's when it is an ending ("(Eds.)", "p.", a lone punctuation), else the next one's. A leading
citation number is labelled citation-number. A rendering where the title or a printed name list is not
found, or where more than two tokens in a row reach no field (a field printed otherwise than the item
has it: an abbreviated journal), is left out. The output is AnyStyle's XML (``<dataset><sequence><author>…``), so that
``train_labeller.py --extra FILE.xml`` trains on it beside core.xml.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from translit_refs.labeller import tokenize

from csl_styles import STYLES, STYLES_DIR, SkipError, _rows, plain, render, resolve_style, source_item

ROOT = Path(__file__).resolve().parent.parent
_LEADING_NUMBER = re.compile(r"\s*(?:\[\d{1,4}\]|\(\d{1,4}\)|\d{1,4}\.)\s")
#: Tokens that end the field before them: a role after names, a lone punctuation.
_ENDING = re.compile(r"\(?(?:eds?|editors?|hrsg|trans|ред|сост)\.?\)?[.,;:]?|[^\w\s]{1,3}", re.IGNORECASE)
#: A unit after a page count ("798 p.", "320 pp.", "288 с.").
_PAGE_UNIT = re.compile(r"(?:p|pp|s|с|pages)\.?[,;]?", re.IGNORECASE)
#: The rest of a date after its year ("July 1).", "Mar.", "15,").
_DATE_REST = re.compile(r"\(?(?:[^\W\d_]{3,9}\.?|\d{1,2})\)?[.,;:]?")
#: Initials after a family name: "AG.", "P. M.", "J.-P.".
_NAME_TAIL = re.compile(r"(?:,?\s(?:[A-ZА-ЯЁ][a-zа-яё]?\.?-?){1,3}(?=[\s,.;]|$))+")
_LONGEST_GAP = 2
_YEAR_TOKEN = re.compile(r"\(?\d{4}[a-z]?\)?[.,;:]?")
_UNDATED = re.compile(r"\(?[Nn]\.\s?[Dd]\.\)?[.,;:]?")
_DASH = "[-‐‑‒–—−]"
#: CSL types whose container AnyStyle labels ``journal``.
_JOURNALS = frozenset({"article-journal", "article-magazine", "article-newspaper"})


def _fold(text: str) -> str:
    """Case-blind, dashes as "-": one character for one, so offsets stay."""
    return re.sub(_DASH, "-", unicodedata.normalize("NFC", text)).casefold()


def _free(labels: list[str | None], start: int, end: int) -> bool:
    return all(label is None for label in labels[start:end])


def _find(
    text: str, labels: list[str | None], value: str, after: int = 0, word: bool = False
) -> tuple[int, int] | None:
    """The first free occurrence of ``value`` in ``text`` at or after ``after`` (whole word when ``word``)."""
    folded = _fold(text)
    wanted = _fold("".join(c for c in value.strip() if unicodedata.category(c) != "Cc"))
    if not wanted:
        return None
    position = folded.find(wanted, after)
    while position >= 0:
        end = position + len(wanted)
        bounded = not word or (
            (position == 0 or not folded[position - 1].isalnum()) and (end == len(folded) or not folded[end].isalnum())
        )
        if bounded and _free(labels, position, end):
            return position, end
        position = folded.find(wanted, position + 1)
    return None


def _mark(labels: list[str | None], span: tuple[int, int] | None, label: str) -> bool:
    if span is None:
        return False
    for index in range(*span):
        labels[index] = label
    return True


def _names(text: str, labels: list[str | None], names: list[dict[str, Any]], label: str) -> bool:
    """Label the span from the first to the last name part found; False when a family name is missing."""
    starts, ends = [], []
    position = 0
    for name in names:
        family = str(name.get("family") or name.get("literal") or "")
        found = _find(text, labels, family, position, word=True) if family else None
        if found is None:
            return False
        starts.append(found[0])
        ends.append(found[1])
        position = found[1]
        for given in str(name.get("given") or "").replace(".", " ").split():
            near = _find(text, labels, given, max(found[0] - 40, 0), word=True)
            if near is not None and abs(near[0] - found[0]) < 40:
                starts.append(near[0])
                ends.append(near[1])
    start, end = min(starts), max(ends)
    following = _NAME_TAIL.match(text, end)  # initials after the last family name ("Yuferov AG.")
    if following is not None and _free(labels, end, following.end()):
        end = following.end()
    for index in range(start, end):
        if labels[index] is None:
            labels[index] = label
    return True


def _year(text: str, labels: list[str | None], year: str) -> tuple[int, int] | None:
    """The year where it stands as a token of its own ("(2014).", "2014;"), else its first free occurrence."""
    first = found = _find(text, labels, year, word=True)
    while found is not None:
        start = text.rfind(" ", 0, found[0]) + 1
        end = text.find(" ", found[1])
        token = text[start : end if end >= 0 else len(text)]
        if _YEAR_TOKEN.fullmatch(token):
            return found
        found = _find(text, labels, year, found[1], word=True)
    return first


def _pages(text: str, labels: list[str | None], page: str, after: int) -> tuple[int, int] | None:
    first = re.split(_DASH, str(page))[0].strip()
    found = _find(text, labels, first, after, word=True)
    if found is None:
        return None
    rest = re.match(rf"\s?{_DASH}\s?\w+", text[found[1] :])
    return (found[0], found[1] + (rest.end() if rest else 0))


def character_labels(text: str, item: dict[str, Any]) -> list[str | None] | None:
    """Each character's label, or None when the title or a printed name list is not found."""
    labels: list[str | None] = [None] * len(text)
    if item.get("title") and not _mark(labels, _find(text, labels, str(item["title"])), "title"):
        return None
    container = "journal" if item.get("type") in _JOURNALS else "container-title"
    for key, label in (
        ("container-title", container), ("collection-title", "collection-title"), ("publisher", "publisher"),
        ("publisher-place", "location"), ("event-place", "location"), ("genre", "genre"), ("medium", "medium"),
        ("URL", "url"), ("DOI", "doi"), ("ISBN", "isbn"), ("edition", "edition"),
    ):  # fmt: skip
        if item.get(key):
            _mark(labels, _find(text, labels, str(item[key])), label)
    for key, label in (("author", "author"), ("editor", "editor"), ("translator", "translator")):
        names = item.get(key)
        if not isinstance(names, list) or not names:
            continue
        printed = _find(text, labels, str(names[0].get("family") or "-"), word=True) is not None
        if printed and not _names(text, labels, names, label):
            return None
    title_end = next((i for i, label in enumerate(labels) if label == "title"), 0)
    parts = (item.get("issued") or {}).get("date-parts") or [[None]]
    if parts[0] and parts[0][0]:
        _mark(labels, _year(text, labels, str(parts[0][0])), "date")
    for key in ("volume", "issue"):
        if item.get(key):
            _mark(labels, _find(text, labels, str(item[key]), title_end, word=True), "volume")
    if item.get("page"):
        _mark(labels, _pages(text, labels, str(item["page"]), title_end), "pages")
    if item.get("number-of-pages"):
        _mark(labels, _find(text, labels, str(item["number-of-pages"]), title_end, word=True), "pages")
    return labels


def token_labels(text: str, characters: list[str | None]) -> list[str] | None:
    """One label per token: its first labelled character's, else a neighbour's (see the docstring); None
    when more than ``_LONGEST_GAP`` tokens in a row before a labelled one have no label."""
    tokens = tokenize(text)
    own = [next((characters[i] for i in range(t.start, t.end) if characters[i]), None) for t in tokens]
    number = _LEADING_NUMBER.match(text)
    if number and tokens and own[0] is None and tokens[0].end <= number.end():
        own[0] = "citation-number"
    run = 0
    for index, label in enumerate(own):
        run = run + 1 if label is None else 0
        if run > _LONGEST_GAP and any(own[index:]):
            return None  # a field not found: its words would take a wrong label
    result: list[str] = []
    for index, token in enumerate(tokens):
        label = own[index]
        if label is None:
            before = next((own[i] for i in range(index - 1, -1, -1) if own[i]), None)
            after = next((own[i] for i in range(index + 1, len(own)) if own[i]), None)
            ending = _ENDING.fullmatch(token.text) is not None
            unit = before == "pages" and _PAGE_UNIT.fullmatch(token.text) is not None
            if unit or (before == "date" and _DATE_REST.fullmatch(token.text) is not None):
                ending = True
            if _UNDATED.fullmatch(token.text):
                label = "date"
            else:
                label = (before if ending else after) or (before if ending else "note")
        result.append(label or "note")
    return result


def sequence(text: str, labels: list[str]) -> ET.Element:
    """AnyStyle's ``<sequence>`` of one labelled text: consecutive tokens of a label as one segment."""
    element = ET.Element("sequence")
    tokens = tokenize(text)
    run: list[int] = []
    for index in [*range(len(tokens)), None]:
        if run and (index is None or labels[index] != labels[run[0]]):
            segment = ET.SubElement(element, labels[run[0]])
            segment.text = " ".join(tokens[i].text for i in run)
            run = []
        if index is not None:
            run.append(index)
    return element


def build(shared: Path, styles: list[str], cache: Path) -> tuple[ET.Element, int, int]:
    """The dataset of every style's renderings; the count of renderings kept and left out."""
    rows = _rows(shared / "seed" / "gold.jsonl") + _rows(shared / "corpus" / "dev_gold.jsonl")
    items = [source_item(row) for row in rows]
    dataset = ET.Element("dataset")
    kept = left = 0
    for name in styles:
        path, _ = resolve_style(name, STYLES_DIR)
        for item, output in zip(items, render(path, items, cache), strict=True):
            # XML 1.0 holds no control characters (a gold publisher has one)
            text = "".join(c for c in plain(str(output.get("text") or "")) if unicodedata.category(c) != "Cc")
            characters = character_labels(text, item) if text else None
            if characters is None:
                left += 1
                continue
            labels = token_labels(text, characters)
            if labels is None:
                left += 1
                continue
            dataset.append(sequence(text, labels))
            kept += 1
    return dataset, kept, left


def main(argv: Iterable[str] | None = None) -> int:
    """Write the labelled renderings as AnyStyle XML."""
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    options.add_argument("--styles", help="comma-separated style names (default: all of csl_styles.py)")
    options.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "translit-refs-csl-styles")
    options.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "csl-labelled.xml")
    arguments = options.parse_args(None if argv is None else list(argv))
    names = [n.strip() for n in arguments.styles.split(",")] if arguments.styles else list(STYLES)
    try:
        dataset, kept, left = build(arguments.shared, names, arguments.cache)
    except (SkipError, RuntimeError, FileNotFoundError) as reason:
        print(f"skipped: {reason}")
        return 0
    ET.indent(dataset)
    ET.ElementTree(dataset).write(arguments.out, encoding="utf-8", xml_declaration=True)
    print(f"{kept} renderings labelled, {left} left out (title, names or another field not found); {arguments.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
