"""BibTeX and RIS: written by kept libraries, read back by the same libraries, key fields kept."""

from __future__ import annotations

import json
from typing import Any

import bibtexparser
import pytest
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware
from hypothesis import given, settings
from hypothesis import strategies as st

from translit_refs import (
    InvalidArgumentError,
    Reference,
    ReferenceType,
    format_reference,
    parse_list,
    parse_references,
    to_bibtex,
    to_csl_json,
    to_csl_json_list,
    to_ris,
)
from translit_refs.cli import main
from translit_refs.export.bibtex_ris import RIS_TAGS, CitationKeys
from translit_refs.export.schema import csl_errors

from conftest import FIXTURES, load_jsonl
from family_strategies import family_references
from strategies import references

SEED = [line for line in (FIXTURES / "seed_references.txt").read_text("utf-8").splitlines() if line.strip()]
REFERENCES = parse_references(SEED)


def _bibtex_entries(text: str) -> list[dict[str, str]]:
    library = bibtexparser.parse_string(text, append_middleware=[LatexDecodingMiddleware()])  # type: ignore[attr-defined]
    assert not library.failed_blocks
    return [{"ENTRYTYPE": e.entry_type, "ID": e.key, **{f.key: f.value for f in e.fields}} for e in library.entries]


def test_bibtex_of_the_seed_reads_back_with_translations_and_access_dates() -> None:
    entries = _bibtex_entries(to_bibtex(REFERENCES))
    assert len(entries) == 44
    assert len({e["ID"] for e in entries}) == 44
    dundukov = entries[7]
    assert dundukov["titleaddon"] == "Intelligence in the USA State Mechanism"
    assert dundukov["langid"] == "russian"
    assert dundukov["pagetotal"] == "448"
    assert entries[6]["urldate"] == "2019-08-17"
    goodman = entries[17]
    assert (goodman["maintitle"], goodman["title"], goodman["volume"], goodman["volumes"]) == (
        "The Official History of the Joint Intelligence Committee",
        "From the Approach of the Second World War to the Suez Crisis",
        "1",
        "2",
    )
    assert entries[39]["issue"] == "Winter"


def test_ris_of_the_seed_reads_back_with_translations_and_access_dates() -> None:
    records = rispy.loads(to_ris(REFERENCES), mapping=RIS_TAGS)
    assert len(records) == 44
    dundukov = records[7]
    assert (dundukov["translated_title"], dundukov["language"]) == ("Intelligence in the USA State Mechanism", "ru")
    assert records[6]["access_date"] == "2019/08/17/"
    assert records[17]["tertiary_title"] == "From the Approach of the Second World War to the Suez Crisis"
    assert records[17]["number_of_volumes"] == "2"
    assert "start_page" not in records[0]  # a page count is no page (docs/exports.md)
    assert records[0]["misc2"] == "number-of-pages: 798"  # Zotero keeps it in Extra as a CSL variable
    assert records[6]["note"] == "2019/08/17/"  # a web page's access date where citation-js reads it
    assert (records[25]["start_page"], records[25]["end_page"]) == ("155", "174")


@pytest.mark.parametrize(("fmt", "marker"), [("bibtex", "@book{acheson1969,"), ("ris", "TY  - BOOK")])
def test_cli_writes_bibtex_and_ris(fmt: str, marker: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(FIXTURES / "seed_references.txt"), "--to", fmt, "-q"]) == 0  # those to check too
    out = capsys.readouterr().out
    assert marker in out
    if fmt == "bibtex":
        keys = [e["ID"] for e in _bibtex_entries(out)]
        assert keys[9:13] == ["fbis1950", "fbis1951", "fbis1952", "fbis1953"]
        assert len(set(keys)) == 44
    else:
        assert len(rispy.loads(out)) == 44


@settings(max_examples=300)
@given(references)
def test_generated_references_survive_both_formats(reference: Reference) -> None:
    entry = _bibtex_entries(to_bibtex([reference]))[0]
    record = rispy.loads(to_ris([reference]))[0]
    assert record["title"] == reference.title
    assert entry.get("maintitle", entry["title"]) == reference.title
    assert entry.get("titleaddon") == reference.title_translation
    assert record.get("translated_title") == reference.title_translation
    if reference.type is ReferenceType.WEBPAGE and reference.accessed is not None:
        assert record["access_date"].startswith(f"{reference.accessed.year:04d}/")


@settings(max_examples=300)
@given(family_references)
def test_every_familys_references_survive_both_formats(styled: tuple[str, Reference]) -> None:
    _, reference = styled
    entry = _bibtex_entries(to_bibtex([reference]))[0]
    record = rispy.loads(to_ris([reference]))[0]
    assert entry["title"] == record["title"] == reference.title
    if reference.type in (ReferenceType.STANDARD, ReferenceType.PATENT, ReferenceType.REPORT):
        assert entry["number"] == record["number"] == reference.number


