"""A labelled token sequence read as fields: segments by label, then a CSL-JSON-like item.

Consecutive tokens with one label make a segment; a segment's probability is the mean of its
tokens' marginal probabilities. Names are split into family and given names, the volume segment
into volume and issue, the pages segment into a range or a page count; text fields lose the
punctuation, quotes and brackets at their ends ("(2011)." → 2011, "In Handbook," → Handbook).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from ..lexicon import compiled, month_numbers, pattern, words_of
from ..lexicon.words import PLACE_KEYS, REGIONS, place_key
from ..parsing.dates import date_from_text
from ..parsing.persons import from_capitals
from ..parsing.shapes import is_organisation

#: AnyStyle's label → the CSL key its text fills (names and the locators are read apart).
TEXT_KEYS: dict[str, str] = {
    "title": "title",
    "container-title": "container-title",
    "journal": "container-title",
    "collection-title": "collection-title",
    "publisher": "publisher",
    "location": "publisher-place",
    "genre": "genre",
    "medium": "medium",
    "note": "note",
    "source": "source",
    "citation-number": "citation-number",
}
NAME_KEYS: dict[str, str] = {
    "author": "author",
    "editor": "editor",
    "translator": "translator",
    "director": "director",
    "producer": "producer",
}
_ENDS = " \t\u00a0.,;:()[]{}<>\"'`‘’‚“”„«»‹›/"
_DASHES = "-‐‑‒–—−"


@lru_cache(maxsize=1)
def _role_words() -> frozenset[str]:
    """Words of a name segment that name a role or join names (the lexicon's ``NAME_ROLE_WORD``)."""
    return frozenset(words_of("NAME_ROLE_WORD"))


@lru_cache(maxsize=1)
def _joiners() -> frozenset[str]:
    """Words that join two names (and, und, et, y, e, i: the lexicon's ``NAME_JOINER``)."""
    return frozenset(words_of("NAME_JOINER"))


def _particle(word: str) -> bool:
    """A particle of a family name ("van", "de", "della": the lexicon's ``NAME_PARTICLE``)."""
    return compiled("NAME_PARTICLE").fullmatch(word + " ") is not None


_YEAR = re.compile(r"(?<!\d)((?:1[4-9]|20)\d\d)(?!\d)")
#: Volume and issue words the lexicon has no piece for (German, French, Spanish, spelled out).
_LEADING_NUMBER = re.compile(r"[;:,(\s]*(\d+[A-Za-z]?)")
#: A key of ``_text_value`` that fills its field only when no segment of the field's own label does.
_FALLBACK = "fallback:"
_VANCOUVER_YEAR = re.compile(r"\s*((?:1[5-9]|20)\d\d)\s*;")
_VANCOUVER_PAGES = re.compile(r"[\d)]:\s*([A-Za-z]?\d+(?:[-‐‑‒–—−][A-Za-z]?\d+)?)")
_DOI = re.compile(r"10\.\d{4,9}/\S+")
_ISBN = re.compile(r"[0-9][0-9Xx\s-]{8,}[0-9Xx]")


@dataclass(frozen=True)
class Segment:
    """Consecutive tokens of one label: the label, the text and span, the mean marginal probability."""

    label: str
    text: str
    start: int
    end: int
    probability: float


@dataclass
class Fields:
    """The fields of one reference: a CSL-JSON-like item, each key's probability, the segments."""

    item: dict[str, Any] = field(default_factory=dict)
    probability: dict[str, float] = field(default_factory=dict)
    segments: list[Segment] = field(default_factory=list)


def _trimmed(text: str) -> tuple[str, str]:
    """The text with white space runs made one space and its end punctuation dropped, and what was
    dropped after it."""
    spaced = re.sub(r"\s+", " ", text)
    start = len(spaced) - len(spaced.lstrip(_ENDS))
    trimmed = spaced.strip(_ENDS)
    return trimmed, spaced[start + len(trimmed) :]


def _balanced(trimmed: str, dropped: str) -> str:
    """The trimmed text with the closing bracket trimming took from it when it keeps the opening one."""
    for opening, closing in (("(", ")"), ("[", "]")):
        if trimmed.count(opening) == trimmed.count(closing) + 1 and dropped.lstrip(" .,;:").startswith(closing):
            return trimmed + closing
    return trimmed


def trim(text: str) -> str:
    """The text without white space runs and the punctuation, quotes and brackets at its ends (a closing
    bracket whose opening one it keeps stays: "Proc. Conf. (ICC)")."""
    return _balanced(*_trimmed(text))


def trim_name(text: str) -> str:
    """A journal's, publisher's or place's name trimmed, the period of its last abbreviated word kept
    when it abbreviates others ("IEEE Trans. Wireless Commun.", "Sandia Nat. Lab.", "Frankfurt a. M.")."""
    bare, dropped = _trimmed(text)
    trimmed = _balanced(bare, dropped)
    last = trimmed.rsplit(" ", 1)[-1]
    # (a longer last word when every word before it is abbreviated, no initial among them: "Hydrol. Process.")
    abbreviated = len(last) <= 6 or all(w.endswith(".") and len(w) > 2 for w in trimmed.split()[:-1])
    if dropped.startswith(".") and ". " in trimmed and abbreviated and last.isalpha():
        return trimmed + "."
    if dropped.startswith(".") and " " in trimmed and compiled("ABBREVIATION").fullmatch(last + "."):
        return trimmed + "."  # one abbreviation the lexicon knows closing a name: "Lecture Notes in Math."
    return trimmed


_ISO_DATE = re.compile(r"(?<!\d)((?:1[5-9]|20)\d\d)-(\d\d)-(\d\d)(?!\d)")
#: A report's or working paper's number after its genre: "Working Paper No. 2020-14", "Tech. Rep. SAND2019-4412".


@lru_cache(maxsize=1)
def _access_word() -> re.Pattern[str]:
    """A word that makes a date the day a web page was read: the lexicon's ``ACCESS_WORD`` and
    ``OTHER_ACCESS_WORD``."""
    words = f"(?:{pattern('ACCESS_WORD')}|{pattern('OTHER_ACCESS_WORD')})"
    return re.compile(words)


def date_parts(text: str) -> list[int]:
    """The year, and the month and day when printed ("12 Mar. 2019", "2023-09-14"), of a date segment."""
    iso = _ISO_DATE.search(text)
    if iso:
        year, month, day = (int(group) for group in iso.groups())
        return [year, month, day] if 1 <= month <= 12 and 1 <= day <= 31 else [year]
    year_found = _YEAR.search(text)
    if not year_found:
        return []
    parts = [int(year_found.group(1))]
    date = date_from_text(text, parts[0])
    if date is not None and date.year == parts[0] and date.month:
        parts.append(date.month)
        if date.day:
            parts.append(date.day)
    return parts


@lru_cache(maxsize=1)
def _number_word_at_end() -> re.Pattern[str]:
    """The lexicon's ``NUMBER_WORD`` closing a genre's words ("Report No.", "Report No.:")."""
    return re.compile(rf"\s(?:{pattern('NUMBER_WORD')}):?$")


def _genre_with_period(genre: str) -> str:
    """ "PhD diss" -> "PhD diss.": a thesis word that is an abbreviation keeps its period."""
    if thesis_word().search(genre):
        return genre
    return genre + "." if thesis_word().search(genre + ".") else genre


def genre_parts(text: str) -> dict[str, str]:
    """A genre and the number printed after it ("Working Paper No. 2020-14" → Working Paper, 2020-14)."""
    genre = _genre_with_period(trim(text))
    kind, comma, where = genre.partition(", ")
    if comma and thesis_word().search(kind):  # APA's "[Doctoral dissertation, University of X]"
        return {"genre": kind, "publisher": where}
    words, space, last = genre.rpartition(" ")  # (the number is the last word, with a digit)
    if not space or not words or not any(character.isdigit() for character in last):
        return {"genre": genre}
    marked = _number_word_at_end().search(words)
    kind = words[: marked.start()] if marked else words
    if not kind.strip():
        return {"genre": genre}
    return {"genre": trim_name(kind + "."), "number": last.lstrip(":").rstrip(".,;)")}


@lru_cache(maxsize=1)
def _edition_word() -> re.Pattern[str]:
    """An edition word after the edition's number ("2nd ed.", "3. Aufl.", "2e éd."): the lexicon's
    ``EDITION_ABBREVIATION`` and ``OTHER_EDITION_WORD``."""
    words = f"(?:{pattern('EDITION_ABBREVIATION')}|{pattern('OTHER_EDITION_WORD')})"
    return re.compile(rf"\s*{words}\s*$")


@lru_cache(maxsize=1)
def _numbered_edition() -> re.Pattern[str]:
    """An edition's number and its ordinal ending ("2nd", "3.", "2-е"): the lexicon's ``ORDINAL_ENDING``."""
    return re.compile(rf"(\d{{1,4}})(?:{pattern('ORDINAL_ENDING')})?")


def edition_value(text: str) -> str:
    """The edition without its word and ordinal ending ("2nd ed." → 2, "3. Aufl." → 3), as the rules
    give it; an edition in words ("Rev. ed.") stays as printed."""
    trimmed = trim(text)
    bare = _edition_word().sub("", trimmed).rstrip(" .")
    numbered = _numbered_edition().fullmatch(bare)
    if numbered:
        return numbered.group(1)
    return bare if any(character.isdigit() for character in bare) else trimmed


# --------------------------------------------------------------------------- names


@lru_cache(maxsize=1)
def _dotted() -> re.Pattern[str]:
    """Dotted initials: "A.", "J.-P.", "D.I.", "R.Sh.", "Yu.M." (the lexicon's ``INITIAL``, joined)."""
    initial = pattern("INITIAL")
    return re.compile(rf"(?:{initial})(?:-?(?:{initial}))*")


def _is_initials(word: str) -> bool:
    """Initials: dotted ("A.", "J.-P.") or up to three capitals ("JJ", "A")."""
    bare = word.rstrip(",;")
    if not bare[:1].isupper():
        return False
    if len(bare) <= 3 and bare.isalpha() and bare.isupper():
        return True
    return _dotted().fullmatch(bare) is not None


def _name_parts(segment: str) -> list[list[str]]:
    """The segment's names as lists of words, role words and joining words dropped."""
    text = segment.replace("&", ",")
    pieces = text.split(";") if ";" in text else text.split(",")
    if ";" in text:  # "ed.; Moreau, L., Zhang, Q., Eds.;": a piece of several names is split at its commas
        pieces = [part for piece in pieces for part in (piece.split(",") if len(_named_pieces(piece)) > 2 else [piece])]
    parts: list[list[str]] = []
    for piece in pieces:
        words: list[str] = []
        rest = piece
        family, _, given = piece.partition(",")
        if ";" in text and "," not in given and _name_words(given):  # "Davidson, Lloyd A.; Douglas, Kimberly"
            rest = given
            if _name_words(family):
                parts.append(_name_words(family))
        for word in rest.split():
            if word.strip(",:;") in _joiners():
                if words:
                    parts.append(words)
                    words = []
                continue
            if _role_word(word):
                continue
            bare = word.strip(" ,;:()[]")
            if bare.strip(_ENDS + _DASHES):
                words.append(bare if _is_initials(bare) else bare.rstrip("."))
        if words:
            parts.append(words)
    return parts


def _family_only(words: list[str]) -> bool:
    """One family name: one word, possibly after particles ("de la Macorra")."""
    return not any(_is_initials(w) for w in words) and all(_particle(w) for w in words[:-1])


def _capitalised(word: str) -> bool:
    """A capitalised name, hyphenated parts each capitalised ("Anthony", "Jean-Pierre", "Hans-Jürgen")."""
    return all(part[:1].isupper() and (part[1:].islower() or not part[1:]) for part in word.split("-"))


def _given_like(words: list[str]) -> bool:
    """Given names or initials only ("L. L.", "Nicholson B.", "Anthony", "Jean-Pierre")."""
    return len(words) <= 3 and all(_is_initials(w) or _capitalised(w) for w in words)


def _upper_family(word: str) -> bool:
    """A family name printed in capitals ("DUBOIS"), as French and DIN lists print them."""
    bare = word.strip(",.;:")
    return len(bare) >= 4 and bare.isalpha() and bare.isupper()


def _person(words: list[str]) -> dict[str, str]:
    """A name written forward or with its initials after the family name ("Pérez-Higueras JJ")."""
    if not words:
        return {}
    if len(words) == 1:
        return {"family": words[0].rstrip(".")} if words[0] else {}
    if len(words) > 4:
        return {"literal": " ".join(words)}
    capitals = [_upper_family(w) for w in words]
    if any(capitals) and not all(capitals):  # "DUBOIS Jean", "Jean DUBOIS"
        cut = capitals.index(True)
        end = len(capitals) - capitals[::-1].index(True)
        given = words[:cut] + words[end:]
        return {"family": " ".join(words[cut:end]), "given": " ".join(given)}
    initials = [_is_initials(w) for w in words]
    if initials[-1] and not initials[0]:
        cut = next(i for i, flag in enumerate(initials) if flag)
        return {"family": " ".join(words[:cut]), "given": " ".join(words[cut:])}
    cut = len(words) - 1
    while cut > 1 and _particle(words[cut - 1]):
        cut -= 1
    return {"family": " ".join(words[cut:]), "given": " ".join(words[:cut])}


def _role_word(word: str) -> bool:
    """A role or joining word of a name segment ("Eds.", "u. a."), not an initial that spells one ("A.")."""
    bare = word.strip(" ,:;")
    return bare.casefold().strip(".()") in _role_words() and not (_is_initials(bare) and len(bare.strip(".")) == 1)


def _name_words(text: str) -> list[str]:
    """The words of a name, joining and role words dropped."""
    return [
        bare
        for word in text.split()
        if word.strip(",:;") not in _joiners() and not _role_word(word)
        for bare in (word.strip(" ,;:()[]"),)
        if bare.strip(_ENDS + _DASHES)
    ]


def _named_pieces(text: str) -> list[str]:
    """The comma-separated pieces of a name segment that hold a name (not only role words: "Eds.")."""
    return [piece for piece in text.split(",") if _name_words(piece)]


def _semicolon_names(segment: str) -> list[dict[str, str]] | None:
    """ACS's and AAAI's "Family, A. B.; Family, C.; and Family, D." (German lists: "Family, Given/Family,
    Given"): each piece one person, or None when some piece is not "Family, Given"."""
    pieces = [piece for piece in segment.replace("&", ";").split(";") if piece.strip(_ENDS)]
    names: list[dict[str, str]] = []
    for piece in pieces:
        family, comma, given = piece.partition(",")
        family_words, given_words = _name_words(family), _name_words(given)
        if not comma or not family_words or not _given_like(given_words) or len(_named_pieces(given)) != 1:
            return None
        names.append({"family": " ".join(family_words), "given": " ".join(given_words)})
    return names


def _undotted_alike(names: list[dict[str, str]]) -> list[dict[str, str]]:
    """Vancouver's "Schneider H, Kraus B.": the period after the last initials ends the list, so it goes
    when the other initials have none."""
    givens = [name.get("given", "") for name in names]
    if len(names) < 2 or not givens[-1].endswith(".") or "." in givens[-1][:-1]:
        return names
    if all(given.isalpha() and given.isupper() for given in givens[:-1]):
        return [*names[:-1], {**names[-1], "given": givens[-1][:-1]}]
    return names


def split_names(segment: str) -> list[dict[str, str]]:
    """The names of a name segment, each as CSL's family and given (or literal for an organisation)."""
    organisation = trim(segment)
    if is_organisation(organisation):  # "World Health Organization", "Nordic Energy Observatory"
        return [{"literal": organisation}]
    names = [_proper_family(name) for name in _undotted_alike(_split_names(segment))]
    if len(names) == 1 and "," not in segment:
        return [_undotted_alone(names[0], organisation)]
    return names


def _proper_family(name: dict[str, str]) -> dict[str, str]:
    """A family name printed in capitals by the style (ISO 690's "LEFÈVRE, Camille", DIN's "DUBOIS, J.")
    in its own case; a name without a given name ("NASA") or of four letters or fewer ("IAEA") keeps its
    capitals."""
    family = name.get("family", "")
    if name.get("given") and len(family) > 4 and family.isupper():
        return {**name, "family": from_capitals(family)}
    return name


def _undotted_alone(name: dict[str, str], printed: str) -> dict[str, str]:
    """Vancouver's one author "Castellanos-Ruiz D.": initials after the family name with no comma end the
    names, so their one period is the list's ("R. Fletcher." keeps its initial's)."""
    given = name.get("given", "")
    initials = given[:-1]
    if given.endswith(".") and initials.isalpha() and initials.isupper() and printed.endswith(" " + initials):
        return {**name, "given": given[:-1]}
    return name


def _split_names(segment: str) -> list[dict[str, str]]:
    """The names of a name segment, as printed."""
    if not any(character.isalpha() for character in segment):  # "———." for the previous entry's names
        return [{"literal": trim(segment)}] if trim(segment) else []
    if ";" in segment or "/" in segment:
        pieces = _semicolon_names(segment.replace("/", ";"))
        if pieces:
            return pieces
    parts = _name_parts(segment)
    names: list[dict[str, str]] = []
    index = 0
    while index < len(parts):
        words = parts[index]
        following = parts[index + 1] if index + 1 < len(parts) else None
        if following is not None and _family_only(words) and _given_like(following):
            names.append({"family": " ".join(words), "given": " ".join(following)})
            index += 2
            continue
        person = _person(words)
        if person:
            names.append(person)
        index += 1
    return names


# --------------------------------------------------------------------------- locators


@lru_cache(maxsize=1)
def _page_count() -> re.Pattern[str]:
    """A page count: a number and the lexicon's ``PAGE_LABEL`` ("320 pp.", "512 S.")."""
    return re.compile(rf"(\d+)\s*(?:{pattern('PAGE_LABEL')})\.?")


@lru_cache(maxsize=1)
def _page_label() -> re.Pattern[str]:
    """A page range's label before it ("pp. ", "S. ")."""
    return re.compile(rf"(?:{pattern('PAGE_LABEL')})\.?\s*")


@lru_cache(maxsize=1)
def _volume_mark() -> re.Pattern[str]:
    """A volume word of the lexicon (``VOLUME_WORD``: "Vol.", "vol.", "Bd.", "T.") or of
    ``SPELLED_VOLUME_WORD`` ("Band 3"), in any case ("VOL."), and its number."""
    words = f"(?:{pattern('VOLUME_WORD')}|(?:{pattern('SPELLED_VOLUME_WORD')})\\s?)"
    return re.compile(rf"(?<![^\W\d_]){words}([0-9IVXLC]+[A-Za-z]?(?:-\d+)?)\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _issue_mark() -> re.Pattern[str]:
    """An issue in parentheses, or after an issue word of the lexicon (``ISSUE_WORD``: "No.", "Nr.",
    "Iss.", "№") or ``SPELLED_ISSUE_WORD`` ("Heft 2")."""
    words = f"(?:{pattern('ISSUE_WORD')}|(?:{pattern('SPELLED_ISSUE_WORD')})\\s?)"
    return re.compile(rf"\(([^()]+)\)|(?<![^\W\d_]){words}([\w/-]+)", re.IGNORECASE)


def volume_parts(segment: str) -> dict[str, str]:
    """Volume, issue or number of volumes of a volume segment ("8(3),", "Vol. 9, no. 2", "4 vols.")."""
    text = re.sub(r"^\s*(?:1[5-9]|20)\d\d\s*;", "", segment).strip(" \t\u00a0.,;:")
    many = re.fullmatch(r"(\d+)\s*vols?", text, re.IGNORECASE)
    if many:
        return {"number-of-volumes": many.group(1)}
    found: dict[str, str] = {}
    marked = _volume_mark().search(text)
    bare = _LEADING_NUMBER.match(text)
    if marked:
        found["volume"] = marked.group(1)
    elif bare:
        found["volume"] = bare.group(1)
    rest = text[marked.end() if marked else (bare.end() if bare else 0) :]
    issue = _issue_mark().search(rest)
    if issue:
        found["issue"] = trim(issue.group(1) or issue.group(2))
    if not found:
        found["volume"] = trim(text)
    return found


def page_parts(segment: str) -> dict[str, str]:
    """A page range ("pp. 1761–1800)." → 1761–1800) or a page count ("320 pp." → 320)."""
    text = trim(segment.lstrip(" " + _DASHES))  # DIN's "– 512 S."
    count = _page_count().fullmatch(text)
    if count:
        return {"number-of-pages": count.group(1)}
    label = _page_label().match(text)
    return {"page": trim(text[label.end() :] if label else text)}


# --------------------------------------------------------------------------- the item


def _after(text: str, piece: str) -> str:
    """The text without the lexicon piece that opens it ("In ", "dans : ", "Ser. ")."""
    stripped = text.lstrip()
    opening = compiled(piece).match(stripped)
    return stripped[opening.end() :] if opening else text


def _text_value(label: str, text: str) -> dict[str, Any]:
    """The CSL key(s) one segment of ``label`` fills."""
    access = _access_word().search(text) if label in ("date", "note") else None
    if access is not None:  # "May 9, 2022. Accessed January 12, 2024.": the date read, then the access
        dates: dict[str, Any] = {}
        accessed, issued = date_parts(text[access.end() :]), date_parts(text[: access.start()])
        if accessed:
            dates["accessed"] = {"date-parts": [accessed]}
        if issued and label == "date":
            dates["issued"] = {"date-parts": [issued]}
        if dates:
            return dates
    if label in ("container-title", "journal"):
        return {"container-title": trim_name(_after(text, "CONTAINER_IN"))}
    if label == "collection-title":
        return {"collection-title": trim_name(_after(text, "SERIES_OF"))}
    if label in ("publisher", "location"):
        return {TEXT_KEYS[label]: trim_name(text)}
    if label == "genre":
        return genre_parts(text)
    if label in TEXT_KEYS:
        return {TEXT_KEYS[label]: trim(text)}
    if label == "date":
        parts = date_parts(text)
        return {"issued": {"date-parts": [parts]}} if parts else {"issued": {"literal": trim(text)}}
    if label == "volume":
        found: dict[str, Any] = dict(volume_parts(text))
        # Vancouver's "2010;12(3):45-67." is one token: its year and pages as well
        year = _VANCOUVER_YEAR.match(text)
        if year:
            found[_FALLBACK + "issued"] = {"date-parts": [[int(year.group(1))]]}
        pages = _VANCOUVER_PAGES.search(text)
        if pages:
            found[_FALLBACK + "page"] = pages.group(1)
        return found
    if label == "pages":
        return dict(page_parts(text))
    if label == "edition":
        return {"edition": edition_value(text)}
    if label == "number":  # (a repair's: a standard's designation)
        return {"number": trim(text)}
    if label == "doi":
        doi = _DOI.search(text)
        return {"DOI": doi.group(0).rstrip(".,;]>") if doi else trim(text)}
    if label == "url":
        address = re.sub(r"\s+", "", text)
        address = re.sub(r"^(?:url:?(?=https?:|www\.)|<)+", "", address, flags=re.IGNORECASE)  # DIN's "URL https://…"
        found_url: dict[str, Any] = {"URL": address.rstrip(".,;>")}
        resolver = compiled("DOI_WORD").match(address)  # "https://doi.org/10.…": its DOI, unless one is labelled
        doi = _DOI.match(address, resolver.end()) if resolver else None
        if doi:
            found_url[_FALLBACK + "DOI"] = doi.group(0).rstrip(".,;]>)")
        return found_url
    if label == "isbn":
        isbn = _ISBN.search(text)
        return {"ISBN": isbn.group(0).strip() if isbn else trim(text)}
    return {}


# --------------------------------------------------------------------------- segment repairs
# Each rule mends one kind of boundary the model misplaces, by the markers the lexicon declares; they run
# in this order, each on the segments the previous one left.


def _names_end_at_initials(segments: list[Segment]) -> list[Segment]:
    """ "Dubois, P. Polymer" + "Chemistry: …": a name segment that ends without punctuation on a capitalised
    word after a dotted initial ran into the title; the word opens the title."""
    mended = list(segments)
    for index, (names, following) in enumerate(itertools.pairwise(segments)):
        if names.label not in NAME_KEYS or following.label != "title" or not names.text[-1:].isalpha():
            continue
        head, _, last = names.text.rpartition(" ")
        before = head.rsplit(" ", 1)[-1]
        if not _capitalised(last) or _is_initials(last) or not before.endswith(".") or not _is_initials(before):
            continue
        start = names.start + len(head) + 1
        mended[index] = replace(names, text=head, end=names.start + len(head))
        mended[index + 1] = replace(following, text=f"{last} {following.text}", start=start)
    return mended


@lru_cache(maxsize=1)
def _trailing_ordinal() -> re.Pattern[str]:
    """An edition's ordinal number closing a segment ("…, 2nd"), the lexicon's ``ORDINAL_ENDING``."""
    return re.compile(rf"(?<![\s,;])[\s,;]++(\d{{1,3}}(?:{pattern('ORDINAL_ENDING')}))$")


def _edition_after_title(segments: list[Segment]) -> list[Segment]:
    """ "In Book, 2nd" + "ed.; Eds. …": the ordinal closing a segment and the edition word opening the next
    are the edition."""
    mended = list(segments)
    index = 0
    while index + 1 < len(mended):
        segment, following = mended[index], mended[index + 1]
        ordinal = _trailing_ordinal().search(segment.text)
        opening = _edition_word_opening().match(following.text)
        if ordinal is None or opening is None or following.label == "edition":
            index += 1
            continue
        cut = segment.start + ordinal.start()
        edition = Segment(
            "edition",
            f"{ordinal.group(1)} {following.text[: opening.end()]}",
            segment.start + ordinal.start(1),
            following.start + opening.end(),
            1.0,
        )
        rest = following.text[opening.end() :].lstrip(" ,;")
        kept = [replace(segment, text=segment.text[: ordinal.start()], end=cut), edition]
        if rest.strip(_ENDS):
            kept.append(replace(following, text=rest, start=following.end - len(rest)))
        mended[index : index + 2] = kept
        index += len(kept)
    return [segment for segment in mended if segment.text.strip(_ENDS)]


@lru_cache(maxsize=1)
def _edition_word_opening() -> re.Pattern[str]:
    """An edition word opening a segment ("ed.;", "Aufl.,")."""
    words = f"(?:{pattern('EDITION_ABBREVIATION')}|{pattern('OTHER_EDITION_WORD')})"
    return re.compile(rf"\s*{words}[\s,;]*")


_OPEN_DATE = re.compile(r"\([^()]*$")
_DATE_CLOSE = re.compile(r"[^()]{0,12}\)[.,:;]*\s*")


def _date_closes_its_parenthesis(segments: list[Segment]) -> list[Segment]:
    """ "(2023, March" + "14). Title": the date's parenthesis, left open, closes at the next segment's
    start, and what comes before the closing bracket is the date's."""
    mended = list(segments)
    for index, (date, following) in enumerate(itertools.pairwise(segments)):
        closing = _DATE_CLOSE.match(following.text) if date.label == "date" and _OPEN_DATE.search(date.text) else None
        if closing is None or following.label == "date":
            continue
        mended[index] = replace(
            date, text=f"{date.text} {closing.group(0).rstrip()}", end=following.start + closing.end()
        )
        mended[index + 1] = replace(
            following, text=following.text[closing.end() :], start=following.start + closing.end()
        )
    return [segment for segment in mended if segment.text.strip(_ENDS)]


def _role_words_name_the_role(segments: list[Segment]) -> list[Segment]:
    """ "Müller K, de Souza P, editors." labelled the authors' are the editors; "(L. Dubois, Trans.;"
    labelled the editors' the translators (when no segment of that role is labelled)."""
    labels = {segment.label for segment in segments}
    mended: list[Segment] = []
    for segment in segments:
        words = {word.strip(_ENDS).casefold() for word in segment.text.split()}
        label = segment.label
        if label == "author" and "editor" not in labels and _ends_with_an_editor_word(segment.text):
            label = "editor"
        elif (
            label == "editor"
            and "translator" not in labels
            and words & _role_word_set("TRANSLATOR_ROLE_WORD")
            and not words & _role_word_set("EDITOR_ROLE_WORD")
        ):
            label = "translator"
        mended.append(replace(segment, label=label) if label != segment.label else segment)
    return mended


def _ends_with_an_editor_word(text: str) -> bool:
    """A name segment closed by an editor word with its punctuation ("editors.", "(Eds.)", "Hrsg.):"), not by a
    given name that spells one ("Smith, Ed")."""
    last = text.rsplit(maxsplit=1)[-1]
    punctuated = last.rstrip(",;:").endswith((".", ")")) or last.startswith("(")
    return punctuated and last.strip(_ENDS).casefold() in _role_word_set("EDITOR_ROLE_WORD")


@lru_cache(maxsize=2)
def _role_word_set(piece: str) -> frozenset[str]:
    """The words of a role piece of the lexicon (``EDITOR_ROLE_WORD``, ``TRANSLATOR_ROLE_WORD``)."""
    return frozenset(words_of(piece))


def _article_number_is_the_page(segments: list[Segment]) -> list[Segment]:
    """ "Article e0267341." labelled a note, no pages labelled: the article's number is its page."""
    if any(segment.label == "pages" for segment in segments):
        return segments
    return [
        replace(segment, label="pages", text=segment.text[opening.end() :], start=segment.start + opening.end())
        if segment.label == "note"
        and (opening := compiled("ARTICLE_WORD").match(segment.text)) is not None
        and re.fullmatch(r"\s*[A-Za-z]?\d+[.,;]?", segment.text[opening.end() :])
        else segment
        for segment in segments
    ]


def _role_word_at(words: list[str]) -> int | None:
    """The index of the last editor word ("eds", "editors.", "(Eds.)") among ``words``, or None."""
    found = [i for i, word in enumerate(words) if word.strip(_ENDS).casefold() in _role_word_set("EDITOR_ROLE_WORD")]
    return found[-1] if found else None


def _container_after_the_editors(segments: list[Segment]) -> list[Segment]:
    """ "In: Petersen AB, Duarte L, editors. Emergency neurology." or "in Gallagher, S. (eds) Food, city and
    territory." labelled the editors': what follows the editor word is the book (when no container is labelled)."""
    if any(segment.label in ("container-title", "journal") for segment in segments):
        return segments
    mended: list[Segment] = []
    for segment in segments:
        words = segment.text.split(" ")
        role = (_role_word_at(words) if segment.label == "editor" else None) or 0
        rest = " ".join(words[role + 1 :]) if role else ""
        names_before = any(_is_initials(word.strip(",;()")) for word in words[:role])
        if not names_before or not any(word[:1].isupper() for word in rest.split()) or _is_initials(rest.split()[0]):
            mended.append(segment)
            continue
        cut = segment.start + len(" ".join(words[: role + 1]))
        mended.append(replace(segment, text=" ".join(words[: role + 1]), end=cut))
        mended.append(Segment("container-title", rest, segment.end - len(rest), segment.end, segment.probability))
    return mended


_INITIALS_THEN_FAMILY = re.compile(r"(?:[A-Z]\.\s?(?:-?[A-Z]\.\s?)*)[A-Z][\w'’-]+")


def _container_before_the_editors(segments: list[Segment]) -> list[Segment]:
    """IEEE's "in Wind Energy and Radar Systems, D. O'Neill and E. Kovács, Eds." labelled the editors': the
    pieces before the first name written forward are the book (when no container is labelled)."""
    if any(segment.label in ("container-title", "journal") for segment in segments):
        return segments
    mended: list[Segment] = []
    for segment in segments:
        opening = compiled("CONTAINER_IN").match(segment.text) if segment.label == "editor" else None
        pieces = segment.text.split(", ")
        first = next((i for i, piece in enumerate(pieces) if _INITIALS_THEN_FAMILY.match(piece)), 0) if opening else 0
        if first == 0 or _role_word_at(segment.text.split()) is None:
            mended.append(segment)
            continue
        book = ", ".join(pieces[:first]) + ","
        names = ", ".join(pieces[first:])
        mended.append(Segment("container-title", book, segment.start, segment.start + len(book), segment.probability))
        mended.append(replace(segment, text=names, start=segment.end - len(names)))
    return mended


def _lowercase_in_opens_the_book(segments: list[Segment]) -> list[Segment]:
    """Nature's "Family, A. in Book Title (eds …)" labelled a title: a title opening with a lowercase "in" after
    the names is the book (when no container is labelled)."""
    if any(segment.label in ("container-title", "journal") for segment in segments):
        return segments
    return [
        replace(segment, label="container-title")
        if segment.label == "title"
        and segment.text.startswith("in ")
        and index
        and segments[index - 1].label in NAME_KEYS
        else segment
        for index, segment in enumerate(segments)
    ]


def _second_title_after_the_editors(segments: list[Segment]) -> list[Segment]:
    """Harvard's "'Chapter', in Gallagher, S. (eds) Book title." labelled two titles: the one after the editors
    is the book (when no container is labelled)."""
    if any(segment.label in ("container-title", "journal") for segment in segments):
        return segments
    titles = [i for i, segment in enumerate(segments) if segment.label == "title"]
    if len(titles) < 2 or segments[titles[1] - 1].label != "editor":
        return segments
    return [
        replace(segment, label="container-title") if i == titles[1] else segment for i, segment in enumerate(segments)
    ]


@lru_cache(maxsize=1)
def _month_word() -> re.Pattern[str]:
    """A month's name or abbreviation (the lexicon's English ``MONTH_EN_*``), alone."""
    months = sorted(month_numbers(english_only=True), key=len, reverse=True)
    return re.compile(rf"(?:{'|'.join(re.escape(month) for month in months)})\.?")


_DAY = re.compile(r"([0-3]?\d)[,.]?")


def _day_beside_its_month(segments: list[Segment]) -> list[Segment]:
    """A newspaper's "6 June," or "Post, August 17," whose day the model labelled a volume: the day and its
    month are a date."""
    mended = list(segments)
    for index, (first, second) in enumerate(itertools.pairwise(segments)):
        if first.label == "volume" and second.label == "date" and _DAY.fullmatch(first.text):
            month = _month_word().match(second.text)
            if month and 1 <= int(_DAY.fullmatch(first.text).group(1)) <= 31:  # type: ignore[union-attr]
                mended[index] = replace(first, label="date", text=f"{first.text} {second.text}", end=second.end)
                mended[index + 1] = replace(second, text="")
        elif second.label == "volume" and _DAY.fullmatch(second.text):
            head, comma, last = first.text.rstrip(",").rpartition(", ")
            if comma and _month_word().fullmatch(last) and 1 <= int(_DAY.fullmatch(second.text).group(1)) <= 31:  # type: ignore[union-attr]
                mended[index] = replace(first, text=head + ",", end=first.start + len(head) + 1)
                mended[index + 1] = replace(
                    second, label="date", text=f"{last} {second.text}", start=first.start + len(head) + 2
                )
    return [segment for segment in mended if segment.text]


def _organisation_opens_the_title(segments: list[Segment]) -> list[Segment]:
    """ "Public Health Agency of Sweden. Antibiotic resistance surveillance 2021." labelled one title, no names
    labelled: a first sentence that is an organisation's name is the author."""
    if any(segment.label in NAME_KEYS for segment in segments):
        return segments
    mended = list(segments)
    for index, segment in enumerate(segments):
        if segment.label != "title":
            continue
        name, period, rest = segment.text.partition(". ")
        if period and rest.strip(_ENDS) and is_organisation(name):
            mended[index : index + 1] = [
                Segment("author", name + ".", segment.start, segment.start + len(name) + 1, segment.probability),
                replace(segment, text=rest, start=segment.end - len(rest)),
            ]
        break
    return mended


@lru_cache(maxsize=1)
def _report_designation() -> re.Pattern[str]:
    """A report's kind and number noted alone: "Report No.: 22045", "Research report DFE-RR951" (the lexicon's
    ``REPORT_WORD`` and ``NUMBER_WORD``)."""
    return re.compile(
        rf"(?:[A-Z][\w-]{{0,20}}\s)?(?:{pattern('REPORT_WORD')}|[Rr]ep\.)\s?(?:(?:{pattern('NUMBER_WORD')}):?\s?)?"
        rf"[A-Z0-9][\w/.-]{{0,30}}[.,;]?"
    )


def _report_noted(segments: list[Segment]) -> list[Segment]:
    """ "Report No.: 22045." labelled a note: the report's kind and number (when no genre is labelled)."""
    if any(segment.label == "genre" for segment in segments):
        return segments
    return [
        replace(segment, label="genre")
        if segment.label == "note"
        and _report_designation().fullmatch(segment.text.strip())
        and any(c.isdigit() for c in segment.text)
        else segment
        for segment in segments
    ]


def _standard_designation(segments: list[Segment]) -> list[Segment]:
    """ "IEEE Std" + "2977-2020," labelled a journal and its volume: together a standard's designation (the
    grammar's ``STANDARD``), its number."""
    mended: list[Segment] = []
    skip = False
    for index, segment in enumerate(segments):
        if skip:
            skip = False
            continue
        following = segments[index + 1] if index + 1 < len(segments) else None
        joined = f"{segment.text} {following.text}".strip(_ENDS) if following is not None else ""
        if following is not None and segment.label in ("journal", "container-title") and is_standard(joined):
            mended.append(Segment("number", joined, segment.start, following.end, segment.probability))
            skip = True
            continue
        mended.append(segment)
    return mended


def is_standard(text: str) -> bool:
    """A standard's designation, whole ("IEEE Std 2977-2020", "ISO 9001:2015")."""
    found = compiled("STANDARD").match(text)
    return found is not None and found.end() == len(text)


#: The repairs, in order.
REPAIRS = (
    _names_end_at_initials,
    _edition_after_title,
    _date_closes_its_parenthesis,
    _role_words_name_the_role,
    _article_number_is_the_page,
    _container_after_the_editors,
    _container_before_the_editors,
    _lowercase_in_opens_the_book,
    _second_title_after_the_editors,
    _day_beside_its_month,
    _organisation_opens_the_title,
    _report_noted,
    _standard_designation,
)


def repaired(segments: list[Segment]) -> list[Segment]:
    """The segments with the boundaries the model misplaces by habit mended (``REPAIRS``)."""
    for repair in REPAIRS:
        segments = repair(segments)
    return segments


def to_item(segments: list[Segment]) -> Fields:
    """The item the segments make: the first segment of a label fills its key (a date: the first with
    a year; a Vancouver volume's year and pages only when no date or pages segment gives them); each key
    gets its segment's probability."""
    segments = repaired(segments)
    result = Fields(segments=list(segments))
    fallbacks: dict[str, tuple[Any, float]] = {}
    for segment in segments:
        if segment.label in NAME_KEYS:
            key = NAME_KEYS[segment.label]
            names = split_names(segment.text)
            if names and key not in result.item:
                result.item[key] = names
                result.probability[key] = segment.probability
            continue
        values = _text_value(segment.label, segment.text)
        issued = result.item.get("issued")
        replaces_date = segment.label == "date" and isinstance(issued, dict) and "literal" in issued
        if segment.label == "date" and isinstance(issued, dict) and _completes_the_year(issued, values):
            values = {"issued": {"date-parts": [_with_month_and_day(issued, segment.text)]}}
            replaces_date = True
        for key, value in values.items():
            if key.startswith(_FALLBACK):
                fallbacks.setdefault(key.removeprefix(_FALLBACK), (value, segment.probability))
            elif key not in result.item or (replaces_date and "date-parts" in value):
                result.item[key] = value
                result.probability[key] = segment.probability
    for key, (value, probability) in fallbacks.items():
        if key not in result.item:
            result.item[key] = value
            result.probability[key] = probability
    _bracket_after_title(result)
    _place_before_publisher(result)
    _thesis_before_publisher(result)
    _thesis_after_publisher(result)
    _university_press_abbreviated(result)
    _place_after_publisher(result)
    return result


def _completes_the_year(issued: Any, values: dict[str, Any]) -> bool:
    """A date segment after a year alone that gives the year's month and day: without a year ("6 June",
    "August 17") or with the same year ("September 27, 2021" after "2021.")."""
    given = values.get("issued")
    found: dict[str, Any] = given if isinstance(given, dict) else {}
    parts = issued.get("date-parts", [[]])[0] if isinstance(issued, dict) else []
    if len(parts) != 1:
        return False
    literal = found.get("literal")
    if literal:
        return _month_word().search(str(literal)) is not None
    later = found.get("date-parts", [[]])[0]
    return len(later) > 1 and later[0] == parts[0]


def _with_month_and_day(issued: dict[str, Any], text: str) -> list[int]:
    """The year of ``issued`` with the month and day ``text`` prints."""
    year = int(issued["date-parts"][0][0])
    date = date_from_text(text, year)
    if date is None or not date.month:
        return [year]
    return [year, date.month, date.day] if date.day else [year, date.month]


#: A thesis's genre that opens the publisher's segment: "Dissertation, Aarhus University", "PhD thesis. X".
_GENRE_CUT = re.compile(r"[.,]\s")


def _thesis_before_publisher(result: Fields) -> None:
    """ "Dissertation, Aarhus University" (Springer), "Dissertation. University of Iowa" (AMA) labelled as
    one publisher: the genre, then the university."""
    publisher = result.item.get("publisher")
    if not isinstance(publisher, str) or "genre" in result.item:
        return
    cut = _GENRE_CUT.search(publisher)
    if cut is None or not thesis_word().search(publisher[: cut.start() + 1]):
        return
    genre = publisher[: cut.start()]
    result.item["genre"] = _genre_with_period(genre)
    result.item["publisher"] = publisher[cut.end() :]
    result.probability["genre"] = result.probability.get("publisher", 0.0)


def _thesis_after_publisher(result: Fields) -> None:
    """DIN's "Zürich, Universität Zürich, Dissertation" (or "…, Diss.") read as one publisher or place: the genre
    closes it; a known place opens it when no place was read apart."""
    for key in ("publisher", "publisher-place"):
        value = result.item.get(key)
        if not isinstance(value, str) or "genre" in result.item or ", " not in value:
            continue
        rest, _, last = value.rpartition(", ")
        if not thesis_word().fullmatch(last) and not thesis_word().fullmatch(last + "."):
            continue
        probability = result.probability.get(key, 0.0)
        result.item["genre"] = _genre_with_period(last)
        result.probability["genre"] = probability
        town, _, university = rest.partition(", ")
        if university and _is_place(town):
            result.item["publisher-place"], result.item["publisher"] = town, university
            result.probability["publisher-place"] = result.probability["publisher"] = probability
        else:
            result.item[key] = rest
        return


#: MLA's abbreviation of "University Press" closing a publisher's name ("Cambridge UP", "Northwestern UP").
_UNIVERSITY_PRESS = frozenset({"UP", "U P"})


def _university_press_abbreviated(result: Fields) -> None:
    """MLA's "Cambridge UP" read as a place and the publisher "UP": one publisher's name."""
    publisher, place = result.item.get("publisher"), result.item.get("publisher-place")
    if publisher in _UNIVERSITY_PRESS and isinstance(place, str):
        result.item["publisher"] = f"{place} {publisher}"
        del result.item["publisher-place"]


def _place_after_publisher(result: Fields) -> None:
    """ "Edward Elgar, Cheltenham", "University of Porto, Porto" (Elsevier's "Publisher, Place") labelled as
    one publisher when no place was labelled: the known town after the last comma is the place."""
    publisher = result.item.get("publisher")
    if not isinstance(publisher, str) or "publisher-place" in result.item:
        return
    name, comma, town = publisher.rpartition(", ")
    if comma and name and _is_place(town) and not _is_place(name):
        result.item["publisher"], result.item["publisher-place"] = name, town
        result.probability["publisher-place"] = result.probability.get("publisher", 0.0)


_BRACKET_AT_END = re.compile(r"\s\[([^\[\]]{2,40})\]$")


@lru_cache(maxsize=1)
def thesis_word() -> re.Pattern[str]:
    """A word naming a thesis, in the languages lists cite ("Diss.", "thèse": the lexicon's ``THESIS_NAME``)."""
    return re.compile(rf"\b{pattern('THESIS_NAME')}(?!\w)")


def _bracket_after_title(result: Fields) -> None:
    """ "Title [Internet]", "Title [dissertation]": the bracket is the medium or, naming a thesis, the
    genre, not a part of the title."""
    title = result.item.get("title")
    found = _BRACKET_AT_END.search(title) if isinstance(title, str) else None
    if found is None or not isinstance(title, str):
        return
    key = "genre" if thesis_word().search(found.group(1)) else "medium"
    if key in result.item:
        return
    result.item["title"] = title[: found.start()].rstrip(" .,:")
    result.item[key] = found.group(1)
    result.probability[key] = result.probability.get("title", 0.0)


def _place_before_publisher(result: Fields) -> None:
    """A publisher segment that holds its place ("Nsukka (Nigeria): University of Nigeria") split at the
    colon when no place was labelled; a place segment that holds its publisher (ACS's "Wiley: Hoboken,
    NJ") when no publisher was."""
    publisher, place = result.item.get("publisher"), result.item.get("publisher-place")
    if isinstance(publisher, str) and place is None and ": " in publisher:
        before, _, after = publisher.partition(": ")
        if before and after and not any(character.isdigit() for character in before):
            if _is_place(after) and not _is_place(before):  # ACS's "Wiley-VCH: Weinheim"
                before, after = after, before
            result.item["publisher-place"], result.item["publisher"] = before, after
            result.probability["publisher-place"] = result.probability.get("publisher", 0.0)
    elif isinstance(place, str) and publisher is None and ": " in place:
        before, _, after = place.partition(": ")
        if before and after:
            name, town = (after, before) if _is_place(before) and not _is_place(after) else (before, after)
            result.item["publisher"], result.item["publisher-place"] = name, town
            result.probability["publisher"] = result.probability.get("publisher-place", 0.0)


def _is_place(text: str) -> bool:
    """A known town, or a town and its region ("Hoboken, NJ", "Cham, Switzerland")."""
    town, _, region = text.partition(", ")
    return place_key(town) in PLACE_KEYS or region.strip(" .") in REGIONS or region in REGIONS
