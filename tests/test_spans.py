"""Field spans (``translit_refs.spans``): located in ``raw``, never overlapping, never raising."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st
from test_robustness_properties import near_miss

from translit_refs import PartialDate, Person, Reference, parse_list, parse_reference
from translit_refs.spans import FieldSpan, _folded_value, _searchable, field_spans, spans_by_field

from conftest import FIXTURES

SEED = FIXTURES.joinpath("seed_references.txt").read_text("utf-8").splitlines()


def _check(reference: Reference) -> tuple[FieldSpan, ...]:
    spans = field_spans(reference)
    shown = _searchable(reference.raw) if reference.raw else ""
    for span in spans:
        assert 0 <= span.start < span.end <= len(reference.raw)
        if span.verbatim and span.index is None and span.field != "note":
            value = getattr(reference, span.field)
            assert _folded_value(shown[span.start : span.end]) == _folded_value(value)
    ordered = sorted((s.start, s.end) for s in spans)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(ordered)), "spans overlap"
    return spans


def test_seed_fields_are_located_on_their_words() -> None:
    references = parse_list(SEED).references
    dundukov = spans_by_field(references[7])
    raw = references[7].raw
    assert [raw[s:e] for s, e in dundukov["persons"]] == ["Dundukov, M. Yu."]
    assert [raw[s:e] for s, e in dundukov["title"]] == ["Razvedka v gosudarstvennom mekhanizme SShA"]
    assert [raw[s:e] for s, e in dundukov["title_translation"]] == ["Intelligence in the USA State Mechanism"]
    assert [raw[s:e] for s, e in dundukov["issued"]] == ["2008"]
    assert [raw[s:e] for s, e in dundukov["page_count"]] == ["448"]
    for reference in references:
        spans = _check(reference)
        names = {s.field for s in spans}
        assert reference.title is None or "title" in names
        assert len([s for s in spans if s.field == "persons"]) == len(reference.persons)


def test_a_volume_is_not_found_inside_the_year() -> None:
    reference = parse_reference("Condit, D. M. (2018). History. Middletown, GPO. Vol. 2. Pentagon. 537 p.")
    spans = spans_by_field(reference)
    assert reference.raw[slice(*spans["volume"][0])] == "2"
    assert reference.raw[spans["volume"][0][0] - 5 : spans["volume"][0][0]] == "Vol. "


def test_homoglyphs_and_access_dates() -> None:
    reference = parse_reference("Weathersby, К. (1995). Korea. In Bull. URL: (mode of access: 17.08. 2019).")
    spans = spans_by_field(reference)
    assert reference.raw[slice(*spans["persons"][0])] == "Weathersby, К."
    assert reference.raw[slice(*spans["accessed"][0])] == "17.08. 2019"


@given(near_miss)
def test_spans_of_any_parse_lie_in_raw(text: str) -> None:
    _check(parse_reference(text))


_values = st.one_of(st.none(), st.text(max_size=12))


_references = st.builds(
    Reference,
    raw=st.text(max_size=60),
    title=_values,
    publisher=_values,
    volume=_values,
    pages=_values,
    note=_values,
    persons=st.lists(st.builds(Person, family=st.text(max_size=8), given=st.text(max_size=4)), max_size=3).map(tuple),
    places=st.lists(st.text(max_size=6), max_size=2).map(tuple),
    issued=st.one_of(st.none(), st.builds(PartialDate, year=st.one_of(st.none(), st.integers(-5, 3000)))),
    accessed=st.one_of(st.none(), st.builds(PartialDate, undated=st.booleans())),
    et_al=st.booleans(),
)


@given(_references)
def test_spans_never_raise_on_any_reference(reference: Reference) -> None:
    _check(reference)


@given(st.data())
def test_spans_of_values_taken_from_raw(data: st.DataObject) -> None:
    raw = data.draw(st.text(min_size=1, max_size=40))
    cut = sorted(data.draw(st.lists(st.integers(0, len(raw)), min_size=2, max_size=2)))
    reference = Reference(raw=raw, title=raw[cut[0] : cut[1]] or None, volume=raw[: cut[0]] or None)
    _check(reference)
