"""Style families: unseen references of every construct each family prints, lists read as lists,
and the dev corpus measured against its hand-annotated gold (both lists of each article)."""

from __future__ import annotations

from typing import Any
from unittest import mock

import pytest
from hypothesis import given
from hypothesis import strategies as st

from translit_refs import (
    ReferenceType,
    Role,
    StyleFamily,
    parse_list,
    parse_reference,
    parse_references,
    to_csl_json,
)
from translit_refs.families import family_for_entry
from translit_refs.parsing import parser

from conftest import load_jsonl
from gold import checks, same, wrong_fields

# ---- unseen variants, one list per family -------------------------------------------------------

REFERENCES_STYLE: list[tuple[str, str, dict[str, Any]]] = [
    (
        "article, vol., no., pp., DOI, In Russ.",
        "Orlov A.B., Kim S.V., Petrova N.N. Raschet teplovyh poter' v konture [Calculating heat losses in the "
        "loop]. Teploenergetika, 2017, vol. 64, no. 7, pp. 33–41. DOI: 10.1134/S0040363617070072 (In Russ.)",
        {"type": "article-journal", "container-title": "Teploenergetika", "volume": "64", "issue": "7",
         "page": "33–41", "DOI": "10.1134/S0040363617070072", "language": "ru",
         "issued": {"date-parts": [[2017]]},
         "custom": {"translated-title": "Calculating heat losses in the loop"},
         "author": [{"family": "Orlov", "given": "A.B."}, {"family": "Kim", "given": "S.V."},
                    {"family": "Petrova", "given": "N.N."}]},
    ),
    (
        "English title of a Russian work",
        "Sokolov V.V. Fast Reactor Fuel Cycles and their Economics. Atomnaya Energiya. 2009, v. 51, no. 2, "
        "pp. 12-20 (in Russian).",
        {"type": "article-journal", "language": "ru", "container-title": "Atomnaya Energiya", "volume": "51",
         "title": "Fast Reactor Fuel Cycles and their Economics"},
    ),
    (
        "book with Publ.",
        "Zaitsev P.A. Dinamika yadernyh reaktorov [Dynamics of nuclear reactors]. Moscow, Energoatomizdat "
        "Publ., 1991. 212 p.",
        {"type": "book", "publisher-place": "Moscow", "publisher": "Energoatomizdat", "number-of-pages": "212",
         "issued": {"date-parts": [[1991]]}, "language": "ru"},
    ),
    (
        "book, place and publisher as sentences",
        "Morozova E.S. Teoriya perenosa izlucheniya [Radiation transport theory]. Novosibirsk. Nauka Publ., "
        "2003. 95 p. (in Russian)",
        {"type": "book", "publisher-place": "Novosibirsk", "publisher": "Nauka", "number-of-pages": "95"},
    ),
    (
        "web page with access date",
        "Itogi goda [Results of the year]. Available at: https://www.example.ru/news/2019/itogi "
        "(accessed 12.05.2019) (in Russian).",
        {"type": "webpage", "URL": "https://www.example.ru/news/2019/itogi",
         "accessed": {"date-parts": [[2019, 5, 12]]}, "language": "ru", "title": "Itogi goda"},
    ),
    (
        "conference proceedings (Trudy … konferentsii)",
        "Belov K.K. Modelirovanie kipeniya [Boiling simulation]. Trudy Vserossiiskoi konferentsii «Teplofizika "
        "2015» [Proc. of the All-Russian Conf. «Thermal Physics 2015»]. Obninsk, 2015, pp. 10-14 (in Russian).",
        {"type": "paper-conference", "container-title": "Trudy Vserossiiskoi konferentsii «Teplofizika 2015»",
         "page": "10-14", "publisher-place": "Obninsk",
         "custom": {"translated-container-title": "Proc. of the All-Russian Conf. «Thermal Physics 2015»"}},
    ),
    (
        "conference proceedings (Proc. of) with event place and dates",
        "Lee H., Park J. Coolant Void Worth in Small Cores. Proc. of the Int. Conf. on Physics of Reactors. "
        "Kyoto, Japan, Sept. 28-Oct. 3, 2014, pp. 101-110.",
        {"type": "paper-conference", "container-title": "Proc. of the Int. Conf. on Physics of Reactors",
         "issued": {"date-parts": [[2014, 9, 28]]}, "page": "101-110"},
    ),
    (
        "preprint with its number",
        "Titov D.E. Otsenka neopredelennostei [Uncertainty estimation]. Preprint FEI-3012. Obninsk, 2006. 18 p.",
        {"type": "report", "genre": "Preprint", "number": "FEI-3012", "publisher-place": "Obninsk",
         "number-of-pages": "18"},
    ),
    (
        "IAEA TECDOC",
        "Safety of Research Reactors. IAEA-TECDOC-1894. Vienna, IAEA, 2019. 60 p.",
        {"type": "report", "number": "IAEA-TECDOC-1894", "title": "Safety of Research Reactors",
         "publisher": "IAEA"},
    ),
    (
        "thesis, Cand. Sci. (Eng.) diss.",
        "Gromova L.P. Ustoichivost' techeniya v kanalakh [Flow stability in channels]. Cand. Sci. (Eng.) diss. "
        "Moscow, 2012. 140 p.",
        {"type": "thesis", "genre": "Cand. Sci. (Eng.) diss.", "publisher-place": "Moscow",
         "number-of-pages": "140", "title": "Ustoichivost' techeniya v kanalakh"},
    ),
    (
        "patent",
        "Osipov R.R., Frolov A.A. Sposob kontrolya germetichnosti [A leak testing method]. Patent RF, no. "
        "2534410, 2014.",
        {"type": "patent", "number": "2534410", "issued": {"date-parts": [[2014]]}},
    ),
    (
        "standard, GOST R",
        "GOST R 52931-2008. Pribory kontrolya i regulirovaniya [Control and regulation devices]. Moscow, "
        "Standartinform Publ., 2009. 22 p.",
        {"type": "standard", "number": "GOST R 52931-2008", "publisher": "Standartinform",
         "title": "Pribory kontrolya i regulirovaniya"},
    ),
    (
        "standard, SanPiN",
        "SanPiN 2.6.1.1192-03. Gigienicheskie trebovaniya [Hygienic requirements]. Moscow, Minzdrav Publ., 2003.",
        {"type": "standard", "number": "SanPiN 2.6.1.1192-03", "publisher-place": "Moscow"},
    ),
    (
        "Elektronnyj resurs is a medium",
        "Nikitin O.I. Kalendar' sobytii [Calendar of events] [Elektronnyj resurs]. Available at: "
        "https://example.org/kalendar (accessed 01.03.2021).",
        {"type": "webpage", "medium": "Elektronnyj resurs",
         "custom": {"translated-title": "Calendar of events"}},
    ),
    (
        "journal family with a series, data obrashcheniya",
        "Fomin S.S. Raschet reaktivnosti [Reactivity calculation]. Voprosy atomnoi nauki i tekhniki. Ser. "
        "Fizika yadernyh reaktorov, 2020, no. 4, pp. 5-9 (data obrashcheniya 03.04.2021).",
        {"container-title": "Voprosy atomnoi nauki i tekhniki. Ser. Fizika yadernyh reaktorov", "issue": "4",
         "accessed": {"date-parts": [[2021, 4, 3]]}},
    ),
]  # fmt: skip

