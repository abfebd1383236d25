"""The kinds of tokens and elements the rules test for, each named once.

Most are terminals of ``grammars/reference.lark`` (``tests/test_lexicon.py`` checks every one
against the compiled grammar); a few are kinds the skeleton builder and the layout give to what
the grammar found (``DERIVED``). A kind spelled wrong is a name error here, not a silent miss.
"""

from __future__ import annotations

from typing import Final

# ---- persons ------------------------------------------------------------------------------
NAME: Final = "NAME"
GIVEN_NAME: Final = "GIVEN_NAME"
FULL_NAME: Final = "FULL_NAME"
INVERTED_NAME: Final = "INVERTED_NAME"
FORWARD_NAME: Final = "FORWARD_NAME"
ETAL: Final = "ETAL"
ED_MARK: Final = "ED_MARK"
ANONYMOUS: Final = "ANONYMOUS"
SAME_AUTHORS: Final = "SAME_AUTHORS"
CONTAINER_EDITORS: Final = "CONTAINER_EDITORS"
PAREN_EDITORS: Final = "PAREN_EDITORS"
MEETING_PAREN: Final = "MEETING_PAREN"
PAREN_TRANSLATORS: Final = "PAREN_TRANSLATORS"
ORIGINAL_DATE: Final = "ORIGINAL_DATE"
PREPRINT_ID: Final = "PREPRINT_ID"

# ---- sentences -----------------------------------------------------------------------------
SEG: Final = "SEG"
NAME_SEP: Final = "NAME_SEP"
YEAR_SEG: Final = "YEAR_SEG"
QUOTED: Final = "QUOTED"
LABEL: Final = "LABEL"
CITATION_NUMBER: Final = "CITATION_NUMBER"

# ---- markers -------------------------------------------------------------------------------
TRANSLATION: Final = "TRANSLATION"
MEDIUM: Final = "MEDIUM"
IN: Final = "IN"
N_VOLS: Final = "N_VOLS"
EDITORS_NOTE: Final = "EDITORS_NOTE"
VOLUME: Final = "VOLUME"
ISSUE: Final = "ISSUE"
PAGES: Final = "PAGES"
PAGE_COUNT: Final = "PAGE_COUNT"
PART: Final = "PART"
BOOK: Final = "BOOK"
ARTICLE_NO: Final = "ARTICLE_NO"
THESIS: Final = "THESIS"
REPORT_NO: Final = "REPORT_NO"
REPORT_CODE: Final = "REPORT_CODE"
SERIES_NO: Final = "SERIES_NO"
EDITION: Final = "EDITION"
PUBLISHED: Final = "PUBLISHED"
STANDARD: Final = "STANDARD"
PATENT: Final = "PATENT"
ISBN: Final = "ISBN"
DATE_PAREN: Final = "DATE_PAREN"
HEAD_YEAR: Final = "HEAD_YEAR"
DATE_TEXT: Final = "DATE_TEXT"
SEASON: Final = "SEASON"
ACCESS: Final = "ACCESS"
ACCESS_TEXT: Final = "ACCESS_TEXT"
DOI: Final = "DOI"
LANG_NOTE: Final = "LANG_NOTE"
APA_LOCATOR: Final = "APA_LOCATOR"
VANCOUVER_LOCATOR: Final = "VANCOUVER_LOCATOR"
COLON_LOCATOR: Final = "COLON_LOCATOR"
YEAR_LOCATOR: Final = "YEAR_LOCATOR"
CHICAGO_LOCATOR: Final = "CHICAGO_LOCATOR"
BARE_VOLUME: Final = "BARE_VOLUME"
BARE_PAGES: Final = "BARE_PAGES"
CLOSING_LOCATOR: Final = "CLOSING_LOCATOR"
PAREN_YEAR_LOCATOR: Final = "PAREN_YEAR_LOCATOR"
AMS_LOCATOR: Final = "AMS_LOCATOR"
JOURNAL_YEAR: Final = "JOURNAL_YEAR"
PAREN_IMPRINT: Final = "PAREN_IMPRINT"
BARE_URL: Final = "BARE_URL"
PAREN_PAGES: Final = "PAREN_PAGES"
ARCHIVE_LOCATOR: Final = "ARCHIVE_LOCATOR"
URL_MARK: Final = "URL_MARK"
URL_VALUE: Final = "URL_VALUE"
RESPONSIBILITY: Final = "RESPONSIBILITY"
MORE_RESPONSIBILITY: Final = "MORE_RESPONSIBILITY"
EDITORS: Final = "EDITORS"
TRANSLATORS: Final = "TRANSLATORS"

# ---- derived: kinds the skeleton builder and the layout give ---------------------------------
#: A URL element: its mark ("URL:", "Available at:") and its value.
URL: Final = "URL"
#: "Vol. N" read as a journal's locator (no volume title follows it).
JOURNAL_VOLUME: Final = "JOURNAL_VOLUME"
#: The leading run of sentences, before the first marker.
LEAD: Final = "LEAD"
#: An editor mark the layout moved out of the head ("Title (Ed.)").
EDITOR_MARK: Final = "EDITOR_MARK"

#: The kinds that are not terminals of the grammar.
DERIVED: Final = frozenset({URL, JOURNAL_VOLUME, LEAD, EDITOR_MARK})
#: Every kind named here.
ALL: Final = frozenset(value for name, value in dict(globals()).items() if name.isupper() and isinstance(value, str))
