"""Marker readers: the fields each marker fills by itself.

"Vol. 2" (a journal's volume, or a book's with its title), "No. 4 (61)", "pp. 5–17", "448 p.",
"[Translation]", "(mode of access: …)", "GOST R …", "Patent RF No. …", "Preprint FEI-2264", …
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from lark import Token

from ..lexicon import compiled, is_word, kinds, language_code, pattern, starts_with
from ..lexicon.words import REGIONS
from ..models import Diagnostic, IssueKind, PartialDate, Role, Severity, VolumeKind
from .dates import date_from_text, year_date, year_of
from .draft import NOWHERE, Draft, Translates, add_persons, refine_date, warning
from .grammar import Element, names_in
from .imprint import is_known_place
from .persons import person
from .shapes import is_conference, is_container_cue
from .values import (
    ams_locator,
    apa_locator,
    chicago_locator,
    colon_locator,
    doi_in,
    issue_number,
    number_in,
    page_range,
    paren_pages,
    vancouver_date,
    vancouver_locator,
)

_DIGITS = re.compile(r"\d+")
_VOLUMES = re.compile(r"\d++(?:,\d++)++")
_ROMAN = re.compile(r"[IVXLC]++(?:[–-][IVXLC]++)?$")


@lru_cache(maxsize=1)
def _report_pattern() -> re.Pattern[str]:
    """ "Working Paper No. 39", "Preprint FJEI- 2264", "report LA UR-02-1839", "NBER Working Paper No. 5": the
    series' name, then its number (the first word that starts with a digit or two capitals), perhaps after "No."."""
    return re.compile(
        r"(?P<genre>[^\W\d_](?:[a-zа-яё]*+|[A-ZА-ЯЁ]++)\.?(?:\s[^\W\d_](?:[a-zа-яё]*+|[A-ZА-ЯЁ]++)\.?)*?)\s"
        rf"(?:(?:{pattern('NUMBER_ABBREVIATION')})\.?:?\s?|№\s?)?"
        r"(?P<number>(?:\d|[A-ZА-ЯЁ](?=[A-ZА-ЯЁ\d-])).*)"
    )


_PATENT_NUMBER = re.compile(r"\d[\d\s/.,-]*+")


#: A marker's reader: it fills the draft's fields from the marker's token.
Reader = Callable[[Draft, Element], None]


def read_marker(draft: Draft, element: Element) -> None:
    """Fields a marker fills by itself, each recorded as read from the marker's token by its reader."""
    reader = _MARKER_READERS.get(element.kind)
    if reader is not None:
        token = element.token
        draft.at = (
            (token.start_pos, token.end_pos) if token.start_pos is not None and token.end_pos is not None else NOWHERE
        )
        draft.rule = _RULE_NAMES[element.kind]
        reader(draft, element)
        draft.at = NOWHERE
        draft.rule = ""


def _value(element: Element) -> str:
    return str(element.token.value).strip()


def _translation(draft: Draft, element: Element) -> None:
    """The bracketed translation of the title, or of the container after it; one bracket after a
    title and a collection ("Title. Sbornik trudov [Title's translation. Proceedings]") holds both."""
    inner = draft.token_text(element.token)[1:-1].strip()
    translates = draft.next_translation
    if translates is Translates.TITLE_AND_CONTAINER and draft.fields.get("title_translation") is None:
        head, tail = _title_and_container(inner)
        if head and tail:
            draft.put("title_translation", head)
            draft.put("container_translation", tail.rstrip("."))
        else:
            draft.put("title_translation", inner)
        return
    key = "container_translation" if draft.fields.get("container_title") else "title_translation"
    if translates is Translates.CONTAINER:
        key = "container_translation"
    draft.set_once(key, inner)


def _title_and_container(translation: str) -> tuple[str, str]:
    """A bracket that translates a title and its container: cut before the container's first words
    ("… effects. Proceedings of the Intl. conf. «…»"), else at the last sentence end."""
    start = 0
    while (found := translation.find(". ", start)) != -1:
        tail = translation[found + 2 :]
        if is_container_cue(tail) or is_conference(tail):
            return translation[:found], tail
        start = found + 2
    head, _, tail = translation.rpartition(". ")
    return head, tail


