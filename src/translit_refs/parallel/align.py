"""Pairing an article's Cyrillic list with its transliterated one.

Each entry becomes the set of its words' spelling-blind keys (``keys.py``): family names, title
words, the journal's name, the year, volume, issue and pages, a DOI's digits. Keys are weighted by
rarity in the two lists (a key every entry has, "#2010" or "Moscow", tells nothing), and a pair's
score is the weight the two entries share over the weight of the smaller one (the transliterated
entry also carries an English translation the Cyrillic one lacks). Pairs are then taken best
first, each entry once; the position of the two entries in their lists breaks ties. A pair below
``MIN_SCORE`` is no pair: such an entry is paired with ``None``.

Only entries that share a key few entries have are ever scored (an inverted index without the
keys more than 5 % of the entries, or more than 20 entries, hold), and each Cyrillic entry keeps its
five best candidates: each entry scores a bounded number of candidates, so two lists of a few
hundred entries cost a few hundredths of a second and the cost grows linearly with the lists (the
whole dev corpus as one list of 566 pairs pairs as well as without the bound of 20).
"""

from __future__ import annotations

import heapq
import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from ..errors import InvalidArgumentError
from ..models import Reference
from .keys import text_keys, word_key

#: Keys held by more than this share of the entries (and more than ``COMMON_FLOOR``) find no candidates;
#: nor do keys held by more than ``COMMON_CAP`` entries, so that each entry scores a bounded number of
#: candidates and pairing stays linear in the lists' length (the cap is 5 % of four hundred entries).
COMMON_SHARE = 0.05
COMMON_FLOOR = 10
COMMON_CAP = 20
#: Candidates kept per Cyrillic entry.
CANDIDATES = 5
#: The share of the smaller entry's weight two entries must have in common to be partners.
MIN_SCORE = 0.15
#: Partners explain at least this share of the fuller one's weight: a name alone ("Иванов И.И.", a
#: line cut from its entry) is no partner of a whole reference, though all its keys are there.
MIN_COVER = 0.12
#: Below this share, partners must also be each other's best candidate, or open with the same word
#: (the first author's family name, or a title's first word): weak overlaps of the papers of one
#: group of authors are not taken for partners.
SURE_SCORE = 0.35

Pair = tuple[int | None, int | None]


@dataclass(frozen=True, slots=True)
class Scored:
    """A candidate pair: its score, the weight the two entries share, and their indices."""

    score: float
    common: float
    cyrillic: int
    latin: int
    #: The shared weight over the larger entry's: how much of the fuller entry the pair explains.
    cover: float = 1.0


def _text(entry: str | Reference) -> str:
    if isinstance(entry, Reference):
        return entry.raw
    if not isinstance(entry, str):
        raise InvalidArgumentError(f"align() takes str or Reference entries, not {type(entry).__name__}")
    return entry


