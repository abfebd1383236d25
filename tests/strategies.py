"""Hypothesis strategies: valid References of every type the seed style can express.

Built with ``st.builds`` from the models. They produce the hard cases of real lists (periods
and initials inside titles, "?", ":", parentheses, years, ’ in transliterations, translations
with parentheses, several places, publishers with commas, editors and contributors, volumes
with titles, access dates, Cyrillic and diacritics) and nothing the style cannot express; the
limits are listed in docs/round-trip.md.
"""

from __future__ import annotations

import re
from importlib import resources

from hypothesis import strategies as st

from translit_refs import (
    IssueKind,
    PartialDate,
    Person,
    Reference,
    ReferenceType,
    Role,
    VolumeKind,
)
from translit_refs.lexicon import month_numbers, words_of
from translit_refs.lexicon.words import PLACES, REGIONS
from translit_refs.parsing.language import title_language

#: Words a title may not use as plain words: they start markers in this style.
_MARKER_WORDS = {
    *month_numbers(english_only=True),
    *words_of("SEASON_NAME"),
    "Vol", "Vols", "Book", "Part", "Working", "Discussion", "Report", "Preprint", "Technical", "Ser",
    "Series", "Seriya", "Serie", "Section", "Sect", "Issue", "Tom", "Chast", "Available", "Retrieved",
    "Occasional", "Research", "Doctoral", "Master", "Kn", "Diss", "Pt", "Pat", "Patent",
}  # fmt: skip
_LOWER_MARKERS = {"pp", "vol", "etc", "vs", "ed", "eds", "gg", "g", "iss", "issue", "and", "with", "doi", "url", "by"}


def _abbreviation_stems() -> set[str]:
    """Words whose period the grammar keeps ("Sci.", "Bull."): at a sentence end they cannot be
    printed, so titles do not use them (read from the grammar, so the lists stay in step)."""
    lexicon = resources.files("translit_refs.grammars").joinpath("lexicon.lark").read_text(encoding="utf-8")
    found = re.search(r"^ABBREVIATION: /\(\?:([^)]*)\)", lexicon, re.MULTILINE)
    assert found, "ABBREVIATION not found in lexicon.lark"
    return set(found.group(1).split("|"))


_MARKER_WORDS |= _abbreviation_stems()

capitalised = st.from_regex(r"[A-Z][a-z]{2,9}", fullmatch=True).filter(lambda w: w not in _MARKER_WORDS)
lowercase = st.from_regex(r"[a-z]{3,10}", fullmatch=True).filter(lambda w: w not in _LOWER_MARKERS)
transliterated = st.sampled_from(
    ["Sem’", "vozhdei", "Istoriko-dokumental’nyi", "vmeshatel’stva", "SShA", "Koreiskuyu", "khronograf", "voina"]
)
unicode_word = st.sampled_from(["Разведка", "история", "Müller", "Français", "Žižek", "Łódź", "α-n", "Ørsted"])
plain_word = st.one_of(capitalised, lowercase, transliterated, unicode_word)
initial = st.from_regex(r"[A-Z]", fullmatch=True).map(lambda c: c + ".")


@st.composite
def sentence(draw: st.DrawFn, allow_initials: bool = True) -> str:
    """Words with the hard cases inside: "Harry S. Truman", "Attack?", ": ", (1950–1953), "1949–1951"."""
    words = [draw(capitalised)]
    for _ in range(draw(st.integers(0, 5))):
        kind = draw(st.sampled_from(["word", "word", "word", "initial", "question", "colon", "parens", "range"]))
        if kind == "initial" and allow_initials and len(words) > 1:
            words += [draw(initial), draw(capitalised)]
        elif kind == "question":
            words[-1] += "?"
            words.append(draw(capitalised))
        elif kind == "colon":
            words[-1] += ":"
            words.append(draw(plain_word))
        elif kind == "parens":
            inner = draw(st.sampled_from(["(1950–1953 godov)", "(June 24–30, 1950)", "(in memoriam)", "(Based on X)"]))
            words.append(inner)
        elif kind == "range":
            words[-1] += ","
            words.append(f"{draw(st.integers(1800, 1990))}–{draw(st.integers(1991, 2030))}")
        else:
            words.append(draw(plain_word))
    return " ".join(words)


def sentences(min_size: int = 1, max_size: int = 3) -> st.SearchStrategy[str]:
    """A title: sentences joined by ". "."""
    return st.lists(sentence(), min_size=min_size, max_size=max_size).map(". ".join)