def _volumes(draft: Draft, element: Element) -> None:
    """ "in 2 vols.", "v 4 kn." (books), "в 3 ч." (parts): how many, and of what."""
    value = _value(element)
    count = _DIGITS.search(value)
    unit = value.rsplit(maxsplit=1)[-1].rstrip(".")
    key = "number_of_parts" if is_word("PART_UNIT", unit) else "number_of_volumes"
    draft.set_once(key, count.group() if count else None)
    if is_word("BOOK_UNIT", unit):
        draft.fields["volume_kind"] = VolumeKind.BOOK


def _issue(draft: Draft, element: Element) -> None:
    """ "No. 4 (61)", "Iss. 2", and Chicago's "no. 6–7: 54–68" (the pages after the colon)."""
    value, colon, pages = _value(element).partition(":")
    if colon and kinds.PAGES not in draft.kinds:  # (before "pp. 1-31" the number after the colon is an article's)
        draft.set_once("pages", page_range(pages))
    if kinds.PATENT in draft.kinds and draft.fields.get("number") is None:
        draft.set_once("number", number_in(value))
        return
    draft.set_once("issue", issue_number(value))
    if starts_with("FASCICLE_WORD", value):
        draft.fields["issue_kind"] = IssueKind.ISSUE


def _book(draft: Draft, element: Element) -> None:
    value = _value(element)
    if draft.fields.get("volume") is None:
        draft.fields["volume_kind"] = VolumeKind.BOOK
    draft.set_once("volume" if draft.fields.get("volume") is None else "part", number_in(value))


def _report(draft: Draft, element: Element) -> None:
    value = _value(element).strip("()")
    report = _report_pattern().fullmatch(value.rstrip(".,"))
    genre, number = (report.group("genre"), report.group("number")) if report else (value.rstrip(".,"), None)
    if genre == "Paper":  # a conference paper's number ("Paper CN-195"), not a report series
        draft.kinds.discard(kinds.REPORT_NO)
    else:
        draft.set_once("genre", genre)
    if number:
        draft.set_once("number", number.replace("- ", "-"))


def _thesis(draft: Draft, element: Element) -> None:
    """ "Cand. Sci. (Eng.) diss.", APA's "(Doctoral dissertation, Moscow State University)" (in brackets in APA 7):
    the degree, and the university that granted it."""
    value = _value(element)
    if value[:1] in "([" and value[-1:] in ")]":  # (APA 7 in brackets: "[Doctoral dissertation, University]")
        value, _, university = value[1:-1].partition(", ")
        if university.strip():  # the imprint (what follows is a database: "ProQuest Dissertations and Theses")
            start = (element.token.start_pos or 0) + 1 + len(value) + 2
            draft.take_imprint((), university.strip(), publisher_at=(start, start + len(university.strip())))
    draft.set_once("genre", value.strip("[]()"))


def _volume(draft: Draft, element: Element) -> None:
    """ "Vol. 2", "v. 117 (5)" (a volume and its issue), "V.1,2." (two volumes)."""
    value = _value(element)
    volume, _, issue = value.partition("(")
    numbers = _VOLUMES.search(volume)
    roman = _ROMAN.search(volume)
    draft.set_once("volume", numbers.group() if numbers else number_in(volume) or (roman.group() if roman else None))
    if issue:
        draft.set_once("issue", issue.rstrip(") "))


def _edition(draft: Draft, element: Element) -> None:
    """ "2nd ed.", "2-е изд."; an edition named by its year ("2001 Edition") dates the work."""
    value = _value(element)
    number = _DIGITS.search(value)
    if number and len(number.group()) == 4:
        draft.date_year(int(number.group()))
    elif number:
        draft.set_once("edition", number.group())


def _published(draft: Draft, element: Element) -> None:
    """ "Опубл. 17.02.2015": a patent's date of publication."""
    value = _value(element)
    found = date_from_text(value)
    if found is not None:
        draft.put("issued", found)  # a patent's date is its publication's, whatever dates come before


