"""Reading values out of marker tokens: "No. 4 (61)" -> "4 (61)", DOIs, APA locators."""

from __future__ import annotations

import re

_NUMBER = re.compile(r"\d+[A-Za-z]?(?:\s?[-‐‑‒–—−/]\s?\d+[A-Za-z]?)?(?:\s?\(\d+\))?")
_PAGES = re.compile(r"\d[\d\sA-Za-z,/‐‑‒–—−-]*+(?<=[\dA-Za-z])")
_SPACED_DASH = re.compile(r"\s?([-‐‑‒–—−])\s?")
_SPACE = re.compile(r"\s")
_GLUED_WHOLE_NUMBER = re.compile(r"(?<=\d)\(")
_DOI_BODY = re.compile(r"10\.\d{4,9}\s?/\S+")
_DASHES = re.compile(r"[‐‑‒–—−]")
_APA = re.compile(r"(?P<volume>\d+)?\s?(?:\((?P<issue>[^)]++)\)|(?<=\d)(?=,))(?:,\s?(?P<pages>.+))?")
_VANCOUVER = re.compile(
    r"(?P<year>\d{4})(?:[^;:]*+;\s?(?P<volume>\d+)?(?:\s?\((?P<issue>\d+\s\(\d+\)|[^)]++)\))?)?(?::\s?(?P<pages>.+))?"
)
_COLON = re.compile(r"(?P<volume>\d+)?(?::(?P<number>\d+),|(?:\s?\((?P<issue>[^)]++)\))?:)\s?(?P<pages>.+)")
_CHICAGO = re.compile(
    r"(?:(?P<volume>\d+)(?:,\s)?)?(?:nos?\.\s(?P<issue>[^\s(]+))?\s\((?:[A-Z][a-z]+\s)?(?P<year>\d{4})[a-z]?\)"
    r"(?::\s?(?P<pages>.+))?"
)
_AMS = re.compile(
    r"(?:(?P<volume>\d+)\s)?\((?P<year>\d{4})[a-z]?\),\s(?:[^\d\s,]{1,8}\s?(?P<issue>[^\s,]{1,12}),\s)?(?P<pages>[^,]+)$"
)
_PAREN_PAGES = re.compile(
    r"\((?:(?P<edition>\d+)\D*?,\s?(?=[^\d\s]))?(?:\D*+(?P<volume>\d+)(?:,\s?|(?=\)$)))?(?P<pages>[^)]*)\)"
)


#: A range's dash between two digits ("112–130", "233 - 239").
_RANGE_DASH = re.compile(r"\d\s?[-‐‑‒–—−]\s?\d")


def is_page_range(pages: object) -> bool:
    """Pages that run over a range, as a journal's or a book part's do (a newspaper's is one page)."""
    return isinstance(pages, str) and _RANGE_DASH.search(pages) is not None


def number_in(marker: str) -> str | None:
    """The number or range a marker carries: "Vol. 2" -> "2", "Iss. 6–7" -> "6–7", "No. 4 (61)"."""
    match = _NUMBER.search(marker)
    return match.group() if match else None


def page_range(marker: str) -> str | None:
    """The pages a marker gives, without spaces around the range's dash: "pp. 233 – 239" -> "233–239",
    "pp. 15-95, 238-260" -> "15-95, 238-260"."""
    match = _PAGES.search(marker)
    if not match:
        return None
    pages = match.group()
    return _SPACED_DASH.sub(r"\1", pages) if _SPACE.search(pages) else pages


def issue_number(marker: str) -> str | None:
    """An issue and its whole number as the seed prints them: "No. 4 (61)", "no. 1(107)" -> "1 (107)"."""
    number = number_in(marker)
    return _GLUED_WHOLE_NUMBER.sub(" (", number) if number else None


def doi_in(value: str) -> str | None:
    """The DOI, with dashes repaired to hyphen-minus and no trailing punctuation."""
    match = _DOI_BODY.search(value)
    if not match:
        return None
    return _DASHES.sub("-", match.group().replace(" ", "")).rstrip(".,;")


#: Year, volume, issue and pages of a journal locator; any may be missing.
Locator = tuple[str | None, str | None, str | None, str | None]


def apa_locator(value: str) -> Locator | None:
    """Volume, issue and pages of an APA locator: "7(4), 1324–1338", and a volume without its issue: "71, 18–28"."""
    match = _APA.match(value)
    if not match:
        return None
    return None, match.group("volume"), match.group("issue"), match.group("pages")


def colon_locator(value: str) -> Locator | None:
    """Volume, issue and pages of a locator with the pages after a colon: "12: 66–67", "55 (3–4): 120–31",
    "14:2, 135-146", and an issue without its volume: "(6–7):54–68"."""
    match = _COLON.match(value)
    if not match:
        return None
    issue = match.group("issue") or match.group("number")  # "55 (3–4): 120–31", "14:2, 135-146"
    return None, match.group("volume"), issue, page_range(match.group("pages"))


def chicago_locator(value: str) -> Locator | None:
    """Year, volume, issue and pages of Chicago's "3, no. 2 (2009): 137–56", "no. 2 (2015): 81–87", "312, no. 2
    (2008)"."""
    match = _CHICAGO.match(value)
    if not match:
        return None
    pages = match.group("pages")
    return match.group("year"), match.group("volume"), match.group("issue"), page_range(pages) if pages else None


def ams_locator(value: str) -> Locator | None:
    """Year, volume, issue and pages of the American Mathematical Society's "191 (2000), no. 4, 73–98"."""
    match = _AMS.match(value)
    if not match:
        return None
    return match.group("year"), match.group("volume"), match.group("issue"), page_range(match.group("pages"))


def vancouver_date(value: str) -> bool:
    """A newspaper's date in the Vancouver style ("2018 Jun 14"), not a journal's locator."""
    return ";" not in value and ":" not in value


def vancouver_locator(value: str) -> Locator | None:
    """Year, volume, issue and pages of a Vancouver locator: "2010;240(3):100-10", "2020;(2):3-15", and a
    book's "2009:22-63"."""
    match = _VANCOUVER.match(value)
    if not match:
        return None
    return match.group("year"), match.group("volume"), match.group("issue"), match.group("pages")


def paren_pages(value: str) -> tuple[str | None, str | None, str | None]:
    """Edition, volume and pages of APA's "(2nd ed., pp. 45–78)", "(Vol. 2, pp. 312–321)", "(pp. 134–149)"."""
    match = _PAREN_PAGES.fullmatch(value)
    if not match:
        return None, None, None
    pages = match.group("pages")
    return match.group("edition"), match.group("volume"), page_range(pages) if pages else None
