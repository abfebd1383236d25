"""Shapes of the humanities' and mathematicians' styles the rules read: serial names with given names written out,
the American Mathematical Society's books and proceedings, APA's translators and organisations, archival
signatures in Latin letters, preprints, abbreviated journals that keep their last period, single quotation marks.
Unseen variants, each read by the rules alone (``labeller=False``); the labeller's repairs at the end."""

from __future__ import annotations

from typing import Any

import pytest
from test_labeller import _item

from translit_refs import parse_reference, to_bibtex, to_csl_json, to_ris
from translit_refs.parsing.language import title_language

from gold import wrong_fields

CASES: list[tuple[str, str, dict[str, Any]]] = [
    # ---- names written out in a series: "Family, Given, Given Family, and Given I. Family"
    ("chicago two names, a middle initial before a quoted title",
     "Orlova, Vera, and Thomas K. Brandt. “Salt Roads of the Volga.” Russian Review 61, no. 4 (2002): 501–23.",
     {"author": [{"family": "Orlova", "given": "Vera"}, {"family": "Brandt", "given": "Thomas K."}],
      "title": "Salt Roads of the Volga", "container-title": "Russian Review", "volume": "61", "issue": "4"}),
    ("chicago three names given first between commas",
     "Lind, Karin, Pavel Sorokin, and Jane M. Okafor. 2011. “River Ports.” Urban History 38 (2): 200–19.",
     {"author": [{"family": "Lind", "given": "Karin"}, {"family": "Sorokin", "given": "Pavel"},
                 {"family": "Okafor", "given": "Jane M."}], "title": "River Ports"}),
    ("four names and a book after the serial comma",
     "Hale, Ruth, Omar Siddiqui, Lena Vogt, and Peter J. Marsh. Cities of Grain. Ithaca: Cornell University Press, "
     "2015.",
     {"type": "book", "author": [{"family": "Hale", "given": "Ruth"}, {"family": "Siddiqui", "given": "Omar"},
                                 {"family": "Vogt", "given": "Lena"}, {"family": "Marsh", "given": "Peter J."}],
      "title": "Cities of Grain", "publisher": "Cornell University Press"}),
    ("initials of a Library of Congress romanisation are no given name",
     "Sokolov, Iu. A., and M. Ia. Gerts, eds. Arkhivy Sibiri. 2 vols. Moskva: Nauka, 2009.",
     {"editor": [{"family": "Sokolov", "given": "Iu. A."}, {"family": "Gerts", "given": "M. Ia."}],
      "title": "Arkhivy Sibiri", "publisher": "Nauka", "number-of-volumes": "2"}),
    ("vancouver editor before a title with a comma and years",
     "Orlov AB, editor. Ural Sem’, 1800–1991. Moscow: Nauka; 1995.",
     {"editor": [{"family": "Orlov", "given": "AB"}], "title": "Ural Sem’, 1800–1991", "publisher": "Nauka"}),
    ("editors written out after eds.",
     "Moss, Ada. 2004. Glass ports. In Coastal Trade, eds. Hugh Lane, Mara Quist, and Tom de Witt, 12–30. "
     "Leiden: Brill.",
     {"type": "chapter", "editor": [{"family": "Lane", "given": "Hugh"}, {"family": "Quist", "given": "Mara"},
                                    {"family": "de Witt", "given": "Tom"}], "container-title": "Coastal Trade"}),
    ("a family name of two words after its particles",
     "[2] J. de la Cruz Moreno, Lattice sums, Mat. Sb. 190 (1999), no. 2, 11–30.",
     {"author": [{"family": "de la Cruz Moreno", "given": "J."}], "title": "Lattice sums",
      "container-title": "Mat. Sb."}),
    ("irish particles",
     "Brady, K., Ó Conaill, S., & Ní Riain, M. (2018). Tidal energy in Galway Bay. Marine Policy, 91(2), 10–19.",
     {"author": [{"family": "Brady", "given": "K."}, {"family": "Ó Conaill", "given": "S."},
                 {"family": "Ní Riain", "given": "M."}]}),
    # ---- the American Mathematical Society's parts of books
    ("ams chapter with its editors in parentheses",
     "[5] V. N. Orlov, Boundary layers in thin shells, Problems of mechanics (A. B. Kuznetsov and I. V. Sidorov, "
     "eds.), Naukova Dumka, Kyiv, 1989, pp. 45–61 (Russian).",
     {"type": "chapter", "title": "Boundary layers in thin shells", "container-title": "Problems of mechanics",
      "editor": [{"family": "Kuznetsov", "given": "A. B."}, {"family": "Sidorov", "given": "I. V."}],
      "publisher": "Naukova Dumka", "publisher-place": "Kyiv", "page": "45–61", "language": "ru"}),
    ("ams proceedings with the meeting's town and year",
     "[9] T. Ahn, Restriction estimates for the paraboloid, Fourier analysis and applications (Segovia, 2012), "
     "Amer. Math. Soc., Providence, RI, 2014, pp. 77–90.",
     {"type": "paper-conference", "title": "Restriction estimates for the paraboloid",
      "container-title": "Fourier analysis and applications", "event-place": "Segovia",
      "publisher": "Amer. Math. Soc.", "publisher-place": "Providence, RI", "issued": {"date-parts": [[2014]]}}),
    ("a book's imprint closing its title before a translator",
     "[12] E. B. Vinberg, A course in algebra, Faktorial, Moscow, 1999. Translated from the Russian by A. Retakh.",
     {"type": "book", "title": "A course in algebra", "publisher": "Faktorial", "publisher-place": "Moscow",
      "translator": [{"family": "Retakh", "given": "A."}]}),
    ("an arXiv preprint",
     "[14] P. Novak and R. Singh, Entropy of random tilings, arXiv:1811.04321 [math.PR], 2018.",
     {"type": "manuscript", "title": "Entropy of random tilings", "number": "arXiv:1811.04321",
      "issued": {"date-parts": [[2018]]}}),
    # ---- abbreviated journals keep the period of their last word
    ("ieee abbreviated journal after a quoted title",
     "[3] L. Wu and K. Osei, “Adaptive beam tracking,” IEEE Trans. Aerosp. Electron. Syst., vol. 58, no. 1, "
     "pp. 33–47, 2022.",
     {"title": "Adaptive beam tracking", "container-title": "IEEE Trans. Aerosp. Electron. Syst.", "volume": "58"}),
    ("elsevier abbreviated journal with a long last word",
     "Okoro, P., Lind, S., 2020. Gully erosion on loess slopes. J. Geophys. Process. 41, 1020–1031.",
     {"type": "article-journal", "container-title": "J. Geophys. Process.", "volume": "41"}),
    ("a journal named proceedings with a volume and its issue",
     "Orlov, D. (2019). Heat flow in rift basins. Doklady Akademii nauk, 486 (2), 211–215.",
     {"type": "article-journal", "container-title": "Doklady Akademii nauk", "volume": "486", "issue": "2"}),
    ("a conference's proceedings with a volume and its issue stay a paper",
     "Lee, K. (2021). Beam loss monitors. AIP Conf. Proc., 2380(1), 040011.",
     {"type": "paper-conference"}),
    # ---- APA
    ("apa translator and the original's date",
     "Marchetti, L. (2012). The silent city (P. Ward, Trans.). Verso. (Original work published 1998)",
     {"type": "book", "title": "The silent city", "translator": [{"family": "Ward", "given": "P."}],
      "publisher": "Verso", "issued": {"date-parts": [[2012]]}}),
    ("apa translator and an edition",
     "Berg, H. (2019). Rivers of memory (T. Lowe, Trans.; 3rd ed.). Routledge.",
     {"title": "Rivers of memory", "translator": [{"family": "Lowe", "given": "T."}], "edition": "3",
      "publisher": "Routledge"}),
    ("apa one-word publisher before the language note",
     "Zaitseva, O. P. (2015). Metodika prepodavaniya [Teaching methods] (3rd ed.). Akademiya. (In Russ.)",
     {"type": "book", "title": "Metodika prepodavaniya", "edition": "3", "publisher": "Akademiya"}),
    ("apa organisation in title case before the date",
     "Nordic Council of Ministers. (2019). Green transport in the Baltic region. Nordic Council.",
     {"author": [{"literal": "Nordic Council of Ministers"}], "title": "Green transport in the Baltic region"}),
    ("apa transliterated organisation before a translated title",
     "Federal'naya sluzhba statistiki. (2020). Naselenie Rossii [Population of Russia]. https://rosstat.gov.ru/",
     {"author": [{"literal": "Federal'naya sluzhba statistiki"}], "title": "Naselenie Rossii"}),
    ("apa title without author in sentence case stays the title",
     "Salt and sugar. (1999, May). Food Review, 12(3), p. 4.",
     {"title": "Salt and sugar", "container-title": "Food Review"}),
    # ---- Harvard's single quotation marks, Nature's "2nd edn"
    ("harvard single quotes",
     "Abenov, K. and Lee, S. (2020) 'Water courts in Central Asia', Journal of Legal History, 41(3), pp. 201–220.",
     {"title": "Water courts in Central Asia", "container-title": "Journal of Legal History", "page": "201–220"}),
    ("harvard typographic single quotes around an apostrophe",
     "Grant, P. (2017) ‘The miners’ strike revisited’, Labour History Review, 82(1), pp. 1–22.",
     {"title": "The miners’ strike revisited", "container-title": "Labour History Review"}),
    ("harvard edn",
     "Ospanov, B. (2018) Land law of Kazakhstan. 3rd edn. Almaty: Zhibek Zholy.",
     {"title": "Land law of Kazakhstan", "edition": "3", "publisher-place": "Almaty"}),
    ("nature edn before the parenthesised imprint",
     "7. Harlow, T. Marine Geochemistry 2nd edn (Springer, 2011).",
     {"title": "Marine Geochemistry", "edition": "2", "publisher": "Springer"}),
    ("din revised edition",
     "Krause, Ute: Werkstoffkunde. 5., überarb. Aufl. München : Hanser, 2012",
     {"edition": "5"}),
    # ---- MLA's part of a book edited by, a university press
    ("mla chapter edited by with a university press",
     "Vance, Ilya. “Exile and Memory.” The Oxford Handbook of Émigré Writing, edited by Mark Hale and Ana Ruiz, "
     "Oxford UP, 2019, pp. 201–18.",
     {"type": "chapter", "title": "Exile and Memory", "container-title": "The Oxford Handbook of Émigré Writing",
      "editor": [{"family": "Hale", "given": "Mark"}, {"family": "Ruiz", "given": "Ana"}], "publisher": "Oxford UP"}),
    # ---- archival signatures in Latin letters
    ("chicago archival signature after the archive",
     "“Spravka o khode posevnoi,” 3 May 1933. RGAE, f. 7486, op. 1, d. 212, ll. 4–9.",
     {"type": "manuscript", "archive": "RGAE", "archive_location": "f. 7486, op. 1, d. 212, ll. 4–9"}),
    ("archival signature written out before the archive and its town",
     "Volkov, Ivan. “Dnevnik, 1919.” Fond 88, opis' 3, delo 12. Tsentral'nyi gosudarstvennyi arkhiv, Moscow.",
     {"type": "manuscript", "archive": "Tsentral'nyi gosudarstvennyi arkhiv", "archive_location":
      "Fond 88, opis' 3, delo 12"}),
    ("belarusian archival signature",
     "Пратакол пасяджэння бюро ЦК КП(б)Б, 1939 г. // НАРБ. Ф. 4п. Воп. 1. Спр. 9. Арк. 2–4.",
     {"type": "manuscript", "archive": "НАРБ", "archive_location": "Ф. 4п. Воп. 1. Спр. 9. Арк. 2–4"}),
    # ---- theses named in brackets (APA 7, Vancouver)
    ("apa 7 thesis in brackets with its university",
     "Lee, H. (2018). Rural clinics and trust [Master's thesis, University of Otago]. OUR Archive.",
     {"type": "thesis", "title": "Rural clinics and trust", "genre": "Master's thesis",
      "publisher": "University of Otago"}),
    ("apa 7 candidate's thesis after a translation",
     "Orlov, P. S. (2011). Gorodskie sady [Urban gardens] [Candidate's thesis, Kazan Federal University].",
     {"type": "thesis", "title": "Gorodskie sady", "genre": "Candidate's thesis",
      "publisher": "Kazan Federal University"}),
    ("vancouver dissertation abstract in brackets",
     "Belova NA. Ekologiya lesnykh pochv [dissertation abstract]. Tomsk; 2008. 22 p.",
     {"type": "thesis", "genre": "dissertation abstract", "publisher-place": "Tomsk"}),
    # ---- GOST's other title information in pieces, Belarusian by its letters
    ("two pieces of other title information",
     "Кримінальне право України : підручник : у 3 т. / за ред. В. Я. Тація. Харків : Право, 2015. Т. 2. 412 с.",
     {"title": "Кримінальне право України", "number-of-volumes": "3", "language": "uk"}),
    ("belarusian textbook",
     "Лукашэвіч А. М. Гісторыя Беларусі : вучэб. дапам. / А. М. Лукашэвіч. – Мінск : БДУ, 2019. – 280 с.",
     {"title": "Гісторыя Беларусі", "language": "be", "publisher": "БДУ"}),
    # ---- newspapers with their day, printed day first
    ("chicago newspaper day first",
     "“Novyi kurs.” Izvestiia, 4 May 1934.",
     {"type": "article-newspaper", "container-title": "Izvestiia", "issued": {"date-parts": [[1934, 5, 4]]}}),
    ("mla newspaper day first before its address",
     "Orr, Jane. “Ferries Return to the Lakes.” The Times, 9 Jun. 2021, www.thetimes.co.uk/article/ferries.",
     {"type": "article-newspaper", "container-title": "The Times", "issued": {"date-parts": [[2021, 6, 9]]}}),
    ("oxford quoted title after the given name",
     "Hale, Simon, ‘The Price of Bread’, Guardian, 2 March 2015.",
     {"author": [{"family": "Hale", "given": "Simon"}], "title": "The Price of Bread", "container-title": "Guardian"}),
    ("apa newspaper dated to the day",
     "Orlova, T. (2020, May 5). Grain prices climb again. The Moscow Times. https://www.themoscowtimes.com/x",
     {"type": "article-newspaper", "title": "Grain prices climb again", "container-title": "The Moscow Times"}),
    ("chicago newspaper after a translated title",
     "Petrov, Ivan. “Novyi zavod” [A new plant]. Izvestiia, June 2, 1934.",
     {"type": "article-newspaper", "container-title": "Izvestiia", "issued": {"date-parts": [[1934, 6, 2]]}}),
    # ---- NLM's title printed only in translation, and its language
    ("nlm bracketed title and its language",
     "Petrova AN, Lebedev KO. [Outcomes of knee arthroplasty in the elderly]. Khirurgiia (Mosk). 2016;(4):33-8. "
     "Russian.",
     {"title": "Outcomes of knee arthroplasty in the elderly", "container-title": "Khirurgiia (Mosk)",
      "language": "ru", "page": "33-8"}),
    # ---- a law its kind opens, its quoted name before its date
    ("russian law named before its date",
     "Федеральный закон «Об образовании» от 10.07.1992 № 3266-1 // Ведомости СНД и ВС РФ. 1992. № 30. Ст. 1797.",
     {"type": "legislation", "title": "Об образовании", "number": "3266-1"}),
    ("english law named in straight quotes before its date",
     'Law of Ukraine "On Courts" of 2 June 2016 No. 1402-VIII. Vidomosti Verkhovnoi Rady Ukrainy, 2016, No. 31.',
     {"type": "legislation", "title": "On Courts", "number": "1402-VIII", "issued": {"date-parts": [[2016, 6, 2]]}}),
    # ---- DIN 1505
    ("din norm with its month of issue",
     "Norm DIN EN 1990 2021-10. Eurocode: Grundlagen der Tragwerksplanung",
     {"type": "standard", "number": "DIN EN 1990", "issued": {"date-parts": [[2021, 10]]},
      "title": "Eurocode: Grundlagen der Tragwerksplanung"}),
    ("din patent with its grouped number and day",
     "BRANDT, Heike ; KOCH, Uwe: Dichtungsanordnung für Pumpen. Patentschrift DE 10 2017 204 118 B3. 2018-05-24",
     {"type": "patent", "author": [{"family": "Brandt", "given": "Heike"}, {"family": "Koch", "given": "Uwe"}],
      "title": "Dichtungsanordnung für Pumpen", "number": "DE 10 2017 204 118 B3",
      "issued": {"date-parts": [[2018, 5, 24]]}}),
    ("din volume and its year in parentheses",
     "Lang, Ute: Korrosion an Schweißnähten. In: Materials and Corrosion 61 (2010), Nr. 5, S. 401–409",
     {"volume": "61", "issue": "5", "issued": {"date-parts": [[2010]]}, "page": "401–409"}),
    ("din newspaper dated in iso 8601",
     "Berg, Jonas: Der Hafen wächst. In: Hamburger Abendblatt (2021-03-02), Nr. 51, S. 9",
     {"type": "article-newspaper", "container-title": "Hamburger Abendblatt",
      "issued": {"date-parts": [[2021, 3, 2]]}}),
    ("din organisation as editor, its page's update",
     "Umweltbundesamt (Hrsg.): Luftqualität 2020. URL https://www.uba.de/luft-2020. – Aktualisierungsdatum: "
     "2021-02-10. – Überprüfungsdatum 2022-03-01",
     {"author": [{"literal": "Umweltbundesamt"}], "title": "Luftqualität 2020",
      "issued": {"date-parts": [[2021, 2, 10]]}, "accessed": {"date-parts": [[2022, 3, 1]]}}),
    ("ieee patent with its number in groups",
     "[9] R. Ito, “Rotor blade sensor,” U.S. Patent 10 511 204, Dec. 17, 2019.",
     {"type": "patent", "number": "10 511 204", "issued": {"date-parts": [[2019, 12, 17]]}}),
    # ---- APA's data sets
    ("apa data set and its publisher",
     "Levada Center. (2019). Russian public opinion survey, wave 12 [Data set]. Levada Center Archive. "
     "https://doi.org/10.1234/levada.12",
     {"type": "dataset", "author": [{"literal": "Levada Center"}], "title": "Russian public opinion survey, wave 12",
      "publisher": "Levada Center Archive"}),
    # ---- Belarusian laws and theses
    ("belarusian law with its months abbreviated",
     "Аб мясцовым кіраванні : Закон Рэспублікі Беларусь ад 4 студз. 2010 г. № 108-З // Нац. прававы "
     "Інтэрнэт-партал Рэсп. Беларусь. – 2010. – 7 студз. – 2/1665.",
     {"type": "legislation", "title": "Аб мясцовым кіраванні", "number": "108-З",
      "issued": {"date-parts": [[2010, 1, 4]]}, "language": "be"}),
    ("a decree of the president of the republic",
     "О мерах по развитию туризма : Указ Президента Респ. Беларусь от 3 апр. 2017 г. № 102 // Нац. правовой "
     "Интернет-портал Респ. Беларусь. – 2017. – 5 апр. – 1/17001.",
     {"type": "legislation", "title": "О мерах по развитию туризма", "number": "102",
      "issued": {"date-parts": [[2017, 4, 3]]}}),
    ("belarusian abstract of a thesis",
     "Лаўрыновіч, А. С. Мясцовае самакіраванне ў Беларусі : аўтарэф. дыс. ... канд. юрыд. навук : 12.00.02 / "
     "А. С. Лаўрыновіч. – Мінск, 2015. – 24 с.",
     {"type": "thesis", "title": "Мясцовае самакіраванне ў Беларусі", "publisher-place": "Мінск"}),
    # ---- editors closing names written out, organisations of Ukraine
    ("chicago editors after a middle initial",
     "Marsh, Ellen, and Pavel K. Orlov, eds. Rivers of the Steppe. Lawrence: University Press of Kansas, 2012.",
     {"editor": [{"family": "Marsh", "given": "Ellen"}, {"family": "Orlov", "given": "Pavel K."}],
      "title": "Rivers of the Steppe"}),
    ("mla one editor",
     "Ruban, Olena, editor. Ukrainska poeziia: Antolohiia. Smoloskyp, 2010.",
     {"editor": [{"family": "Ruban", "given": "Olena"}]}),
    ("a national body of Ukraine as author",
     "Державна служба статистики України. Населення України за 2020 рік. URL: https://ukrstat.gov.ua/x "
     "(дата звернення: 10.02.2021).",
     {"author": [{"literal": "Державна служба статистики України"}], "title": "Населення України за 2020 рік"}),
    # ---- two places after a semicolon (GOST, DIN), GOST's "под редакцией" written out
    ("gost two places and the editor's statement written out",
     "Рынки труда / А. Б. Орлов [и др.] ; под редакцией А. Б. Орлова. – Санкт-Петербург ; Москва : Питер, 2020. "
     "– 200 с.",
     {"editor": [{"family": "Орлова", "given": "А. Б."}], "publisher-place": "Санкт-Петербург; Москва",
      "publisher": "Питер"}),
    ("din two places",
     "Vogel, Jan: Strömungslehre. Berlin ; Heidelberg : Springer, 2014",
     {"publisher-place": "Berlin; Heidelberg", "publisher": "Springer", "title": "Strömungslehre"}),
    ("a soft sign closing a quoted title",
     "Orlov, Ivan. “Trudnyi put’” [A hard road]. Pravda, May 2, 1930.",
     {"title": "Trudnyi put’"}),
    # ---- a conference's days after its town are no publisher
    ("days of a conference after its country",
     "Ito K. Fuel behaviour. Proc. of Int. Conf. on Nuclear Fuel. Toronto, ON, Canada, June 4-8, 2017, pp. 1-9.",
     {"publisher": None}),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), [(t, e) for _, t, e in CASES], ids=[i for i, _, _ in CASES])