REFERENCES_MORE: list[tuple[str, str, dict[str, Any]]] = [
    (
        "chapter: In: editors (ed.)",
        "Fomin R.R. Reaktory BREST [BREST reactors]. In: Galkin S.S., Kurov A.A. (eds.) Yadernaya energetika "
        "XXI veka [Nuclear power of the 21st century]. Moscow, Nauka Publ., 2006, pp. 210–233. (In Russ.)",
        {"type": "chapter", "container-title": "Yadernaya energetika XXI veka", "page": "210–233",
         "editor": [{"family": "Galkin", "given": "S.S."}, {"family": "Kurov", "given": "A.A."}]},
    ),
    (
        "a newspaper article: day and month, no volume",
        "Zorin A.P. Atom i klimat [Atom and climate]. Rossiiskaya gazeta, 2019, 14 May, no. 101. (In Russ.)",
        {"type": "article-newspaper", "container-title": "Rossiiskaya gazeta",
         "issued": {"date-parts": [[2019, 5, 14]]}},
    ),
    (
        "in V volumes: V 3 t.",
        "Istoriya atomnogo proekta [History of the atomic project]. V 3 t. T. 2. Moscow, IzdAt Publ., 2002. 400 p.",
        {"number-of-volumes": "3", "volume": "2", "number-of-pages": "400"},
    ),
    (
        "a page count without its period, a place with its region",
        "Todreas N.E., Kazimi M.S. Nuclear Systems. Boca Raton, Florida. Taylor & Francis Publ., 2011. 1006 p",
        {"type": "book", "publisher-place": "Boca Raton, Florida", "number-of-pages": "1006",
         "issued": {"date-parts": [[2011]]}},
    ),
    (
        "an editor after the volume: Name (ed.)",
        "Sobranie dokumentov [Collected documents]. Vol. 3. Orlov A.A. (ed.). Moscow, Nauka Publ., 1999. 320 p.",
        {"editor": [{"family": "Orlov", "given": "A.A."}], "volume": "3", "publisher": "Nauka"},
    ),
    (
        "a title's standard designation in parentheses",
        "Pravila yadernoi bezopasnosti reaktornykh ustanovok (NP-082-07) [Nuclear safety rules]. Moscow, "
        "NTC YaRB Publ., 2008. 28 p.",
        {"type": "standard", "number": "NP-082-07", "title": "Pravila yadernoi bezopasnosti reaktornykh ustanovok"},
    ),
    (
        "a joint imprint of two towns",
        "Lemekhov V.V. Toplivo [Fuel]. Trudy konferentsii [Proceedings of the conference]. Obninsk-Moscow, 2014, "
        "vol. 1, pp. 5-9.",
        {"publisher-place": "Obninsk-Moscow"},
    ),
]  # fmt: skip

