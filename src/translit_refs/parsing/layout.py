"""The layout: from a parsed skeleton to the Reference, by its family's rules.

``assemble`` reads the head (persons, date), cuts the skeleton into groups (the leading run,
then each marker and its run), lets each marker fill its fields (``markers.py``) and each group's
sentences take their roles (``roles.py``), then decides the item type (``reference_type``) and
the language of the work (``work_language``): "ru" for a transliterated title, or when
"(in Russian)" says so.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from functools import lru_cache
from typing import Any

from lark import Token

from ..families.base import NEUTRAL, Family
from ..lexicon import compiled, kinds, language_code, pattern, starts_with
from ..lexicon.words import (
    COLLECTION_CUES,
    LEGAL_CASE,
    LEGAL_CASE_NUMBER,
    LEGISLATION,
    LEGISLATION_DATE,
    LEGISLATION_KIND,
    LEGISLATION_NAMED,
    LEGISLATION_OF,
    NEWSPAPER_NAME,
    PROCEEDINGS_CUES,
    REGIONS,
    REPORT_TITLES,
    SERIES_NAME,
)
from ..models import Diagnostic, PartialDate, Person, Reference, ReferenceType, Role, capped
from .dates import date_from_text, year_date, year_of
from .draft import ARTICLE_LOCATORS, DESIGNATIONS, WEB_MARKERS, Draft, Group, add_persons
from .grammar import Element, Head, Sentence, Skeleton, names_in
from .imprint import is_known_place, read_imprint
from .language import title_language
from .markers import month_before, paren_date, read_marker
from .normalize import Normalised
from .roles import Ahead, part_without_its_mark, read_group
from .ruler import Ruler
from .shapes import is_conference, is_journal_name, is_organisation, is_place
from .values import is_page_range


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
    draft = Draft(text.display, family.name if family else None, family.rules if family else NEUTRAL)
    draft.diagnostics.extend(diagnostics)
    skeleton = _forward_names_end(skeleton, text.text)
    _read_head(draft, skeleton.head)
    differs = text.display != text.text
    groups = [Group(kinds.LEAD, None, _as_printed(draft.text, skeleton.lead) if differs else skeleton.lead)]
    groups += [
        Group(
            _role_of(e, draft.text) if e.kind in _ROLES_READ else e.kind,
            e,
            _as_printed(draft.text, e.run) if differs else e.run,
        )
        for e in skeleton.elements
    ]
    _bracketed_note_no_imprint(groups)
    draft.kinds = {g.kind for g in groups}
    _archive(draft, groups)
    _series_names(draft, groups)
    _corporate_author(draft, groups)
    _editors_before_mark(draft, groups)
    _listed_editors(draft, groups)
    if not groups[0].run and groups[1:] and groups[1].kind in DESIGNATIONS:
        # "NP-001-15. Obshchiye polozheniya …": the title follows the designation (or its date:
        # "OST 41-08-212-04. (2004) Upravlenie …")
        titled = 2 if not groups[1].run and groups[2:] and groups[2].kind == kinds.DATE_PAREN else 1
        groups[0] = Group(kinds.LEAD, None, groups[titled].run)
        groups[titled] = Group(groups[titled].kind, groups[titled].element, ())
    for index, (group, ahead) in enumerate(zip(groups, _markers_ahead(groups), strict=True)):
        if group.element is not None:
            read_marker(draft, group.element)
        read_group(draft, group, ahead, after_title=index == 1 or group.kind in _STATEMENTS)
    _language_from_notes(draft)
    _newspaper_from_notes(draft)
    _title_from_notes(draft)
    _title_only_translated(draft)
    _date_from_notes(draft)
    _medium_from_notes(draft)
    _site_from_notes(draft)
    part_without_its_mark(draft)
    _other_title_information(draft)
    _series_of_a_book(draft)
    if skeleton.label is not None:
        _citation_label(draft, skeleton.label)
    for container_rule in CONTAINER_RULES.active(draft.rules):
        container = draft.fields.get("container_title")
        if container:
            container_rule(draft, container)
    title_language = _title_language(draft)
    kind = reference_type(draft)
    if kind is ReferenceType.LEGISLATION:
        _law_designation(draft)
    elif kind is ReferenceType.LEGAL_CASE:
        _case_designation(draft)
    elif kind is ReferenceType.DATASET:
        _publisher_of_a_data_set(draft)
    note = None
    if draft.notes:
        note = draft.fields["note"] = ". ".join(draft.notes)
    reference: Reference = _validated_reference(
        {
            "type": kind,
            "persons": tuple(draft.persons),
            "language": work_language(draft, title_language),
            "title_language": title_language,
            "style_family": draft.family,
            "raw": raw,
            "diagnostics": capped(draft.diagnostics),
            **draft.fields,
        }
    )
    if len(text.display) == len(raw) or _offsets_fit(text.display, diagnostics):
        record = draft.record
        record.raw, record.note = raw, note
        private = reference.__pydantic_private__  # (pydantic's own __setattr__ is ten times slower)
        if private is not None:
            private["_provenance"] = record
    return reference


#: ``Reference(**data)`` without ``BaseModel.__init__``, which only hands the data to this validator (one
#: Python call less a reference; the same validation, the same Reference).
_validated_reference = Reference.__pydantic_validator__.validate_python


def _forward_names_end(skeleton: Skeleton, text: str) -> Skeleton:
    """Names printed given name first ("A. Millett, …") end where a name read family first would follow
    them: "A. Millett, Dwight D. Eisenhower and the Korean War" – "Dwight D." opens the title."""
    head, lead = skeleton.head, skeleton.lead
    names = head.names
    if len(names) < 2 or names[0].type != kinds.GIVEN_NAME or names[-1].type != kinds.NAME or not lead:
        return skeleton
    if head.date is not None or head.editor_mark is not None or kinds.NAME in {n.type for n in names[:-1]}:
        return skeleton
    last, first = names[-1], lead[0]
    start, end = last.start_pos or 0, last.end_pos or 0
    if not _MIDDLE_INITIAL.fullmatch(last.value):  # "Johnson W.R." is a name: one middle initial only
        return skeleton
    if first.quoted or text[end : first.start].strip() or not text[first.start : first.start + 1].isupper():
        return skeleton
    opening = Sentence(text[start : first.end], start, first.end)
    return replace(skeleton, head=replace(head, names=names[:-1]), lead=(opening, *lead[1:]))


#: A given name and its middle initial, as a name read family first would show them ("Dwight D.").
_MIDDLE_INITIAL = re.compile(r"[A-ZА-ЯЁ][a-zа-яё]+\s[A-ZА-ЯЁ]\.\s?")


#: A law's designation after its title: "Title : федер. закон от 29.12.2012 № 273-ФЗ", "Кодекс … (часть
#: первая) от 30.11.1994 № 51-ФЗ (ред. от …)", "Title: Zakon Ukrainy vid 25.04.2019 № 2704-VIII".
@lru_cache(maxsize=1)
def _act_date() -> str:
    """A law's or a decision's date after "of"/"от"/"від", in figures or written out ("of 23 September 2010",
    "від 9 лютого 1995"), as the group ``date``."""
    written = rf"\d{{1,2}}\s(?:{pattern('MONTH')})\.?\s\d{{4}}"
    return rf"\s{LEGISLATION_OF}\s(?P<date>\d{{1,2}}\.\d{{1,2}}\.\d{{4}}|{written})"


@lru_cache(maxsize=1)
def _law_date_and_number() -> str:
    """A law's date, then its number ("от 29.12.2012 г. № 273-ФЗ")."""
    return rf"{_act_date()}(?:\s[грg]\.)?,?\s(?:№|No\.?|N)\s?(?P<number>\d[\w/-]*)"


