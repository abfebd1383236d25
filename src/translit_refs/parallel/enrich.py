"""A transliterated list read with its Cyrillic partner: the originals taken, not guessed.

Each Latin entry gets from its partner the Cyrillic title (confidence 1.0: it is printed, not
reverse-transliterated), the Cyrillic names of its persons and of its container; the two lists'
scheme is the one that writes the most partner titles' words as the Latin list prints them. Where
the partners disagree on a year, a volume, an issue or pages, a warning says so: a typo in one of
the two lists (or a translated journal's own volume and pages).
"""

from __future__ import annotations

import importlib
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from ..lexicon.words import CYRILLIC_LETTER
from ..models import CyrillicText, Diagnostic, Reference, ReferenceList, Severity, StyleFamily
from ..parsing.parser import parse_list
from .align import Pair, align

#: Fields compared between partners.
_COMPARED = ("year", "volume", "issue", "pages")
_DASHES = re.compile(r"\s*[-‐‑‒–—−]\s*")


def parse_parallel(
    cyrillic: Sequence[str | Reference], latin: Sequence[str | Reference], as_list: bool = True
) -> ReferenceList:
    """One Reference per Latin entry, in order, enriched from its Cyrillic partner (``align``); an
    entry without a partner keeps its own reading and an info diagnostic says so. Entries given as
    References are used as they are; strings are parsed, as one list unless ``as_list`` is false."""
    cyrillic_refs, _ = _parsed(cyrillic, as_list)
    latin_refs, family = _parsed(latin, as_list)
    pairs = align(cyrillic_refs, latin_refs)
    partner_of = {j: i for i, j in pairs if j is not None}
    scheme = detect_pair_scheme([(cyrillic_refs[i], latin_refs[j]) for j, i in partner_of.items() if i is not None])
    for j, i in partner_of.items():
        if i is not None:
            latin_refs[j] = enriched(latin_refs[j], cyrillic_refs[i], scheme)
        else:
            latin_refs[j] = latin_refs[j].model_copy(update={"diagnostics": (*latin_refs[j].diagnostics, _NO_PARTNER)})
    return ReferenceList(references=tuple(latin_refs), family=family)


_NO_PARTNER = Diagnostic(code="no-partner", message="no partner in the Cyrillic list", severity=Severity.INFO)


def paired_count(references: Iterable[Reference]) -> int:
    """How many of ``parse_parallel``'s references found a partner in the Cyrillic list."""
    return sum(not any(d.code == _NO_PARTNER.code for d in r.diagnostics) for r in references)


def _parsed(entries: Sequence[str | Reference], as_list: bool) -> tuple[list[Reference], StyleFamily | None]:
    """The entries as References (strings parsed together), and the family their strings show."""
    texts = [entry for entry in entries if not isinstance(entry, Reference)]
    parsed = parse_list(texts, as_list=as_list) if texts else ReferenceList()
    read = iter(parsed.references)
    return [entry if isinstance(entry, Reference) else next(read) for entry in entries], parsed.family


def enriched(reference: Reference, partner: Reference, scheme: str | None = None) -> Reference:
    """``reference`` with the Cyrillic forms its partner prints, and a warning per disagreement."""
    update: dict[str, Any] = {}
    if partner.title and CYRILLIC_LETTER.search(partner.title):
        update["title_cyrillic"] = CyrillicText(text=partner.title, confidence=1.0, scheme=scheme)
    if partner.container_title and CYRILLIC_LETTER.search(partner.container_title):
        update["container_title_cyrillic"] = partner.container_title
    if any(CYRILLIC_LETTER.search(person.family) for person in partner.persons):
        update["persons_cyrillic"] = partner.persons
    if scheme is not None and "title_cyrillic" in update:
        update["transliteration_scheme"] = scheme
    disagreements = tuple(_disagreements(reference, partner))
    if disagreements:
        update["diagnostics"] = (*reference.diagnostics, *disagreements)
    return reference.model_copy(update=update) if update else reference


def _value(reference: Reference, field: str) -> str | None:
    if field == "year":
        return str(reference.issued.year) if reference.issued and reference.issued.year else None
    value = getattr(reference, field)
    return _DASHES.sub("-", value).strip() if isinstance(value, str) else None


def _disagreements(reference: Reference, partner: Reference) -> list[Diagnostic]:
    found = []
    for field in _COMPARED:
        own, theirs = _value(reference, field), _value(partner, field)
        if own and theirs and _contradict(own, theirs):
            found.append(
                Diagnostic(
                    code="parallel-disagrees",
                    message=f"the Cyrillic list gives {field} {theirs!r}, this one {own!r}",
                    severity=Severity.WARNING,
                )
            )
    return found


def _contradict(own: str, theirs: str) -> bool:
    """Two values contradict when neither's numbers are among the other's: "3 (34)" (issue 3, running
    number 34) and "34" agree, as do "15-95" and "15-95, 238-260"; "2014" and "2015" do not."""
    mine, others = set(_NUMBER.findall(own)), set(_NUMBER.findall(theirs))
    if not mine or not others:
        return own != theirs
    return not (mine <= others or others <= mine)


_NUMBER = re.compile(r"\d+")


def detect_pair_scheme(pairs: Sequence[tuple[Reference, Reference]]) -> str | None:
    """The transliteration scheme that writes the most words of the partners' Cyrillic titles as the
    Latin titles print them (None without the ``translit`` extra, or without Cyrillic titles)."""
    try:
        schemes = importlib.import_module("translit_refs.transliteration.cyrillic")
    except ImportError:
        return None
    votes: Counter[str] = Counter()
    for cyrillic, latin in pairs:
        if not cyrillic.title or not latin.title or not CYRILLIC_LETTER.search(cyrillic.title):
            continue
        printed = set(_words(latin.title))
        for name in schemes.SCHEMES:
            votes[name] += sum(word in printed for word in _words(schemes.forward(cyrillic.title, name)))
    if not votes or votes.most_common(1)[0][1] == 0:
        return None
    return votes.most_common(1)[0][0]


def _words(text: str) -> list[str]:
    return [word.lower().replace("'", "’") for word in re.findall(r"[A-Za-z’']{3,}", text)]


__all__ = ["Pair", "detect_pair_scheme", "enriched", "parse_parallel"]
