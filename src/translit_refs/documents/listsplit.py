"""Finding reference lists in documents and splitting them into entries.

Handles copied journal pages (abstract, author notes, the list, "How to Cite") and text
extracted from PDFs: entries wrapped over several lines, words hyphenated at line ends,
numbered entries ("1.", "[1]", "1)") and two entries glued on one line.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import pattern, words_of
from ..lexicon.words import CYRILLIC_LETTER, HOMOGLYPHS, PLACES, SOLID_PREFIXES
from ..models import Diagnostic, Severity
from ..parsing.lines import text_lines
from ..transliteration.translit import russian_frequency, russian_known
from ..transliteration.words import has_russian_dictionary, zipf

#: Headings that open a reference list (the first group) or a citation of the article itself.
LIST_HEADINGS = re.compile(
    r"^\s*(?:references|bibliography|works cited|literature|sources|список литературы|литература|"
    r"библиографический список|список источников|список использованных источников)\s*:?\s*$",
    re.IGNORECASE,
)
CITE_HEADINGS = re.compile(r"^\s*(?:how to cite(?: this article)?|для цитирования|cite this article)\s*:?\s*$", re.I)
#: A short line without a final period that is not a reference: the next section's heading.
_OTHER_HEADING = re.compile(r"^\s*[A-ZА-ЯЁ](?!.*(?:https?:|www))[^.\d]{0,40}$")
#: A line that continues the one before it, not a section: a URL or a lower-case word.
_CONTINUED = re.compile(r"^\s*(?:https?://|www\.|[a-zа-яё])")
_LABEL = re.compile(r"^\s*(?:\[(\d{1,3})\]|(\d{1,3})([.)]))\s+")  # not "2023) (in Russian)."
_YEAR = re.compile(r"(?<!\d)(?:1[5-9]\d\d|20\d\d)(?!\d)")
_SURNAME = r"^[A-ZÀ-ÖØ-ÞА-ЯЁ][^\W\d_]+"
_NAME_START = re.compile(_SURNAME + r"(?:-[A-ZÀ-ÖØ-ÞА-ЯЁ]?[^\W\d_]+)?(?:,\s?|\s)(?:[A-ZА-ЯЁ][a-z]?\.\s?-?){1,3}")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*(?:-[^\W\d_]+(?:['’][^\W\d_]+)*)*")


@dataclass(frozen=True, slots=True)
class ListEntry:
    """One reference of a list: its text, its printed label ("12" of "12.") and source lines (1-based).

    ``doubtful_joins`` holds the source lines joined to the line before them although they could
    start a reference of their own (the line before ends as a reference ends, and they begin as one
    does): the splitter read them as wrapped lines of this entry, and says so in ``diagnostics``.
    """

    text: str
    label: str | None
    first_line: int
    last_line: int
    doubtful_joins: tuple[int, ...] = ()

    @property
    def diagnostics(self) -> tuple[Diagnostic, ...]:
        """A warning for each doubtful join ("joined-lines"), for a person to check."""
        return tuple(
            Diagnostic(
                code="joined-lines",
                message=f"line {line} was read as a wrapped line of the reference that starts on line "
                f"{self.first_line}; if it starts a reference of its own, put a blank line before it",
                severity=Severity.WARNING,
            )
            for line in self.doubtful_joins
        )


@dataclass(frozen=True, slots=True)
class ReferenceSection:
    """A run of entries under an optional heading; ``kind`` is "references" or "how-to-cite"."""

    kind: str
    heading: str | None
    entries: tuple[ListEntry, ...]


def find_reference_sections(text: str) -> list[ReferenceSection]:
    """Every reference list of the document, and its "How to Cite" entries, in document order."""
    lines = text_lines(text)
    headed = [i for i, line in enumerate(lines) if LIST_HEADINGS.match(line) or CITE_HEADINGS.match(line)]
    sections: list[ReferenceSection] = []
    if not any(LIST_HEADINGS.match(lines[i]) for i in headed):
        unheaded_end = next((i for i in headed if CITE_HEADINGS.match(lines[i])), len(lines))
        sections.append(ReferenceSection("references", None, _densest_run(_entries(lines, 0, unheaded_end))))
    for index in headed:
        kind = "how-to-cite" if CITE_HEADINGS.match(lines[index]) else "references"
        entries = _entries(lines, index + 1, _section_end(lines, index + 1))
        sections.append(ReferenceSection(kind, lines[index].strip(), entries))
    return [s for s in sections if s.entries]


def find_reference_section(text: str) -> ReferenceSection | None:
    """The document's (first) reference list, or None when it has none."""
    return next((s for s in find_reference_sections(text) if s.kind == "references"), None)