@lru_cache(maxsize=1)
def _law_designation_after() -> re.Pattern[str]:
    return re.compile(rf"(?:\s?:\s[^:]{{1,60}}?)?{_law_date_and_number()}(?:\s\([^()]{{1,60}}\))?$")


#: A law's date and number inside a title its kind opens: "Federal'nyi zakon ot 14.07.2022 No. 312-FZ «…»".
@lru_cache(maxsize=1)
def _law_number() -> re.Pattern[str]:
    return re.compile(_law_date_and_number())


#: The number before the date: "Zakon Ukrainy No. 2801-XII vid 19.11.1992", "Law of Ukraine No. 3127-IX “On …” of
#: 30 May 2023" (the law's quoted name between them).
@lru_cache(maxsize=1)
def _law_number_first() -> re.Pattern[str]:
    return re.compile(
        rf"\s(?:№|No\.?|N)\s?(?P<number>\d[\w/-]*)(?:\s[«“\"](?P<name>[^«»“”\"]{{2,300}})[»”\"])?,?{_act_date()}"
    )


#: A law's name in quotation marks after its number: ' «Об образовании»', ' “On Mediation”', ' "O meliorativnykh …"'.
_QUOTED_NAME = re.compile(
    r"\s(?:«(?P<g>[^«»]{2,300})»|“(?P<c>[^“”]{2,300})”|\"(?P<s>[^\"]{2,300})\"|‘(?P<t>[^‘’]{2,300})’|'(?P<a>[^']{2,300})')$"
)


def _law_designation(draft: Draft) -> None:
    """A law's title followed by its kind, date and number: the title keeps only its own words, the
    number and the date are the law's (the date it was passed, over a gazette's year; the gazette's article
    number, read as the number, becomes its section);
    a title its kind opens gives its number and date, and its name in quotation marks is the title."""
    title = draft.fields.get("title")
    if not isinstance(title, str):
        return
    at = draft.text.find(title)  # (where the title was printed; its groups' offsets are the title's)
    rule = "layout._law_designation"
    found = _law_designation_after().search(title)
    if found is not None and found.start() > 0 and not LEGISLATION.match(title):
        own = title[: found.start()].rstrip(" :")
        named_law = LEGISLATION_NAMED.fullmatch(own)  # "Федеральный закон «О персональных данных»": the name
        if named_law is not None:
            draft.put("title", named_law.group("name"), at + named_law.start("name"), at + named_law.end("name"), rule)
        else:
            draft.put("title", own, at, at + len(own), rule)
    else:  # "Федеральный закон от … № … «Title»": the kind opens the title; the law's quoted name is its title
        found = _law_number().search(title)
        if found is not None:
            named = _QUOTED_NAME.match(title, found.end())
            before = _QUOTED_BEFORE.search(title, 0, found.start())  # 'Law of Ukraine "On …" of 14 October 2014'
            if named is not None and named.lastgroup:
                key = named.lastgroup  # (the group of the quotation marks printed)
                draft.put("title", named.group(key), at + named.start(key), at + named.end(key), rule)
            elif before is not None:
                draft.put("title", before.group("name"), at + before.start("name"), at + before.end("name"), rule)
        else:
            found = _law_number_first().search(title)
            if found is None:
                _designation_after_the_title(draft, title, at)
                return
            named = _QUOTED_NAME.match(title, found.end())  # ("No. 6 of 27 November 2015 'On …'": after the date)
            if found.group("name"):
                draft.put("title", found.group("name"), at + found.start("name"), at + found.end("name"), rule)
            elif named is not None and named.lastgroup:
                key = named.lastgroup
                draft.put("title", named.group(key), at + named.start(key), at + named.end(key), rule)
    if draft.fields.get("number") is not None and draft.fields.get("section") is None:
        number_at = draft.recorded("number")
        where = draft.record[number_at + 2 : number_at + 4] if number_at >= 0 else [-1, -1]
        draft.put("section", draft.fields["number"], where[0], where[1], rule)
    draft.put("number", found.group("number"), at + found.start("number"), at + found.end("number"), rule)
    rest = title[found.end() :]
    if rest.startswith(". ") and any(
        character.isalpha() for character in rest
    ):  # "Zakon … No. 2801-XII vid 19.11.1992. Title"
        own = rest[2:].strip()
        draft.put("title", own, at + found.end() + 2, at + len(title), rule)
    issued = draft.fields.get("issued")
    passed = date_from_text(found.group("date"))  # the day the law was passed, not its gazette's year or day
    if passed is not None or issued is None:
        draft.put("issued", passed or issued, at + found.start("date"), at + found.end("date"), rule)


#: A law's name in quotation marks (single ones too) before its number: Harvard's "(2013) 'On personal data', No. …".
_QUOTED_BEFORE = re.compile(r"[‘'“\"«](?P<name>[^‘’'“”\"«»]{2,300})[’'”\"»]")
#: How far after a law's title its number and date are looked for.
_DESIGNATION_REACH = 400


def _publisher_of_a_data_set(draft: Draft) -> None:
    """The sentence after a data set's title read as a web page's site is its publisher ("[Data set]. Sikt.")."""
    at = draft.recorded("container_title")
    if at < 0 or draft.record[at + 4] != "layout._site_from_notes" or draft.fields.get("publisher"):
        return
    site = draft.fields.pop("container_title")
    draft.put("publisher", site, draft.record[at + 2], draft.record[at + 3], "layout._publisher_of_a_data_set")


def _designation_after_the_title(draft: Draft, title: str, at: int) -> None:
    """Harvard's "Law of the Republic of Kazakhstan (2013) 'On personal data …', No. 94-V of 21 May 2013.": the
    law's number and date printed after its title and year; its quoted name there is the title. The sentences
    they were read from leave the note."""
    if at < 0:
        return
    end = at + len(title)
    rest = draft.text[end : end + _DESIGNATION_REACH]
    found = _law_number_first().search(rest)
    if found is None:
        return
    rule = "layout._law_designation"
    named = _QUOTED_BEFORE.search(rest, 0, found.start())
    if named is not None:
        draft.put("title", named.group("name"), end + named.start("name"), end + named.end("name"), rule)
    draft.put("number", found.group("number"), end + found.start("number"), end + found.end("number"), rule)
    passed = date_from_text(found.group("date"))
    if passed is not None:
        draft.put("issued", passed, end + found.start("date"), end + found.end("date"), rule)
    read = rest[: found.end()]
    draft.notes[:] = [note for note in draft.notes if note not in read]


