"""What an unmarked sentence looks like: a place, a publisher, a collection's or a conference's title.

The layout rules ask these questions of the sentences the grammar could not mark; each answer
comes from the word lists of ``lexicon/words.py`` and the sentence's own words, never from the reference
around it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon.words import (
    ACRONYM,
    COLLECTION_WORDS,
    CONFERENCE_STEMS,
    CONFERENCE_WORDS,
    CONTAINER_CONTINUATIONS,
    CONTAINER_CUES,
    CONTAINER_FAMILY,
    COUNTRIES,
    INSTITUTION_STEMS,
    INSTITUTION_WORDS,
    JOURNAL_CUES,
    ORGANISATION_NAME,
    PUBLISHER_ENDINGS,
    PUBLISHERS,
    REGIONS,
    SERIES_ENDINGS,
)
from .imprint import Confidence, is_known_place, read_imprint

_COMMA = re.compile(r"\s?,\s?")
_PLACE_NAME = re.compile(r"[A-ZА-ЯЁ][a-zа-яё’'-]{2,24}(?:\s[A-ZА-ЯЁ][a-zа-яё’'-]{2,24}){0,2}")
#: Cheap first tests: a literal alternation, searched fast; the word-bounded lexicon runs only after a hit.
_CONFERENCE_STEM = re.compile("|".join(CONFERENCE_STEMS))
_INSTITUTION_STEM = re.compile("|".join(INSTITUTION_STEMS))
_PUBLISHER_MARK = re.compile(r"\s?\bPubl\.?$")


def is_place(sentence: str) -> bool:
    """A known place, or places and regions joined by commas: "Moscow", "Grenoble, France", "Obninsk, Russia"."""
    items = _COMMA.split(sentence.strip())
    return is_known_place(items[0]) and all(is_known_place(item) or item in REGIONS for item in items[1:])


def looks_like_place(sentence: str) -> bool:
    """A short proper name that may be a town no lexicon knows: "Rostov-na-Donu", "Podol’sk", "Zheleznogorsk"."""
    return _PLACE_NAME.fullmatch(sentence.strip()) is not None


def is_publisher(sentence: str) -> bool:
    """A publisher's name by its ending ("… Publ.", "… Press", "… Inc.") or a known house ("Nauka", "IAEA")."""
    sentence = sentence.strip()
    return sentence in PUBLISHERS or sentence.endswith(PUBLISHER_ENDINGS)


def is_organisation(sentence: str, acronyms: bool = False) -> bool:
    """A sentence that is only an organisation's name: "World Health Organization", "Bank of Russia",
    "Nuclear Science Committee", "Ministry of Health of the Russian Federation"; with ``acronyms`` also
    "OECD", "UNESCO"."""
    name = sentence.strip()
    return ORGANISATION_NAME.fullmatch(name) is not None or (acronyms and ACRONYM.fullmatch(name) is not None)


def is_institution(sentence: str) -> bool:
    """An institution's name: "Los Alamos National Laboratory", "OECD/NEA Nuclear Science Committee"."""
    lowered = sentence.lower()
    return _INSTITUTION_STEM.search(lowered) is not None and INSTITUTION_WORDS.search(lowered) is not None


def publisher_name(sentence: str) -> str:
    """The publisher without the "Publ." the References style adds ("Energoatomizdat Publ." -> "Energoatomizdat")."""
    name = _PUBLISHER_MARK.sub("", sentence.strip()).strip(" ,")
    return name or sentence.strip()


def is_imprint(sentence: str) -> bool:
    """ "Place, Publisher" or "Place: Publisher" with a known place."""
    return read_imprint(sentence).confidence is Confidence.KNOWN_PLACE


def place_split(sentence: str) -> tuple[str, str, str]:
    """A sentence cut around its first run of places: what precedes, the places, what follows
    ("Proceedings of Global 2009, Paris, France, September 6-11" -> "Proceedings of Global 2009",
    "Paris, France", "September 6-11"); the places are empty when the sentence names none."""
    items = _COMMA.split(sentence.strip())
    for start, item in enumerate(items):
        if is_known_place(item) or _town_of_a_country(items, start):
            stop = start + 1
            while stop < len(items) and (is_known_place(items[stop]) or items[stop] in REGIONS):
                stop += 1
            return ", ".join(items[:start]), ", ".join(items[start:stop]), ", ".join(items[stop:])
    return sentence.strip(), "", ""


def _town_of_a_country(items: list[str], start: int) -> bool:
    """ "Nara, Japan", "Tsuruga, Fukui, Japan": an unknown town (and region) before a country."""
    for index in range(start, min(start + 3, len(items))):
        if items[index] in COUNTRIES:
            return index > start
        if not looks_like_place(items[index]):
            return False
    return False


@lru_cache(maxsize=4096)
def is_container_cue(sentence: str) -> bool:
    """A collection's or conference's title: "Proc. of …", "Trudy …", "V trudakh …", "Collection «…»",
    "Nauchno-tekhnicheskii sbornik «…»"."""
    return sentence.startswith(CONTAINER_CUES) or COLLECTION_WORDS.search(sentence) is not None


@lru_cache(maxsize=4096)
def is_conference(sentence: str) -> bool:
    """A conference's name: "7-th Russian Conference on …", "Int. Conf. on …", "… konferentsii"."""
    lowered = sentence.lower()
    return _CONFERENCE_STEM.search(lowered) is not None and CONFERENCE_WORDS.search(lowered) is not None


def is_journal_name(sentence: str) -> bool:
    """A journal's name by its first word ("Journal of …", "Vestnik …", "Izvestiya …")."""
    return sentence.startswith(JOURNAL_CUES)


def continues_container(sentence: str, previous: str) -> bool:
    """Whether ``sentence`` is the second part of a journal name that starts with ``previous``:
    a series ("Ser. Fizika", "Physical-technical series") or a journal family ("Izvestiya vuzov. Fizika")."""
    return (
        sentence.startswith(CONTAINER_CONTINUATIONS)
        or sentence.endswith(SERIES_ENDINGS)
        or previous.startswith(CONTAINER_CONTINUATIONS)  # "Seriya 3: Fizika. Astronomiya"
        or CONTAINER_FAMILY.match(previous) is not None
        or (_ABBREVIATED_START.fullmatch(previous.strip()) is not None and is_abbreviated_name(sentence))
    )


#: Words of a journal's abbreviated name: "Russ. J. Inorg. Chem.", "J. Appl. Phys."
_ABBREVIATED_WORD = r"[A-Z][a-z]{0,7}"
#: Two or more abbreviated words, the last one's period taken by the sentence's end ("Russ. J. Inorg").
#: (An acronym may open it: "IEEE Trans. Veh".)
_ABBREVIATED_START = re.compile(rf"(?:[A-Z]{{2,6}}\s)?(?:{_ABBREVIATED_WORD}\.\s)+{_ABBREVIATED_WORD}\.?")
_ABBREVIATED_NAME = re.compile(rf"(?:{_ABBREVIATED_WORD}\.\s?)+,?")


def is_abbreviated_name(sentence: str) -> bool:
    """Whether every word of ``sentence`` is a capitalised abbreviation with its period ("Chem.", "Phys. Rev."):
    after a sentence of such words ("Russ. J. Inorg"), the rest of one journal's abbreviated name."""
    return _ABBREVIATED_NAME.fullmatch(sentence.strip()) is not None
