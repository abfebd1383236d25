"""The trained labeller: tokens keep their offsets, labelling is deterministic, the shipped model
reads invented references of several styles into the right fields, and a missing model says so."""

from __future__ import annotations

import itertools
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from translit_refs.labeller import (
    Labeller,
    ModelMissingError,
    Segment,
    default_model_path,
    features,
    fields,
    label,
    split_names,
    to_item,
    tokenize,
)
from translit_refs.labeller.fields import edition_value, page_parts, trim_name, volume_parts

# ---- tokens -----------------------------------------------------------------------------------


@given(st.text(alphabet=st.sampled_from('ab.,;:()[]"“”1–- \t\n\u00a0\u3000é'), max_size=60))
def test_tokens_cover_every_non_space_character_in_order(text: str) -> None:
    tokens = tokenize(text)
    covered = "".join(text[t.start : t.end] for t in tokens)
    assert covered == "".join(c for c in text if not c.isspace())
    assert all(t.text == text[t.start : t.end] and t.text and not any(c.isspace() for c in t.text) for t in tokens)
    assert all(a.end < b.start for a, b in itertools.pairwise(tokens))


@given(st.text(max_size=80))
def test_features_one_row_per_token(text: str) -> None:
    tokens = tokenize(text)
    rows = features(text, tokens)
    assert len(rows) == len(tokens)
    assert all("bias" in row for row in rows)


def test_features_read_the_lexicon_markers() -> None:
    text = "Smith, J. 2001. Title. Journal 4, vol. 3, pp. 10–20. doi:10.1000/x1"
    rows = dict(zip((t.text for t in tokenize(text)), features(text, tokenize(text)), strict=True))
    assert "at=VOLUME_WORD" in rows["vol."]
    assert "at=PAGES_WORD" in rows["pp."]
    assert "num=year" in rows["2001."]
    assert "num=range" in rows["10–20."]
    assert "init=yes" in rows["J."]


# ---- fields of a labelled segment --------------------------------------------------------------

NAMES = [
    ("apa", "Romano, C., Petrov, D., & Dale, C.", [("Romano", "C."), ("Petrov", "D."), ("Dale", "C.")]),
    ("vancouver", "García-López JJ, de la Torre A, Ng KL.", [
        ("García-López", "JJ"), ("de la Torre", "A"), ("Ng", "KL")]),
    ("forward", "A. B. Jones, C. Liu, and E. F. Smith,", [("Jones", "A. B."), ("Liu", "C."), ("Smith", "E. F.")]),
    ("chicago", "Miller, Anthony, and Clara Wu.", [("Miller", "Anthony"), ("Wu", "Clara")]),
    ("mixed", "Lee, L. L., W. E. Howard, and R. E. Marsh.",
        [("Lee", "L. L."), ("Howard", "W. E."), ("Marsh", "R. E.")]),
    ("editors", "In M. Park & T. Ross (Eds.),", [("Park", "M."), ("Ross", "T.")]),
    ("edited by", "edited by Hans Weber and Jan de Vries", [("Weber", "Hans"), ("de Vries", "Jan")]),
    ("semicolons", "Vander Linden, K.; Cumming, S.; and Martin, J.",
        [("Vander Linden", "K."), ("Cumming", "S."), ("Martin", "J.")]),
    ("slashes", "Müller, Klaus/Becker, Anna/Wolf, Stefan:",
        [("Müller", "Klaus"), ("Becker", "Anna"), ("Wolf", "Stefan")]),
    ("capitals", "dans DUPONT Marc et ROUSSEL Claire (dir.),", [("Dupont", "Marc"), ("Roussel", "Claire")]),
    ("iso 690 capitals", "LEFÈVRE, Camille et O'NEILL, Anne.", [("Lefèvre", "Camille"), ("O'Neill", "Anne")]),
    ("vancouver one author", "Castellanos-Ruiz D.", [("Castellanos-Ruiz", "D")]),
    ("forward one author keeps its period", "R. Fletcher.", [("Fletcher", "R.")]),
    ("hyphenated given", "Lemaire, Jean-Pierre.", [("Lemaire", "Jean-Pierre")]),
    ("last period ends the list", "Schneider H, Kraus B.", [("Schneider", "H"), ("Kraus", "B")]),
    ("u. a.", "Braun, Peter u. a.:", [("Braun", "Peter")]),
    ("initial A is no role word", "Hale, A. R.; Quist, A.", [("Hale", "A. R."), ("Quist", "A.")]),
    ("comma list after a semicolon", "ed.; Okafor, N., Lind, P., Eds.;", [("Okafor", "N."), ("Lind", "P.")]),
    ("translator in parentheses", "(K. Berg, Trans.;", [("Berg", "K.")]),
]  # fmt: skip