@lru_cache(maxsize=1)
def _decided_on() -> re.Pattern[str]:
    """Where a case's heading ends and what it is told by: its application's number in parentheses, a colon
    before the judgment's kind, or the day of the decision ("of 4 September 2018", "від 26.02.2019")."""
    return re.compile(rf"\s\((?=[Aa]pplication)|\s:\s|{_act_date()}|\s(?:in\scase|у\sсправі|по\sделу)\s")


def _case_designation(draft: Draft) -> None:
    """A court's decision: the heading up to its application's number, the judgment's kind or its date is the
    title ("Case of Volkov v. Ukraine", "Decision of the Constitutional Court of Ukraine"); the case's number
    and the day of the decision are read from the rest of the title."""
    title = draft.fields.get("title")
    if not isinstance(title, str):
        return
    at = draft.text.find(title)
    rule = "layout._case_designation"
    cut = _decided_on().search(title)
    if cut is not None and cut.start() > 0:
        own = title[: cut.start()].rstrip(" :,")
        draft.put("title", own, at, at + len(own), rule)
        rest_at = cut.start()
        number = LEGAL_CASE_NUMBER.search(title)
        if number is not None and draft.fields.get("number") is not None and draft.fields.get("section") is None:
            number_at = draft.recorded("number")  # a gazette's "Ст. 726", read as the number, is its section
            where = draft.record[number_at + 2 : number_at + 4] if number_at >= 0 else [-1, -1]
            draft.put("section", draft.fields["number"], where[0], where[1], rule)
            draft.fields["number"] = None
        if number is not None and draft.fields.get("number") is None:
            draft.put(
                "number",
                number.group("number").rstrip(".,"),
                at + number.start("number"),
                at + number.end("number"),
                rule,
            )
        dated = next((d for d in _decided_on().finditer(title, rest_at) if d.group("date")), None)
        issued = draft.fields.get("issued")
        if dated is not None and (issued is None or issued.month is None):
            decided = date_from_text(dated.group("date"))
            draft.put("issued", decided or issued, at + dated.start("date"), at + dated.end("date"), rule)


@lru_cache(maxsize=1)
def _other_title_information_at_end() -> re.Pattern[str]:
    """ " : монография", " : у 3 т.", ": Сб. ст." closing a title or a container (the lexicon's
    ``OTHER_TITLE_INFO`` and ``VOLUMES_IN``)."""
    return re.compile(rf"\s?:\s(?:{pattern('OTHER_TITLE_INFO')}|{pattern('VOLUMES_IN')})\.?$")


def _other_title_information(draft: Draft) -> None:
    """GOST's other title information that names the kind of book ("Title : монография", "… : сб. науч. тр.")
    leaves the title and the container; "у 3 т." gives the number of volumes."""
    for key in ("title", "container_title"):
        value = draft.fields.get(key)
        if not isinstance(value, str) or ":" not in value:
            continue  # (the common case, settled without a call)
        for _ in range(_OTHER_TITLE_PIECES):  # ("Цивільне право : підручник : у 2 т.": two pieces)
            if not _other_title_piece(draft, key):
                break


#: The most pieces of other title information cut from one title ("… : підручник : у 2 т.").
_OTHER_TITLE_PIECES = 3


def _series_of_a_book(draft: Draft) -> None:
    """The American Mathematical Society's "Title, Lecture Notes in Math., vol. 1573, Springer-Verlag, Berlin,
    1994": a series' name with its volume, no issue or pages, is the book's series and its number; the imprint
    after them, left as a note before a journal's volume, is the book's."""
    fields = draft.fields
    volume = fields.get("volume")
    if volume is None:
        return
    container = fields.get("container_title")
    if not container or fields.get("pages") or fields.get("issue") or not SERIES_NAME.search(container):
        return
    if is_journal_name(container) or kinds.ARTICLE_NO in draft.kinds:
        return  # ("Journal of Physics: Conference Series, v. 2155, art. 012017": a journal's)
    imprint = read_imprint(draft.notes[0]) if not draft.imprint_found and draft.notes else None
    if not draft.imprint_found and (imprint is None or not (imprint.places and imprint.publisher)):
        return  # (a book's series has its imprint)
    rule = "layout._series_of_a_book"
    for key, moved in (("container_title", "collection_title"), ("volume", "collection_number")):
        at = draft.recorded(key)
        where = draft.record[at + 2 : at + 4] if at >= 0 else [-1, -1]
        draft.put(moved, fields.pop(key), where[0], where[1], rule)
    if imprint is not None:
        draft.take_imprint(imprint.places, imprint.publisher, rule=rule)
        draft.notes.pop(0)


def _other_title_piece(draft: Draft, key: str) -> bool:
    """The last piece of other title information cut from ``key``'s value; whether there was one."""
    rule = "layout._other_title_information"
    value = draft.fields.get(key)
    if not isinstance(value, str) or ":" not in value:
        return False
    found = _other_title_information_at_end().search(value)
    if found is None or found.start() == 0:
        return False
    at = draft.recorded(key)
    start = draft.record[at + 2] if at >= 0 else -1
    cut, end = (start + found.start(), start + len(value)) if start >= 0 else (-1, -1)
    draft.put(key, value[: found.start()], start, cut, rule)
    volumes = found.group("volumes")
    if volumes and draft.fields.get("number_of_volumes") is None:
        draft.put("number_of_volumes", volumes, cut, end, rule)
    return True


def _offsets_fit(display: str, diagnostics: tuple[Diagnostic, ...]) -> bool:
    """Offsets into the text read of a text longer than it are offsets into the raw text: the text was
    too long, and its part read kept its length (Unicode normalisation joined or split no characters)."""
    return any(d.code == "too-long" and d.start == len(display) for d in diagnostics)


def _bracketed_note_no_imprint(groups: list[Group]) -> None:
    """An imprint in parentheses without its year ("Title (Publisher).") closes a book's title; after a
    container ("In Proceedings of … (AAAI)."), in a web resource ("…/file.pdf (Title of the page)") or as a
    place alone ("Yokohama (Japan)") it is part of the sentences before it."""
    last = groups[-1]
    if len(groups) < 2 or last.kind != kinds.PAREN_IMPRINT or last.element is None:
        return
    token = last.element.token
    inside = token.value.strip()[1:-1]
    if any(c.isdigit() for c in inside):
        return  # "(Routledge, NY, 2016)": with its year, an imprint wherever it stands
    before = groups[-2]
    # (a web resource, "[Electronic resource] … (CD-ROM)", "http://… (Title)", has no book's imprint)
    web = any(g.kind in WEB_MARKERS for g in groups) or bool(
        before.run and starts_with("WEB_START", before.run[-1].text)
    )
    if web or before.kind == kinds.IN or is_known_place(inside) or inside in REGIONS:
        start = token.start_pos or 0
        end = start + len(token.value.strip())
        run = before.run
        if run and not run[-1].quoted and not run[-1].is_year and run[-1].end + 1 == start:  # "Yokohama (Japan)"
            run = (*run[:-1], Sentence(f"{run[-1].text} {token.value.strip()}", run[-1].start, end))
        else:
            run = (*run, Sentence(token.value.strip(), start, end))
        groups[-2:] = [Group(before.kind, before.element, run)]


