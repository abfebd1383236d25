"""BibTeX and RIS: written by kept libraries, read back by the same libraries, key fields kept."""

from __future__ import annotations

import bibtexparser
import pytest
import rispy
from hypothesis import given, settings

from translit_refs import Reference, ReferenceType, parse_references, to_bibtex, to_ris
from translit_refs.cli import main

from conftest import FIXTURES, load_jsonl
from family_strategies import family_references
from strategies import references

SEED = [line for line in (FIXTURES / "seed_references.txt").read_text("utf-8").splitlines() if line.strip()]
REFERENCES = parse_references(SEED)


def _bibtex_entries(text: str) -> list[dict[str, str]]:
    library = bibtexparser.parse_string(text)
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
    records = rispy.loads(to_ris(REFERENCES))
    assert len(records) == 44
    dundukov = records[7]
    assert (dundukov["translated_title"], dundukov["language"]) == ("Intelligence in the USA State Mechanism", "ru")
    assert records[6]["access_date"] == "2019/08/17/"
    assert records[17]["tertiary_title"] == "From the Approach of the Second World War to the Suez Crisis"
    assert records[17]["number_of_volumes"] == "2"
    assert records[0]["start_page"] == "798"  # page count of a book, as Zotero reads it
    assert (records[25]["start_page"], records[25]["end_page"]) == ("155", "174")


@pytest.mark.parametrize(("fmt", "marker"), [("bibtex", "@book{acheson1969,"), ("ris", "TY  - BOOK")])
def test_cli_writes_bibtex_and_ris(fmt: str, marker: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(FIXTURES / "seed_references.txt"), "--to", fmt, "-q"]) == 1  # some need review
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
    entry_types = {e["ENTRYTYPE"] for e in _bibtex_entries(to_bibtex(dev))}
    assert {"inproceedings", "standard", "patent", "report", "thesis"} <= entry_types
    assert len(rispy.loads(to_ris(dev))) == len(dev) == 593
