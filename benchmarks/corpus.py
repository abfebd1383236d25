"""Reproducible benchmark corpora: realistic seed-style references, formatted by the library.

    python benchmarks/corpus.py 100000 > corpus-100k.txt

References are built at random (fixed seed) from the seed list's vocabulary in the seed
list's proportions of types, rendered with ``format_reference``, and the 44 seed references
are put first.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterator
from pathlib import Path

from translit_refs import PartialDate, Person, Reference, ReferenceType, Role
from translit_refs.export.formatter import format_reference
from translit_refs.lexicon.words import PLACES

SEED_FILE = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "seed_references.txt"

_ENGLISH = (
    "Soviet Korean War Cold Intelligence History Policy Strategy Decision Memoir Archive Foreign State Power "
    "Leaders Conflict Evidence Documents National Security Armistice Relations Origins Diplomacy Crisis"
).split()
_SMALL = "the of and in on to for from with a".split()
_TRANSLIT = (
    "istoriya vlasti voina konflikt razvedka mekhanizm sovetskii soyuz gosudarstvennom diplomaticheskoe "
    "obespechenie krizisnogo reagirovaniya Sem’ vozhdei galereya liderov arkhiva vneshnei politiki"
).split()
_FAMILIES = "Acheson Condit Corke Cumings Dundukov Hastings Heer Lowe Millett Nitze Paige Pikhoya Stueck".split()
_GIVEN = ["D.", "M.", "M. Yu.", "A. V.", "P. J.", "R. G.", "S.-J.", "H. S.", "K."]
_PUBLISHERS = ["Routledge", "W. W. Norton", "Random House", "Nauka", "ROSSPEN", "Doubleday & Co, Inc.", "GPO"]
_JOURNALS = ["Cold War Intern. History Project Bull.", "The J. of Am.-East Asian Relations", "Voprosy istorii"]
_SITES = ["CIA", "Digital National Security Archive", "Koryo saram", "The American Presidency Project"]
_TYPES = (
    [ReferenceType.BOOK] * 24 + [ReferenceType.ARTICLE] * 7 + [ReferenceType.WEBPAGE] * 9
    + [ReferenceType.CHAPTER, ReferenceType.THESIS, ReferenceType.REPORT, ReferenceType.PERIODICAL]
)  # fmt: skip
_PLACE_LIST = sorted(p for p in PLACES if " " not in p or p in ("New York", "St. Petersburg"))


def _title(rng: random.Random, transliterated: bool) -> str:
    words = _TRANSLIT if transliterated else _ENGLISH
    sentences = []
    for _ in range(rng.choice((1, 1, 2))):
        chosen = [rng.choice(words).capitalize()]
        chosen += [rng.choice(words + _SMALL) for _ in range(rng.randint(2, 8))]
        sentences.append(" ".join(chosen))
    return ". ".join(sentences)


def _date(rng: random.Random, full: bool = False) -> PartialDate:
    if full:
        return PartialDate(year=rng.randint(1945, 2020), month=rng.randint(1, 12), day=rng.randint(1, 28))
    return PartialDate(year=rng.randint(1945, 2020))


def random_reference(rng: random.Random) -> Reference:
    """One random reference of a type drawn in the seed list's proportions."""
    kind = rng.choice(_TYPES)
    russian = rng.random() < 0.25
    persons = tuple(
        Person(family=rng.choice(_FAMILIES), given=rng.choice(_GIVEN), role=Role.AUTHOR)
        for _ in range(rng.choice((1, 1, 1, 2)))
    )
    fields: dict[str, object] = {
        "type": kind,
        "persons": persons,
        "title": _title(rng, russian),
        "title_translation": _title(rng, False) if russian else None,
        "language": "ru" if russian else None,
        "issued": _date(rng),
    }
    if kind in (ReferenceType.BOOK, ReferenceType.THESIS, ReferenceType.CHAPTER):
        fields |= {"places": (rng.choice(_PLACE_LIST),), "publisher": rng.choice(_PUBLISHERS)}
    if kind is ReferenceType.BOOK:
        fields["page_count"] = str(rng.randint(80, 1200))
    if kind is ReferenceType.THESIS:
        fields |= {"genre": "Ph D. Diss.", "page_count": str(rng.randint(80, 500))}
    if kind is ReferenceType.CHAPTER:
        start = rng.randint(1, 600)
        fields |= {"container_title": _title(rng, False), "pages": f"{start}–{start + rng.randint(5, 40)}"}
    if kind is ReferenceType.ARTICLE:
        start = rng.randint(1, 600)
        fields |= {
            "container_title": rng.choice(_JOURNALS),
            "volume": str(rng.randint(1, 60)),
            "issue": str(rng.randint(1, 12)),
            "pages": f"{start}–{start + rng.randint(5, 40)}",
        }
    if kind in (ReferenceType.WEBPAGE, ReferenceType.REPORT):
        fields |= {"container_title": rng.choice(_SITES), "medium": "website", "accessed": _date(rng, full=True)}
    if kind is ReferenceType.REPORT:
        fields |= {"genre": "Working Paper", "number": str(rng.randint(1, 99)), "places": ("Washington, D. C.",)}
    if kind is ReferenceType.PERIODICAL:
        fields |= {"persons": (), "title": "Pravda", "title_translation": "Pravda", "language": "ru"}
        fields["issued"] = _date(rng, full=True)
    return Reference.model_validate(fields)


def references(count: int, seed: int = 20191204) -> Iterator[str]:
    """The 44 seed references, then random ones, ``count`` lines in all."""
    seed_lines = [line for line in SEED_FILE.read_text(encoding="utf-8").splitlines() if line.strip()]
    yield from seed_lines[:count]
    rng = random.Random(seed)
    for _ in range(count - min(count, len(seed_lines))):
        yield format_reference(random_reference(rng))


def main() -> None:
    """Write a corpus of N references to stdout or a file."""
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("count", type=int)
    arguments.add_argument("-o", "--output", type=Path)
    arguments.add_argument("--seed", type=int, default=20191204)
    options = arguments.parse_args()
    stream = options.output.open("w", encoding="utf-8") if options.output else sys.stdout
    with stream:
        for line in references(options.count, options.seed):
            stream.write(line + "\n")


if __name__ == "__main__":
    main()