def parallel_sections(text: str) -> tuple[ReferenceSection, ReferenceSection] | None:
    """The document's Cyrillic list and its transliterated partner, when it prints both (Russian
    journals print "Литература" and "References"): of its reference lists, the one with the most
    Cyrillic letters and the one with the fewest, if the first has a tenth of its letters Cyrillic
    (its foreign works stay in Latin) and four times the second's share; None otherwise."""
    lists = sorted((s for s in find_reference_sections(text) if s.kind == "references"), key=_cyrillic_share)
    if len(lists) < 2:
        return None
    cyrillic, latin = lists[-1], lists[0]
    if _cyrillic_share(cyrillic) < 0.1 or _cyrillic_share(latin) * 4 > _cyrillic_share(cyrillic):
        return None
    return cyrillic, latin


def _cyrillic_share(section: ReferenceSection) -> float:
    """The share of the section's letters that are Cyrillic (a Latin list may hold look-alikes)."""
    text = " ".join(entry.text for entry in section.entries)
    letters = sum(char.isalpha() for char in text)
    return len(CYRILLIC_LETTER.findall(text)) / letters if letters else 0.0


def split_references(text: str) -> list[ListEntry]:
    """The entries of the document's reference list (the whole text when it is just a list)."""
    section = find_reference_section(text)
    return list(section.entries) if section else []


def looks_like_reference(line: str) -> bool:
    """A year and either a leading person's name or a bibliographic marker."""
    return bool(_YEAR.search(line)) and bool(_NAME_START.match(line) or _markers().search(line) or _LABEL.match(line))


def _section_end(lines: list[str], start: int) -> int:
    """The line after a headed section: the next heading or the end."""
    for index in range(start, len(lines)):
        line = lines[index]
        if LIST_HEADINGS.match(line) or CITE_HEADINGS.match(line):
            return index
        continues = index > start and lines[index - 1].strip() and not _ENDS_ENTRY.search(lines[index - 1])
        if _OTHER_HEADING.match(line) and not _LABEL.match(line) and index + 1 < len(lines) and not continues:
            following = next((lines[later] for later in range(index + 1, len(lines)) if lines[later].strip()), "")
            if (
                following
                and not looks_like_reference(following)
                and not looks_like_reference(line)
                and not _CONTINUED.match(following)  # "Available at:" wrapped before its URL
            ):
                return index
    return len(lines)


def _densest_run(entries: tuple[ListEntry, ...]) -> tuple[ListEntry, ...]:
    """The longest run of reference-like entries.

    In a numbered list the run is the longest stretch of consecutive labels with a year, a
    bibliographic marker or a publishing place in it;
    otherwise it is the longest stretch of reference-like entries, bridging single entries
    without a year (a standard, an undated web page) between two reference-like ones.
    """
    if sum(1 for e in entries if e.label is not None) >= 2:
        runs: list[list[ListEntry]] = []
        for entry in entries:
            if entry.label is None:
                continue
            previous = runs[-1][-1].label if runs else None
            if previous is not None and entry.label.isdigit() and _follows(previous, entry.label):
                runs[-1].append(entry)
            else:
                runs.append([entry])
        evident = [run for run in runs if any(_bibliographic(e.text) for e in run)]
        longest: list[ListEntry] = max(evident, key=len, default=[])
        return tuple(longest)
    like = [looks_like_reference(e.text) for e in entries]
    bridged = [ok or (0 < i < len(like) - 1 and like[i - 1] and like[i + 1]) for i, ok in enumerate(like)]
    best = (0, 0)
    run_start = 0
    for index, ok in enumerate([*bridged, False]):
        if not ok:
            if index - run_start > best[1] - best[0]:
                best = (run_start, index)
            run_start = index + 1
    return entries[best[0] : best[1]]


