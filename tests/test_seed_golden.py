"""The seed list: every gold field of every reference, one test per reference."""

from __future__ import annotations

from typing import Any

import pytest

from translit_refs import parse_reference, parse_references, to_csl_json, to_csl_json_list
from translit_refs.export.schema import csl_errors
from translit_refs.parsing.grammar import default_backend

from conftest import FIXTURES, load_jsonl
from gold import misses

GOLD = load_jsonl("seed_gold.jsonl")
SEED_LINES = (FIXTURES / "seed_references.txt").read_text(encoding="utf-8").splitlines()


@pytest.mark.usefixtures("backend")
@pytest.mark.parametrize("gold", GOLD, ids=[g["id"] for g in GOLD])
def test_seed_reference_fields(gold: dict[str, Any]) -> None:
    item = to_csl_json(parse_reference(gold["text"]))
    assert misses(gold, item) == []


def test_gold_matches_the_reference_file() -> None:
    assert [g["text"] for g in GOLD] == [line for line in SEED_LINES if line.strip()]


def test_seed_list_exports_valid_csl_in_order() -> None:
    references = parse_references("\n".join(SEED_LINES))
    items = to_csl_json_list(references)
    assert len(items) == 44
    assert [i["id"] for i in items] == [f"ref-{n}" for n in range(1, 45)]
    assert csl_errors(items) == []


def test_backend_is_the_one_asked_for(backend: str) -> None:
    assert default_backend() == backend


@pytest.mark.usefixtures("backend")
def test_seed_parses_without_errors() -> None:
    for line in SEED_LINES:
        reference = parse_reference(line)
        assert not reference.has_errors, (line, reference.diagnostics)
        assert reference.raw == line