def scored_pairs(cyrillic: Sequence[str | Reference], latin: Sequence[str | Reference]) -> list[Scored]:
    """The candidate pairs, best first: for each Cyrillic entry, the ``CANDIDATES`` Latin entries it
    shares the most weight with, among those that share a key no more than ``COMMON_SHARE`` of the
    entries have (keys as common as "#2014" or "Nauka" find no candidates, but count once found)."""
    cyrillic_keys = [text_keys(_text(entry)) for entry in cyrillic]
    latin_keys = [text_keys(_text(entry)) for entry in latin]
    frequency: dict[str, int] = defaultdict(int)
    for keys in (*cyrillic_keys, *latin_keys):
        for key in keys:
            frequency[key] += 1
    total = len(cyrillic_keys) + len(latin_keys)
    weight = {key: math.log(1 + total / count) for key, count in frequency.items()}
    common_from = max(COMMON_FLOOR, min(COMMON_SHARE * total, COMMON_CAP))
    postings: dict[str, list[int]] = defaultdict(list)
    for index, keys in enumerate(latin_keys):
        for key in keys:
            if frequency[key] <= common_from:
                postings[key].append(index)
    # exact sums (math.fsum): a set's keys come in an order that changes with PYTHONHASHSEED, and a
    # rounded sum taken in that order could break a tie one way or the other
    latin_weight = [math.fsum(weight[key] for key in keys) for keys in latin_keys]
    pairs = []
    for i, keys in enumerate(cyrillic_keys):
        own = math.fsum(weight[key] for key in keys)
        found = {j for key in keys for j in postings.get(key, ())}
        candidates = []
        for j in found:
            common = math.fsum(weight[key] for key in keys & latin_keys[j])
            smaller, larger = sorted((own, latin_weight[j]))
            if smaller > 0:
                candidates.append(Scored(common / smaller, common, i, j, common / larger))
        pairs += heapq.nlargest(CANDIDATES, candidates, key=lambda pair: (pair.score, pair.common))
    pairs.sort(key=lambda pair: (-pair.score, -pair.common, _distance(pair, len(cyrillic), len(latin))))
    return pairs


def _distance(pair: Scored, cyrillic_length: int, latin_length: int) -> float:
    """How far apart the two entries sit in their lists (0–1)."""
    return abs(pair.cyrillic / max(1, cyrillic_length) - pair.latin / max(1, latin_length))


def _opens_alike(cyrillic: str, latin: str) -> bool:
    """Both entries open with the same word: the first author's family name, or the title's first word."""
    first = [next(iter(_FIRST_WORD.findall(text)), "") for text in (cyrillic, latin)]
    return bool(first[0]) and word_key(first[0]) == word_key(first[1])


def _same_years(cyrillic: str, latin: str) -> bool:
    """The two entries share a year, or one of them prints none."""
    years = [set(_YEAR.findall(text)) for text in (cyrillic, latin)]
    return not (years[0] and years[1]) or bool(years[0] & years[1])


_YEAR = re.compile(r"(?<!\d)(?:1[5-9]|20)\d\d(?!\d)")
_FIRST_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|[’'ʹ])+")


def align(cyrillic: Sequence[str | Reference], latin: Sequence[str | Reference]) -> list[Pair]:
    """Index pairs ``(i, j)`` of partners, ``i`` into ``cyrillic`` and ``j`` into ``latin``; an entry
    without a partner comes as ``(i, None)`` or ``(None, j)``. Each index appears once; the pairs
    are in the order of the Latin list, then the unpaired Cyrillic entries in theirs."""
    partner_of_latin: dict[int, int] = {}
    taken: set[int] = set()
    scored = scored_pairs(cyrillic, latin)
    best_of_cyrillic: dict[int, float] = {}
    best_of_latin: dict[int, float] = {}
    for pair in scored:  # best first: the first score seen is each entry's best
        best_of_cyrillic.setdefault(pair.cyrillic, pair.score)
        best_of_latin.setdefault(pair.latin, pair.score)
    for pair in scored:
        if pair.score < MIN_SCORE:
            break
        if pair.cyrillic in taken or pair.latin in partner_of_latin or pair.cover < MIN_COVER:
            continue
        mutual = best_of_cyrillic[pair.cyrillic] == pair.score == best_of_latin[pair.latin]
        if pair.score < SURE_SCORE and not _same_years(_text(cyrillic[pair.cyrillic]), _text(latin[pair.latin])):
            continue
        if pair.score < SURE_SCORE and not (
            mutual or _opens_alike(_text(cyrillic[pair.cyrillic]), _text(latin[pair.latin]))
        ):
            continue
        partner_of_latin[pair.latin] = pair.cyrillic
        taken.add(pair.cyrillic)
    pairs: list[Pair] = [(partner_of_latin.get(j), j) for j in range(len(latin))]
    pairs += [(i, None) for i in range(len(cyrillic)) if i not in taken]
    return pairs
