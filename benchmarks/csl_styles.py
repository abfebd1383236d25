"""How well lists printed in many CSL styles are read: the gold items rendered by citeproc-js, parsed back.

    npm ci --prefix tests/clients          # once, when tests/clients/node_modules is missing
    apt-get install citation-style-language-styles
    python benchmarks/csl_styles.py [--styles apa,ieee] [--json OUT] [--verbose]
        [--scorer ../shared/tools/score_csl.py] [--shared ../shared] [--cache DIR]

Items: the gold CSL-JSON of ``shared/seed/gold.jsonl`` and ``shared/corpus/dev_gold.jsonl`` (``expect``;
a key only in ``alt`` takes its first non-null value), as the library's ``display`` profile gives them to
CSL processors: a bracketed translation in ``custom`` becomes part of the title, "Original
[Translation]" (and likewise the container's), and ``custom`` is dropped (so are the profile's ``note``
lines for Zotero: citeproc-js reads the gold's variables and types directly). Each item is rendered
alone as a one-entry bibliography (plain text) by citeproc-js (``tests/clients/csl_render.js`` with
``"each"``) in each style of Debian's ``citation-style-language-styles``; the leading citation number
of a style that numbers its entries ("1.", "[1]") is cut off, as ``split_references`` does for a copied
list. Each style's entries are read as one list (``parse_list``) and converted with ``to_csl_json`` (``data`` profile).

Scoring: every field of the source item that the style prints is scored against the gold (``expect``
and its ``alt`` values) with the comparisons of ``score_csl.py`` (imported from ``--scorer``), and,
where those fail, with what a style may legitimately change: letter case, quotes, periods and end
punctuation of a text (Vancouver's "Izvestiya vuzov Fizika"), given names to initials, an author list
cut to "et al.", a date to its year, a page range abbreviated ("137–56"). A field is printed when the
item rendered without it reads otherwise (``silent_keys``: all these variants are rendered too, and
cached) and its value appears in the rendered text (a name list: its first family name; a date: its
year; pages: the first page): an issue "3" that only shows inside the pages "3–13" or a DOI is not
counted. ``type`` and ``language`` are never printed as such: the type is reported in its own
column, ``language`` and the gold's ``absent`` keys are not scored.

Renderings are cached per style and item hash (``--cache``, a folder under the system's temporary
directory by default), so a re-run only parses again. Without node, the styles, citeproc-js or the shared
folder the script says what is missing and exits with status 0.
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import html
import importlib.util
import json
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from translit_refs import parse_list, to_csl_json

ROOT = Path(__file__).resolve().parent.parent
RENDERER = ROOT / "tests" / "clients" / "csl_render.js"
NODE_MODULES = ROOT / "tests" / "clients" / "node_modules"
STYLES_DIR = Path("/usr/share/citation-style-language/styles")
STYLES = (
    "apa",
    "chicago-author-date",
    "chicago-note-bibliography",
    "modern-language-association",
    "harvard-cite-them-right",
    "ieee",
    "vancouver",
    "american-medical-association",
    "american-chemical-society",
    "nature",
    "elsevier-harvard",
    "elsevier-vancouver",
    "elsevier-with-titles",
    "springer-basic-author-date",
    "springer-basic-brackets",
    "taylor-and-francis-chicago-author-date",
    "din-1505-2",
    "iso690-author-date-en",
    "gost-r-7-0-5-2008",
    "gost-r-7-0-5-2008-numeric",
    "american-sociological-association",
    "american-political-science-association",
    "cell",
    "science",
)
NAME_KEYS = ("author", "editor", "contributor", "translator", "container-author", "collection-editor")
DATE_KEYS = ("issued", "accessed", "original-date")
#: Keys no style prints as their value: ``type`` is scored apart, ``language`` not at all.
UNPRINTABLE = ("id", "type", "language", "custom")
_SHOWN_FAILURES = 3
_TAG = re.compile(r"</?(?:i|b|em|strong|sup|sub|span|div|sc|a)\b[^>]*>", re.IGNORECASE)
#: A numeric style's label of the (only) entry: "1.", "[1]", "(1)", "1)".
_LABEL = re.compile(r"^\s*(?:\[1\]|\(1\)|1\.|1\))\s*")
_QUOTES = re.compile(r"[\"'`\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a]")
_DASHES = re.compile(r"[\u2010\u2011\u2012\u2013\u2014\u2212-]")
_NOT_WORD = re.compile(r"[^\w\s-]")


class SkipError(Exception):
    """A prerequisite is missing: the message says which; the script exits with status 0."""


# --------------------------------------------------------------------------- items and rendering


def _rows(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as stream:
        return [json.loads(line) for line in stream if line.strip()]


def source_item(row: dict[str, Any]) -> dict[str, Any]:
    """The CSL-JSON item a gold row stands for, in the ``display`` profile's shape (see the docstring)."""
    item: dict[str, Any] = {"id": row["id"]}
    item.update(row["expect"])
    for key, options in row.get("alt", {}).items():
        if key not in item and key != "custom":
            chosen = next((option for option in options if option is not None), None)
            if chosen is not None:
                item[key] = chosen
    custom = item.pop("custom", None) or {}
    for key, translated in (("title", "translated-title"), ("container-title", "translated-container-title")):
        if custom.get(translated) and key in item:
            item[key] = f"{item[key]} [{custom[translated]}]"
    return item


