"""Hypothesis strategies for the style families of Russian journals: References, GOST and Vancouver.

Each builds a Reference the family's formatter (``format_reference(r, "references" | "gost")``)
(or "vancouver") can print and the parser must read back whole. What they leave out is what the styles cannot
tell apart from another field (docs/round-trip.md): a journal or title sentence that is a place,
a publisher's or an institution's name, a collection's or conference's title.
"""

from __future__ import annotations

from hypothesis import strategies as st

from translit_refs import PartialDate, Person, Reference, ReferenceType, Role
from translit_refs.parsing.language import title_language
from translit_refs.parsing.shapes import is_conference, is_container_cue, is_institution, is_place, is_publisher

from strategies import capitalised, count, full_date, number_range, sentence, translation, url, year_date


def _plain(text: str) -> bool:
    """A sentence no layout rule takes for something else than title or journal words."""
    return not (
        is_place(text) or is_publisher(text) or is_institution(text) or is_container_cue(text) or is_conference(text)
    )


plain_sentence = sentence(allow_initials=False).filter(_plain)
title = st.lists(plain_sentence, min_size=1, max_size=2).map(". ".join)
journal = plain_sentence.filter(lambda s: not s.startswith("In "))
#: GOST's labels follow the title's script, so its Latin titles hold no Cyrillic word.
latin_title = title.filter(lambda t: not any("Ѐ" <= c <= "ӿ" for c in t))
initials = st.sampled_from(["I.I.", "A.", "M.Yu.", "P. S.", "E.F.", "Zh.A."])
authors = st.lists(
    st.builds(Person, family=capitalised, given=initials, role=st.just(Role.AUTHOR)), min_size=1, max_size=4
).map(tuple)
place = st.sampled_from(["Moscow", "Obninsk", "St. Petersburg", "Kiev", "Minsk", "Novosibirsk", "London", "Berlin"])
publisher = st.sampled_from(["Energoatomizdat", "Nauka", "Atomizdat", "Mir", "Fizmatlit", "Mashinostroenie"])
year = st.integers(1900, 2030)


def _languages(reference: Reference, noted: bool) -> Reference:
    """The languages the parser gives: the title's, and the work's ("ru" too when a note says so)."""
    printed = title_language(reference.title or "", translated=reference.title_translation is not None)
    work = "ru" if noted or printed == "ru" else printed
    return reference.model_copy(update={"title_language": printed, "language": work})


@st.composite
def references_style(draw: st.DrawFn) -> Reference:
    """A reference as the References style prints it: article, book, web page, thesis, report,
    standard, patent or conference paper."""
    kind = draw(
        st.sampled_from(
            [ReferenceType.ARTICLE, ReferenceType.ARTICLE, ReferenceType.BOOK, ReferenceType.WEBPAGE,
             ReferenceType.THESIS, ReferenceType.REPORT, ReferenceType.STANDARD, ReferenceType.PATENT,
             ReferenceType.PAPER]
        )
    )  # fmt: skip
    fields: dict[str, object] = {"type": kind, "title": draw(title), "issued": PartialDate(year=draw(year))}
    if kind is not ReferenceType.STANDARD and kind is not ReferenceType.WEBPAGE:
        fields["persons"] = draw(authors)
    translated = draw(st.one_of(st.none(), translation)) if kind is not ReferenceType.STANDARD else None
    fields["title_translation"] = translated
    if kind is ReferenceType.ARTICLE:
        fields |= {
            "container_title": draw(journal),
            "volume": draw(st.one_of(st.none(), count)),
            "issue": draw(st.one_of(st.none(), count)),
            "pages": draw(number_range),
        }
    elif kind is ReferenceType.PAPER:
        fields |= {"container_title": "Proc. of " + draw(journal), "places": (draw(place),)}
        fields["pages"] = draw(number_range)
    elif kind is ReferenceType.WEBPAGE:
        fields |= {"url": draw(url), "accessed": draw(full_date), "issued": None}
    elif kind is ReferenceType.PATENT:
        fields["number"] = str(draw(st.integers(1_000_000, 2_999_999)))
    else:
        fields |= {"places": (draw(place),), "page_count": draw(st.one_of(st.none(), count))}
        if kind is ReferenceType.THESIS:
            fields["genre"] = draw(st.sampled_from(["Cand. Sci. (Eng.) diss.", "Dr. Sci. (Phys.-Math.) diss."]))
        else:
            fields["publisher"] = draw(publisher)
        if kind is ReferenceType.REPORT:
            code = draw(st.from_regex(r"[A-Z]{2,5}-[1-9][0-9]{2,4}", fullmatch=True))
            fields |= {"genre": "Preprint", "number": code}
        elif kind is ReferenceType.STANDARD:
            fields["number"] = draw(st.sampled_from(["GOST R 7.0.5-2008", "NP-001-15", "SanPiN 2.6.1.2523-09"]))
    reference = Reference.model_validate(fields)
    return _languages(reference, noted=draw(st.booleans()) and translated is None)


