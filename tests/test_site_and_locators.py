"""The rules on shapes the CSL styles print for web pages, meetings, forward names and APA's one page: unseen
variants, each read by the rules alone (``labeller=False``: these are the rules' readings)."""

from __future__ import annotations

from typing import Any

import pytest

from translit_refs import parse_reference, to_csl_json

from gold import same

CASES: list[tuple[str, str, dict[str, Any]]] = [
    # ---- a web page's site: the one unplaced sentence after its title, before its URL or access date
    ("apa website bracket",
     "Grain Harvest Estimates. (1953, July 1). [Website]. State Statistics Office.",
     {"type": "webpage", "medium": "Website", "title": "Grain Harvest Estimates",
      "container-title": "State Statistics Office"}),
    ("apa website after title",
     "Rostov, P. (n.d.). Letters from the Front [Official website]. The Memorial Project.",
     {"type": "webpage", "title": "Letters from the Front", "container-title": "The Memorial Project"}),
    ("asa retrieved",
     "Anon. 1961. “Report on the Grain Harvest.” State Statistics Office. Retrieved May 2, 2020.",
     {"type": "webpage", "container-title": "State Statistics Office", "accessed": {"date-parts": [[2020, 5, 2]]}}),
    ("chicago accessed and url",
     "Baker, L. 2018. “River Levels Today.” Hydro Watch. Accessed June 1, 2021. https://example.org/rivers.",
     {"type": "webpage", "container-title": "Hydro Watch", "URL": "https://example.org/rivers"}),
    ("a database after the access date is no site",
     "Ortiz, R. 2009. “Title of a Page.” Retrieved January 2, 2010, from Some Database.",
     {"container-title": None}),
    ("a piece of a torn URL is no site",
     "Graphene – Wikipedia. Available at: https://en.wikipedia.org/wiki/ Graphene (accessed 3 Oct. 2016).",
     {"container-title": None}),
    ("iso 690 online and access date in brackets",
     "Physics of Research Reactors, [no date]. Online. [Accessed 23 July 2022]. Available from: https://example.org/a.pdf",
     {"type": "webpage", "medium": "Online", "accessed": {"date-parts": [[2022, 7, 23]]}, "container-title": None}),
    ("harvard viewed in brackets",
     "Smith, J. (2010) Page title. [viewed 12 May 2020]. Available from: http://example.org",
     {"accessed": {"date-parts": [[2020, 5, 12]]}, "URL": "http://example.org"}),
    # ---- a meeting's place after its proceedings' title (a town no lexicon knows before its country; a
    # known town is read as the imprint's place, as before)
    ("proceedings then town and country",
     "Ivanov, A., 2011. A code for fast reactors, in: Proc. of Intern. Conf. «PHYSOR-2011». Avignon, France.",
     {"type": "paper-conference", "container-title": "Proc. of Intern. Conf. «PHYSOR-2011»",
      "event-place": "Avignon, France"}),
    ("gost proceedings then place and year",
     "Petrov B. Coolant chemistry // Proc. of Intern. Conf. on Water Chemistry. Tsuruga, Japan, 2008.",
     {"container-title": "Proc. of Intern. Conf. on Water Chemistry", "event-place": "Tsuruga, Japan",
      "issued": {"date-parts": [[2008]]}}),
    ("chicago in proceedings",
     "Orlov, S. “Neutron Noise.” In Proceedings of the Conference on Reactor Physics. Sendai, Japan, 2014.",
     {"container-title": "Proceedings of the Conference on Reactor Physics", "event-place": "Sendai, Japan"}),
    ("a known town stays the imprint's",
     "Orlov, S. “Neutron Noise.” In Proceedings of the Conference on Reactor Physics. Kyoto, Japan, 2014.",
     {"container-title": "Proceedings of the Conference on Reactor Physics", "publisher-place": "Kyoto, Japan"}),
    # ---- names printed given name first end where "Given I." would open the title
    ("forward names then a title opening with a name",
     "A. Ortega, Dwight D. Eisenhower and the Cold War, Diplomatic History 10 (2001) 155–174.",
     {"author": [{"family": "Ortega", "given": "A."}], "title": "Dwight D. Eisenhower and the Cold War"}),
    ("two forward names then a title opening with a name",
     "S. Tanaka, M. Mori, Harry S. Truman and the Bomb, Kyoto Univ. Press, Kyoto, 2003.",
     {"author": [{"family": "Tanaka", "given": "S."}, {"family": "Mori", "given": "M."}],
      "title": "Harry S. Truman and the Bomb"}),
    ("a family-first name with two initials stays a name",
     "G.B. Engle, Johnson W.R. Properties of graphites. San Francisco, General Atomics, 1976.",
     {"author": [{"family": "Engle", "given": "G.B."}, {"family": "Johnson", "given": "W.R."}]}),
    ("and before a short family name",
     "Wang, X., and Y. Li. 2015. “A Model of Remelting.” Metallurgical Transactions B 46 (4): 1837–49.",
     {"author": [{"family": "Wang", "given": "X."}, {"family": "Li", "given": "Y."}],
      "title": "A Model of Remelting", "issued": {"date-parts": [[2015]]}}),
    ("ampersand before a short family name",
     "Chen, L., & Y. Wu. 2019. “Short Names.” Journal of Names 3: 1–9.",
     {"author": [{"family": "Chen", "given": "L."}, {"family": "Wu", "given": "Y."}], "title": "Short Names"}),
    ("two-letter initials before a family name stay initials",
     "A. Yu. Ivanov, B. Petrov. Reaktory. Moscow, Nauka, 2001.",
     {"author": [{"family": "Ivanov", "given": "A. Yu."}, {"family": "Petrov", "given": "B."}]}),
    ("vancouver hyphenated initials",
     "Corke S-J. Covert Operations and Cold War Strategy. NY: Routledge; 2008.",
     {"author": [{"family": "Corke", "given": "S-J"}], "title": "Covert Operations and Cold War Strategy"}),
    ("vancouver initials of iu and eu",
     "Khomiakov IuS, Matusevich EuS, Petrov AB. Aktivnaia zona [The core]. Atomnaia energiia 2010;108:206–11.",
     {"author": [{"family": "Khomiakov", "given": "IuS"}, {"family": "Matusevich", "given": "EuS"},
                 {"family": "Petrov", "given": "AB"}]}),
    ("elsevier vancouver year and pages before a doi",
     "Yuferov AG. Prompt Criticality. Izvestiya vuzov Yadernaya Energetika 2021:135–45. https://doi.org/10.1/x.",
     {"type": "article-journal", "container-title": "Izvestiya vuzov Yadernaya Energetika", "page": "135–45",
      "issued": {"date-parts": [[2021]]}}),
    ("vancouver issue of a journal numbered by issue and in all",
     "Yungblud V, Sadakov D. Diplomaticheskoe obespechenie [Diplomatic Support]. Vestnik MGIMO. 2018;(4 (61)):241-261.",
     {"issue": "4 (61)", "page": "241-261", "container-title": "Vestnik MGIMO", "volume": None}),
    ("din names before a colon",
     "Hoffmann, Katrin ; Bauer, Lukas: Korrosion von Stahl. In: Materials Bd. 71 (2020), Nr. 5, S. 812–825",
     {"author": [{"family": "Hoffmann", "given": "Katrin"}, {"family": "Bauer", "given": "Lukas"}],
      "title": "Korrosion von Stahl", "container-title": "Materials", "volume": "71"}),
    ("din one name before a colon",
     "Shterenlikht, Anton: Parallel Programming with Fortran, 2018",
     {"author": [{"family": "Shterenlikht", "given": "Anton"}], "title": "Parallel Programming with Fortran"}),
    ("din initials without their period before a semicolon",
     "Chebeskov, A.N ; Kagramanyan, V.S.: Role of Fuel Centers. In: Proceedings of Global 2009. Paris, France, 2009",
     {"author": [{"family": "Chebeskov", "given": "A.N"}, {"family": "Kagramanyan", "given": "V.S."}],
      "title": "Role of Fuel Centers"}),
    ("mla et al after a name given in full",
     "Hisakata, Rumi, et al. “An Adaptable Metric.” Current Biology, vol. 26, no. 14, July 2016, pp. 1911–15.",
     {"author": [{"family": "Hisakata", "given": "Rumi"}], "title": "An Adaptable Metric"}),
    ("an organisation before a quoted title",
     "Istoriko-dokumentalnyi departament MID Rossii. “K zaversheniyu voiny [To the End of the War].” Website, n.d.",
     {"author": [{"literal": "Istoriko-dokumentalnyi departament MID Rossii"}], "title": "K zaversheniyu voiny"}),
    ("nature's book imprint in parentheses before a doi",
     "Arkadov, G. V. & Slepov, M. T. Vibration Acoustics. (World Scientific, 2021). doi:10.1142/12220.",
     {"type": "book", "title": "Vibration Acoustics", "publisher": "World Scientific", "DOI": "10.1142/12220",
      "issued": {"date-parts": [[2021]]}}),
    # ---- Chicago's pages closing a chapter's book before its imprint
    ("chicago chapter pages",
     "Aksyonov, Vasily. 1989. “Title of It.” In Book of Things, 12–19. New York: Liberty.",
     {"type": "chapter", "container-title": "Book of Things", "page": "12–19", "publisher": "Liberty"}),
    ("chicago proceedings pages then place",
     "Trana, E., and T. Chereches. 2007. “Steel Models.” In Conf. on System Science, 269–73. Venice, Italy.",
     {"container-title": "Conf. on System Science", "page": "269–73"}),
    ("a range of years in a title is no pages",
     "Halvorsen, Ingrid. 2016. Norwegian Pietism, 1700–1800. Oslo: Universitetsforlaget.",
     {"page": None, "title": "Norwegian Pietism, 1700–1800"}),
    # ---- APA's volume and one page at the end
    ("apa one page",
     "Sidorov, K. L. (1971). Thermal stresses in fuel rods. Nuclear Design, 9, 118.",
     {"type": "article-journal", "container-title": "Nuclear Design", "volume": "9", "page": "118"}),
    ("apa one page then doi",
     "Lee, M. (2003). Short note on drift. Plasma Letters, 14, 7. https://doi.org/10.1000/xyz",
     {"container-title": "Plasma Letters", "volume": "14", "page": "7", "DOI": "10.1000/xyz"}),
    ("a year after a number is no page",
     "Askew J.R. Lattice codes, Journal of the Society 5, 4, 564, 1966.",
     {"page": None}),
    ("pages of a note after a bracket are no journal",
     "Henry James, “Hawthorne,” in Criticism (New York: Library of America, 1983), 427, 426.",
     {"volume": None}),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), [(t, e) for _, t, e in CASES], ids=[name for name, _, _ in CASES])
def test_rules_read_the_variant(text: str, expected: dict[str, Any]) -> None:
    item = to_csl_json(parse_reference(text, labeller=False))
    wrong = {key: item.get(key) for key, want in expected.items() if not same(key, want, item.get(key))}
    assert wrong == {}
