"""Whether the working tree parses every reference as another commit does: ``model_dump()`` compared.

    python benchmarks/output_diff.py REV [--out DIR] [--corpus NAME ...] [--limit N] [--verbose]
    python benchmarks/output_diff.py --against DIR [--out DIR2] [--corpus NAME ...] [--limit N] [--verbose]

Checks REV out in a temporary git worktree (as ``compare.py`` does) and, in a fresh process for each
tree, parses every corpus and writes a snapshot: one JSON line per reference, the
``model_dump(mode="json")`` of its result (sorted keys) keyed by corpus and index. It then compares
the two snapshots and prints, per corpus, the references compared, those that differ and the fields
that differ most; ``--verbose`` adds a few examples (text, field, old and new value).

``--out DIR`` keeps the snapshots (REV's in ``DIR/base``, the working tree's in ``DIR/work``; without
it they go to a temporary directory that is removed). ``--against DIR`` compares the working tree with
a snapshot written earlier (``DIR/base``, or ``DIR`` itself when it is one) instead of checking REV out.

Corpora, each skipped when its file is missing (``--shared`` is ``../shared/corpus`` by default):
``seed`` (tests/fixtures/seed_references.txt, one list), ``dev-latin`` and ``dev-cyrillic``
(tests/fixtures/dev_npe.jsonl, ``text`` and ``cyrillic_parallel``, each article one list),
``parallel-latin`` and ``parallel-cyrillic`` (``npe_parallel.jsonl``, ``latin`` and ``cyrillic``,
each article one list) and ``anystyle`` (``anystyle/core.xml``, each reference alone). Both trees
read the same inputs, taken from the working tree and the shared folder.

Exit status: 0 when no reference differs, 1 when some do, 2 on usage errors (also when a tree cannot
be run or imports its package from elsewhere, when a saved snapshot was made from other inputs, and
on any other failure). A reference whose parse raises is a difference, not a failure. The first
corpus's time includes building the parser.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SHARED = ROOT.parent / "shared" / "corpus"
CORPORA = ("seed", "dev-latin", "dev-cyrillic", "parallel-latin", "parallel-cyrillic", "anystyle")
#: Punctuation AnyStyle's tokenizer cuts off as tokens of their own (fullwidth forms, 。 and 、),
#: so that core.xml prints "舒仁輝 ，" for the "舒仁輝，" of the printed reference.
_CJK_PUNCTUATION = frozenset(chr(code) for code in (0x3001, 0x3002, *range(0xFF01, 0xFF65)))
_SHOWN = 300  # characters of a value shown in an example


class UsageError(Exception):
    """A command line, revision or snapshot that cannot be compared (exit status 2)."""


@dataclass(frozen=True)
class Entry:
    """One reference of a corpus: its index (row, line or sequence number) and text as printed."""

    index: int
    text: str
    article: str | None = None


@dataclass(frozen=True)
class Corpus:
    """A corpus's references; ``as_list``: each article's entries read as one list."""

    name: str
    source: Path
    as_list: bool
    entries: tuple[Entry, ...]

    def groups(self) -> list[list[Entry]]:
        """The calls to make: each article's entries for ``parse_list``, else one entry each."""
        if not self.as_list:
            return [[entry] for entry in self.entries]
        articles: dict[str | None, list[Entry]] = {}
        for entry in self.entries:
            articles.setdefault(entry.article, []).append(entry)
        return list(articles.values())

    def digest(self) -> str:
        """A fingerprint of the inputs, so that a saved snapshot is only compared on the same ones."""
        payload = json.dumps([self.as_list, [[e.index, e.article, e.text] for e in self.entries]], ensure_ascii=False)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def _from_rows(name: str, path: Path, key: str) -> Corpus:
    """Rows with a text under ``key`` (rows without one are left out), read by article."""
    entries = [
        Entry(index, row[key], row["article"])
        for index, row in enumerate(_rows(path))
        if isinstance(row.get(key), str) and row[key].strip()
    ]
    return Corpus(name, path, True, tuple(entries))


