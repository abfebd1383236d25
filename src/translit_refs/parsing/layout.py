"""Layout rules: give each sentence of a parsed skeleton its role and build the Reference.

The grammar finds sentences and markers; these rules decide, from the marker that follows a
sentence and from its shape, whether it is title, imprint, container or volume title:

- the leading run is the title; its last sentence is the imprint when it has the
  "Place, Publisher" shape and is followed by a page count, volume, part, book or the end;
  it is the journal when followed by volume/issue/pages markers;
- a bare year closing the leading run is the date when nothing else dates the work;
- "In …" opens the container; its last sentence is the imprint of a chapter before ", pp.";
- the sentence after "Vol. N" is the volume title; after any other marker sentences are
  the imprint, the journal or a year, in that order of preference.
"""

from __future__ import annotations

import re
from typing import Any

from lark import Token

from ..lexicons import CONTAINER_CONTINUATIONS, CONTAINER_FAMILY, LANGUAGE_NOTES
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
from .grammar import Element, Head, Sentence, Skeleton
from .imprint import Confidence, is_known_place, read_imprint
from .language import looks_english, looks_transliterated
from .values import apa_locator, doi_in, number_in

#: Markers after which a closing "Place, Publisher" sentence is an imprint.
IMPRINT_FOLLOWERS = frozenset(
    {"PAGE_COUNT", "VOLUME", "JOURNAL_VOLUME", "PART", "BOOK", "LANG_NOTE", "DOI", "URL", "BARE_URL"}
)
#: Markers that locate an article in a journal.
ARTICLE_LOCATORS = frozenset({"JOURNAL_VOLUME", "ISSUE", "PAGES", "SEASON", "APA_LOCATOR"})
WEB_MARKERS = frozenset({"MEDIUM", "URL", "BARE_URL", "ACCESS"})

_NAME = re.compile(r"^(?P<family>.+?)\s?,?\s?(?P<given>(?:[A-ZА-ЯЁ][a-z]{0,3}\.?\s?-?\s?)+)$")
_GIVEN_FIRST = re.compile(r"^(?P<given>(?:[A-ZА-ЯЁ][a-z]{0,3}\.\s?-?\s?)+)\s?(?P<family>.+)$")
_DIGITS = re.compile(r"\d+")
_URL_TAIL = re.compile(r"[a-z0-9][\w\-./?=&%#~]*[/\w]")
_REPORT = re.compile(r"(?P<genre>.+?)\s(?:No\.?\s?)?(?P<number>\d[\w./-]*)$")
_BOOK_UNITS = ("vol", "book", "kn", "t")


class _Draft:
    """Mutable fields gathered while the rules walk the skeleton."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.fields: dict[str, Any] = {}
        self.persons: list[Person] = []
        self.diagnostics: list[Diagnostic] = []
        self.imprint_found = False
        self.chapter_imprint = False
        self.notes: list[str] = []

    def span(self, sentences: list[Sentence] | tuple[Sentence, ...]) -> str:
        return self.text[sentences[0].start : sentences[-1].end].strip()

    def set_once(self, key: str, value: Any) -> None:
        if value is not None and self.fields.get(key) is None:
            self.fields[key] = value

    def take_imprint(self, places: tuple[str, ...], publisher: str | None) -> None:
        self.fields["places"] = places
        self.fields["publisher"] = publisher
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


def assemble(skeleton: Skeleton, text: str, raw: str, diagnostics: tuple[Diagnostic, ...]) -> Reference:
    """Build the Reference from the skeleton of ``text`` (the normalised ``raw``)."""
    draft = _Draft(text)
    draft.diagnostics.extend(diagnostics)
    _read_head(draft, skeleton.head)
    elements = skeleton.elements
    kinds = [e.kind for e in elements]
    roles: list[str | None] = [_role_of(e) for e in elements]
    roles.append(None)
    lead = list(skeleton.lead)
    if roles[0] == "ARCHIVE_LOCATOR":
        _read_archive(draft, lead)
    _read_lead(draft, lead, roles[0], "DATE_PAREN" in kinds)
    for element, next_role in zip(elements, roles[1:], strict=True):
        _read_element(draft, element, next_role)
    if draft.notes:
        draft.fields["note"] = ". ".join(draft.notes)
    return Reference(
        type=_reference_type(draft, set(kinds)),
        persons=tuple(draft.persons),
        language=_language(draft),
        raw=raw,
        diagnostics=tuple(draft.diagnostics),
        **draft.fields,
    )


def _role_of(element: Element) -> str:
    """The element's kind, with "Vol. N" alone (no volume title after it) read as a journal locator."""
    if element.kind == "VOLUME" and not element.run:
        return "JOURNAL_VOLUME"
    return element.kind


