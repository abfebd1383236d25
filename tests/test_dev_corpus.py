"""Generality: the 593 references of another journal's lists (Vancouver-like style)."""

from __future__ import annotations

from collections import Counter
from functools import cache

from translit_refs import Reference, ReferenceType, parse_reference, to_csl_json_list
from translit_refs.export.schema import csl_errors

from conftest import load_jsonl

DEV = load_jsonl("dev_npe.jsonl")


@cache
def parsed(text: str) -> Reference:
    """A dev reference parsed once for all the tests of this module."""
    return parse_reference(text)


def test_every_dev_reference_parses_to_valid_csl() -> None:
    references = [parsed(row["text"]) for row in DEV]
    assert len(references) == len(DEV) == 593
    assert csl_errors(to_csl_json_list(references)) == []
    assert all(r.raw == row["text"] for r, row in zip(references, DEV, strict=True))


def test_dev_references_mostly_parse_without_syntax_errors() -> None:
    failures = [row["text"] for row in DEV if parsed(row["text"]).has_errors]
    assert len(failures) <= len(DEV) // 100, failures[:5]


def test_dev_journal_articles_get_journal_volume_issue_pages() -> None:
    articles = [
        parsed(row["text"])
        for row in DEV
        if ", pp. " in row["text"] and (", vol. " in row["text"] or ", v. " in row["text"])
    ]
    assert len(articles) > 100
    kinds = Counter(r.type for r in articles)
    assert kinds[ReferenceType.ARTICLE] >= 0.9 * len(articles), kinds
    complete = [r for r in articles if r.container_title and r.volume and r.pages and r.issued]
    assert len(complete) >= 0.9 * len(articles)


def test_dev_translations_mark_russian() -> None:
    translated = [parsed(row["text"]) for row in DEV if "] " in row["text"] or "]." in row["text"]]
    with_translation = [r for r in translated if r.title_translation]
    assert len(with_translation) >= 0.9 * len(translated)
    russian = [r for r in with_translation if r.language == "ru"]
    # the rest are mixed titles ("Fizika i raschet reaktora. Under the total. Ed. …")
    assert len(russian) >= 0.98 * len(with_translation)


def test_english_titles_of_russian_works_are_russian_works_with_english_titles() -> None:
    english = [parsed(row["text"]) for row in DEV if "(in Russian)" in row["text"] and "[" not in row["text"]]
    english = [r for r in english if r.title and r.title.split()[0] in ("The", "A", "An", "On", "Neutron", "Study")]
    assert english
    assert all(r.language == "ru" for r in english)
    assert all(r.title_language == "en" for r in english)
