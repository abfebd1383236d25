"""Start-up: the parser cache and the lean runtime's lazily compiled scanners.

The parser is built from the grammar once and saved in a user cache directory; the next process
loads it (``grammar.parser_cache_path``). A cache that is missing, stale, corrupt or unwritable is
never an error: the parser is built as without it. Each check that builds or loads the parser runs
in a fresh process (with its own cache directory), as a start-up does; none of them is a timing.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import lark
import pytest

from translit_refs.parsing import grammar

from conftest import FIXTURES

#: Parses the seed references with the lean runtime and prints what it found: the cache file, whether
#: the parser was built from the grammar in this process, which scanners the parses compiled, and a
#: digest of every skeleton (token types, texts and spans).
_CHILD = r"""
import hashlib, json, sys
from lark import Lark, Token
from translit_refs.parsing import grammar

built = []
open_from_package = Lark.open_from_package.__func__
def counted(cls, *args, **kwargs):
    built.append(args[1])
    return open_from_package(cls, *args, **kwargs)
Lark.open_from_package = classmethod(counted)

def structure(value):
    if isinstance(value, Token):
        return [value.type, str(value), value.start_pos, value.end_pos]
    if isinstance(value, (list, tuple)):
        return [structure(item) for item in value]
    fields = getattr(value, "__dataclass_fields__", None)
    if fields is not None:
        return [type(value).__name__, *(structure(getattr(value, name)) for name in fields)]
    return value

texts = [line for line in open(sys.argv[1], encoding="utf-8").read().splitlines() if line.strip()]
parser = grammar.reference_parser("lean")
first = [structure(parser.parse(texts[0]))]
compiled_by_first = len(parser._terminals)
if sys.argv[2] == "eager":
    parser.compile_all()