@pytest.mark.parametrize(("segment", "want"), [pytest.param(s, w, id=i) for i, s, w in NAMES])
def test_names_split_into_family_and_given(segment: str, want: list[tuple[str, str]]) -> None:
    assert [(n.get("family"), n.get("given")) for n in split_names(segment)] == want


@pytest.mark.parametrize(
    ("segment", "want"),
    [
        pytest.param("8(3),", {"volume": "8", "issue": "3"}, id="volume-issue"),
        pytest.param("Vol. 9, no. 2,", {"volume": "9", "issue": "2"}, id="marked"),
        pytest.param("4 vols.", {"number-of-volumes": "4"}, id="volumes"),
        pytest.param("2010;12(3):45-67.", {"volume": "12", "issue": "3"}, id="vancouver-year-first"),
    ],
)
def test_volume_parts(segment: str, want: dict[str, str]) -> None:
    assert volume_parts(segment) == want


@pytest.mark.parametrize(
    ("segment", "want"),
    [
        pytest.param("IEEE Trans. Wireless Commun.,", "IEEE Trans. Wireless Commun.", id="abbreviations"),
        pytest.param("Proc. IEEE Radar Conf. (RadarConf),", "Proc. IEEE Radar Conf. (RadarConf)", id="bracket"),
        pytest.param("Frankfurt a. M.:", "Frankfurt a. M.", id="place"),
        pytest.param("Wiley.", "Wiley", id="one-word"),
        pytest.param("Stanford University Press.", "Stanford University Press", id="no-abbreviation"),
    ],
)
def test_names_keep_the_period_of_an_abbreviation(segment: str, want: str) -> None:
    assert trim_name(segment) == want


@pytest.mark.parametrize(
    ("segment", "want"),
    [
        ("2nd ed.", "2"),
        ("3. Aufl.", "3"),
        ("2e éd.,", "2"),
        ("4th edn.", "4"),
        ("11th ed.", "11"),
        ("Rev. ed.", "Rev. ed"),
    ],
)
def test_edition_without_its_word_or_ordinal_ending(segment: str, want: str) -> None:
    """The edition's number, as the rules give it (CSL renders "2" as "2nd ed." in English styles)."""
    assert edition_value(segment) == want


def _item(*segments: tuple[str, str]) -> dict[str, Any]:
    at, made = 0, []
    for kind, text in segments:
        made.append(Segment(kind, text, at, at + len(text), 0.95))
        at += len(text) + 1
    return to_item(made).item


@pytest.mark.parametrize(
    ("names", "title", "want_names", "want_title"),
    [
        pytest.param("Okafor, C.; Brandt, M. Kinetic", "Models of Catalyst Decay.",
                     [("Okafor", "C."), ("Brandt", "M.")], "Kinetic Models of Catalyst Decay", id="acs"),
        pytest.param("Haas, J. P. Neue", "Wege der Forschung.",
                     [("Haas", "J. P.")], "Neue Wege der Forschung", id="german"),
    ],
)  # fmt: skip
def test_a_name_segment_running_into_the_title_ends_at_its_initials(
    names: str, title: str, want_names: list[tuple[str, str]], want_title: str
) -> None:
    item = _item(("author", names), ("title", title))
    assert [(n.get("family"), n.get("given")) for n in item["author"]] == want_names
    assert item["title"] == want_title


def test_a_full_given_name_closing_a_name_segment_stays() -> None:
    item = _item(("author", "Oppenheimer, J. Robert."), ("title", "Atom and Void."))
    assert item["author"] == [{"family": "Oppenheimer", "given": "J. Robert"}]
    assert item["title"] == "Atom and Void"


def test_an_ordinal_closing_a_book_and_the_edition_word_opening_the_editors_are_the_edition() -> None:
    item = _item(("container-title", "In Catalysis Today, 3rd"), ("editor", "ed.; Ruiz, A., Kato, H., Eds.;"))
    assert item["container-title"] == "Catalysis Today"
    assert item["edition"] == "3"
    assert item["editor"] == [{"family": "Ruiz", "given": "A."}, {"family": "Kato", "given": "H."}]


def test_a_date_closes_the_parenthesis_it_opened() -> None:
    item = _item(("date", "(2019, October"), ("title", "2). Flood alerts for the Danube basin."))
    assert item["issued"] == {"date-parts": [[2019, 10, 2]]}
    assert item["title"] == "Flood alerts for the Danube basin"