def _read_head(draft: _Draft, head: Head) -> None:
    role = Role.EDITOR if head.editor_mark is not None else Role.AUTHOR
    for token in head.names:
        if token.type == "ETAL":
            draft.fields["et_al"] = True
            continue
        draft.persons.append(_person(token.value, role, given_first=token.type == "GIVEN_NAME"))
    if head.date is not None:
        inner = head.date.value.strip("() ")
        year = year_of(inner)
        draft.fields["issued"] = PartialDate(year=year) if year else PartialDate(undated=True)


def _person(text: str, role: Role, given_first: bool) -> Person:
    text = " ".join(text.split())
    match = (_GIVEN_FIRST if given_first else _NAME).match(text)
    if not match:
        return Person(family=text, role=role)
    return Person(family=match.group("family").strip(" ,"), given=match.group("given").strip(), role=role)


def _read_lead(draft: _Draft, lead: list[Sentence], following: str | None, dated_later: bool) -> None:
    """The leading run: title, then possibly a date, an imprint or a journal."""
    if not dated_later and draft.fields.get("issued") is None and len(lead) > 1 and lead[-1].is_year:
        draft.date_year(year_of(lead.pop().text))
    if len(lead) > 1:
        last = lead[-1]
        imprint = read_imprint(last.text)
        if imprint.confidence is Confidence.KNOWN_PLACE and following in IMPRINT_FOLLOWERS | {None}:
            draft.take_imprint(imprint.places, imprint.publisher)
            lead.pop()
        elif following in ARTICLE_LOCATORS and not last.is_year:
            start = max(1, _container_start(lead))
            draft.fields["container_title"] = draft.span(lead[start:])
            del lead[start:]
        elif imprint.confidence is Confidence.SHAPE and following in IMPRINT_FOLLOWERS | {None}:
            draft.take_imprint(imprint.places, imprint.publisher)
            lead.pop()
        elif len(lead) > 2 and is_known_place(lead[-2].text) and following in IMPRINT_FOLLOWERS | {None}:
            draft.take_imprint((lead[-2].text,), last.text)
            del lead[-2:]
    if lead:
        draft.fields["title"] = draft.span(lead)


def _read_archive(draft: _Draft, lead: list[Sentence]) -> None:
    """Before an archival signature the last sentence names the archive ("GARF (State Archive …)")."""
    if lead:
        draft.fields["archive"] = lead.pop().text


def _container_start(sentences: list[Sentence]) -> int:
    """Index of the first sentence of a journal name that closes ``sentences``."""
    start = len(sentences) - 1
    while start > 0 and (
        sentences[start].text.startswith(CONTAINER_CONTINUATIONS) or CONTAINER_FAMILY.match(sentences[start - 1].text)
    ):
        start -= 1
    return start