def test_every_dev_reference_exports_to_both_formats() -> None:
    dev = parse_references([row["text"] for row in load_jsonl("dev_npe.jsonl")])
    entries = _bibtex_entries(to_bibtex(dev))
    entry_types = {e["ENTRYTYPE"] for e in entries}
    assert {"inproceedings", "patent", "report", "thesis"} <= entry_types
    standards = [e for e, r in zip(entries, dev, strict=True) if r.type is ReferenceType.STANDARD]
    assert standards
    assert all(e["ENTRYTYPE"] == "report" and e["type"] for e in standards)
    assert len(rispy.loads(to_ris(dev))) == len(dev) == 593


@settings(max_examples=300)
@given(references)
def test_the_display_profile_is_valid_csl_with_the_translation_in_the_title(reference: Reference) -> None:
    data, display = to_csl_json(reference, "r"), to_csl_json(reference, "r", "display")
    assert csl_errors([display]) == []
    assert display.get("custom") == data.get("custom")
    if reference.title and reference.title_translation:
        assert display["title"] == f"{data['title']} [{reference.title_translation}]"
    else:
        assert display.get("title") == data.get("title")
    changed = {key for key in data.keys() | display.keys() if data.get(key) != display.get(key)}
    assert changed <= {"title", "container-title", "note"}


def test_cli_writes_the_display_profile(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(FIXTURES / "seed_references.txt"), "--csl-profile", "display", "-q"]) == 0
    items = json.loads(capsys.readouterr().out)
    assert items[7]["title"] == "Razvedka v gosudarstvennom mekhanizme SShA [Intelligence in the USA State Mechanism]"
    assert items[7]["custom"]["translated-title"] == "Intelligence in the USA State Mechanism"


def _keys_probed_from_the_start(keys: list[str]) -> list[str]:
    """The citation keys as handed out before they were found in linear time: each probe starts at "a"."""
    used: set[str] = set()
    handed = []
    for key in keys:
        candidate, suffix = key, 0
        while candidate in used:
            suffix += 1
            candidate = key + "abcdefghijklmnopqrstuvwxyz"[(suffix - 1) % 26] + ("" if suffix <= 26 else str(suffix))
        used.add(candidate)
        handed.append(candidate)
    return handed


@given(st.lists(st.sampled_from(["a", "ab", "aa", "b", "ac", "ivanov2001", "ivanov2001a"]), max_size=80))
def test_citation_keys_are_those_probed_from_the_start(keys: list[str]) -> None:
    registry = CitationKeys()
    assert [registry.unique(key) for key in keys] == _keys_probed_from_the_start(keys)


def test_many_entries_sharing_a_key_get_distinct_keys() -> None:
    registry = CitationKeys()
    handed = [registry.unique("fbis1950") for _ in range(3000)]
    assert len(set(handed)) == 3000
    assert handed[:3] == ["fbis1950", "fbis1950a", "fbis1950b"]
    assert handed[27] == "fbis1950a27"


# What the exporters take (issue 26, item 10): one Reference or several where that is unambiguous.


@pytest.mark.parametrize("export", [to_bibtex, to_ris, to_csl_json_list], ids=lambda f: f.__name__)
def test_list_exporters_take_one_reference_a_list_a_generator_or_a_reference_list(export: Any) -> None:
    several = export(REFERENCES[:3])
    assert export(iter(REFERENCES[:3])) == several
    assert export(parse_list(SEED[:3])) == export(list(parse_list(SEED[:3]).references))
    assert export(REFERENCES[0]) == export(REFERENCES[:1])
    assert export(REFERENCES[0])  # not empty: the reference's own fields, not its pydantic items


@pytest.mark.parametrize("export", [to_bibtex, to_ris, to_csl_json_list], ids=lambda f: f.__name__)
@pytest.mark.parametrize("given", ["Acheson, D. (1969). Title.", b"bytes", 42, [REFERENCES[0], "text"], None])
def test_list_exporters_refuse_what_is_no_reference(export: Any, given: Any) -> None:
    with pytest.raises(InvalidArgumentError, match=export.__name__):
        export(given)


def test_to_csl_json_takes_one_reference_and_names_the_list_function() -> None:
    assert to_csl_json(REFERENCES[0], "ref-1") == to_csl_json_list(REFERENCES[:1])[0]
    with pytest.raises(InvalidArgumentError, match=r"takes one Reference, not list; .*to_csl_json_list"):
        to_csl_json(list(REFERENCES[:2]))  # type: ignore[arg-type]
    with pytest.raises(InvalidArgumentError, match="parse_reference"):
        to_csl_json("Acheson, D. (1969). Title.")  # type: ignore[arg-type]


def test_format_reference_takes_one_reference() -> None:
    assert format_reference(REFERENCES[0]).startswith("Acheson")
    with pytest.raises(InvalidArgumentError, match="format_reference"):
        format_reference(list(REFERENCES[:2]))  # type: ignore[arg-type]
