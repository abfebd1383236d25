"""Finding and splitting reference lists in pages and PDF extractions."""

from __future__ import annotations

import itertools
import json
import random

from hypothesis import given
from hypothesis import strategies as st
from reflow import reflow

from translit_refs.documents.listsplit import find_reference_section, find_reference_sections, split_references

from conftest import FIXTURES

SEED = [line for line in (FIXTURES / "seed_references.txt").read_text("utf-8").splitlines() if line.strip()]
DEV = [json.loads(line)["text"] for line in (FIXTURES / "dev_npe.jsonl").read_text("utf-8").splitlines()]
PAGE = (FIXTURES / "seed_article_page.txt").read_text("utf-8")
NUMBERINGS = ["{n}.", "[{n}]", "{n})"]


def test_seed_page_gives_exactly_the_43_references() -> None:
    assert [e.text for e in split_references(PAGE)] == SEED[:43]


def test_seed_page_how_to_cite_is_reported_separately() -> None:
    sections = find_reference_sections(PAGE)
    assert [s.kind for s in sections] == ["references", "how-to-cite"]
    assert sections[1].heading == "How to Cite"
    assert [e.text for e in sections[1].entries] == SEED[43:]


def test_entries_keep_their_source_lines() -> None:
    entries = split_references(PAGE)
    assert (entries[0].first_line, entries[0].last_line) == (30, 30)
    assert PAGE.splitlines()[entries[-1].first_line - 1] == SEED[42]


def test_headed_numbered_list_with_wrapped_lines() -> None:
    text = (
        "Introduction text without references.\n\nСписок литературы\n"
        "1. Dundukov, M. Yu. (2008). Razvedka v gosudarstvennom mekha-\nnizme SShA. Moscow, Kuchkovo pole. 448 p.\n"
        "2. Yungblud, V. (2018). Title. In Vestnik MGIMO-\nUniversiteta. No. 4 (61), pp. 241–261. DOI 10.24833/2071-\n"
        "8160-2018-4-61-241-261.\n"
    )
    section = find_reference_section(text)
    assert section is not None
    assert section.heading == "Список литературы"
    assert [(e.label, e.text) for e in section.entries] == [
        ("1", "Dundukov, M. Yu. (2008). Razvedka v gosudarstvennom mekhanizme SShA. Moscow, Kuchkovo pole. 448 p."),
        ("2", "Yungblud, V. (2018). Title. In Vestnik MGIMO-Universiteta. No. 4 (61), pp. 241–261. "
         "DOI 10.24833/2071-8160-2018-4-61-241-261."),
    ]  # fmt: skip


def test_glued_entries_are_split_at_the_next_number() -> None:
    text = (
        "14. Yungblud V., Sadakov D. Title. Vestnik. 2018, no. 4, pp. 241–261. 15. Nekrasov A.B. Other title. "
        "Moscow, Nauka Publ., 2001. 200 p.\n16. Ivanov I.I. Third. Moscow, 2002. 10 p.\n"
    )
    assert [(e.label, e.text[:12]) for e in split_references(text)] == [
        ("14", "Yungblud V.,"),
        ("15", "Nekrasov A.B"),
        ("16", "Ivanov I.I. "),
    ]


def test_transliterated_compound_keeps_its_hyphen() -> None:
    text = "1. K zaversheniyu voiny (1950). In Istoriko-\ndokumental’nyi departament [website].\n2. B, A. (2001). T.\n"
    assert (
        split_references(text)[0].text
        == "K zaversheniyu voiny (1950). In Istoriko-dokumental’nyi departament [website]."
    )


def test_no_list_gives_no_entries() -> None:
    assert split_references("Just a paragraph of prose.\n\nAnother one, without any year.") == []


@st.composite
def numbered_lists(draw: st.DrawFn, hyphenate: bool = False) -> tuple[list[str], str]:
    entries = draw(st.lists(st.sampled_from(SEED[:43] + DEV), min_size=2, max_size=12))
    # Two entries share a line only after a final period: "… pp. 54–68 2. FBIS." is ambiguous.
    gluable = [i for i in range(1, len(entries)) if entries[i - 1].rstrip().endswith(".")]
    glue = frozenset(draw(st.sets(st.sampled_from(gluable), max_size=2))) if gluable else frozenset()
    width = draw(st.integers(60, 90))
    numbering = draw(st.sampled_from(NUMBERINGS))
    text = reflow(entries, width, numbering, hyphenate, glue, random.Random(draw(st.integers(0, 2**32))))
    return entries, text


@given(numbered_lists())
def test_wrapped_numbered_lists_split_back(case: tuple[list[str], str]) -> None:
    entries, text = case
    found = split_references(text)
    assert [" ".join(e.text.split()) for e in found] == [" ".join(e.split()) for e in entries]
    assert [e.label for e in found] == [str(n) for n in range(1, len(entries) + 1)]


@given(numbered_lists(hyphenate=True))
def test_hyphenated_lists_keep_entries_labels_and_letters(case: tuple[list[str], str]) -> None:
    """With words hyphenated at line ends, every entry and label comes back, and each entry's text
    differs from the source at most by a hyphen where a line broke inside a word."""
    entries, text = case
    found = split_references(text)
    assert [e.label for e in found] == [str(n) for n in range(1, len(entries) + 1)]
    assert [_letters(e.text) for e in found] == [_letters(e) for e in entries]


def _letters(text: str) -> str:
    return "".join(text.split()).replace("-", "")


def _breaks_on_a_source_hyphen(text: str, entries: list[str]) -> bool:
    """True when a line of the reflow ends at a hyphen the source itself prints ("Poly-|phase")."""
    source = " ".join(entries)
    lines = text.splitlines()
    return any(
        line.endswith("-") and following.strip() and line.split()[-1] + following.split()[0] in source
        for line, following in itertools.pairwise(lines)
    )


#: Measured on the 2,000 seeded reflows below: 23 fail (1.2 %); on five other seeds 1.25–1.75 %.
#: Among reflows with no line break on a hyphen the source prints, 4 of 1,498 fail (0.3 %; 0.3–0.6 %
#: on the other seeds). A break on a source hyphen is ambiguous to any reader: "Poly-|phase", "on-|board"
#: and the source's own broken words ("elektroge-neriruyushchikh") read as one word.
ALLOWED_FAILURE_RATE = 0.02
ALLOWED_FAILURE_RATE_WITHOUT_SOURCE_HYPHEN_BREAKS = 0.01


def test_hyphenated_reflows_split_back() -> None:
    rng = random.Random(7)
    failures: list[tuple[list[str], list[str]]] = []
    unambiguous = unambiguous_failures = 0
    cases = 2000
    for _ in range(cases):
        entries = rng.sample(SEED[:43] + DEV, rng.randint(2, 12))
        glue = frozenset(i for i in range(1, len(entries)) if rng.random() < 0.1)
        text = reflow(entries, rng.randint(60, 90), rng.choice(NUMBERINGS), True, glue, rng)
        found = [" ".join(e.text.split()) for e in split_references(text)]
        failed = found != [" ".join(e.split()) for e in entries]
        if failed:
            failures.append((entries, found))
        if not _breaks_on_a_source_hyphen(text, entries):
            unambiguous += 1
            unambiguous_failures += failed
    assert len(failures) <= cases * ALLOWED_FAILURE_RATE, failures[:3]
    assert unambiguous >= cases // 2
    assert unambiguous_failures <= unambiguous * ALLOWED_FAILURE_RATE_WITHOUT_SOURCE_HYPHEN_BREAKS