def _series(draft: Draft, element: Element) -> None:
    """ "Series no. 3": the series' number (its name is set from the sentence before, ``_series_names``)."""
    value = _value(element)
    draft.set_once("collection_number", value.rpartition(" ")[2].rstrip(".,"))


def _date_paren(draft: Draft, element: Element) -> None:
    """ "(1969)", "(2019, March 14)": the work's date; a day in parentheses straight after a URL is the day
    it was read (the American Political Science Association's "http://… (June 29, 2021).")."""
    date = paren_date(_value(element))
    url_at = draft.recorded("url")
    if url_at >= 0 and date.day is not None:
        between = draft.text[draft.record[url_at + 3] : element.token.start_pos or 0]
        if not between.strip():
            draft.set_once("accessed", date)
            return
    draft.set_once("issued", date)


def paren_date(value: str) -> PartialDate:
    """ "(1969)", "(N. d.)", "(Jun. 30, 2011.)", APA's "(2019, March 14)"."""
    found = date_from_text(value) if any(c.isalpha() for c in value.strip("(). Nnd")) else None
    year = year_of(value)
    return found or (year_date(year) if year else PartialDate(undated=True))


def _editors_note(draft: Draft, element: Element) -> None:
    """ "(Ed. by the acad. of RAS Ponomarev-Stepnoy N.N.)": the names the statement holds are editors."""
    value = _value(element)
    _, _, statement = value.partition(" ")  # after "(Ed. by", "(Eds", "(Под ред."
    for found in names_in(statement):  # (each read from the statement's token)
        draft.add_person(person(found.type, found.value, Role.EDITOR), *draft.at, draft.rule)


def _season(draft: Draft, element: Element) -> None:
    value = _value(element)
    issued = draft.fields.get("issued") or PartialDate()
    draft.amend("issued", issued.model_copy(update={"season": value}))


def _url(draft: Draft, element: Element) -> None:
    value = _value(element)
    url = (
        value if element.kind == kinds.BARE_URL else (element.value.value if element.value is not None else "").strip()
    )
    if not url:
        return
    start, end = draft.at
    if element.kind != kinds.BARE_URL and element.value is not None and element.value.start_pos is not None:
        start, end = element.value.start_pos, element.value.end_pos or start  # the address after "URL:"
    if compiled("DOI_WORD").match(url) and doi_in(url):  # "Available: http://dx.doi.org/10.…": a DOI, as printed bare
        draft.set_once("doi", doi_in(url), start, end)
    elif url.startswith(("http://", "https://", "www.")):
        url = url.rstrip(".,;")
        if url.endswith(")") and url.count(")") > url.count("("):  # "(available at http://….)"
            url = url[:-1]
        draft.set_once("url", url, start, end)
    else:
        draft.set_once("url_fragment", url, start, end)
        draft.diagnostics.append(
            Diagnostic(
                code="torn-url",
                message=f"the URL was lost; only the fragment {url!r} remains",
                severity=Severity.WARNING,
            )
        )


def _doi(draft: Draft, element: Element) -> None:
    value = _value(element)
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


def _language_note(draft: Draft, element: Element) -> None:
    """ "(in Russian)", "(In Russ., abstr. in Engl.)", and their misspellings ("(in Rissian)", "(in Ucraine)")."""
    value = _value(element)
    name = value.strip("()[]").split(maxsplit=1)[-1].split(",")[0].strip()
    draft.set_once("noted_language", language_code(name))


