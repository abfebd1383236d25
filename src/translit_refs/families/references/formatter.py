"""The References family's style, as Russian journals indexed in Scopus and WoS print their lists."""

from __future__ import annotations

from ...export.formatter import family_names, join_pieces, numeric_date, with_translation
from ...models import Reference, ReferenceType


def _dotted(*pieces: str) -> str:
    """Pieces joined into sentences, each closed by a period."""
    return join_pieces([p for p in pieces if p])


def _russian_note(reference: Reference) -> str:
    return " (In Russ.)" if reference.language == "ru" and reference.title_language != "ru" else ""


def _russian(reference: Reference) -> bool:
    """A Russian work: in Russian, or with its title or an author's name in Cyrillic (the model keeps
    no patent's country, so a patent's is named only for a Russian work)."""
    texts = (reference.title or "", *(person.family for person in reference.persons))
    return reference.language == "ru" or any("Ѐ" <= c <= "ӿ" for text in texts for c in text)


def format_references(reference: Reference) -> str:
    """The "References" style of Russian journals indexed in Scopus and WoS:

    Family I.I., Family I.I. Title [Translation]. Journal, 2010, vol. 240, no. 3, pp. 100–110.
    Family I.I. Title [Translation]. Moscow, Energoatomizdat Publ., 1985. 384 p.
    Title. Available at: https://… (accessed 12.05.2019).
    """
    kind = reference.type
    year = str(reference.issued.year) if reference.issued is not None and reference.issued.year else ""
    head = family_names(reference)
    title = with_translation(reference)
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
        access = f" (accessed {numeric_date(reference.accessed)})" if reference.accessed else ""
        pieces.append(f"Available at: {reference.url}{access}" if reference.url else "")
    elif kind is ReferenceType.PATENT:
        country = " RF," if _russian(reference) else ""
        pieces.append(f"Patent{country} no. {reference.number}, {year}")
    else:
        if kind is ReferenceType.THESIS:
            pieces.append(reference.genre or "")
        elif kind is ReferenceType.REPORT:
            pieces.append(f"{reference.genre} {reference.number}")
        publisher = f"{reference.publisher} Publ." if reference.publisher else ""
        pieces.append(", ".join(p for p in (*reference.places, publisher, year) if p))
        pieces.append(f"{reference.page_count} p." if reference.page_count else "")
    return _dotted(*pieces).rstrip(".") + "." + _russian_note(reference)