def anystyle_text(sequence: ET.Element) -> str:
    """The text of one ``<sequence>`` of AnyStyle's core.xml as it was printed.

    AnyStyle cuts a reference into tokens at whitespace and writes each labelled segment as its
    tokens joined by one space, so a segment boundary was a space in print: the segments are joined
    by one space, each taken verbatim (not stripped: one ends in a no-break space that is part of the
    print; the newlines and indentation between the elements are the file's layout, not text). Its
    tokenizer also cuts fullwidth and ideographic punctuation off as tokens of their own, so the spaces
    around those are the file's, not the print's ("北京 ：" was "北京："), and are dropped.
    """
    text = " ".join(segment.text or "" for segment in sequence)
    if not _CJK_PUNCTUATION.intersection(text):
        return text
    kept = [
        character
        for position, character in enumerate(text)
        if character != " "
        or not ({text[position - 1 : position], text[position + 1 : position + 2]} & _CJK_PUNCTUATION)
    ]
    return "".join(kept)


def load(name: str, shared: Path, limit: int | None) -> Corpus | None:
    """Corpus ``name`` (its first ``limit`` references), or None when its file is missing."""
    if name == "seed":
        path = FIXTURES / "seed_references.txt"
        if not path.exists():
            return None
        lines = [line for line in path.read_text("utf-8").splitlines() if line.strip()]
        corpus = Corpus(name, path, True, tuple(Entry(index, line) for index, line in enumerate(lines)))
    elif name.startswith("dev-"):
        path = FIXTURES / "dev_npe.jsonl"
        if not path.exists():
            return None
        corpus = _from_rows(name, path, "text" if name == "dev-latin" else "cyrillic_parallel")
    elif name.startswith("parallel-"):
        path = shared / "npe_parallel.jsonl"
        if not path.exists():
            return None
        corpus = _from_rows(name, path, name.removeprefix("parallel-"))
    else:
        path = shared / "anystyle" / "core.xml"
        if not path.exists():
            return None
        texts = [anystyle_text(sequence) for sequence in ET.parse(path).getroot().iter("sequence")]
        corpus = Corpus(name, path, False, tuple(Entry(index, text) for index, text in enumerate(texts)))
    if limit is not None:
        corpus = Corpus(corpus.name, corpus.source, corpus.as_list, corpus.entries[:limit])
    return corpus


# --- the child: one tree's snapshot ------------------------------------------------------------


def _record(corpus: str, entry: Entry, reference: Any, listed: Any) -> dict[str, Any]:
    record: dict[str, Any] = {"corpus": corpus, "index": entry.index, "article": entry.article, "text": entry.text}
    if isinstance(reference, BaseException):
        record["error"] = f"{type(reference).__name__}: {reference}"
    else:
        record["reference"] = reference.model_dump(mode="json")
        if listed is not None:  # the list's own fields (its family), without its references
            record["list"] = listed.model_dump(mode="json", exclude={"references"})
    return record


def _parsed(package: Any, group: list[Entry], as_list: bool) -> Iterator[tuple[Entry, Any, Any]]:
    """(entry, Reference or the exception raised, the ReferenceList or None) for each entry."""
    if not as_list:
        for entry in group:
            try:
                yield entry, package.parse_reference(entry.text), None
            except Exception as error:  # a refactor that raises is a difference, not a crash
                yield entry, error, None
        return
    try:
        listed = package.parse_list([entry.text for entry in group])
        if len(listed.references) != len(group):
            raise ValueError(f"parse_list gave {len(listed.references)} references for {len(group)} entries")
    except Exception as error:
        for entry in group:
            yield entry, error, None
        return
    yield from ((entry, reference, listed) for entry, reference in zip(group, listed.references, strict=True))


