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


# --- Lists of one entry per line, and no entry merged into its neighbour without a word (issue 26) ---

CYRILLIC = [
    json.loads(line)["cyrillic_parallel"]
    for line in (FIXTURES / "dev_npe.jsonl").read_text("utf-8").splitlines()
    if json.loads(line).get("cyrillic_parallel")
]
CORPUS = SEED[:43] + DEV + CYRILLIC


def test_thirty_cyrillic_gost_lines_give_thirty_entries() -> None:
    """The issue's case: the first 30 Cyrillic GOST lines of the dev corpus were 29 entries (line 15,
    "Поплавский В.М., …", was glued to the longest line before it)."""
    lines = CYRILLIC[:30]
    found = split_references("\n".join(lines))
    assert [e.text for e in found] == lines
    assert [(e.first_line, e.last_line) for e in found] == [(n, n) for n in range(1, 31)]
    assert all(not e.doubtful_joins and not e.diagnostics for e in found)


def test_a_line_that_starts_with_the_lists_name_shape_starts_an_entry() -> None:
    """Wrapped at 60 columns, an entry's last line fills the width; the next line's "Petrov P.P." is
    shaped as the list's entries begin, so it starts one."""
    text = (
        "Ivanov I.I. Teplovoi rezhim reaktora. Atomnaya energiya, 2015,\n"
        "vol. 118, no. 3, pp. 140-146. Moscow, Nauka Publ., 2001. 200 p.\n"
        "Petrov P.P. Dinamika yadernyh reaktorov. Moscow,\n"
        "Energoatomizdat Publ., 1991. 212 p.\n"
        "Sidorov S.S. Fast Reactor Fuel Cycles. Atomnaya Energiya, 2009.\n"
    )
    found = split_references("References\n" + text)
    assert [e.text[:11] for e in found] == ["Ivanov I.I.", "Petrov P.P.", "Sidorov S.S"]
    assert all(not e.doubtful_joins for e in found)


def test_a_doubtful_join_is_reported() -> None:
    """A full line that ends as an entry ends, then a line that begins as one (but not with a name):
    read as one entry, and the join is said, with the line, in a warning."""
    text = (
        "Ivanov I.I. Teplovoi rezhim reaktora. Atomnaya energiya, 2015,\n"
        "vol. 118, no. 3, pp. 140-146. Moscow, Nauka Publ., 2001. 200 p.\n"
        "Knowledge Management for Nuclear Research. IAEA-TECDOC-1675.\n"
        "Petrov P.P. Dinamika yadernyh reaktorov. Moscow,\n"
        "Energoatomizdat Publ., 1991. 212 p. Sidorov S.S., Ivanov I.I.\n"
    )
    found = split_references("References\n" + text)
    assert [e.text[:11] for e in found] == ["Ivanov I.I.", "Petrov P.P."]
    assert found[0].doubtful_joins == (4,)
    (warning,) = found[0].diagnostics
    assert warning.code == "joined-lines"
    assert warning.severity.value == "warning"
    assert "line 4" in warning.message
    assert "line 2" in warning.message
    assert found[1].doubtful_joins == ()  # "Sidorov S.S., Ivanov I.I." follows a comma: no entry ends there


def test_wrapped_lines_that_look_like_headings_stay_in_their_entry() -> None:
    """A wrapped "Russian)" after "(in", and "Available at: http:/" before the rest of its URL, are no headings."""
    text = (
        "References\n"
        "Kascheev M.V. Pyat’ testovyh zadach. [Five test problems.] Preprint no. 3150. Obninsk: SSC\n"
        "RF-IPPE, 2009. 25 p. (in\n"
        "Russian)\n"
        "Kessler G. Proliferation-Proof Uranium/Plutonium Fuel Cycles. KIT Scientific Publishing, 2011.\n"
        "Lebedev A.E. Doklad na Mezhdunarodnom forume ATOMEKSPO 2011. 6–8 iyunya 2011 g. Report 2011.\n"
        "Available at: http:/\n"
        "/2011.atomehpo.ru/mediafiles/u/files/Present2011/Lebedev_A.E._rus.pdf\n"
        "Khlopkov A. Angarskij proekt. Indeks bezopasnosti, 2008, no. 2 (85).\n"
    )
    found = split_references(text)
    assert [e.text[:9] for e in found] == ["Kascheev ", "Kessler G", "Lebedev A", "Khlopkov "]
    assert found[0].text.endswith("(in Russian)")


