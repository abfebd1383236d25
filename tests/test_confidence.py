"""Confidence: every reference says whether to trust it, calibrated on gold (``docs/confidence.md``)."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
from collections import defaultdict
from collections.abc import Callable
from importlib import resources
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_bad_input import BAD_TEXTS

from translit_refs import Reference, parse_list, parse_reference, parse_references, to_csl_json
from translit_refs.quality import ALWAYS_REVIEWED, FEATURES, calibration
from translit_refs.quality.features import _OTHER_SCRIPT, AGAINST, FOR, _other_script, explain

from conftest import FIXTURES, load_jsonl
from gold import checks

SEED = [line for line in (FIXTURES / "seed_references.txt").read_text("utf-8").splitlines() if line.strip()]


def _dev_gold_triage() -> tuple[int, int, int, int, int]:
    """(references, not flagged, of those fully right, wrong, wrong flagged) on the dev gold, each
    reference read in its article's whole list."""
    corpus = load_jsonl("dev_npe.jsonl")
    by_article: dict[object, list[int]] = defaultdict(list)
    for index, row in enumerate(corpus):
        by_article[row["article"]].append(index)
    parsed = {article: parse_list([corpus[i]["text"] for i in rows]) for article, rows in by_article.items()}
    total = unflagged = unflagged_right = wrong = wrong_flagged = 0
    for gold in load_jsonl("dev_gold.jsonl"):
        index = int(gold["id"].rsplit("-", 1)[1])
        article = corpus[index]["article"]
        reference = parsed[article].references[by_article[article].index(index)]
        right = all(ok for _, ok in checks(gold, to_csl_json(reference, gold["id"])))
        total += 1
        if not reference.needs_review:
            unflagged += 1
            unflagged_right += right
        if not right:
            wrong += 1
            wrong_flagged += reference.needs_review
    return total, unflagged, unflagged_right, wrong, wrong_flagged


def test_on_the_dev_gold_the_unflagged_can_be_trusted_and_the_wrong_are_flagged() -> None:
    total, unflagged, unflagged_right, wrong, wrong_flagged = _dev_gold_triage()
    assert unflagged / total >= 0.40
    assert unflagged_right / unflagged >= 0.95
    assert wrong_flagged / wrong >= 0.80


@pytest.mark.parametrize("text", BAD_TEXTS.values(), ids=BAD_TEXTS.keys())
def test_bad_input_is_flagged(text: str) -> None:
    reference = parse_reference(text)
    assert reference.needs_review
    assert reference.review_reasons
    assert reference.confidence is not None
    assert reference.confidence < calibration().review_below


_LETTERS = "abcdefghijklmnopqrstuvwxyzабвгдежзиклмнопрстуфхцчшщэюя"


@given(
    st.lists(st.text(alphabet=_LETTERS, min_size=1, max_size=12), min_size=1, max_size=25),
    st.lists(st.sampled_from([" ", " ", ". ", ", ", "!!! ", "?? ", "; "]), min_size=25, max_size=25),
)
def test_word_salad_is_flagged(words: list[str], separators: list[str]) -> None:
    """Words with no name, year, marker or imprint: nothing fixes a field, so a person must look."""
    text = "".join(word + separator for word, separator in zip(words, separators, strict=False)).strip()
    reference = parse_reference(text)
    assert reference.needs_review, (text, reference.confidence)


def test_the_issues_examples_are_flagged() -> None:
    assert parse_reference("asdf qwer zxcv. 123 !!! ??").needs_review
    preprint = parse_reference("Preprint no. 3150. Obninsk, 2010.")
    assert preprint.needs_review
    assert preprint.issued is not None
    if preprint.issued.year == 3150:
        assert preprint.review_reasons[0] == "year 3150 is before 1600 or after next year"


#: Reasons that name no field: what the whole entry shows.
_WHOLE_ENTRY = tuple(explain(feature, parse_reference("x")) for feature in FEATURES if not feature.field)
#: The words a reason about a field opens with.
_FIELD_WORDS = ("title", "container", "kind of work", "year", "author", "publisher", "text ", "more than one")


