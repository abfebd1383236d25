"""The rules on shapes the CSL styles print for web pages, meetings and journals numbered by issue: unseen
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
