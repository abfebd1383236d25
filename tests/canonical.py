"""The documented canonicalisations of the seed style (docs/round-trip.md lists them).

``canonical(s)`` is what ``format_reference(parse_reference(s))`` must give back.
"""

from __future__ import annotations

import re

from translit_refs.parsing.normalize import normalize

_DOI = re.compile(r"(DOI\s10\.\S+)")
_SPACED_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.\s+(\d{4})")
_DATE_WITHOUT_PERIOD = re.compile(r"^([^()]*?\((?:\d{4}|N\. d\.)\))(?=\s[^.(])")
_IMPRINT_COLON = re.compile(r"(?<=\w) : (?=\w)")


def canonical(text: str) -> str:
    """Apply the documented normalisations, nothing else."""
    text = normalize(text).text  # 1-2: look-alike letters, the non-breaking hyphen
    text = _DOI.sub(lambda m: re.sub(r"[‐‑‒–—−]", "-", m.group()), text)  # 3: DOI dashes
    text = _DATE_WITHOUT_PERIOD.sub(r"\1.", text)  # 4: "(2015) Kennan" -> "(2015). Kennan"
    text = _SPACED_DATE.sub(r"\1.\2.\3", text)  # 5: "17.08. 2019" -> "17.08.2019"
    text = _IMPRINT_COLON.sub(", ", text)  # 6: "NY : Routledge" -> "NY, Routledge"
    text = text.strip()
    return text if text.endswith(".") else text + "."  # 7: the final period