def _series_names(draft: Draft, groups: list[Group]) -> None:
    """ "International Nuclear Verification Series no. 3": the sentence just before "Series no." names
    the series; it leaves the group it closes."""
    for index in range(1, len(groups)):
        before = groups[index - 1].run
        element = groups[index].element
        if groups[index].kind != kinds.SERIES_NO or not before or element is None:
            continue
        start = element.token.start_pos or 0
        if draft.text[before[-1].end : start].strip():
            continue  # a period or comma between: the series has no name of its own
        series_word = element.token.value.split(maxsplit=1)[0]
        draft.put(
            "collection_title",
            draft.text[before[-1].start : start] + series_word,
            before[-1].start,
            start + len(series_word),
            "layout._series_names",
        )
        groups[index - 1] = Group(groups[index - 1].kind, groups[index - 1].element, before[:-1])


def _markers_ahead(groups: list[Group]) -> list[Ahead]:
    """For each group, the marker after it and the kinds of all the markers after it (built from the
    end in one pass, so a reference of many groups costs linear time)."""
    aheads: list[Ahead] = []
    marker_kinds: frozenset[str] = frozenset()
    following: Group | None = None
    second: str | None = None
    for group in reversed(groups):
        aheads.append(
            Ahead(
                following.kind if following else None, marker_kinds, following is not None and not following.run, second
            )
        )
        if group.kind not in marker_kinds:
            marker_kinds = marker_kinds | {group.kind}
        second = following.kind if following else None
        following = group
    aheads.reverse()
    return aheads


def _citation_label(draft: Draft, label: Token) -> None:
    """ "Apresjan 1995 — ": the label, whose year dates the work when nothing else does."""
    text = label.value.strip().rstrip("—–-").strip()
    start, end = label.start_pos or 0, label.end_pos or 0
    draft.put("citation_label", text, start, end, "layout._citation_label")
    year = year_of(text)
    if draft.fields.get("issued") is None and year is not None:
        draft.put("issued", year_date(year), start, end, "layout._citation_label")


def _archive(draft: Draft, groups: list[Group]) -> None:
    """The sentence just before an archival signature names the archive ("GARF. F. 5446. Op. 1",
    "Записка … // ГАРФ. Ф. Р-9401"); after "//" it is no container."""
    for index in range(1, len(groups)):
        before = groups[index - 1]
        if groups[index].kind != kinds.ARCHIVE_LOCATOR or not before.run:
            continue
        if before.run[-1].quoted and groups[index].run:  # Chicago's "“Title.” Fond 1172, opis' 2. Archive, Moscow."
            _archive_after(draft, groups, index)
            return
        archive = before.run[-1]
        draft.put("archive", archive.text, archive.start, archive.end, "layout._archive")
        kind = "ARCHIVE" if before.kind == kinds.IN and len(before.run) == 1 else before.kind
        groups[index - 1] = Group(kind, before.element, before.run[:-1])
        draft.kinds.add(kind)
        return


def _archive_after(draft: Draft, groups: list[Group], index: int) -> None:
    """After a quoted title the archive follows its signature, its town after a comma ("… delo 47. Gosudarstvennyi
    arkhiv Rossiiskoi Federatsii, Moscow.")."""
    signature = groups[index]
    named = signature.run[0]
    name, _, town = named.text.rpartition(", ")
    if not (name and is_known_place(town)):
        name, town = named.text, ""
    draft.put("archive", name, named.start, named.start + len(name), "layout._archive")
    if town:  # (the archive's town: no field of its own, kept as the note)
        draft.set_once("note", town, named.end - len(town), named.end, "layout._archive")
    groups[index] = Group(signature.kind, signature.element, signature.run[1:])


def _corporate_author(draft: Draft, groups: list[Group]) -> None:
    """An organisation as author, when the head names no person: "Bank of Russia. (2019, December 13).
    Title …", "WHO (2021). Title …" (before the date in parentheses, the title after it), or "World Health
    Organization. Hypertension [Internet]. Geneva: WHO; 2023" (a sentence that is only an
    organisation's name, before the title)."""
    lead = groups[0].run
    if draft.persons or not lead:
        return
    quoted = ", “" in lead[0].text or ', "' in lead[0].text  # (the cheap test first)
    named = _ORGANISATION_THEN_QUOTED.fullmatch(lead[0].text) if quoted else None
    if named is not None and is_organisation(named.group("name"), acronyms=True):  # IEEE's "Agency, “Title.”"
        start = lead[0].start
        organisation = Person(family=named.group("name"), literal=True)
        draft.add_person(organisation, start, start + named.end("name"), "layout._corporate_author")
        title = Sentence(named.group("title"), start + named.start("title"), start + named.end("title"), quoted=True)
        groups[0] = Group(kinds.LEAD, None, (title, *lead[1:]))
        return
    colon = _ORGANISATION_THEN_COLON.fullmatch(lead[0].text) if ": " in lead[0].text else None
    if colon is not None and is_organisation(colon.group("name")):  # DIN 1505's "Statistisches Bundesamt (Hrsg.):"
        start = lead[0].start
        organisation = Person(family=colon.group("name"), literal=True)
        draft.add_person(organisation, start, start + colon.end("name"), "layout._corporate_author")
        title = Sentence(colon.group("title"), start + colon.start("title"), lead[0].end)
        groups[0] = Group(kinds.LEAD, None, (title, *lead[1:]))
        return
    dated = groups[1] if len(groups) > 1 else None
    before_date = len(lead) == 1 and dated is not None and dated.kind == kinds.DATE_PAREN
    # ("FBIS. 1950." and "FRUS. 1950." are titles, and so is "US Energy Information Administration. Washington, DC")
    before_title = len(lead) > 1 and not lead[1].is_year and not is_place(lead[1].text)
    one_word = before_date and _ONE_NAME.fullmatch(lead[0].text) is not None  # "Rosstat (2023). Title"
    # APA's "Derzhavna sluzhba statystyky Ukrainy. (2021). Title": a name of a few words, its period, the date
    translated_next = len(groups) > 2 and groups[2].kind == kinds.TRANSLATION
    named_before_date = before_date and _dated_name(draft, lead[0], dated, translated_next)
    # MLA's and Chicago's "Istoriko-dokumental'nyi departament MID Rossii. “Title.” Website": before a quoted title
    quoted_title = before_title and lead[1].quoted and not lead[0].quoted and _NAME_SENTENCE.fullmatch(lead[0].text)
    an_organisation = is_organisation(lead[0].text, acronyms=before_date or before_title)
    if not (one_word or named_before_date or quoted_title or an_organisation):
        return
    if before_date and dated is not None and dated.run and not dated.run[0].is_year:
        draft.add_person(
            Person(family=lead[0].text, literal=True), lead[0].start, lead[0].end, "layout._corporate_author"
        )
        groups[:2] = [Group(kinds.LEAD, None, dated.run), Group(dated.kind, dated.element, ())]
    elif before_title:
        draft.add_person(
            Person(family=lead[0].text, literal=True), lead[0].start, lead[0].end, "layout._corporate_author"
        )
        groups[0] = Group(kinds.LEAD, None, lead[1:])