@pytest.mark.parametrize(
    ("kind", "segment", "role"),
    [
        pytest.param("author", "Lindqvist A, Osei B, editors.", "editor", id="vancouver-editors"),
        pytest.param("author", "Kramer, H. (Hrsg.):", "editor", id="din-editors"),
        pytest.param("editor", "(M. Weiss, Trans.;", "translator", id="apa-translator"),
        pytest.param("editor", "(übers. von K. Roth)", "translator", id="german-translator"),
    ],
)
def test_a_role_word_names_the_segments_role(kind: str, segment: str, role: str) -> None:
    item = _item((kind, segment), ("title", "A Title."))
    assert role in item
    assert kind not in item


def test_the_role_word_of_one_segment_does_not_override_a_labelled_role() -> None:
    item = _item(("author", "Lindqvist A, editor."), ("title", "A Title."), ("editor", "In: Osei B, editor."))
    assert item["author"] == [{"family": "Lindqvist", "given": "A"}]


@pytest.mark.parametrize("note", ["Article e0213377.", "Art. no. 118204."])
def test_an_article_number_note_is_the_page_when_no_pages_are_labelled(note: str) -> None:
    item = _item(("journal", "PLOS ONE,"), ("volume", "14(2),"), ("note", note))
    assert item["page"] == note.rsplit(maxsplit=1)[-1].rstrip(".")
    assert "note" not in item


def test_an_article_note_with_more_words_stays_a_note() -> None:
    item = _item(("journal", "Nature,"), ("note", "Article in press."))
    assert "page" not in item


@pytest.mark.parametrize(
    ("publisher", "name", "town"),
    [
        pytest.param("Springer-Verlag: Heidelberg,", "Springer-Verlag", "Heidelberg", id="acs-publisher-first"),
        pytest.param("London: Routledge,", "Routledge", "London", id="place-first"),
    ],
)
def test_a_publisher_and_place_around_a_colon_are_told_apart_by_the_known_town(
    publisher: str, name: str, town: str
) -> None:
    item = _item(("publisher", publisher))
    assert (item["publisher"], item["publisher-place"]) == (name, town)


def test_an_organisation_opening_the_title_is_the_author() -> None:
    item = _item(("title", "Norwegian Institute of Public Health. Air quality in Oslo 2019."), ("date", "2020."))
    assert item["author"] == [{"literal": "Norwegian Institute of Public Health"}]
    assert item["title"] == "Air quality in Oslo 2019"


def test_a_title_whose_first_sentence_is_no_organisation_stays_whole() -> None:
    item = _item(("title", "Rivers of Europe. A survey."), ("date", "2020."))
    assert item["title"] == "Rivers of Europe. A survey"
    assert "author" not in item


@pytest.mark.parametrize(
    ("note", "number"), [("Report No.: 3312.", "3312"), ("Technical Report TR-2019-07.", "TR-2019-07")]
)
def test_a_report_designation_noted_is_the_genre_and_number(note: str, number: str) -> None:
    item = _item(("title", "Coastal flood risk."), ("publisher", "Met Office;"), ("note", note))
    assert item["number"] == number
    assert "note" not in item


def test_a_standard_labelled_a_journal_and_volume_is_its_number() -> None:
    item = _item(("title", "Standard for Sensor Interfaces,"), ("journal", "ISO"), ("volume", "18431-2:2021,"))
    assert item["number"] == "ISO 18431-2:2021"
    assert "container-title" not in item


def test_a_later_date_of_the_same_year_gives_its_month_and_day() -> None:
    item = _item(
        ("date", "2021."), ("title", "Rail strikes spread."), ("journal", "Le Monde,"), ("date", "October 3, 2021.")
    )
    assert item["issued"] == {"date-parts": [[2021, 10, 3]]}
    item = _item(("date", "2021."), ("title", "Rail strikes spread."), ("date", "October 3, 2019."))
    assert item["issued"] == {"date-parts": [[2021]]}  # (another year's date completes nothing)


def test_din_address_and_check_date() -> None:
    item = _item(("url", "URL https://www.destatis.de/bevoelkerung.html."), ("note", "– Überprüfungsdatum 2024-02-11"))
    assert item["URL"] == "https://www.destatis.de/bevoelkerung.html"
    assert item["accessed"] == {"date-parts": [[2024, 2, 11]]}


def test_an_address_beginning_with_url_keeps_it() -> None:
    assert _item(("url", "urlaub.example.de/reise"))["URL"] == "urlaub.example.de/reise"


def test_a_given_name_that_spells_an_editor_word_is_no_role() -> None:
    item = _item(("author", "Weiss, Dir"), ("title", "A Title."))
    assert "author" in item
    assert "editor" not in item


