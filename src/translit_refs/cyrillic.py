"""Transliteration intelligence: which scheme a list uses, and the Cyrillic original of its titles.

Forward rules come from iuliia (the standard schemes) plus two schemes seen in reference lists:
"bsi-simplified" (й → i, ь → ’, х → kh: "Koreiskoi voiny", "Sovetskii") and "elibrary"
(translit.ru: й → j, х → h, ц → c, э → je: "Labockij", "tehnologii", "jenergetiki").
Reverse candidates (``translit.cyrillic_candidates``) are kept when the detected scheme maps
them back to the printed word, and ranked by Russian word frequency (wordfreq) and spelling.

This runs after parsing, on demand (``transliterate_references``), so parsing stays fast.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache

import iuliia
from iuliia.schema import TranslitSchema

from .models import CyrillicText, Reference, VolumeKind
from .translit import cyrillic_candidates
from .words import zipf

_BASE = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
    "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "ч": "ch", "ш": "sh", "ы": "y",
}  # fmt: skip
#: Schemes named by this library, beside iuliia's.
CUSTOM_SCHEMES: dict[str, TranslitSchema] = {
    "bsi-simplified": TranslitSchema(
        name="bsi-simplified",
        mapping=_BASE
        | {"й": "i", "х": "kh", "ц": "ts", "щ": "shch", "ъ": "’", "ь": "’", "э": "e", "ю": "yu", "я": "ya"},
        description="Simplified BSI of Russian humanities journals: Koreiskoi, Sovetskii, Sem’ vozhdei",
    ),
    "elibrary": TranslitSchema(
        name="elibrary",
        mapping=_BASE | {"й": "j", "х": "h", "ц": "c", "щ": "shh", "ъ": "’", "ь": "’", "э": "je", "ю": "ju", "я": "ja"},
        description="translit.ru / eLIBRARY style: Labockij, tehnologii, jenergetiki",
    ),
}
#: iuliia's schemes that reference lists use.
IUULIA_SCHEMES: dict[str, TranslitSchema] = {
    name.lower(): getattr(iuliia, name)
    for name in (
        "BS_2979_ALT", "BGN_PCGN", "WIKIPEDIA", "GOST_7034", "GOST_52535", "ICAO_DOC_9303", "TELEGRAM",
        "YANDEX_MAPS", "MOSMETRO", "ALA_LC_ALT", "SCIENTIFIC", "UNGEGN_1987",
    )
}  # fmt: skip
SCHEMES: dict[str, TranslitSchema] = CUSTOM_SCHEMES | IUULIA_SCHEMES

_TOKENS = re.compile(r"[A-Za-z’']+|[^A-Za-z’']+")
_ROMAN = re.compile(r"(?=[MDCLXVI]{2})M*(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})")
_FOREIGN = re.compile(r"w|q|ph|ck")
#: How much agreeing with the list's scheme counts, against word frequency (Zipf units).
SCHEME_AGREEMENT = 1.0
_APOSTROPHES = str.maketrans({"'": "’", "ʹ": "’", "`": "’"})


def forward(cyrillic: str, scheme: str) -> str:
    """The Cyrillic text in the named scheme, apostrophes unified to ’."""
    latin: str = SCHEMES[scheme].translate(cyrillic)
    return latin.translate(_APOSTROPHES)


@lru_cache(maxsize=65536)
def _forward_word(cyrillic: str, scheme: str) -> str:
    return forward(cyrillic, scheme).lower()


@lru_cache(maxsize=65536)
def ranked_candidates(word: str) -> tuple[tuple[str, float], ...]:
    """Cyrillic candidates of a lowercase Latin word, most likely first, with their scores."""
    scored = [(candidate, _score(candidate)) for candidate in cyrillic_candidates(word.translate(_APOSTROPHES))]
    return tuple(sorted(scored, key=lambda pair: -pair[1]))


def _score(candidate: str) -> float:
    """Word frequency first; Russian spelling habits break ties among unknown words."""
    score = zipf(candidate, "ru")
    if "э" in candidate[1:]:
        score -= 0.3  # э is rare inside a word; at its start it is common ("эксперимент")
    score -= 0.01 * len(candidate)  # among unknown words the fewer letters win: щ over шч, ц over тс
    if re.search(r"(?:ый|ий|ой|ей|ай|ия|ие|ии)$", candidate):
        score += 0.1
    if re.search(r"[^аеёиоуыэюя]й", candidate):
        score -= 1.0
    return score


def detect_schemes(words: Iterable[str]) -> list[tuple[str, float]]:
    """Schemes ranked by the share of transliterated words they reproduce from the words' best readings."""
    counts: Counter[str] = Counter()
    total = 0
    for word in words:
        lower = word.lower().translate(_APOSTROPHES)
        if len(lower) < 3 or not re.fullmatch(r"[a-z’]+", lower):
            continue
        top = [c for c, s in ranked_candidates(lower)[:3] if s > 0]
        if not top:
            continue
        total += 1
        for scheme in SCHEMES:
            if any(_forward_word(c, scheme) == lower for c in top):
                counts[scheme] += 1
    if not total:
        return []
    return sorted(((name, counts[name] / total) for name in SCHEMES), key=lambda pair: -pair[1])