def _apa(draft: Draft, element: Element) -> None:
    value = _value(element)
    if element.kind == kinds.VANCOUVER_LOCATOR and vancouver_date(value):
        draft.set_once("issued", date_from_text(value))  # "Vedomosti. 2018 Jun 14.": a newspaper's issue
        return
    volume_and_year = _VOLUME_AND_YEAR.fullmatch(value) if element.kind == kinds.APA_LOCATOR else None
    if volume_and_year is not None:  # DIN 1505's "Stahlbau 78 (2009), Nr. 4": the volume and its year
        draft.set_once("volume", volume_and_year.group(1))
        draft.date_year(int(volume_and_year.group(2)))
        return
    if element.kind == kinds.APA_LOCATOR:
        locator = apa_locator(value)
    elif element.kind == kinds.CHICAGO_LOCATOR:
        locator = chicago_locator(value)
    elif element.kind == kinds.COLON_LOCATOR:
        locator = colon_locator(value)
    else:
        locator = vancouver_locator(value)
    if locator:
        year, volume, issue, pages = locator
        if year:
            draft.date_year(int(year))
            dated = value.partition(";")[0] if element.kind == kinds.VANCOUVER_LOCATOR else ""
            if any(character.isalpha() for character in dated):  # "2020 Mar 12;382(11)": the issue's day
                refine_date(draft, dated)
        draft.set_once("volume", volume)
        draft.set_once("issue", issue)
        draft.set_once("pages", pages)


#: A volume and, after a space, a year in parentheses (DIN 1505; APA prints the issue without the space).
_VOLUME_AND_YEAR = re.compile(r"(\d{1,4})\s\(((?:1[89]|20)\d\d)\)")


def _year_locator(draft: Draft, element: Element) -> None:
    """ "12, 54–68" before "(1995)" (Nature, Science): the volume, if any, and the pages."""
    volume, _, pages = _value(element).rpartition(", ")
    draft.set_once("volume", volume or None)
    draft.set_once("pages", page_range(pages))


def month_before(text: str, element: Element) -> str | None:
    """The month name just before a marker ("Paris, July 7-10": its "7-10" are days, not pages)."""
    start = element.token.start_pos or 0
    word = text[max(0, start - 12) : start].rstrip().rpartition(" ")[2]
    return word if word and is_word("MONTH", word) else None


def _bare_pages(draft: Draft, element: Element) -> None:
    """ "54–68" closing the reference (Elsevier Harvard, Cell); after a month's name the days of a meeting."""
    month = month_before(draft.text, element)
    if month is not None:
        issued = draft.fields.get("issued")
        if issued is not None and issued.year is not None:
            refine_date(draft, f"{month} {_value(element).rstrip('.')}")
    else:
        draft.set_once("pages", page_range(_value(element)))


def _pages_of(text: str) -> str | None:
    """Pages as printed, a page with a letter kept whole ("A237", "e0123")."""
    text = text.strip().rstrip(".")
    return page_range(text) if text[:1].isdigit() else text or None


def _closing_locator(draft: Draft, element: Element) -> None:
    """ "12, 54–68" closing the reference after the journal's name (Elsevier Harvard, Cell): volume and pages."""
    volume, _, pages = _value(element).partition(", ")
    draft.set_once("volume", volume)
    draft.set_once("pages", _pages_of(pages))


def _paren_year_locator(draft: Draft, element: Element) -> None:
    """ "4 (1993) 397–413", "(1995) 54–68" (Elsevier numeric): the volume, if any, the year and the pages."""
    volume, _, rest = _value(element).partition("(")
    year, _, pages = rest.partition(")")
    draft.date_year(year_of(year))
    draft.set_once("volume", volume.strip() or None)
    draft.set_once("pages", _pages_of(pages))


def _ams_locator(draft: Draft, element: Element) -> None:
    """ "191 (2000), no. 4, 73–98" (the American Mathematical Society): volume, year, issue and pages."""
    locator = ams_locator(_value(element))
    if locator:
        year, volume, issue, pages = locator
        draft.date_year(year_of(year) if year else None)
        draft.set_once("volume", volume)
        draft.set_once("issue", issue)
        draft.set_once("pages", pages)


def _journal_year(draft: Draft, element: Element) -> None:
    """ACS's year between the journal's name and its volume ("Journal 2015, 117 (5), 357–365")."""
    draft.date_year(year_of(_value(element)))