def _read_element(draft: _Draft, element: Element, following: str | None) -> None:
    token = element.token
    value = token.value.strip()
    run = list(element.run)
    kind = element.kind
    if kind == "TRANSLATION":
        inner = value[1:-1].strip()
        key = "container_translation" if draft.fields.get("container_title") else "title_translation"
        draft.set_once(key, inner)
    elif kind == "MEDIUM":
        draft.set_once("medium", value[1:-1].strip())
    elif kind == "IN":
        run = _read_container(draft, run, following)
    elif kind == "N_VOLS":
        count = _DIGITS.search(value)
        unit = value.split()[-1].lower()
        key = "number_of_volumes" if unit.startswith(_BOOK_UNITS) else "number_of_parts"
        draft.set_once(key, count.group() if count else None)
        if unit.startswith(("book", "kn")):
            draft.fields["volume_kind"] = VolumeKind.BOOK
    elif kind == "VOLUME":
        draft.set_once("volume", number_in(value))
        if run and not (not draft.imprint_found and read_imprint(run[0].text).confidence is Confidence.KNOWN_PLACE):
            draft.set_once("volume_title", run.pop(0).text)
    elif kind == "ISSUE":
        draft.set_once("issue", number_in(value))
        if value.lower().startswith(("iss", "vyp")):
            draft.fields["issue_kind"] = IssueKind.ISSUE
    elif kind == "PAGES":
        draft.set_once("pages", number_in(value))
    elif kind == "PAGE_COUNT":
        draft.set_once("page_count", number_in(value))
    elif kind == "PART":
        draft.set_once("part", number_in(value))
    elif kind == "BOOK":
        if draft.fields.get("volume") is None:
            draft.fields["volume_kind"] = VolumeKind.BOOK
        draft.set_once("volume" if draft.fields.get("volume") is None else "part", number_in(value))
    elif kind == "THESIS":
        draft.set_once("genre", value)
    elif kind == "REPORT_NO":
        report = _REPORT.match(value.rstrip("."))
        if report:
            draft.set_once("genre", report.group("genre"))
            draft.set_once("number", report.group("number"))
    elif kind == "DATE_PAREN":
        year = year_of(value)
        draft.set_once("issued", PartialDate(year=year) if year else PartialDate(undated=True))
    elif kind == "DATE_TEXT":
        _refine_date(draft, value)
    elif kind == "SEASON":
        issued = draft.fields.get("issued") or PartialDate()
        draft.fields["issued"] = issued.model_copy(update={"season": value})
    elif kind == "ACCESS":
        draft.set_once("accessed", date_from_text(value))
    elif kind in ("URL", "BARE_URL"):
        url = value if kind == "BARE_URL" else (element.value.value if element.value is not None else "").strip()
        if url and run and _URL_TAIL.fullmatch(run[0].text) and url.endswith("/"):
            url += run.pop(0).text
            draft.diagnostics.append(_warning("url-rejoined", "a space inside the URL was removed", token))
        _read_url(draft, url)
    elif kind == "DOI":
        doi = doi_in(value)
        if doi and doi not in value:
            draft.diagnostics.append(
                Diagnostic(
                    code="doi-dashes",
                    message="dashes in the DOI read as hyphen-minus",
                    severity=Severity.INFO,
                    start=token.start_pos,
                    end=token.end_pos,
                )
            )
        draft.set_once("doi", doi)
    elif kind == "LANG_NOTE":
        draft.set_once("original_language", LANGUAGE_NOTES.get(value.strip("()").split(maxsplit=1)[-1]))
    elif kind == "APA_LOCATOR":
        _read_apa(draft, value)
    elif kind == "ARCHIVE_LOCATOR":
        draft.set_once("archive_location", value.rstrip("."))
    elif kind == "RESPONSIBILITY":
        role = Role.CONTRIBUTOR
        lowered = value.lower()
        if "ed" in lowered:
            role = Role.EDITOR
        elif "tr" in lowered:
            role = Role.TRANSLATOR
        draft.persons.extend(_person(n.value, role, given_first=True) for n in element.names)
    elif kind == "ED_MARK":
        draft.diagnostics.append(_warning("misplaced-editor-mark", "editor mark outside the head", token))
    _read_tail(draft, run, following)


def _read_container(draft: _Draft, run: list[Sentence], following: str | None) -> list[Sentence]:
    """'In …': the container, with a chapter's imprint before ', pp.' and a trailing year."""
    if following == "PAGES" and len(run) > 1 and read_imprint(run[-1].text).confidence > Confidence.NONE:
        imprint = read_imprint(run.pop().text)
        draft.take_imprint(imprint.places, imprint.publisher)
        draft.chapter_imprint = True
    while len(run) > 1 and run[-1].is_year:
        draft.date_year(year_of(run.pop().text))
    if run:
        draft.set_once("container_title", draft.span(run))
    return []