#: The most words of an organisation's name printed as the author before APA's date.
_NAME_WORDS = 8


def _dated_name(draft: Draft, sentence: Sentence, dated: Group | None, translated_next: bool) -> bool:
    """A sentence of a few words, no comma, closed by a period straight before the date in parentheses: an
    organisation as author when its words are capitalised ("European Social Survey ERIC. (2020). ESS round 9 …")
    or the title after the date has its translation ("Derzhavna sluzhba statystyky Ukrainy. (2021). Valovyi
    vnutrishnii produkt [Gross domestic product]"); APA's title in sentence case without an author is not one
    ("Good chemistry. (1996, September). Magazine")."""
    if dated is None or not dated.run or _NAME_SENTENCE.fullmatch(sentence.text) is None:
        return False
    words = sentence.text.split()
    closed = draft.text[sentence.end : sentence.end + 3] == ". ("
    if len(words) > _NAME_WORDS or not (closed or draft.text[sentence.end : sentence.end + 2] == " ("):
        return False
    capitalised = all(word[:1].isupper() for word in words if len(word) > _SHORT_WORD)
    if not closed:  # Harvard's "Ministry of Justice of … (2021) Title": a name in title case, no law's
        return capitalised and LEGISLATION_KIND.search(sentence.text) is None
    return capitalised or (translated_next and len(dated.run) == 1)


#: The longest word a name in title case may print in lowercase ("of", "and", "for").
_SHORT_WORD = 3


#: An organisation's name, perhaps its editor's mark, a colon and the title: DIN 1505's "Statistisches Bundesamt
#: (Hrsg.): Title".
_ORGANISATION_THEN_COLON = re.compile(r"(?P<name>[^:()]{3,120}?)(?:\s\((?:Hrsg|Ed|Eds|Red)\.\))?:\s(?P<title>.{2,})")
#: An organisation's name, a comma and a quoted title: IEEE's "European Space Agency, “Sentinel-2 overview.”".
_ORGANISATION_THEN_QUOTED = re.compile(r"(?P<name>[^,“”\"]{2,120}),\s[“\"](?P<title>[^“”\"]{2,500}?)[,.]?[”\"]")
#: A sentence that may be an organisation's name: capitalised, no digits, no quotes, no comma (a list of
#: persons has one), a few words.
_NAME_SENTENCE = re.compile(r"[A-ZА-ЯЁІЇЄҐЎ][^\d\"“”«»,]{1,150}")


def _listed_editors(draft: Draft, groups: list[Group]) -> None:
    """ACS's "Title; Dollezhal, N. A., Ed.; Publisher: Place, 1992": a sentence of names closed by "Ed."
    or "Eds." (the grammar ends a sentence before it, ``LISTED_EDITORS_BODY``) names the editors."""
    if ";" not in draft.text:  # (only after a semicolon: no search through every sentence of every reference)
        return
    for index, group in enumerate(groups):
        kept = [sentence for sentence in group.run if not _editors_sentence(draft, sentence)]
        if len(kept) != len(group.run):
            groups[index] = group._replace(run=tuple(kept))


def _editors_sentence(draft: Draft, sentence: Sentence) -> bool:
    """Whether the sentence is only names and "Ed(s)" (its editors are then added)."""
    names, comma, mark = sentence.text.rpartition(", ")
    if not comma or not names or not compiled("EDITOR_WORD").fullmatch(mark.rstrip(".")):
        return False
    found = _only_names(names)
    if not found:
        return False
    add_persons(draft, tuple(found), Role.EDITOR, "layout._listed_editors", sentence.start)
    return True


def _only_names(text: str) -> list[Token]:
    """The name tokens of a text that holds nothing else but separators ("Chistyakov O.I.", "Lee, L., Ng,
    K."), else none."""
    names = names_in(text)
    starts = [0, *(name.end_pos or 0 for name in names)]
    ends = [*(name.start_pos or 0 for name in names), len(text)]
    rest = "".join(text[start:end] for start, end in zip(starts, ends, strict=True))
    return names if names and _NAME_LIST_LEFTOVER.fullmatch(rest) is not None else []


def _editors_before_mark(draft: Draft, groups: list[Group]) -> None:
    """ "Vol. 4. Chistyakov O.I. (ed.). Moscow …": the names that close the sentences before a
    "(ed.)" outside the head are editors; the mark is then in its place."""
    for index in range(1, len(groups)):
        before = groups[index - 1].run
        if groups[index].kind != kinds.ED_MARK or not before:
            continue
        names = _only_names(before[-1].text)
        if not names:
            continue
        add_persons(draft, tuple(names), Role.EDITOR, "layout._editors_before_mark", before[-1].start)
        groups[index - 1] = Group(groups[index - 1].kind, groups[index - 1].element, before[:-1])
        groups[index] = Group(kinds.EDITOR_MARK, groups[index].element, groups[index].run)


#: One capitalised word: before "(Year)" in an author-date list, an organisation ("Rosstat (2023).").
_ONE_NAME = re.compile(r"[A-ZА-ЯЁ][^\W\d_]{2,20}")
#: Statements of responsibility: what follows them is after the title.
_STATEMENTS = frozenset({kinds.EDITORS, kinds.TRANSLATORS, kinds.RESPONSIBILITY})
#: A journal's section letter after a word, with the period that closes the journal ("Nuclear Physics A.").
_SECTION_LETTER = re.compile(r"[a-z]{2}\s[A-Z]\.$")
#: What a sentence of names holds besides them: separators.
_NAME_LIST_LEFTOVER = re.compile(r"(?:[\s,;&.]|and)*+")


def _as_printed(text: str, run: tuple[Sentence, ...]) -> tuple[Sentence, ...]:
    """The sentences with their text as printed (the display text), where the grammar read some
    characters otherwise (a GOST area dash, a control character)."""
    return tuple(s._replace(text=text[s.start : s.end]) for s in run)  # (a quoted sentence stays quoted)


def _language_from_notes(draft: Draft) -> None:
    """NLM's "2018;118(3):45-51. Russian.": a sentence that only names a language is the work's language."""
    if not draft.notes:
        return
    for at in range(0, len(draft.record), 5):
        if draft.record[at] != "note":
            continue
        sentence = draft.text[draft.record[at + 2] : draft.record[at + 3]].strip(" .")
        code = language_code(sentence) if compiled("LANGUAGE_NAME").fullmatch(sentence) else None
        if code is not None and draft.fields.get("noted_language") is None:
            _place_note(draft, at, sentence, ("noted_language", code), "layout._language_from_notes")
            return


