"""Lists in the styles of the rest of the world, read back: eleven blind rounds of references written
by someone who never saw the parser, with their CSL-JSON fields (``tests/fixtures/styles``, copies of
``benchmarks/annotated/styles_round*.jsonl``; ``docs/labeller.md`` has the measurements).

Each style's references are read as one list (the pipeline routes such a list to the trained
labeller) and scored with the gold's comparisons. The floors sit a few points under what was
measured, so that a regression fails and noise does not."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

import pytest

from translit_refs import parse_list, to_csl_json

from conftest import FIXTURES
from gold import checks

ROUNDS = tuple(f"styles_round{number}" for number in range(1, 12))
#: Share of gold fields right per round, read as lists: measured 88.2 %, 87.5 % and 83.3 % (round 3
#: unseen while the labeller's reading was improved); round 4 85.4 % when first read, 88.2 % after the
#: fixes of its failures' classes; round 5, never looked at entry by entry, 88.5 % before them and
#: 88.7 % after; round 6 (with DSTU 8302 and Chicago notes-bibliography) 81.9 % when first read; round 7
#: (never looked at entry by entry) 79.3 %; round 8 (with the American Mathematical Society's style, a Chicago
#: bibliography in Library of Congress romanisation and a law journal's English references) 85.5 % when first
#: read, 89.1 % after the fixes of its classes; round 9 (mathematics, Chicago in Library of Congress romanisation,
#: a law journal, GOST in Cyrillic, DIN and others) 88.0 % when first read, near the end of its session; round 10
#: (DIN, the American Mathematical Society, a law journal, Chicago, MLA, Harvard, DSTU and others) 87.0 % when first
#: read by the code of its session's start, 87.4 % by the session's first changes, 91.0 % after its classes; round 11
#: (Turabian, APA, Harvard, MLA, IEEE, Vancouver, AMS, ACS, GOST, DSTU, transliterated GOST, Springer) 90.6 % when
#: first read, by the code of round 10's fixes.
FLOORS = {
    "styles_round1": 0.85,
    "styles_round2": 0.84,
    "styles_round3": 0.80,
    "styles_round4": 0.85,
    "styles_round5": 0.85,
    "styles_round6": 0.79,
    "styles_round7": 0.76,
    "styles_round8": 0.85,
    "styles_round9": 0.84,
    "styles_round10": 0.86,
    "styles_round11": 0.88,
}


def _round(name: str) -> dict[str, list[dict[str, Any]]]:
    by_style: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for line in (FIXTURES / "styles" / f"{name}.jsonl").read_text("utf-8").splitlines():
        row = json.loads(line)
        by_style[row["style"]].append(row)
    return by_style


def _fields_right(rows: list[dict[str, Any]], labeller: bool = True) -> tuple[int, int]:
    read = parse_list([row["text"] for row in rows], labeller=labeller).references
    results = [checks(row, to_csl_json(reference)) for row, reference in zip(rows, read, strict=True)]
    return sum(ok for result in results for _, ok in result), sum(len(result) for result in results)


@pytest.mark.parametrize("name", ROUNDS)
def test_each_styles_list_is_read_above_its_floor(name: str) -> None:
    right = total = 0
    for rows in _round(name).values():
        style_right, style_total = _fields_right(rows)
        right, total = right + style_right, total + style_total
    assert right / total >= FLOORS[name]


#: Styles of the blind rounds that are the families the rules were taught (GOST 7.0.5 and Ukraine's DSTU 8302),
#: or whose lists cite transliterated Russian and Ukrainian works (round 8's mathematics, Chicago in Library of
#: Congress romanisation, a law journal's English references): their lists are the rules' to read.
RULES_STYLES = frozenset({"gost", "gost-ru", "gost-translit", "dstu", "ams", "chicago-lc", "law-en", "law-journal"})


@pytest.mark.parametrize("name", ROUNDS)
def test_the_labeller_reads_other_styles_no_worse_than_the_rules(name: str) -> None:
    rows = [row for style, rows in _round(name).items() if style not in RULES_STYLES for row in rows]
    routed, _ = _fields_right(rows)
    rules, _ = _fields_right(rows, labeller=False)
    assert routed >= rules


def test_the_labeller_reads_other_styles_better_than_the_rules() -> None:
    """Over the rounds, routing other styles' lists to the labeller adds fields: measured 13.6 to 20.3 points in
    rounds 1-5, 9.1 in round 6 when the labeller came; as the rules learnt these styles' shapes, 4.5 to 11.6
    points per round in rounds 1-9, none in rounds 10 and 11 (their classes fixed in the rules), 2026-12-07."""
    gained = total = 0
    for name in ROUNDS:
        rows = [row for style, rows in _round(name).items() if style not in RULES_STYLES for row in rows]
        routed, fields = _fields_right(rows)
        rules, _ = _fields_right(rows, labeller=False)
        gained, total = gained + routed - rules, total + fields
    assert gained >= 0.04 * total


#: Lists of the rules' styles the router hands to the labeller: round 11's American Mathematical Society list (its
#: chapters in proceedings with series and editors in parentheses leave sentences unplaced; 79.0 % of its fields
#: either way).
ROUTED_THOUGH_THE_RULES = frozenset({("styles_round11", "ams")})
#: Lists of other styles the rules keep: round 7's Springer list ("Family AB (2010)", Vancouver's initials in most
#: entries), the Vancouver, APA and Turabian lists of transliterated Russian works of rounds 10 and 11 (the rules'
#: families: 73 of 74 and 73 of 73 fields right in round 10; 75 of 77, 68 of 70 and 62 of 67 in round 11).
KEPT_BY_THE_RULES = frozenset(
    {
        ("styles_round7", "springer-brackets"),
        ("styles_round10", "vancouver"),
        ("styles_round10", "apa"),
        ("styles_round11", "vancouver"),
        ("styles_round11", "apa"),
        ("styles_round11", "turabian"),
    }
)


def test_the_style_lists_of_the_blind_rounds_go_to_the_reader_of_their_family() -> None:
    """GOST and DSTU lists stay the rules'; of the other styles' lists, all but a few go to the labeller
    (``KEPT_BY_THE_RULES``)."""
    kept = set()
    for name in ROUNDS:
        for style, rows in _round(name).items():
            read = parse_list([row["text"] for row in rows]).references
            labelled = any(origin.rule == "labeller" for r in read for origin in r.provenance)
            if style in RULES_STYLES and (name, style) not in ROUTED_THOUGH_THE_RULES:
                assert not labelled, (name, style)
            elif not labelled:
                kept.add((name, style))
    assert kept <= KEPT_BY_THE_RULES