@lru_cache(maxsize=1)
def _markers() -> re.Pattern[str]:
    """A bibliographic marker: "pp. 5", "384 p.", "Vol.", "No.", "Iss.", "URL", "DOI", "In ", "[", "//",
    "(mode of access", "(accessed", "Available at" (the lexicon's abbreviated marker words)."""
    abbreviated = "|".join(pattern(name) for name in _NUMBER_ABBREVIATIONS)
    return re.compile(
        rf"\bpp?\.\s?\d|\d\s?p\.|\b(?:{abbreviated})\.|\bURL\b|\bDOI\b|\bdoi\b|\bIn\s|\[|"
        r"\(mode of access|\(accessed|[Aa]vailable at|//"
    )


def _bibliographic(text: str) -> bool:
    """A year, a bibliographic marker ("pp.", "Vol.", "URL") or a publishing place ("Vienna, Austria")."""
    if _YEAR.search(text) or _markers().search(text):
        return True
    return any(word in PLACES for word in re.findall(r"[A-Z][a-z]+", text))


def _entries(lines: list[str], start: int, end: int) -> tuple[ListEntry, ...]:
    """Join wrapped lines into entries, strip and keep list labels, split glued entries."""
    labelled = [line for line in lines[start:end] if _LABEL.match(line)]
    style = _list_style(labelled)
    first_line = next((line for line in lines[start:end] if line.strip()), "")
    numbered = (bool(labelled) and labelled[0] == first_line) or _in_sequence(labelled)
    layout = None if numbered else _Layout.of(lines[start:end])
    vocabulary = _vocabulary(lines[start:end])
    entries: list[ListEntry] = []
    parts: list[str] = []
    tokens: set[str] = set()  # the entry's short words between spaces, where a skipped label may be glued
    doubtful: list[int] = []
    complete = False
    label: str | None = None
    first = 0
    last = 0
    for index in range(start, end):
        line = lines[index].strip()
        if not line:
            if parts and not numbered:
                entries.append(ListEntry(_join(parts, vocabulary), label, first + 1, last + 1, tuple(doubtful)))
                parts, label, doubtful, complete = [], None, [], False
                tokens.clear()
            continue
        match = _LABEL.match(line) if numbered else None
        if match and (
            not _follows(label, _number(match))
            or not _skipped_labels_glued(label, _number(match), tokens, style)
            or _style(match) != style
            or (parts and _number_marker_end().search(parts[-1]))
        ):
            match = None  # "1. pp. 47–53" in entry 7, "3." in a "[n]" list, "Vol.↵2. Title": no labels
        starts = match is not None
        if parts and layout is not None:
            decision = layout.starts_entry(parts[-1], line, index - start, parts[-2] if len(parts) > 1 else "")
            starts = decision is True
            if decision is None and complete:
                doubtful.append(index + 1)  # an entry with its year (or URL, pages) could end here
        if parts and starts:
            entries.append(ListEntry(_join(parts, vocabulary), label, first + 1, last + 1, tuple(doubtful)))
            parts, label, doubtful, complete = [], None, [], False
            tokens.clear()
        if match:
            label = _number(match)
            line = line[match.end() :]
        if not parts:
            first = index
        parts.append(line)
        tokens.update(token for token in line.split(" ") if len(token) <= _LONGEST_LABEL)
        complete = complete or bool(_complete().search(line)) or any(w in PLACES for w in _CAPITALISED.findall(line))
        last = index
    if parts:
        entries.append(ListEntry(_join(parts, vocabulary), label, first + 1, last + 1, tuple(doubtful)))
    return tuple(_unglue(entries, style or ".") if numbered else entries)


