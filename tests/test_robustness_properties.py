"""Properties: any text gives a Reference with its raw text and valid CSL; counts are kept."""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from translit_refs import Reference, Severity, format_reference, parse_reference, parse_references, to_csl_json
from translit_refs.export.schema import csl_errors
from translit_refs.models import MAX_DIAGNOSTICS

from family_strategies import family_references

#: Pieces of real references, from every terminal of the grammar, for near-miss inputs.
TOKENS = [
    "Acheson, D.", "Dundukov, M. Yu.", "Corke, S.-J.", "Ivanov I.I.", ", ", " & ", "e. a.", "(Ed.)", "(1969)",
    "(N. d.)", "(2015)", "Present at the Creation", "My Years", "Dwight D. Eisenhower", "FRUS", "1950",
    "1952–1954", "[Intelligence in the USA]", "[website]", "[official website]", "In ", "In", "Vol. 2",
    "No. 4 (61)", "Iss. 6–7", "pp. 54–68", "798 p.", "Part 1", "Book 1", ": in 2 Vols.", "v 2 kn.",
    "Ph D. Diss.", "Working Paper No. 39", "July, 1", "October 1", "Winter", "URL:", "URL:–0161a–8",
    "https://example.org/a b", "(mode of access: 17.08. 2019)", "DOI 10.1163/187656101793645515",
    "(in Russian)", "7(4), 1324–1338", "/ with A. M. Smith & S. L. Rearden", "NY, W. W. Norton",
    "Middletown : US Government", "Moscow", "Cold War Intern. History Project Bull.", ". ", ".", ",", ":",
    " ", "[", "]", "(", ")", "//", "/", "–", "\u2011", "\u00a0", "К.", "Wе", "\x00", "\n",
    # the style families' own pieces: References, GOST (Latin and Cyrillic), Vancouver, names as printed
    "// ", ". – ", " – ", "Т. 78", "№ 4", "Вып. 6", "С. 396–400", "384 с.", "М.: Наука", "[Электронный ресурс]",
    "(дата обращения: 12.05.2019)", "Available at:", "(accessed 12.05.2019)", "(In Russ.)", "vol. 240",
    "no. 3", "pp. 100–110", "Energoatomizdat Publ.", "GOST R 7.0.5-2008", "Patent RF, no. 2246561",
    "Preprint FEI-2264", "IAEA-TECDOC-1656", "Cand. Sci. (Eng.) diss.", "Proc. of ", "V trudakh ", "Ed. by ",
    "pod red. ", "i dr.", "et al.", "CHuprakov D. V.", "KuznetsovaM.E.", "J. Gomez del Campo", "Pigni M; ",
    "2010;240(3):100-10", "ISBN 978-5-02-034455-1", "In 2 volumes.", "Series no. 3", "2nd ed.",
    "Опубл. 17.02.2015", "(Ed. by A. B. Orlov)", "art. 012017", "Izvestiya vuzov. ", "2-7 сентября 2012 г.",
]  # fmt: skip

near_miss = st.lists(st.sampled_from(TOKENS), max_size=25).map("".join)


_CODE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def assert_well_formed_diagnostics(reference: Reference) -> None:
    """What a parse says about itself holds together: each diagnostic has a kebab-case code and a
    message, its span lies inside the text, there are at most ``MAX_DIAGNOSTICS``, and a reference
    with an error needs review."""
    length = len(reference.raw)
    assert len(reference.diagnostics) <= MAX_DIAGNOSTICS
    for diagnostic in reference.diagnostics:
        assert _CODE.fullmatch(diagnostic.code), diagnostic
        assert diagnostic.message.strip(), diagnostic
        if diagnostic.start is not None:
            assert 0 <= diagnostic.start <= length, diagnostic
        if diagnostic.end is not None:
            assert diagnostic.start is not None, diagnostic
            assert diagnostic.start <= diagnostic.end <= length, diagnostic
    if any(d.severity is Severity.ERROR for d in reference.diagnostics):
        assert reference.needs_review


def _check(reference: Reference, text: str) -> None:
    assert reference.raw == text
    assert_well_formed_diagnostics(reference)
    item = to_csl_json(reference)
    assert csl_errors([item]) == []


@given(st.text())
@example("")
@example("Acheson, D. (1969).")
@example("((((((((((")
@example("In In In")
@example("\ufb2c\x1f")  # NFC makes the letter three characters: the diagnostic has no offset in the raw text
def test_any_text_never_raises(text: str) -> None:
    _check(parse_reference(text), text)


@given(near_miss)
@example("In [website]")
@example("Vol. 2 Vol. 2")
@example("FRUS. 1950. (1977). (1977).")
@example("Acheson, D., ")
def test_near_misses_from_grammar_tokens_never_raise(text: str) -> None:
    _check(parse_reference(text), text)


@given(st.lists(near_miss.filter(lambda t: t.strip() != ""), max_size=8))
def test_parse_references_returns_one_result_per_item(items: list[str]) -> None:
    assert len(parse_references(items)) == len(items)


@given(st.lists(near_miss, max_size=8))
def test_parse_references_returns_one_result_per_non_blank_line(items: list[str]) -> None:
    lines = [" ".join(item.split()) for item in items]
    text = "\n".join(lines)
    assert len(parse_references(text)) == sum(1 for line in text.splitlines() if line.strip())


@st.composite
def damaged_family_references(draw: st.DrawFn) -> str:
    """A References or GOST reference with a piece cut out, doubled or replaced by a grammar token."""
    style, reference = draw(family_references)
    text = format_reference(reference, style)
    start = draw(st.integers(0, len(text)))
    stop = draw(st.integers(start, len(text)))
    damage = draw(st.sampled_from(["cut", "double", "replace"]))
    if damage == "cut":
        return text[:start] + text[stop:]
    if damage == "double":
        return text[:stop] + text[start:]
    return text[:start] + draw(st.sampled_from(TOKENS)) + text[stop:]


@given(damaged_family_references())
def test_damaged_family_references_never_raise(text: str) -> None:
    _check(parse_reference(text), text)


@given(st.lists(damaged_family_references(), min_size=1, max_size=12))
def test_a_list_of_damaged_references_keeps_one_result_each(items: list[str]) -> None:
    parsed = parse_references(items)
    assert [r.raw for r in parsed] == items
    assert csl_errors([to_csl_json(r) for r in parsed]) == []
