"""Splitting an imprint sentence into places and publisher.

"NY, L., Toronto, Sydney, Simon and Schuster" -> (NY, L., Toronto, Sydney), "Simon and Schuster";
"Middletown : US Government, Department of Defense" -> (Middletown,), "US Government, …";
"Washington, D. C." -> (Washington, D. C.), no publisher.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import IntEnum
from functools import lru_cache

from ..lexicon.words import COUNTRIES, PLACE_KEYS, REGIONS, place_key

_GENERIC_PLACE = re.compile(r"[A-ZА-ЯЁ][\w’'.-]*(?:\s[A-ZА-ЯЁ][\w’'.-]*){0,2}")
_COLON = re.compile(r"^(?P<places>[^:]+?)\s?:\s?(?P<publisher>\S.*)$")
_COMMA = re.compile(r"\s?[,;]\s?")
#: A publisher's name before its place: capitalised, without numbers, quotes or brackets (never a
#: conference's "«…– 2005»" or a report's "INDC (CCP)-413" before a town).
#: A publisher's name: capitalised, without numbers, quotes or brackets; or up to three words before a
#: quoted name ("NRNU «MEPhI»", "FGUP «RFNC-VNIIEF»", never "Proc. of the ISTC «Safety of VVER»").
PUBLISHER_SHAPE = re.compile(
    r"[A-ZА-ЯЁ][^\d«»“”\"()\[\]]{1,80}"
    r"|[A-ZА-ЯЁ][^\d\s«»“”\"()\[\]]*+(?:\s[^\d\s«»“”\"()\[\]]++){0,2}\s«[^\d«»]{1,40}»"
)


class Confidence(IntEnum):
    """How sure the imprint reading is: a known place, or only the place-comma shape."""

    NONE = 0
    SHAPE = 1
    KNOWN_PLACE = 2


@dataclass(frozen=True, slots=True)
class Imprint:
    """Places and publisher read from one sentence."""

    places: tuple[str, ...]
    publisher: str | None
    confidence: Confidence


NOT_AN_IMPRINT = Imprint((), None, Confidence.NONE)


@lru_cache(maxsize=4096)
def read_imprint(sentence: str) -> Imprint:
    """Read "Place[, Place…][,|:] Publisher"; ``Confidence.NONE`` when it has no such shape."""
    sentence = sentence.strip()
    colon = _COLON.match(sentence) if ":" in sentence else None
    if colon and not is_known_place(colon.group("places").strip()):
        reversed_imprint = _publisher_first(colon.group("places").strip(), colon.group("publisher"))
        if reversed_imprint is not None:
            return reversed_imprint  # ACS's "W. W. Norton: NY"
    if colon:
        places = tuple(_COMMA.split(colon.group("places").strip()))
        if all(_is_place(p, first=i == 0) for i, p in enumerate(places)):
            return Imprint(places, colon.group("publisher"), _confidence(places[0]))
        return NOT_AN_IMPRINT
    items = _COMMA.split(sentence)
    if not is_known_place(items[0]) and items[0] not in REGIONS:
        publisher_first = _publisher_first_by_comma(sentence, items)
        if publisher_first.confidence:
            return publisher_first  # "Random House, NY", "Nauka, Moscow"
    places_found: list[str] = []
    for index, item in enumerate(items):
        if is_known_place(item) or item in REGIONS or (index == 0 and _GENERIC_PLACE.fullmatch(item)):
            places_found.append(item)
        else:
            break
    if not places_found:
        return NOT_AN_IMPRINT
    publisher_items = items[len(places_found) :]
    if publisher_items and publisher_items[-1] in COUNTRIES and all(map(_GENERIC_PLACE.fullmatch, publisher_items)):
        return Imprint(tuple(items), None, Confidence.KNOWN_PLACE)  # "Tsuruga, Fukui, Japan": all places
    confidence = _confidence(places_found[0])
    if not publisher_items:
        if confidence is Confidence.SHAPE:
            return NOT_AN_IMPRINT
        return Imprint(tuple(places_found), None, confidence)
    publisher = sentence[_offset_after(sentence, len(places_found)) :]
    return Imprint(tuple(places_found), publisher, confidence)


def _publisher_first_by_comma(sentence: str, items: list[str]) -> Imprint:
    """ "Random House, NY", "Nauka, Moscow", "US Government, Department of Defense, Middletown": the
    publisher first, then known places (Elsevier's and Springer's order)."""
    if len(items) < 2:
        return NOT_AN_IMPRINT
    first_place = len(items) - 1
    while first_place > 1 and (is_known_place(items[first_place - 1]) or items[first_place - 1] in REGIONS):
        first_place -= 1
    if not is_known_place(items[first_place]):
        return NOT_AN_IMPRINT
    publisher = sentence[: _offset_after(sentence, first_place)].rstrip(" ,;")
    return _publisher_first(publisher, sentence[_offset_after(sentence, first_place) :]) or NOT_AN_IMPRINT


def _publisher_first(publisher: str, places_text: str) -> Imprint | None:
    """The imprint "Publisher, Place[, Region]" or "Publisher: Place", when the places are known ones and
    the publisher is none."""
    places = tuple(_COMMA.split(places_text.strip()))
    if not is_known_place(places[0]) or not all(is_known_place(p) or p in REGIONS for p in places[1:]):
        return None
    if not PUBLISHER_SHAPE.fullmatch(publisher) or is_known_place(publisher) or publisher in REGIONS:
        return None
    return Imprint(places, publisher, Confidence.KNOWN_PLACE)


def is_known_place(sentence: str) -> bool:
    """True for a sentence that is just a known place ("Moscow", "Nizhnij Novgorod", "Kazan’"), or two
    joined by a hyphen ("Moscow-Podolsk": a joint imprint)."""
    if place_key(sentence) in PLACE_KEYS:
        return True
    first, hyphen, second = sentence.partition("-")
    return bool(hyphen) and place_key(first) in PLACE_KEYS and place_key(second) in PLACE_KEYS


def _is_place(item: str, first: bool) -> bool:
    item = _without_state(item)
    return is_known_place(item) or item in REGIONS or (first and _GENERIC_PLACE.fullmatch(item) is not None)


def _confidence(first_place: str) -> Confidence:
    return Confidence.KNOWN_PLACE if is_known_place(_without_state(first_place)) else Confidence.SHAPE


#: A town and its state or country in parentheses (Vancouver's "Hoboken (NJ)", "Cambridge (UK)").
_STATE_IN_PARENTHESES = re.compile(r"(?P<town>[^()]{2,40})\s\((?P<state>[A-Z]{2,3})\)")


def _without_state(item: str) -> str:
    """ "Hoboken (NJ)" -> "Hoboken" when "NJ" is a known region; any other text as it is."""
    found = _STATE_IN_PARENTHESES.fullmatch(item)
    return found.group("town") if found is not None and found.group("state") in REGIONS else item


def _offset_after(sentence: str, separators: int) -> int:
    """Offset just after the given number of place separators."""
    position = 0
    for match in _COMMA.finditer(sentence):
        separators -= 1
        position = match.end()
        if separators == 0:
            break
    return position
