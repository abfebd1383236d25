"""Word lists the layout rules consult: places, state abbreviations, months, seasons.

The grammar's own lexicons (abbreviations, markers) live in ``grammars/lexicon.lark``.
"""

from __future__ import annotations

import re


def _entries(block: str) -> frozenset[str]:
    """One entry per ';'-separated item, white space trimmed."""
    return frozenset(item.strip() for item in block.replace("\n", ";").split(";") if item.strip())


#: Publishing places as printed in reference lists, with the standard abbreviations of
#: Russian lists (M. = Moscow, L. = London/Leningrad, SPb. = St Petersburg).
PLACES: frozenset[str] = _entries(
    """
    Moscow; Moskow; Moskva; M.; SPb.; St. Petersburg; Saint Petersburg; Leningrad; L.; Kiev; Kyiv;
    Minsk; Novosibirsk; Ekaterinburg; Yekaterinburg; Kazan; Tomsk; Obninsk; Nizhny Novgorod;
    Rostov-on-Don; Samara; Saratov; Voronezh; Irkutsk; Krasnoyarsk; Perm; Omsk; Chelyabinsk; Ufa;
    Vladivostok; Dubna; Sarov; Tashkent; Almaty; Riga; Vilnius; Tallinn; Warsaw; Prague; Vienna;
    Berlin; Munich; Hamburg; Frankfurt; Leipzig; Paris; Lyon; Rome; Milan; Madrid; Barcelona;
    Amsterdam; Leiden; Brussels; Geneva; Zurich; Basel; Stockholm; Oslo; Copenhagen; Helsinki;
    London; Oxford; Cambridge; Edinburgh; Manchester; Dublin; New York; NY; N. Y.; NYC; Washington;
    Boston; Chicago; Philadelphia; Baltimore; Princeton; New Haven; Stanford; Berkeley; Los Angeles;
    San Francisco; San Diego; Seattle; Toronto; Montreal; Ottawa; Vancouver; Sydney; Melbourne;
    Canberra; Tokyo; Beijing; Shanghai; Seoul; Singapore; Hong Kong; Delhi; New Delhi; Jerusalem;
    Tel Aviv; Amherst; Ithaca; Lanham; Westport; Bloomington; Santa Barbara; Santa Monica; Boulder;
    Middletown; New Brunswick; Armonk; Abingdon; Basingstoke; Houndmills; Heidelberg; Dordrecht;
    Cham; Hoboken; Chichester; Oak Ridge; Argonne; Idaho Falls; Richland; Karlsruhe; Vienna
    """
)

#: Country and state abbreviations that follow a place ("Cambridge, MA", "Washington, D. C.").
REGIONS: frozenset[str] = _entries(
    """
    DC; D. C.; D.C.; MA; Mass.; CT; Conn.; NJ; N. J.; CA; Calif.; IL; Ill.; MD; Md.; NC; N. C.;
    PA; Pa.; TX; VA; Va.; WA; CO; Colo.; MI; Mich.; MN; OH; IN; NY; N. Y.; TN; Tenn.; UK; U.K.;
    USA; U.S.A.; Russia; England; Germany; France; Switzerland; the Netherlands; Netherlands
    """
)

#: English month names and their abbreviations, to month numbers.
MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        [
            ("January", "Jan"),
            ("February", "Feb"),
            ("March", "Mar"),
            ("April", "Apr"),
            ("May",),
            ("June", "Jun"),
            ("July", "Jul"),
            ("August", "Aug"),
            ("September", "Sep", "Sept"),
            ("October", "Oct"),
            ("November", "Nov"),
            ("December", "Dec"),
        ],
        start=1,
    )
    for name in names
}

#: Seasons as printed in journal issues ("Vol. 2. Winter. No. 4").
SEASONS: frozenset[str] = frozenset({"Winter", "Spring", "Summer", "Autumn", "Fall"})

#: Languages named in "(in Russian)"-style notes, to BCP 47 codes.
LANGUAGE_NOTES: dict[str, str] = {
    "Russian": "ru",
    "Russ.": "ru",
    "English": "en",
    "Engl.": "en",
    "Ukrainian": "uk",
    "Ukr.": "uk",
    "Belarusian": "be",
    "Kazakh": "kk",
    "German": "de",
    "French": "fr",
    "Chinese": "zh",
}

