"""The GOST family's style: GOST 7.0.5-2008, in Cyrillic or in its Latin form."""

from __future__ import annotations

from ...export.formatter import family_names, numeric_date
from ...models import Reference, ReferenceType


def format_gost(reference: Reference) -> str:
    """GOST 7.0.5-2008, in Cyrillic for a Cyrillic title, else in its Latin form:

    Family I.I. Title / I.I. Family // Journal. – 2001. – Vol. 3, No. 2. – P. 5–17.
    Family I.I. Title. – M.: Nauka, 1985. – 384 p.
    Title [Electronic resource]. – URL: https://… (accessed: 12.05.2019).
    """
    cyrillic = reference.title_language in ("ru", "uk", "be") and any("Ѐ" <= c <= "ӿ" for c in reference.title or "")
    volume, number, pages, count = ("Т.", "№", "С.", "с.") if cyrillic else ("Vol.", "No.", "P.", "p.")
    head = family_names(reference)
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
        when = f" ({accessed}: {numeric_date(reference.accessed)})" if reference.accessed else ""
        areas.append(f"URL: {reference.url}{when}" if reference.url else "")
    else:
        places = ", ".join(reference.places)
        publisher = reference.publisher or ""
        imprint = f"{places}: {publisher}" if places and publisher else places or publisher
        areas.append(", ".join(p for p in (imprint, year) if p))
        areas.append(f"{reference.page_count} {count}" if reference.page_count else "")
    text = ". – ".join(a.rstrip(".") for a in areas if a)
    return text + "."
