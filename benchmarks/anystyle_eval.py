"""The parser on AnyStyle's labelled references: every labelled segment with a CSL counterpart, scored.

    python benchmarks/anystyle_eval.py [--core ../shared/corpus/anystyle/core.xml] [--no-list]
        [--limit N] [--json OUT] [--verbose]

Each ``<sequence>`` of AnyStyle's core set (``shared/corpus/anystyle/core.xml``, 1,514 references in
many non-Russian styles) is a reference cut into labelled segments. Its text is the segments joined by
one space (``anystyle_text``, after ``benchmarks/output_diff.py`` of the output-diff work: fullwidth
punctuation loses the spaces AnyStyle's tokenizer put around it); a leading citation number ("60.",
"[13]") stays, as printed. Each reference is parsed alone (``parse_reference``) and, in a second
column, all of them as one list (``parse_list``; skip it with ``--no-list``), then converted with
``to_csl_json``.

Labels scored, and their CSL counterparts: author / editor / translator → ``author`` / ``editor`` /
``translator`` (the name words: every word of two letters or more of the segment, less "and", "Ed.",
"trans." and the like, must be the words of the parsed names' family and given names, and the family
names must occur in the segment in order); title → ``title`` (a parsed bracketed translation may be
part of it); container-title and journal → ``container-title`` (a leading "In" dropped); date →
``issued`` (its year; a reference with two dates accepts either; a date without a year is not scored);
volume → ``volume`` and, when the segment has one ("6(1)", "vol. 3, no. 2"), ``issue`` ("4 vols." →
``number-of-volumes``); pages → ``page`` ("pp." and the like dropped; "320 pp." → ``number-of-pages``);
publisher → ``publisher``; location → ``publisher-place`` (or ``event-place``); edition → ``edition``
(its number when it has one); genre → ``genre`` (or genre and ``number``: "Technical Report 11"); doi →
``DOI`` (the DOI itself, case-blind); url → ``URL`` (white space and "URL:" / "<>" dropped); isbn →
``ISBN`` (digits); medium → ``medium``; collection-title → ``collection-title`` (a leading "of" / "ser."
dropped). Labels with no counterpart the parser could give are not scored: citation-number (a list
label), note (free text: "Retrieved from", "Unpublished doctoral dissertation"), source (where an
abstract or copy was found), director and producer (the library writes no such roles). A label that
occurs twice in a reference is one field, right when either segment matches. Text comparisons are those
of ``score_csl.py`` (dashes and white space) after the punctuation, quotes and brackets at both ends are
dropped, as AnyStyle's segments keep them ("(2011).", "pp. 1761–1800).").
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from translit_refs import parse_list, parse_reference, to_csl_json

from output_diff import anystyle_text

ROOT = Path(__file__).resolve().parent.parent
CORE = ROOT.parent / "shared" / "corpus" / "anystyle" / "core.xml"
#: Punctuation AnyStyle's tokenizer cuts off as tokens of their own (fullwidth forms, 。 and 、),
#: so that core.xml prints "舒仁輝 ，" for the "舒仁輝，" of the printed reference.
IGNORED = ("citation-number", "note", "source", "director", "producer")
#: Label → the CSL field it is scored as (the name shown in the table).
FIELDS = {
    "author": "author",
    "editor": "editor",
    "translator": "translator",
    "title": "title",
    "container-title": "container-title",
    "journal": "container-title",
    "date": "issued (year)",
    "volume": "volume / issue",
    "pages": "page / number-of-pages",
    "publisher": "publisher",
    "location": "publisher-place",
    "edition": "edition",
    "genre": "genre",
    "doi": "DOI",
    "url": "URL",
    "isbn": "ISBN",
    "medium": "medium",
    "collection-title": "collection-title",
}
_DASHES = re.compile(r"[\u2010\u2011\u2012\u2013\u2014\u2212-]")
_END = " \t\u00a0.,;:()[]{}<>\"'`\u2018\u2019\u201a\u201c\u201d\u201e\u00ab\u00bb\u2039\u203a/"
#: Words of a name segment that are no part of a name.
_NOT_NAMES = frozenset(
    "in and und et al eds ed edn editor editors edited by trans translated translator translators tr "
    "transl hrsg hg hgg éd éds dir dirs coord comp comps with revised rev jr sr the others & y e".split()
)
_ORDINALS = {
    word: str(number)
    for number, word in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split(), start=1
    )
}
_SHOWN = 4


# --------------------------------------------------------------------------- normalising


def ends(value: object) -> str:
    """Text as score_csl.py compares it (dashes, white space), less the punctuation at both ends."""
    text = unicodedata.normalize("NFC", str(value))
    text = re.sub(r"\s+", " ", _DASHES.sub("-", text))
    return text.strip(_END)


def _fold(value: object) -> str:
    return ends(value).casefold()


def name_words(text: str) -> Counter[str]:
    """The words of two letters or more of a name text, case-blind, less those that are no names."""
    words = re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", unicodedata.normalize("NFC", text))
    return Counter(w.casefold() for w in words if len(w) >= 2 and w.casefold() not in _NOT_NAMES)


def _families_in_order(families: list[str], text: str) -> bool:
    position, folded = 0, re.sub(r"\s+", " ", _DASHES.sub("-", text)).casefold()
    for family in families:
        found = folded.find(re.sub(r"\s+", " ", _DASHES.sub("-", family)).casefold(), position)
        if found < 0:
            return False
        position = found + 1
    return True


def _names(got: object) -> list[dict[str, Any]]:
    return [n for n in got if isinstance(n, dict)] if isinstance(got, list) else []


def same_names(segments: list[str], got: object) -> bool:
    """The parsed names are the segment's: the same name words, the family names in order."""
    names = _names(got)
    if not names:
        return False
    families = [str(n.get("family", n.get("literal", ""))) for n in names]
    parsed = Counter[str]()
    for name in names:
        parts = (name.get("family"), name.get("literal"), name.get("given"))
        parsed += name_words(" ".join(str(part) for part in parts if part))
    return any(name_words(s) == parsed and _families_in_order(families, s) for s in segments)


