"""Provenance recorded while parsing (``Reference.provenance``), and the spans read from it."""

from __future__ import annotations

import pickle
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from translit_refs import Person, Reference, parse_list, parse_reference
from translit_refs.models import Origin
from translit_refs.parallel import parse_parallel
from translit_refs.parsing.parser import MAX_LENGTH
from translit_refs.spans import _folded_value, field_spans

from conftest import FIXTURES, load_jsonl

SEED = [line for line in FIXTURES.joinpath("seed_references.txt").read_text("utf-8").splitlines() if line.strip()]
DEV = [entry["text"] for name in ("dev_gold.jsonl", "dev_npe.jsonl") for entry in load_jsonl(name)]
#: Fields a marker fixes by itself ("Vol. 2", "No. 4 (61)", "pp. 5–17", "DOI: …", "URL: …").
MARKED = ("volume", "issue", "pages", "doi", "url")

DUNDUKOV = (
    "Dundukov, M. Yu. (2008). Razvedka v gosudarstvennom mekhanizme SShA "
    "[Intelligence in the USA State Mechanism]. Moscow, Kuchkovo pole. 448 p."
)
ARTICLE = (
    "Ivanov I.I., Petrov P.P. Teplovoi rezhim reaktora [Thermal mode of the reactor]. Atomnaya energiya, "
    "2015, vol. 118, no. 3, pp. 233 – 239. DOI: 10.1134/S0040363617070072"
)


def _marked_fields_hold_their_values(reference: Reference) -> int:
    """Each marker-fixed field's span is recorded, and its slice of ``raw`` is the value (up to
    whitespace, case, dash forms); returns how many were checked."""
    spans = {span.field: span for span in field_spans(reference)}
    recorded = {origin.field: origin for origin in reference.provenance}
    checked = 0
    for name in MARKED:
        value = getattr(reference, name)
        if value is None:
            continue
        span, origin = spans[name], recorded[name]
        assert origin.start <= span.start < span.end <= origin.end, (name, origin, span)
        assert span.verbatim, (name, value, reference.raw)
        assert _folded_value(reference.raw[span.start : span.end]) == _folded_value(value), (name, reference.raw)
        checked += 1
    return checked


def test_marker_fields_of_the_fixtures_are_recorded_on_their_words() -> None:
    checked = sum(_marked_fields_hold_their_values(reference) for reference in parse_list(SEED + DEV).references)
    assert checked >= 900  # (930) the dev corpus is mostly articles: volume, issue and pages each


@given(st.sampled_from(SEED + DEV))
def test_any_fixture_line_read_alone_records_its_marker_fields(line: str) -> None:
    reference = parse_reference(line, labeller=False)
    _marked_fields_hold_their_values(reference)
    for origin in reference.provenance:
        assert 0 <= origin.start < origin.end <= len(reference.raw)
        assert origin.rule.partition(".")[0] in {"markers", "roles", "layout", "draft"}


def test_the_rules_that_set_each_field_are_named() -> None:
    book = parse_reference(DUNDUKOV)
    rules = {(origin.field, origin.index): origin.rule for origin in book.provenance}
    assert rules == {
        ("persons", 0): "layout._read_head",
        ("issued", None): "layout._read_head",
        ("title", None): "roles.split_lead",
        ("title_translation", None): "markers._translation",
        ("places", 0): "roles.known_place_imprint",
        ("publisher", None): "roles.known_place_imprint",
        ("page_count", None): "markers._set('page_count')",
    }
    article = parse_reference(ARTICLE)
    rules = {(origin.field, origin.index): origin.rule for origin in article.provenance}
    assert rules[("container_title", None)] == "roles._container"
    assert rules[("issued", None)] == "roles.take_years"
    assert rules[("volume", None)] == "markers._volume"
    assert rules[("issue", None)] == "markers._issue"
    assert rules[("pages", None)] == "markers._set('pages')"
    assert rules[("doi", None)] == "markers._doi"
    assert rules[("persons", 1)] == "layout._read_head"
    raw = article.raw
    assert [raw[o.start : o.end] for o in article.provenance if o.field == "pages"] == ["pp. 233 – 239"]