def test_most_of_the_seed_is_not_flagged_and_no_reference_is_flagged_for_being_a_book_or_long() -> None:
    """The seed parses perfectly: most of it is trusted, and what is flagged is told which field to
    check, never only that it is a book or long."""
    references = parse_references(SEED)
    flagged = [reference for reference in references if reference.needs_review]
    assert len(flagged) <= 4  # (3: a repaired text without a year, two with a second translation)
    for reference in flagged:
        assert reference.review_reasons
        for reason in reference.review_reasons:
            assert "a book" not in reason, reason
            assert "long reference" not in reason, reason
            assert reason.startswith(_FIELD_WORDS) or reason in _WHOLE_ENTRY, reason


def test_the_issues_short_book_is_not_flagged_for_being_a_book_or_long() -> None:
    reference = parse_reference("Ivanov I.I. Kniga. Moscow, Nauka, 2001. 200 p.")
    assert not any("book" in reason.split(":")[0] or "long" in reason for reason in reference.review_reasons)


CASES = {
    "imprint-in-container": (
        "Аргон А. Статистические аспекты разрушения. Композиционные материалы: В 8 т. Т. 5 / Под ред. Л. Браутмана,"
        " Р. Крока. – М.: Мир, 1978. – С. 166-205.",
        "container holds 'М.': it may run into the imprint",
    ),
    "article-without-locators": (
        "Groff A.G. A user’s manual for the ORIGEN2 computer code. // Oak Ridge National Laboratory, 1980.",
        "kind of work: read as a journal article, but no volume or issue",
    ),
}


@pytest.mark.parametrize(("text", "reason"), CASES.values(), ids=CASES.keys())
def test_a_reason_names_the_field_and_the_words_in_doubt(text: str, reason: str) -> None:
    reference = parse_reference(text)
    assert reference.needs_review
    assert reason in reference.review_reasons


_PRESENT: dict[str, Callable[[Reference], object]] = {
    "title": lambda r: r.title,
    "container_title": lambda r: r.container_title,
    "persons": lambda r: r.persons,
    "issued": lambda r: r.issued,
    "volume": lambda r: r.volume,
    "issue": lambda r: r.issue,
    "pages": lambda r: r.pages,
    "publisher": lambda r: r.publisher,
    "places": lambda r: r.places,
    "doi": lambda r: r.doi,
    "url": lambda r: r.url,
}


@given(st.sampled_from(SEED + [row["text"] for row in load_jsonl("dev_gold.jsonl")] + list(BAD_TEXTS.values())))
def test_field_confidence_covers_exactly_the_fields_present(text: str) -> None:
    """A probability per field the parse has, none for a field it lacks; a field an always-reviewed
    feature doubts is held low."""
    reference = parse_reference(text)
    for name, value in _PRESENT.items():
        assert (name in reference.field_confidence) == bool(value(reference)), name
    assert all(0.0 <= p <= 1.0 for p in reference.field_confidence.values())
    if reference.pages and "pages" in reference.review_reasons[0:1][0:1] and reference.needs_review:
        assert reference.field_confidence["pages"] <= 0.3


def test_pages_that_decrease_make_the_pages_doubtful_and_say_so() -> None:
    reference = parse_reference("Ivanov I.I. Teplovoi rezhim. Atomnaya energiya, 2015, vol. 118, no. 3, pp. 239-233.")
    assert reference.needs_review
    assert reference.review_reasons[0] == "pages 239-233: the last page comes before the first"
    assert reference.field_confidence["pages"] <= 0.3
    assert reference.field_confidence["pages"] == min(reference.field_confidence.values())


@given(st.sampled_from(SEED + [row["text"] for row in load_jsonl("dev_gold.jsonl")] + list(BAD_TEXTS.values())))
def test_a_reference_needs_review_exactly_when_its_confidence_is_under_the_threshold(text: str) -> None:
    """Always-reviewed references (errors, damaged text …) are held under the threshold, so the
    flag and the number never disagree; a flag always says why, and an error is always flagged."""
    reference = parse_reference(text)
    assert reference.confidence is not None
    assert 0.0 <= reference.confidence <= 1.0
    assert reference.needs_review == (reference.confidence < calibration().review_below)
    assert bool(reference.review_reasons) == reference.needs_review
    if reference.has_errors:
        assert reference.needs_review


def test_the_shipped_calibration_weighs_known_features_with_their_declared_signs() -> None:
    data = json.loads(resources.files("translit_refs").joinpath("data", "confidence.json").read_text("utf-8"))
    by_name = {feature.name: feature for feature in FEATURES}
    assert set(data["weights"]) <= set(by_name)
    assert not set(data["weights"]) & set(ALWAYS_REVIEWED)
    for name, weight in data["weights"].items():
        if by_name[name].weighs == AGAINST:
            assert weight <= 0, name
        if by_name[name].weighs == FOR:
            assert weight >= 0, name
    assert 0.5 <= data["review_below"] < 1.0