def _without_translation(item: dict[str, Any], key: str, custom_key: str) -> list[str]:
    """``key``'s value, and with the bracketed translation the parser moved to ``custom``."""
    value = item.get(key)
    if not value:
        return []
    translation = (item.get("custom") or {}).get(custom_key)
    return [str(value)] + ([f"{value} [{translation}]"] if translation else [])


def same_title(segments: list[str], item: dict[str, Any]) -> bool:
    """The title, or the title with its bracketed translation, is the segment."""
    got = {ends(v) for v in _without_translation(item, "title", "translated-title")}
    return any(ends(s) in got for s in segments)


def same_container(segments: list[str], item: dict[str, Any]) -> bool:
    """The container, a leading "In" / "In:" of the segment dropped."""
    got = {ends(v) for v in _without_translation(item, "container-title", "translated-container-title")}
    return any(ends(re.sub(r"^\s*in\s*:?\s+", "", s, flags=re.IGNORECASE)) in got for s in segments)


def same_year(segments: list[str], item: dict[str, Any]) -> bool | None:
    """The year of ``issued`` is one of the segments' years; None (not scored) when they have none."""
    years = {int(y) for s in segments for y in re.findall(r"(?<!\d)(1[4-9]\d\d|20\d\d)(?!\d)", s)}
    if not years:
        return None
    issued = item.get("issued")
    parts = issued.get("date-parts") if isinstance(issued, dict) else None
    try:
        return bool(parts and parts[0] and int(parts[0][0]) in years)
    except (TypeError, ValueError):
        return False


_VOLUME = re.compile(
    r"\b(?:vols?|volume|v|bd|band|t|tome|tomo|jg|jahrgang)\.?\s*([0-9IVXLC]+[A-Za-z]?(?:-\d+)?)\b", re.IGNORECASE
)
_ISSUE = re.compile(
    r"(?:\((?!pp?\b)([^()]+)\)|\b(?:no|nos|nr|num|number|issue|iss|heft|h|fasc|n°|№)\.?\s*([\w/-]+))",
    re.IGNORECASE,
)