def _paren_imprint(draft: Draft, element: Element) -> None:
    """ "(W. W. Norton, 1969)", "(Bloomsbury Press, NY, 2009)", Cell's "(Oxford University Press)", Science's report
    "(LA-13638, Los Alamos National Laboratory, 2000)", edition "(Oxford Univ. Press, ed. 2, 2017)" and address
    "(Nauka, Moscow, 2021; http://…)": the report's number, the publisher, the edition, the URL,
    its places (the parts that name known places; the others belong to the publisher: "(US Government,
    Department of Defense)"), the year."""
    token = element.token
    value = _value(element)
    inside, _, address = value[1:-1].partition("; ")  # Science's "(Nauka, Moscow, 2021; http://…)"
    if address:
        at = (token.start_pos or 0) + 1 + len(inside) + 2
        draft.set_once("url", address, at, at + len(address))
    parts = inside.split(", ")
    start = (token.start_pos or 0) + 1
    # Science's report: "(LA-13638, Los Alamos …, 2000)" (the grammar's designation before the publisher: the
    # publisher's parts hold no digit, so a first part with one is the designation)
    if len(parts) > 1 and any(c.isdigit() for c in parts[0]):
        code = parts[0]
        series = compiled("REPORT_WORD").match(code)
        if series is not None and code[series.end() : series.end() + 1] == " ":  # "report LA UR-02-1839"
            draft.set_once("genre", series.group(), start, start + series.end())
            code = code[series.end() + 1 :]
        draft.set_once("number", code, start + len(parts[0]) - len(code), start + len(parts[0]))
        draft.kinds.add(kinds.REPORT_CODE)  # a report, as "LA-13638" printed alone makes one
        start += len(parts.pop(0)) + 2
    if parts[-1][:1].isdigit():
        draft.date_year(year_of(parts.pop()))
    if not parts:  # "(IAEA-TECDOC-1656, 2011)": the designation and the year only
        return
    edition = compiled("EDITION_ABBREVIATION").match(parts[-1]) if len(parts) > 1 else None
    if edition is not None and parts[-1][edition.end() :].strip().isdigit():  # "(Oxford Univ. Press, ed. 2, 2017)"
        printed = parts.pop()
        at = (token.start_pos or 0) + value.rindex(printed)
        draft.set_once("edition", printed[edition.end() :].strip(), at, at + len(printed))
    places: tuple[str, ...]
    if len(parts) > 1 and is_known_place(parts[0]):  # "(Chicago, American Bar Association)"
        publisher, places = ", ".join(parts[1:]), (parts[0],)
        start += len(parts[0]) + 2
    else:
        first_place = len(parts)
        while first_place > 1 and (is_known_place(parts[first_place - 1]) or parts[first_place - 1] in REGIONS):
            first_place -= 1
        publisher, places = ", ".join(parts[:first_place]), tuple(parts[first_place:])
    draft.take_imprint(places, publisher, publisher_at=(start, start + len(publisher)), rule="markers._paren_imprint")


def _paren_pages(draft: Draft, element: Element) -> None:
    """APA's "(Vol. 2, pp. 312–321)", "(2nd ed., pp. 45–78)" after an edited book's title."""
    edition, volume, pages = paren_pages(_value(element))
    draft.set_once("edition", edition)
    draft.set_once("volume", volume)
    draft.set_once("pages", pages)


def _container_editors(draft: Draft, element: Element) -> None:
    """ "In: Polyakov Yu.A. (ed.)", "In J. B. Davies (Ed.),", "Book (R. Castellano, ed.)": the container's editors."""
    editors = element.value  # the names' offsets are into the editors' token
    offset = (editors.start_pos or 0) if editors is not None else 0
    add_persons(draft, element.names, Role.EDITOR, offset=offset)


def _paren_translators(draft: Draft, element: Element) -> None:
    """APA's "(M. Greene, Trans.)" after the title, an edition with them: "(A. Lindqvist, Trans.; 2nd ed.)"."""
    add_persons(draft, element.names, Role.TRANSLATOR, offset=element.token.start_pos or 0)
    value = _value(element)
    _, _, edition = value.partition("; ")
    number = _DIGITS.search(edition)
    if number is not None:
        start = (element.token.start_pos or 0) + value.index(edition) + number.start()
        draft.set_once("edition", number.group(), start, start + len(number.group()))