#: Lists that print a label before each entry, as linguistics journals do ("Apresjan 1995 — …").
LABELLED: list[tuple[str, str, dict[str, Any]]] = [
    (
        "a label with the year, then the entry",
        "Plungian 2011 — Plungian V. A. Tipologiya glagol'nykh kategorii [Typology of verbal categories]. "
        "Moscow: RGGU Publ., 2011. 672 p.",
        {"citation-label": "Plungian 2011", "author": [{"family": "Plungian", "given": "V. A."}],
         "title": "Tipologiya glagol'nykh kategorii", "publisher": "RGGU", "issued": {"date-parts": [[2011]]}},
    ),
    (
        "a label of two authors with a letter after the year",
        "Kibrik, Plungian 2002a — Kibrik A. E., Plungian V. A. Morfologiya [Morphology]. Voprosy jazykoznanija. "
        "2002. No. 4. Pp. 12–30.",
        {"citation-label": "Kibrik, Plungian 2002a", "container-title": "Voprosy jazykoznanija", "issue": "4",
         "page": "12–30"},
    ),
    (
        "an abbreviation and its years as the label, a dictionary in volumes with Roman numbers",
        "SRNG 1969 — Slovar' russkikh narodnykh govorov [Dictionary of Russian folk dialects]. Vol. IV. Leningrad: "
        "Nauka, 1969.",
        {"citation-label": "SRNG 1969", "volume": "IV", "title": "Slovar' russkikh narodnykh govorov",
         "publisher": "Nauka"},
    ),
    (
        "no label without a year: a title with a dash",
        "SALOME – The Open Source Integration Platform for Numerical Simulation. Available at: "
        "https://www.salome-platform.org (accessed 01.02.2020).",
        {"title": "SALOME – The Open Source Integration Platform for Numerical Simulation"},
    ),
    (
        "an abstract of a candidate's dissertation, words in the other order",
        "Belova 2010 — Belova O. V. Semantika glagolov dvizheniya. Avtoref. kand. diss. Moscow, 2010.",
        {"type": "thesis", "title": "Semantika glagolov dvizheniya", "issued": {"date-parts": [[2010]]}},
    ),
]  # fmt: skip

MORE_CONSTRUCTS: list[tuple[str, str, dict[str, Any]]] = [
    (
        "author-date: editors in parentheses without a period, a collection before them",
        "Pearce J.A., Cann J.R. (1973) Tectonic setting of basic volcanic rocks. Igneous Petrology. "
        "(Eds B. Smith, C. Jones). London, Springer, 120 p.",
        {"editor": [{"family": "Smith", "given": "B."}, {"family": "Jones", "given": "C."}],
         "issued": {"date-parts": [[1973]]}},
    ),
    (
        "author-date: ISO abbreviations in a journal's name",
        "Rudnick R.L., Gao S. (2003) Composition of the continental crust. Geochim. Cosmochim. Acta, 67(5), "
        "1000-1010.",
        {"container-title": "Geochim. Cosmochim. Acta", "volume": "67", "issue": "5", "page": "1000-1010",
         "title": "Composition of the continental crust"},
    ),
    (
        "a doctoral dissertation with its field abbreviated in several words",
        "Petrov K.K. (2012) Granity Urala [Granites of the Urals]. Dr. geol. and min. sci. diss. Ekaterinburg, "
        "420 p. (In Russ.)",
        {"type": "thesis", "genre": "Dr. geol. and min. sci. diss."},
    ),
    (
        "a thesis named in brackets",
        "Lebedeva T.N. Pedagogicheskie usloviya [Pedagogical conditions] [Cand.Sci. (Ped.) thesis]. Kazan, 2015. "
        "190 p.",
        {"type": "thesis", "custom": {"translated-title": "Pedagogical conditions"}},
    ),
    (
        "a fund report by its title",
        "Sokolov A.A. (1988) Otchet o poiskovykh rabotakh na zolote [Report on gold prospecting]. Syktyvkar, "
        "TGF. (In Russ.)",
        {"type": "report", "title": "Otchet o poiskovykh rabotakh na zolote"},
    ),
    (
        "a standard's designation, then its date, then its title",
        "GOST 17.1.3.07-82. (1982) Okhrana prirody. Gidrosfera [Nature protection. Hydrosphere]. Moscow, "
        "Standartinform Publ., 12 p.",
        {"type": "standard", "number": "GOST 17.1.3.07-82", "title": "Okhrana prirody. Gidrosfera"},
    ),
    (
        "an organisation's acronym before the date in parentheses",
        "UNESCO. (2017). Education for Sustainable Development Goals. Paris: UNESCO.",
        {"author": [{"literal": "UNESCO"}], "title": "Education for Sustainable Development Goals"},
    ),
    (
        "Cyrillic archive with commas and lowercase",
        "РГВА. Ф. 4, оп. 14, д. 223, л. 8–11.",
        {"type": "manuscript", "archive": "РГВА", "archive_location": "Ф. 4, оп. 14, д. 223, л. 8–11"},
    ),
    (
        "Cyrillic editors in a second statement after a semicolon",
        "Очерки истории Урала / А.А. Иванов, Б.Б. Петров ; под ред. В.В. Сидорова. – Екатеринбург : УрО РАН, "
        "2008. – 350 с.",
        {"editor": [{"family": "Сидорова", "given": "В.В."}],
         "author": [{"family": "Иванов", "given": "А.А."}, {"family": "Петров", "given": "Б.Б."}]},
    ),
    (
        "Vancouver newspaper date",
        "Orlova N. Schools go online. Izvestiya. 2020 Apr 3. (In Russ.)",
        {"container-title": "Izvestiya", "issued": {"date-parts": [[2020, 4, 3]]}, "title": "Schools go online"},
    ),
]  # fmt: skip