def write_snapshot(inputs: Path, out: Path) -> None:
    """Parse the corpora of ``inputs`` with the ``translit_refs`` on PYTHONPATH and write ``out``:
    ``CORPUS.jsonl`` (one line per reference) and ``meta.json`` (where the package came from, counts
    and seconds)."""
    started = time.perf_counter()
    package = importlib.import_module("translit_refs")
    grammars = importlib.import_module("translit_refs.grammars")
    imported = time.perf_counter() - started
    meta: dict[str, Any] = {
        "package": str(Path(str(package.__file__)).resolve().parent),
        "grammars": str(Path(next(iter(grammars.__path__))).resolve()),
        "backend": os.environ.get("TRANSLIT_REFS_BACKEND", ""),
        "python": sys.version.split()[0],
        "import_seconds": round(imported, 3),
        "corpora": {},
    }
    out.mkdir(parents=True, exist_ok=True)
    for line in inputs.read_text("utf-8").splitlines():
        spec = json.loads(line)
        name, as_list = spec["name"], spec["as_list"]
        entries = [Entry(index, text, article) for index, text, article in spec["entries"]]
        corpus = Corpus(name, Path(spec["source"]), as_list, tuple(entries))
        start = time.perf_counter()
        errors = 0
        with (out / f"{name}.jsonl").open("w", encoding="utf-8") as snapshot:
            for group in corpus.groups():
                for entry, reference, listed in _parsed(package, group, as_list):
                    errors += isinstance(reference, BaseException)
                    snapshot.write(json.dumps(_record(name, entry, reference, listed), sort_keys=True) + "\n")
        seconds = time.perf_counter() - start
        meta["corpora"][name] = {
            "references": len(entries),
            "errors": errors,
            "seconds": round(seconds, 3),
            "inputs": spec["digest"],
        }
        note = f", {errors} raised" if errors else ""
        print(f"  {name}: {len(entries):,} references in {seconds:.1f} s{note}", file=sys.stderr, flush=True)
    meta["parse_seconds"] = round(sum(c["seconds"] for c in meta["corpora"].values()), 3)
    (out / "meta.json").write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")


# --- the parent: run both trees, compare ---------------------------------------------------------


def _git(*arguments: str) -> str:
    done = subprocess.run(["git", "-C", str(ROOT), *arguments], check=False, capture_output=True, text=True)
    if done.returncode:
        raise UsageError(f"git {' '.join(arguments)}: {done.stderr.strip()}")
    return done.stdout.strip()


def run_tree(label: str, tree: Path, inputs: Path, out: Path, backend: str) -> dict[str, Any]:
    """Write the snapshot of the package under ``tree`` into ``out`` in a fresh process; its meta."""
    print(f"{label}: parsing with {tree / 'src'}", file=sys.stderr, flush=True)
    if out.exists():
        shutil.rmtree(out)
    environment = os.environ | {"PYTHONPATH": str(tree / "src")}
    if backend:
        environment["TRANSLIT_REFS_BACKEND"] = backend
    start = time.perf_counter()
    command = [sys.executable, str(Path(__file__).resolve()), "--write-snapshot", str(inputs), str(out)]
    if subprocess.run(command, env=environment, check=False).returncode:
        raise UsageError(f"{label}: the snapshot process failed (its error is above)")
    meta: dict[str, Any] = json.loads((out / "meta.json").read_text("utf-8"))
    meta["wall_seconds"] = round(time.perf_counter() - start, 3)
    meta["label"] = label
    for key in ("package", "grammars"):  # the editable install maps what a tree lacks to the main checkout
        if not Path(meta[key]).is_relative_to(tree.resolve()):
            hint = " (ln -s ../../grammars src/translit_refs/grammars)" if key == "grammars" else ""
            raise UsageError(f"{label}: imported its {key} from {meta[key]}, not from {tree}{hint}")
    return meta


def _head() -> dict[str, Any]:
    """The working tree's commit, and whether it has uncommitted changes."""
    return {"commit": _git("rev-parse", "HEAD"), "dirty": bool(_git("status", "--porcelain", "--untracked-files=no"))}


