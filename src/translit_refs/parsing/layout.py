"""Layout rules: give each sentence of a parsed skeleton its role and build the Reference.

The grammar finds the head, the sentences and the markers; these rules decide what the
unmarked sentences are. The skeleton is read as groups: the leading run of sentences, then
each marker with the run that follows it. For each group the rules look at the marker before
it, at the markers still ahead (journal locators, a page count), and at each sentence's shape
(``shapes.py``):

- ``take_years``: bare years at the end of a group date the work;
- ``split_lead``: the leading run is the title, up to a translation, a slash, a container, an
  imprint, or the journal before the journal's locators;
- ``read_body``: the sentences after the title are, from the end, an imprint ("Place, Publisher",
  "Place. Publisher Publ.", "M.: Nauka"), then a container (a journal before its locators, or a
  collection or conference: "Proc. of …", "V trudakh …", "Collection «…»") with its event place;
- in the ``references`` family the sentence just before the year is the journal or the
  publisher even without a known shape ("Title. Kuchkovo pole, 2008. 448 p.");
- markers fill their own fields: "Vol. 2" (a journal's volume, or a book's with its title),
  "No. 4 (61)", "pp. 5–17", "448 p.", "(mode of access: …)", "GOST R …", "Patent RF No. …", …;
- the type follows from what was found (``reference_type``); the language is the work's
  (``work_language``): "ru" for a transliterated title, or when "(in Russian)" says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from lark import Token

from ..families.base import NEUTRAL, Family
from ..lexicons import LANGUAGE_NOTES, PUBLISHER_ENDINGS
from ..models import (
    Diagnostic,
    IssueKind,
    PartialDate,
    Person,
    Reference,
    ReferenceType,
    Role,
    Severity,
    VolumeKind,
)
from .dates import date_from_text, year_of
from .grammar import Element, Head, Sentence, Skeleton, names_in
from .imprint import Confidence, read_imprint
from .normalize import Normalised
from .language import title_language
from .persons import person
from .shapes import (
    continues_container,
    is_conference,
    is_container_cue,
    is_institution,
    is_journal_name,
    is_place,
    is_publisher,
    looks_like_place,
    place_split,
    publisher_name,
)
from .values import apa_locator, doi_in, issue_number, number_in, page_range, vancouver_locator

#: Markers after which a closing "Place, Publisher" sentence is an imprint.
IMPRINT_FOLLOWERS = frozenset(
    {"PAGE_COUNT", "VOLUME", "JOURNAL_VOLUME", "PART", "BOOK", "LANG_NOTE", "DOI", "URL", "BARE_URL", "ISBN",
     "REPORT_CODE", "ACCESS", "MEDIUM"}
)  # fmt: skip
#: Markers that locate an article in a journal (or a paper in a volume).
ARTICLE_LOCATORS = frozenset(
    {"JOURNAL_VOLUME", "ISSUE", "PAGES", "SEASON", "APA_LOCATOR", "VANCOUVER_LOCATOR", "ARTICLE_NO"}
)
WEB_MARKERS = frozenset({"MEDIUM", "URL", "BARE_URL", "ACCESS", "ACCESS_TEXT"})
#: Markers that close the title: what follows them is never the title.
TITLE_ENDS = frozenset({"TRANSLATION", "RESPONSIBILITY", "IN", "MEDIUM", "EDITORS", "N_VOLS"})
_JOURNAL_VOLUME_ONLY = frozenset({"JOURNAL_VOLUME"})
#: Markers that make a work something other than a journal article (its "p. 133" is no journal's).
NOT_IN_A_JOURNAL = frozenset({"REPORT_CODE", "REPORT_NO", "STANDARD", "PATENT", "THESIS"})
#: Markers that may open a reference, its title following ("NP-001-15. Title …", "IAEA-TECDOC-1656. Title").
DESIGNATIONS = frozenset({"STANDARD", "REPORT_CODE"})
_SERIES_WORD = re.compile(r"\S+")
#: A date that closes a sentence: "2-7 сентября 2012 г", "September 2-7, 2012", "Nov 21-23, 2007".
_CLOSING_DATE = re.compile(r"(?:\d{1,2}(?:[-–]\d{1,2})?\s[^\W\d_]{3,10}\.?,?\s|[A-Z][a-z]{2,8}\.?\s\d{1,2}(?:[-–]\d{1,2})?,\s)\d{4}(?:\sг)?$")
_COLLECTION = re.compile(r"(?:In\s)?Collection\s«([^«»]++)»")
_DIGITS = re.compile(r"\d+")
_VOLUMES = re.compile(r"\d++(?:,\d++)++")
_URL_TAIL = re.compile(r"[a-z0-9](?:[\w\-./?=&%#~]*[/\w])?")
#: "Working Paper No. 39", "Preprint FJEI- 2264", "report LA UR-02-1839": the series' name, then its number
#: (the first word that starts with a digit or two capitals).
_REPORT = re.compile(
    r"(?P<genre>[^\W\d_][a-zа-яё]*+\.?(?:\s[^\W\d_][a-zа-яё]*+\.?)*?)\s(?:No\.?\s?|no\.\s?|№\s?)?"
    r"(?P<number>(?:\d|[A-ZА-ЯЁ](?=[A-ZА-ЯЁ\d-])).*)"
)
_PATENT_NUMBER = re.compile(r"\d[\d\s/.,-]*+")
_BOOK_UNITS = ("vol", "book", "kn", "t", "т", "кн")


@dataclass(slots=True)
class _Draft:
    """Mutable fields gathered while the rules walk the skeleton."""

    text: str
    rules: Family
    fields: dict[str, Any] = field(default_factory=dict)
    persons: list[Person] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    kinds: set[str] = field(default_factory=set)
    imprint_found: bool = False
    chapter_imprint: bool = False
    dated_in_head: bool = False
    container_in_lead: bool = False

    def span(self, sentences: list[Sentence] | tuple[Sentence, ...]) -> str:
        return self.text[sentences[0].start : sentences[-1].end].strip()

    def token_text(self, token: Token) -> str:
        """A token as printed (from the display text)."""
        if token.start_pos is None or token.end_pos is None:
            return str(token.value)
        return self.text[token.start_pos : token.end_pos].strip()

    def set_once(self, key: str, value: Any) -> None:
        if value is not None and self.fields.get(key) is None:
            self.fields[key] = value

    def take_imprint(self, places: tuple[str, ...], publisher: str | None) -> None:
        if self.imprint_found:
            return
        self.fields["places"] = places
        if publisher and self.rules.publisher_mark_is_style:
            publisher = publisher_name(publisher)
        self.fields["publisher"] = publisher or None
        self.imprint_found = True

    def date_year(self, year: int | None) -> None:
        if year is not None and self.fields.get("issued") is None:
            self.fields["issued"] = PartialDate(year=year)

    def unplaced(self, sentence: Sentence) -> None:
        self.notes.append(sentence.text)
        self.diagnostics.append(
            Diagnostic(
                code="unplaced-sentence",
                message=f"kept in note, role not recognised: {sentence.text!r}",
                start=sentence.start,
                end=sentence.end,
            )
        )


@dataclass(frozen=True, slots=True)
class _Group:
    """A marker (None for the leading run) and the sentences after it."""

    kind: str
    element: Element | None
    run: tuple[Sentence, ...]


def assemble(
    skeleton: Skeleton,
    text: Normalised,
    raw: str,
    diagnostics: tuple[Diagnostic, ...],
    family: Family | None = None,
) -> Reference:
    """Build the Reference from the skeleton of ``text`` (the normalised ``raw``), read by ``family``'s rules.

    Field values are cut from the display text, so they keep what the grammar read differently
    (GOST's area dashes inside a title); markers are read from the grammar's tokens.
    """
    draft = _Draft(text.display, family or NEUTRAL)
    draft.diagnostics.extend(diagnostics)
    _read_head(draft, skeleton.head)
    shown = _shown_as_printed if text.display != text.text else _same
    groups = [_Group("LEAD", None, shown(draft, skeleton.lead))]
    groups += [_Group(_role_of(e, draft.text), e, shown(draft, e.run)) for e in skeleton.elements]
    draft.kinds = {g.kind for g in groups}
    if groups[1:] and groups[1].kind == "ARCHIVE_LOCATOR" and skeleton.lead:
        draft.fields["archive"] = groups[0].run[-1].text
        groups[0] = _Group("LEAD", None, groups[0].run[:-1])
    _series_names(draft, groups)
    if not groups[0].run and groups[1:] and groups[1].kind in DESIGNATIONS:
        # "NP-001-15. Obshchiye polozheniya …": the title follows the designation
        groups[:2] = [_Group("LEAD", None, groups[1].run), _Group(groups[1].kind, groups[1].element, ())]
    for index, group in enumerate(groups):
        ahead = [g.kind for g in groups[index + 1 :]]
        if group.element is not None:
            _read_marker(draft, group.element)
        _read_group(draft, group, ahead, after_title=index == 1 or group.kind in ("EDITORS", "RESPONSIBILITY"))
    _title_from_notes(draft)
    if draft.notes:
        draft.fields["note"] = ". ".join(draft.notes)
    title_language = _title_language(draft)
    return Reference(
        type=reference_type(draft),
        persons=tuple(draft.persons),
        language=work_language(draft, title_language),
        title_language=title_language,
        style_family=draft.rules.name,
        raw=raw,
        diagnostics=tuple(draft.diagnostics),
        **draft.fields,
    )


def _series_names(draft: _Draft, groups: list[_Group]) -> None:
    """"International Nuclear Verification Series no. 3": the sentence just before "Series no." names
    the series; it leaves the group it closes."""
    for index in range(1, len(groups)):
        before = groups[index - 1].run
        element = groups[index].element
        if groups[index].kind != "SERIES_NO" or not before or element is None:
            continue
        start = element.token.start_pos or 0
        if draft.text[before[-1].end : start].strip():
            continue  # a period or comma between: the series has no name of its own
        draft.fields["collection_title"] = draft.text[before[-1].start : start] + _SERIES_WORD.match(element.token.value).group()  # type: ignore[union-attr]
        groups[index - 1] = _Group(groups[index - 1].kind, groups[index - 1].element, before[:-1])


def _same(draft: _Draft, run: tuple[Sentence, ...]) -> tuple[Sentence, ...]:
    del draft
    return run


def _shown_as_printed(draft: _Draft, run: tuple[Sentence, ...]) -> tuple[Sentence, ...]:
    """The sentences with their text as printed, where the grammar read some characters otherwise."""
    return tuple(Sentence(draft.text[s.start : s.end], s.start, s.end, s.is_year) for s in run)


def _title_from_notes(draft: _Draft) -> None:
    """A reference has a title: without one, the first sentence no rule placed is it
    ("Available at: http://… (Sroki vvoda …)")."""
    if draft.fields.get("title") or not draft.notes:
        return
    draft.fields["title"] = draft.notes.pop(0).strip("() ")
    for index, diagnostic in enumerate(draft.diagnostics):
        if diagnostic.code == "unplaced-sentence":
            del draft.diagnostics[index]
            break


def _role_of(element: Element, text: str) -> str:
    """The element's kind, with "Vol. N" read as a journal's locator when no volume title follows it
    or when a comma precedes it ("Atomic energy, v. 114, Moscow, 2013")."""
    if element.kind == "VOLUME":
        before = (element.token.start_pos or 0) - 1
        while before >= 0 and text[before] == " ":
            before -= 1
        if not element.run or (before >= 0 and text[before] == ","):
            return "JOURNAL_VOLUME"
    return element.kind


# ---- head -----------------------------------------------------------------------------------


def _read_head(draft: _Draft, head: Head) -> None:
    role = Role.EDITOR if head.editor_mark is not None else Role.AUTHOR
    _add_persons(draft, head.names, role)
    if head.date is not None:
        year = year_of(head.date.value)
        draft.fields["issued"] = PartialDate(year=year) if year else PartialDate(undated=True)
        draft.dated_in_head = True


def _add_persons(draft: _Draft, tokens: tuple[Token, ...], role: Role) -> None:
    for token in tokens:
        if token.type == "ETAL":
            draft.fields["et_al"] = True
        else:
            draft.persons.append(person(token.type, token.value, role))


# ---- groups ---------------------------------------------------------------------------------


def _read_group(draft: _Draft, group: _Group, ahead: list[str], after_title: bool) -> None:
    """The sentences of one group, by the marker before them and the markers ahead."""
    run = _claimed_by_marker(draft, group, list(group.run))
    if group.kind == "LEAD":
        run, year_after = take_years(draft, run, in_lead=True)
        title = split_lead(draft, _Body.of(run, 1, year_after, ahead))
        if title:
            draft.fields["title"] = draft.span(title)
        return
    run, year_after = take_years(draft, run, in_lead=False)
    if not run:
        return
    if group.kind == "IN" and draft.fields.get("container_title") is None:
        read_container_group(draft, _Body.of(run, 1, year_after, ahead))
    else:
        read_body(draft, _Body.of(run, 0, year_after, ahead), after_title=after_title)


def _claimed_by_marker(draft: _Draft, group: _Group, run: list[Sentence]) -> list[Sentence]:
    """Sentences a marker claims for itself: a book volume's title, the rest of a URL cut by a space."""
    if group.kind == "VOLUME" and run and not run[0].is_year:
        if draft.imprint_found or read_imprint(run[0].text).confidence is not Confidence.KNOWN_PLACE:
            draft.set_once("volume_title", run.pop(0).text)
    elif group.kind in ("URL", "BARE_URL") and group.element is not None and run:
        url = draft.fields.get("url") or ""
        if url.endswith("/") and _URL_TAIL.fullmatch(run[0].text):
            draft.fields["url"] = url + run.pop(0).text
            draft.diagnostics.append(_warning("url-rejoined", "a space inside the URL was removed", group.element.token))
    return run


def take_years(draft: _Draft, run: list[Sentence], in_lead: bool) -> tuple[list[Sentence], bool]:
    """Bare years date the work; returns the other sentences and whether a year closed the group.

    In the leading run a year stays part of the title when the head or a later "(Year)" dates
    the work ("FRUS. 1950. Vol. 1. (1977)"), or when it is the run's only sentence.
    """
    if in_lead and (draft.dated_in_head or "DATE_PAREN" in draft.kinds or len(run) < 2):
        return run, False
    if not any(sentence.is_year for sentence in run):
        return run, False
    year_after = bool(run) and run[-1].is_year
    kept: list[Sentence] = []
    for index, sentence in enumerate(run):
        if not sentence.is_year or (in_lead and index < len(run) - 1 and not year_after):
            kept.append(sentence)
        elif draft.fields.get("issued") is None:
            draft.date_year(year_of(sentence.text))
    if in_lead and not kept:
        return run[:1], False
    return kept, year_after


@dataclass(frozen=True, slots=True)
class _Body:
    """Sentences to give roles to: from ``first`` on (the leading run keeps its first as the title),
    whether a year closed them, and the kinds of the markers ahead."""

    sentences: list[Sentence]
    first: int
    year_after: bool
    ahead: list[str]
    locators: frozenset[str] = frozenset()

    @classmethod
    def of(cls, sentences: list[Sentence], first: int, year_after: bool, ahead: list[str]) -> _Body:
        return cls(sentences, first, year_after, ahead, ARTICLE_LOCATORS.intersection(ahead))

    @property
    def following(self) -> str | None:
        return self.ahead[0] if self.ahead else None

    def only_volume_ahead(self) -> bool:
        """A bare "Vol. N" is the only locator ahead: a multi-volume book's, after its imprint."""
        return self.locators == _JOURNAL_VOLUME_ONLY

    def journal_ahead(self, draft: _Draft) -> bool:
        """Journal locators ahead and no container yet: the sentences hold the journal."""
        if not self.locators or draft.fields.get("container_title") is not None or "IN" in self.ahead:
            return False
        if draft.kinds & NOT_IN_A_JOURNAL:
            return False
        return not ("N_VOLS" in draft.kinds and self.only_volume_ahead())


def split_lead(draft: _Draft, body: _Body) -> list[Sentence]:
    """The leading run: its title, and what ``read_body`` finds after the title."""
    lead = body.sentences
    if not lead:
        return lead
    if body.following in TITLE_ENDS:
        cue = next((i for i in range(1, len(lead)) if is_container_cue(lead[i].text)), None)
        if cue is None or body.following not in ("TRANSLATION", "N_VOLS"):
            return lead
        _set_container(draft, lead[cue:])  # "Title. Sbornik nauchnyh trudov [Translation of both]."
        draft.container_in_lead = body.following == "TRANSLATION"
        return lead[:cue]
    end = read_body(draft, body, lead=True)
    if end == len(lead) and body.journal_ahead(draft) and len(lead) == 1:
        end = _journal_after_comma(draft, lead[0])
        return lead if end is None else [Sentence(lead[0].text[:end], lead[0].start, lead[0].start + end)]
    return lead[:end]


def read_body(draft: _Draft, body: _Body, after_title: bool = True, lead: bool = False) -> int:
    """Imprint, then container, among the body's sentences, read from the end.

    Returns where the roles begin; in the leading run the sentences before are the title,
    elsewhere they are kept as a note.
    """
    sentences, first = body.sentences, body.first
    end = _imprint_at_end(draft, body, len(sentences))
    end = _container(draft, body, end, after_title)
    end = _publisher_before_year(draft, body, end, lead)
    if not lead:
        for sentence in sentences[first:end]:
            _date_or_note(draft, sentence)
    return end


def _date_or_note(draft: _Draft, sentence: Sentence) -> None:
    """A sentence no rule placed: its closing date dates an undated work ("г. Нара, Япония, 2-7 сентября
    2012 г" after a conference's name); the sentence is kept as a note either way."""
    if draft.fields.get("issued") is None:
        closing = _CLOSING_DATE.search(sentence.text)
        if closing is not None:
            draft.fields["issued"] = date_from_text(closing.group())
    draft.unplaced(sentence)


def _imprint_at_end(draft: _Draft, body: _Body, end: int, container_given: bool = False) -> int:
    """The imprint that closes ``sentences[first:end]``; returns where it starts.

    "Moscow, Nauka", "M.: Nauka", "Obninsk: SSC RF-IPPE"; "Moscow. Energoatomizdat Publ." and
    "Moscow. Nauka. Fizmatlit Publ." over several sentences; a publisher alone ("World Scientific",
    "Los Alamos National Laboratory" before a report number); a place alone ("Ufa", before a year).
    """
    sentences, first = body.sentences, body.first
    if draft.imprint_found or end <= first:
        return end
    in_journal = body.journal_ahead(draft) and not _collection_among(sentences, first, end - 1) and not container_given
    last = sentences[end - 1]
    imprint = read_imprint(last.text)
    publisher = imprint.publisher or ""
    conference = is_conference(publisher)
    if in_journal and last.text.endswith(PUBLISHER_ENDINGS):
        in_journal = False  # "St. Petersburg. NPO «Professional» Publ., 2010, pp. 15-95": a book's pages
    if imprint.confidence is Confidence.KNOWN_PLACE and not conference:
        if in_journal and not body.only_volume_ahead():
            return end
        draft.take_imprint(imprint.places, imprint.publisher)
        draft.chapter_imprint = container_given or body.journal_ahead(draft) and not body.only_volume_ahead()
        return end - 1
    if in_journal:
        return end
    if imprint.confidence is Confidence.SHAPE and is_publisher(publisher):  # "Walla Walla, Whitman College Press"
        draft.take_imprint(imprint.places, publisher)
        return end - 1
    if is_container_cue(last.text) or is_conference(last.text):
        return end
    if is_publisher(last.text) or (body.following in ("REPORT_CODE", "REPORT_NO") and is_institution(last.text)):
        start = end - 1
        while start - 1 > first and is_publisher(sentences[start - 1].text) and not is_place(sentences[start - 1].text):
            start -= 1
        if start > first and _place_before_publisher(draft, sentences[start - 1].text, last.text):
            draft.take_imprint(_places(sentences[start - 1].text), draft.span(sentences[start:end]))
            draft.chapter_imprint = container_given or body.journal_ahead(draft)
            return start - 1
        draft.take_imprint((), draft.span(sentences[start:end]))
        return start
    if is_place(last.text):
        draft.take_imprint(_places(last.text), None)
        return end - 1
    if end - 2 >= first and is_place(sentences[end - 2].text) and not is_conference(last.text):
        draft.take_imprint(_places(sentences[end - 2].text), last.text)  # "Sarov. FGUP «RFNC-VNIIEF», 2007"
        return end - 2
    book_like = body.following in IMPRINT_FOLLOWERS or body.following is None
    book_like = book_like or (body.year_after and draft.rules.year_follows_imprint)
    if imprint.confidence is Confidence.SHAPE and book_like and publisher and not conference:
        if end - 1 > first or not draft.rules.year_follows_imprint:
            draft.take_imprint(imprint.places, publisher)
            return end - 1
    if first == 0:
        prefix, places, rest = place_split(last.text)
        if places and prefix and rest and not is_conference(rest):
            # "Instead of GOST 16263 – 70, introduced, 2001-01-01, Minsk, The Interstate Council …"
            draft.take_imprint(_places(places), rest)
            draft.notes.append(prefix)
            return end - 1
    return end


def _place_before_publisher(draft: _Draft, sentence: str, publisher: str) -> bool:
    """A known place; in the References family also a town no lexicon knows, before "… Publ."
    ("Rostov-na-Donu. Yuzhnyj federal’nyj universitet Publ.")."""
    if is_place(sentence):
        return True
    return draft.rules.publisher_mark_is_style and publisher.endswith("Publ.") and looks_like_place(sentence)


def _places(text: str) -> tuple[str, ...]:
    return read_imprint(text).places or (text.strip(),)


def _collection_among(sentences: list[Sentence], first: int, end: int) -> bool:
    """Whether a collection's or conference's title stands among ``sentences[first:end]``."""
    return any(is_container_cue(s.text) or is_conference(s.text) for s in sentences[first:end])


def _container(draft: _Draft, body: _Body, end: int, after_title: bool) -> int:
    """A collection or conference ("Proc. of …", "V trudakh …", "7-th Russian Conference on …")
    anywhere after the title, else the journal that closes the sentences before its locators."""
    sentences, first = body.sentences, body.first
    if draft.fields.get("container_title") is not None or end <= first:
        return end
    start = first if after_title or first > 0 else 1
    cue = next((i for i in range(start, end) if is_container_cue(sentences[i].text) or is_conference(sentences[i].text)), None)
    if cue is not None:
        stop = cue + 1
        while stop < end and not is_place(sentences[stop].text) and not is_publisher(sentences[stop].text):
            stop += 1
        _set_container(draft, sentences[cue:stop])
        for sentence in sentences[stop:end]:
            _event_place_or_note(draft, sentence)
        return cue
    if body.journal_ahead(draft) and not sentences[end - 1].is_year:
        journal = _journal_start(sentences, first, end)
        draft.fields["container_title"] = draft.span(sentences[journal:end])
        return journal
    return end


def _set_container(draft: _Draft, sentences: list[Sentence]) -> None:
    """A collection's or conference's title; places and dates printed after it in the same sentence
    are the event's ("Proceedings of Global 2009, Paris, France, September 6-11")."""
    text = draft.span(sentences)
    title, places, rest = place_split(text) if len(sentences) == 1 else (text, "", "")
    if places and title and not is_conference(rest):
        draft.set_once("event_place", places)
        if rest:
            _refine_date(draft, rest)
        text = title
    elif places and not title:  # "Dimitrovgrad, 7-th Russian Conference on Reactor Materials"
        draft.set_once("event_place", places)
        text = rest
    quoted = _COLLECTION.fullmatch(text)
    draft.fields["container_title"] = quoted.group(1) if quoted else text


def _event_place_or_note(draft: _Draft, sentence: Sentence) -> None:
    """After a conference's title: its place ("Grenoble, France"), perhaps with its dates ("Venice, Italy, Nov 21-23")."""
    _, places, rest = place_split(sentence.text)
    if places and draft.fields.get("event_place") is None and (not rest or date_from_text(rest) is not None):
        draft.fields["event_place"] = places
        if rest:
            _refine_date(draft, rest)
    else:
        draft.unplaced(sentence)


def _journal_start(sentences: list[Sentence], first: int, end: int) -> int:
    """Index of the first sentence of a journal name that closes ``sentences[first:end]``."""
    start = end - 1
    while start > first and continues_container(sentences[start].text, sentences[start - 1].text):
        start -= 1
    return start


def _journal_after_comma(draft: _Draft, sentence: Sentence) -> int | None:
    """A title and a journal in one sentence ("Strategic view …, Atomic Energy, 2019, vol. 3"):
    the journal is its last comma-separated part; returns where the title ends."""
    cut = sentence.text.rfind(", ")
    if cut <= 0:
        return None
    draft.fields["container_title"] = sentence.text[cut + 2 :].strip()
    return cut


def _publisher_before_year(draft: _Draft, body: _Body, end: int, lead: bool) -> int:
    """The References family's rule: the sentence just before the year is the publisher
    ("[Translation]. Kuchkovo pole, 2008. 448 p.") when nothing else has taken it."""
    if not (draft.rules.year_follows_imprint and body.year_after) or draft.imprint_found or end <= body.first:
        return end
    if body.journal_ahead(draft) or (lead and end - 1 < 1) or draft.fields.get("container_title") is not None:
        return end
    draft.take_imprint((), body.sentences[end - 1].text)
    return end - 1


def read_container_group(draft: _Draft, body: _Body) -> None:
    """'In …' or '// …': the container, with a chapter's imprint before ', pp.' (a web site's
    container, before "[website]" or a URL, has none)."""
    end = len(body.sentences)
    if body.following not in WEB_MARKERS:
        end = _imprint_at_end(draft, body, end, container_given=True)
    _set_container(draft, body.sentences[:end])


# ---- markers --------------------------------------------------------------------------------


def _read_marker(draft: _Draft, element: Element) -> None:
    """Fields a marker fills by itself."""
    reader = _MARKER_READERS.get(element.kind)
    if reader is not None:
        reader(draft, element, element.token.value.strip())


def _translation(draft: _Draft, element: Element, value: str) -> None:
    """The bracketed translation of the title, or of the container after it; one bracket after a
    title and a collection ("Title. Sbornik trudov [Title's translation. Proceedings]") holds both."""
    del value
    inner = draft.token_text(element.token)[1:-1].strip()
    if draft.container_in_lead and draft.fields.get("title_translation") is None:
        head, _, tail = inner.rpartition(". ")
        if head and tail:
            draft.fields["title_translation"] = head
            draft.fields["container_translation"] = tail.rstrip(".")
        else:
            draft.fields["title_translation"] = inner
        return
    key = "container_translation" if draft.fields.get("container_title") else "title_translation"
    draft.set_once(key, inner)


def _volumes(draft: _Draft, element: Element, value: str) -> None:
    count = _DIGITS.search(value)
    unit = value.split()[-1].lower()
    key = "number_of_volumes" if unit.startswith(_BOOK_UNITS) else "number_of_parts"
    draft.set_once(key, count.group() if count else None)
    if unit.startswith(("book", "kn", "кн")):
        draft.fields["volume_kind"] = VolumeKind.BOOK
    del element


def _issue(draft: _Draft, element: Element, value: str) -> None:
    if "PATENT" in draft.kinds and draft.fields.get("number") is None:
        draft.set_once("number", number_in(value))
        return
    draft.set_once("issue", issue_number(value))
    if value.lower().startswith(("iss", "vyp", "вып")):
        draft.fields["issue_kind"] = IssueKind.ISSUE
    del element


def _book(draft: _Draft, element: Element, value: str) -> None:
    if draft.fields.get("volume") is None:
        draft.fields["volume_kind"] = VolumeKind.BOOK
    draft.set_once("volume" if draft.fields.get("volume") is None else "part", number_in(value))
    del element


def _report(draft: _Draft, element: Element, value: str) -> None:
    report = _REPORT.fullmatch(value.rstrip(".,"))
    genre, number = (report.group("genre"), report.group("number")) if report else (value.rstrip(".,"), None)
    if genre == "Paper":  # a conference paper's number ("Paper CN-195"), not a report series
        draft.kinds.discard("REPORT_NO")
    else:
        draft.set_once("genre", genre)
    if number:
        draft.set_once("number", number.replace("- ", "-"))
    del element


def _volume(draft: _Draft, element: Element, value: str) -> None:
    """"Vol. 2", "v. 117 (5)" (a volume and its issue), "V.1,2." (two volumes)."""
    del element
    volume, _, issue = value.partition("(")
    numbers = _VOLUMES.search(volume)
    draft.set_once("volume", numbers.group() if numbers else number_in(volume))
    if issue:
        draft.set_once("issue", issue.rstrip(") "))


def _edition(draft: _Draft, element: Element, value: str) -> None:
    """"2nd ed.", "2-е изд."; an edition named by its year ("2001 Edition") dates the work."""
    del element
    number = _DIGITS.search(value)
    if number and len(number.group()) == 4:
        draft.date_year(int(number.group()))
    elif number:
        draft.set_once("edition", number.group())


def _published(draft: _Draft, element: Element, value: str) -> None:
    """"Опубл. 17.02.2015": a patent's date of publication."""
    del element
    found = date_from_text(value)
    if found is not None:
        draft.set_once("issued", found)


def _series(draft: _Draft, element: Element, value: str) -> None:
    """"Series no. 3": the series' number (its name is set from the sentence before, ``_series_names``)."""
    del element
    draft.set_once("collection_number", value.rpartition(" ")[2].rstrip(".,"))


def _date_paren(draft: _Draft, element: Element, value: str) -> None:
    """"(1969)", "(N. d.)", "(Jun. 30, 2011.)"."""
    del element
    found = date_from_text(value) if any(c.isalpha() for c in value.strip("(). Nnd")) else None
    year = year_of(value)
    draft.set_once("issued", found or (PartialDate(year=year) if year else PartialDate(undated=True)))


def _editors_note(draft: _Draft, element: Element, value: str) -> None:
    """"(Ed. by the acad. of RAS Ponomarev-Stepnoy N.N.)": the names the statement holds are editors."""
    for found in names_in(value):
        draft.persons.append(person(found.type, found.value, Role.EDITOR))
    del element


def _season(draft: _Draft, element: Element, value: str) -> None:
    issued = draft.fields.get("issued") or PartialDate()
    draft.fields["issued"] = issued.model_copy(update={"season": value})
    del element


def _url(draft: _Draft, element: Element, value: str) -> None:
    url = value if element.kind == "BARE_URL" else (element.value.value if element.value is not None else "").strip()
    if not url:
        return
    if url.startswith(("http://", "https://", "www.")):
        draft.set_once("url", url.rstrip(".,;"))
    else:
        draft.set_once("url_fragment", url)
        draft.diagnostics.append(
            Diagnostic(
                code="torn-url",
                message=f"the URL was lost; only the fragment {url!r} remains",
                severity=Severity.WARNING,
            )
        )


def _doi(draft: _Draft, element: Element, value: str) -> None:
    doi = doi_in(value)
    if doi and doi not in value:
        draft.diagnostics.append(
            Diagnostic(
                code="doi-dashes",
                message="dashes in the DOI read as hyphen-minus",
                severity=Severity.INFO,
                start=element.token.start_pos,
                end=element.token.end_pos,
            )
        )
    draft.set_once("doi", doi)


def _language_note(draft: _Draft, element: Element, value: str) -> None:
    """"(in Russian)", "(In Russ., abstr. in Engl.)", and their misspellings ("(in Rissian)", "(in Ucraine)")."""
    del element
    name = value.strip("()").split(maxsplit=1)[-1].split(",")[0].strip()
    code = LANGUAGE_NOTES.get(name) or LANGUAGE_NOTES.get(name[:3]) or ("ru" if name.startswith("R") else None)
    draft.set_once("noted_language", code)


def _apa(draft: _Draft, element: Element, value: str) -> None:
    locator = apa_locator(value) if element.kind == "APA_LOCATOR" else vancouver_locator(value)
    if locator:
        year, volume, issue, pages = locator
        if year:
            draft.date_year(int(year))
        draft.set_once("volume", volume)
        draft.set_once("issue", issue)
        draft.set_once("pages", pages)


def _responsibility(draft: _Draft, element: Element, value: str) -> None:
    """"/ with A. Smith" (contributors), "/ ed. by …" (editors), "/ I. I. Ivanov" (GOST: the authors again)."""
    lowered = value.lower()
    if element.kind == "EDITORS" or "ed" in lowered or "ред" in lowered:
        role = Role.EDITOR
    elif "tr" in lowered or "per" in lowered or "пер" in lowered:
        role = Role.TRANSLATOR
    elif "with" in lowered or "comp" in lowered:
        role = Role.CONTRIBUTOR
    elif draft.persons:
        return  # GOST repeats the authors after the title
    else:
        role = Role.AUTHOR
    _add_persons(draft, element.names, role)


def _standard(draft: _Draft, element: Element, value: str) -> None:
    draft.set_once("number", value.rstrip(".,"))
    del element


def _patent(draft: _Draft, element: Element, value: str) -> None:
    number = _PATENT_NUMBER.search(value)
    if number:
        draft.set_once("number", number.group().strip(" .,"))
    del element


def _set(field_name: str, reader: Any = None) -> Any:
    """A marker reader that stores the marker's value (through ``reader``) in one field, once."""

    def read(draft: _Draft, element: Element, value: str) -> None:
        draft.set_once(field_name, reader(value) if reader else value)
        del element

    return read


_MARKER_READERS: dict[str, Any] = {
    "TRANSLATION": _translation,
    "MEDIUM": _set("medium", lambda v: v[1:-1].strip()),
    "N_VOLS": _volumes,
    "VOLUME": _volume,
    "JOURNAL_VOLUME": _volume,
    "ISSUE": _issue,
    "PAGES": _set("pages", page_range),
    "PAGE_COUNT": _set("page_count", lambda v: _DIGITS.search(v).group()),  # type: ignore[union-attr]
    "ARTICLE_NO": _set("number", lambda v: _DIGITS.findall(v)[-1]),
    "SERIES_NO": _series,
    "EDITION": _edition,
    "PUBLISHED": _published,
    "PART": _set("part", number_in),
    "BOOK": _book,
    "THESIS": _set("genre"),
    "REPORT_NO": _report,
    "REPORT_CODE": _set("number", lambda v: v.rstrip(".,;")),
    "STANDARD": _standard,
    "PATENT": _patent,
    "ISBN": _set("isbn", lambda v: v.split(maxsplit=1)[-1].lstrip(": ")),
    "DATE_PAREN": _date_paren,
    "DATE_TEXT": lambda draft, element, value: _refine_date(draft, value),
    "SEASON": _season,
    "ACCESS": _set("accessed", date_from_text),
    "ACCESS_TEXT": _set("accessed", date_from_text),
    "URL": _url,
    "BARE_URL": _url,
    "DOI": _doi,
    "LANG_NOTE": _language_note,
    "APA_LOCATOR": _apa,
    "VANCOUVER_LOCATOR": _apa,
    "ARCHIVE_LOCATOR": _set("archive_location", lambda v: v.rstrip(".")),
    "RESPONSIBILITY": _responsibility,
    "EDITORS": _responsibility,
    "EDITORS_NOTE": _editors_note,
    "ED_MARK": lambda draft, element, value: draft.diagnostics.append(
        _warning("misplaced-editor-mark", "editor mark outside the head", element.token)
    ),
}


def _refine_date(draft: _Draft, value: str) -> None:
    current: PartialDate | None = draft.fields.get("issued")
    found = date_from_text(value, year=current.year if current else None)
    if found is None:
        return
    if current is None or current.year in (None, found.year):
        draft.fields["issued"] = found
    else:
        draft.diagnostics.append(
            Diagnostic(code="conflicting-dates", message=f"date {value!r} disagrees with year {current.year}")
        )


def _warning(code: str, message: str, token: Token) -> Diagnostic:
    return Diagnostic(code=code, message=message, start=token.start_pos, end=token.end_pos)


# ---- type and language ----------------------------------------------------------------------


def _title_language(draft: _Draft) -> str | None:
    return title_language(draft.fields.get("title") or "", translated=bool(draft.fields.get("title_translation")))


def work_language(draft: _Draft, title_language: str | None) -> str | None:
    """The language of the work: the one a note names ("(in Russian)", "(In Russ.)"), else the title's."""
    noted: str | None = draft.fields.pop("noted_language", None)
    if noted:
        return noted
    return title_language


def reference_type(draft: _Draft) -> ReferenceType:
    """The item type from the markers and the roles found."""
    fields = draft.fields
    kinds = draft.kinds
    container = fields.get("container_title")
    editors_only = bool(draft.persons) and all(p.role is Role.EDITOR for p in draft.persons)
    issued: PartialDate | None = fields.get("issued")
    if "THESIS" in kinds:
        return ReferenceType.THESIS
    if "PATENT" in kinds:
        return ReferenceType.PATENT
    if "STANDARD" in kinds and not container:
        return ReferenceType.STANDARD
    if kinds & {"REPORT_NO", "REPORT_CODE"} and not (container and kinds & ARTICLE_LOCATORS):
        return ReferenceType.REPORT
    if container:
        if _is_proceedings(container, kinds):
            return ReferenceType.PAPER
        if container.startswith(("Collection", "In Collection", "Sbornik", "Sb.", "Сборник", "Сб.")):
            return ReferenceType.CHAPTER
        if kinds & WEB_MARKERS and not kinds & ARTICLE_LOCATORS:
            return ReferenceType.WEBPAGE
        if draft.chapter_imprint or (editors_only and "IN" in kinds):
            return ReferenceType.CHAPTER
        return ReferenceType.ARTICLE
    if draft.imprint_found or kinds & {"PAGE_COUNT", "N_VOLS", "ISBN"}:
        return ReferenceType.BOOK
    if kinds & WEB_MARKERS:
        return ReferenceType.WEBPAGE
    if fields.get("archive_location"):
        return ReferenceType.DOCUMENT
    if issued is not None and issued.day is not None:
        return ReferenceType.PERIODICAL
    return ReferenceType.BOOK if fields.get("title") else ReferenceType.DOCUMENT


def _is_proceedings(container: str, kinds: set[str]) -> bool:
    """A conference's proceedings, not a journal that happens to hold a conference word."""
    if is_journal_name(container) or "ISSUE" in kinds:
        return False
    return is_conference(container) or container.startswith(("Proc", "Trudy", "V trudakh", "Materialy", "Труды", "Материалы"))