def test_the_edition_repair_leaves_segments_that_do_not_overlap() -> None:
    at, made = 0, []
    for kind, text in (("container-title", "In Book, 2nd"), ("editor", "ed.; Eds. Moreau, L.")):
        made.append(Segment(kind, text, at, at + len(text), 0.95))
        at += len(text) + 1
    segments = to_item(made).segments
    assert all(a.end <= b.start for a, b in itertools.pairwise(segments))
    assert [s.label for s in segments] == ["container-title", "edition", "editor"]


def test_a_date_keeps_its_month_and_day() -> None:
    assert _item(("date", "12 Mar. 2019,"))["issued"] == {"date-parts": [[2019, 3, 12]]}
    assert _item(("date", "Nov. 2019."))["issued"] == {"date-parts": [[2019, 11]]}
    assert _item(("date", "(2011a)."))["issued"] == {"date-parts": [[2011]]}


def test_a_bracket_after_the_title_is_its_medium_or_genre() -> None:
    item = _item(("title", "Rural health workforce planning [Internet]."))
    assert (item["title"], item["medium"]) == ("Rural health workforce planning", "Internet")
    item = _item(("title", "Malaria in Enugu State [dissertation]."))
    assert (item["title"], item["genre"]) == ("Malaria in Enugu State", "dissertation")


def test_a_publisher_holding_its_place_is_split() -> None:
    item = _item(("publisher", "Nsukka (Nigeria): University of Nigeria;"))
    assert (item["publisher-place"], item["publisher"]) == ("Nsukka (Nigeria)", "University of Nigeria")


@pytest.mark.parametrize(
    "segment",
    ["Nordic Energy Observatory,", "Protein Structure Consortium.", "World Health Organization:"],
)
def test_an_organisation_is_one_literal_name(segment: str) -> None:
    assert split_names(segment) == [{"literal": segment.rstrip(".,:")}]


def test_a_name_in_capitals_without_a_given_name_keeps_them() -> None:
    assert split_names("NASA.") == [{"family": "NASA"}]


@pytest.mark.parametrize(
    ("publisher", "genre", "university"),
    [
        pytest.param("Dissertation, Aarhus University", "Dissertation", "Aarhus University", id="springer"),
        pytest.param("Dissertation. University of Iowa;", "Dissertation", "University of Iowa", id="ama"),
        pytest.param("PhD diss., University of Chicago,", "PhD diss.", "University of Chicago", id="chicago"),
    ],
)
def test_a_thesis_genre_opening_the_publisher_is_split(publisher: str, genre: str, university: str) -> None:
    item = _item(("publisher", publisher))
    assert (item["genre"], item["publisher"]) == (genre, university)


def test_an_abbreviated_thesis_genre_keeps_its_period() -> None:
    assert _item(("genre", "PhD diss.,"))["genre"] == "PhD diss."


def test_a_known_town_after_the_publisher_is_the_place() -> None:
    item = _item(("publisher", "Oxford University Press, Oxford."))
    assert (item["publisher"], item["publisher-place"]) == ("Oxford University Press", "Oxford")


def test_page_parts() -> None:
    assert page_parts("pp. 1761–1800).") == {"page": "1761–1800"}
    assert page_parts("320 pp.") == {"number-of-pages": "320"}


# ---- the shipped model ---------------------------------------------------------------------------

#: Invented references in several styles and the fields the shipped model must read from them.
REFERENCES: list[tuple[str, str, dict[str, Any]]] = [
    (
        "apa-article",
        "Novak, P., & Hale, R. (2015). Counting the rivers of the north. Journal of Water Studies, 12(4), 233–250.",
        {"author": ["Novak", "Hale"], "year": 2015, "title": "Counting the rivers of the north",
         "container-title": "Journal of Water Studies", "volume": "12", "issue": "4", "page": "233–250"},
    ),
    (
        "apa-book",
        "Okafor, T. (2009). The patient garden (2nd ed.). Boston, MA: Harbour Press.",
        {"author": ["Okafor"], "year": 2009, "title": "The patient garden", "publisher": "Harbour Press"},
    ),
    (
        "ieee",
        '[7] K. Sato and L. Meyer, "A fast method for sorting shells," IEEE Trans. Shells, vol. 31, no. 5, '
        "pp. 101–109, 2018.",
        {"author": ["Sato", "Meyer"], "year": 2018, "title": "A fast method for sorting shells",
         "volume": "31", "issue": "5", "page": "101–109"},
    ),
    (
        "chicago-book",
        "Whitfield, Margaret. 1987. A History of Small Bridges. New York: Linden Books.",
        {"author": ["Whitfield"], "year": 1987, "title": "A History of Small Bridges",
         "publisher-place": "New York", "publisher": "Linden Books"},
    ),
    (
        "vancouver",
        "Ruiz M, Tanaka H. Sleep and salt in older adults. Clin Nutr. 2012;31(2):88-94.",
        {"author": ["Ruiz", "Tanaka"], "title": "Sleep and salt in older adults", "container-title": "Clin Nutr"},
    ),
    (
        "mla-chapter",
        'Brandt, Ilse. "Winter Letters." The Northern Reader, edited by Paul Ames, Fernway, 2004, pp. 45-60.',
        {"author": ["Brandt"], "year": 2004, "title": "Winter Letters", "page": "45-60"},
    ),
]  # fmt: skip