def test_confidence_goes_to_csl_json_and_json_lines() -> None:
    reference = parse_reference("asdf qwer zxcv. 123 !!! ??")
    custom: dict[str, Any] = to_csl_json(reference, "x")["custom"]
    assert custom["confidence"] == reference.confidence
    assert custom["needs-review"] is True
    assert custom["review-reasons"][0] == reference.review_reasons[0]
    assert custom["field-confidence"] == reference.field_confidence
    dumped = json.loads(reference.model_dump_json())
    assert dumped["needs_review"] is True
    assert dumped["confidence"] == reference.confidence
    assert dumped["field_confidence"] == reference.field_confidence
    assert set(dumped["field_confidence"]) >= {"title"}


def _cli(*arguments: str, stdin: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "translit_refs.cli", *arguments],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def test_the_cli_names_each_flagged_line_still_writes_every_reference_and_exits_1_when_asked() -> None:
    text = "\n".join([SEED[2], "asdf qwer zxcv. 123 !!! ??", SEED[3]]) + "\n"
    assert _cli("parse", "-", "--to", "jsonl", "-q", stdin=text).returncode == 0
    done = _cli("parse", "-", "--to", "jsonl", "-q", "--fail-on-review", stdin=text)
    assert done.returncode == 1
    reviews = [line for line in done.stderr.splitlines() if ": review: " in line]
    assert reviews
    assert reviews[0].startswith("<stdin>:2: review: ")
    assert len(done.stdout.splitlines()) == 3


def test_flagged_writes_only_the_references_that_need_review() -> None:
    text = "\n".join([SEED[29], "asdf qwer zxcv. 123 !!! ??", SEED[33]]) + "\n"  # transliterated: the rules read them
    done = _cli("parse", "-", "--to", "csl-json", "--flagged", "-q", stdin=text)
    items = json.loads(done.stdout)
    assert [item["id"] for item in items] == ["ref-2"]
    assert items[0]["custom"]["needs-review"] is True


def test_flagged_json_lines_hold_only_the_flagged() -> None:
    text = "\n".join([SEED[29], "asdf qwer zxcv. 123 !!! ??", SEED[33], "lorem ipsum dolor"]) + "\n"
    done = _cli("parse", "-", "--to", "jsonl", "--flagged", "-q", stdin=text)
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert [row["raw"] for row in rows] == ["asdf qwer zxcv. 123 !!! ??", "lorem ipsum dolor"]
    assert all(row["needs_review"] for row in rows)


def test_a_line_of_bytes_that_are_not_utf8_is_held_under_the_threshold() -> None:
    line = SEED[2].replace("e", "\udcff", 1)  # read back by the CLI as a byte that is not UTF-8
    done = subprocess.run(
        [sys.executable, "-m", "translit_refs.cli", "parse", "-", "--to", "jsonl", "-q", "--fail-on-review"],
        input=line.encode("utf-8", "surrogateescape") + b"\n",
        capture_output=True,
        timeout=120,
        check=False,
    )
    row = json.loads(done.stdout)
    assert done.returncode == 1
    assert row["needs_review"] is True
    assert row["confidence"] < calibration().review_below
    assert row["review_reasons"][0] == "bytes that are not UTF-8 were read as U+FFFD"


def test_field_confidence_survives_a_copy_a_pickle_and_a_round_trip_through_json() -> None:
    """The parser's per-field numbers are worked out when read: a copy, a pickle and JSON give the same."""
    reference = parse_list(SEED[:5]).references[2]
    expected = dict(reference.field_confidence)
    assert expected
    assert dict(reference.model_copy(update={"note": "x"}).field_confidence) == expected
    assert dict(pickle.loads(pickle.dumps(reference)).field_confidence) == expected
    assert Reference.model_validate_json(reference.model_dump_json()).field_confidence == expected
    assert reference.model_dump()["field_confidence"] == expected


@given(st.text())
def test_the_quick_test_for_another_script_agrees_with_the_pattern(text: str) -> None:
    assert _other_script(text) == (_OTHER_SCRIPT.search(text) is not None)