def _title_only_translated(draft: Draft) -> None:
    """NLM's title printed only in its translation, in brackets ("Kuznetsov IV. [English title]. Journal"): without
    a title or a sentence left to be one, the translation is the title."""
    if draft.fields.get("title") is not None or draft.fields.get("title_translation") is None:
        return
    at = draft.recorded("title_translation")
    where = draft.record[at + 2 : at + 4] if at >= 0 else [-1, -1]
    draft.put("title", draft.fields.pop("title_translation"), where[0], where[1], "layout._title_only_translated")


def _newspaper_from_notes(draft: Draft) -> None:
    """A newspaper's name left unplaced after the title, the work dated to the day ("“Title” [Translation].
    Pravda, August 5, 1921."), or closing the title's sentences (APA's "(2021, March 14). Title. The New York
    Times. https://…"): the container."""
    fields = draft.fields
    issued = fields.get("issued")
    if not draft.notes and (issued is None or issued.day is None):
        return
    if fields.get("container_title") or fields.get("publisher") or not draft.kinds.isdisjoint(ARTICLE_LOCATORS):
        return
    for at, start, end in _note_records(draft):
        sentence = draft.text[start:end].strip(" .,")
        if sentence in draft.notes and NEWSPAPER_NAME.fullmatch(sentence):
            _place_note(draft, at, sentence, ("container_title", sentence), "layout._newspaper_from_notes")
            return
    title = fields.get("title")
    if not isinstance(title, str) or issued is None or issued.day is None:
        return
    cut = title.rfind(". ")
    if cut > 0 and NEWSPAPER_NAME.fullmatch(title[cut + 2 :]):
        at = draft.recorded("title")
        start = draft.record[at + 2] if at >= 0 else -1
        rule = "layout._newspaper_from_notes"
        name = title[cut + 2 :]
        draft.put("title", title[:cut], start, start + cut if start >= 0 else -1, rule)
        draft.put("container_title", name, start + cut + 2 if start >= 0 else -1, start + len(title), rule)


def _title_from_notes(draft: Draft) -> None:
    """A reference has a title: without one, the first sentence no rule placed is it
    ("Available at: http://… (Sroki vvoda …)")."""
    if draft.fields.get("title") or not draft.notes:
        return
    title = draft.notes.pop(0).strip("() ")
    draft.fields["title"] = title
    record = draft.record
    for at in range(0, len(record), 5):  # the first note's record becomes the title's
        if record[at] == "note":
            record[at : at + 5] = ("title", title, record[at + 2], record[at + 3], "layout._title_from_notes")
            break
    for index, diagnostic in enumerate(draft.diagnostics):
        if diagnostic.code == "unplaced-sentence":
            del draft.diagnostics[index]
            break


def _date_from_notes(draft: Draft) -> None:
    """A reference with no date read whose unplaced sentence is only a year, or a season or month and a year,
    is dated by it ("“Title.” 2005. Moscow: …", MLA's "…, Winter 1993, pp. 425–58")."""
    if draft.fields.get("issued") is not None or not draft.notes:
        return
    for at, start, end in _note_records(draft):
        sentence = draft.text[start:end].strip(" .,")
        if sentence not in draft.notes or not _date_sentence().fullmatch(sentence):
            continue
        year = year_of(sentence) or 0  # (the sentence holds its year: ``_date_sentence``)
        dated = None if sentence.isdigit() else date_from_text(sentence, year)
        issued = dated if dated is not None and dated.year == year else year_date(year)
        _place_note(draft, at, sentence, ("issued", issued), "layout._date_from_notes")
        return


@lru_cache(maxsize=1)
def _date_sentence() -> re.Pattern[str]:
    """A sentence that is only a date: a year, perhaps after the lexicon's season or month ("Winter 1993",
    "May 2001"), or a day in ISO 8601, perhaps as the day of the last update (DIN 1505's "2016-03-10",
    "Aktualisierungsdatum: 2021-06-21")."""
    return re.compile(
        rf"(?:(?:{pattern('SEASON_NAME')}|{pattern('MONTH')})\.?\s)?(?:1[5-9]|20)\d\d[a-z]?"
        rf"|(?:{pattern('UPDATED_WORD')}:?\s)?(?:1[5-9]|20)\d\d-[01]\d-[0-3]\d"
    )


def _medium_from_notes(draft: Draft) -> None:
    """A sentence that only names a web page's medium is its medium ("Online." in ISO 690, "Website." in
    Chicago; the lexicon's ``MEDIUM_WORD``)."""
    if not draft.notes or draft.fields.get("medium"):
        return
    medium_word = compiled("MEDIUM_WORD")
    for at, start, end in _note_records(draft):
        sentence = draft.text[start:end].strip(" .")
        if medium_word.fullmatch(sentence) and sentence in draft.notes:
            _place_note(draft, at, sentence, ("medium", sentence), "layout._medium_from_notes")
            draft.kinds = draft.kinds | {kinds.MEDIUM}
            return


def _note_records(draft: Draft) -> Iterator[tuple[int, int, int]]:
    """Where each unplaced sentence's record is, and its span (a caller that changes the record stops)."""
    record = draft.record
    for at in range(0, len(record), 5):
        if record[at] == "note":
            yield at, record[at + 2], record[at + 3]


def _place_note(draft: Draft, at: int, note: str, field: tuple[str, object], rule: str) -> None:
    """The unplaced sentence ``note`` (its record at ``at``) read by ``rule`` as ``field`` (key, value)."""
    key, value = field
    start, end = draft.record[at + 2], draft.record[at + 3]
    if note in draft.notes:
        draft.notes.remove(note)
    del draft.record[at : at + 5]
    draft.put(key, value, start, end, rule)
    _drop_unplaced(draft, start, end)


def _drop_unplaced(draft: Draft, start: int, end: int) -> None:
    """The "unplaced-sentence" diagnostic of the sentence at ``start:end``, which a later rule placed."""
    for index, diagnostic in enumerate(draft.diagnostics):
        if diagnostic.code == "unplaced-sentence" and (diagnostic.start, diagnostic.end) == (start, end):
            del draft.diagnostics[index]
            return


def _site_from_notes(draft: Draft) -> None:
    """A web page's one unplaced sentence after its title is the site's name, its container
    ("Title. (1953, July 1). [Website]. CIA."; "“Title.” The Site. Accessed May 12, 2019.")."""
    fields = draft.fields
    if len(draft.notes) != 1 or WEB_MARKERS.isdisjoint(draft.kinds) or not ARTICLE_LOCATORS.isdisjoint(draft.kinds):
        return
    if not fields.get("title"):
        return
    if fields.get("container_title") or fields.get("publisher") or draft.imprint_found:
        return
    site = draft.notes[0].strip()
    if not _SITE_NAME.fullmatch(site) or not site.rsplit(" ", 1)[-1].strip('«"“')[:1].isupper():
        return
    for at, start, end in _note_records(draft):
        if _web_cue().search(draft.text, 0, start):
            return  # "… Retrieved January 22, 2010, from LexisNexis AU", "https://…/wiki/ Graphene": no site
        if kinds.MEDIUM not in draft.kinds and not _web_cue().search(draft.text, end):
            return
        _place_note(draft, at, draft.notes[0], ("container_title", site), "layout._site_from_notes")
        return