def _families(item: dict[str, Any], key: str) -> list[str]:
    return [str(name.get("family", name.get("literal"))) for name in item.get(key, [])]


@pytest.mark.parametrize(("text", "want"), [pytest.param(t, w, id=i) for i, t, w in REFERENCES])
def test_model_reads_invented_references(text: str, want: dict[str, Any]) -> None:
    item = fields(text).item
    got: dict[str, Any] = {}
    for key in want:
        if key == "author":
            got[key] = _families(item, "author")
        elif key == "year":
            got[key] = item.get("issued", {}).get("date-parts", [[None]])[0][0]
        else:
            got[key] = item.get(key)
    assert got == want


def test_labels_cover_the_tokens_with_probabilities() -> None:
    text = REFERENCES[0][1]
    labelled = label(text)
    assert [(t.start, t.end) for t in labelled] == [(t.start, t.end) for t in tokenize(text)]
    assert labelled[0].label == "author"
    assert all(0.0 < t.probability <= 1.0 for t in labelled)
    result = fields(text)
    assert set(result.probability) == set(result.item)
    assert all(0.0 < p <= 1.0 for p in result.probability.values())


def test_labelling_is_deterministic() -> None:
    texts = [text for _, text, _ in REFERENCES]
    first = [fields(text) for text in texts]
    again = Labeller(default_model_path())
    assert [again.fields(text) for text in texts] == first
    assert [label(text) for text in texts] == [again.label(text) for text in texts]


def test_shipped_model_is_package_data_and_small() -> None:
    path = default_model_path()
    assert path.is_file()
    assert path.stat().st_size <= 5_000_000
    assert {"author", "title", "date", "volume", "pages"} <= set(Labeller(path).labels())


def test_empty_text_has_no_tokens() -> None:
    assert label("") == []
    assert fields("  ").item == {}


def test_missing_model_is_a_clear_error(tmp_path: Path) -> None:
    missing = tmp_path / "none.crfsuite"
    with pytest.raises(ModelMissingError, match=r"model is missing: .*none\.crfsuite.*train_labeller"):
        Labeller(missing)


def test_broken_model_is_a_clear_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.crfsuite"
    broken.write_bytes(b"not a model")
    with pytest.raises(ModelMissingError, match="cannot be read"):
        Labeller(broken)


def test_anystyle_licence_ships_beside_the_model() -> None:
    licence = default_model_path().with_name("ANYSTYLE-LICENSE.txt")
    assert "Sylvester Keil" in licence.read_text("utf-8")
    project = tomllib.loads((Path(__file__).resolve().parents[1] / "pyproject.toml").read_text("utf-8"))
    shipped = project["tool"]["setuptools"]["package-data"]["translit_refs.labeller"]
    assert {"*.crfsuite", "ANYSTYLE-LICENSE.txt"} <= set(shipped)
    assert any(d.startswith("python-crfsuite") for d in project["project"]["dependencies"])


@given(st.text(max_size=120))
def test_any_name_segment_splits_into_names_without_raising(segment: str) -> None:
    names = split_names(segment)
    assert all(isinstance(value, str) and value for name in names for value in name.values())


@given(st.text(max_size=200))
def test_the_model_reads_any_text_into_an_item(text: str) -> None:
    found = fields(text)
    assert set(found.probability) <= set(found.item)
    assert all(0.0 <= p <= 1.0 for p in found.probability.values())


def test_a_doi_resolver_link_gives_its_doi_unless_a_doi_is_labelled() -> None:
    item = _item(("title", "A title."), ("url", "https://doi.org/10.1029/2018WR024117"))
    assert (item["URL"], item["DOI"]) == ("https://doi.org/10.1029/2018WR024117", "10.1029/2018WR024117")
    item = _item(("doi", "doi:10.1000/abc"), ("url", "https://doi.org/10.1029/2018WR024117"))
    assert item["DOI"] == "10.1000/abc"