GOST_STYLE: list[tuple[str, str, dict[str, Any]]] = [
    (
        "Latin GOST article with //, – and the authors repeated, with a co-author",
        "Orlov A.B. Heat transfer in rod bundles / A.B. Orlov, S.V. Kim // Nuclear Engineering. – 2001. – "
        "Vol. 3, No. 2. – P. 5–17.",
        {"type": "article-journal", "container-title": "Nuclear Engineering", "volume": "3", "issue": "2",
         "page": "5–17", "issued": {"date-parts": [[2001]]}, "title": "Heat transfer in rod bundles",
         "author": [{"family": "Orlov", "given": "A.B."}, {"family": "Kim", "given": "S.V."}]},
    ),
    (
        "Cyrillic article, Т., Вып., С.",
        "Кузнецов И.А. Теплообмен при кипении // Теплоэнергетика. – 2009. – Т. 78. – Вып. 6. – С. 396–400.",
        {"type": "article-journal", "container-title": "Теплоэнергетика", "volume": "78", "issue": "6",
         "page": "396–400", "language": "ru", "author": [{"family": "Кузнецов", "given": "И.А."}]},
    ),
    (
        "Cyrillic article, № and a spaced dash before the volume",
        "Сидорова Е.В., Панов Д.Д. Моделирование потоков // Известия вузов. Ядерная энергетика. – 2014 – "
        "Т. 12 – № 3. – С. 50–58.",
        {"container-title": "Известия вузов. Ядерная энергетика", "volume": "12", "issue": "3",
         "issued": {"date-parts": [[2014]]}},
    ),
    (
        "Cyrillic book, М.: publisher",
        "Гусев Н.Г. Защита от излучения. – М.: Атомиздат, 1980. – 461 с.",
        {"type": "book", "publisher-place": "М.", "publisher": "Атомиздат", "number-of-pages": "461",
         "issued": {"date-parts": [[1980]]}},
    ),
    (
        "Cyrillic book edited, / под ред.",
        "Справочник по теплофизике / под ред. В.И. Смирнова. – СПб.: Наука, 2005. – 320 с.",
        {"type": "book", "editor": [{"family": "Смирнова", "given": "В.И."}], "publisher-place": "СПб.",
         "publisher": "Наука"},
    ),
    (
        "Cyrillic web resource",
        "Годовой отчет 2020 [Электронный ресурс]. – URL: https://example.ru/report2020.pdf "
        "(дата обращения: 12.05.2021).",
        {"type": "webpage", "medium": "Электронный ресурс", "URL": "https://example.ru/report2020.pdf",
         "accessed": {"date-parts": [[2021, 5, 12]]}},
    ),
    (
        "transliterated GOST, M.: Nauka and Elektronnyj resurs",
        "Petrov P.P. Yadernye reaktory. – M.: Nauka, 1985. – 384 s.",
        {"type": "book", "publisher-place": "M.", "publisher": "Nauka", "number-of-pages": "384"},
    ),
    (
        "Cyrillic et al. (и др.)",
        "Иванов И.И., Петров П.П. и др. Расчет реактора // Атомная энергия. – 2010. – Т. 108, № 4. – С. 1–9.",
        {"author": [{"family": "Иванов", "given": "И.И."}, {"family": "Петров", "given": "П.П."}],
         "volume": "108", "issue": "4"},
    ),
    (
        "Cyrillic proceedings",
        "Орлова Т.А. Оценка риска // Материалы конференции «Безопасность АЭС». – Обнинск, 2011. – С. 44–47.",
        {"type": "paper-conference", "container-title": "Материалы конференции «Безопасность АЭС»",
         "publisher-place": "Обнинск", "page": "44–47"},
    ),
    (
        "Cyrillic preprint",
        "Юрьев Ю.С. Тестовые задачи: Препринт № 2500. – Обнинск: ФЭИ, 1996. – 30 с.",
        {"type": "report", "genre": "Препринт", "number": "2500", "publisher": "ФЭИ"},
    ),
    (
        "Cyrillic dissertation",
        "Смирнов А.В. Методы расчета : дис. … канд. техн. наук. – М., 2004. – 150 с.",
        {"type": "thesis", "title": "Методы расчета", "number-of-pages": "150"},
    ),
    (
        "Cyrillic standard",
        "ГОСТ Р 7.0.5-2008. Библиографическая ссылка. – М.: Стандартинформ, 2008. – 19 с.",
        {"type": "standard", "number": "ГОСТ Р 7.0.5-2008", "title": "Библиографическая ссылка"},
    ),
    (
        "Cyrillic co-authors after the slash",
        "Лебедев П.С. Кипение натрия / П.С. Лебедев, О.И. Крылова, Н.А. Зуев // Атомная энергия. – 2018. – "
        "Т. 124, № 2. – С. 71–78.",
        {"type": "article-journal", "author": [{"family": "Лебедев", "given": "П.С."},
         {"family": "Крылова", "given": "О.И."}, {"family": "Зуев", "given": "Н.А."}]},
    ),
    (
        "Cyrillic chapter of a multi-volume collection, отв. ред.",
        "Громов А.Н. Реакторы на быстрых нейтронах // Атомная отрасль России : очерки. В 2 т. Т. 2 / отв. ред. "
        "В.В. Осипов. – М.: Энергоатомиздат, 2012. – С. 100–140.",
        {"type": "chapter", "editor": [{"family": "Осипов", "given": "В.В."}], "publisher": "Энергоатомиздат",
         "page": "100–140"},
    ),
    (
        "Cyrillic doctoral dissertation, д-ра without a period",
        "Зайцева Л.М. Теплогидравлика активной зоны : дис. ... д-ра техн. наук : 05.14.03. – Обнинск, 2010. – "
        "312 с.",
        {"type": "thesis", "title": "Теплогидравлика активной зоны", "number-of-pages": "312"},
    ),
    (
        "Cyrillic patent: country and classification, опубл.",
        "Пат. 2601234 Российская Федерация, МПК G21C 17/00. Устройство контроля течи / Ушаков В.Д. ; "
        "заявитель АО «ГНЦ РФ – ФЭИ». – № 2015112345/07 ; заявл. 03.04.2015 ; опубл. 27.10.2016, Бюл. № 30.",
        {"type": "patent", "number": "2601234", "title": "Устройство контроля течи",
         "issued": {"date-parts": [[2016, 10, 27]]}, "author": [{"family": "Ушаков", "given": "В.Д."}]},
    ),
    (
        "Cyrillic archival signature",
        "РГАЭ. Ф. 4372. Оп. 65. Д. 210. Л. 3–5 об.",
        {"archive": "РГАЭ", "archive_location": "Ф. 4372. Оп. 65. Д. 210. Л. 3–5 об"},
    ),
    (
        "Cyrillic newspaper issue with an abbreviated month",
        "Ершов К. Новый энергоблок // Известия. – 2015. – 3 дек. – С. 4.",
        {"type": "article-newspaper", "container-title": "Известия", "issued": {"date-parts": [[2015, 12, 3]]}},
    ),
]  # fmt: skip

