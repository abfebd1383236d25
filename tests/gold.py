"""Comparison rules of the seed gold file (tests/fixtures/seed_gold.jsonl).

They follow the rules stated with the gold: dashes and runs of white space are equal in
text fields (not in DOI); names compare family exactly and given ignoring spaces; dates
compare date-parts and season; publisher-place treats ", " and "; " alike.
"""

from __future__ import annotations

import re
from typing import Any

_DASHES = re.compile(r"[\u2010\u2011\u2012\u2013\u2014\u2212-]")
_NAME_KEYS = {"author", "editor", "contributor", "translator", "container-author", "collection-editor"}


def _text(value: Any) -> str:
    return re.sub(r"\s+", " ", _DASHES.sub("-", str(value))).strip()


def _names(value: Any) -> list[tuple[str, str]] | None:
    if not isinstance(value, list):
        return None
    return [(_text(n.get("family", "")), re.sub(r"\s+", "", _text(n.get("given", "")))) for n in value]


def _date(value: Any) -> tuple[tuple[int, ...] | None, str | None] | None:
    if not isinstance(value, dict):
        return None
    parts = value.get("date-parts")
    first = tuple(int(x) for x in parts[0]) if parts and parts[0] else None
    season = value.get("season")
    return first, None if season is None else str(season)


def same(key: str, want: Any, got: Any) -> bool:
    """True when ``got`` matches ``want`` under the gold's rules."""
    if want is None:
        return got in (None, "", [], {})
    if got is None:
        return False
    if key in _NAME_KEYS:
        return _names(want) == _names(got)
    if key in ("issued", "accessed", "original-date"):
        return _date(want) == _date(got)
    if key == "DOI":
        return str(want) == str(got)
    if key == "publisher-place":
        return re.sub(r"\s*[;,]\s*", ", ", _text(want)) == re.sub(r"\s*[;,]\s*", ", ", _text(got))
    if key == "custom":
        return isinstance(got, dict) and all(same(k, v, got.get(k)) for k, v in want.items())
    return _text(want) == _text(got)


def checks(gold: dict[str, Any], item: dict[str, Any]) -> list[tuple[str, bool]]:
    """Every gold check on ``item``: a readable line and whether ``item`` passes it."""
    found: list[tuple[str, bool]] = []
    keys = list(gold["expect"]) + [k for k in gold.get("alt", {}) if k not in gold["expect"]]
    for key in keys:
        options = gold.get("alt", {}).get(key, [gold["expect"].get(key)])
        ok = any(same(key, option, item.get(key)) for option in options)
        found.append((f"{key}: want {options[0]!r}, got {item.get(key)!r}", ok))
    for key in gold.get("absent", []):
        found.append((f"{key}: must be absent, got {item.get(key)!r}", not absent_value(key, item)))
    return found


#: What an absent ``custom`` denies: a translation (``custom`` itself also holds the parser's notes).
_TRANSLATED = ("translated-title", "translated-container-title")


def absent_value(key: str, item: dict[str, Any]) -> Any:
    """The value an ``absent`` gold key forbids: the key's own, or for ``custom`` its translations only."""
    if key == "custom":
        custom = item.get("custom") or {}
        return [custom[name] for name in _TRANSLATED if custom.get(name)]
    return item.get(key)


def wrong_fields(expected: dict[str, Any], item: dict[str, Any]) -> dict[str, Any]:
    """The keys of ``expected`` that ``item`` does not match under the gold's rules, with ``item``'s values."""
    return {key: item.get(key) for key, want in expected.items() if not same(key, want, item.get(key))}


def misses(gold: dict[str, Any], item: dict[str, Any]) -> list[str]:
    """Every gold check that ``item`` fails, as readable lines."""
    return [line for line, ok in checks(gold, item) if not ok]
