"""Role rules: which unmarked sentences of a group are the title, the container, the imprint.

A group is the leading run of sentences, or a marker and the run that follows it. The rules
look at the marker before a group, at the markers still ahead (journal locators, a page count)
and at each sentence's shape (``shapes.py``):

- ``take_years``: bare years at the end of a group date the work;
- ``split_lead``: the leading run is the title, up to a translation, a slash, a container, an
  imprint, or the journal before the journal's locators;
- ``read_body``: the sentences after the title are, from the end, an imprint ("Place, Publisher",
  "Place. Publisher Publ.", "M.: Nauka"), then a container (a journal before its locators, or a
  collection or conference: "Proc. of …", "V trudakh …", "Collection «…»") with its event place;
- ``publisher_before_year`` (the ``references`` family): the sentence just before the year is
  the publisher even without a known shape ("[Translation]. Kuchkovo pole, 2008. 448 p.").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from ..lexicon import kinds, month_numbers
from ..lexicon.words import (
    CONTAINER_CONTINUATIONS,
    CONTAINER_FAMILY,
    PUBLISHER_ENDINGS,
    REGIONS,
    SERIES_NAME,
    TOWN_PREFIX,
)
from .dates import date_from_text, year_of
from .draft import (
    ARTICLE_LOCATORS,
    IMPRINT_FOLLOWERS,
    NOT_IN_A_JOURNAL,
    NOWHERE,
    PUBLISHER_RULES,
    TITLE_ENDS,
    WEB_MARKERS,
    Draft,
    Group,
    Translates,
    refine_date,
    warning,
)
from .grammar import Sentence
from .imprint import PUBLISHER_SHAPE, Confidence, Imprint, is_known_place, read_imprint
from .ruler import Ruler
from .shapes import (
    continues_container,
    is_conference,
    is_container_cue,
    is_institution,
    is_journal_name,
    is_organisation,
    is_place,
    is_publisher,
    looks_like_place,
    place_split,
)
from .values import is_page_range

_JOURNAL_VOLUME_ONLY = frozenset({kinds.JOURNAL_VOLUME})
#: A date that closes a sentence: "2-7 сентября 2012 г", "September 2-7, 2012", "Nov 21-23, 2007", "June 1996".
_CLOSING_DATE = re.compile(
    r"(?:\d{1,2}(?:[-–]\d{1,2})?\s[^\W\d_]{3,10}\.?,?\s|[A-Z][a-z]{2,8}\.?\s\d{1,2}(?:[-–]\d{1,2})?,\s)\d{4}(?:\sг)?$"
    r"|^\d{1,2}\.\d{1,2}\.\d{4}$"  # a sentence that is a date: "Patent RU 2612345 C1. 06.03.2017."
    r"|(?<![^\s,])[A-Z][a-z]{2,8}\.?\s\d{4}$"  # a month and its year: "Padua, Italy, June 1996"
)
#: The days of a meeting closing its title: ", November 19-20", ", 5–6 мая".


@lru_cache(maxsize=1)
def _event_date() -> re.Pattern[str]:
    """The days of a meeting closing its title: ", November 19-20", ", 5–6 мая"."""
    months = "|".join(sorted(month_numbers(), key=len, reverse=True))
    return re.compile(
        r",\s((?:" + months + r")\.?\s\d{1,2}(?:[-–]\d{1,2})?" + r"|\d{1,2}(?:[-–]\d{1,2})?\s(?:" + months + r"))$"
    )


_COLLECTION = re.compile(r"(?:In\s)?Collection\s«([^«»]++)»")
_URL_TAIL = re.compile(r"[a-z0-9](?:[\w\-./?=&%#~]*[/\w])?")


class Ahead(NamedTuple):
    """The markers after a group: the next one (and whether its own sentences are none), the one after
    it, and the kinds of all of them."""

    following: str | None
    kinds: frozenset[str]
    following_bare: bool = False
    second: str | None = None


def read_group(draft: Draft, group: Group, ahead: Ahead, after_title: bool) -> None:
    """The sentences of one group, by the marker before them and the markers ahead."""
    if not group.run and group.kind != kinds.LEAD:
        return
    run = _claimed_by_marker(draft, group, list(group.run))
    if group.kind == kinds.LEAD:
        run = _repeated_year(draft, run, ahead)
        run, year_after = take_years(draft, run, in_lead=True)
        title = split_lead(draft, _Body.of(run, 1, year_after, ahead, None))
        if title:
            draft.put(
                "title", _without_trailing_dash(draft.span(title)), title[0].start, title[-1].end, "roles.split_lead"
            )
            draft.title_sentences = tuple(title)
        return
    run, year_after = take_years(draft, run, in_lead=False)
    if not run:
        return
    if group.kind == kinds.IN and draft.fields.get("container_title") is None:
        read_container_group(draft, _Body.of(run, 1, year_after, ahead, group.kind))
    else:
        body = _Body.of(run, 0, year_after, ahead, group.kind)
        read_body(draft, body, after_title=after_title)


def _repeated_year(draft: Draft, run: list[Sentence], ahead: Ahead) -> list[Sentence]:
    """ISO 690's "Title. Journal. 2015. Vol. 117, no. 5": the head's year printed again between the journal
    and its locators dates nothing new; it leaves the leading run, whose journal then closes it."""
    issued = draft.fields.get("issued")
    if len(run) < 3 or not run[-1].is_year or issued is None or not ARTICLE_LOCATORS.intersection(ahead.kinds):
        return run
    return run[:-1] if year_of(run[-1].text) == issued.year else run


def _imprint_after_a_volume(run: list[Sentence]) -> bool:
    """The sentence after a volume's number is the imprint, not the volume's title: a known place ("Moskva:
    Nauka"), or "Place: Publisher" before the year ("Vol. 3. Kostroma: Gubernskaia tipografiia, 1879")."""
    confidence = read_imprint(run[0].text).confidence
    if confidence is Confidence.KNOWN_PLACE:
        return True
    return confidence is Confidence.SHAPE and ": " in run[0].text and len(run) > 1 and run[1].is_year


def _claimed_by_marker(draft: Draft, group: Group, run: list[Sentence]) -> list[Sentence]:
    """Sentences a marker claims for itself: a book volume's title, the rest of a URL cut by a space."""
    if group.kind == kinds.VOLUME and run and not run[0].is_year:
        if draft.imprint_found or not _imprint_after_a_volume(run):
            title = run.pop(0)
            draft.set_once("volume_title", title.text, title.start, title.end, "roles._claimed_by_marker")
    elif group.kind in (kinds.URL, kinds.BARE_URL) and group.element is not None and run:
        url = draft.fields.get("url") or ""
        if url.endswith("/") and _URL_TAIL.fullmatch(run[0].text):
            rest = run.pop(0)
            draft.amend("url", url + rest.text, rest.end)
            draft.diagnostics.append(warning("url-rejoined", "a space inside the URL was removed", group.element.token))
    return run


def take_years(draft: Draft, run: list[Sentence], in_lead: bool) -> tuple[list[Sentence], bool]:
    """Bare years date the work; returns the other sentences and whether a year closed the group.

    In the leading run a year stays part of the title when the head or a later "(Year)" dates
    the work ("FRUS. 1950. Vol. 1. (1977)"), or when it is the run's only sentence.
    """
    # (in the lead, a date is the head's: none is read before it)
    if in_lead and (draft.fields.get("issued") is not None or kinds.DATE_PAREN in draft.kinds or len(run) < 2):
        return run, False
    for sentence in run:
        if sentence.is_year:
            break
    else:
        return run, False
    year_after = bool(run) and run[-1].is_year
    kept: list[Sentence] = []
    for index, sentence in enumerate(run):
        closing = in_lead and index < len(run) - 1 and not year_after
        if (
            closing
            and index > 0
            and sentence.is_year
            and (_opens_container(run[index + 1].text) or _opens_container(run[index - 1].text))
        ):
            closing = False  # "Title. 1958, Proc. of 2nd Int. Conf.", "Proc. of … Forum, 2010, Tsuruga": a date
        if not sentence.is_year or closing:
            kept.append(sentence)
        elif draft.fields.get("issued") is None:
            draft.date_year(year_of(sentence.text), sentence.start, sentence.end, "roles.take_years")
    if in_lead and not kept:
        return run[:1], False
    return kept, year_after


def _opens_container(sentence: str) -> bool:
    return is_container_cue(sentence) or is_conference(sentence)


class _Body(NamedTuple):
    """Sentences to give roles to: from ``first`` on (the leading run keeps its first as the title),
    whether a year closed them, and the kinds of the markers ahead."""

    sentences: list[Sentence]
    first: int
    year_after: bool
    following: str | None
    ahead: frozenset[str]
    locators: frozenset[str] = frozenset()
    marker: str | None = None
    #: The markers after the next one start with a journal's locators, and the next one has no sentences
    #: of its own ("Title. Journal [Translation], 11(2), 46–57").
    locators_after_next: bool = False

    @classmethod
    def of(cls, sentences: list[Sentence], first: int, year_after: bool, ahead: Ahead, marker: str | None) -> _Body:
        locators = ARTICLE_LOCATORS.intersection(ahead.kinds)
        after_next = ahead.following_bare and ahead.second in ARTICLE_LOCATORS
        return cls(sentences, first, year_after, ahead.following, ahead.kinds, locators, marker, after_next)

    @property
    def after_translation(self) -> bool:
        return self.marker == kinds.TRANSLATION

    def only_volume_ahead(self) -> bool:
        """A bare "Vol. N" is the only locator ahead: a multi-volume book's, after its imprint."""
        return self.locators == _JOURNAL_VOLUME_ONLY

    def journal_ahead(self, draft: Draft) -> bool:
        """Journal locators ahead and no container yet: the sentences hold the journal."""
        if not self.locators or draft.fields.get("container_title") is not None or kinds.IN in self.ahead:
            return False
        if not NOT_IN_A_JOURNAL.isdisjoint(draft.kinds):
            return False
        return not (kinds.N_VOLS in draft.kinds and self.only_volume_ahead())


def split_lead(draft: Draft, body: _Body) -> list[Sentence]:
    """The leading run: its title, and what ``read_body`` finds after the title."""
    lead = body.sentences
    if not lead:
        return lead
    if body.following == kinds.TRANSLATION and body.locators_after_next and len(lead) > 1:
        # "Title. Mir novoy ekonomiki [The world of new economy], 11(2), 46–57": the journal's translation
        draft.put("container_title", lead[-1].text, lead[-1].start, lead[-1].end, "roles.split_lead")
        draft.next_translation = Translates.CONTAINER
        return lead[:-1]
    if body.following in _BOOK_PARENTHESES and not draft.fields.get("container_title"):
        return _book_before_its_parenthesis(draft, lead)
    if body.following in TITLE_ENDS:
        cue = next(
            (i for i in range(1, len(lead)) if is_container_cue(lead[i].text) or is_conference(lead[i].text)), None
        )
        if cue is None or body.following not in (kinds.TRANSLATION, kinds.N_VOLS, kinds.RESPONSIBILITY):
            if lead[0].quoted and len(lead) > 1 and body.following == kinds.EDITORS:
                # MLA's "“Title.” Book, edited by Jane Doe, Publisher, 2016": the book between them
                _set_container(draft, lead[1:], "roles.book_before_its_editors")
                return [_translated_inside(draft, lead[0])]
            if lead[0].quoted:
                return [_translated_inside(draft, lead[0]), *lead[1:]]
            return _imprint_before_a_statement(draft, body, lead)
        _set_container(draft, lead[cue:])  # "Title. Sbornik nauchnyh trudov [Translation of both]."
        if body.following == kinds.TRANSLATION:
            draft.next_translation = Translates.TITLE_AND_CONTAINER
        return lead[:cue]
    end = read_body(draft, body, lead=True)
    if 0 < end < len(lead) and not lead[end - 1].quoted:
        # (abbreviated parts walked back before the American Mathematical Society's locator, and one abbreviated word
        # before a series' volume: "Title, Grad. Texts in Math., vol. 212, Springer")
        series = body.following == kinds.JOURNAL_VOLUME
        lead, end = _journal_head_after_comma(draft, lead, end, ams=kinds.AMS_LOCATOR in body.locators, series=series)
    if lead[0].quoted:  # “Title,” …: the quotation marks close the title; what follows is a note
        periodical = lead[1:end] if end == len(lead) == 2 and body.following == kinds.DATE_TEXT else []
        if periodical and draft.fields.get("container_title") is None:  # “Title.” Izvestiia, March 14, 2012.
            _set_container(draft, periodical, "roles.periodical_before_its_day")
        else:
            for sentence in lead[1:end]:
                _date_or_note(draft, sentence)
        return [_translated_inside(draft, lead[0])]
    if end == len(lead) and body.year_after and not draft.imprint_found:
        # (before locators, a journal's or a book's, only a publisher with its known places: "…, Nauka, Moscow,
        # 1980, p. 88", never "Politics Society, 1999, vol. 27")
        book_like = body.following is None or body.following in IMPRINT_FOLLOWERS
        title = _imprint_after_a_comma(draft, lead[-1], with_places=not book_like or bool(body.locators))
        if title is not None:
            return [*lead[:-1], title]
    if end == len(lead) and body.journal_ahead(draft) and len(lead) == 1:
        cut = _journal_after_question(draft, lead[0])
        if cut is None:
            cut = _journal_after_comma(draft, lead[0])
        return lead if cut is None else [Sentence(lead[0].text[:cut], lead[0].start, lead[0].start + cut)]
    return lead[:end]


#: Parentheses after a book's title, printed in the sentence of the title of its part: its editors, its meeting.
_BOOK_PARENTHESES = frozenset({kinds.PAREN_EDITORS, kinds.MEETING_PAREN})


def _book_before_its_parenthesis(draft: Draft, lead: list[Sentence]) -> list[Sentence]:
    """ "Title, Book (R. Castellano, eds.)", "Title, Proceedings (El Escorial, 2008)": the book closes the last
    sentence, after its last comma; the title is what comes before it."""
    last, rule = lead[-1], "roles.book_before_its_parenthesis"
    cut = _journal_after_comma(draft, last, rule)
    if cut is not None:
        return [*lead[:-1], Sentence(last.text[:cut], last.start, last.start + cut)]
    if len(lead) > 1:  # "Title. Proc. 31st Conf. (London, UK, 2004)": the whole last sentence
        draft.put("container_title", last.text, last.start, last.end, rule)
        return lead[:-1]
    return lead


def _imprint_before_a_statement(draft: Draft, body: _Body, lead: list[Sentence]) -> list[Sentence]:
    """ "Title, Birkhäuser Verlag, Basel, 1991. Translated from the Russian by …": before a statement of
    responsibility, a title and its years alone; the imprint closes the title's sentence after a comma."""
    if body.following not in _STATEMENTS or draft.imprint_found or not all(s.is_year for s in lead[1:]):
        return lead
    title = _imprint_after_a_comma(draft, lead[0], with_places=True)
    return lead if title is None else [title, *lead[1:]]


#: Statements of responsibility after a title.
_STATEMENTS = frozenset({kinds.TRANSLATORS, kinds.EDITORS, kinds.RESPONSIBILITY})


#: A series' name's first word, abbreviated ("Grad", "Adv", "Progr").
_ABBREVIATED_HEAD = re.compile(r"[A-Z][a-z]{1,7}")
#: The most words of an abbreviated journal name's part before its first period ("Uspekhi Mat.", "Trans. Amer. Math.").
_JOURNAL_HEAD_WORDS = 4


def _abbreviated_sentence(draft: Draft, sentence: Sentence) -> bool:
    """A sentence of up to three capitalised words of a journal's abbreviated name, its period after it ("Nats",
    "Akad", "Nauk Ukr")."""
    words = sentence.text.split()
    capitalised = 0 < len(words) < _JOURNAL_HEAD_WORDS and all(word[:1].isupper() for word in words)
    return capitalised and ", " not in sentence.text and draft.text[sentence.end : sentence.end + 1] == "."


def _journal_head_after_comma(
    draft: Draft, lead: list[Sentence], end: int, ams: bool = False, series: bool = False
) -> tuple[list[Sentence], int]:
    """ "Title, Izvestiya vuzov. Yadernaya Energetika (2015) 66–75": the journal read from ``lead[end:]``
    begins after the last comma of the sentence before it (a title and a journal's first part, comma-separated,
    Elsevier; any abbreviated first part before the American Mathematical Society's locator, ``ams``: "Title,
    Uspekhi Mat. Nauk 58 (2003), …"); the journal takes that part, and the sentence keeps the title (``lead``
    returned, amended, with where the journal's sentences now begin)."""
    start = draft.recorded("container_title")
    if start < 0 or draft.record[start + 2] != lead[end].start:
        return lead, end
    read_from = end
    while ams and end > 1 and _abbreviated_sentence(draft, lead[end - 1]):  # "…, Dopov. Nats. Akad. Nauk Ukr. (2003)"
        end -= 1
    before = lead[end - 1]
    cut = before.text.rfind(", ")
    head = before.text[cut + 2 :]
    closed = draft.text[before.end : before.end + 1] == "."
    in_series = series and _ABBREVIATED_HEAD.fullmatch(head) is not None
    in_series = in_series and SERIES_NAME.search(draft.record[start + 1]) is not None
    abbreviated = closed and ((ams and len(head.split()) <= _JOURNAL_HEAD_WORDS) or in_series)
    if cut <= 0 or not (
        CONTAINER_FAMILY.match(head) or lead[end].text.startswith(CONTAINER_CONTINUATIONS) or abbreviated
    ):
        return lead, read_from
    begins = before.start + cut + 2
    draft.put(
        "container_title",
        draft.text[begins : draft.record[start + 3]].strip(),
        begins,
        draft.record[start + 3],
        "roles._journal_head_after_comma",
    )
    return [*lead[: end - 1], Sentence(before.text[:cut], before.start, before.start + cut), *lead[read_from:]], end


def _imprint_after_a_comma(draft: Draft, sentence: Sentence, with_places: bool) -> Sentence | None:
    """Elsevier's "Title, Publisher, Place, 1995.": the imprint closes the title's sentence after a comma, a
    publisher before known places ("…, Routledge, New Brunswick"), after them ("…, Norwell, Kluwer Academic
    Publishers"), or, unless ``with_places``, a publisher's or institution's name alone ("…, Los Alamos National
    Laboratory"); returns the title's part, None when there is no such imprint."""
    title, places, rest = place_split(sentence.text)
    colon = _COLON_IMPRINT.search(sentence.text) if with_places and ": " in sentence.text else None
    if colon is not None and is_place(colon.group("places")):  # "Book, Santa Barbara: ABC–Clio" (APSA, IEEE)
        title, places, publisher = sentence.text[: colon.start()], colon.group("places"), colon.group("publisher")
        places_start = colon.start("places")
        publisher_start = colon.start("publisher")
    elif places and not rest:  # "Title, Publisher, Place"
        title, comma, publisher = title.rpartition(", ")
        if not comma or is_conference(publisher):
            return None
        publisher_start = len(title) + 2
        places_start = publisher_start + len(publisher) + 2
    elif places and (is_publisher(rest) or is_institution(rest)):  # "Title, Place, Publisher"
        publisher = rest
        places_start = len(title) + 2
        publisher_start = len(sentence.text) - len(rest)
    elif not places and not with_places:  # "Title, Publisher"
        title, comma, publisher = sentence.text.rpartition(", ")
        if not comma or not (is_publisher(publisher) or is_institution(publisher)):
            return None
        publisher_start = places_start = len(title) + 2
    else:
        return None
    if not title or not PUBLISHER_SHAPE.fullmatch(publisher):
        return None
    start = sentence.start
    draft.take_imprint(
        tuple(places.split(", ")) if places else (),
        publisher,
        (start + places_start, start + places_start + len(places)) if places else NOWHERE,
        (start + publisher_start, start + publisher_start + len(publisher)),
        "roles._imprint_after_a_comma",
    )
    return Sentence(title, start, start + len(title), sentence.is_year, sentence.quoted)


#: "…, Place[, Region]: Publisher" closing a sentence (the places before the colon, after the last comma that
#: does not separate them).
_COLON_IMPRINT = re.compile(r",\s(?P<places>[^,:;]{2,40}(?:,\s[^,:;]{2,25})?):\s(?P<publisher>[^:;]{2,80})$")
_TRANSLATION_INSIDE = re.compile(r"\s\[([^\[\]]++)\]$")


def _translated_inside(draft: Draft, title: Sentence) -> Sentence:
    """“Title [Translation].”: a bracketed translation inside the quotation marks translates the title."""
    bracket = _TRANSLATION_INSIDE.search(title.text) if title.text.endswith("]") else None
    if bracket is None:
        return title
    start = title.start + bracket.start(1)
    draft.set_once(
        "title_translation", bracket.group(1).strip(), start, start + len(bracket.group(1)), "roles.split_lead"
    )
    return Sentence(title.text[: bracket.start()], title.start, title.start + bracket.start(), quoted=True)


def read_body(draft: Draft, body: _Body, after_title: bool = True, lead: bool = False) -> int:
    """Imprint, then container, among the body's sentences, read from the end.

    Returns where the roles begin; in the leading run the sentences before are the title,
    elsewhere they are kept as a note.
    """
    sentences, first = body.sentences, body.first
    end, reading = len(sentences), _Reading(after_title, lead)
    for rule in BODY_RULES.active(draft.rules):
        end = rule(draft, body, end, reading)
    if not lead:
        for sentence in sentences[first:end]:
            _date_or_note(draft, sentence)
    return end


def _date_or_note(draft: Draft, sentence: Sentence) -> None:
    """A sentence no rule placed: its closing date dates an undated work ("г. Нара, Япония, 2-7 сентября
    2012 г" after a conference's name); the sentence is kept as a note either way."""
    text = sentence.text
    dated = draft.fields.get("issued") is None and (text[-1:].isdigit() or text.endswith("г"))
    closing = _CLOSING_DATE.search(text) if dated else None
    found = date_from_text(closing.group()) if closing else None
    if found is not None and found.month is not None:
        draft.put("issued", found, sentence.start, sentence.end, "roles._date_or_note")
    draft.unplaced(sentence, "roles._date_or_note")


def _imprint_at_end(draft: Draft, body: _Body, end: int, container_given: bool = False) -> int:
    """The imprint that closes ``sentences[first:end]``, by the first of ``IMPRINT_RULES`` that finds
    one; returns where it starts (``end`` when there is none)."""
    if draft.imprint_found or end <= body.first:
        return end
    ending = _Ending(draft, body, end, container_given)
    for rule in IMPRINT_RULES.active(draft.rules):
        start = rule(ending)
        if start is not None:
            return start
    return end


@dataclass(slots=True)
class _Ending:
    """The sentences an imprint may close, and what the rules ask of the last of them."""

    draft: Draft
    body: _Body
    end: int
    container_given: bool
    last: Sentence = field(init=False)
    imprint: Imprint = field(init=False)
    in_journal: bool = field(init=False)

    def __post_init__(self) -> None:
        sentences, first = self.body.sentences, self.body.first
        self.last = sentences[self.end - 1]
        self.imprint = read_imprint(self.last.text)
        self.in_journal = (
            self.body.journal_ahead(self.draft)
            and not self.container_given
            and not _collection_among(sentences, first, self.end - 1)
            and not self.last.text.endswith(PUBLISHER_ENDINGS)  # "St. Petersburg. NPO … Publ., 2010, pp. 15-95"
        )

    @property
    def publisher(self) -> str:
        return self.imprint.publisher or ""

    def take(
        self,
        places: tuple[str, ...],
        publisher: str | None,
        start: int,
        rule: str,
        sources: tuple[Sentence, Sentence, Sentence] | None = None,
    ) -> int:
        """The imprint found by ``rule``; ``sources`` are the sentence the places were read from and the
        first and last of the publisher's, by default the last sentence for all."""
        at, first, end = sources or (self.last, self.last, self.last)
        self.draft.take_imprint(places, publisher, (at.start, at.end), (first.start, end.end), rule)
        self.draft.chapter_imprint = (
            self.container_given
            or (
                publisher is not None and self.draft.fields.get("container_title") is not None
            )  # "In: Book. Place: Publisher"
            or (self.body.journal_ahead(self.draft) and not self.body.only_volume_ahead())
        )
        return start


def known_place_imprint(ending: _Ending) -> int | None:
    """ "Moscow, Nauka", "M.: Nauka", "Obninsk: SSC RF-IPPE", a known place before it after a semicolon ("Москва ;
    Берлин : Директ-Медиа") (not before a journal's locators, but before a multi-volume book's "Vol. 2"; not
    "Dimitrovgrad, 7-th Russian Conference …")."""
    if ending.imprint.confidence is not Confidence.KNOWN_PLACE or is_conference(ending.publisher):
        return None
    if ending.in_journal and not ending.body.only_volume_ahead() and not _colon_imprint(ending):
        return ending.end
    if ending.imprint.publisher is None and is_place(ending.last.text):
        return place_alone(ending)  # the publisher may be the sentence before ("… Division of Toxicology.")
    dated = date_from_text(ending.publisher) if _MONTH_AND_YEAR.fullmatch(ending.publisher) else None
    if (
        dated is not None and dated.month is not None
    ):  # "…, pages 15-26, Washington, D. C., May 1993": the meeting's place and date
        refine_date(ending.draft, ending.publisher, ending.last.start, ending.last.end, "roles.known_place_imprint")
        return ending.take(ending.imprint.places, None, ending.end - 1, "roles.known_place_imprint")
    start, places = ending.end - 1, ending.imprint.places
    before = ending.body.sentences[start - 1] if start - 1 >= ending.body.first else None
    if before is not None and _semicolon_between(ending.draft, before, ending.last) and is_known_place(before.text):
        # GOST's and DIN's two places: "Москва ; Берлин : Директ-Медиа", "Berlin ; Heidelberg : Springer"
        start, places = start - 1, (before.text, *places)
        sources = (ending.last, ending.last, ending.last)
        return ending.take(places, ending.imprint.publisher, start, "roles.known_place_imprint", sources)
    return ending.take(places, ending.imprint.publisher, start, "roles.known_place_imprint")


def _semicolon_between(draft: Draft, before: Sentence, after: Sentence) -> bool:
    """Whether only a semicolon stands between the two sentences."""
    return draft.text[before.end : after.start].strip() == ";"


def part_without_its_mark(draft: Draft) -> None:
    """ "Title. Book / за ред. …. Х. : Фоліо, 2018. С. 112–130": a book's imprint before a range of pages, no
    container read and no "//" or "In" printed (DSTU 8302 drops it): the title's first sentence is the
    part's, the others the book's."""
    sentences = draft.title_sentences
    if (
        not draft.chapter_imprint
        or len(sentences) < 2
        or draft.fields.get("container_title") is not None
        or sentences[0].quoted
        or len(sentences[0].text) < _SHORTEST_PART_TITLE
        or not is_page_range(draft.fields.get("pages"))
    ):
        return
    first, rule = sentences[0], "roles.part_without_its_mark"  # (the boundary placed by position, not by a marker)
    draft.put("title", _without_trailing_dash(first.text), first.start, first.end, rule)
    _set_container(draft, list(sentences[1:]), rule)


#: Shorter, the first sentence is no part's title ("V kn.: Book …", a marker the grammar did not read).
_SHORTEST_PART_TITLE = 8


def _colon_imprint(ending: _Ending) -> bool:
    """ "Х. : Фоліо, 2018. С. 112–130": a known place, a colon and a publisher before pages are a book's
    imprint, the pages a part's (a journal prints no publisher; DSTU 8302 drops the "//" before the book)."""
    return " : " in ending.last.text and _known_colon_imprint(ending.last.text)


#: A month's name (or abbreviation) and a year: a date, never a publisher.
_MONTH_AND_YEAR = re.compile(r"[^\W\d_]{3,9}\.?\s(?:\d{4}|\d{1,2}(?:[-–]\d{1,2})?)")  # (or its days: "September 14-16")


def not_before_a_journal(ending: _Ending) -> int | None:
    """Before a journal's locators the last sentence is the journal, not an imprint."""
    return ending.end if ending.in_journal else None


def shaped_place_and_publisher(ending: _Ending) -> int | None:
    """ "Walla Walla, Whitman College Press": an unknown place before a publisher's name."""
    if ending.imprint.confidence is Confidence.SHAPE and is_publisher(ending.publisher):
        return ending.take(ending.imprint.places, ending.publisher, ending.end - 1, "roles.shaped_place_and_publisher")
    return None


def not_a_collection(ending: _Ending) -> int | None:
    """A collection's or conference's title is the container, not an imprint."""
    return ending.end if is_container_cue(ending.last.text) or is_conference(ending.last.text) else None


_REPORTS = (kinds.REPORT_CODE, kinds.REPORT_NO)


def publisher_sentences(ending: _Ending) -> int | None:
    """ "Energoatomizdat Publ.", "World Scientific", "Nauka. Fizmatlit Publ." (over sentences), after their
    place if any ("Moscow. Energoatomizdat Publ."); before a report's number an institution
    ("Los Alamos National Laboratory, LA-13638")."""
    body, last = ending.body, ending.last.text
    report = (body.following in _REPORTS or body.marker in _REPORTS) and is_institution(last)
    if not (is_publisher(last) or report):
        return None
    sentences, start = body.sentences, ending.end - 1
    while (
        start - 1 > body.first and is_publisher(sentences[start - 1].text) and not is_place(sentences[start - 1].text)
    ):
        start -= 1
    publisher = ending.draft.span(sentences[start : ending.end])
    published = (sentences[start], ending.last)
    rule = "roles.publisher_sentences"
    if start > body.first and _place_before_publisher(ending.draft, sentences[start - 1].text, last):
        return ending.take(
            _places(sentences[start - 1].text), publisher, start - 1, rule, (sentences[start - 1], *published)
        )
    return ending.take((), publisher, start, rule, (sentences[start], *published))


def place_alone(ending: _Ending) -> int | None:
    """ "Ufa" before the year: a place, after its publisher when an institution's name precedes it
    ("Agency for Toxic Substances … Division of Toxicology. USA. Atlanta, Georgia. 2004")."""
    if not is_place(ending.last.text):
        return None
    sentences, start = ending.body.sentences, ending.end - 1
    before = start - 1
    if before > ending.body.first and sentences[before].text in REGIONS:
        before -= 1  # "USA" between the institution and its town
    if before > ending.body.first and is_institution(sentences[before].text):
        institution = sentences[before]
        return ending.take(
            _places(ending.last.text),
            institution.text,
            before,
            "roles.place_alone",
            (ending.last, institution, institution),
        )
    return ending.take(_places(ending.last.text), None, start, "roles.place_alone")


def place_then_publisher(ending: _Ending) -> int | None:
    """ "Sarov. FGUP «RFNC-VNIIEF», 2007": a known place, then any publisher."""
    sentences, end = ending.body.sentences, ending.end
    if end - 2 >= ending.body.first and is_place(sentences[end - 2].text) and not is_conference(ending.last.text):
        return ending.take(
            _places(sentences[end - 2].text),
            ending.last.text,
            end - 2,
            "roles.place_then_publisher",
            (sentences[end - 2], ending.last, ending.last),
        )
    return None


def shaped_imprint_of_a_book(ending: _Ending) -> int | None:
    """ "Place, Publisher" with an unknown place, where a book's imprint belongs: before a page count
    or the end (and, in the References family, before the year)."""
    draft, body = ending.draft, ending.body
    book_like = body.following in IMPRINT_FOLLOWERS or body.following is None
    year_follows_imprint = BODY_RULES.is_on("publisher_before_year", draft.rules)
    book_like = book_like or (body.year_after and year_follows_imprint)
    if ending.imprint.confidence is not Confidence.SHAPE or not book_like or not ending.publisher:
        return None
    if is_conference(ending.publisher) or (ending.end - 1 == body.first and year_follows_imprint):
        return None
    return ending.take(ending.imprint.places, ending.publisher, ending.end - 1, "roles.shaped_imprint_of_a_book")


def imprint_after_notes(ending: _Ending) -> int | None:
    """After the title, a place inside a comma list starts the imprint, the items before are notes
    ("Instead of GOST 16263 – 70, introduced, 2001-01-01, Minsk, The Interstate Council …")."""
    if ending.body.first != 0:
        return None
    prefix, places, rest = place_split(ending.last.text)
    if not (places and prefix and rest) or is_conference(rest):
        return None
    last = ending.last
    ending.draft.notes.append(prefix)
    ending.draft.record.extend(("note", None, last.start, last.start + len(prefix), "roles.imprint_after_notes"))
    return ending.take(_places(places), rest, ending.end - 1, "roles.imprint_after_notes")


def institution_then_place(ending: _Ending) -> int | None:
    """ "National Research University Higher School of Economics, Moscow": an institution, then its town."""
    name, comma, place = ending.last.text.rpartition(", ")
    if comma and is_known_place(place) and (is_institution(name) or is_publisher(name)):
        return ending.take((place,), name, ending.end - 1, "roles.institution_then_place")
    return None


def university_of_a_thesis(ending: _Ending) -> int | None:
    """ "Ph.D. thesis, V. N. Karazin Kharkiv National University, 2014", "PhD diss., University of Toronto, 2015":
    after a thesis's kind, an institution's name alone is the university that granted it."""
    if ending.body.marker != kinds.THESIS or ending.end - 1 != ending.body.first:
        return None
    name = ending.last.text
    if not (is_institution(name) or is_organisation(name)):
        return None
    return ending.take((), name, ending.end - 1, "roles.university_of_a_thesis")


def publisher_closing_a_dated_book(ending: _Ending) -> int | None:
    """APA 7's "Author (2011). Title. Random House.": a book dated after its authors ends with its publisher's
    name alone, no place (a short capitalised name, without numbers or places, no journal's; nothing but its DOI
    after it)."""
    draft, body = ending.draft, ending.body
    named = draft.recorded("persons")
    # (an organisation as author: its date in parentheses, read after the title's sentences, follows it)
    organisation = named >= 0 and draft.record[named + 4] == _ORGANISATION and kinds.DATE_PAREN in draft.kinds
    following = None if organisation and body.following == kinds.DATE_PAREN else body.following
    if following not in _AFTER_A_BOOK or body.locators or ending.end != len(body.sentences):
        return None
    if body.marker in WEB_MARKERS:  # "Retrieved …, from LexisNexis": a database, no publisher
        return None
    dated = draft.recorded("issued")
    if not organisation and (dated < 0 or draft.record[dated + 4] != "layout._read_head"):
        return None  # (dated after the authors: "Author (2011).", "Author. 2011.")
    if draft.fields.get("container_title") is not None and body.marker not in _CHAPTER_PAGES:
        return None  # (a chapter's book is published: "In Book (pp. 5–17). Publisher.")
    last = ending.last.text
    if _SHORT_NAME.fullmatch(last) is None or place_split(last)[1] or read_imprint(last).places:
        return None
    if is_conference(last) or is_container_cue(last) or is_journal_name(last):
        return None
    return ending.take((), last, ending.end - 1, "roles.publisher_closing_a_dated_book")


#: The rule that reads an organisation as author ("Nordic Council of Ministers. (2019). Title. Publisher.").
_ORGANISATION = "layout._corporate_author"
#: The pages of a chapter, after which its book's publisher may close the reference.
_CHAPTER_PAGES = frozenset({kinds.PAGES, kinds.PAREN_PAGES})
#: What may follow a book's publisher closing it: nothing, its DOI, a note of its language ("Yurait. (In Russ.)")
#: or of its original's date ("Brill. (Original work published 2003)"); before another URL the last sentence is
#: rather a web site's name: "Boston Globe. http://…".
_AFTER_A_BOOK = frozenset({None, kinds.DOI, kinds.LANG_NOTE, kinds.ORIGINAL_DATE})
#: A publisher's short name: one to four words, the first capitalised, no numbers, no question ("Random House",
#: "W. W. Norton", "Kuchkovo pole", "ROSSPEN"), a name in guillemets among them ("JRC «NIKIET»", "NRNU «MEPhI»").
_SHORT_NAME = re.compile(r"[A-ZА-ЯЁ][^\s\d?!:;«»“”\"()\[\]]*+(?:\s«?[^\s\d?!:;«»“”\"()\[\]]++»?){0,3}")


#: The imprint rules, in the order they are tried: each returns where the imprint it took starts, or where
#: the sentences it rules out end, or None to let the next rule try.
ImprintRule = Callable[[_Ending], int | None]
IMPRINT_RULES: Ruler[ImprintRule] = Ruler(
    [
        (rule.__name__, rule)
        for rule in (
            known_place_imprint,
            not_before_a_journal,
            shaped_place_and_publisher,
            not_a_collection,
            publisher_sentences,
            place_alone,
            place_then_publisher,
            shaped_imprint_of_a_book,
            imprint_after_notes,
            institution_then_place,
            university_of_a_thesis,
            publisher_closing_a_dated_book,
        )
    ],
    chain="imprint",
)


def _place_before_publisher(draft: Draft, sentence: str, publisher: str) -> bool:
    """A known place; in the References family also a town no lexicon knows, before "… Publ."
    ("Rostov-na-Donu. Yuzhnyj federal’nyj universitet Publ.")."""
    if is_place(sentence):
        return True
    return (
        PUBLISHER_RULES.is_on("strip_publisher_mark", draft.rules)
        and publisher.endswith("Publ.")
        and looks_like_place(sentence)
    )


def _places(text: str) -> tuple[str, ...]:
    return read_imprint(text).places or (text.strip(),)


def _collection_among(sentences: list[Sentence], first: int, end: int) -> bool:
    """Whether a collection's or conference's title stands among ``sentences[first:end]``."""
    return any(is_container_cue(s.text) or is_conference(s.text) for s in sentences[first:end])


def _container(draft: Draft, body: _Body, end: int, after_title: bool) -> int:
    """A collection or conference ("Proc. of …", "V trudakh …", "7-th Russian Conference on …")
    anywhere after the title, else the journal that closes the sentences before its locators."""
    sentences, first = body.sentences, body.first
    if draft.fields.get("container_title") is not None or end <= first:
        return end
    start = first if after_title or first > 0 else 1
    cue = next(
        (i for i in range(start, end) if is_container_cue(sentences[i].text) or is_conference(sentences[i].text)), None
    )
    if cue is not None:
        stop = cue + 1
        while stop < end and not _opens_with_place(sentences[stop].text) and not is_publisher(sentences[stop].text):
            if stop == end - 1 and body.year_after and _lone_town(sentences[stop].text, sentences[stop - 1].text):
                break  # "Proc. of … (EPE-PEMC 2008). Poznan, 2008": the town of the meeting
            stop += 1
        _set_container(draft, sentences[cue:stop])
        for index in range(stop, end):
            town = sentences[index]
            if index == end - 1 and body.year_after and _lone_town(town.text, sentences[index - 1].text):
                draft.take_imprint((town.text,), None, (town.start, town.end), rule="roles._container")
            else:
                _event_place_or_note(draft, sentences[index])
        return cue
    if body.journal_ahead(draft) and not sentences[end - 1].is_year:
        # after "Title [Translation]." every sentence before the locators is the journal's ("Mir Rossii. Sotsiologiya")
        journal = first if body.after_translation else _journal_start(sentences, first, end)
        at = (sentences[journal].start, sentences[end - 1].end)
        draft.put("container_title", draft.span(sentences[journal:end]), *at, "roles._container")
        return journal
    return end


def _set_container(draft: Draft, sentences: list[Sentence], rule: str = "roles._set_container") -> None:
    """A collection's or conference's title; places and dates printed after it in the same sentence
    are the event's ("Proceedings of Global 2009, Paris, France, September 6-11")."""
    text = draft.span(sentences)
    at = (sentences[0].start, sentences[-1].end)
    if text.startswith("in ") and text[3:4].isupper():  # Nature's "Title. in Proceedings of …"
        text, at = text[3:], (at[0] + 3, at[1])
    dashed = _DASHED_IMPRINT.search(text) if not draft.imprint_found else None
    if dashed is not None and _known_colon_imprint(dashed.group(1)):  # "Тр. конф. «…» – М.: Наука, Физматлит"
        imprint = read_imprint(dashed.group(1))
        begins = at[0] + dashed.start(1)
        draft.take_imprint(imprint.places, imprint.publisher, (begins, at[1]), (begins, at[1]), rule)
        text, at = text[: dashed.start()], (at[0], at[0] + dashed.start())
    title, places, rest = place_split(text) if len(sentences) == 1 else (text, "", "")
    if places and title and not is_conference(rest):
        draft.set_once("event_place", places, *at, rule)
        if rest:
            refine_date(draft, rest, *at, rule)
        text = title
    elif places and not title:  # "Dimitrovgrad, 7-th Russian Conference on Reactor Materials"
        draft.set_once("event_place", places, *at, rule)
        text = rest
    dated = _event_date().search(text)
    if dated and dated.start() > 0:  # "… Energy Forum, November 19-20": the meeting's days
        refine_date(draft, dated.group(1), *at, rule)
        text = text[: dated.start()]
    quoted = _COLLECTION.fullmatch(text)
    name, colon, other = text.partition(" : ")
    if colon and name and is_conference(other):  # GOST's "Title : материалы XII Междунар. конф. (Москва, …)"
        text = name
        draft.set_once("event_title", other, *at, rule)
        _meeting_place(draft, other, at)
    draft.put("container_title", quoted.group(1) if quoted else text, *at, rule)


def _meeting_place(draft: Draft, meeting: str, at: tuple[int, int]) -> None:
    """ "материалы … конф. (Москва, 15–17 мая 2021 г.)": the town that opens the parentheses is the meeting's."""
    inside = _CLOSING_PARENTHESES.search(meeting)
    if inside is None:
        return
    town = TOWN_PREFIX.sub("", inside.group(1).split(", ")[0], count=1).strip()
    if is_known_place(town) or looks_like_place(town):
        draft.set_once("event_place", town, *at, "roles._meeting_place")


_CLOSING_PARENTHESES = re.compile(r"\(([^()]{2,80})\)$")


#: GOST's area separator before the last part of a sentence ("… (ICIT’99)» – М.: Наука").
_DASHED_IMPRINT = re.compile(r"\s[–—]\s([^–—\d]{3,120})$")


def _opens_with_place(sentence: str) -> bool:
    """ "Kyoto, Japan, Sept. 28-Oct. 3": a place, perhaps followed by dates."""
    before, places, _ = place_split(sentence)
    return bool(places) and not before


def _event_place_or_note(draft: Draft, sentence: Sentence) -> None:
    """After a conference's title: its place ("Grenoble, France"), perhaps with its dates
    ("Venice, Italy, Nov 21-23")."""
    _, places, rest = place_split(sentence.text)
    rule = "roles._event_place_or_note"
    if places and draft.fields.get("event_place") is None and (not rest or date_from_text(rest) is not None):
        draft.put("event_place", places, sentence.start, sentence.end, rule)
        if rest:
            refine_date(draft, rest, sentence.start, sentence.end, rule)
    else:
        draft.unplaced(sentence, rule)


def _journal_start(sentences: list[Sentence], first: int, end: int) -> int:
    """Index of the first sentence of a journal name that closes ``sentences[first:end]``."""
    start = end - 1
    while start > first and continues_container(sentences[start].text, sentences[start - 1].text):
        start -= 1
    return start


def _journal_after_question(draft: Draft, sentence: Sentence) -> int | None:
    """A title that asks a question, then the journal ("… from the standpoint of physics? Uspekhi fizicheskikh
    nauk. 2010;180(4)"): the journal follows the last question mark; returns where the title ends."""
    found = _QUESTION_THEN_NAME.search(sentence.text)
    if found is None:
        return None
    start = sentence.start + found.end()
    draft.put(
        "container_title", sentence.text[found.end() :].strip(), start, sentence.end, "roles._journal_after_question"
    )
    return found.start() + 1


#: The last "?" or "!" before a capitalised word (and no other "?" or "!" after it).
_QUESTION_THEN_NAME = re.compile(r"[?!]\s++(?=[A-ZА-ЯЁ][^?!]*+$)")


def _journal_after_comma(draft: Draft, sentence: Sentence, rule: str = "roles._journal_after_comma") -> int | None:
    """A title and a journal in one sentence ("Strategic view …, Atomic Energy, 2019, vol. 3"):
    the journal is its last comma-separated part; returns where the title ends."""
    cut = sentence.text.rfind(", ")
    if cut <= 0:
        return None
    start = sentence.start + cut + 2
    draft.put("container_title", sentence.text[cut + 2 :].strip(), start, sentence.end, rule)
    return cut


def publisher_before_year(draft: Draft, body: _Body, end: int, reading: _Reading) -> int:
    """The rule of the families that print the year after the imprint (References, Vancouver): the sentence
    just before the year is the publisher ("[Translation]. Kuchkovo pole, 2008. 448 p.") when nothing else
    has taken it."""
    if not body.year_after or draft.imprint_found or end <= body.first:
        return end
    lead = reading.lead
    if body.journal_ahead(draft) or (lead and end - 1 < 1) or draft.fields.get("container_title") is not None:
        return end
    sentence = body.sentences[end - 1]
    last, at, rule = sentence.text, (sentence.start, sentence.end), "roles.publisher_before_year"
    shaped = read_imprint(last) if ": " in last else None
    if _lone_town(last, body.sentences[end - 2].text if end >= 2 else ""):
        draft.take_imprint((last,), None, at, rule=rule)  # "… diss. Novocherkassk, 2016.": a town, no publisher
    elif shaped is not None and shaped.confidence is Confidence.SHAPE and shaped.places and shaped.publisher:
        draft.take_imprint(shaped.places, shaped.publisher, at, at, rule)  # "Kostroma: Gubernskaia tipografiia, 1879"
    else:
        draft.take_imprint((), last, publisher_at=at, rule=rule)
    return end - 1


def _lone_town(sentence: str, before: str) -> bool:
    """One capitalised word that is no known publisher and no publisher's name, and no family name after
    initials (``before`` ends with none): a town no lexicon knows ("Novocherkassk", "Saransk"), where a
    year follows."""
    if _ENDS_WITH_INITIAL.search(before):
        return False
    return " " not in sentence.strip() and looks_like_place(sentence) and not is_publisher(sentence)


_ENDS_WITH_INITIAL = re.compile(r"(?:^|[\s.])[A-ZА-ЯЁ][a-zа-яё]?$")


def _without_trailing_dash(title: str) -> str:
    r"""A dash left at the end of a title by the designation after it ("Title – NEA-CSNI-R-2014-13") taken
    off with the space before it (``re.sub(r"\s[–—-]$", "", title)`` without a search through the title)."""
    end = len(title) - 1 if title.endswith("\n") else len(title)  # ("$" is also before a last newline)
    if end >= 2 and title[end - 1] in "–—-" and title[end - 2].isspace():
        return title[: end - 2] + title[end:]
    return title


def read_container_group(draft: Draft, body: _Body) -> None:
    """'In …' or '// …': the container, with a chapter's imprint before ', pp.' (a web site's
    container, before "[website]" or a URL, has none)."""
    sentences = body.sentences
    end = len(sentences)
    if body.following not in WEB_MARKERS and not draft.imprint_found:
        # "in: Book, Publisher, Place, 1998, pp. 15–26": the book's imprint closes its title's sentence
        book = _imprint_after_a_comma(draft, sentences[-1], with_places=True)
        if book is not None:
            sentences = [*sentences[:-1], book]
            draft.chapter_imprint = draft.fields.get("publisher") is not None  # a book's, not a journal's
    if body.following not in WEB_MARKERS or _known_colon_imprint(sentences[-1].text):
        # (before a URL only "Place: Publisher": "In Proc. of … (FR17). Ekaterinburg: ROSATOM. https://…")
        end = _imprint_at_end(draft, body, end, container_given=True)
    places = end
    while places > 1 and _opens_with_place(sentences[places - 1].text):
        places -= 1
    _set_container(draft, sentences[:places])
    for sentence in sentences[places:end]:  # "In Proc. of … «ICRS-12». Nara, Japan, 2012": the meeting's place
        _event_place_or_note(draft, sentence)


def _known_colon_imprint(sentence: str) -> bool:
    """ "Ekaterinburg: ROSATOM": a known place, a colon and a publisher."""
    imprint = read_imprint(sentence)
    return ":" in sentence and imprint.confidence is Confidence.KNOWN_PLACE and imprint.publisher is not None


class _Reading(NamedTuple):
    """How a body is read: after the title (else its sentences before the roles are notes), and whether it
    is the leading run (its first sentence is the title)."""

    after_title: bool
    lead: bool


def _imprint_step(draft: Draft, body: _Body, end: int, reading: _Reading) -> int:  # noqa: ARG001
    """The imprint that closes the body (``IMPRINT_RULES``)."""
    return _imprint_at_end(draft, body, end)


def _container_step(draft: Draft, body: _Body, end: int, reading: _Reading) -> int:
    """The container before the imprint: a collection's or conference's title, or the journal before its
    locators."""
    return _container(draft, body, end, reading.after_title)


#: A step of a body's reading: (draft, body, where the unread sentences end, how it is read) -> where
#: they end now.
BodyRule = Callable[[Draft, _Body, int, _Reading], int]
#: The steps of a body's reading, from its end: the imprint, the container, and the families' own.
BODY_RULES: Ruler[BodyRule] = Ruler(
    [("imprint", _imprint_step), ("container", _container_step), ("publisher_before_year", publisher_before_year)],
    off=("publisher_before_year",),
    chain="body",
)