VANCOUVER_AND_APA: list[tuple[str, str, dict[str, Any]]] = [
    (
        "Vancouver article",
        "Smith JA, Brown KL. Neutron noise analysis. Ann Nucl Energy. 2012;45(3):101-9.",
        {"type": "article-journal", "volume": "45", "issue": "3", "page": "101-9",
         "issued": {"date-parts": [[2012]]},
         "author": [{"family": "Smith", "given": "JA"}, {"family": "Brown", "given": "KL"}]},
    ),
    (
        "Vancouver article with month",
        "Garcia M, Lopez R. Decay heat. Nucl Technol. 2019 Mar;205(2):300-12.",
        {"volume": "205", "issue": "2", "issued": {"date-parts": [[2019, 3]]}},  # the month kept
    ),
    (
        "APA article",
        "Weber, T., & Klein, S. (2018). Sodium boiling in rod bundles. Nuclear Engineering and Design, 330(2), "
        "210–222.",
        {"type": "article-journal", "container-title": "Nuclear Engineering and Design", "volume": "330",
         "issue": "2", "page": "210–222", "issued": {"date-parts": [[2018]]}},
    ),
    (
        "APA book",
        "Lamarsh, J. R. (1983). Introduction to Nuclear Engineering. Reading, Addison-Wesley. 626 p.",
        {"type": "book", "publisher-place": "Reading", "publisher": "Addison-Wesley"},
    ),
    (
        "Vancouver initials with transliterated digraphs, a question in the title",
        "Orlova NYu, Zhukov AKh, Lis PP. Is cavitation inevitable? Teploenergetika. 2014;61(8):44-50. (In Russ.)",
        {"type": "article-journal", "title": "Is cavitation inevitable?", "container-title": "Teploenergetika",
         "volume": "61", "issue": "8", "page": "44-50", "language": "ru",
         "author": [{"family": "Orlova", "given": "NYu"}, {"family": "Zhukov", "given": "AKh"},
                    {"family": "Lis", "given": "PP"}]},
    ),
    (
        "Vancouver book: Place: Publisher; Year, and editors with eds.",
        "Baranov VA, Frolova TS, eds. Sodium Coolant Technology. 2nd ed. Obninsk: IPPE; 2015.",
        {"type": "book", "title": "Sodium Coolant Technology", "publisher-place": "Obninsk",
         "publisher": "IPPE", "issued": {"date-parts": [[2015]]}, "edition": "2",
         "editor": [{"family": "Baranov", "given": "VA"}, {"family": "Frolova", "given": "TS"}]},
    ),
    (
        "Vancouver chapter: In: editors, ed.; Year:pages",
        "Kim JH. Corrosion of steels in lead. In: Fazio C, ed. Heavy Liquid Metal Handbook. Paris: OECD; "
        "2007:235-270.",
        {"type": "chapter", "container-title": "Heavy Liquid Metal Handbook", "publisher-place": "Paris",
         "publisher": "OECD", "issued": {"date-parts": [[2007]]}, "page": "235-270",
         "editor": [{"family": "Fazio", "given": "C"}], "author": [{"family": "Kim", "given": "JH"}]},
    ),
    (
        "Vancouver issue without a volume, the journal's period dropped",
        "Petrov IV. Neutron flux monitoring. Atomn Energ. 2018;(4):12-19.",
        {"container-title": "Atomn Energ", "issue": "4", "page": "12-19", "issued": {"date-parts": [[2018]]}},
    ),
    (
        "Vancouver web page: [cited …], Accessed …",
        "World Nuclear Association. Fast Neutron Reactors. London: WNA; 2021 [cited 2023 Feb 7]. "
        "Available from: https://world-nuclear.org/fast-reactors",
        {"URL": "https://world-nuclear.org/fast-reactors", "accessed": {"date-parts": [[2023, 2, 7]]},
         "publisher": "WNA"},
    ),
    (
        "APA issue without a volume; a date with its month and day",
        "Sidorova, E. A. (2020, October 5). Reaktory novogo pokoleniya [New generation reactors]. "
        "Atomnaya strategiya, (9), 14–19.",
        {"type": "article-journal", "container-title": "Atomnaya strategiya", "issue": "9", "page": "14–19",
         "issued": {"date-parts": [[2020, 10, 5]]}},
    ),
    (
        "APA organisation as author, (n.d.), Retrieved … from",
        "Rosatom State Corporation. (n.d.). Godovoi otchet [Annual report]. Retrieved June 3, 2022, from "
        "https://rosatom.ru/report",
        {"author": [{"literal": "Rosatom State Corporation"}], "title": "Godovoi otchet",
         "accessed": {"date-parts": [[2022, 6, 3]]}, "URL": "https://rosatom.ru/report"},
    ),
    (
        "APA chapter: In Editor (Ed.), Book (pp. …), and an edition in parentheses",
        "Novak, P. (2009). Thermal fatigue. In R. Bauer & L. Stone (Eds.), Reactor Materials (2nd ed., "
        "pp. 45–78). Springer.",
        {"type": "chapter", "container-title": "Reactor Materials", "page": "45–78", "edition": "2",
         "editor": [{"family": "Bauer", "given": "R."}, {"family": "Stone", "given": "L."}]},
    ),
    (
        "APA book with its edition in parentheses",
        "Glasstone, S., & Sesonske, A. (1994). Nuclear Reactor Engineering (4th ed.). New York, NY: Chapman & Hall.",
        {"type": "book", "title": "Nuclear Reactor Engineering", "edition": "4", "publisher": "Chapman & Hall"},
    ),
    (
        "APA report number and thesis in parentheses",
        "Markov, D. S. (2017). Modelirovanie teplobmena [Heat transfer modelling] (Doctoral dissertation, "
        "Tomsk Polytechnic University).",
        {"type": "thesis", "genre": "Doctoral dissertation", "publisher": "Tomsk Polytechnic University"},
    ),
    (
        "APA working paper",
        "Belov, K., & Gusev, M. (2015). Energy prices and growth (Working Paper No. BRP 17/EC/2015). HSE.",
        {"type": "report", "number": "BRP 17/EC/2015"},
    ),
]  # fmt: skip