def _preprint_id(draft: Draft, element: Element) -> None:
    """ "arXiv:2106.01234 [math.CA]": the preprint's number (its subject class left out)."""
    value = _value(element).partition(" [")[0]
    start = element.token.start_pos or 0
    draft.set_once("number", value, start, start + len(value))


def _original_date(draft: Draft, element: Element) -> None:
    """APA's "(Original work published 2003)": the original's date, kept as the note (the work's year is its own)."""
    value = _value(element)
    start = (element.token.start_pos or 0) + 1
    draft.set_once("note", value[1:-1], start, start + len(value) - 2)


def _meeting_place(draft: Draft, element: Element) -> None:
    """ "(El Escorial, 2008)" after a book's title: where its meeting was held (its year is the meeting's)."""
    value = _value(element)
    place = value[1:].rpartition(", ")[0]
    if "," in place and place.rpartition(", ")[2][:1].isupper() is False:
        place = place.rpartition(", ")[0]
    start = (element.token.start_pos or 0) + 1
    draft.set_once("event_place", place, start, start + len(place))


def _responsibility(draft: Draft, element: Element) -> None:
    """ "/ with A. Smith" (contributors), "/ ed. by …" (editors), "/ I. I. Ivanov" (GOST: the authors again)."""
    role = _statement_role(element.kind, _value(element))
    if role is None and draft.persons:
        _all_authors(draft, element.names)  # GOST repeats the authors after the title, all of them
        return
    add_persons(draft, element.names, role or Role.AUTHOR)


#: The lexicon's statement words, by the role they give, in the order they are tried.
_STATEMENT_ROLES = (
    ("STATEMENT_CONTRIBUTOR", Role.CONTRIBUTOR),
    ("STATEMENT_EDITOR", Role.EDITOR),
    ("STATEMENT_TRANSLATOR", Role.TRANSLATOR),
)


def _statement_role(kind: str, statement: str) -> Role | None:
    """The role a statement's words give its persons ("/ ed. by", "; пер."), none for a bare "/"."""
    if kind == kinds.TRANSLATORS:
        return Role.TRANSLATOR
    if kind == kinds.EDITORS:
        return Role.EDITOR
    for piece, role in _STATEMENT_ROLES:
        if compiled(piece).search(statement):
            return role
    return None


def _all_authors(draft: Draft, names: tuple[Token, ...]) -> None:
    """ "Гимпельсон В.Е. Title / В.Е. Гимпельсон, А.А. Зудина": the statement names the head's author
    and the co-authors the head leaves out, who are added after the head's."""
    tokens = [token for token in names if token.type != kinds.ETAL]
    listed = [person(token.type, token.value, Role.AUTHOR) for token in tokens]
    known = {p.family.lower() for p in draft.persons}
    if not any(p.family.lower() in known for p in listed):
        return
    for found, token in zip(listed, tokens, strict=True):
        if found.family.lower() not in known:
            draft.add_person(found, token.start_pos or 0, token.end_pos or 0, "markers._all_authors")


def _standard(draft: Draft, element: Element) -> None:
    """ "GOST R 7.0.5-2008", DIN 1505's "Norm DIN 33477-2 2021-11" (the word left out, the month of issue read)."""
    value = _value(element).strip("()").rstrip(".,").removeprefix("Norm ")
    issued = _STANDARD_MONTH.search(value)
    if issued is not None:
        draft.set_once("issued", PartialDate(year=int(issued.group(1)), month=int(issued.group(2))))
        value = value[: issued.start()]
    draft.set_once("number", value)


#: A standard's month of issue after its designation ("DIN 33477-2 2021-11").
_STANDARD_MONTH = re.compile(r"\s((?:1[89]|20)\d\d)-([01]\d)$")
#: A patent's number printed in groups with its country and kind codes (DIN 1505's "DE 10 2019 118 532 B4").
_GROUPED_PATENT = re.compile(r"[A-Z]{2}\s\d{1,4}(?:\s\d{3,4}){2,4}+(?:\s[A-Z]\d)?")


def _patent(draft: Draft, element: Element) -> None:
    value = _value(element)
    number = _GROUPED_PATENT.search(value) or _PATENT_NUMBER.search(value)
    if number:
        draft.set_once("number", number.group().strip(" .,"))