def test_lines_are_the_text_lines_of_the_command_line() -> None:
    """A group separator (U+001D, seen in the dev corpus for a hyphen) stays inside its line, as in
    ``text_lines``: it does not split an entry, nor shift the line numbers."""
    lines = [CYRILLIC[0], "Lee K.\x1dH., Kim M.\x1dG. Recent advances. Energies, 2015, vol. 8, pp. 1-2.", CYRILLIC[1]]
    found = split_references("\n".join(lines))
    assert [e.text for e in found] == lines
    assert [e.first_line for e in found] == [1, 2, 3]


@given(st.lists(st.sampled_from(CORPUS), min_size=3, max_size=30))
def test_entries_one_per_line_split_back(entries: list[str]) -> None:
    """Joining N entries with line breaks and splitting them gives the N entries back."""
    found = split_references("References\n" + "\n".join(entries))
    assert [e.text for e in found] == entries
    assert all(not e.doubtful_joins for e in found)


@given(st.lists(st.sampled_from(CORPUS), min_size=2, max_size=2))
def test_two_entries_one_per_line_are_two_or_a_reported_join(entries: list[str]) -> None:
    """Two lines alone give no width to read: the longer one may be a wrapped line. They come back as
    two entries, or as one whose join is reported."""
    found = split_references("References\n" + "\n".join(entries))
    if len(found) == 1:
        assert found[0].doubtful_joins == (3,)
    else:
        assert [e.text for e in found] == entries


@st.composite
def unnumbered_reflows(draw: st.DrawFn) -> tuple[list[str], str]:
    entries = draw(st.lists(st.sampled_from(CORPUS), min_size=2, max_size=20))
    hyphenate = draw(st.booleans())
    text = reflow(
        entries, draw(st.integers(60, 90)), "", hyphenate, frozenset(), random.Random(draw(st.integers(0, 2**32)))
    )
    return entries, text


def _entry_starts(entries: list[str], text: str, offset: int) -> list[int]:
    """The (1-based) line where each entry of a reflow starts, ``offset`` lines before the text."""
    lines = text.split("\n")
    starts, index = [], 0
    for entry in entries:
        starts.append(index + 1 + offset)
        needed, seen = len(_letters(entry)), 0
        while seen < needed:
            seen += len(_letters(lines[index]))
            index += 1
    return starts


@given(unnumbered_reflows())
def test_wrapped_unnumbered_lists_never_merge_entries_silently(case: tuple[list[str], str]) -> None:
    """Wrapped at 60–90 columns without numbers or blank lines: every entry starts an entry, or the
    line it starts on is reported as a doubtful join of the entry before it."""
    entries, text = case
    found = split_references("References\n" + text)
    starts = {e.first_line for e in found}
    reported = {line for e in found for line in e.doubtful_joins}
    assert [line for line in _entry_starts(entries, text, 1) if line not in starts | reported] == []


#: Measured on the 1,000 seeded reflows below: 992 split exactly or merge only with a report; 4 lists
#: split an entry ("Rotor.↵Vestnik N.E. Bauman MGTU": a journal's name shaped as a name, "Travleev
#: A.A..↵Uvarov A.A.": a source's missing comma). Doubtful joins reported: about 7 per 100 entries,
#: half of them real entry starts.
ALLOWED_FALSE_SPLIT_RATE = 0.01


def test_wrapped_unnumbered_reflows_rarely_split_an_entry() -> None:
    rng = random.Random(11)
    cases, false_splits, reported, true_reports, total = 1000, 0, 0, 0, 0
    for _ in range(cases):
        entries = rng.sample(CORPUS, rng.randint(2, 30))
        text = reflow(entries, rng.randint(60, 90), "", rng.random() < 0.5, frozenset(), rng)
        found = split_references("References\n" + text)
        starts = set(_entry_starts(entries, text, 1))
        false_splits += bool({e.first_line for e in found} - starts)
        doubtful = {line for e in found for line in e.doubtful_joins}
        reported += len(doubtful)
        true_reports += len(doubtful & starts)
        total += len(entries)
    print(f"{false_splits} of {cases} lists split an entry; {reported} doubtful joins in {total} entries, "
          f"{true_reports} of them entry starts")  # fmt: skip
    assert false_splits <= cases * ALLOWED_FALSE_SPLIT_RATE
    assert reported <= total * 0.1