def volume_parts(segment: str) -> dict[str, str]:
    """The volume, issue or number of volumes a volume segment gives ("8(3),", "Vol. 9,", "4 vols.")."""
    # the ends kept: "8(3)" must keep its parenthesis; a year before a Vancouver volume ("2009;7:") dropped
    text = re.sub(r"^\s*(?:1[5-9]|20)\d\d\s*;", "", segment).strip(" \t\u00a0.,;:")
    many = re.fullmatch(r"(\d+)\s*vols?", text, re.IGNORECASE)
    if many:
        return {"number-of-volumes": many.group(1)}
    parts: dict[str, str] = {}
    marked = _VOLUME.search(text)
    bare = re.match(r"[;:,(\s]*(\d+[A-Za-z]?)", text)
    if marked:
        parts["volume"] = marked.group(1)
    elif bare:
        parts["volume"] = bare.group(1)
    issue = _ISSUE.search(text[marked.end() if marked else (bare.end() if bare else 0) :])
    if issue:
        parts["issue"] = ends(issue.group(1) or issue.group(2))
    if not parts:
        parts["volume"] = text
    return parts


def same_volume(segments: list[str], item: dict[str, Any]) -> bool:
    """Each part the segment gives is the parsed one."""
    return any(all(ends(item.get(key, "")) == ends(value) for key, value in volume_parts(s).items()) for s in segments)


def same_pages(segments: list[str], item: dict[str, Any]) -> bool:
    """The page range ("pp." dropped) or the page count ("320 pp.")."""
    for segment in segments:
        text = ends(segment)
        count = re.fullmatch(r"(\d+)\s*(?:pp?|pages|S|s|ss|str)\.?", text)
        if count:
            if ends(item.get("number-of-pages", "")) == count.group(1):
                return True
            continue
        text = ends(re.sub(r"^(?:pp?|pages?|pgs?|S|s|str)\.?\s*", "", text))
        if re.sub(r"\s", "", text) == re.sub(r"\s", "", ends(item.get("page", ""))):
            return True
    return False


def same_text(key: str, fold: bool = False, prefix: str | None = None) -> Callable[[list[str], dict[str, Any]], bool]:
    """A plain text field: ``ends`` equal (case-blind when ``fold``), a leading ``prefix`` dropped."""

    def compare(segments: list[str], item: dict[str, Any]) -> bool:
        got = item.get(key)
        if not got:
            return False
        norm = _fold if fold else ends
        for segment in segments:
            text = re.sub(prefix, "", segment, flags=re.IGNORECASE) if prefix else segment
            if norm(text) == norm(got):
                return True
        return False

    return compare


def same_genre(segments: list[str], item: dict[str, Any]) -> bool:
    """The genre, case-blind; AnyStyle's genre keeps the report's number the parser gives as ``number``."""
    got = [item.get("genre")]
    if item.get("genre") and item.get("number"):
        got.append(f"{item['genre']} {item['number']}")
    return any(value and _fold(s) == _fold(value) for s in segments for value in got)


def same_place(segments: list[str], item: dict[str, Any]) -> bool:
    """The place(s), as ``publisher-place`` or ``event-place``; "," and ";" between places alike."""

    def norm(value: object) -> str:
        return re.sub(r"\s*[;,]\s*", ", ", ends(value))

    got = {norm(item[k]) for k in ("publisher-place", "event-place") if item.get(k)}
    return any(norm(s) in got for s in segments)


def same_edition(segments: list[str], item: dict[str, Any]) -> bool:
    """The edition's number when the segment has one ("2nd ed.", "Third Edition"), else its text."""
    got = ends(item.get("edition", ""))
    if not got:
        return False
    for segment in segments:
        words = re.findall(r"\w+", segment.casefold())
        number = next((w for w in (re.match(r"\d+", x) for x in words) if w), None)
        ordinal = next((_ORDINALS[w] for w in words if w in _ORDINALS), None)
        want = number.group(0) if number else ordinal
        got_number = re.search(r"\d+", got)
        if want is not None and got_number is not None and got_number.group(0) == want:
            return True
        if _fold(segment) == got.casefold():
            return True
    return False