def test_rules_read_the_shape(text: str, expected: dict[str, Any]) -> None:
    item = to_csl_json(parse_reference(text, labeller=False))
    wanted = {k: v for k, v in expected.items() if v is not None}
    assert wrong_fields(wanted, item) == {}
    for absent in (k for k, v in expected.items() if v is None):
        assert item.get(absent) is None


@pytest.mark.parametrize(
    ("title", "language"),
    [
        ("Zur Ermüdung geschweißter Stahlträger", "de"),
        ("Numerische Berechnung turbulenter Strömungen in Kanälen", "de"),
        ("Verfahren zur Herstellung eines Dichtrings", "de"),
        ("Lung function in young smokers", "en"),
        ("Simulation of turbulent flows", "en"),
    ],
)
def test_german_titles_by_their_endings_and_function_words(title: str, language: str) -> None:
    assert title_language(title, translated=False) == language


@pytest.mark.parametrize(
    ("label", "segment", "place", "publisher", "genre"),
    [
        ("publisher", "Zürich, Universität Zürich, Dissertation,", "Zürich", "Universität Zürich", "Dissertation"),
        ("location", "Karlsruhe, Karlsruher Institut für Technologie, Diss.,", "Karlsruhe",
         "Karlsruher Institut für Technologie", "Diss."),
    ],
)  # fmt: skip
def test_a_din_thesis_closing_its_university(label: str, segment: str, place: str, publisher: str, genre: str) -> None:
    item = _item(("title", "Titel der Arbeit."), (label, segment), ("date", "2015"))
    assert (item.get("publisher-place"), item.get("publisher"), item.get("genre")) == (place, publisher, genre)