NAMES: list[tuple[str, str, dict[str, Any]]] = [
    (
        "a long Family I.I. list",
        "Ivanov A.A., Petrov B.B., Sidorov C.C., Orlov D.D., Kim E.E., Lee F.F., Roe G.G., Doe H.H., Fox I.I. "
        "Title of the study. Atomic Energy, 2010, vol. 1, pp. 1-2.",
        {"author": [{"family": f, "given": g} for f, g in [("Ivanov", "A.A."), ("Petrov", "B.B."),
                    ("Sidorov", "C.C."), ("Orlov", "D.D."), ("Kim", "E.E."), ("Lee", "F.F."), ("Roe", "G.G."),
                    ("Doe", "H.H."), ("Fox", "I.I.")]]},
    ),
    (
        "eLibrary capital digraphs",
        "SHCHukin YU.M., CHernov ZH.A. Issledovanie potokov [Flow study]. Teploenergetika, 2011, no. 2, pp. 3-7.",
        {"author": [{"family": "SHCHukin", "given": "YU.M."}, {"family": "CHernov", "given": "ZH.A."}]},
    ),
    (
        "capitalised particles and a family name ending in an apostrophe",
        "De Vries H., Van den Berg K., Kovalev' P.P. Core design. Nuclear Technology, 2005, vol. 9, pp. 1-5.",
        {"author": [{"family": "De Vries", "given": "H."}, {"family": "Van den Berg", "given": "K."},
                    {"family": "Kovalev'", "given": "P.P."}]},
    ),
    (
        "initials glued to the next word and to the family name",
        "Larin S.V., GromovaT.I., Yakovlev P.S.Modeling of the loop. Atomic Energy, 2016, vol. 2, pp. 7-9.",
        {"author": [{"family": "Larin", "given": "S.V."}, {"family": "Gromova", "given": "T.I."},
                    {"family": "Yakovlev", "given": "P.S."}], "title": "Modeling of the loop"},
    ),
    (
        "given names first, and a particle inside",
        "Orlov A.B., K.L. Maria da Silva, J.P. Smith. Reactor noise. Progress in Nuclear Energy, 2008, "
        "vol. 50, pp. 9-11.",
        {"author": [{"family": "Orlov", "given": "A.B."}, {"family": "Maria da Silva", "given": "K.L."},
                    {"family": "Smith", "given": "J.P."}]},
    ),
    (
        "a list separated by semicolons, initials without periods",
        "Rossi M; Bianchi L; Verdi G. Thermal hydraulics. Nuclear Engineering and Design, 2019, vol. 3, "
        "pp. 1-9.",
        {"author": [{"family": "Rossi", "given": "M"}, {"family": "Bianchi", "given": "L"},
                    {"family": "Verdi", "given": "G."}]},
    ),
    (
        "i dr.",
        "Volkov A.A., Zimin B.B. i dr. Kontrol' [Control]. Atomnaya energiya, 2013, vol. 4, pp. 2-3.",
        {"author": [{"family": "Volkov", "given": "A.A."}, {"family": "Zimin", "given": "B.B."}]},
    ),
    (
        "Ed. by after the title",
        "Handbook of Sodium Technology. Ed. by P.L. Kirillov. Moscow, Energoatomizdat Publ., 1991. 400 p.",
        {"editor": [{"family": "Kirillov", "given": "P.L."}], "title": "Handbook of Sodium Technology"},
    ),
    (
        "(eds.) after the names",
        "Roe, A., Poe, B. (eds.) (2011). Collected Papers. London, Springer. 300 p.",
        {"editor": [{"family": "Roe", "given": "A."}, {"family": "Poe", "given": "B."}]},
    ),
    (
        "pod red. after the authors",
        "Kuzin A.A., Lis B.B. Pod red. Orlova V.V. Teoriya reaktorov [Reactor theory]. Moscow, Nauka Publ., "
        "1990. 200 p.",
        {"editor": [{"family": "Orlova", "given": "V.V."}],
         "author": [{"family": "Kuzin", "given": "A.A."}, {"family": "Lis", "given": "B.B."}]},
    ),
]  # fmt: skip