translation = st.one_of(
    sentences(1, 2),
    st.builds(lambda a, b: f"{a} ({b})", sentence(), st.sampled_from(["1951–1953", "Based on Materials"])),
)

given_names = st.lists(st.sampled_from(["D.", "M. Yu.", "S.-J.", "A. V.", "H. S.", "K.", "P. J."]), min_size=1).map(
    lambda parts: parts[0]
)
family_name = st.one_of(
    capitalised,
    st.builds(lambda a, b: f"{a}-{b}", capitalised, capitalised),
    st.sampled_from(["Sarapul’tsev", "O’Neill", "McCarthy", "Ponomarev-Stepnoi"]),
)


def people(role: Role, min_size: int = 1, max_size: int = 3) -> st.SearchStrategy[tuple[Person, ...]]:
    """Persons of one role."""
    person = st.builds(Person, family=family_name, given=given_names, role=st.just(role))
    return st.lists(person, min_size=min_size, max_size=max_size).map(tuple)


year = st.integers(1800, 2030)
year_date = st.builds(PartialDate, year=year)
full_date = st.builds(PartialDate, year=year, month=st.integers(1, 12), day=st.integers(1, 28))
month_date = st.builds(PartialDate, year=year, month=st.integers(1, 12))

#: Latin-script places (a Cyrillic "М." in a Latin reference is a look-alike the parser repairs).
_PLACE_NAMES = sorted(p for p in PLACES if p not in REGIONS and not re.search("[Ѐ-ӿ]", p))
places = st.lists(st.sampled_from(_PLACE_NAMES), min_size=1, max_size=3, unique=True).map(tuple)
publisher = st.one_of(
    st.builds(lambda a, b: f"{a} {b}", capitalised, st.sampled_from(["Press", "Publ.", "Books", "Verlag"])),
    st.sampled_from(["Doubleday & Co, Inc.", "Simon & Schuster Paperbacks", "W. W. Norton", "ABC–Clio", "GPO"]),
    st.builds(lambda a, b: f"The {a} {b} Univ. Press", capitalised, capitalised),
)
count = st.integers(1, 2000).map(str)
number_range = st.one_of(
    count, st.builds(lambda a, b: f"{a}–{a + b}", st.integers(1, 900), st.integers(1, 99)), st.just("3/4")
)
journal = st.one_of(
    sentence(allow_initials=False),
    st.sampled_from(["Cold War Intern. History Project Bull.", "The J. of Am.-East Asian Relations", "Vestnik"]),
)


def _russian(title_translation: str | None, title: str = "") -> str | None:
    """The language the parser gives a work whose list prints no language note: its title's."""
    return title_language(title, translated=title_translation is not None)


def _book(**fields: object) -> Reference:
    translation_text = fields.get("title_translation")
    return Reference(language=_russian(translation_text if isinstance(translation_text, str) else None), **fields)  # type: ignore[arg-type]


@st.composite
def books(draw: st.DrawFn) -> Reference:
    """Books: authored or edited, optional translation, volumes with titles, imprint, page count."""
    role = draw(st.sampled_from([Role.AUTHOR, Role.AUTHOR, Role.EDITOR]))
    persons = draw(people(role))
    contributors = draw(st.one_of(st.just(()), people(Role.CONTRIBUTOR, max_size=2)))
    translated = draw(st.one_of(st.none(), translation))
    multi = draw(st.booleans())
    kind = draw(st.sampled_from(VolumeKind))
    volume_title = draw(st.one_of(st.none(), sentence())) if multi and kind is VolumeKind.VOLUME else None
    return _book(
        type=ReferenceType.BOOK,
        persons=persons + contributors,
        title=draw(sentences()),
        title_translation=translated,
        issued=draw(st.one_of(year_date, st.just(PartialDate(undated=True)))),
        places=draw(places),
        publisher=draw(publisher),
        number_of_volumes=draw(count) if multi else None,
        volume=draw(count) if multi else None,
        volume_kind=kind if multi else VolumeKind.VOLUME,
        volume_title=volume_title,
        page_count=draw(st.one_of(st.none(), count)),
    )


@st.composite
def theses(draw: st.DrawFn) -> Reference:
    """Dissertations: "Ph D. Diss." between title and imprint."""
    return Reference(
        type=ReferenceType.THESIS,
        persons=draw(people(Role.AUTHOR, max_size=1)),
        title=draw(sentences()),
        issued=draw(year_date),
        genre="Ph D. Diss.",
        places=draw(places),
        publisher=draw(publisher),
        page_count=draw(count),
    )