def test_derived_fields_have_no_origin_and_reformatted_values_keep_their_text() -> None:
    article = parse_reference(ARTICLE)
    assert {origin.field for origin in article.provenance}.isdisjoint({"type", "language", "title_language"})
    spans = {span.field: span for span in field_spans(article)}
    assert article.pages == "233–239"
    assert article.raw[spans["pages"].start : spans["pages"].end] == "233 – 239"  # a spaced dash, still the value
    counted = parse_reference("Zaitsev P.A. Dinamika [Dynamics]. Moscow, Energoatomizdat Publ., 1991. 288p.")
    span = next(s for s in field_spans(counted) if s.field == "page_count")
    assert counted.page_count == "288"
    assert (counted.raw[span.start : span.end], span.verbatim) == ("288p.", False)  # made from its token


def test_provenance_is_no_part_of_the_value() -> None:
    reference = parse_reference(DUNDUKOV)
    dumped = reference.model_dump()
    assert "provenance" not in dumped
    assert "_provenance" not in reference.model_dump_json()
    rebuilt = Reference.model_validate(dumped)
    assert rebuilt == reference
    assert rebuilt.provenance == ()
    assert field_spans(rebuilt) == field_spans(reference)  # the search finds what the record says here
    copied = pickle.loads(pickle.dumps(reference))  # the CLI's workers send references back pickled
    assert copied.provenance == reference.provenance
    assert reference.model_copy(deep=True).provenance == reference.provenance


def test_a_copy_keeps_the_origins_of_the_fields_it_did_not_replace() -> None:
    reference = parse_reference(DUNDUKOV)
    scored = reference.model_copy(update={"confidence": 0.5})
    assert scored.provenance == reference.provenance
    retitled = reference.model_copy(update={"title": "Kuchkovo pole", "persons": (Person(family="Nobody"),)})
    fields = {origin.field for origin in retitled.provenance}
    assert "title" not in fields
    assert "persons" not in fields
    assert "publisher" in fields
    spans = {(span.field, span.index): span for span in field_spans(retitled)}
    assert ("persons", 0) not in spans  # "Nobody" is printed nowhere
    title = spans[("title", None)]  # searched for: the recorded title would be stale
    assert retitled.raw[title.start : title.end] == "Kuchkovo pole"
    assert ("publisher", None) not in spans  # its words were taken by the (replaced) title


def test_enrichment_from_a_partner_list_keeps_the_origins() -> None:
    cyrillic = "Иванов И.И., Петров П.П. Тепловой режим реактора // Атомная энергия. 2015. Т. 118, № 3. С. 233–239."
    enriched = parse_parallel([cyrillic], [ARTICLE]).references[0]
    assert enriched.title_cyrillic is not None  # a copy with the partner's fields
    alone = parse_reference(ARTICLE)
    assert [(o.field, o.index, o.start, o.end, o.rule) for o in enriched.provenance] == [
        (o.field, o.index, o.start, o.end, o.rule) for o in alone.provenance
    ]
    assert "title_cyrillic" not in {span.field for span in field_spans(enriched)}  # printed nowhere in raw


def test_a_text_too_long_is_recorded_in_the_part_read() -> None:
    text = DUNDUKOV + " " + "x" * MAX_LENGTH
    reference = parse_reference(text)
    assert reference.provenance
    assert all(origin.end <= MAX_LENGTH for origin in reference.provenance)
    assert reference.raw[slice(*_span_of(reference, "persons"))] == "Dundukov, M. Yu."


def test_a_text_whose_normal_form_is_shorter_records_nothing_and_is_searched() -> None:
    text = DUNDUKOV.replace("Razvedka", "Razve\u0301dka")  # an accent that NFC joins to its letter
    assert len(unicodedata.normalize("NFC", text)) < len(text)
    reference = parse_reference(text)
    assert reference.provenance == ()
    assert reference.raw[slice(*_span_of(reference, "persons"))] == "Dundukov, M. Yu."


def test_origins_are_ordered_and_typed() -> None:
    origins = parse_reference(ARTICLE).provenance
    assert all(isinstance(origin, Origin) for origin in origins)
    assert [(o.start, o.end) for o in origins] == sorted((o.start, o.end) for o in origins)


def _span_of(reference: Reference, name: str) -> tuple[int, int]:
    span = next(span for span in field_spans(reference) if span.field == name)
    return span.start, span.end