cyrillic_word = st.sampled_from(
    ["Тепловой", "режим", "реактора", "Исследование", "натриевого", "теплоносителя", "ядерной", "энергетики",
     "Моделирование", "процессов", "в", "и", "на", "быстрых", "нейтронах"]
)  # fmt: skip
cyrillic_title = st.lists(cyrillic_word, min_size=2, max_size=7).map(lambda w: " ".join([w[0].capitalize(), *w[1:]]))
cyrillic_family = st.sampled_from(["Иванов", "Петрова", "Сидоров", "Кащеев", "Шаманин", "Беденко"])
cyrillic_journal = st.sampled_from(["Атомная энергия", "Теплоэнергетика", "Ядерная физика", "Инженерная физика"])
cyrillic_authors = st.lists(
    st.builds(Person, family=cyrillic_family, given=st.sampled_from(["И.И.", "А.", "М.Ю.", "С.В."])),
    min_size=1,
    max_size=3,
).map(tuple)


@st.composite
def gost_style(draw: st.DrawFn) -> Reference:
    """A reference as GOST 7.0.5 prints it, in Cyrillic or in its Latin form: article, book, web page."""
    kind = draw(st.sampled_from([ReferenceType.ARTICLE, ReferenceType.BOOK, ReferenceType.WEBPAGE]))
    cyrillic = draw(st.booleans())
    fields: dict[str, object] = {
        "type": kind,
        "title": draw(cyrillic_title if cyrillic else latin_title),
        "persons": draw(cyrillic_authors if cyrillic else authors),
        "issued": PartialDate(year=draw(year)),
    }
    if kind is ReferenceType.ARTICLE:
        fields |= {
            "container_title": draw(cyrillic_journal if cyrillic else journal),
            "volume": draw(st.one_of(st.none(), count)),
            "issue": draw(st.one_of(st.none(), count)),
            "pages": draw(number_range),
        }
    elif kind is ReferenceType.BOOK:
        city = draw(st.sampled_from(["М.", "СПб.", "Обнинск"]) if cyrillic else place)
        fields |= {
            "places": (city,),
            "publisher": draw(st.sampled_from(["Наука", "Энергоатомиздат"]) if cyrillic else publisher),
            "page_count": draw(st.one_of(st.none(), count)),
        }
    else:
        fields |= {"url": draw(url), "accessed": draw(full_date), "issued": None, "persons": ()}
        fields["medium"] = "Электронный ресурс" if cyrillic else "Electronic resource"
    return _languages(Reference.model_validate(fields), noted=False)


bare_initials = st.sampled_from(["II", "A", "MYu", "PS", "EF", "AKh", "JW"])
#: Only a journal's locator tells a lone "Family A." with its period apart from "Family A" and a separator.
two_initials = st.sampled_from(["II", "MYu", "PS", "EF", "AKh", "JW"])


@st.composite
def vancouver_style(draw: st.DrawFn) -> Reference:
    """A reference as the Vancouver style prints it: an article, a book (by authors or editors), a chapter."""
    kind = draw(st.sampled_from([ReferenceType.ARTICLE, ReferenceType.BOOK, ReferenceType.CHAPTER]))
    initials = bare_initials if kind is ReferenceType.ARTICLE else two_initials
    vancouver_people = st.lists(st.builds(Person, family=capitalised, given=initials), min_size=1, max_size=4)
    people = draw(vancouver_people)
    fields: dict[str, object] = {
        "type": kind,
        "title": draw(latin_title),
        "persons": tuple(people),
        "issued": PartialDate(year=draw(year)),
    }
    if kind is ReferenceType.ARTICLE:
        fields |= {
            "container_title": draw(journal),
            "volume": draw(count),
            "issue": draw(st.one_of(st.none(), count)),
            "pages": draw(number_range),
        }
    else:
        fields |= {"places": (draw(place),), "publisher": draw(publisher)}
    if kind is ReferenceType.BOOK and draw(st.booleans()):
        fields["persons"] = tuple(p.model_copy(update={"role": Role.EDITOR}) for p in people)
    elif kind is ReferenceType.CHAPTER:
        editors = draw(vancouver_people)
        fields["persons"] = (*people, *(p.model_copy(update={"role": Role.EDITOR}) for p in editors))
        fields |= {"container_title": draw(latin_title), "pages": draw(number_range)}
    return _languages(Reference.model_validate(fields), noted=False)


#: Every family's references, with the style that prints them.
family_references = st.one_of(
    st.tuples(st.just("references"), references_style()),
    st.tuples(st.just("gost"), gost_style()),
    st.tuples(st.just("vancouver"), vancouver_style()),
)
__all__ = ["family_references", "gost_style", "references_style", "vancouver_style", "year_date"]