#: Cyrillic letters that look like Latin ones, mapped to the Latin letter.
HOMOGLYPHS: dict[str, str] = {
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C",
    "Т": "T", "Х": "X", "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x",
    "І": "I", "і": "i", "Ј": "J", "ј": "j", "Ѕ": "S", "ѕ": "s",
}  # fmt: skip

#: A sentence starting with one of these continues the journal name before it
#: ("Voprosy Atomnoi Nauki i Tekhniki. Ser. Fizika Yadernykh Reaktorov").
CONTAINER_CONTINUATIONS: tuple[str, ...] = ("Ser.", "Seriya", "Series", "Serie", "Section", "Sect.", "Ser ")

#: Journal names printed as two sentences whose first one names a family of journals
#: ("Izvestiya vuzov. Yadernaya Energetika"), in any of their transliterations
#: ("Izvestia Vysshikh Uchebnykh Zawedeniy", "Izv. vysshih uchebnyh zavedenij"); case-insensitive.
CONTAINER_FAMILY = re.compile(
    r"izv(?:estiy?a|\.)?\s+(?:vuzov|vyss?h\w*\s+uchebn\w*\s+za[vw]eden\w*)"
    r"|voprosy\s+atomn\w*\s+nauki\s+i\s+te(?:k?h|ch)niki"
    r"|vestnik",
    re.IGNORECASE,
)

#: Combining forms written solid with the next word, so a hyphen after them at a line end is
#: hyphenation ("teplo-nositel’" is теплоноситель), transliterated Russian and English.
SOLID_PREFIXES: frozenset[str] = _entries(
    """
    teplo; termo; odno; dvukh; trekh; mnogo; vodo; energo; paro; gidro; elektro; radio; avto; mezh;
    sverkh; polu; samo; vysoko; nizko; malo; bystro; gazo; nefte; metallo; yadro; jadro; teplovo;
    mikro; makro; nano; mega; giga; kilo; avia; aero; bio; geo; foto; kino; video; audio; tele;
    infra; super; kvazi; psevdo; anti; neo; mono; poli; vibro; agro; pod; nad; pere; pred; trans;
    thermo; electro; sub; un; re; pre; over; under
    """
)

#: Short words that mark a Latin title as English or as transliterated Russian.
ENGLISH_FUNCTION_WORDS: frozenset[str] = frozenset(
    "the of and in on for with to from by at an a as its is are into under over between using".split()
)
TRANSLIT_FUNCTION_WORDS: frozenset[str] = frozenset(
    "v i s k o na po dlya dlja pri ot iz do so ob ili kak ego eye ikh ih pod nad bez vo za ko".split()
)
#: Word endings frequent in transliterated Russian and rare in English.
TRANSLIT_ENDINGS: tuple[str, ...] = (
    "ogo", "ego", "nyh", "nykh", "ykh", "ikh", "iya", "ija", "aya", "aja", "nyi", "nyj", "nyy", "skii",
    "skij", "skiy", "ost’", "ost'", "osti", "eniya", "enija", "eniе", "ovaniya", "yami", "ami", "oi", "oj",
    "ei", "ej", "uyu", "uju", "ym", "om", "ov", "ev", "yh", "ih", "ie", "ye", "yi", "ok",
)  # fmt: skip

#: Chemical element symbols, kept Latin in a Cyrillic title when they touch a number
#: ("<sup>232</sup>Th", "44,5%Pb-55,5%Bi").
CHEMICAL_ELEMENTS: frozenset[str] = frozenset(
    """
    H He Li Be B C N O F Ne Na Mg Al Si P S Cl Ar K Ca Sc Ti V Cr Mn Fe Co Ni Cu Zn Ga Ge As Se Br
    Kr Rb Sr Y Zr Nb Mo Tc Ru Rh Pd Ag Cd In Sn Sb Te I Xe Cs Ba La Ce Pr Nd Pm Sm Eu Gd Tb Dy Ho
    Er Tm Yb Lu Hf Ta W Re Os Ir Pt Au Hg Tl Pb Bi Po At Rn Fr Ra Ac Th Pa U Np Pu Am Cm Bk Cf Es
    """.split()
)
#: English function words no transliteration of a Russian word gives ("to", "on", "by" can be
#: "то", "он", "бы"); a Russian title keeps them Latin.
ENGLISH_ONLY_WORDS: frozenset[str] = frozenset("the of and for with from into using between".split())
#: Latin abbreviations a Russian title keeps as printed.
LATIN_ABBREVIATIONS: frozenset[str] = frozenset({"vs", "etc", "et", "al", "ibid", "op", "cit", "ed", "eds", "proc"})
