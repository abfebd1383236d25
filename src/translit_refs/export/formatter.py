"""Formatting a Reference back to text: the seed list's journal style, APA, and the style families
of Russian journals ("references": the transliterated "References" list; "gost": GOST 7.0.5;
"vancouver": the medical journals' style).

The "quaestio-rossica" style is the one of the seed list: pieces separated by ". " (or by a
space after a piece that already ends with a period, such as "Bull." or "D. C."), e.g.

    Family, I. (Year). Title [Translation]. Place, Publisher. N p.
    Family, I. (Year). Title. In Journal. Vol. N. No. N, pp. X–Y. DOI 10.x/y.
    Title. Year. In Site [website]. URL: (mode of access: DD.MM.YYYY).
"""

from __future__ import annotations

from collections.abc import Callable

from ..lexicon.words import MONTHS
from ..models import IssueKind, PartialDate, Person, Reference, ReferenceType, Role, VolumeKind

_MONTH_NAMES = {number: name for name, number in MONTHS.items() if len(name) > 4 or name == "May"}
_MONTH_NAMES.update({6: "June", 7: "July"})


def format_reference(reference: Reference, style: str = "quaestio-rossica") -> str:
    """Render the reference in a style: "quaestio-rossica" (the seed list's), "apa", "references",
    "gost" or "vancouver"."""
    formatter = _STYLES.get(style)
    if formatter is None:
        raise ValueError(f"unknown style {style!r}; known: {', '.join(sorted(_STYLES))}")
    return formatter(reference)


def _join(pieces: list[str]) -> str:
    """Pieces joined by ". ", or by " " after a piece ending with a period; a final period."""
    text = ""
    for piece in (p for p in pieces if p):
        if text:
            text += " " if text.endswith(".") else ". "
        text += piece
    return text if text.endswith(".") or not text else text + "."


def _names(people: tuple[Person, ...], inverted: bool = True) -> str:
    if inverted:
        return ", ".join(f"{p.family}, {p.given}" if p.given else p.family for p in people)
    shown = [f"{p.given} {p.family}" if p.given else p.family for p in people]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " & " + shown[-1]


def _paren_date(date: PartialDate | None) -> str:
    if date is None:
        return ""
    return "(N. d.)" if date.undated or date.year is None else f"({date.year})"


def _day_month(date: PartialDate, comma: bool) -> str:
    if date.month is None:
        return ""
    month = _MONTH_NAMES[date.month]
    if date.day is None:
        return ""
    return f"{month}, {date.day}" if comma else f"{month} {date.day}"


def _head(reference: Reference) -> str:
    authors = reference.people(Role.AUTHOR)
    people = authors or reference.people(Role.EDITOR)
    if not people:
        return ""
    head = _names(people)
    if reference.et_al:
        head += " e. a."
    if not authors:
        head += " (Ed.)" if len(people) == 1 else " (Eds.)"
    date = _paren_date(reference.issued)
    return f"{head} {date}" if date else head


def _title_piece(reference: Reference) -> str:
    title = reference.title or ""
    if reference.number_of_volumes:
        if reference.volume_kind is VolumeKind.BOOK and reference.language == "ru":
            title += f" v {reference.number_of_volumes} kn."
        else:
            unit = "Books" if reference.volume_kind is VolumeKind.BOOK else "Vols."
            title += f": in {reference.number_of_volumes} {unit}"
    if reference.title_translation is not None:
        title += f" [{reference.title_translation}]"
    statements = [
        (Role.CONTRIBUTOR, "with"),
        (Role.TRANSLATOR, "transl. by"),
    ]
    if reference.people(Role.AUTHOR):
        statements.insert(0, (Role.EDITOR, "ed. by"))
    for role, words in statements:
        people = reference.people(role)
        if people:
            title += f" / {words} {_names(people, inverted=False)}"
    return title


def _imprint(reference: Reference) -> str:
    return ", ".join([*reference.places, *([reference.publisher] if reference.publisher else [])])


def _volume_pieces(reference: Reference) -> list[str]:
    pieces: list[str] = []
    if reference.volume:
        label = "Book" if reference.volume_kind is VolumeKind.BOOK else "Vol."
        pieces.append(f"{label} {reference.volume}")
    volume_title = reference.volume_title or ""
    if reference.number_of_parts:
        volume_title += f": in {reference.number_of_parts} Parts"
    pieces.append(volume_title)
    return pieces