def test_a_university_press_abbreviated_is_one_publisher() -> None:
    item = _item(("title", "The Orchard."), ("location", "Yale"), ("publisher", "UP,"), ("date", "2019"))
    assert (item.get("publisher"), item.get("publisher-place")) == ("Yale UP", None)


def test_a_series_closing_with_an_abbreviation_keeps_its_period() -> None:
    item = _item(("title", "Lattices."), ("collection-title", "Lecture Notes in Math."), ("date", "1999"))
    assert item["collection-title"] == "Lecture Notes in Math."


def test_a_publisher_that_only_names_a_university_keeps_it() -> None:
    item = _item(("title", "Titel der Arbeit."), ("publisher", "Universität Zürich,"), ("date", "2015"))
    assert item["publisher"] == "Universität Zürich"
    assert "genre" not in item


def test_the_labellers_title_gives_the_language_when_its_words_tell() -> None:
    """A German reference the labeller reads: its language is its title's, not the rules' misread title's."""
    reference = parse_reference(
        "Wagner, Tobias: Numerische Simulation turbulenter Mehrphasenströmungen in Rührkesseln. Karlsruhe, "
        "Karlsruher Institut für Technologie, Diss., 2014"
    )
    assert reference.language == "de"


def test_a_data_set_is_exported_as_one() -> None:
    reference = parse_reference(
        "World Bank. (2021). Enterprise surveys [Data set]. https://example.org/es", labeller=False
    )
    assert reference.type.value == "dataset"
    assert to_bibtex([reference]).lstrip().startswith("@dataset{")
    assert "TY  - DATA" in to_ris([reference])