def item_hash(item: dict[str, Any]) -> str:
    """The cache key of an item: its JSON with sorted keys."""
    return hashlib.sha256(json.dumps(item, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()[:20]


def plain(text: str) -> str:
    """A rendering as printed text: markup and entities gone, white space (but no-break spaces) single."""
    text = html.unescape(_TAG.sub("", text))
    return re.sub(r"[ \t\r\n]+", " ", text).strip()


def resolve_style(name: str, directory: Path) -> tuple[Path, str]:
    """The style file for ``name`` and a note when only a close name exists."""
    path = directory / f"{name}.csl"
    if path.exists():
        return path, ""
    candidates = sorted(p.stem for p in directory.glob("*.csl"))
    close = difflib.get_close_matches(name, candidates, n=1, cutoff=0.6)
    if not close:
        raise SkipError(f"no style like {name!r} in {directory}")
    return directory / f"{close[0]}.csl", f"{name} → {close[0]}"


def numbers_entries(style: Path) -> bool:
    """Whether a style may print a citation number in its bibliography (GOST's author-date one does too)."""
    return 'variable="citation-number"' in style.read_text("utf-8")


def render(style: Path, items: list[dict[str, Any]], cache: Path) -> list[dict[str, Any]]:
    """``{"text", "error"}`` for each item in ``style``: from the cache, else from citeproc-js (one node run)."""
    digest = hashlib.sha256(style.read_bytes() + RENDERER.read_bytes()).hexdigest()[:20]
    cache_file = cache / f"{style.stem}.json"
    stored: dict[str, Any] = {}
    if cache_file.exists():
        loaded = json.loads(cache_file.read_text("utf-8"))
        if loaded.get("style") == digest:
            stored = loaded["items"]
    keys = [item_hash(item) for item in items]
    missing = [(key, item) for key, item in zip(keys, items, strict=True) if key not in stored]
    if missing:
        payload = {"style": str(style), "each": True, "items": [item for _, item in missing]}
        done = subprocess.run(
            ["node", str(RENDERER)], input=json.dumps(payload), capture_output=True, text=True, check=False
        )
        if done.returncode != 0:
            raise RuntimeError(f"citeproc-js failed on {style.name}: {done.stderr.strip()[-500:]}")
        for (key, _), result in zip(missing, json.loads(done.stdout), strict=True):
            stored[key] = result
        cache.mkdir(parents=True, exist_ok=True)
        temporary = cache_file.with_suffix(".tmp")
        temporary.write_text(json.dumps({"style": digest, "items": stored}, ensure_ascii=False), "utf-8")
        temporary.replace(cache_file)
    return [stored[key] for key in keys]


# --------------------------------------------------------------------------- comparison


def load_scorer(path: Path) -> Any:
    """The module score_csl.py (its ``same``, ``norm_text``, ``norm_place``), imported from ``path``."""
    spec = importlib.util.spec_from_file_location("score_csl", path)
    if spec is None or spec.loader is None:
        raise SkipError(f"cannot import the scorer {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def loose(value: object) -> str:
    """Text as a style may reprint it: case, quotes, dashes, periods, other end punctuation and spacing."""
    text = unicodedata.normalize("NFKC", str(value)).casefold()
    text = _DASHES.sub("-", _QUOTES.sub("", text))
    text = text.replace(".", " ").replace("\u00a0", " ")
    text = re.sub(r"\s+", " ", text).strip(" ,;:!?()[]/")
    return re.sub(r"\s*-\s*", "-", text)


def _contains(text: str, value: str) -> bool:
    """Whether loose ``value`` occurs in loose ``text`` on word boundaries."""
    needle = loose(value)
    if not needle:
        return False
    return re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", loose(text)) is not None


def expand_pages(value: object) -> str:
    """A page range with its end written out: "137-56" → "137-156"; anything else loose."""
    text = loose(value)
    match = re.fullmatch(r"(\D*?)(\d+)-(\d+)", text)
    if match:
        prefix, first, last = match.groups()
        if len(last) < len(first) and int(first[-len(last) :]) < int(last):
            last = first[: len(first) - len(last)] + last
        text = f"{prefix}{first}-{last}"
    return text


def initials(given: object) -> str:
    """The initials of a given name as any style prints them: "M. Yu." / "MY" / "Mikhail Yu." → "MY"."""
    text = str(given or "")
    upper = "".join(c for c in text if c.isupper())
    return upper or "".join(word[0] for word in re.findall(r"\w+", text)).upper()


def _family(name: object) -> str:
    if not isinstance(name, dict):
        return ""
    return str(name.get("family", name.get("literal", "")))


def _year(value: object) -> int | None:
    if not isinstance(value, dict):
        return None
    parts = value.get("date-parts")
    if not parts or not parts[0]:
        return None
    try:
        return int(parts[0][0])
    except (TypeError, ValueError):
        return None


@dataclass
class Check:
    """One printed field of one entry."""

    key: str
    right: bool
    exact: bool
    want: Any
    got: Any


@dataclass
class Options:
    """The gold's acceptable values per key (``expect`` first, then ``alt``), custom keys flattened."""

    values: dict[str, list[Any]] = field(default_factory=dict)

    @classmethod
    def of(cls, row: dict[str, Any]) -> Options:
        expect, alt = row["expect"], row.get("alt", {})
        values: dict[str, list[Any]] = {}
        for key in list(expect) + [k for k in alt if k not in expect]:
            if key == "custom":
                customs = alt.get("custom", [expect.get("custom") or {}])
                for sub in dict.fromkeys(k for option in customs if option for k in option):
                    values[f"custom.{sub}"] = [(option or {}).get(sub) for option in customs]
            else:
                values[key] = list(alt.get(key, [expect.get(key)]))
        return cls(values)


def printed_names(names: object, text: str) -> list[dict[str, Any]]:
    """The longest run of names, from the first, whose family names appear in ``text``."""
    shown: list[dict[str, Any]] = []
    for name in names if isinstance(names, list) else []:
        if not _contains(text, _family(name)):
            break
        shown.append(name)
    return shown


def is_printed(key: str, value: object, text: str) -> bool:
    """Whether the source item's ``value`` of ``key`` shows in the rendered ``text``."""
    if value in (None, "", [], {}):
        return False
    if key in NAME_KEYS:
        return bool(printed_names(value, text))
    if key in DATE_KEYS:
        year = _year(value)
        return year is not None and re.search(rf"(?<!\d){year}(?!\d)", text) is not None
    if key == "page":
        first = re.split(r"[\u2010-\u2014\u2212-]", str(value))[0]
        return _contains(text, first)
    return _contains(text, str(value))


def same_loosely(key: str, want: object, got: object, text: str) -> bool:
    """Right once the style's own changes are allowed for (see the module's docstring)."""
    if want is None:
        return got in (None, "", [], {})
    if got in (None, "", [], {}):
        return False
    if key in NAME_KEYS:
        if not isinstance(got, list):
            return False
        shown = printed_names(want, text)
        if len(got) != len(shown):
            return False
        return all(
            loose(_family(w)) == loose(_family(g)) and initials(w.get("given")) == initials(g.get("given"))
            for w, g in zip(shown, got, strict=True)
            if isinstance(w, dict) and isinstance(g, dict)
        )
    if key in DATE_KEYS:
        return _year(want) is not None and _year(want) == _year(got)
    if key == "page":
        return expand_pages(want) == expand_pages(got)
    if key == "publisher-place":
        return loose(re.sub(r"\s*[;,]\s*", ", ", str(want))) == loose(re.sub(r"\s*[;,]\s*", ", ", str(got)))
    return loose(want) == loose(got)


def score_entry(
    scorer: Any, row: dict[str, Any], text: str, parsed: dict[str, Any], unprinted: frozenset[str] = frozenset()
) -> list[Check]:
    """The printed fields of one entry, each scored (``unprinted``: keys whose removal leaves the
    rendering as it was, see ``silent_keys``)."""
    got_custom = parsed.get("custom") or {}
    checks: list[Check] = []
    for key, wanted in Options.of(row).values.items():
        if key in UNPRINTABLE or key in unprinted:
            continue
        got = got_custom.get(key.removeprefix("custom.")) if key.startswith("custom.") else parsed.get(key)
        # the gold's value (the source item's, less the translation the display shape adds to a title)
        value = next((want for want in wanted if want is not None), None)
        if not is_printed(key, value, text):
            continue
        exact = any(scorer.same(key.removeprefix("custom."), want, got) for want in wanted)
        right = exact or any(same_loosely(key, want, got, text) for want in wanted)
        checks.append(Check(key, right, exact, wanted[0], got))
    return checks


# --------------------------------------------------------------------------- the run


@dataclass
class StyleResult:
    """One style's scores and entries."""

    name: str
    note: str
    right: int = 0
    exact: int = 0
    printed: int = 0
    whole: int = 0
    entries: int = 0
    types: int = 0
    failed_renders: int = 0
    family: str = ""
    details: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True)
class Style:
    """A style asked for: its name, file, and a note when the file has another name."""

    name: str
    path: Path
    note: str


def without(item: dict[str, Any], key: str) -> dict[str, Any]:
    """The item less one key, under an id of its own (the renderer finds items by id)."""
    return {k: v for k, v in item.items() if k != key} | {"id": f"{item['id']}~{key}"}


def silent_keys(
    style: Path, sources: list[dict[str, Any]], rendered: list[dict[str, Any]], cache: Path
) -> list[frozenset[str]]:
    """For each item, the keys the style does not print: the item rendered without the key reads
    exactly as with it (so a value that only happens to appear in the text, an issue "3" inside the
    pages "3–13" or a DOI, is not counted as printed). All the variants are rendered in one run."""
    variants = [
        (index, key, without(item, key)) for index, item in enumerate(sources) for key in item if key not in UNPRINTABLE
    ]
    outputs = render(style, [variant for _, _, variant in variants], cache)
    silent: list[set[str]] = [set() for _ in sources]
    for (index, key, _), output in zip(variants, outputs, strict=True):
        if output.get("text") is not None and output.get("text") == rendered[index].get("text"):
            silent[index].add(key)
    return [frozenset(keys) for keys in silent]


def run_style(style: Style, rows: list[dict[str, Any]], cache: Path, scorer: Any) -> StyleResult:
    """Render, parse as one list, score."""
    sources = [source_item(row) for row in rows]
    rendered = render(style.path, sources, cache)
    unprinted = silent_keys(style.path, sources, rendered, cache)
    numbered = numbers_entries(style.path)
    result = StyleResult(style.name, style.note)
    kept: list[tuple[dict[str, Any], str, frozenset[str]]] = []
    for row, output, silent in zip(rows, rendered, unprinted, strict=True):
        if not output.get("text"):
            result.failed_renders += 1
            result.details.append({"id": row["id"], "error": output.get("error")})
            continue
        text = plain(str(output["text"]))
        if numbered:
            text = _LABEL.sub("", text, count=1)
        kept.append((row, text, silent))
    read = parse_list([text for _, text, _ in kept])
    result.family = read.family.value if read.family is not None else "none"
    for (row, text, silent), reference in zip(kept, read.references, strict=True):
        parsed = to_csl_json(reference)
        checks = score_entry(scorer, row, text, parsed, silent)
        type_right = parsed.get("type") in Options.of(row).values.get("type", [row["expect"].get("type")])
        result.entries += 1
        result.types += type_right
        result.printed += len(checks)
        result.right += sum(c.right for c in checks)
        result.exact += sum(c.exact for c in checks)
        result.whole += all(c.right for c in checks)
        result.details.append(
            {
                "id": row["id"],
                "text": text,
                "type": {"want": row["expect"].get("type"), "got": parsed.get("type"), "right": type_right},
                "fields": [c.__dict__ for c in checks],
                "parsed": {k: v for k, v in parsed.items() if k != "custom"} | {"custom": _lean(parsed)},
            }
        )
    return result


def _lean(parsed: dict[str, Any]) -> dict[str, Any]:
    custom = parsed.get("custom") or {}
    return {k: v for k, v in custom.items() if k in ("translated-title", "translated-container-title", "style-family")}


def _percent(part: int, whole: int) -> str:
    return f"{part / whole:.1%}" if whole else "–"


def table(results: Sequence[StyleResult]) -> str:
    """The markdown table: one row per style and the total."""
    lines = [
        "| style | printed fields right | % | exact (score_csl) | entries fully right | type right | family read |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for r in results:
        name = (
            r.name
            + (f" ({r.note})" if r.note else "")
            + (f" [{r.failed_renders} not rendered]" if r.failed_renders else "")
        )
        lines.append(
            f"| {name} | {r.right}/{r.printed} | {_percent(r.right, r.printed)} | {_percent(r.exact, r.printed)} "
            f"| {r.whole}/{r.entries} ({_percent(r.whole, r.entries)}) | {_percent(r.types, r.entries)} | {r.family} |"
        )
    right, printed = sum(r.right for r in results), sum(r.printed for r in results)
    exact, whole = sum(r.exact for r in results), sum(r.whole for r in results)
    entries, types = sum(r.entries for r in results), sum(r.types for r in results)
    lines.append(
        f"| **total** | {right}/{printed} | {_percent(right, printed)} | {_percent(exact, printed)} "
        f"| {whole}/{entries} ({_percent(whole, entries)}) | {_percent(types, entries)} | |"
    )
    return "\n".join(lines)


def show_failures(result: StyleResult) -> None:
    """A few entries of a style with a wrong field: the rendered text and the wrong fields."""
    shown = 0
    for detail in result.details:
        wrong = [f for f in detail.get("fields", []) if not f["right"]]
        if not wrong:
            continue
        print(f"- {result.name} {detail['id']}: {detail['text'][:200]}")
        for f in wrong:
            want, got = json.dumps(f["want"], ensure_ascii=False), json.dumps(f["got"], ensure_ascii=False)
            print(f"    {f['key']}: want {want[:120]} got {got[:120]}")
        shown += 1
        if shown == _SHOWN_FAILURES:
            break


def check_prerequisites(shared: Path, scorer: Path, styles_dir: Path) -> None:
    """Raise SkipError naming what is missing."""
    if shutil.which("node") is None:
        raise SkipError("node is not installed (apt-get install nodejs)")
    if not styles_dir.is_dir():
        raise SkipError(f"no CSL styles in {styles_dir} (apt-get install citation-style-language-styles)")
    if not (NODE_MODULES / "citeproc").is_dir():
        raise SkipError(f"citeproc-js is not installed in {NODE_MODULES} (npm ci --prefix tests/clients)")
    for path in (shared / "seed" / "gold.jsonl", shared / "corpus" / "dev_gold.jsonl", scorer):
        if not path.exists():
            raise SkipError(f"{path} is missing (the shared folder)")


def main(argv: Iterable[str] | None = None) -> int:
    """Print the table; 0 also when skipped."""
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--styles", help="comma-separated style names (default: all 24)")
    options.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    options.add_argument("--scorer", type=Path, help="score_csl.py (default: SHARED/tools/score_csl.py)")
    options.add_argument("--styles-dir", type=Path, default=STYLES_DIR)
    options.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "translit-refs-csl-styles")
    options.add_argument("--json", type=Path, help="write per-entry details here")
    options.add_argument("--verbose", action="store_true", help="show a few failing entries per style")
    arguments = options.parse_args(None if argv is None else list(argv))
    scorer_path = arguments.scorer or arguments.shared / "tools" / "score_csl.py"
    names = [n.strip() for n in arguments.styles.split(",") if n.strip()] if arguments.styles else list(STYLES)
    try:
        check_prerequisites(arguments.shared, scorer_path, arguments.styles_dir)
        scorer = load_scorer(scorer_path)
        styles = [Style(name, *resolve_style(name, arguments.styles_dir)) for name in names]
    except SkipError as reason:
        print(f"skipped: {reason}")
        return 0
    rows = _rows(arguments.shared / "seed" / "gold.jsonl") + _rows(arguments.shared / "corpus" / "dev_gold.jsonl")
    results = []
    for style in styles:
        result = run_style(style, rows, arguments.cache, scorer)
        results.append(result)
        print(f"{style.name}: {_percent(result.right, result.printed)} of printed fields", file=sys.stderr)
    print(f"{len(rows)} gold items (seed and dev), each rendered alone in {len(results)} styles, "
          "each style's entries read as one list\n")  # fmt: skip
    print(table(results))
    if arguments.verbose:
        print()
        for result in results:
            show_failures(result)
    if arguments.json:
        arguments.json.write_text(
            json.dumps([{"style": r.name, "file_note": r.note, "entries": r.details} for r in results],
                       ensure_ascii=False, indent=1),
            "utf-8",
        )  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