@st.composite
def chapters(draw: st.DrawFn) -> Reference:
    """Chapters in edited volumes: "In Book. Place, Publisher, pp. X–Y"."""
    return Reference(
        type=ReferenceType.CHAPTER,
        persons=draw(people(draw(st.sampled_from([Role.AUTHOR, Role.EDITOR])))),
        title=draw(sentences()),
        issued=draw(year_date),
        container_title=draw(sentence()),
        places=draw(places),
        publisher=draw(publisher),
        pages=draw(number_range),
    )


@st.composite
def articles(draw: st.DrawFn) -> Reference:
    """Journal articles: "In Journal. Vol. N. Season. No. N, pp. X–Y. DOI …"."""
    translated = draw(st.one_of(st.none(), translation))
    issued = draw(year_date)
    season = draw(st.one_of(st.none(), st.sampled_from(words_of("SEASON_NAME"))))
    volume = draw(st.one_of(st.none(), count))
    if season is not None and volume is not None:
        issued = issued.model_copy(update={"season": season})
    issue = draw(st.one_of(st.none(), number_range, st.just("4 (61)")))
    return Reference(
        type=ReferenceType.ARTICLE,
        persons=draw(people(Role.AUTHOR)),
        title=draw(sentences()),
        title_translation=translated,
        language=_russian(translated),
        issued=issued,
        container_title=draw(journal),
        volume=volume,
        issue=issue,
        issue_kind=draw(st.sampled_from(IssueKind)) if issue else IssueKind.NUMBER,
        pages=draw(number_range),
        doi=draw(st.one_of(st.none(), st.from_regex(r"10\.\d{4,6}/[a-z0-9.-]{3,20}[a-z0-9]", fullmatch=True))),
    )


url = st.from_regex(r"https://[a-z]{3,10}\.(org|ru|com)/[a-z0-9/-]{0,20}[a-z0-9/]", fullmatch=True)
fragment = st.from_regex(r"–[0-9a-z]{5,20}–[0-9]", fullmatch=True)


@st.composite
def webpages(draw: st.DrawFn) -> Reference:
    """Web sources: "In Site [website]. URL: … (mode of access: DD.MM.YYYY)"."""
    persons = draw(st.one_of(st.just(()), people(Role.AUTHOR, max_size=1)))
    if persons:
        issued = draw(st.one_of(st.none(), year_date, st.just(PartialDate(undated=True))))
    else:
        issued = draw(st.one_of(st.none(), year_date, full_date))
    translated = draw(st.one_of(st.none(), translation))
    link = draw(st.sampled_from(["none", "url", "fragment"]))
    return Reference(
        type=ReferenceType.WEBPAGE,
        persons=persons,
        title=draw(sentences()),
        title_translation=translated,
        language=_russian(translated),
        issued=issued,
        container_title=draw(sentences(1, 2)),
        medium=draw(st.sampled_from(["website", "official website"])),
        url=draw(url) if link == "url" else None,
        url_fragment=draw(fragment) if link == "fragment" else None,
        accessed=draw(full_date),
    )


@st.composite
def reports(draw: st.DrawFn) -> Reference:
    """Working papers: "Working Paper No. N. Place. Month, Year. In Site [website]. URL: …"."""
    issued = draw(st.one_of(year_date, month_date))
    return Reference(
        type=ReferenceType.REPORT,
        persons=draw(people(Role.AUTHOR, max_size=2)),
        title=draw(sentences()),
        issued=issued,
        genre="Working Paper",
        number=draw(count),
        places=draw(places),
        container_title=draw(sentences(1, 2)),
        medium=draw(st.sampled_from(["website", "official website"])),
        accessed=draw(full_date),
    )


@st.composite
def periodicals(draw: st.DrawFn) -> Reference:
    """Newspaper issues: "Title [Translation]. (Year). Month Day."."""
    translated = draw(st.one_of(st.none(), st.just(None), capitalised))
    return Reference(
        type=ReferenceType.PERIODICAL,
        title=draw(capitalised),
        title_translation=translated,
        language=_russian(translated),
        issued=draw(full_date),
    )


def _with_language(reference: Reference) -> Reference:
    """Every generated reference gets the language the parser's rule gives its title."""
    language = _russian(reference.title_translation, reference.title or "")
    return reference.model_copy(update={"language": language, "title_language": language})


references = st.one_of(books(), theses(), chapters(), articles(), webpages(), reports(), periodicals()).map(
    _with_language
)