def _set(field_name: str, convert: Callable[[str], Any] | None = None) -> Reader:
    """A reader that stores the marker's value (converted) in one field, once."""

    def read(draft: Draft, element: Element) -> None:
        value = _value(element)
        draft.set_once(field_name, convert(value) if convert else value)

    read.__name__ = f"_set({field_name!r})"
    return read


def _page_count(value: str) -> str | None:
    digits = _DIGITS.search(value)
    return digits.group() if digits else None


def _misplaced_editor_mark(draft: Draft, element: Element) -> None:
    draft.diagnostics.append(warning("misplaced-editor-mark", "editor mark outside the head", element.token))


def _date_text(draft: Draft, element: Element) -> None:
    refine_date(draft, _value(element))


_MARKER_READERS: dict[str, Reader] = {
    kinds.TRANSLATION: _translation,
    kinds.MEDIUM: _set("medium", lambda v: v[1:-1].strip()),
    kinds.N_VOLS: _volumes,
    kinds.VOLUME: _volume,
    kinds.JOURNAL_VOLUME: _volume,
    kinds.ISSUE: _issue,
    kinds.PAGES: _set("pages", page_range),
    kinds.PAGE_COUNT: _set("page_count", _page_count),
    kinds.ARTICLE_NO: _set("number", lambda v: _DIGITS.findall(v)[-1]),
    kinds.SERIES_NO: _series,
    kinds.EDITION: _edition,
    kinds.PUBLISHED: _published,
    kinds.PART: _set("part", number_in),
    kinds.BOOK: _book,
    kinds.THESIS: _thesis,
    kinds.REPORT_NO: _report,
    kinds.REPORT_CODE: _set("number", lambda v: v.rstrip(".,;")),
    kinds.STANDARD: _standard,
    kinds.PATENT: _patent,
    kinds.ISBN: _set("isbn", lambda v: v.split(maxsplit=1)[-1].lstrip(": ")),
    kinds.DATE_PAREN: _date_paren,
    kinds.DATE_TEXT: _date_text,
    kinds.SEASON: _season,
    kinds.ACCESS: _set("accessed", date_from_text),
    kinds.ACCESS_TEXT: _set("accessed", date_from_text),
    kinds.URL: _url,
    kinds.BARE_URL: _url,
    kinds.DOI: _doi,
    kinds.LANG_NOTE: _language_note,
    kinds.APA_LOCATOR: _apa,
    kinds.COLON_LOCATOR: _apa,
    kinds.YEAR_LOCATOR: _year_locator,
    kinds.CHICAGO_LOCATOR: _apa,
    kinds.BARE_VOLUME: _set("volume"),
    kinds.BARE_PAGES: _bare_pages,
    kinds.CLOSING_LOCATOR: _closing_locator,
    kinds.PAREN_YEAR_LOCATOR: _paren_year_locator,
    kinds.AMS_LOCATOR: _ams_locator,
    kinds.JOURNAL_YEAR: _journal_year,
    kinds.PAREN_IMPRINT: _paren_imprint,
    kinds.VANCOUVER_LOCATOR: _apa,
    kinds.ARCHIVE_LOCATOR: _set("archive_location", lambda v: v.rstrip(".")),
    kinds.RESPONSIBILITY: _responsibility,
    kinds.EDITORS: _responsibility,
    kinds.TRANSLATORS: _responsibility,
    kinds.EDITORS_NOTE: _editors_note,
    kinds.ED_MARK: _misplaced_editor_mark,
    kinds.PAREN_PAGES: _paren_pages,
    kinds.IN: _container_editors,
    kinds.PAREN_EDITORS: _container_editors,
    kinds.MEETING_PAREN: _meeting_place,
    kinds.PAREN_TRANSLATORS: _paren_translators,
    kinds.ORIGINAL_DATE: _original_date,
    kinds.PREPRINT_ID: _preprint_id,
}
#: The name each reader is recorded by ("markers._volume", "markers._set('pages')").
_RULE_NAMES = {kind: f"markers.{reader.__name__}" for kind, reader in _MARKER_READERS.items()}
