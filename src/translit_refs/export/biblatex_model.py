"""biblatex's data model: which fields each entry type we write may carry.

Transcribed from biblatex's ``blx-dm.def`` (biblatex 3.x, LPPL 1.3c, as in TeX Live and Debian's
``texlive-bibtex-extra``): its ``\\DeclareDatamodelEntryfields`` lists for the entry types the
BibTeX export writes, and the fields every type may carry. ``biber --tool --validate-datamodel``
checks the export against the same model in the tests (biber's own ``biber-tool.conf`` lists the
same fields for these types). ``@standard`` is declared there with no field at all, so standards are
written as ``@report`` with ``type = {standard}``.
"""

from __future__ import annotations


def _fields(names: str) -> frozenset[str]:
    return frozenset(names.split())


#: Fields every entry type may carry (the dates are declared apart from the others in blx-dm.def).
BIBLATEX_GENERAL_FIELDS = _fields(
    "abstract annotation doi eprint eprintclass eprinttype entrysubtype keywords label langid langidopts "
    "library origlocation origpublisher origtitle shorttitle shorthand sortkey url year month day date "
    "urldate eventdate origdate"
)
_EDITORS = "editor editora editorb editorc editortype editoratype editorbtype editorctype"
_BOOK_PARTS = (
    "afterword annotator commentator edition foreword introduction isbn language location mainsubtitle "
    "maintitle maintitleaddon note number origlanguage pages part publisher pubstate series subtitle title "
    "titleaddon translator volume volumes"
)

#: Fields whose value must be an integer (biber drops any other value).
BIBLATEX_INTEGER_FIELDS = frozenset({"volume", "volumes"})

#: Fields each entry type may carry besides the general ones.
BIBLATEX_FIELDS: dict[str, frozenset[str]] = {
    "article": _fields(
        f"addendum annotator author commentator {_EDITORS} eid issn issue issuetitle issuesubtitle "
        "issuetitleaddon journalsubtitle journaltitle journaltitleaddon language note number origlanguage "
        "pages pubstate series subtitle title titleaddon translator version volume"
    ),
    "book": _fields(f"author addendum chapter {_EDITORS} eid pagetotal {_BOOK_PARTS}"),
    "incollection": _fields(
        f"addendum author booksubtitle booktitle booktitleaddon chapter {_EDITORS} eid {_BOOK_PARTS}"
    ),
    "inproceedings": _fields(
        "addendum author booksubtitle booktitle booktitleaddon chapter editor editortype eid eventtitle "
        "eventtitleaddon isbn language location mainsubtitle maintitle maintitleaddon note number "
        "organization pages part publisher pubstate series subtitle title titleaddon venue volume volumes"
    ),
    "dataset": _fields(
        "addendum author edition editor editortype language location note number organization publisher pubstate "
        "series subtitle title titleaddon type version"
    ),
    "online": _fields(
        "addendum author editor editortype language note organization pubstate subtitle title titleaddon version"
    ),
    "patent": _fields("addendum author holder location note number pubstate subtitle title titleaddon type version"),
    "periodical": _fields(
        f"addendum {_EDITORS} issn issue issuesubtitle issuetitle issuetitleaddon language note number "
        "pubstate series subtitle title titleaddon volume yeardivision"
    ),
    "report": _fields(
        "addendum author chapter eid institution isrn language location note number pages pagetotal pubstate "
        "subtitle title titleaddon type version"
    ),
    "thesis": _fields(
        "addendum author chapter eid institution language location note pages pagetotal pubstate subtitle "
        "title titleaddon type"
    ),
    "unpublished": _fields(
        "addendum author eventtitle eventtitleaddon howpublished language location note pubstate subtitle "
        "title titleaddon type venue"
    ),
    "misc": _fields(
        "addendum author editor editortype howpublished language location note organization pubstate "
        "subtitle title titleaddon type version"
    ),
}