def same_doi(segments: list[str], item: dict[str, Any]) -> bool:
    """The DOI itself, case-blind; the trailing period of the print is no part of it."""
    got = str(item.get("DOI", "")).casefold()
    for segment in segments:
        found = re.search(r"10\.\d{4,9}/\S+", segment)
        if found and got and found.group(0).rstrip(".,;]>").casefold() == got.rstrip(".,;]>"):
            return True
    return False


def same_url(segments: list[str], item: dict[str, Any]) -> bool:
    """The address, white space (of wrapped lines) and "URL:" / "<" ">" dropped."""

    def norm(value: object) -> str:
        text = re.sub(r"\s+", "", str(value))
        text = re.sub(r"^(?:url:|<)+", "", text, flags=re.IGNORECASE)
        return text.rstrip(".,;>").rstrip("/")

    got = item.get("URL")
    return bool(got) and any(norm(s) == norm(got) for s in segments)


def same_isbn(segments: list[str], item: dict[str, Any]) -> bool:
    """The digits (and X) of the ISBN."""

    def norm(value: object) -> str:
        return re.sub(r"[^0-9X]", "", str(value).upper().replace("ISBN", ""))

    got = item.get("ISBN")
    return bool(got) and any(norm(s) == norm(got) for s in segments)


COMPARE: dict[str, Callable[[list[str], dict[str, Any]], bool | None]] = {
    "author": lambda s, item: same_names(s, item.get("author")),
    "editor": lambda s, item: same_names(s, item.get("editor")),
    "translator": lambda s, item: same_names(s, item.get("translator")),
    "title": same_title,
    "container-title": same_container,
    "date": same_year,
    "volume": same_volume,
    "pages": same_pages,
    "publisher": same_text("publisher"),
    "location": same_place,
    "edition": same_edition,
    "genre": same_genre,
    "doi": same_doi,
    "url": same_url,
    "isbn": same_isbn,
    "medium": same_text("medium", fold=True),
    "collection-title": same_text("collection-title", prefix=r"^\s*(?:of|ser\.)\s+"),
}
#: The CSL keys each label's comparison reads (shown with a wrong field).
READS = {
    "date": ("issued",),
    "volume": ("volume", "issue", "number-of-volumes"),
    "pages": ("page", "number-of-pages"),
    "location": ("publisher-place", "event-place"),
    "container-title": ("container-title", "custom"),
    "title": ("title", "custom"),
    "genre": ("genre", "number"),
}


# --------------------------------------------------------------------------- the run


@dataclass(frozen=True)
class Reference:
    """One sequence: its text and its segments by label (journal folded into container-title)."""

    index: int
    text: str
    segments: dict[str, list[str]]


def load(path: Path, limit: int | None) -> tuple[list[Reference], Counter[str]]:
    """The references, and the count of references with each ignored label."""
    references, ignored = [], Counter[str]()
    for index, sequence in enumerate(ET.parse(path).getroot().iter("sequence")):
        if limit is not None and index >= limit:
            break
        segments: dict[str, list[str]] = {}
        for segment in sequence:
            label = "container-title" if segment.tag == "journal" else segment.tag
            if label in COMPARE:
                segments.setdefault(label, []).append(segment.text or "")
        ignored.update({segment.tag for segment in sequence if segment.tag not in FIELDS})
        references.append(Reference(index, anystyle_text(sequence), segments))
    return references, ignored


@dataclass
class Tally:
    """Fields scored and right per label, references fully right, and the wrong fields."""

    scored: Counter[str] = field(default_factory=Counter)
    right: Counter[str] = field(default_factory=Counter)
    whole: int = 0
    wrong: list[dict[str, Any]] = field(default_factory=list)


