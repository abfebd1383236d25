"""A lean LALR(1) loop over Lark's own parse table, terminal regexes and callbacks.

Lark stays the grammar and the parser generator; this module only drives the tables it built,
without Lark's per-token machinery (lexer threads, line counters, generator frames, rule lookups
by structural equality). It reads these Lark internals, which is why ``pyproject.toml`` pins the
Lark versions it supports:

- ``lark.parse_tree_builder.ExpandSingleChild``, the callback of an inlined rule (``?rule``), which
  returns a single child as it is (a one-symbol rule's reduction then only changes the state);
- ``Lark.parser.parser.parser.parse_table`` (``states``, ``start_states``, ``end_states``) and
  ``.callbacks`` (the tree builder with the transformer inline);
- ``Token``'s eight slots, which ``Token._future_new`` (the constructor behind ``Token.__new__``)
  sets one by one after ``str.__new__``; ``_run`` does the same inline;
- ``Lark.parser.lexer``: a ``ContextualLexer`` whose ``lexers[state]`` are ``BasicLexer``s with
  ``terminals`` (in the order its scanner tries them), ``re``, ``g_regex_flags``, ``use_bytes``,
  ``user_callbacks``, ``ignore_types``, and a ``scanner`` (``_mres``: compiled alternations of named
  groups, tried in order) with ``callback`` (Lark's "unless" retyping of keywords, set when the
  scanner is built), used as they are when a state has a string terminal.

Lark's lexer tries, at each position, one alternation of all the state's terminals (the grammar's
172 states share 23 of them, each embedding the 27,000-character ``SEG`` pattern). Here each terminal
is compiled once, alone, for all the states (``Token`` types are its name), and a state tries at a
position only the terminals that can start with the two characters there (``first_characters``; a
third of the tries the first character alone leaves), in its order: the same first match as the
alternation, as an alternative that cannot match is never the first that does, with fewer tries,
and a tenth of the compiling (a state's terminals at two characters are found the first time the
state meets them; ``compile_all`` compiles every terminal up front).

Anything the loop does not expect (no terminal matches, no action for a token, a newline in the
text) is handed back to ``Lark.parse``, which either parses the text or raises Lark's own,
detailed error. So syntax errors and their recovery remain Lark's.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lark import Lark, Token
from lark.lexer import AbstractBasicLexer, BasicLexer, ContextualLexer, TerminalDef
from lark.parse_tree_builder import ExpandSingleChild
from lark.parsers.lalr_analysis import Shift

from .first_characters import CharacterTest, PairTest, first_tests

#: A reduction: how many values it pops, the rule's name (for the goto), and the callback; a callback
#: of None passes the one value popped through unchanged (a rule Lark inlines: ``?rule``).
_Reduction = tuple[int, str, Callable[[list[Any]], Any] | None]
#: A state's actions by terminal or rule name: the next state (a shift) or a reduction.
_Actions = dict[str, int | _Reduction]
#: A compiled alternation's ``match``.
_Match = Callable[[str, int], Any]
#: A state's lexer at a position: its scanner (the first of the terminals that can start there to
#: match, as a match whose ``lastgroup`` is the terminal's name), the terminals it skips and Lark's
#: retyping callbacks.
_StateLexer = tuple[_Match, frozenset[str], dict[str, Callable[[Token], Token]]]

#: A state's terminals that can start with a character, each with its test of the first two characters
#: (None: Lark's own scanner), and the state's lexer at the character whatever follows it.
_ByFirst = tuple[tuple[tuple[TerminalDef, PairTest], ...] | None, _StateLexer]

#: A state's terminals with the tests of their first character and of their first two (None: Lark's own
#: scanner), the terminals it ignores, and its retyping callbacks.
_Openings = tuple[
    tuple[tuple[TerminalDef, CharacterTest, PairTest], ...] | None,
    frozenset[str],
    dict[str, Callable[[Token], Token]],
]

END = "$END"


class LeanParser:
    """Parses exactly as ``lark.parse(text)`` does for a single-line text, faster."""

    def __init__(self, lark: Lark) -> None:
        frontend = lark.parser
        lexer = frontend.lexer
        if not isinstance(lexer, ContextualLexer):
            raise TypeError("the lean runtime drives Lark's contextual lexer only")
        lalr = frontend.parser.parser
        table = lalr.parse_table
        callbacks = lalr.callbacks
        (start,) = lark.options.start
        self._lark = lark
        self._start_state: int = table.start_states[start]
        self._end_state: int = table.end_states[start]
        self._token_callbacks: dict[str, Callable[[Token], Any]] = {
            name: callback for name, callback in callbacks.items() if isinstance(name, str)
        }
        self._actions: dict[int, _Actions] = {}
        for state, actions in table.states.items():
            compiled: _Actions = {}
            for symbol, (action, argument) in actions.items():
                # (names as plain strings: Lark's are Tokens, whose equality is a Python call)
                if action is Shift:
                    compiled[str(symbol)] = argument
                else:
                    size = len(argument.expansion)
                    callback = callbacks[argument]
                    passed = size == 1 and isinstance(callback, ExpandSingleChild)
                    compiled[str(symbol)] = (size, str(argument.origin.name), None if passed else callback)
            self._actions[state] = compiled
        self._state_lexers: dict[int, AbstractBasicLexer] = lexer.lexers
        #: Each state's lexers by the two characters at the position (one at the end of the text):
        #: ``_scanner`` adds one the first time a pair of ``_tabled`` characters is met in a state, until
        #: its table holds ``_MAX_PAIRS``; states accepting the same terminals share one table.
        self._lexers: dict[int, dict[str, _StateLexer]] = {}
        self._tables: dict[AbstractBasicLexer, dict[str, _StateLexer]] = {}
        #: Each table's terminals and lexer by the first character alone (``_by_first``).
        self._by_character: dict[AbstractBasicLexer, dict[str, _ByFirst]] = {}
        self._more: dict[AbstractBasicLexer, int] = {}  # characters outside ``_tabled`` in each of those
        #: Per Lark lexer: its terminals with the tests of their first character and first two (None:
        #: Lark's own scanner everywhere), the terminals it ignores, and its retyping callbacks.
        self._openings: dict[AbstractBasicLexer, _Openings] = {}
        #: Each terminal's tests, by name (a terminal is in many states).
        self._tests: dict[str, tuple[CharacterTest, PairTest]] = {}
        #: Scanners by the terminals they try (a tuple of names), and each terminal compiled alone.
        self._scanners: dict[tuple[str, ...], _Match] = {}
        self._terminals: dict[str, _Match] = {}

    def _scanner(self, state: int, pair: str) -> _StateLexer:
        """The lexer of ``state`` at the text's next two characters ``pair`` (one at the end of the
        text): of the state's terminals that can start with the first (``_by_first``), those that can
        start with both (``first_characters``), in the state's order, compiled the first time that set
        is met. A table keeps the pairs of ``_tabled`` characters, up to ``_MAX_PAIRS``; at the others
        the lexer of the first character serves."""
        state_lexer = self._state_lexers[state]
        table = self._lexers.get(state)
        if table is None:
            table = self._lexers[state] = self._tables.setdefault(state_lexer, {})
        starting, scanner = self._by_first(state_lexer, pair[0])
        if len(table) >= _MAX_PAIRS or not all(_tabled(character) for character in pair):
            return scanner
        if starting is not None:
            assert isinstance(state_lexer, BasicLexer)
            _, ignored, retype = scanner
            chosen = tuple(terminal for terminal, can_start in starting if can_start(pair))
            scanner = (self._scanner_of(state_lexer, chosen), ignored, retype)
        table[pair] = scanner
        return scanner

    def _by_first(self, state_lexer: AbstractBasicLexer, character: str) -> _ByFirst:
        """The terminals of a state that can start with ``character`` (with their tests of the first two
        characters; None: Lark's own scanner) and its lexer at ``character`` whatever follows. The
        characters of ``_tabled`` are remembered; of the others at most ``_MORE_CHARACTERS`` a table."""
        assert isinstance(state_lexer, BasicLexer)
        table = self._by_character.get(state_lexer)
        if table is None:
            table = self._by_character[state_lexer] = {}
        known = table.get(character)
        if known is not None:
            return known
        openings = self._openings.get(state_lexer)
        if openings is None:
            openings = self._openings[state_lexer] = self._read_openings(state_lexer)
        terminals, ignored, retype = openings
        if terminals is None:  # Lark's scanner, for every character
            parts = tuple(pattern.match for pattern in state_lexer.scanner._mres)
            known = table[character] = (None, (parts[0] if len(parts) == 1 else _first_match(parts), ignored, retype))
            return known
        starting = tuple((terminal, pair_test) for terminal, can_start, pair_test in terminals if can_start(character))
        known = (starting, (self._scanner_of(state_lexer, tuple(t for t, _ in starting)), ignored, retype))
        if _tabled(character):
            table[character] = known
        elif self._more.get(state_lexer, 0) < _MORE_CHARACTERS:
            self._more[state_lexer] = self._more.get(state_lexer, 0) + 1
            table[character] = known
        return known

    def _read_openings(self, state_lexer: AbstractBasicLexer) -> _Openings:
        """A state's terminals in Lark's order, each with its tests of the first character and of the
        first two; no terminals (Lark's own scanner) when one is a string (Lark retypes the regular
        terminals that match one: its "unless" callbacks)."""
        assert isinstance(state_lexer, BasicLexer)
        terminals = state_lexer.terminals
        ignored = frozenset(state_lexer.ignore_types)
        if state_lexer.use_bytes or any(terminal.pattern.type != "re" for terminal in terminals):
            state_lexer.scanner  # noqa: B018 - Lark sets ``callback`` when it builds the scanner
            return (None, ignored, state_lexer.callback)
        flags = state_lexer.g_regex_flags
        tests = []
        for terminal in terminals:
            known = self._tests.get(terminal.name)
            if known is None:
                known = self._tests[terminal.name] = first_tests(terminal.pattern.to_regexp(), flags)
            tests.append((terminal, *known))
        return (tuple(tests), ignored, dict(state_lexer.user_callbacks))

    def _scanner_of(self, state_lexer: BasicLexer, terminals: tuple[TerminalDef, ...]) -> _Match:
        """The first of ``terminals`` to match, tried in order, each compiled alone (once for all
        states), made once for each set of names; no terminal: a scanner that never matches."""
        names = tuple(terminal.name for terminal in terminals)
        known = self._scanners.get(names)
        if known is not None:
            return known
        matches = []
        for terminal in terminals:
            match = self._terminals.get(terminal.name)
            if match is None:
                group = f"(?P<{terminal.name}>{terminal.pattern.to_regexp()})"
                match = self._terminals[terminal.name] = state_lexer.re.compile(group, state_lexer.g_regex_flags).match
            matches.append(match)
        scanner = _no_match if not matches else matches[0] if len(matches) == 1 else _first_match(tuple(matches))
        self._scanners[names] = scanner
        return scanner

    def compile_all(self) -> None:
        """Compile every terminal now (each is otherwise compiled the first time a state tries it), e.g.
        before forking workers that should share them."""
        for state_lexer in {id(state_lexer): state_lexer for state_lexer in self._state_lexers.values()}.values():
            assert isinstance(state_lexer, BasicLexer)
            for terminal in state_lexer.terminals:
                self._scanner_of(state_lexer, (terminal,))

    def parse(self, text: str) -> Any:
        """The transformer's result for ``text``; Lark's own parse (and error) when the loop balks."""
        if "\n" in text or "\r" in text:
            return self._lark.parse(text)
        result = self._run(text)
        if result is _BALKED:
            return self._lark.parse(text)
        return result

    def _run(self, text: str) -> Any:
        """Lex with the current state's scanner, shift or reduce; the end of the text is fed as "$END"
        until the end state is reached. (The state on top of the stack is kept in ``state``.)"""
        actions = self._actions
        lexers = self._lexers
        token_callbacks = self._token_callbacks
        end_state = self._end_state
        state = self._start_state
        states = [state]
        values: list[Any] = []
        position = 0
        length = len(text)
        while True:
            token: Token | None = None
            kind = END
            if position < length:
                pair = text[position : position + 2]
                try:
                    match, ignored, retype = lexers[state][pair]
                except KeyError:  # the first time in this state at these characters (or a pair not kept)
                    match, ignored, retype = self._scanner(state, pair)
                found = match(text, position)
                if found is None:
                    return _BALKED
                kind = found.lastgroup
                end = found.end()
                if kind in ignored:
                    position = end
                    continue
                # (``Token._future_new(kind, value, position, 1, position + 1, 1, end + 1, end)`` inline: a call
                # less for each token)
                value = found.group()
                token = _new_string(Token, value)
                token.type = kind
                token.start_pos = position
                token.value = value
                token.line = 1
                token.column = position + 1
                token.end_line = 1
                token.end_column = end + 1
                token.end_pos = end
                if kind in retype:
                    token = retype[kind](token)
                    kind = token.type
                position = end
            state_actions = actions[state]
            while True:
                action = state_actions.get(kind)
                if action is None:
                    return _BALKED
                if action.__class__ is int:
                    if token is None:
                        return _BALKED  # nothing to shift at the end
                    state = action
                    states.append(state)
                    callback = token_callbacks.get(kind)
                    values.append(token if callback is None else callback(token))
                    break
                size, origin, reduce = action  # type: ignore[misc]
                if reduce is None:  # one value, passed through
                    del states[-1]
                else:
                    children = values[-size:] if size else []
                    if size:
                        del states[-size:]
                        del values[-size:]
                    values.append(reduce(children))
                state = actions[states[-1]][origin]  # type: ignore[assignment]
                states.append(state)
                if token is None and state == end_state:
                    return values[-1]
                state_actions = actions[state]


#: ``Token``'s allocation (``str.__new__``), before ``_run`` sets its slots as ``Token._future_new`` does.
_new_string: Callable[..., Token] = str.__new__

#: What ``_run`` returns when the text needs Lark's own parser.
_BALKED: Any = object()


def _no_match(text: str, position: int) -> None:
    """The scanner of a state at a character no terminal of it can start with."""


#: Characters outside ``_tabled`` a state's table by character keeps (random text cannot make it grow further).
_MORE_CHARACTERS = 256
#: Pairs of characters a state's table keeps (a list's text meets about a thousand in all the tables;
#: random text of ``_tabled`` characters cannot make one grow further).
_MAX_PAIRS = 4096


def _tabled(character: str) -> bool:
    """Whether a character gets its own scanners (Latin, Greek, Cyrillic, general punctuation): the
    characters of real references, a bounded set."""
    code = ord(character)
    return code < 0x530 or 0x2000 <= code < 0x2070


def _first_match(matchers: tuple[_Match, ...]) -> _Match:
    """Scanners tried in order (terminals, or the parts Lark splits a scanner in): the first match, as
    an alternation of them (and Lark's ``Scanner.match``) gives it. (Two, the commonest case, without
    the loop.)"""
    if len(matchers) == 2:
        first, second = matchers

        def either(text: str, position: int) -> Any:
            return first(text, position) or second(text, position)

        return either

    def match(text: str, position: int) -> Any:
        for matcher in matchers:
            found = matcher(text, position)
            if found is not None:
                return found
        return None

    return match