def _records(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        yield from (json.loads(line) for line in lines)


@dataclass
class Difference:
    """What differs between two snapshots of one corpus."""

    compared: int = 0
    differing: int = 0
    fields: Counter[str] = field(default_factory=Counter)
    examples: list[tuple[dict[str, Any], dict[str, tuple[Any, Any]]]] = field(default_factory=list)


def _fields(old: dict[str, Any] | None, new: dict[str, Any] | None) -> dict[str, tuple[Any, Any]]:
    """The fields in which two records differ, each with its old and new value."""
    if old is None or new is None:
        return {"(missing)": ("present" if old else "absent", "present" if new else "absent")}
    found: dict[str, tuple[Any, Any]] = {}
    if old.get("error") != new.get("error"):
        found["(exception)"] = (old.get("error"), new.get("error"))
    if old.get("text") != new.get("text"):
        found["(input text)"] = (old.get("text"), new.get("text"))
    for part, prefix in (("reference", ""), ("list", "list.")):
        before, after = old.get(part) or {}, new.get(part) or {}
        for key in sorted(before.keys() | after.keys()):
            if before.get(key) != after.get(key):
                found[prefix + key] = (before.get(key), after.get(key))
    return found


def compare(old: Path, new: Path, examples: int) -> Difference:
    """Compare two snapshots of a corpus, reference by reference."""
    before = {record["index"]: record for record in _records(old)}
    result = Difference()
    seen = set()
    for record in _records(new):
        seen.add(record["index"])
        result.compared += 1
        base = before.get(record["index"])
        if base == record:
            continue
        differences = _fields(base, record)
        result.differing += 1
        result.fields.update(differences.keys())
        if len(result.examples) < examples:
            result.examples.append((base or record, differences))
    for index in before.keys() - seen:
        result.compared += 1
        result.differing += 1
        result.fields["(missing)"] += 1
        if len(result.examples) < examples:
            result.examples.append((before[index], _fields(before[index], None)))
    return result


def _shown(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


def report(corpus: str, difference: Difference, seconds: dict[str, float], verbose: bool) -> None:
    """Print one corpus's line: counts, each tree's parse time, fields (and, verbose, examples)."""
    times = ", ".join(f"{label} {time:.1f} s" for label, time in seconds.items())
    line = f"{corpus}: {difference.compared:,} references compared, {difference.differing:,} differ ({times})"
    if difference.fields:
        line += " — " + ", ".join(f"{name} {count:,}" for name, count in difference.fields.most_common(8))
    print(line)
    if verbose:
        for record, fields in difference.examples:
            where = f" [{record['article']}]" if record.get("article") else ""
            print(f"  #{record['index']}{where}: {record.get('text', '')}")
            for name, (was, now) in fields.items():
                print(f"    {name}\n      old: {_shown(was)}\n      new: {_shown(now)}")


def _snapshot_dir(path: Path) -> Path:
    """A snapshot directory: ``path`` itself, or ``path/base`` as ``--out`` writes it."""
    for candidate in (path, path / "base"):
        if (candidate / "meta.json").exists():
            return candidate
    raise UsageError(f"--against {path}: no snapshot there (neither {path}/meta.json nor {path}/base/meta.json)")


def _describe(meta: dict[str, Any]) -> str:
    revision = meta.get("revision", "")
    commit = str(meta.get("commit", ""))[:12]
    dirty = " with uncommitted changes" if meta.get("dirty") else ""
    name = f"{revision} ({commit}{dirty})" if revision and not commit.startswith(revision) else f"{commit}{dirty}"
    return (
        f"{meta.get('label', 'snapshot')} {name}: {meta['wall_seconds']:.1f} s in all "
        f"(import {meta['import_seconds']:.1f} s, parsing {meta['parse_seconds']:.1f} s)"
    )


def _arguments(argv: list[str]) -> argparse.Namespace:
    options = argparse.ArgumentParser(
        description=__doc__.splitlines()[0] if __doc__ else None,
        epilog="Exit status: 0 no differences, 1 differences, 2 usage errors.",
    )
    options.add_argument("revision", nargs="?", help="the commit to compare with, e.g. HEAD~3 or a hash")
    options.add_argument("--against", type=Path, metavar="SNAPSHOT_DIR", help="a snapshot written earlier, not REV")
    options.add_argument("--out", type=Path, metavar="DIR", help="keep the snapshots in DIR/base and DIR/work")
    options.add_argument("--corpus", nargs="+", choices=CORPORA, metavar="NAME", help=f"of {', '.join(CORPORA)}")
    options.add_argument("--limit", type=int, metavar="N", help="the first N references of each corpus")
    options.add_argument("--shared", type=Path, default=SHARED, metavar="DIR", help=f"default: {SHARED}")
    options.add_argument("--backend", default="", help="a parser backend for both trees (default: each one's own)")
    options.add_argument("--examples", type=int, default=3, metavar="K", help="examples per corpus with --verbose")
    options.add_argument("-v", "--verbose", action="store_true", help="print a few differing references")
    arguments = options.parse_args(argv)
    if (arguments.revision is None) == (arguments.against is None):
        options.error("give either REV or --against SNAPSHOT_DIR")
    if arguments.limit is not None and arguments.limit < 1:
        options.error("--limit must be at least 1")
    return arguments


def _inputs(names: tuple[str, ...], shared: Path, limit: int | None, path: Path) -> list[Corpus]:
    """Read the corpora and write them for the child processes; the ones found."""
    corpora = []
    for name in names:
        corpus = load(name, shared, limit)
        if corpus is None:
            print(f"{name}: skipped (its file is missing)", file=sys.stderr)
            continue
        corpora.append(corpus)
    with path.open("w", encoding="utf-8") as inputs:
        for corpus in corpora:
            entries = [[entry.index, entry.text, entry.article] for entry in corpus.entries]
            spec = {"name": corpus.name, "source": str(corpus.source), "as_list": corpus.as_list, "entries": entries}
            inputs.write(json.dumps(spec | {"digest": corpus.digest()}, ensure_ascii=False) + "\n")
    return corpora


def run(arguments: argparse.Namespace, scratch: Path) -> int:
    """Write the snapshots, compare them and print the report; the exit status."""
    out: Path = arguments.out or scratch / "snapshots"
    commit = ""
    if arguments.revision:
        try:
            commit = _git("rev-parse", "--verify", "--quiet", f"{arguments.revision}^{{commit}}")
        except UsageError:
            raise UsageError(f"{arguments.revision!r} is not a commit of {ROOT}") from None
    base_dir = _snapshot_dir(arguments.against) if arguments.against else out / "base"
    if arguments.against and base_dir.resolve() == (out / "work").resolve():
        raise UsageError("--against and --out name the same snapshot")
    inputs = scratch / "inputs.jsonl"
    corpora = _inputs(tuple(arguments.corpus or CORPORA), arguments.shared, arguments.limit, inputs)
    if not corpora:
        raise UsageError("no corpus found")
    if arguments.revision:
        other = scratch / "other"
        _git("worktree", "add", "--quiet", "--detach", str(other), commit)
        try:
            # the package maps its grammars from the top-level folder; put them where imports look
            link = other / "src" / "translit_refs" / "grammars"
            if not link.exists():
                link.symlink_to(other / "grammars", target_is_directory=True)
            base = run_tree(arguments.revision, other, inputs, base_dir, arguments.backend)
        finally:
            _git("worktree", "remove", "--force", str(other))
        base |= {"revision": arguments.revision, "commit": commit, "dirty": False}
        (base_dir / "meta.json").write_text(json.dumps(base, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    else:
        base = json.loads((base_dir / "meta.json").read_text("utf-8"))
    work = run_tree("working tree", ROOT, inputs, out / "work", arguments.backend) | _head()
    (out / "work" / "meta.json").write_text(json.dumps(work, indent=2, sort_keys=True) + "\n", encoding="utf-8")

    status = 0
    for corpus in corpora:
        saved = base["corpora"].get(corpus.name)
        if saved is None:
            print(f"{corpus.name}: not in the snapshot {base_dir}; skipped")
            continue
        if saved["inputs"] != corpus.digest():
            print(f"{corpus.name}: the snapshot was made from other inputs (fixtures or --limit); not compared")
            status = 2
            continue
        difference = compare(
            base_dir / f"{corpus.name}.jsonl", out / "work" / f"{corpus.name}.jsonl", arguments.examples
        )
        seconds = {base["label"]: saved["seconds"], work["label"]: work["corpora"][corpus.name]["seconds"]}
        report(corpus.name, difference, seconds, arguments.verbose)
        if difference.differing and status == 0:
            status = 1
    print(_describe(base))
    print(_describe(work))
    if arguments.out:
        print(f"snapshots kept in {out} (compare again with --against {out if base_dir == out / 'base' else base_dir})")
    return status


def main(argv: list[str] | None = None) -> int:
    """Run the command line; the exit status."""
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--write-snapshot"] and len(argv) == 3:  # the child process, one tree
        write_snapshot(Path(argv[1]), Path(argv[2]))
        return 0
    arguments = _arguments(argv)
    try:
        with tempfile.TemporaryDirectory(prefix="output-diff-") as scratch:
            return run(arguments, Path(scratch))
    except UsageError as error:
        print(f"output_diff.py: error: {error}", file=sys.stderr)
        return 2
    except Exception:  # a broken run must not read as "differences" (1) to a gate
        traceback.print_exc()
        return 2


if __name__ == "__main__":
    sys.exit(main())