def _book_tail(reference: Reference) -> list[str]:
    """Imprint, volume, part and page count, in the seed's order for authored and title-first works."""
    pieces: list[str] = []
    if reference.people(Role.AUTHOR) or reference.people(Role.EDITOR):
        pieces += [_imprint(reference), *_volume_pieces(reference)]
    else:
        pieces += [*_volume_pieces(reference), _paren_date(reference.issued), _imprint(reference)]
    if reference.part:
        pieces.append(f"Part {reference.part}")
    if reference.page_count:
        pieces.append(f"{reference.page_count} p.")
    return pieces


def _journal_tail(reference: Reference) -> list[str]:
    pieces = [f"In {reference.container_title}"]
    if reference.volume:
        pieces.append(f"Vol. {reference.volume}")
    if reference.issued is not None and reference.issued.season:
        pieces.append(reference.issued.season)
    issue = ""
    if reference.issue:
        issue = ("Iss. " if reference.issue_kind is IssueKind.ISSUE else "No. ") + reference.issue
    if reference.pages:
        issue = f"{issue}, pp. {reference.pages}" if issue else f"pp. {reference.pages}"
    if issue.startswith("pp.") and pieces:
        pieces[-1] += ", " + issue
    else:
        pieces.append(issue)
    if reference.doi:
        pieces.append(f"DOI {reference.doi}")
    return pieces


def _web_tail(reference: Reference) -> list[str]:
    container = f"In {reference.container_title}" if reference.container_title else ""
    if reference.medium:
        container = f"{container} [{reference.medium}]".strip()
    url = "URL:"
    if reference.url:
        url += f" {reference.url}"
    elif reference.url_fragment:
        url += reference.url_fragment
    if reference.accessed is not None and reference.accessed.year is not None:
        url += f" (mode of access: {_numeric_date(reference.accessed)})"
    return [container, url]


def _numeric_date(date: PartialDate) -> str:
    if date.month is None or date.day is None:
        return str(date.year)
    return f"{date.day:02d}.{date.month:02d}.{date.year}"


def _quaestio_rossica(reference: Reference) -> str:
    head = _head(reference)
    pieces = [head, _title_piece(reference)]
    issued = reference.issued
    kind = reference.type
    if not head and kind is not ReferenceType.BOOK and issued is not None and issued.year is not None:
        if kind is ReferenceType.PERIODICAL:
            pieces += [_paren_date(issued), _day_month(issued, comma=False)]
        else:
            pieces += [str(issued.year), _day_month(issued, comma=True)]
    if kind is ReferenceType.THESIS and reference.genre:
        pieces.append(reference.genre)
    if kind is ReferenceType.REPORT:
        pieces.append(f"{reference.genre} No. {reference.number}" if reference.number else reference.genre or "")
        pieces.append(_imprint(reference))
        if head and issued is not None and issued.month is not None:
            pieces.append(f"{_MONTH_NAMES[issued.month]}, {issued.year}")
        pieces += _web_tail(reference)
    elif kind in (ReferenceType.BOOK, ReferenceType.THESIS):
        pieces += _book_tail(reference)
    elif kind is ReferenceType.CHAPTER:
        pieces.append(f"In {reference.container_title}")
        imprint = _imprint(reference)
        pages = f"pp. {reference.pages}" if reference.pages else ""
        pieces.append(", ".join(p for p in (imprint, pages) if p))
    elif kind in (ReferenceType.ARTICLE, ReferenceType.NEWSPAPER):
        pieces += _journal_tail(reference)
    elif kind is ReferenceType.WEBPAGE:
        pieces += _web_tail(reference)
    if reference.archive_location:
        pieces += [reference.archive or "", reference.archive_location]
    return _join(pieces)