def score(references: list[Reference], items: list[dict[str, Any]]) -> Tally:
    """Each labelled segment of each reference against its parse."""
    tally = Tally()
    for reference, item in zip(references, items, strict=True):
        all_right = True
        for label, segments in reference.segments.items():
            verdict = COMPARE[label](segments, item)
            if verdict is None:
                continue
            tally.scored[label] += 1
            tally.right[label] += verdict
            if not verdict:
                all_right = False
                got = {key: item.get(key) for key in READS.get(label, (label if label != "doi" else "DOI",))}
                if label in ("author", "editor", "translator"):
                    got = {label: item.get(label)}
                if "custom" in got:
                    custom = got.pop("custom") or {}
                    got |= {k: v for k, v in custom.items() if k.startswith("translated-")}
                tally.wrong.append({"index": reference.index, "label": label, "want": segments, "got": got})
        tally.whole += all_right
    return tally


def _percent(part: int, whole: int) -> str:
    return f"{part / whole:.1%}" if whole else "–"


def table(tallies: dict[str, Tally], total: int) -> str:
    """Per label: fields scored and accuracy in each column; then all fields and whole references."""
    names = list(tallies)
    lines = [
        "| label | CSL field | scored | " + " | ".join(names) + " |",
        "| --- | --- | ---: | " + " | ".join("---:" for _ in names) + " |",
    ]
    first = tallies[names[0]]
    for label in sorted(first.scored, key=lambda k: -first.scored[k]):
        counts = " | ".join(
            f"{tallies[n].right[label]} ({_percent(tallies[n].right[label], first.scored[label])})" for n in names
        )
        lines.append(f"| {label} | {FIELDS[label]} | {first.scored[label]} | {counts} |")
    scored = sum(first.scored.values())
    fields = " | ".join(
        f"{sum(tallies[n].right.values())} ({_percent(sum(tallies[n].right.values()), scored)})" for n in names
    )
    lines.append(f"| **all fields** | | {scored} | {fields} |")
    whole = " | ".join(f"{tallies[n].whole} ({_percent(tallies[n].whole, total)})" for n in names)
    lines.append(f"| **references fully right** | | {total} | {whole} |")
    return "\n".join(lines)


def show_wrong(tally: Tally, references: list[Reference]) -> None:
    """A few wrong fields of each label: the text, the segment(s) and what the parse gave."""
    shown: Counter[str] = Counter()
    for wrong in tally.wrong:
        label = wrong["label"]
        if shown[label] >= _SHOWN:
            continue
        shown[label] += 1
        text = references[wrong["index"]].text
        print(f"- [{wrong['index']}] {label}: want {json.dumps(wrong['want'], ensure_ascii=False)[:150]}")
        print(f"    got {json.dumps(wrong['got'], ensure_ascii=False)[:200]}")
        print(f"    text: {text[:160]}")


def main(argv: Iterable[str] | None = None) -> int:
    """Print the table."""
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--core", type=Path, default=CORE)
    options.add_argument("--no-list", action="store_true", help="only parse each reference alone")
    options.add_argument("--limit", type=int, help="the first N references only")
    options.add_argument("--json", type=Path, help="write the wrong fields of each column here")
    options.add_argument("--verbose", action="store_true", help="show examples of wrong fields")
    arguments = options.parse_args(None if argv is None else list(argv))
    if not arguments.core.exists():
        print(f"skipped: {arguments.core} is missing (the shared folder)")
        return 0
    references, ignored = load(arguments.core, arguments.limit)
    columns = {"alone": [to_csl_json(parse_reference(r.text)) for r in references]}
    if not arguments.no_list:
        columns["one list"] = [to_csl_json(ref) for ref in parse_list([r.text for r in references]).references]
    tallies = {name: score(references, items) for name, items in columns.items()}
    print(f"{len(references)} references of {arguments.core.name}; not scored (no CSL counterpart), "
          f"references with the label: {dict(sorted(ignored.items()))}\n")  # fmt: skip
    print(table(tallies, len(references)))
    if arguments.verbose:
        for name, tally in tallies.items():
            print(f"\nwrong fields, {name}:")
            show_wrong(tally, references)
    if arguments.json:
        payload = {name: tally.wrong for name, tally in tallies.items()}
        arguments.json.write_text(json.dumps(payload, ensure_ascii=False, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