@lru_cache(maxsize=1)
def _web_cue() -> re.Pattern[str]:
    """What follows a site's name: a URL or the date it was read (the lexicon's ``URL_WORD``, ``ACCESS_WORD``
    and ``OTHER_ACCESS_WORD``, or an address)."""
    words = f"{pattern('URL_WORD')}|{pattern('ACCESS_WORD')}|{pattern('OTHER_ACCESS_WORD')}|{pattern('WEB_START')}"
    return re.compile(rf"(?<!\w)(?:{words})")  # (no cue inside a word: excited, reviewed)


#: A site's name: a capitalised phrase of a few words ending with a capitalised word, no digits, no
#: slash (not a date, a number, a sentence, a piece of a URL or "Available at").
_SITE_NAME = re.compile(r"[A-Z«\"“][^\d.;:!?/]{0,100}")


#: The kinds ``_role_of`` may read as another (the other elements keep their kind).
_ROLES_READ = frozenset({kinds.BARE_PAGES, kinds.VOLUME})


def _role_of(element: Element, text: str) -> str:
    """The element's kind, with "Vol. N" read as a journal's locator when no volume title follows it
    or when a comma precedes it ("Atomic energy, v. 114, Moscow, 2013"), and a month's days read as a date."""
    if element.kind == kinds.BARE_PAGES and month_before(text, element):
        return kinds.DATE_TEXT  # "Paris, July 7-10": a meeting's days
    if element.kind == kinds.VOLUME:
        before = (element.token.start_pos or 0) - 1
        while before >= 0 and text[before] == " ":
            before -= 1
        if not element.run or (before >= 0 and text[before] == ","):
            return kinds.JOURNAL_VOLUME
    return element.kind


def _read_head(draft: Draft, head: Head) -> None:
    """Persons before the title (editors with "(Ed.)") and the year in parentheses after them."""
    role = Role.EDITOR if head.editor_mark is not None else Role.AUTHOR
    names = head.names
    if role is Role.EDITOR and len(names) > 1 and _marks_the_last_name(draft.text, head):
        add_persons(draft, names[:-1], Role.AUTHOR, "layout._read_head")  # DIN's "Author ; Editor (Hrsg.):"
        names = names[-1:]
    add_persons(draft, names, role, "layout._read_head")
    for head_rule in HEAD_RULES.active(draft.rules):
        head_rule(draft)
    if head.date is not None:
        date = head.date
        draft.put("issued", paren_date(date.value), date.start_pos or 0, date.end_pos or 0, "layout._read_head")


def _marks_the_last_name(text: str, head: Head) -> bool:
    """DIN 1505's "(Hrsg.)" after names separated by " ; ": it marks the last name only (APA's "(Eds.)" and ACS's
    "Eds." mark them all)."""
    mark, last, before = head.editor_mark, head.names[-1], head.names[-2]
    if mark is None or "Hrsg" not in str(mark.value):
        return False
    return ";" in text[before.end_pos or 0 : last.start_pos or 0]


def _title_language(draft: Draft) -> str | None:
    """The language the title is printed in (``language.title_language``), not counting an English gloss
    in parentheses at its end ("Sbornik programm … reaktora (Collection of programs …)")."""
    title = draft.fields.get("title") or ""
    translated = bool(draft.fields.get("title_translation"))
    language = title_language(title, translated=translated)
    glossed = _TRAILING_GLOSS.search(title) if language == "en" else None
    if glossed and glossed.start() > 0 and title_language(title[: glossed.start()], translated=translated) == "ru":
        return "ru"
    return language


_TRAILING_GLOSS = re.compile(r"\s\([^()]{12,}\)$")


def work_language(draft: Draft, title_language: str | None) -> str | None:
    """The language of the work: the one a note names ("(in Russian)", "(In Russ.)"), else the title's."""
    noted: str | None = draft.fields.pop("noted_language", None)
    if noted:
        return noted
    return title_language


def reference_type(draft: Draft) -> ReferenceType:
    """The item type from the markers and the roles found."""
    fields = draft.fields
    marker_kinds = draft.kinds
    container = fields.get("container_title")
    issued: PartialDate | None = fields.get("issued")
    if kinds.THESIS in marker_kinds:
        return ReferenceType.THESIS
    authored = any(not person.literal for person in draft.persons)  # ("Иванов И.И. Решение задачи о качке суда …")
    if not authored and LEGAL_CASE.match(fields.get("title") or ""):
        return ReferenceType.LEGAL_CASE
    if LEGISLATION_DATE.search(draft.text) and LEGISLATION.search(draft.text):  # (the cheap test first)
        return ReferenceType.LEGISLATION
    if kinds.PATENT in marker_kinds:
        return ReferenceType.PATENT
    if kinds.STANDARD in marker_kinds and not container:
        return ReferenceType.STANDARD
    if kinds.PREPRINT_ID in marker_kinds and not container:
        return ReferenceType.MANUSCRIPT  # "arXiv:2106.01234": a preprint
    medium = fields.get("medium")
    if medium and compiled("DATASET_WORD").fullmatch(medium):
        return ReferenceType.DATASET  # APA's "Title (Version 3.1) [Data set]. Publisher."
    if (kinds.REPORT_NO in marker_kinds or kinds.REPORT_CODE in marker_kinds) and not (
        container and not ARTICLE_LOCATORS.isdisjoint(marker_kinds)
    ):
        return ReferenceType.REPORT
    if not container and (fields.get("title") or "").startswith(REPORT_TITLES):
        return ReferenceType.REPORT  # "Otchet o rezul'tatakh …", "Отчет о НИР …": a report by its title
    if container:
        met = fields.get("event_title") is not None or kinds.MEETING_PAREN in marker_kinds
        if _is_proceedings(container, marker_kinds, fields) or met:
            return ReferenceType.PAPER
        if container.startswith(COLLECTION_CUES):
            return ReferenceType.CHAPTER
        if _periodical_before_its_day(draft):
            return ReferenceType.NEWSPAPER  # “Title.” New York Times, September 18, 2022. https://…
        if issued is not None and issued.day is not None and NEWSPAPER_NAME.fullmatch(container):
            return ReferenceType.NEWSPAPER  # APA's "(2022, March 3). Title. Financial Times. https://…"
        if not WEB_MARKERS.isdisjoint(marker_kinds) and ARTICLE_LOCATORS.isdisjoint(marker_kinds):
            return ReferenceType.WEBPAGE
        at = draft.recorded("container_title")
        before_editors = at >= 0 and draft.record[at + 4] == "roles.book_before_its_editors"  # (MLA: "Book, edited by")
        edited = kinds.IN in marker_kinds or kinds.PAREN_EDITORS in marker_kinds or before_editors
        if draft.chapter_imprint or (edited and any(p.role is Role.EDITOR for p in draft.persons)):
            return ReferenceType.CHAPTER
        dated_issue = issued is not None and issued.day is not None and not fields.get("volume")
        if dated_issue and not is_page_range(fields.get("pages")):
            return ReferenceType.NEWSPAPER  # "Pravda, 1930, 2 March, no. 60", "Kommersant, p. 2": a dated issue
        return ReferenceType.ARTICLE
    if draft.imprint_found or not _BOOK_MARKERS.isdisjoint(marker_kinds):
        return ReferenceType.BOOK
    if not WEB_MARKERS.isdisjoint(marker_kinds):
        return ReferenceType.WEBPAGE
    if fields.get("archive_location"):
        return ReferenceType.MANUSCRIPT  # an archival item: "GARF. F. 5446. Op. 1. D. 20. L. 5–7."
    if issued is not None and issued.day is not None:
        return ReferenceType.PERIODICAL
    return ReferenceType.BOOK if fields.get("title") else ReferenceType.DOCUMENT