skeletons = first + [structure(parser.parse(text)) for text in texts[1:]]
path = grammar.parser_cache_path("python")
lexers = parser._state_lexers.values()
print(json.dumps({
    "path": None if path is None else str(path),
    "built": built,
    "compiled_by_first": compiled_by_first,
    "compiled": len(parser._terminals),
    "terminals": len({terminal.name for lexer in lexers for terminal in lexer.terminals}),
    "lark_scanners": sum(1 for lexer in {id(lexer): lexer for lexer in lexers}.values() if lexer._scanner is not None),
    "skeletons": hashlib.sha256(json.dumps(skeletons).encode()).hexdigest(),
}))
"""

SEED = FIXTURES / "seed_references.txt"


def _start(cache_home: Path, *, cache: str = "", compile_all: bool = False) -> dict[str, object]:
    """Run the child in a fresh process with ``cache_home`` as $XDG_CACHE_HOME."""
    environment = {key: value for key, value in os.environ.items() if key != grammar.CACHE_VARIABLE}
    environment |= {"XDG_CACHE_HOME": str(cache_home), "TRANSLIT_REFS_BACKEND": "lean"}
    if cache:
        environment[grammar.CACHE_VARIABLE] = cache
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(SEED), "eager" if compile_all else "lazy"],
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert not done.stderr, done.stderr  # a cache that fails is not reported, nor an error
    result: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    return result


@pytest.fixture(scope="module")
def uncached_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("uncached")


@pytest.fixture(scope="module")
def uncached(uncached_home: Path) -> dict[str, object]:
    """The seed references parsed by a parser built from the grammar, with the cache turned off."""
    return _start(uncached_home, cache="0")


def test_without_the_cache_the_parser_is_built_and_nothing_is_written(
    uncached: dict[str, object], uncached_home: Path
) -> None:
    assert uncached["path"] is None
    assert uncached["built"] == ["reference.lark"]
    assert list(uncached_home.iterdir()) == []


def test_the_second_process_loads_the_parser_the_first_saved(uncached: dict[str, object], tmp_path: Path) -> None:
    first = _start(tmp_path)
    path = Path(str(first["path"]))
    assert path.parent == tmp_path / "translit-refs"
    assert path.is_file()
    assert first["built"] == ["reference.lark"]
    assert [entry.name for entry in path.parent.iterdir()] == [path.name]  # no temporary file left
    second = _start(tmp_path)
    assert second["path"] == first["path"]
    assert second["built"] == []  # loaded, not built
    assert first["skeletons"] == second["skeletons"] == uncached["skeletons"]


@pytest.mark.parametrize(
    "damage",
    ["garbage", "truncated", "empty", "a whole header over a payload that does not load", "a directory"],
)
def test_a_corrupt_cache_is_ignored_and_replaced(damage: str, uncached: dict[str, object], tmp_path: Path) -> None:
    path = Path(str(_start(tmp_path)["path"]))
    whole = path.read_bytes()
    if damage == "garbage":
        path.write_bytes(b"\x80\x04not a pickle" * 100)
    elif damage == "truncated":
        path.write_bytes(whole[: len(whole) // 2])
    elif damage == "empty":
        path.write_bytes(b"")
    elif damage == "a directory":
        path.unlink()
        path.mkdir()
    else:
        payload = b"\x80\x04\x95not a pickle."
        path.write_bytes(grammar._cache_header(payload) + b"\n" + payload)
    rebuilt = _start(tmp_path)
    assert rebuilt["built"] == ["reference.lark"]
    assert rebuilt["skeletons"] == uncached["skeletons"]
    if damage != "a directory":  # replaced by a whole one, which the next process loads
        assert _start(tmp_path)["built"] == []


def test_an_unwritable_cache_directory_only_means_building(uncached: dict[str, object], tmp_path: Path) -> None:
    not_a_directory = tmp_path / "file"
    not_a_directory.write_text("in the way\n", encoding="utf-8")
    for _ in range(2):
        started = _start(not_a_directory)
        assert started["built"] == ["reference.lark"]
        assert started["skeletons"] == uncached["skeletons"]
    assert not_a_directory.read_text(encoding="utf-8") == "in the way\n"


def test_scanners_are_compiled_lazily_and_parse_as_the_eager_ones(uncached: dict[str, object], tmp_path: Path) -> None:
    eager = _start(tmp_path, cache="0", compile_all=True)
    lazy = uncached
    terminals = eager["terminals"]
    assert isinstance(terminals, int)
    assert terminals > 50
    compiled_by_first = lazy["compiled_by_first"]
    assert isinstance(compiled_by_first, int)
    # one reference meets a few states and a few characters (the seed's first: 34 of 67 terminals)
    assert compiled_by_first <= 0.55 * terminals
    assert eager["compiled"] == terminals
    assert lazy["skeletons"] == eager["skeletons"]
    # Lark's own scanners (one alternation with the sentence-run terminal inside) are never built
    assert eager["lark_scanners"] == 0


def test_the_cache_lives_under_xdg_cache_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(grammar.CACHE_VARIABLE, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    path = grammar.parser_cache_path("python")
    assert path is not None
    assert path.parent == tmp_path / "xdg" / "translit-refs"
    assert grammar.parser_cache_key("python") in path.name
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/dir")  # the XDG spec: ignored
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert grammar.parser_cache_path("python") == (
        tmp_path / "home" / ".cache" / "translit-refs" / f"parser-python-{grammar.parser_cache_key('python')}.pickle"
    )
    for off in ("0", "off", "No", " false "):
        monkeypatch.setenv(grammar.CACHE_VARIABLE, off)
        assert grammar.parser_cache_path("python") is None
    monkeypatch.setenv(grammar.CACHE_VARIABLE, "1")
    assert grammar.parser_cache_path("python") is not None


def test_the_cache_key_covers_both_grammar_files_lark_python_and_the_backend(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = grammar.grammar_texts()
    assert [name for name, _ in texts] == ["lexicon.lark", "reference.lark"]
    key = grammar.parser_cache_key("python")
    assert grammar.parser_cache_key("cython") != key

    with monkeypatch.context() as patch:
        lexicon_changed = [(name, text + b"\n// changed\n" if name == "lexicon.lark" else text) for name, text in texts]
        patch.setattr(grammar, "grammar_texts", lambda: lexicon_changed)
        grammar.parser_cache_key.cache_clear()
        assert grammar.parser_cache_key("python") != key
    with monkeypatch.context() as patch:
        patch.setattr(lark, "__version__", "1.3.99")
        grammar.parser_cache_key.cache_clear()
        assert grammar.parser_cache_key("python") != key
    with monkeypatch.context() as patch:
        patch.setattr(grammar, "sys", SimpleNamespace(implementation=SimpleNamespace(cache_tag="cpython-399")))
        grammar.parser_cache_key.cache_clear()
        assert grammar.parser_cache_key("python") != key
    grammar.parser_cache_key.cache_clear()
    assert grammar.parser_cache_key("python") == key


def test_the_cache_header_is_the_payload_digest() -> None:
    header = grammar._cache_header(b"payload")
    assert header.endswith(hashlib.sha256(b"payload").hexdigest().encode())
    assert grammar._cache_header(b"payload") != grammar._cache_header(b"payloae")
