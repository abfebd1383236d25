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

from ..lexicon.words import CHEMICAL_ELEMENTS, CYRILLIC_LETTER, ENGLISH_ONLY_WORDS, LATIN_ABBREVIATIONS
from ..models import CyrillicText, Reference, VolumeKind
from ..parsing.language import looks_english
from .orthography import russian_likeness
from .translit import APOSTROPHES, LONGEST_WORD, latin_key, penalised_candidates, russian_frequency
from .words import has_russian_dictionary, russian_word_known, zipf

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
        "YANDEX_MAPS", "MOSMETRO", "ALA_LC_ALT", "SCIENTIFIC", "UNGEGN_1987", "GOST_779_ALT",
    )
}  # fmt: skip
SCHEMES: dict[str, TranslitSchema] = CUSTOM_SCHEMES | IUULIA_SCHEMES

_TOKENS = re.compile(r"[A-Za-z’']+|[^A-Za-z’']+")
_ROMAN = re.compile(r"(?=[MDCLXVI]{2})M*(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})")
_PASSAGES = re.compile(r"(<[^<>]*>|(?<=[.;:!?])\s+|[«»“”\"()\[\]])")
_MARKUP = re.compile(r"<[^<>]*>")
_WORDS = re.compile(r"[A-Za-z]{2,}")
_BROKEN_WORD = re.compile(r"(?<![A-Za-z’'-])([A-Za-z’']{2,})-([a-z’']{2,})(?![A-Za-z’'-])")
_FOREIGN = re.compile(r"w|q|ph|ck")
#: How much agreeing with the list's scheme counts, against word frequency (Zipf units).
SCHEME_AGREEMENT = 1.5
#: With the Russian dictionary (pymorphy3): the least score of a word it holds, and how much a
#: word wordfreq has seen but the dictionary does not hold (names, fragments, foreign tokens) loses.
DICTIONARY_FLOOR = 1.0
NOT_IN_DICTIONARY = 1.0
#: The Zipf frequency from which both parts of a split make an unknown word a compound.
COMPOUND_MIN = 2.0
#: How much an unknown word's letter-trigram log-probability counts (per nat, summed over letters).
ORTHOGRAPHY_WEIGHT = 0.25


def forward(cyrillic: str, scheme: str) -> str:
    """The Cyrillic text in the named scheme, apostrophes unified to ’."""
    latin: str = SCHEMES[scheme].translate(cyrillic)
    return latin.translate(APOSTROPHES)


@lru_cache(maxsize=65536)
def _forward_word(cyrillic: str, scheme: str) -> str:
    return forward(cyrillic, scheme).lower()


@lru_cache(maxsize=65536)
def ranked_candidates(word: str, acronym: bool = False) -> tuple[tuple[str, float], ...]:
    """Cyrillic candidates of a lowercase Latin word, most likely first, with their scores."""
    scored = [(candidate, _score(candidate, acronym) - penalty) for candidate, penalty in penalised_candidates(word)]
    return tuple(sorted(scored, key=lambda pair: -pair[1]))


def _score(candidate: str, acronym: bool = False) -> float:
    """Word frequency first; with the Russian dictionary, a word it holds scores at least
    ``DICTIONARY_FLOOR`` and one it does not loses ``NOT_IN_DICTIONARY``. An unknown word scores as
    a compound of two known words ("свинец" + "содержащим"), else by how Russian its letters look;
    both stay below known words. Acronyms are not words: only frequency and habits count."""
    score = zipf(candidate, "ru")
    if not acronym and has_russian_dictionary():
        if russian_word_known(candidate):
            return _habits(max(score, DICTIONARY_FLOOR), candidate)
        if score > 0.0:
            score = max(score - NOT_IN_DICTIONARY, 0.0)  # a name, a fragment ("ного") or a foreign token
    if score == 0.0 and not acronym:
        compound = _compound_frequency(candidate)
        if compound >= COMPOUND_MIN:
            score = compound - COMPOUND_MIN
        else:
            score = ORTHOGRAPHY_WEIGHT * russian_likeness(candidate) * (len(candidate) + 1)
    return _habits(score, candidate)


def _habits(score: float, candidate: str) -> float:
    """Russian spelling habits, small adjustments that break ties among close readings."""
    if "э" in candidate[1:]:
        score -= 0.3  # э is rare inside a word; at its start it is common ("эксперимент")
    score -= 0.01 * len(candidate)  # among unknown words the fewer letters win
    if re.search(r"(?:ый|ий|ой|ей|ай|ия|ие|ии)$", candidate):
        score += 0.1
    if re.search(r"[^аеёиоуыэюя]й", candidate):
        score -= 1.0
    return score


def _compound_frequency(candidate: str) -> float:
    """The best split of a word into two known words (three letters and four or more), as the Zipf
    frequency of the rarer part ("термо" + "эмиссионного"); 0.0 when no split is known."""
    best = 0.0
    for cut in range(3, len(candidate) - 3):
        left = zipf(candidate[:cut], "ru")
        if left > best:
            best = max(best, min(left, zipf(candidate[cut:], "ru")))
    return best