IDENTIFIERS: list[tuple[str, str, dict[str, Any]]] = [
    (
        "ISBN",
        "Noskov P.P. Reaktory [Reactors]. Moscow, Mir Publ., 2001. 120 p. ISBN 978-5-03-003455-2",
        {"ISBN": "978-5-03-003455-2", "type": "book"},
    ),
    (
        "report number after an institution",
        "Hall R. Criticality Data. Oak Ridge National Laboratory, ORNL-6512. 1992, 80 p.",
        {"publisher": "Oak Ridge National Laboratory", "number": "ORNL-6512"},
    ),
    (
        "access mode in parentheses",
        "Energy Outlook. Available at: https://example.com/outlook (access mode 10.10.2020).",
        {"accessed": {"date-parts": [[2020, 10, 10]]}},
    ),
]  # fmt: skip

ALL_VARIANTS = [
    *(("references", *c) for c in REFERENCES_STYLE),
    *(("references", *c) for c in REFERENCES_MORE),
    *(("gost", *c) for c in GOST_STYLE),
    *(("vancouver-apa", *c) for c in VANCOUVER_AND_APA),
    *(("names", *c) for c in NAMES),
    *(("identifiers", *c) for c in IDENTIFIERS),
    *(("labelled", *c) for c in LABELLED),
    *(("more", *c) for c in MORE_CONSTRUCTS),
]


@pytest.mark.parametrize(
    ("text", "expected"), [(t, e) for _, _, t, e in ALL_VARIANTS], ids=[f"{f}: {n}" for f, n, _, _ in ALL_VARIANTS]
)
def test_unseen_variant(text: str, expected: dict[str, Any]) -> None:
    item = to_csl_json(parse_reference(text, labeller=False))  # a family the rules read
    assert wrong_fields(expected, item) == {}


def test_every_family_has_ten_variants_or_more() -> None:
    assert len(REFERENCES_STYLE) >= 10
    assert len(GOST_STYLE) >= 10
    assert len(NAMES) >= 10
    assert len(VANCOUVER_AND_APA) >= 10


# ---- lists read as lists --------------------------------------------------------------------------


def test_a_list_is_read_in_the_family_most_of_its_entries_show() -> None:
    parsed = parse_list([text for _, text, _ in REFERENCES_STYLE])
    assert parsed.family is StyleFamily.REFERENCES
    gost = parse_list([text for _, text, _ in GOST_STYLE])
    assert gost.family is StyleFamily.GOST


def test_an_english_entry_in_another_style_keeps_its_own_family() -> None:
    texts = [text for _, text, _ in REFERENCES_STYLE[:6]] + [VANCOUVER_AND_APA[0][1]]
    parsed = parse_list(texts)
    assert parsed.family is StyleFamily.REFERENCES
    assert parsed.references[-1].style_family is StyleFamily.VANCOUVER


def test_an_entry_without_signs_takes_its_lists_family() -> None:
    """Alone, "Title. Kuchkovo pole, 2008. 448 p." shows no family; in a References list the
    sentence before the year is its publisher."""
    lonely = "Vospominaniya [Memoirs]. Kuchkovo pole, 2008. 448 p."
    assert parse_reference(lonely).publisher is None
    parsed = parse_list([text for _, text, _ in REFERENCES_STYLE[:5]] + [lonely])
    assert parsed.references[-1].style_family is StyleFamily.REFERENCES
    assert parsed.references[-1].publisher == "Kuchkovo pole"