def _read_tail(draft: _Draft, run: list[Sentence], following: str | None) -> None:
    """Sentences after a marker: years, then the journal (before article locators) or the imprint."""
    sentences: list[Sentence] = []
    for sentence in run:
        if sentence.is_year and draft.fields.get("issued") is None:
            draft.date_year(year_of(sentence.text))
        else:
            sentences.append(sentence)
    if not sentences:
        return
    known_imprint = read_imprint(sentences[0].text).confidence is Confidence.KNOWN_PLACE
    journal_context = following in ARTICLE_LOCATORS and not (known_imprint and following == "JOURNAL_VOLUME")
    if journal_context and draft.fields.get("container_title") is None and not draft.imprint_found:
        draft.fields["container_title"] = draft.span(sentences)
        return
    index = 0
    while index < len(sentences):
        sentence = sentences[index]
        last = index == len(sentences) - 1
        if not draft.imprint_found and not last and is_known_place(sentence.text):
            draft.take_imprint((sentence.text,), sentences[index + 1].text)
            index += 1
        elif not draft.imprint_found and read_imprint(sentence.text).confidence > Confidence.NONE:
            imprint = read_imprint(sentence.text)
            draft.take_imprint(imprint.places, imprint.publisher)
        elif not draft.imprint_found and not sentence.is_year and following in IMPRINT_FOLLOWERS | {None}:
            draft.take_imprint((), sentence.text)
        else:
            draft.unplaced(sentence)
        index += 1


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


def _read_url(draft: _Draft, value: str) -> None:
    if not value:
        return
    if value.startswith(("http://", "https://", "www.")):
        draft.set_once("url", value.rstrip(".,;"))
    else:
        draft.set_once("url_fragment", value)
        draft.diagnostics.append(
            Diagnostic(
                code="torn-url",
                message=f"the URL was lost; only the fragment {value!r} remains",
                severity=Severity.WARNING,
            )
        )


def _read_apa(draft: _Draft, value: str) -> None:
    locator = apa_locator(value)
    if locator:
        draft.set_once("volume", locator[0])
        draft.set_once("issue", locator[1])
        draft.set_once("pages", locator[2])


def _warning(code: str, message: str, token: Token) -> Diagnostic:
    return Diagnostic(code=code, message=message, start=token.start_pos, end=token.end_pos)


def _language(draft: _Draft) -> str | None:
    """The title's language: "ru" for a transliterated title (a bracketed translation, or a
    Russian-language note, and Russian-looking wording); an English title is never "ru"."""
    title = draft.fields.get("title") or ""
    noted = draft.fields.get("original_language")
    if draft.fields.get("title_translation"):
        return None if looks_english(title) else "ru"
    if noted == "ru" and looks_transliterated(title):
        return "ru"
    return None


def _reference_type(draft: _Draft, kinds: set[str]) -> ReferenceType:
    fields = draft.fields
    editors_only = bool(draft.persons) and all(p.role is Role.EDITOR for p in draft.persons)
    has_container = fields.get("container_title") is not None
    issued: PartialDate | None = fields.get("issued")
    if "THESIS" in kinds:
        return ReferenceType.THESIS
    if "REPORT_NO" in kinds:
        return ReferenceType.REPORT
    if has_container and kinds & WEB_MARKERS:
        return ReferenceType.WEBPAGE
    if has_container and (draft.chapter_imprint or (editors_only and "IN" in kinds)):
        return ReferenceType.CHAPTER
    if has_container:
        return ReferenceType.ARTICLE
    if kinds & WEB_MARKERS:
        return ReferenceType.WEBPAGE
    if draft.imprint_found or "PAGE_COUNT" in kinds or "N_VOLS" in kinds:
        return ReferenceType.BOOK
    if fields.get("archive_location"):
        return ReferenceType.DOCUMENT
    if issued is not None and issued.day is not None:
        return ReferenceType.PERIODICAL
    return ReferenceType.BOOK if fields.get("title") else ReferenceType.DOCUMENT
