"""Which references the labeller reads: those of lists printed in no style the rules know.

The rules read the families they were taught (a Russian journal's "References", GOST, the seed's
author-date with bracketed translations) better than the labeller can; the labeller reads the styles
of the rest of the world better than the rules (``docs/labeller.md``: 89.7 % of AnyStyle's fields held
out, against 60.8 %). So the choice is made per list, as families are:

1. a list the rules know (``knows_list``) is read by the rules alone: at least ``KNOWN_SHARE`` of its
   entries print a sign of a transliterated or Cyrillic list (``prints_known_signs``), or at least
   ``INITIALS_SHARE`` print their names "Family I.I.", as Russian journals do;
2. in any other list each entry that prints no such sign is read by the labeller
   (``labelled_reference``); an entry that does is still read by the rules;
3. a reference read alone is read by the labeller when it prints no such sign, shows no strong
   evidence of the ``references`` or ``gost`` family (``families.shows_rules_family``), and the rules'
   own confidence is below the review threshold (one entry is too little evidence of a list's style:
   an English entry of a transliterated list, read alone, stays with the rules when they are sure).

The labeller is the ``labeller`` extra (python-crfsuite); without it, or without its model, every
reference keeps the rules' reading.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ..lexicon import compiled
from ..models import Reference, Severity, Signs, StyleFamily
from ..parsing.language import russian_balance
from ..quality.confidence import calibration
from .fields import Fields
from .reading import labelled_reference

#: Share of a list's entries that must print a sign of a transliterated or Cyrillic list for the rules
#: to read the whole list (the seed: 25 %, the dev corpus 43 %, AnyStyle's core set 2.6 %).
KNOWN_SHARE = 0.1
#: Signs of transliteration a title needs (``parsing.language.russian_balance``): the dev corpus's
#: translated titles have two or more in 246 of 252 (one or more in 250), a blind round of English,
#: German, French and Italian titles in 1 of 100. A title before a bracketed translation needs one.
TRANSLITERATED_BALANCE = 2
_CYRILLIC = re.compile("[\u0400-\u04ff]")
#: Share of a list's entries whose names are printed "Family I.I." that makes it a list the rules know
#: even with few other signs (English-only lists of Russian journals: 20 of the 29 such lists of the
#: parallel corpus reach it; no list of the blind rounds of other styles, no 50 entries of AnyStyle's).
INITIALS_SHARE = 0.6
#: The longest text the labeller reads (the longest reference of AnyStyle's core set has 553
#: characters, of the dev corpus 1,140): its time grows with the text, and no longer text is one reference.
LONGEST = 3_000
#: Entries with a sign a list of two or more needs (one Polish title reads as transliterated Russian).
KNOWN_AT_LEAST = 2
_RULES_LANGUAGES = frozenset({"ru", "uk", "be"})
_WORDS = re.compile(r"[^\W\d_]{2,}")
#: Reads one reference's fields (the shipped model's ``Labeller.fields``, or a test's stand-in).
FieldsReader = Callable[[str], Fields]


def _translated(original: str | None, translation: str | None) -> bool:
    """A bracketed translation of two words or more after a title with a sign of transliteration (not
    "[1910]" or "[Doctoral dissertation, Universidad de Granada]" after another title; "[DVD]" and
    "[en ligne]" are the grammar's ``MEDIUM``)."""
    if not original or not translation or len(_WORDS.findall(translation)) < 2:
        return False
    return _transliterated(original, signs=1)


def _transliterated(text: str | None, signs: int = TRANSLITERATED_BALANCE) -> bool:
    """A title that reads as transliterated Russian by ``signs`` signs or more, French and Italian
    elisions ("l’", "d’", "dell’") not counted as soft signs."""
    return bool(text) and russian_balance(compiled("ELISION").sub("", text or "")) >= signs


def _noted_language(reference: Reference) -> bool:
    """A note names the work's language as Russian, Ukrainian or Belarusian where the title is in
    another ("… (in Russian)", "(In Russ.)" after a translated title)."""
    return reference.language in _RULES_LANGUAGES and reference.title_language not in _RULES_LANGUAGES


def prints_known_signs(reference: Reference) -> bool:
    """Whether the entry prints what only the families the rules know print: a bracketed translation,
    Cyrillic letters, a GOST skeleton ("//", " – "), a title or container in transliterated Russian,
    a note that the work is in Russian, or a field only the rules read (an archive's cipher, a torn
    URL's fragment)."""
    return bool(
        reference.transliteration_scheme
        or reference.archive
        or reference.archive_location
        or reference.url_fragment
        or reference.style_family is StyleFamily.GOST
        or _noted_language(reference)
        or (reference.title_translation and _translated(reference.title, reference.title_translation))
        or (reference.container_translation and _translated(reference.container_title, reference.container_translation))
        or _CYRILLIC.search(reference.raw)
        or _transliterated(reference.title)
        or _transliterated(reference.container_title)
    )


def knows_list(references: Sequence[Reference]) -> bool:
    """Whether the rules read the whole list: enough of its entries print a sign of a family they know
    (``KNOWN_SHARE`` of them, and at least ``KNOWN_AT_LEAST``).
    (The voted family does not decide: MLA and IEEE lists vote ``references``, as "vol. 12, no. 3,
    pp. 45–67" is what a Russian journal's "References" prints too.)"""
    needed = max(KNOWN_SHARE * len(references), min(KNOWN_AT_LEAST, len(references)), 1)
    signs = 0
    for reference in references:  # (a list the rules know shows enough long before its end)
        if prints_known_signs(reference):
            signs += 1
            if signs >= needed:
                return True
    initials = sum(1 for reference in references if _saw(reference, Signs.FAMILY_INITIALS))
    return len(references) >= KNOWN_AT_LEAST and initials >= INITIALS_SHARE * len(references)


def _readable(reference: Reference) -> bool:
    """A reference with text to read, no longer than ``LONGEST`` (a longer one is no single reference:
    the rules' partial reading stays), that the rules read in no known family's way."""
    if len(reference.raw) > LONGEST or not reference.raw.strip() or prints_known_signs(reference):
        return False
    return not any(d.code == "empty" and d.severity is Severity.ERROR for d in reference.diagnostics)


def _saw(reference: Reference, sign: int) -> bool:
    """Whether the parser saw ``sign`` (a ``models.Signs`` flag) in the entry's own text."""
    private = reference.__pydantic_private__
    record = private.get("_provenance") if private is not None else None
    return record is not None and record.saw(sign)


def default_reader() -> FieldsReader | None:
    """The shipped model's reader, or None when python-crfsuite or the model is missing."""
    from .model import ModelMissingError, default  # noqa: PLC0415 - loads the model on first use

    try:
        return default().fields
    except ModelMissingError:
        return None


def read_unknown_styles(references: Sequence[Reference], reader: FieldsReader | None = None) -> tuple[Reference, ...]:
    """The list's references, those of a list printed in no style the rules know read by the labeller
    (``reader``: the shipped model by default)."""
    if knows_list(references):
        return tuple(references)
    readable = [_readable(reference) for reference in references]
    read = (reader or default_reader()) if any(readable) else None
    if read is None:
        return tuple(references)
    review_below = calibration().review_below
    return tuple(
        labelled_reference(reference, read(reference.raw), review_below) if labelled else reference
        for reference, labelled in zip(references, readable, strict=True)
    )


def read_alone(reference: Reference, reader: FieldsReader | None = None) -> Reference:
    """A reference read alone: by the labeller when it prints no sign of a family the rules know and
    the rules are unsure of it (``reader``: the shipped model by default)."""
    review_below = calibration().review_below
    if (reference.confidence or 0.0) >= review_below or _saw(reference, Signs.RULES_FAMILY):
        return reference
    if not _readable(reference):
        return reference
    read = reader or default_reader()
    return reference if read is None else labelled_reference(reference, read(reference.raw), review_below)
