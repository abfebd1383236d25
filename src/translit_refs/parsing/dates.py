"""Reading the date fragments a reference prints: "(1969)", "July, 1", "17.08. 2019", "1 Sep. 2016"."""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import month_numbers
from ..models import PartialDate

_YEAR = re.compile(r"\d{4}")
_NUMERIC = re.compile(r"(\d{1,2})\s?\.\s?(\d{1,2})\s?\.\s?(\d{4})")
#: ISO 8601's "2019-08-17" (DIN 1505's access dates, web pages' dates).
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d\d)-(\d\d)(?!\d)")
_MONTH_WORD = re.compile(r"([^\W\d_]+)\.?")
_NUMBER = re.compile(r"\d+")


@lru_cache(maxsize=1024)
def year_date(year: int) -> PartialDate:
    """The date of a year alone: a frozen PartialDate, made once for every reference dated that year."""
    return PartialDate(year=year)


def year_of(text: str) -> int | None:
    """The first four-digit year in the text, if any."""
    match = _YEAR.search(text)
    return int(match.group()) if match else None


def date_from_text(text: str, year: int | None = None) -> PartialDate | None:
    """A date from "17.08.2019", "2019-08-17", "July, 1" (with ``year``), "July, 2002", "1 Sep. 2016", "Nov. 22,
    2023"."""
    iso = _ISO.search(text) if "-" in text else None
    if iso:
        iso_year, iso_month, iso_day = (int(g) for g in iso.groups())
        if 1 <= iso_month <= 12 and 1 <= iso_day <= 31:
            return PartialDate(year=iso_year, month=iso_month, day=iso_day)
    numeric = _NUMERIC.search(text)
    if numeric:
        numeric_day, numeric_month, numeric_year = (int(g) for g in numeric.groups())
        if 1 <= numeric_month <= 12 and 1 <= numeric_day <= 31:
            return PartialDate(year=numeric_year, month=numeric_month, day=numeric_day)
        return year_date(numeric_year)
    months = month_numbers()
    month: int | None = next((months[m] for m in _MONTH_WORD.findall(text) if m in months), None)
    numbers = [int(n) for n in _NUMBER.findall(text)]
    found_year: int | None = next((n for n in numbers if n >= 1000), year)
    day: int | None = next((n for n in numbers if 1 <= n <= 31), None)
    if month is None and found_year is None:
        return None
    return PartialDate(year=found_year, month=month, day=day if month else None)
