"""Which references the trained labeller reads, and what a reference it read looks like."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from translit_refs import parse_list, parse_reference, to_csl_json
from translit_refs.labeller import route
from translit_refs.labeller.fields import Fields, Segment
from translit_refs.labeller.reading import RULE, calibrated, labelled_reference
from translit_refs.models import Reference, StyleFamily
from translit_refs.pipeline import LIBRARY

CHICAGO = 'Aksyonov, Vasily. 1989. "The Title of It." In Big Book, edited by J. Smith, 12–19. New York: Liberty.'
SEED_LIKE = (
    "Avdeev, Yu. A. (2008). Kak izmenilas' vneshnyaya politika [How foreign policy changed]. Moscow, Nauka. 320 p.",
    "Brown, K. (2001). The Cold War Reconsidered. London, Routledge. 298 p.",
    "Ivanov, I. I. (2010). Istoriya diplomatii [A history of diplomacy]. Saint Petersburg, Aleteiya. 512 p.",
)
ENGLISH = (
    CHICAGO,
    "Smith, John, and Mary Jones. 2003. Counting Sheep. Chicago: University of Chicago Press.",
    "[4] A. Kumar and B. Lee, “Fast parsing,” IEEE Trans. Softw. Eng., vol. 12, no. 3, pp. 45–67, 2019.",
)


def _fields(item: dict[str, object], probability: float = 0.99) -> Fields:
    return Fields(dict(item), dict.fromkeys(item, probability), [])


def test_a_list_in_a_style_the_rules_do_not_know_is_read_by_the_labeller() -> None:
    reference = parse_list(list(ENGLISH)).references[0]
    assert {origin.rule for origin in reference.provenance} == {RULE}
    item = to_csl_json(reference)
    assert item["author"] == [{"family": "Aksyonov", "given": "Vasily"}]
    assert item["editor"] == [{"family": "Smith", "given": "J."}]
    assert (item["title"], item["container-title"], item["page"]) == ("The Title of It", "Big Book", "12–19")
    assert (item["publisher"], item["publisher-place"], item["issued"]) == (
        "Liberty",
        "New York",
        {"date-parts": [[1989]]},
    )
    assert item["type"] == "chapter"
    assert set(reference.field_confidence) >= {"persons", "title", "container_title", "pages"}


def test_a_list_the_rules_know_is_read_by_the_rules_alone() -> None:
    texts = [*SEED_LIKE, ENGLISH[1]]
    with_labeller = parse_list(texts)
    without = LIBRARY.disable("label").parse(texts)
    assert with_labeller == without
    assert all(origin.rule != RULE for reference in with_labeller.references for origin in reference.provenance)


def test_in_a_list_of_other_styles_a_transliterated_entry_stays_with_the_rules() -> None:
    listed = parse_list([*ENGLISH * 4, SEED_LIKE[0]]).references  # 1 sign in 13 entries
    assert all(any(o.rule == RULE for o in reference.provenance) for reference in listed[:-1])
    assert all(origin.rule != RULE for origin in listed[-1].provenance)
    assert listed[-1].title_translation == "How foreign policy changed"


UNSURE = (
    "Vander Linden, K.; Cumming, S.; and Martin, J. 1992. Expressing local relations. Computational Linguistics 18(2)."
)


def test_a_reference_read_alone_goes_to_the_labeller_only_when_the_rules_are_unsure() -> None:
    rules = LIBRARY.disable("label").parse([UNSURE, SEED_LIKE[1]]).references
    assert rules[0].confidence is not None
    assert rules[0].confidence < 0.743
    assert rules[1].confidence is not None
    assert rules[1].confidence >= 0.743
    assert {origin.rule for origin in parse_reference(UNSURE).provenance} == {RULE}
    assert parse_reference(SEED_LIKE[1]) == rules[1]
    assert to_csl_json(parse_reference(UNSURE))["author"][2] == {"family": "Martin", "given": "J."}


def test_a_given_family_is_never_handed_to_the_labeller() -> None:
    reference = parse_reference(UNSURE, StyleFamily.AUTHOR_DATE)
    assert all(origin.rule != RULE for origin in reference.provenance)
    assert parse_reference(UNSURE) != reference


@pytest.mark.parametrize(
    ("title", "translation", "sign"),
    [
        ("Sovetskaya vneshnyaya politika", "Soviet foreign policy", True),
        ("The curious case of Benjamin Button", "DVD", False),
        ("Harry Potter and the half-blood prince", "Motion picture", False),
        ("Howards End", "1910", False),
        ("The history", None, False),
    ],
    ids=["translit-title", "medium", "english-title", "year", "no-translation"],
)
def test_a_bracketed_translation_is_a_sign_only_after_a_title_that_is_not_english(
    title: str, translation: str | None, sign: bool
) -> None:
    reference = Reference(title=title, title_translation=translation, raw=f"{title} [{translation}]")
    assert route.prints_known_signs(reference) is sign


@pytest.mark.parametrize(
    ("reference", "sign"),
    [
        (Reference(raw="Иванов И. И. История. М., 2001."), True),
        (Reference(raw="Title / A. Author", style_family=StyleFamily.GOST), True),
        (Reference(raw="Smith J. Title. London, 2001.", style_family=StyleFamily.AUTHOR_DATE), False),
    ],
    ids=["cyrillic", "gost", "english"],
)
def test_signs_of_a_list_the_rules_know(reference: Reference, sign: bool) -> None:
    assert route.prints_known_signs(reference) is sign


def test_the_share_of_entries_with_signs_decides_a_list() -> None:
    english = Reference(raw="Smith J. Title. London, 2001.")
    cyrillic = Reference(raw="Иванов И. И. История. М., 2001.")
    assert route.knows_list([cyrillic] * 2 + [english] * 18)
    assert not route.knows_list([cyrillic] * 2 + [english] * 19)
    assert not route.knows_list([cyrillic, *[english] * 4])  # one sign is not enough in a list
    assert route.knows_list([cyrillic])
    assert not route.knows_list([english])
    assert not route.knows_list([english.model_copy(update={"style_family": StyleFamily.REFERENCES})])
    assert not route.knows_list([])


def test_without_a_model_every_reference_keeps_the_rules_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(route, "default_reader", lambda: None)
    rules = LIBRARY.disable("label").parse(list(ENGLISH))
    assert parse_list(list(ENGLISH)) == rules


def test_what_the_labeller_leaves_empty_keeps_a_sure_reading_of_the_rules() -> None:
    rules = LIBRARY.disable("label").parse(["Smith, J. (2001). A title. London: Routledge."]).references[0]
    sure = rules.model_copy(update={"field_confidence": {"publisher": 0.95, "places": 0.5}})
    read = labelled_reference(sure, _fields({"title": "A title"}), review_below=0.743)
    assert read.publisher == rules.publisher
    assert read.places == ()
    assert read.title == "A title"
    assert read.field_confidence["publisher"] == 0.95


def test_a_doubtful_reading_is_flagged_with_the_field_named() -> None:
    base = Reference(raw="x y 2001")
    found = Fields(
        {"title": "x", "container-title": "y", "issued": {"date-parts": [[2001]]}},
        {"title": 0.99, "container-title": 0.41, "issued": 0.99},
        [
            Segment("title", "x", 0, 1, 0.99),
            Segment("container-title", "y", 2, 3, 0.41),
            Segment("date", "2001", 4, 8, 0.99),
        ],
    )
    read = labelled_reference(base, found, review_below=0.743)
    assert read.needs_review
    assert read.review_reasons[0].startswith("container_title: read by the trained labeller with probability 0.41")
    assert read.confidence == calibrated(0.99 * 0.41 * 0.99)
    assert [(o.field, o.start, o.end) for o in read.provenance] == [
        ("title", 0, 1),
        ("container_title", 2, 3),
        ("issued", 4, 8),
    ]


def test_a_reading_without_title_or_without_authors_and_year_is_flagged_whatever_its_probabilities() -> None:
    junk = labelled_reference(Reference(raw="a a", confidence=0.03), _fields({"note": "a a"}, 0.999), 0.743)
    assert junk.needs_review
    assert junk.review_reasons[:2] == ("title: none read", "authors and year: neither read")
    assert junk.confidence == 0.03  # never surer than the rules were


def test_a_sure_reading_is_not_flagged() -> None:
    sure = _fields({"title": "x", "publisher": "P", "issued": {"date-parts": [[2001]]}}, 0.999)
    read = labelled_reference(Reference(raw="x P 2001"), sure, 0.743)
    assert not read.needs_review
    assert read.review_reasons == ()
    assert read.confidence is not None
    assert read.confidence > 0.9


@given(st.floats(min_value=0.0, max_value=1.0))
def test_calibrated_confidence_is_a_probability_that_grows_with_the_product(product: float) -> None:
    confidence = calibrated(product)
    assert 0.0 <= confidence <= 1.0
    assert calibrated(min(product + 0.05, 1.0)) >= confidence


@given(st.text(max_size=200))
def test_any_text_read_alone_gives_a_reference_with_its_raw_text(text: str) -> None:
    reference = parse_reference(text)
    assert reference.raw == text
    assert reference.confidence is not None


def test_the_command_line_reads_other_styles_by_the_labeller_unless_told_not_to(tmp_path: Path) -> None:
    source = tmp_path / "list.txt"
    source.write_text("\n".join(ENGLISH) + "\n", "utf-8")

    def read(*options: str) -> list[dict[str, object]]:
        done = subprocess.run(
            [sys.executable, "-m", "translit_refs", "parse", str(source), "--to", "jsonl", "-q", *options],
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=120,
            check=True,
        )
        references = [Reference.model_validate_json(line) for line in done.stdout.splitlines()]
        assert [r.raw for r in references] == list(ENGLISH)
        return [r.model_dump(mode="json") for r in references]

    labelled = [r.model_dump(mode="json") for r in parse_list(list(ENGLISH)).references]
    rules = [r.model_dump(mode="json") for r in parse_list(list(ENGLISH), labeller=False).references]
    assert labelled != rules  # (the two readers differ on this list)
    assert read() == labelled
    assert read("--no-labeller") == rules


def test_a_text_longer_than_any_reference_keeps_the_rules_reading() -> None:
    long = UNSURE + " Expressing local relations again." * 100
    assert len(long) > route.LONGEST
    assert all(origin.rule != RULE for origin in parse_reference(long).provenance)
    assert parse_reference(long) == parse_reference(long, labeller=False)


#: A Chicago entry with a sentence the rules place nowhere.
UNPLACED_BY_THE_RULES = (
    "Lin, Wei. 2011. “Rivers.” In Big River Book, 3–9. Odd Unplaced Words Here. Boston: Beacon Press."
)


def test_the_rules_warnings_about_their_own_reading_go_with_it() -> None:
    listed = [*ENGLISH, UNPLACED_BY_THE_RULES]
    rules = LIBRARY.disable("label").parse(listed).references
    labelled = parse_list(listed).references
    assert any(d.code == "unplaced-sentence" for r in rules for d in r.diagnostics)
    assert not any(d.code in ("unplaced-sentence", "misplaced-editor-mark") for r in labelled for d in r.diagnostics)