def _apa(reference: Reference) -> str:
    people = reference.people(Role.AUTHOR) or reference.people(Role.EDITOR)
    names = [f"{p.family}, {p.given}" if p.given else p.family for p in people]
    head = names[0] if len(names) == 1 else ", ".join(names[:-1]) + ", & " + names[-1] if names else ""
    issued = reference.issued
    date = "(n.d.)" if issued is None or issued.year is None else f"({issued.year})"
    title = reference.title or ""
    if reference.title_translation:
        title += f" [{reference.title_translation}]"
    pieces = [f"{head} {date}" if head else date, title]
    if reference.container_title:
        locator = reference.container_title
        if reference.volume:
            locator += f", {reference.volume}"
            if reference.issue:
                locator += f"({reference.issue})"
        if reference.pages:
            locator += f", {reference.pages}"
        pieces.append(locator)
    elif reference.publisher:
        pieces.append(reference.publisher)
    if reference.doi:
        pieces.append(f"https://doi.org/{reference.doi}")
    elif reference.url:
        pieces.append(reference.url)
    return _join(pieces)


def _family_names(reference: Reference) -> str:
    """ "Family I.I., Family I.I." (the names without the comma the seed style prints)."""
    people = reference.people(Role.AUTHOR)
    names = ", ".join(f"{p.family} {p.given}" if p.given else p.family for p in people)
    return names + (" et al." if reference.et_al and names else "")


def _dotted(*pieces: str) -> str:
    """Pieces joined into sentences, each closed by a period."""
    return _join([p for p in pieces if p])


def _with_translation(reference: Reference) -> str:
    title = reference.title or ""
    return f"{title} [{reference.title_translation}]" if reference.title_translation else title


def _russian_note(reference: Reference) -> str:
    return " (In Russ.)" if reference.language == "ru" and reference.title_language != "ru" else ""


def _references(reference: Reference) -> str:
    """The "References" style of Russian journals indexed in Scopus and WoS:

    Family I.I., Family I.I. Title [Translation]. Journal, 2010, vol. 240, no. 3, pp. 100–110.
    Family I.I. Title [Translation]. Moscow, Energoatomizdat Publ., 1985. 384 p.
    Title. Available at: https://… (accessed 12.05.2019).
    """
    kind = reference.type
    year = str(reference.issued.year) if reference.issued is not None and reference.issued.year else ""
    head = _family_names(reference)
    title = _with_translation(reference)
    if kind is ReferenceType.STANDARD:
        title = _dotted(reference.number or "", title).rstrip(".")
    pieces = [f"{head} {title}" if head else title]
    if kind in (ReferenceType.ARTICLE, ReferenceType.NEWSPAPER):
        locators = [reference.container_title or "", year]
        locators += [f"vol. {reference.volume}"] if reference.volume else []
        locators += [f"no. {reference.issue}"] if reference.issue else []
        locators += [f"pp. {reference.pages}"] if reference.pages else []
        pieces.append(", ".join(p for p in locators if p))
        if reference.doi:
            pieces.append(f"DOI: {reference.doi}")
    elif kind is ReferenceType.PAPER:
        pieces.append(reference.container_title or "")
        event = ", ".join(p for p in (*reference.places, year) if p)
        pieces.append(f"{event}, pp. {reference.pages}" if reference.pages else event)
    elif kind is ReferenceType.WEBPAGE:
        access = f" (accessed {_numeric_date(reference.accessed)})" if reference.accessed else ""
        pieces.append(f"Available at: {reference.url}{access}" if reference.url else "")
    elif kind is ReferenceType.PATENT:
        pieces.append(f"Patent RF, no. {reference.number}, {year}")
    else:
        if kind is ReferenceType.THESIS:
            pieces.append(reference.genre or "")
        elif kind is ReferenceType.REPORT:
            pieces.append(f"{reference.genre} {reference.number}")
        publisher = f"{reference.publisher} Publ." if reference.publisher else ""
        pieces.append(", ".join(p for p in (*reference.places, publisher, year) if p))
        pieces.append(f"{reference.page_count} p." if reference.page_count else "")
    return _dotted(*pieces).rstrip(".") + "." + _russian_note(reference)


