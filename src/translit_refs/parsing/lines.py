"""What a line is: one definition for ``parse_references(str)`` and the command line.

A line ends at "\\n", "\\r\\n" or "\\r" (Python's universal newlines, as text files are read). The
other characters Unicode counts as line breaks (vertical tab, form feed, U+0085, U+2028, U+2029,
the file, group and record separators) stay inside their line, and normalisation reads them as
spaces. A byte order mark that opens the text is no part of its first line.
"""

from __future__ import annotations

import re

#: The line breaks: universal newlines.
LINE_BREAK = re.compile(r"\r\n|\r|\n")
BOM = "\ufeff"


def text_lines(text: str) -> list[str]:
    """The lines of a text (without their breaks and without an opening byte order mark)."""
    return LINE_BREAK.split(text.removeprefix(BOM))