def detect_schemes(words: Iterable[str]) -> list[tuple[str, float]]:
    """Schemes ranked by the share of transliterated words they reproduce from the words' best readings."""
    counts: Counter[str] = Counter()
    total = 0
    for word in words:
        lower = latin_key(word)
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
    """The Cyrillic reading of a transliterated text, with a confidence and alternatives.

    English passages, markup, Roman numerals, chemical symbols by a number and Latin
    abbreviations stay as printed; a word a source broke with a hyphen ("top-liva") is joined.
    """
    pieces: list[str] = []
    choices: list[tuple[int, list[str], float]] = []
    text = _joined_broken_words(latin)
    offset = 0
    for passage in _PASSAGES.split(text):
        start, offset = offset, offset + len(passage)
        words = _WORDS.findall(passage)
        if _MARKUP.fullmatch(passage) or (len(words) >= 2 and looks_english(" ".join(words))):
            pieces.append(passage)
            continue
        for match in _TOKENS.finditer(passage):
            token, at = match.group(), start + match.start()
            if _stays_latin(token, text[max(at - 7, 0) : at], text[at + len(token) : at + len(token) + 1]):
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


def _stays_latin(token: str, before: str, after: str) -> bool:
    """Punctuation, Roman numerals, Latin abbreviations, chemical symbols by a number, English words."""
    if not re.fullmatch(r"[A-Za-z’']+", token) or _ROMAN.fullmatch(token) or token.lower() in LATIN_ABBREVIATIONS:
        return True
    if len(token) > LONGEST_WORD:
        return True  # no Russian word is this long: a code, a run of letters, glued words
    if token in CHEMICAL_ELEMENTS and _by_a_number(token, before, after):
        return True
    return _is_english(token)


def _by_a_number(symbol: str, before: str, after: str) -> bool:
    """A chemical symbol's company: "232Th", "<sup>238</sup>U", "44,5%Pb"; a one-letter symbol
    needs a mass number of three digits or markup ("KLT-40S" is no sulfur)."""
    if re.search(r"(?:%|\d</sup>|\d{3})$", before):
        return True
    return len(symbol) == 2 and (before[-1:].isdigit() or after[:1].isdigit())


def _joined_broken_words(latin: str) -> str:
    """The text with words a source broke by a hyphen joined ("top-liva", "zada-chi"): the joined
    reading is a Russian word, commoner than the rarer half; compounds ("nauchno-tekhnicheskoi")
    are no word solid and keep their hyphen."""

    def join(match: re.Match[str]) -> str:
        left, right = match.group(1), match.group(2)
        whole = russian_frequency(left + right)
        if whole >= 1.0 and whole > min(russian_frequency(left), russian_frequency(right)) + 0.3:
            return left + right
        return match.group()

    return _BROKEN_WORD.sub(join, latin)


def _is_english(token: str) -> bool:
    """A foreign word stays as printed: letters no Russian transliteration writes ("Multiphysics",
    "Software"), an English function word ("of", "the"), or a common English word with no reading
    nearly as common in Russian ("Under the total"; the code name "CARE", but not "MASTER")."""
    lower = token.lower()
    if _FOREIGN.search(lower) or (token.islower() and lower in ENGLISH_ONLY_WORDS):
        return True
    english = zipf(lower)
    if len(lower) < 3 or english < 4.0:
        return False
    russian = max((zipf(candidate, "ru") for candidate, _ in ranked_candidates(lower)[:1]), default=0.0)
    if token.isupper():
        return russian < english - 1.0
    return russian < 2.0


def _word_options(token: str, scheme: str | None) -> tuple[list[str], float]:
    """The word's readings, best first: frequency, agreement with the scheme, and in acronyms Э."""
    lower = latin_key(token)
    acronym = sum(1 for c in token if c.isupper()) >= 2
    rescored = []
    for candidate, frequency in ranked_candidates(lower, acronym)[:64]:
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
    # a title already taken from the article's Cyrillic list (``translit_refs.parallel``) is kept
    return [
        _transliterated(r, list_scheme) if _transliterated_title(r) and r.title_cyrillic is None else r
        for r in references
    ]


def _transliterated_title(reference: Reference) -> bool:
    title = reference.title or ""
    return reference.title_language == "ru" and bool(title) and not CYRILLIC_LETTER.search(title)


def transliterate_reference(reference: Reference) -> Reference:
    """One reference with its scheme and Cyrillic title (the scheme detected from it alone)."""
    return transliterate_references([reference])[0]


def _transliterated(reference: Reference, list_scheme: str | None) -> Reference:
    words = [w for w in _TOKENS.findall(reference.title or "") if len(w) >= 3 and w.isalpha()]
    own = detect_schemes(words)
    scheme = list_scheme
    if own and list_scheme is not None and (own[0][1] - dict(own).get(list_scheme, 0.0)) * len(words) >= 2:
        scheme = own[0][0]  # this reference follows another scheme than the list, in two words or more
    title = to_cyrillic(reference.title or "", scheme)
    if reference.number_of_volumes and reference.volume_kind is VolumeKind.BOOK:
        title = title.model_copy(update={"text": f"{title.text} в {reference.number_of_volumes} кн."})
    return reference.model_copy(update={"title_cyrillic": title, "transliteration_scheme": scheme})