def to_cyrillic(latin: str, scheme: str | None = None) -> CyrillicText:
    """The Cyrillic reading of a transliterated text, with a confidence and alternatives."""
    pieces: list[str] = []
    choices: list[tuple[int, list[str], float]] = []
    for token in _TOKENS.findall(latin):
        if not re.fullmatch(r"[A-Za-z’']+", token) or _ROMAN.fullmatch(token) or _is_english(token):
            pieces.append(token)
            continue
        options, confidence = _word_options(token, scheme)
        choices.append((len(pieces), options, confidence))
        pieces.append(options[0])
    confidences = [c for _, _, c in choices] or [1.0]
    overall = math.exp(sum(math.log(max(c, 1e-6)) for c in confidences) / len(confidences))
    alternatives = []
    for index, options, _ in sorted(choices, key=lambda choice: choice[2])[:3]:
        if len(options) > 1:
            alternative = list(pieces)
            alternative[index] = options[1]
            alternatives.append("".join(alternative))
    return CyrillicText(
        text="".join(pieces), confidence=round(overall, 3), alternatives=tuple(alternatives), scheme=scheme
    )


def _is_english(token: str) -> bool:
    """A foreign word stays as printed: letters no Russian transliteration writes ("Multiphysics",
    "Software"), or a common English word with no common Russian reading ("Under the total")."""
    lower = token.lower()
    if _FOREIGN.search(lower):
        return True
    if len(lower) < 3 or zipf(lower) < 4.0:
        return False
    return max((score for _, score in ranked_candidates(lower)[:1]), default=0.0) < 2.0


def _word_options(token: str, scheme: str | None) -> tuple[list[str], float]:
    """The word's readings, best first: frequency, agreement with the scheme, and in acronyms Э."""
    lower = token.lower().translate(_APOSTROPHES)
    acronym = sum(1 for c in token if c.isupper()) >= 2
    rescored = []
    for candidate, frequency in ranked_candidates(lower)[:64]:
        agreement = SCHEME_AGREEMENT if scheme is not None and _forward_word(candidate, scheme) == lower else 0.0
        acronym_bonus = 0.5 if acronym and "э" in candidate else 0.0  # АЭС, ВВЭР, ЭП: acronyms spell э
        rescored.append((candidate, frequency + agreement + acronym_bonus))
    ranked = tuple(sorted(rescored, key=lambda pair: -pair[1]))
    if not ranked:
        return [token], 0.0
    options = [_with_case(candidate, token) for candidate, _ in ranked[:3]]
    best = ranked[0][1]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    if best <= SCHEME_AGREEMENT + 0.2:
        return options, 0.3
    return options, min(1.0, 0.6 + (best - runner_up) / 5)


def _with_case(cyrillic: str, latin: str) -> str:
    if sum(1 for c in latin if c.isupper()) >= 2:
        return cyrillic.upper()  # SShA, SSSR, MGIMO
    if latin[:1].isupper():
        return cyrillic[:1].upper() + cyrillic[1:]
    return cyrillic


def transliterate_references(references: Sequence[Reference]) -> list[Reference]:
    """The references with the list's scheme and the Cyrillic titles of the Russian ones.

    The scheme is detected over the whole list (lists are mostly consistent) and used for
    every reference whose own words the list scheme reproduces; English titles get none.
    """
    russian = [r for r in references if _transliterated_title(r)]
    words = [w for r in russian for w in _TOKENS.findall(r.title or "")]
    ranking = detect_schemes(words)
    list_scheme = ranking[0][0] if ranking and ranking[0][1] > 0 else None
    return [_transliterated(r, list_scheme) if _transliterated_title(r) else r for r in references]


def _transliterated_title(reference: Reference) -> bool:
    return reference.language == "ru" and bool(reference.title)


def transliterate_reference(reference: Reference) -> Reference:
    """One reference with its scheme and Cyrillic title (the scheme detected from it alone)."""
    return transliterate_references([reference])[0]


def _transliterated(reference: Reference, list_scheme: str | None) -> Reference:
    own = detect_schemes(_TOKENS.findall(reference.title or ""))
    scheme = list_scheme
    if own and list_scheme is not None and dict(own).get(list_scheme, 0.0) < own[0][1]:
        scheme = own[0][0]  # this reference follows another scheme than the list
    title = to_cyrillic(reference.title or "", scheme)
    if reference.number_of_volumes and reference.volume_kind is VolumeKind.BOOK:
        title = title.model_copy(update={"text": f"{title.text} в {reference.number_of_volumes} кн."})
    return reference.model_copy(update={"title_cyrillic": title, "transliteration_scheme": scheme})