def _gost(reference: Reference) -> str:
    """GOST 7.0.5-2008, in Cyrillic for a Cyrillic title, else in its Latin form:

    Family I.I. Title / I.I. Family // Journal. – 2001. – Vol. 3, No. 2. – P. 5–17.
    Family I.I. Title. – M.: Nauka, 1985. – 384 p.
    Title [Electronic resource]. – URL: https://… (accessed: 12.05.2019).
    """
    cyrillic = reference.title_language == "ru" and any("Ѐ" <= c <= "ӿ" for c in reference.title or "")
    volume, number, pages, count = ("Т.", "№", "С.", "с.") if cyrillic else ("Vol.", "No.", "P.", "p.")
    head = _family_names(reference)
    title = reference.title or ""
    areas = [f"{head} {title}" if head else title]
    year = str(reference.issued.year) if reference.issued is not None and reference.issued.year else ""
    if reference.type in (ReferenceType.ARTICLE, ReferenceType.NEWSPAPER):
        areas[0] += f" // {reference.container_title}"
        areas.append(year)
        locators = [f"{volume} {reference.volume}"] if reference.volume else []
        locators += [f"{number} {reference.issue}"] if reference.issue else []
        areas.append(", ".join(locators))
        areas.append(f"{pages} {reference.pages}" if reference.pages else "")
    elif reference.type is ReferenceType.WEBPAGE:
        labels = ("Электронный ресурс", "дата обращения") if cyrillic else ("Electronic resource", "accessed")
        resource, accessed = labels
        areas[0] += f" [{reference.medium or resource}]"
        when = f" ({accessed}: {_numeric_date(reference.accessed)})" if reference.accessed else ""
        areas.append(f"URL: {reference.url}{when}" if reference.url else "")
    else:
        places = ", ".join(reference.places)
        publisher = reference.publisher or ""
        imprint = f"{places}: {publisher}" if places and publisher else places or publisher
        areas.append(", ".join(p for p in (imprint, year) if p))
        areas.append(f"{reference.page_count} {count}" if reference.page_count else "")
    text = ". – ".join(a.rstrip(".") for a in areas if a)
    return text + "."


def _vancouver(reference: Reference) -> str:
    """Vancouver, as medical journals print it (names without periods, "year;volume(issue):pages"):

    Family II, Family II. Title. Journal. 2010;240(3):100-10.
    Family II, Family II, editors. Title. 2nd ed. Place: Publisher; 2015.
    Family II. Title. In: Family II, editor. Book. Place: Publisher; 2007:235-70.
    """
    authors = reference.people(Role.AUTHOR)
    people = authors or reference.people(Role.EDITOR)
    head = ", ".join(f"{p.family} {p.given}" if p.given else p.family for p in people)
    if head and not authors:
        head += ", editor" if len(people) == 1 else ", editors"
    year = str(reference.issued.year) if reference.issued is not None and reference.issued.year else ""
    pieces = [head, _with_translation(reference)]
    imprint = ": ".join(p for p in (", ".join(reference.places), reference.publisher or "") if p)
    dated = f"{imprint}; {year}" if imprint and year else imprint or year
    if reference.type is ReferenceType.ARTICLE:
        locator = f"{year};{reference.volume or ''}"
        locator += f"({reference.issue})" if reference.issue else ""
        locator += f":{reference.pages}" if reference.pages else ""
        pieces += [reference.container_title or "", locator]
    elif reference.type is ReferenceType.CHAPTER:
        editors = reference.people(Role.EDITOR)
        names = ", ".join(f"{p.family} {p.given}" if p.given else p.family for p in editors)
        role = "editor" if len(editors) == 1 else "editors"
        pieces.append(
            f"In: {names}, {role}. {reference.container_title}" if names else f"In: {reference.container_title}"
        )
        pieces.append(f"{dated}:{reference.pages}" if reference.pages else dated)
    else:
        pieces += [f"{_ordinal(reference.edition)} ed." if reference.edition else "", dated]
    return _join([p for p in pieces if p])


def _ordinal(number: str) -> str:
    """ "2" -> "2nd", "11" -> "11th"."""
    last = number[-1:]
    suffix = {"1": "st", "2": "nd", "3": "rd"}.get(last, "th") if number[-2:-1] != "1" else "th"
    return number + suffix


_STYLES: dict[str, Callable[[Reference], str]] = {
    "quaestio-rossica": _quaestio_rossica,
    "apa": _apa,
    "references": _references,
    "gost": _gost,
    "vancouver": _vancouver,
}
