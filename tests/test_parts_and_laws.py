"""The rules on abbreviated journal names, bracketed theses, named report series, quoted publishers, laws'
designations and parts of books printed without "//" or "In": unseen variants, each read by the rules alone
(``labeller=False``: these are the rules' readings)."""

from __future__ import annotations

from typing import Any

import pytest

from translit_refs import parse_reference, to_csl_json

from gold import wrong_fields

CASES: list[tuple[str, str, dict[str, Any]]] = [
    # ---- a journal's abbreviated name cut by its periods into sentences: one name
    ("references abbreviated journal",
     "Petrov A.B. Thermal conductivity of oxide films. Zh. Tekh. Fiz., 2010, vol. 80, no. 3, pp. 12–18.",
     {"type": "article-journal", "title": "Thermal conductivity of oxide films", "container-title": "Zh. Tekh. Fiz."}),
    ("vancouver-like abbreviated journal",
     "Lee K. Neutron yields from light elements. Nucl. Sci. Eng. 1999, v. 131, pp. 1–9.",
     {"title": "Neutron yields from light elements", "container-title": "Nucl. Sci. Eng.", "volume": "131"}),
    ("a title ending in an ordinary word keeps it",
     "Orlov S. Diffusion in metals. Acta Mater., 2005, vol. 53, pp. 100–110.",
     {"title": "Diffusion in metals", "container-title": "Acta Mater."}),
    ("a whole journal name after abbreviations in the title",
     "Kim D. Models of the U.S. economy. Economic Review, 2001, vol. 3, pp. 1–5.",
     {"container-title": "Economic Review"}),
    # ---- a thesis named in brackets after the translation
    ("abstract of dissertation in brackets",
     "Sidorova EN. Flora of the Southern Urals [Flora Yuzhnogo Urala] [abstract of dissertation]. Ufa; 2012. 24 p.",
     {"type": "thesis", "genre": "abstract of dissertation", "number-of-pages": "24"}),
    ("extended abstract of a thesis in brackets",
     "Kuznetsov IA. Zemledelie na Altae [Agriculture in the Altai] [extended abstract of PhD thesis]. Barnaul; 2009.",
     {"type": "thesis", "publisher-place": "Barnaul"}),
    ("abstract of a dissertation as its own sentence",
     "Lebedev A.A. Teplovye truby [Heat pipes]. Abstract of Cand. Sci. (Tech.) diss. Kazan, 2014. 20 p.",
     {"type": "thesis", "title": "Teplovye truby", "publisher-place": "Kazan"}),
    # ---- a report's series and number in parentheses after the title (APA 7)
    ("apa named report series",
     "World Bank. (2021). Drought and migration in the Sahel (Policy Research Working Paper No. 9612). World Bank.",
     {"type": "report", "title": "Drought and migration in the Sahel", "number": "9612",
      "genre": "Policy Research Working Paper"}),
    ("apa acronym report series",
     "Chen, L. (2018). Trade shocks and wages (NBER Working Paper No. 24512). National Bureau of Economic Research.",
     {"type": "report", "title": "Trade shocks and wages", "number": "24512", "genre": "NBER Working Paper"}),
    ("a parenthesis without a number stays in the title",
     "Ray, P. (2015). Notes on rivers (Annual Report). River Trust.",
     {"title": "Notes on rivers (Annual Report)"}),
    # ---- a publisher whose name closes with a quoted name, before its place
    ("elsevier quoted publisher then place",
     "A.P. Sokolov, Teoriya uprugosti [Theory of elasticity], OOO «Fizmatkniga», Moscow, 2011.",
     {"publisher": "OOO «Fizmatkniga»", "publisher-place": "Moscow"}),
    ("quoted publisher after the title's comma",
     "I.V. Orlova, Handbook of Reactor Steels, FSUE «Prometey», St. Petersburg, 2009.",
     {"title": "Handbook of Reactor Steels", "publisher": "FSUE «Prometey»"}),
    # ---- a book's imprint "Place: Publisher" closing its title's sentence after a comma (APSA, IEEE)
    ("apsa book then place and publisher",
     "Lind, K. 2014. “River Trade.” In The Volga in History, Kazan: Tatknigoizdat, 45–60.",
     {"type": "chapter", "container-title": "The Volga in History", "publisher-place": "Kazan",
      "publisher": "Tatknigoizdat", "page": "45–60"}),
    ("a place and its state before the colon",
     "Moss, T. 2001. “Dams.” In Rivers of the West, Denver, CO: Basin Press, 10–22.",
     {"container-title": "Rivers of the West", "publisher-place": "Denver, CO", "publisher": "Basin Press"}),
    ("a colon inside a book's title is no imprint",
     "Moss, T. 2001. “Dams.” In Rivers: A History of Water, 10–22.",
     {"container-title": "Rivers: A History of Water", "publisher": None}),
    # ---- a journal's family name after the title's comma (Elsevier with titles)
    ("elsevier journal family after a comma",
     "N.A. Orlov, Radiation damage in steels, Izvestiya vuzov. Fizika. (2012) 45–52.",
     {"type": "article-journal", "title": "Radiation damage in steels", "container-title": "Izvestiya vuzov. Fizika"}),
    ("elsevier vestnik series after a comma",
     "P. Ilyin, Heat transfer in pipes, Vestnik MGTU. Ser. Mashinostroenie 4 (2016) 10–19.",
     {"title": "Heat transfer in pipes", "container-title": "Vestnik MGTU. Ser. Mashinostroenie"}),
    # ---- a law's kind, date and number after its title
    ("gost law after its title",
     "О связи : федер. закон от 07.07.2003 № 126-ФЗ // Собрание законодательства РФ. 2003. № 28. Ст. 2895.",
     {"type": "legislation", "title": "О связи", "number": "126-ФЗ",
      "container-title": "Собрание законодательства РФ"}),
    ("code with its part and revision",
     "Трудовой кодекс Российской Федерации от 30.12.2001 № 197-ФЗ (ред. от 04.08.2023) // Российская газета. "
     "2001. № 256.",
     {"type": "legislation", "title": "Трудовой кодекс Российской Федерации", "number": "197-ФЗ"}),
    ("ukrainian law with its date and no other year",
     "Про освіту : Закон України від 05.09.2017 № 2145-VIII. URL: https://zakon.rada.gov.ua/laws/show/2145-19",
     {"type": "legislation", "title": "Про освіту", "number": "2145-VIII",
      "issued": {"date-parts": [[2017, 9, 5]]}, "language": "uk"}),
    ("a law whose kind opens the title is titled by its quoted name",
     "Федеральный закон от 06.10.2003 № 131-ФЗ «Об общих принципах» // Собрание законодательства РФ. 2003. № 40.",
     {"title": "Об общих принципах", "number": "131-ФЗ"}),
    ("a law whose kind opens the title and no quoted name follows keeps it whole",
     "Указ Президента РФ от 07.05.2018 № 204. URL: http://www.kremlin.ru/acts/bank/43027 (дата обращения: 1.02.2020).",
     {"title": "Указ Президента РФ от 07.05.2018 № 204", "number": "204"}),
    # ---- a translator after "пер. с нем." / "пер. з фр." (the language translated from is no name)
    ("gost translator after a semicolon",
     "Вебер К. Теория горения / К. Вебер ; пер. с англ. А. П. Орлова. – М. : Мир, 1999. – 300 с.",
     {"translator": [{"family": "Орлова", "given": "А. П."}], "publisher": "Мир"}),
    ("dstu translator after the title",
     "Дюран П. Історія Провансу / пер. з фр. О. В. Гнатюк. Київ : Основи, 2010. 220 с.",
     {"translator": [{"family": "Гнатюк", "given": "О. В."}], "publisher-place": "Київ", "language": "uk"}),
    # ---- editions in Ukrainian, German and French
    ("ukrainian edition", "Коваль О. М. Фізика твердого тіла. 3-тє вид. Харків : Основа, 2015. 410 с.",
     {"edition": "3", "publisher": "Основа"}),
    ("german edition", "Braun, F.: Elektrodynamik. 5. Aufl. Berlin : Springer, 2012",
     {"edition": "5", "publisher-place": "Berlin"}),
    ("french edition", "Martin, J. Histoire du Rhône. 2e éd. Lyon : Presses, 2011.",
     {"edition": "2", "title": "Histoire du Rhône"}),
    # ---- a Latin title's language by its function words
    ("german title", "Weber, M. (2017) 'Die Integration der Arbeiter in der Stadt', Zeitschrift 20(3), pp. 45–78.",
     {"language": "de"}),
    ("french title", "Girard, H. “Les ouvriers de la ville au XIXe siècle.” Revue historique, vol. 12, 2019, pp. 4–30.",
     {"language": "fr"}),
    ("spanish title", "Ruiz, A. (2015). La ciudad y el río en los siglos XVIII y XIX. Revista 3, 10–20.",
     {"language": "es"}),
    ("a name in an english title is no french", "Lee, J. (2009). The legacy of de Gaulle and the state. Review 3, 1–9.",
     {"language": "en"}),
    ("capitalised names are no function words",
     "Briesmeister J.F. MCNP – A General Monte Carlo Code, LA–12625–M, Los Alamos National Laboratory, 1997.",
     {"language": "en"}),
    # ---- GOST's other title information of proceedings: the meeting, its town; "им." inside a publisher
    ("gost proceedings with their meeting",
     "Орлов П. П. Методы расчёта / П. П. Орлов // Ядерная энергетика : материалы Всерос. науч. конф. (Обнинск, "
     "3–5 июня 2019 г.). – Обнинск : ИАТЭ, 2019. – С. 10–15.",
     {"type": "paper-conference", "container-title": "Ядерная энергетика", "event-place": "Обнинск",
      "publisher": "ИАТЭ", "page": "10–15"}),
    ("dstu proceedings with their meeting",
     "Бондар І. В. Моделі ринку // Економіка та право : матеріали Міжнар. наук. конф. (м. Львів, 2–3 берез. "
     "2020 р.). Львів : Сполом, 2020. С. 5–9.",
     {"type": "paper-conference", "container-title": "Економіка та право", "event-place": "Львів"}),
    ("a publisher named after a person",
     "Петров А. А. Механика. – М. : Изд-во МГТУ им. Н. Э. Баумана, 2014. – 300 с.",
     {"publisher": "Изд-во МГТУ им. Н. Э. Баумана", "publisher-place": "М.", "title": "Механика"}),
    # ---- standards: their bodies after a comma, a letter after the body, Ukraine's DSTU
    ("ieee standard after its title", "[3] IEEE Standard for Floating-Point Arithmetic, IEEE Std 754-2019, 2019.",
     {"type": "standard", "number": "IEEE Std 754-2019", "title": "IEEE Standard for Floating-Point Arithmetic"}),
    ("astm standard first", "ASTM D638-14 Standard Test Method for Tensile Properties of Plastics.",
     {"type": "standard", "number": "ASTM D638-14",
      "title": "Standard Test Method for Tensile Properties of Plastics"}),
    ("dstu standard", "ДСТУ 3008:2015. Інформація та документація. Звіти у сфері науки і техніки. К. : ДП «УкрНДНЦ», "
     "2016. 26 с.", {"type": "standard", "number": "ДСТУ 3008:2015", "publisher-place": "К."}),
    ("a project code is no standard", "NPP12006. Reactor facility. Thermal calculation. Gidropress Publ., 2007.",
     {"number": None}),
    # ---- an organisation before the title, IEEE's access date and "Available:", Vancouver's report number
    ("ieee organisation then quoted title",
     "[5] World Meteorological Organization, “State of the climate 2022.” Accessed: Apr. 2, 2023. [Online]. "
     "Available: https://wmo.int/state-2022",
     {"author": [{"literal": "World Meteorological Organization"}], "title": "State of the climate 2022",
      "accessed": {"date-parts": [[2023, 4, 2]]}, "URL": "https://wmo.int/state-2022"}),
    ("vancouver organisation and report number",
     "4. National Institute for Health and Care Excellence. Depression in adults. London: NICE; 2022. "
     "Report No.: NG222.",
     {"type": "report", "author": [{"literal": "National Institute for Health and Care Excellence"}],
      "title": "Depression in adults", "number": "NG222", "publisher": "NICE"}),
    ("an organisation before a place is the title",
     "US Energy Information Administration. Washington, DC, 2013.",
     {"title": "US Energy Information Administration", "author": None}),
    ("a doi link after available", "Fenner M (2013) Metrics for you. Available: http://dx.doi.org/10.1371/x.123.",
     {"DOI": "10.1371/x.123", "URL": None}),
    # ---- Elsevier's and GOST's "Place: Year" without a publisher; Nature's lowercase "in" before proceedings
    ("place then colon and year", "Petrov AV. Heat transfer [Teploperedacha]. Obninsk: 1992.",
     {"publisher-place": "Obninsk", "issued": {"date-parts": [[1992]]}, "publisher": None}),
    ("gost place then colon and year", "Орлов В.В. Быстрый реактор / В.В. Орлов // Атомная энергия. – М.: 2001. – "
     "С. 5–9.", {"issued": {"date-parts": [[2001]]}, "publisher": None}),
    ("nature lowercase in", "Orlov, V. & Li, K. Neutron noise analysis. in Proceedings of the Reactor Physics "
     "Meeting 12–19 (2014).", {"type": "paper-conference",
                               "container-title": "Proceedings of the Reactor Physics Meeting"}),
    # ---- Science's parenthesised imprints: a report's series word and designation, an address after ";"
    ("science report with its series word",
     "K. Orlov, “Neutron sources” (report LA UR-03-1234, Los Alamos National Laboratory, 2003).",
     {"type": "report", "genre": "report", "number": "LA UR-03-1234", "publisher": "Los Alamos National Laboratory",
      "issued": {"date-parts": [[2003]]}}),
    ("science designation and year only", "“Safety of research reactors” (IAEA-TECDOC-1234, 2005).",
     {"type": "report", "number": "IAEA-TECDOC-1234", "issued": {"date-parts": [[2005]]}}),
    ("science imprint with its address",
     "P. Ivanov, Reactor Physics (Nauka, Moscow, 2016; https://example.org/book/).",
     {"publisher": "Nauka", "publisher-place": "Moscow", "URL": "https://example.org/book/"}),
    ("science address in parentheses", "About the Reactor, (available at https://example.org/reactor).",
     {"title": "About the Reactor", "URL": "https://example.org/reactor"}),
    ("a language note stays a note", "Orlov A.A. Title. Zhurnal, 2006, v. 101, pp. 972–984 (In Russian).",
     {"publisher": None, "language": "ru"}),
    ("proceedings then place and publisher before a URL",
     "Lee, K. 2017. “Codes.” In Proc. of the Conf. on Fast Reactors (FR17). Ekaterinburg: ROSATOM. https://x.org/a.",
     {"container-title": "Proc. of the Conf. on Fast Reactors (FR17)", "publisher": "ROSATOM",
      "publisher-place": "Ekaterinburg", "URL": "https://x.org/a"}),
    # ---- GOST's imprint after an area separator inside a proceedings' title
    ("gost proceedings then dash and imprint",
     "Орлов В.В. Расчёт / Тр. междунар. конф. «Управление (ICIT’99)» – М.: Наука, Физматлит, 1999. – С. 1–10.",
     {"container-title": "Тр. междунар. конф. «Управление (ICIT’99)»", "publisher-place": "М.",
      "publisher": "Наука, Физматлит"}),
    ("a dash inside a proceedings' title stays",
     "Lee K. Codes // Proc. of Conf. «Physics – 2006». Moscow, 2006, pp. 5–9.",
     {"container-title": "Proc. of Conf. «Physics – 2006»"}),
    ("french elision after a capital word", "Bezes, P. (2009). Réinventer l'Etat. Paris: PUF.",
     {"language": "fr"}),
    # ---- Cell: a bare DOI closing the reference, "ed." after the editor's name, "(Publisher), pp."
    ("cell bare doi", "Orlov, A. (2005). Change points. Signal Processing 85, 1501–1510. 10.1016/j.sig.2005.01.012.",
     {"DOI": "10.1016/j.sig.2005.01.012", "page": "1501–1510", "volume": "85"}),
    ("cell editor before the year", "Petrov, E.O. ed. (2001). Handbook of Reactor Steels (Nauka).",
     {"editor": [{"family": "Petrov", "given": "E.O."}], "publisher": "Nauka", "issued": {"date-parts": [[2001]]}}),
    ("cell publisher before pages", "Lee, K. (2011). Coolants. In Collected Papers (SSC RF-IPPE), pp. 18–29.",
     {"container-title": "Collected Papers", "publisher": "SSC RF-IPPE", "page": "18–29"}),
    ("an acronym before pages stays in the container",
     "Lee, K. (2015). Joint discovery. In Computer Vision and Pattern Recognition (CVPR), pp. 1939–1946.",
     {"container-title": "Computer Vision and Pattern Recognition (CVPR)", "publisher": None}),
    ("editors in parentheses before pages are no publisher",
     "S. Lee, \"Fields,\" in Random Fields (R. Chellappa, ed.), pp. 131-157, Academic Press, 1993.",
     {"publisher": "Academic Press"}),
    # ---- DIN 1505's "(Hrsg.)": an editor in the head (the last name after " ; "), and a container's editor
    ("din editor in the head", "Berger, K. P. (Hrsg.): Werkstoffe im Reaktorbau. Berlin : Springer, 1999",
     {"editor": [{"family": "Berger", "given": "K. P."}], "author": None, "title": "Werkstoffe im Reaktorbau"}),
    ("din author then editor", "Weiss, I.H. ; Lang, N. A. (Hrsg.): Reaktorphysik. Berlin : Springer, 1992",
     {"author": [{"family": "Weiss", "given": "I.H."}], "editor": [{"family": "Lang", "given": "N. A."}],
      "title": "Reaktorphysik"}),
    ("din container editor before a colon",
     "Roth, A.: Kühlung. In: Brandt, P. M. (Hrsg.): Handbuch der Kerntechnik. Berlin : Springer, 2019, S. 30–45",
     {"editor": [{"family": "Brandt", "given": "P. M."}], "container-title": "Handbuch der Kerntechnik",
      "page": "30–45"}),
    # ---- GOST's and DSTU's editor statements, Ukrainian "та ін.", Vancouver's "Town (ST):", a law's number
    ("gost chief editor", "Энциклопедия Урала : в 3 т. / гл. ред. В. Н. Сорокин. – Екатеринбург : Уральский "
     "рабочий, 2008. – 544 с.",
     {"editor": [{"family": "Сорокин", "given": "В. Н."}], "publisher": "Уральский рабочий"}),
    ("gost responsible editor capitalised", "Карта России / Отв. ред. В.С. Ромашов. — М.: ИА РАН, 2006. — 312 с.",
     {"editor": [{"family": "Ромашов", "given": "В.С."}], "title": "Карта России"}),
    ("dstu et al and editor", "Психологія особистості / О. П. Мельник та ін. ; за ред. В. І. Ткачук. Львів : ЛНУ "
     "ім. Івана Франка, 2018. 312 с.", {"editor": [{"family": "Ткачук", "given": "В. І."}],
                                         "publisher": "ЛНУ ім. Івана Франка", "publisher-place": "Львів"}),
    ("vancouver town and state in parentheses", "Lee A. Grids. In: Ruiz J, editor. Power systems. Hoboken (NJ): "
     "Wiley; 2016. p. 215–260.", {"publisher": "Wiley", "publisher-place": "Hoboken (NJ)"}),
    ("a law whose kind opens the title gives its number",
     "Federal'nyi zakon ot 14.07.2022 No. 312-FZ \"O melioratsii\" [Federal Law \"On reclamation\"]. Available "
     "at: http://www.consultant.ru/doc/1/ (accessed 10.01.2023).",
     {"number": "312-FZ", "issued": {"date-parts": [[2022, 7, 14]]}}),
    # ---- a part of a book without "//" or "In" (DSTU 8302): the book's imprint before a range of pages
    ("dstu chapter without its mark",
     "Коваль О. М. Реформи освіти. Нариси історії педагогіки / за ред. Н. П. Бойко. Львів : Світ, 2016. С. 40–58.",
     {"type": "chapter", "title": "Реформи освіти", "container-title": "Нариси історії педагогіки",
      "publisher": "Світ", "publisher-place": "Львів", "page": "40–58"}),
    ("gost chapter without its mark",
     "Смирнов А. А. Торговля в XVIII веке. Очерки экономической истории / под ред. Б. В. Орлова. М. : Наука, "
     "2005. С. 77–96.",
     {"type": "chapter", "title": "Торговля в XVIII веке", "container-title": "Очерки экономической истории",
      "publisher-place": "М."}),
    ("references chapter without its mark",
     "Volkov P.N. Rechnoi transport [River transport]. Ocherki istorii Sibiri [Essays]. Novosibirsk, Nauka Publ., "
     "2011, pp. 203–219.",
     {"type": "chapter", "title": "Rechnoi transport", "container-title": "Ocherki istorii Sibiri"}),
    ("a book's page count is no part",
     "Смирнов А. А. Торговля в XVIII веке. Очерки экономической истории. М. : Наука, 2005. 296 с.",
     {"type": "book", "title": "Торговля в XVIII веке. Очерки экономической истории", "number-of-pages": "296"}),
    # ---- the American Mathematical Society's locator: "Journal 12 (2001), no. 3, 45–67"
    ("ams transliterated journal",
     "[4] P. L. Ulyanov, O ryadakh po sisteme Khaara, Izv. Akad. Nauk SSSR Ser. Mat. 28 (1964), no. 5, 925–950 "
     "(Russian).",
     {"type": "article-journal", "title": "O ryadakh po sisteme Khaara",
      "container-title": "Izv. Akad. Nauk SSSR Ser. Mat.", "volume": "28", "issue": "5", "page": "925–950",
      "issued": {"date-parts": [[1964]]}, "language": "ru"}),
    ("ams journal without an issue",
     "[9] R. Moser and T. Lindqvist, Harmonic maps of bounded dilatation, Trans. Amer. Math. Soc. 301 (1987), "
     "211–240.",
     {"title": "Harmonic maps of bounded dilatation", "container-title": "Trans. Amer. Math. Soc.",
      "volume": "301", "page": "211–240", "issued": {"date-parts": [[1987]]}}),
    ("ams journal whose name opens without an abbreviation",
     "[2] I. M. Gelfand, Normierte Ringe, Rec. Math. [Mat. Sbornik] N.S. 9 (1941), no. 1, 3–24.",
     {"volume": "9", "issue": "1", "page": "3–24", "issued": {"date-parts": [[1941]]}}),
    # ---- Chicago bibliographies in Library of Congress romanisation
    ("a quoted title before its translation loses its quotation marks",
     "Zhukova, Dar'ia N. “Kupechestvo Tveri v XVIII veke” [The merchants of Tver in the eighteenth century]. "
     "Otechestvennaia istoriia, no. 2 (2011): 33–48.",
     {"author": [{"family": "Zhukova", "given": "Dar'ia N."}], "title": "Kupechestvo Tveri v XVIII veke",
      "container-title": "Otechestvennaia istoriia", "issue": "2", "page": "33–48"}),
    ("editors written forward after 'edited by' inside a chapter's book",
     "Orlov, Pavel. “Iarmarki Povolzh'ia.” In Torgovlia v Rossii, edited by Nina Kuz'mina and Oleg T. Frolov, "
     "45–61. Moskva: Nauka, 2008.",
     {"type": "chapter", "container-title": "Torgovlia v Rossii", "page": "45–61",
      "editor": [{"family": "Kuz'mina", "given": "Nina"}, {"family": "Frolov", "given": "Oleg T."}]}),
    ("a translator written forward",
     "Grin, Aleksandr. Scarlet Sails. Translated by Mary K. Lowe. London: Hesperus, 2012.",
     {"type": "book", "translator": [{"family": "Lowe", "given": "Mary K."}], "publisher": "Hesperus"}),
    ("an edition after the title's comma",
     "[7] N. N. Bogolyubov, Asimptoticheskie metody, 4th ed., Nauka, Moscow, 1974 (Russian).",
     {"title": "Asimptoticheskie metody", "edition": "4", "publisher": "Nauka", "publisher-place": "Moscow"}),
    ("a volume's number before an imprint of an unknown town",
     "Akty istoricheskie [Historical acts]. Edited by Ivan N. Sokolov. Vol. 2. Vologda: Tipografiia Ermolina, "
     "1888. 412 p.",
     {"volume": "2", "publisher-place": "Vologda", "publisher": "Tipografiia Ermolina",
      "editor": [{"family": "Sokolov", "given": "Ivan N."}]}),
    ("dashes for the previous entry's authors",
     "———. Voina i mir. Moskva: Khudozhestvennaia literatura, 1983.",
     {"author": [{"literal": "———"}], "title": "Voina i mir", "publisher-place": "Moskva"}),
    # ---- laws: dates written out, and "г." or "р." before the number
    ("a law's date written out in English",
     "Law of Ukraine of 5 March 2009 No. 1069-VI “On Insurance Brokers” // Vidomosti Verkhovnoi Rady Ukrainy. "
     "2009. No. 30. Art. 401.",
     {"type": "legislation", "number": "1069-VI", "issued": {"date-parts": [[2009, 3, 5]]}}),
    ("a law's Ukrainian date and 'р.' before its number",
     "Закон України від 17 березня 2011 р. № 3166-VI «Про центральні органи виконавчої влади» // Відомості "
     "Верховної Ради України. 2011. № 38. Ст. 385.",
     {"type": "legislation", "number": "3166-VI", "issued": {"date-parts": [[2011, 3, 17]]},
      "container-title": "Відомості Верховної Ради України"}),
    ("a law's date with 'г.' before its number",
     "Федеральный закон от 6 октября 2003 г. № 131-ФЗ «Об общих принципах организации местного самоуправления» "
     "// Собрание законодательства РФ. 2003. № 40. Ст. 3822.",
     {"type": "legislation", "number": "131-ФЗ", "issued": {"date-parts": [[2003, 10, 6]]}}),
    # ---- laws' quoted names, codes, and courts' decisions
    ("a law's quoted name after its number is its title",
     "Закон України від 02.06.2016 № 1402-VIII «Про судоустрій і статус суддів» // Відомості Верховної Ради "
     "України. 2016. № 31. Ст. 545.",
     {"type": "legislation", "title": "Про судоустрій і статус суддів", "number": "1402-VIII",
      "issued": {"date-parts": [[2016, 6, 2]]}}),
    ("an English code without a quoted name",
     "Tax Code of Ukraine of 2 December 2010 No. 2755-VI. – URL: https://zakon.rada.gov.ua/laws/show/2755-17 "
     "(accessed: 14.05.2022).",
     {"type": "legislation", "title": "Tax Code of Ukraine", "number": "2755-VI",
      "issued": {"date-parts": [[2010, 12, 2]]}}),
    ("a case before the European Court of Human Rights",
     "Case of Kharitonov v. Russia (Application no. 10795/14) : judgment of the European Court of Human Rights "
     "of 23 June 2020. – URL: https://hudoc.echr.coe.int/eng?i=001-202947 (accessed: 01.02.2022).",
     {"type": "legal_case", "title": "Case of Kharitonov v. Russia", "number": "10795/14",
      "issued": {"date-parts": [[2020, 6, 23]]}}),
    ("a supreme court's resolution in a case",
     "Resolution of the Supreme Court of 12 March 2019 in case No. 910/5432/18. – URL: "
     "https://reyestr.court.gov.ua/Review/80412345 (accessed: 02.02.2021).",
     {"type": "legal_case", "title": "Resolution of the Supreme Court", "number": "910/5432/18",
      "issued": {"date-parts": [[2019, 3, 12]]}}),
    ("a constitutional court's decision in Ukrainian",
     "Рішення Конституційного Суду України від 13.12.2019 № 7-р/2019. URL: "
     "https://zakon.rada.gov.ua/laws/show/v007p710-19 (дата звернення: 11.01.2021).",
     {"type": "legal_case", "title": "Рішення Конституційного Суду України", "number": "7-р/2019",
      "issued": {"date-parts": [[2019, 12, 13]]}}),
    ("a physics title's 'resolution of 5' is no law",
     "Berg K. High resolution of 5 nm features in electron lithography. J. Appl. Phys., 2011, vol. 9, pp. 1–5.",
     {"type": "article-journal"}),
    # ---- GOST's other title information naming the kind of book leaves the title
    ("a monograph's other title information",
     "Савчук О. М. Правове регулювання земельних відносин : монографія. Київ : Юрінком Інтер, 2019. 288 с.",
     {"type": "book", "title": "Правове регулювання земельних відносин", "publisher": "Юрінком Інтер"}),
    ("a collection's other title information in the container",
     "Зайцев П. Р. Реформы Сперанского // Российская история XIX века : сб. науч. тр. / под ред. А. А. Титова. "
     "М. : Наука, 2010. С. 45–60.",
     {"type": "chapter", "container-title": "Российская история XIX века", "page": "45–60"}),
    ("a multi-volume work's 'у 3 т.'",
     "Енциклопедія сучасної України : у 5 т. / за ред. І. М. Дзюби. Київ : НАН України, 2003. Т. 1. 823 с.",
     {"title": "Енциклопедія сучасної України", "number-of-volumes": "5", "volume": "1"}),
    ("a title whose colon is its own keeps it",
     "Смирнов В. В. Атомная энергетика: история и перспективы. М. : Энергоатомиздат, 2005. 320 с.",
     {"title": "Атомная энергетика: история и перспективы"}),
    # ---- theses, newspapers and multi-volume books in Chicago and numbered styles
    ("a thesis's kind after the title's comma and its university",
     "[12] O. V. Lysenko, Rigidity of random graphs, Ph.D. thesis, Taras Shevchenko National University of Kyiv, "
     "2016.",
     {"type": "thesis", "title": "Rigidity of random graphs", "genre": "Ph.D. thesis",
      "publisher": "Taras Shevchenko National University of Kyiv"}),
    ("a Chicago dissertation's university",
     "Hale, Tomas. “Grain Markets of the Volga, 1870–1914.” PhD diss., University of Chicago, 2011.",
     {"type": "thesis", "genre": "PhD diss.", "publisher": "University of Chicago"}),
    ("a newspaper and its day after a quoted title",
     "Orlova, Vera. “Moskva gotovitsia k zime.” Kommersant, November 2, 2019.",
     {"type": "article-newspaper", "container-title": "Kommersant", "issued": {"date-parts": [[2019, 11, 2]]}}),
    ("a newspaper's day before its address",
     "Brandt, Lea. 2020. “Trains Return to the Valley.” Guardian, June 5, 2020. https://example.org/trains.",
     {"type": "article-newspaper", "container-title": "Guardian", "URL": "https://example.org/trains"}),
    ("a title's own date before a chapter's book stays the title's",
     "Lee, R. (2019). Memo on Trade, May 3, 1951. In R. Lee (Ed.), Documents of Trade (pp. 1–5). Verso.",
     {"title": "Memo on Trade, May 3, 1951", "container-title": "Documents of Trade"}),
    ("Chicago's number of volumes",
     "Orlov, Ilia. Istoriia Sibiri [A history of Siberia]. 3 vols. Novosibirsk: Nauka, 1999.",
     {"number-of-volumes": "3", "publisher": "Nauka", "publisher-place": "Novosibirsk"}),
    # ---- translators "from English", patents with their country first, ministries as authors
    ("a translator 'from English'",
     "Kotler F. Osnovy marketinga [Principles of marketing]. Transl. from English by Bozhuk S.G. Moscow: Vil'yams "
     "Publ., 2007. 656 p. (In Russ.)",
     {"translator": [{"family": "Bozhuk", "given": "S.G."}], "publisher-place": "Moscow"}),
    ("IEEE's 'trans. from English by'",
     "[5] M. Fowler, Refaktoring [Refactoring], trans. from English by V. L. Orlov. Moscow: Vil'yams, 2008, 448 p.",
     {"translator": [{"family": "Orlov", "given": "V. L."}], "publisher": "Vil'yams"}),
    ("a patent whose country comes first",
     "[9] A. P. Sidorov, “Sposob ochistki vody [Water purification method],” RU Patent 2654321, Jul. 3, 2018.",
     {"type": "patent", "number": "2654321"}),
    ("a ministry transliterated as the author",
     "Ministerstvo obrazovaniya i nauki Rossiiskoi Federatsii. Doklad o sostoyanii obrazovaniya [Report on the state "
     "of education]. Moscow, 2015. 120 p. (In Russ.)",
     {"author": [{"literal": "Ministerstvo obrazovaniya i nauki Rossiiskoi Federatsii"}],
      "title": "Doklad o sostoyanii obrazovaniya"}),
    ("a day in parentheses after a URL is the access date",
     "Petrova, N. 2014. “Reactor Atlas.” https://example.org/atlas/ (March 3, 2019).",
     {"URL": "https://example.org/atlas/", "accessed": {"date-parts": [[2019, 3, 3]]},
      "issued": {"date-parts": [[2014]]}}),
    ("ISO 690's bracketed 'no date' after the names",
     "ORLOV, K. and LISINA, M., [no date]. Coastal Erosion in the Baltic. Riga: Zinatne.",
     {"author": [{"family": "Orlov", "given": "K."}, {"family": "Lisina", "given": "M."}],
      "title": "Coastal Erosion in the Baltic", "publisher": "Zinatne"}),
    ("ACS's abbreviated journal keeps its period before the year",
     "(5) Ruiz, A.; Chen, B. Flow Photochemistry at Scale. Chem. Eng. J. 2019, 23, 1122–1130.",
     {"container-title": "Chem. Eng. J.", "volume": "23", "page": "1122–1130"}),
    ("ams issue without a volume, the journal cut by its periods",
     "[6] P. K. Ostapenko, On the spectrum of a transport operator, Dopov. Akad. Nauk Ukr. RSR Ser. A (1988), "
     "no. 3, 11–14 (Ukrainian).",
     {"title": "On the spectrum of a transport operator", "container-title": "Dopov. Akad. Nauk Ukr. RSR Ser. A",
      "issue": "3", "page": "11–14", "issued": {"date-parts": [[1988]]}}),
    ("a law's number before its date and quoted name",
     "Law of Ukraine No. 1404-VIII “On Enforcement Proceedings” of 2 June 2016. URL: "
     "https://zakon.rada.gov.ua/laws/show/1404-19 (accessed: 01.03.2022).",
     {"type": "legislation", "title": "On Enforcement Proceedings", "number": "1404-VIII",
      "issued": {"date-parts": [[2016, 6, 2]]}}),
    ("a law's designation as its own sentence before its title",
     "Zakon Ukrainy No. 1556-VII vid 01.07.2014. Pro vyshchu osvitu [On higher education]. Available from: "
     "https://zakon.rada.gov.ua/laws/show/1556-18",
     {"type": "legislation", "title": "Pro vyshchu osvitu", "number": "1556-VII",
      "issued": {"date-parts": [[2014, 7, 1]]}}),
    ("a court before its case in a Vancouver list",
     "Verkhovnyi Sud. Postanova u spravi No. 522/1029/18 vid 12.05.2021 [Resolution in case No. 522/1029/18] "
     "[Internet]. Available from: https://reyestr.court.gov.ua/Review/96851234",
     {"type": "legal_case", "author": [{"literal": "Verkhovnyi Sud"}], "number": "522/1029/18",
      "issued": {"date-parts": [[2021, 5, 12]]}}),
    ("a Ukrainian thesis named in brackets",
     "Melnyk OP. Likuvannia hipertonii u litnikh patsiientiv [Treatment of hypertension in elderly patients] "
     "[avtoreferat dysertatsii]. Kyiv; 2017. 20 p.",
     {"type": "thesis", "genre": "avtoreferat dysertatsii"}),
    ("Vancouver's issue day",
     "Lindqvist A, Osei B. Sepsis in the elderly. Lancet. 2019 Feb 9;393(10171):545-56.",
     {"issued": {"date-parts": [[2019, 2, 9]]}, "volume": "393", "issue": "10171"}),
    # ---- what the kinds of laws and courts must not take (the session's review)
    ("a biology title's 'Regulation of 3' is no law",
     "Smith J. Regulation of 3 genes by microRNA in yeast. Journal of Biology. 2010;5:1-10.",
     {"type": "article-journal", "title": "Regulation of 3 genes by microRNA in yeast"}),
    ("an authored article about a ship's 'суда' is no court case",
     "Иванов И.И. Решение задачи о качке суда на волнении // Судостроение. 2010. № 3. С. 10–15.",
     {"type": "article-journal", "container-title": "Судостроение"}),
    ("a court's decision in a gazette: its number, the gazette's article its section",
     "Рішення Конституційного Суду України від 26.02.2019 № 1-р/2019 // Офіційний вісник України. 2019. № 21. "
     "Ст. 726.",
     {"type": "legal_case", "number": "1-р/2019", "section": "726", "issued": {"date-parts": [[2019, 2, 26]]}}),
    ("a title opening with 'Tsentr i' is no organisation",
     "Tsentr i periferiia v istorii Rossii. Moskva: Nauka, 2001.",
     {"title": "Tsentr i periferiia v istorii Rossii", "publisher": "Nauka", "publisher-place": "Moskva"}),
    ("a forward-named translator after 'Transl. from English by'",
     "Tolstoi L. Voina i mir [War and peace]. Transl. from English by Anna Smith. London: Penguin, 2001.",
     {"translator": [{"family": "Smith", "given": "Anna"}]}),
    ("a language note without 'in'",
     "Kovalev A. A. Teoriya uprugosti. Moscow: Nauka, 1990. 320 p. (Russian)",
     {"type": "book", "language": "ru", "publisher": "Nauka"}),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), [(t, e) for _, t, e in CASES], ids=[i for i, _, _ in CASES])
def test_rules_read_the_shape(text: str, expected: dict[str, Any]) -> None:
    assert wrong_fields(expected, to_csl_json(parse_reference(text, labeller=False))) == {}


def test_capitalised_elisions_inside_a_title_are_no_french() -> None:
    """Italian's "L'amministrazione" after the title's first word counts for no French article."""
    reference = parse_reference(
        "Di Michele, A. L'italianizzazione imperfetta : L'amministrazione pubblica dell'Alto Adige. "
        "Alessandria: Orso, 2003.",
        labeller=False,
    )
    assert reference.title_language != "fr"