def test_a_single_string_is_read_on_its_own_evidence() -> None:
    assert parse_reference(REFERENCES_STYLE[0][1]).style_family is StyleFamily.REFERENCES
    assert parse_reference(GOST_STYLE[1][1]).style_family is StyleFamily.GOST
    assert parse_reference(VANCOUVER_AND_APA[0][1]).style_family is StyleFamily.VANCOUVER
    assert parse_reference(VANCOUVER_AND_APA[2][1]).style_family is StyleFamily.AUTHOR_DATE


@given(
    st.lists(st.sampled_from([variant[2] for variant in ALL_VARIANTS]), min_size=1, max_size=12),
    st.integers(min_value=1, max_value=5),
)
def test_a_list_read_in_batches_is_each_entry_read_in_the_whole_lists_family(texts: list[str], batch: int) -> None:
    """Entries are finished a batch at a time in the family the list shows so far; whatever the batch,
    each ends as if the whole list had been read first."""
    with mock.patch.object(parser, "READ_BATCH", batch):
        parsed = parse_list(texts, labeller=False)
    for text, reference in zip(texts, parsed.references, strict=True):
        family = family_for_entry(parser.read_text(text).evidence, parsed.family)
        assert reference == parse_reference(text, family)


def test_reading_alone_is_reading_each_entry_on_its_own() -> None:
    texts = [text for _, text, _ in REFERENCES_STYLE + GOST_STYLE]
    assert parse_references(texts, as_list=False) == [parse_reference(t) for t in texts]


def test_publ_is_the_references_styles_mark_only() -> None:
    """ "Oneworld Publ." in an author-date list is the publisher's name; "Nauka Publ." in a References list
    is "Nauka" and the style's mark."""
    seed_like = parse_reference("Pembroke, M. (2018). Korea. L., Oneworld Publ. 336 p.")
    assert seed_like.publisher == "Oneworld Publ."
    assert parse_reference(REFERENCES_STYLE[2][1]).publisher == "Energoatomizdat"


def test_language_is_the_works_and_the_printed_title_has_its_own() -> None:
    reference = parse_reference(REFERENCES_STYLE[1][1])
    assert (reference.language, reference.title_language) == ("ru", "en")
    assert to_csl_json(reference)["language"] == "ru"


def test_editors_roles() -> None:
    reference = parse_reference(NAMES[7][1])
    assert [p.role for p in reference.persons] == [Role.EDITOR]
    assert reference.type is ReferenceType.BOOK


# ---- the dev corpus, both lists of each article --------------------------------------------------

DEV = load_jsonl("dev_npe.jsonl")
DEV_GOLD = load_jsonl("dev_gold.jsonl")


def _read_articles(key: str) -> dict[int, Any]:
    articles: dict[object, list[int]] = {}
    for index, row in enumerate(DEV):
        if row.get(key):
            articles.setdefault(row["article"], []).append(index)
    read: dict[int, Any] = {}
    for indices in articles.values():
        read.update(zip(indices, parse_list([DEV[i][key] for i in indices]).references, strict=True))
    return read


@pytest.fixture(scope="module")
def dev_lists() -> dict[int, Any]:
    return _read_articles("text")


@pytest.fixture(scope="module")
def cyrillic_lists() -> dict[int, Any]:
    return _read_articles("cyrillic_parallel")


def _scores(items: list[dict[str, Any]]) -> tuple[float, float]:
    results = [checks(g, item) for g, item in zip(DEV_GOLD, items, strict=True)]
    fields = sum(ok for r in results for _, ok in r) / sum(len(r) for r in results)
    whole = sum(all(ok for _, ok in r) for r in results) / len(results)
    return fields, whole


def test_dev_gold_read_as_lists(dev_lists: dict[int, Any]) -> None:
    """The measurement ``benchmarks/family_eval.py`` prints; a floor against regressions."""
    items = [to_csl_json(dev_lists[int(g["id"].rsplit("-", 1)[-1])]) for g in DEV_GOLD]
    fields, whole = _scores(items)
    assert fields >= 0.97
    assert whole >= 0.90
    alone_fields, alone_whole = _scores([to_csl_json(parse_reference(g["text"])) for g in DEV_GOLD])
    assert (fields, whole) >= (alone_fields, alone_whole)


def test_cyrillic_lists_parse_without_errors(cyrillic_lists: dict[int, Any]) -> None:
    clean = sum(not r.has_errors for r in cyrillic_lists.values())
    assert clean >= 0.95 * len(cyrillic_lists) > 500


def test_cyrillic_parallels_agree_with_the_gold(cyrillic_lists: dict[int, Any]) -> None:
    """A reference's Cyrillic parallel gives the gold's year, volume, issue and pages."""
    paired = [(g, cyrillic_lists[i]) for g in DEV_GOLD if (i := int(g["id"].rsplit("-", 1)[-1])) in cyrillic_lists]
    agreeing = 0
    for gold, reference in paired:
        item = to_csl_json(reference)
        expect = gold["expect"]
        year = (item.get("issued") or {}).get("date-parts", [[None]])[0][0]
        ok = "issued" not in expect or year == expect["issued"]["date-parts"][0][0]
        ok = ok and all(same(k, expect[k], item.get(k)) for k in ("volume", "issue", "page") if k in expect)
        agreeing += ok
    assert len(paired) == 142
    assert agreeing >= 0.95 * len(paired)
