"""The author-date family's styles: the seed list's journal style ("quaestio-rossica") and APA.

The "quaestio-rossica" style is the one of the seed list: pieces separated by ". " (or by a
space after a piece that already ends with a period, such as "Bull." or "D. C."), e.g.

    Family, I. (Year). Title [Translation]. Place, Publisher. N p.
    Family, I. (Year). Title. In Journal. Vol. N. No. N, pp. X–Y. DOI 10.x/y.
    Title. Year. In Site [website]. URL: (mode of access: DD.MM.YYYY).
"""

from __future__ import annotations

from functools import lru_cache

from ...export.formatter import join_pieces, numeric_date
from ...lexicon import words_of
from ...models import IssueKind, PartialDate, Person, Reference, ReferenceType, Role, VolumeKind


@lru_cache(maxsize=12)
def _month_name(number: int) -> str:
    """An English month as the style prints it: the longest word of the month's lexicon piece."""
    return max(words_of(f"MONTH_EN_{number}"), key=len)


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
    month = _month_name(date.month)
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
        url += f" (mode of access: {numeric_date(reference.accessed)})"
    return [container, url]


def format_quaestio_rossica(reference: Reference) -> str:
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
            pieces.append(f"{_month_name(issued.month)}, {issued.year}")
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
    return join_pieces(pieces)


def format_apa(reference: Reference) -> str:
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
    return join_pieces(pieces)