def _periodical_before_its_day(draft: Draft) -> bool:
    """The container is a periodical read before the day of its issue (``roles.periodical_before_its_day``)."""
    at = draft.recorded("container_title")
    issued = draft.fields.get("issued")
    return (
        at >= 0
        and draft.record[at + 4] == "roles.periodical_before_its_day"
        and issued is not None
        and bool(issued.day)
    )


#: Markers only a book prints (a page count, its number of volumes, an ISBN).
_BOOK_MARKERS = frozenset({kinds.PAGE_COUNT, kinds.N_VOLS, kinds.ISBN})


def _is_proceedings(container: str, marker_kinds: set[str], fields: dict[str, Any]) -> bool:
    """A conference's proceedings, not a journal that happens to hold a conference word (a journal's name,
    an issue marked; proceedings not named a conference's, with a volume and its issue: "Doklady Akademii nauk,
    481 (3), 285–289", "Proceedings of the IEEE, 77 (1)")."""
    if is_journal_name(container) or kinds.ISSUE in marker_kinds:
        return False
    numbered = fields.get("volume") is not None and fields.get("issue") is not None
    return is_conference(container) or (container.startswith(PROCEEDINGS_CUES) and not numbered)


def _section_letter(draft: Draft, container: str) -> None:
    """ "Nuclear Physics A. 1967": the period after a section's letter closes the journal's name."""
    if _SECTION_LETTER.search(container):
        draft.amend("container_title", container[:-1])


def _journal_period_separates(draft: Draft, container: str) -> None:
    """ "N Engl J Med. 2007;357(6)": the period after an abbreviated journal separates (Vancouver)."""
    if container.endswith("."):
        draft.amend("container_title", container[:-1])


#: The longest last word of an abbreviated journal's name that keeps its period ("Geom.", "Virol.", "Mat."), unless
#: every word before it is abbreviated too ("Hydrol. Process.").
_ABBREVIATED_WORD = 6


#: Locators printed straight after the journal's name, with no period of their own before them (a period
#: there ends an abbreviation: "J. Virol. 85, 1403–1407", "J. Differential Geom. 87 (2011), 45–92", ACS's
#: "Green Chem. 2018, 20, 4021–4030").
_BARE_LOCATORS = frozenset(
    {kinds.AMS_LOCATOR, kinds.CLOSING_LOCATOR, kinds.PAREN_YEAR_LOCATOR, kinds.YEAR_LOCATOR, kinds.JOURNAL_YEAR}
)


_PERIOD_THEN_NUMBER = re.compile(r"\.\s\d")


def _abbreviation_keeps_its_period(draft: Draft, container: str) -> None:
    """ "J. Differential Geom. 87 (2011)": before a bare locator, the period after the last word of an abbreviated
    name (one with other abbreviations) is the abbreviation's, as printed."""
    at = draft.recorded("container_title")
    if at < 0 or container.endswith(".") or ". " not in container or _BARE_LOCATORS.isdisjoint(draft.kinds):
        return
    end = draft.record[at + 3]
    last = container.rpartition(" ")[2]
    followed = draft.text[end : end + 3]  # the period, then the locator's number ("Fizika. (2012)" is no abbreviation,
    # but the American Mathematical Society's "Nauk Ukr. (2003), no. 9" is)
    numbered = _PERIOD_THEN_NUMBER.match(followed) or (kinds.AMS_LOCATOR in draft.kinds and followed == ". (")
    short = len(last) <= _ABBREVIATED_WORD or all(w.endswith(".") for w in container.split()[:-1])
    if numbered and short and last.isalpha() and last[0].isupper():
        draft.amend("container_title", container + ".", end + 1)


#: A day in ISO 8601 in parentheses closing a newspaper's name (DIN 1505: "Frankfurter Allgemeine Zeitung
#: (2022-08-17), Nr. 190").
_ISO_DAY_CLOSING = re.compile(r"\s\(((?:1[89]|20)\d\d-[01]\d-[0-3]\d)\)$")


def _day_closes_the_container(draft: Draft, container: str) -> None:
    """DIN 1505's newspaper dated in parentheses after its name: the day is the issue's, the name the container."""
    dated = _ISO_DAY_CLOSING.search(container)
    if dated is None:
        return
    at = draft.recorded("container_title")
    start = draft.record[at + 2] if at >= 0 else -1
    draft.amend("container_title", container[: dated.start()])
    issued = date_from_text(dated.group(1))
    read = draft.fields.get("issued")
    if issued is not None and (read is None or read.month is None) and start >= 0:
        draft.put("issued", issued, start + dated.start(1), start + dated.end(1), "layout._day_closes_the_container")


#: What is done to the container's name once the groups are read, in order.
CONTAINER_RULES: Ruler[Callable[[Draft, str], None]] = Ruler(
    [
        ("day_closes_the_container", _day_closes_the_container),
        ("section_letter", _section_letter),
        ("abbreviation_keeps_its_period", _abbreviation_keeps_its_period),
        ("journal_period_separates", _journal_period_separates),
    ],
    off=("journal_period_separates",),
    chain="container",
)


def _initial_period_separates(draft: Draft) -> None:
    """ "van Gijn J. Title": the period after the last author's one initial separates (Vancouver)."""
    if not draft.persons:
        return
    last = draft.persons[-1]
    if last.given.endswith(".") and last.given.count(".") == 1:
        draft.persons[-1] = last.model_copy(update={"given": last.given[:-1]})
        at = draft.recorded("persons")
        if at >= 0 and draft.record[at + 1] is last:
            draft.record[at + 1] = draft.persons[-1]


#: What is done to the head's persons once they are read.
HEAD_RULES: Ruler[Callable[[Draft], None]] = Ruler(
    [("initial_period_separates", _initial_period_separates)],
    off=("initial_period_separates",),
    chain="head",
)