#: Lines wider than this were not wrapped by a page's layout: a list of such lines is a list of
#: one entry per line (a PDF's text column is 60–130 characters wide).
_WIDEST_WRAP = 200
#: A line ending as an entry ends: a period or closing bracket, a number ("pp. 54–68"), a URL or a file.
_ENDS_ENTRY = re.compile(r"(?:[.)\]]|\d|(?:https?://|www\.)\S+|\.(?:pdf|html?|php|aspx?))\s*$")
#: A line beginning as an entry begins: a capital (after an opening quote or bracket), or a URL.
_BEGINS_ENTRY = re.compile(r"^(?:[«“\"]?[A-ZÀ-ÖØ-ÞА-ЯЁ]|https?://)")
#: How entries of a list begin with their first name: "Ivanov I.I.", "Dundukov, M. Yu." (and the
#: Cyrillic "Поплавский В.М."), Vancouver's "Ivanov II," and GOST's heading-less "I.I. Ivanov"; a
#: surname of three letters or more, not in capitals ("NY, W. W. Norton", "РАН И.А.", "Ph D.").
_NAME_SHAPES = (
    re.compile(r"^[A-ZÀ-ÖØ-ÞА-ЯЁ][a-zß-öø-ÿа-яё’'][^\W\d_]+" + _NAME_START.pattern.removeprefix(_SURNAME)),
    re.compile(r"^[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ’'][^\W\d_]+(?:-[A-ZÀ-ÖØ-Þ][^\W\d_]+)? [A-Z]{1,3}(?:,|\.|\s)"),
    re.compile(r"^(?:[A-ZА-ЯЁ]\.\s?){1,3}[A-ZÀ-ÖØ-ÞА-ЯЁ][^\W\d_]+"),
)


@lru_cache(maxsize=1)
def _complete() -> re.Pattern[str]:
    """What an entry that could end has: a year, a URL, a page count, a language note, an
    identifier, a standard's designation ("ГОСТ 2.789-74")."""
    return re.compile(
        r"(?<!\d)(?:1[5-9]\d\d|20\d\d)(?!\d)|https?:|www\.|\d\s?(?:pp?|с|c|s|S)\.|\((?:in|на)\s|DOI|doi|ISBN|"
        rf"\b{pattern('STANDARD_BODY')}\s?\d"
    )


_CAPITALISED = re.compile(r"[A-ZА-ЯЁ][^\W\d_]+")
#: Share of a paragraph's line breaks that must each look like an entry's end and start for the
#: paragraph to be read as one entry per line (a wrapped entry breaks mostly inside a sentence).
_ONE_PER_LINE_SHARE = 0.9


@dataclass(frozen=True, slots=True)
class _Layout:
    """How the lines of an unnumbered list are laid out: the width they wrap at, the shape of name the
    list's entries begin with (if most that begin with a name share one), and the lines that are
    in a paragraph of one entry per line (each break between an entry's end and an entry's start)."""

    width: int
    name_shape: re.Pattern[str] | None
    one_per_line: frozenset[int]
    #: The second lines of paragraphs of two lines, which split when both lines look like references.
    pairs: frozenset[int] = frozenset()

    @classmethod
    def of(cls, lines: list[str]) -> _Layout:
        stripped = [line.strip() for line in lines]
        lengths = sorted(len(line) for line in stripped if line)
        # Most lines of a wrapped list fill its width; a long URL may overflow it, an entry's last
        # line falls short of it: the width is read from the fuller lines, not the longest.
        width = lengths[(len(lengths) * 3) // 4] if lengths else 0
        counts = Counter(next((shape for shape in _NAME_SHAPES if shape.match(line)), None) for line in stripped)
        counts.pop(None, None)
        shape, count = counts.most_common(1)[0] if counts else (None, 0)
        one_per_line: set[int] = set()
        pairs: set[int] = set()
        paragraph: list[int] = []
        for index in range(len(stripped) + 1):
            if index < len(stripped) and stripped[index]:
                paragraph.append(index)
                continue
            breaks = len(paragraph) - 1
            boundaries = sum(_could_start(stripped[i], stripped[i + 1]) for i in paragraph[:-1])
            if breaks >= 2 and boundaries >= _ONE_PER_LINE_SHARE * breaks:
                one_per_line.update(paragraph)
            if breaks == 1:
                pairs.add(paragraph[1])
            paragraph = []
        return cls(width, shape if count >= 2 else None, frozenset(one_per_line), frozenset(pairs))

    def starts_entry(self, previous: str, line: str, index: int, before: str = "") -> bool | None:
        """Whether ``line`` (the list's line ``index``) starts an entry after ``previous`` (itself after
        ``before`` in its entry): True, False, or None when it could but is read as a wrapped line
        (the previous line fills the width)."""
        if not _could_start(previous, line, before):
            return False
        if (
            self.width > _WIDEST_WRAP
            or index in self.one_per_line
            or (len(previous) < 0.9 * self.width and len(previous) + 1 + len(line.split(maxsplit=1)[0]) <= self.width)
            or (self.name_shape is not None and self.name_shape.match(line))
            or (index in self.pairs and looks_like_reference(previous) and looks_like_reference(line))
        ):
            return True
        return None


def _could_start(previous: str, line: str, before: str = "") -> bool:
    """The previous line ends as an entry ends (not with an initial or an editor's mark: "Eds. C.↵
    Constanda, M.", "Под ред. Н.А. Абрамовой, К.С.↵Гинсберга") and this one begins as an entry begins."""
    if not _BEGINS_ENTRY.match(line) or _OPEN_END.search(previous) or _continues().match(line):
        return False
    if _ENDS_ENTRY.search(previous):
        return True
    # a URL wrapped over lines ("…/s10512-↵008-9025-x") ends its entry as a URL
    joined = before.rsplit(maxsplit=1)[-1] + previous if before.strip() else ""
    return not _SPACE.search(previous) and bool(_ENDS_ENTRY.search(joined))


#: A line that ends with an initial ("C.", "Yu.", "Р.Ш.") or an editor's mark: the name goes on.
_OPEN_END = re.compile(r"(?:\b[A-ZА-ЯЁ][a-zа-яё]?|\b(?:[Ee]ds?|red|ред))\.\s*$")


@lru_cache(maxsize=1)
def _continues() -> re.Pattern[str]:
    """A line that goes on with an entry, never starts one: a DOI, an ISBN, a volume, number or page
    marker, an editor's statement, "In Journal", "// Journal", a dash, a
    place and its colon or comma ("Moscow, Nauka", "М.: Атомиздат"), the lexicon's words."""
    # "Available at: …" and "URL: …" may be a whole entry (a web page), so they are not here
    places = "|".join(re.escape(place) for place in sorted(PLACES, key=len, reverse=True))
    numbered = "|".join(pattern(name) for name in _NUMBER_ABBREVIATIONS)
    return re.compile(
        rf"(?:{pattern('DOI_WORD')}|{pattern('ISBN_WORD')}|(?:{numbered})\.|{pattern('PAGES_WORD')}\d|{pattern('EDITED_BY')}|In:?\s|//|[–—]\s|"
        rf"(?:{places})\s?[,:;]|(?:{places})\.(?=\s?[,:;]|\s[A-ZА-ЯЁ]))"
    )


def _in_sequence(labelled: list[str]) -> bool:
    """Lines opening with a label number a list when at least two labels follow each other
    ("3." then "4."): "Т.↵53. – № 11" and "Т.↵102. – № 4" are volumes wrapped to a line start."""
    numbers = [int(_number(match)) for match in map(_LABEL.match, labelled) if match]
    return any(b == a + 1 for a, b in itertools.pairwise(numbers))


def _list_style(labelled: list[str]) -> str | None:
    """The numbering style of a list: that of its label 1 ("[1]", "1." or "1)"), else the commonest."""
    matches = [match for match in map(_LABEL.match, labelled) if match]
    for match in matches:
        if _number(match) == "1":
            return _style(match)
    return Counter(map(_style, matches)).most_common(1)[0][0] if matches else None


def _number(label: re.Match[str]) -> str:
    """The number of a matched label: "12" of "[12]", "12." or "12)"."""
    return label.group(1) or label.group(2)


def _style(label: re.Match[str]) -> str:
    """How a matched label numbers its entry: "[]" for "[1]", else "." or ")"."""
    return "[]" if label.group(1) else label.group(3)


def _follows(previous: str | None, label: str) -> bool:
    """A label may start the next entry: it comes after the previous one, with at most two
    entries glued in between ("… pp. 9-14. 2) Odejchuk …" then "3) …" on a new line)."""
    if previous is None or not previous.isdigit():
        return True
    return 1 <= int(label) - int(previous) <= 3


#: The longest label ("[999]"): longer words of an entry are never a glued label.
_LONGEST_LABEL = 5


def _skipped_labels_glued(previous: str | None, label: str, tokens: set[str], style: str | None) -> bool:
    """A label that skips numbers ("2." then "4.") opens an entry only when the skipped labels are
    glued inside the entry before it ("… 1988. 3. Ivanov …"), else it is a wrapped "number 4.".

    ``tokens`` holds the entry's words between spaces (its lines are joined with spaces), kept as
    the entry grows: a check costs the same however long the entry is."""
    if previous is None or not previous.isdigit():
        return True
    skipped = range(int(previous) + 1, int(label))
    marks = {"[]": "[{n}]", ")": "{n})"}
    return all(marks.get(style or ".", "{n}.").format(n=n) in tokens for n in skipped)


def _vocabulary(lines: list[str]) -> Counter[str]:
    """Words of the lines, without the fragments on either side of a line-end hyphen."""
    words: Counter[str] = Counter()
    broken = False
    for line in lines:
        found = [w.lower() for w in _WORD.findall(line)]
        if broken and found:
            found = found[1:]
        broken = line.rstrip().endswith("-")
        if broken and found:
            found = found[:-1]
        words.update(found)
    return words


def _join(parts: list[str], vocabulary: Counter[str]) -> str:
    """Join wrapped lines, undoing end-of-line hyphenation only where the joined form is a word.

    Linear in the text: the joined text is built as a list, and only its last word is looked at
    (kept to ``_WORD_REACH`` characters: what is longer is no word to rejoin).
    """
    pieces = [parts[0]]
    last_word = _trailing_word(parts[0])
    for part in parts[1:]:
        hyphenated = last_word.endswith("-")
        if hyphenated and len(last_word) > 1 and part[:1].strip() and _dehyphenate(last_word[:-1], part, vocabulary):
            pieces[-1] = pieces[-1][:-1]
            last_word = last_word[:-1]
        elif not (hyphenated and len(last_word) > 1):  # a hyphen after a letter joins without a space
            pieces.append(" ")
            last_word = ""
        pieces.append(part)
        last_word = (last_word + part)[-_WORD_REACH:] if not _SPACE.search(part) else _trailing_word(part)
    return "".join(pieces)


def _trailing_word(text: str) -> str:
    """The run of non-space characters that ends ``text`` (at most ``_WORD_REACH`` of them)."""
    return text[-_WORD_REACH:].rsplit(maxsplit=1)[-1] if text.strip() else ""


_WORD_REACH = 200
_SPACE = re.compile(r"\s")


_SURNAME_REST = re.compile(r"[^\W\d_]+,?\s(?:[A-ZА-ЯЁ][a-z]?\.\s?){1,3}")
_LETTERS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def _dehyphenate(before: str, after: str, vocabulary: Counter[str]) -> bool:
    """True when "before-" + "after" is one word broken at the line end, not a hyphenated compound.

    Evidence, in order: the document's own words; the joined form being a word (English, or
    Russian through its reverse transliteration); both halves being words (a compound).
    """
    last = re.split(r"[-(\[«“\"]", before)[-1].translate(_LATIN_LOOKALIKES)
    first = re.split(r"[-.,:;)\]»”\"\s]", after)[0].translate(_LATIN_LOOKALIKES)
    if not _LETTERS.fullmatch(last) or not _LETTERS.fullmatch(first) or not first[:1].islower():
        return False  # URLs, DOIs, numbers, "MGIMO-Universiteta", "RF-IPPE": the hyphen is real
    if len(first) <= 2:
        return False  # hyphenation leaves at least three letters on the new line ("reaktor-bn-800")
    if vocabulary[f"{last}-{first}".lower()] > 0:
        return False
    if last[:1].isupper() and _SURNAME_REST.match(after):
        return True  # "Kukh-" + "arkin N.E.": a surname; double surnames keep a capital ("Ponomarev-Stepnoi")
    if last.lower() in SOLID_PREFIXES:
        return True
    joined = last + first
    if russian_known(f"{last}-{first}"):
        return False  # the dictionary writes it with a hyphen: "fiziko-tekhnicheskie"
    if vocabulary[joined.lower()] > 0 or russian_frequency(joined) >= 1.0 or russian_known(joined):
        return True
    if zipf(joined) >= _KNOWN_WORD and zipf(joined) >= min(zipf(last), zipf(first)) - 2.5:
        return True  # "develop-ment"; but "large-scale" stays, rarer solid than its halves
    if len(last) <= 2 and not _VOWEL.search(last):
        return False  # hyphenation splits between syllables: "Pn-" is a symbol, not a syllable
    if _COORDINATE_FIRST.search(last) and _ADJECTIVE_ENDING.search(first) and russian_frequency(last) >= 1.0:
        return False  # coordinate compound adjectives are hyphenated: "svincovo-vismutovom", "istoriko-…"
    return not (_is_word(last, vocabulary) and _is_word(first, vocabulary))


#: Russian coordinate compound adjectives ("istoriko-dokumental’nyi", "erozionno-korrozionnogo"):
#: a first part of six letters or more ending in -o, a second part with an adjective's ending.
_COORDINATE_FIRST = re.compile(r"^[^\W\d_’']{5,}o$", re.IGNORECASE)
_ADJECTIVE_ENDING = re.compile(
    r"(?:ogo|omu|ymi|imi|yh|ykh|ikh|ih|yj|yi|yy|ij|ii|iy|aya|aja|oe|ye|ie|ym|im|om|uyu|uju)$"
)


#: English Zipf frequency from which a joined form counts as a word (once per 30 million words).
_KNOWN_WORD = 1.0


def _is_word(word: str, vocabulary: Counter[str]) -> bool:
    """A half of a possible compound: a word of the document, of English (also after a prefix:
    "un-moderated"), or transliterated Russian."""
    if len(word) < 3:
        return False
    if vocabulary[word.lower()] > 0 or zipf(word) >= 2.5 or _russian_word(word):
        return True
    prefix = _ENGLISH_PREFIX.match(word.lower())
    return prefix is not None and zipf(word[prefix.end() :]) >= 2.5


def _russian_word(word: str) -> bool:
    """A word of Russian through its reverse transliteration: a form of the dictionary when it is
    installed, else a frequent enough word (short halves need more: wordfreq holds fragments)."""
    if has_russian_dictionary():
        return russian_known(word)
    return russian_frequency(word) >= (_RUSSIAN_SHORT_HALF if len(word) <= 4 else _RUSSIAN_HALF)


_ENGLISH_PREFIX = re.compile(r"(?:un|non|re|pre|over|under|sub|inter|multi|semi|counter)(?=[a-z]{4})")
#: Russian Zipf frequency from which a half counts as a word; short halves need more, as
#: wordfreq's Russian list holds fragments ("ного", "цвар") below it.
_RUSSIAN_HALF = 1.5
_RUSSIAN_SHORT_HALF = 3.0
_VOWEL = re.compile(r"[aeiouyAEIOUY]")
_LATIN_LOOKALIKES = str.maketrans(dict(HOMOGLYPHS))


#: The lexicon's marker words that stand, abbreviated, before a number ("Vol.", "No.", "Iss.", "Bd.").
_NUMBER_ABBREVIATIONS = ("VOLUME_ABBREVIATION", "NUMBER_ABBREVIATION", "FASCICLE_ABBREVIATION")


@lru_cache(maxsize=1)
def _glue_before_number() -> str:
    """What may precede a glued "N." label: the end of an entry, not "Vol.", "No." or "v." before a number
    (a look-behind for each of the lexicon's words, as look-behinds have a fixed width)."""
    marker_words = sorted({word for name in (*_NUMBER_ABBREVIATIONS, "VOLUME_LETTER") for word in words_of(name)})
    return "".join(rf"(?<!\b{re.escape(word)}\.)" for word in marker_words)


def _glue_after() -> str:
    return r"(?<=[.)\]])" + _glue_before_number()


#: An entry's last page range or URL, which may end it without a period ("pp. 54–68 6. Title").
_GLUE_AFTER_RANGE_OR_URL = "|".join(
    [*(r"(?<=\d[–-]" + r"\d" * digits + ")" for digits in range(1, 5)), r"(?<=\.pdf)", r"(?<=\.htm)", r"(?<=\.html)"]
)


@lru_cache(maxsize=1)
def _number_marker_end() -> re.Pattern[str]:
    """A line ending in a marker of a number: the number on the next line is its value, not a label."""
    abbreviated = "|".join(pattern(name) for name in _NUMBER_ABBREVIATIONS)
    return re.compile(
        rf"(?:\b(?:{abbreviated}|Issue|issue|Part|Pt|Book|Kn|[Nn]umber|[Nn]omer)|[,.]\s(?:{pattern('VOLUME_LETTER')}|Ch|pp?|PP?)"
        r"|№)\.?\s*$"
    )


#: How far back an open parenthesis makes "3)" its closing, not a label ("(Vol. 2, no. 3)").
_PARENTHESIS_REACH = 40


def _unglue(entries: list[ListEntry], style: str) -> list[ListEntry]:
    """Split "… pp. 241–261. 15. Nekrasov A.B. …" where the next label, in the list's own style,
    appears inside an entry. "[16]" and "16)" are labels anywhere but just after an open
    parenthesis ("(Vol. 2, no. 3)"); "16." only after an entry's end, a page range or a URL, or
    before a person's name."""
    result: list[ListEntry] = []
    for entry in entries:
        label, text, start, first_line = entry.label, entry.text, 0, entry.first_line
        # the glued entries are read off one text by position (no copy of the rest per label: linear)
        while label is not None and label.isdigit():
            following = str(int(label) + 1)
            glued = _glued_label(text, following, style, start)
            if not glued:
                break
            result.append(ListEntry(text[start : glued.start()], label, first_line, entry.last_line))
            label, start, first_line = following, glued.end(), entry.last_line
        if start == 0:
            result.append(entry)
        else:
            result.append(ListEntry(text[start:], label, first_line, entry.last_line))
    return result


def _glued_label(text: str, following: str, style: str, start: int = 0) -> re.Match[str] | None:
    """Where the label ``following`` starts a glued entry in ``text[start:]``, if it does.

    One pattern per style finds a label of any number (a pattern per number would be compiled for
    each of a list's labels); each search starts one character after the last candidate, so that no
    candidate hides one that overlaps it."""
    pattern = _glued_pattern(style)
    position = start
    while (match := pattern.search(text, position)) is not None:
        number = match.group("number") or match.group("named")
        if number == following and (style != ")" or _outside_parentheses(text, match, start)):
            return match
        position = match.start() + 1
    return None


@lru_cache(maxsize=3)
def _glued_pattern(style: str) -> re.Pattern[str]:
    """A glued label of the style, its number in the group "number" (or "named", before a person's name)."""
    if style == "[]":
        return re.compile(r"\s\[(?P<number>\d{1,4})\]\s+(?=\S)(?P<named>)")
    if style == ")":
        return re.compile(rf"{_glue_before_number()}\s(?P<number>\d{{1,4}})\)\s+(?=[A-ZА-ЯЁ])(?P<named>)")
    return re.compile(
        rf"(?:{_glue_after()}|{_GLUE_AFTER_RANGE_OR_URL})\s(?P<number>\d{{1,4}})\.\s+(?=[A-ZА-ЯЁ])"
        rf"|\s(?P<named>\d{{1,4}})\.\s+(?={_NAME_START.pattern[1:]})"
    )


def _outside_parentheses(text: str, match: re.Match[str], start: int) -> bool:
    """A "16)" label is no closing of an open parenthesis just before it ("(Vol. 2, no. 3)") in ``text[start:]``."""
    opened = _offset(text.rfind("(", start, match.start()), start)
    closed = _offset(text.rfind(")", start, match.start()), start)
    return opened < max(closed, match.start() - start - _PARENTHESIS_REACH)


def _offset(found: int, start: int) -> int:
    """A position found in ``text[start:]``, counted from ``start`` (-1 when nothing was found)."""
    return found - start if found >= 0 else -1
