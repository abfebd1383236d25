"""A lean LALR(1) loop over Lark's own parse table, terminal regexes and callbacks.

Lark stays the grammar and the parser generator; this module only drives the tables it built,
without Lark's per-token machinery (lexer threads, line counters, generator frames, rule lookups
by structural equality). It reads these Lark internals, which is why ``pyproject.toml`` pins the
Lark versions it supports:

- ``lark.parse_tree_builder.ExpandSingleChild``, the callback of an inlined rule (``?rule``), which
  returns a single child as it is (a one-symbol rule's reduction then only changes the state);
- ``Lark.parser.parser.parser.parse_table`` (``states``, ``start_states``, ``end_states``) and
  ``.callbacks`` (the tree builder with the transformer inline);
- ``Token._future_new``, the constructor behind ``Token.__new__``;
- ``Lark.parser.lexer``: a ``ContextualLexer`` whose ``lexers[state]`` are ``BasicLexer``s with
  ``terminals`` (in the order its scanner tries them), ``re``, ``g_regex_flags``, ``use_bytes``,
  ``user_callbacks``, ``ignore_types``, and a ``scanner`` (``_mres``: compiled alternations of named
  groups, tried in order) with ``callback`` (Lark's "unless" retyping of keywords, set when the
  scanner is built), used as they are when a state has a string terminal.

A state's scanner is compiled the first time the loop is in that state, as Lark's own lexer does
(``BasicLexer.scanner`` is built on first use): the grammar's 139 states share 23 scanners (states
that accept the same terminals share one) and a reference meets only a few. Each of Lark's
scanners is one alternation that embeds the 20,000-character ``SEG`` pattern (tens of milliseconds
to compile, more than half of it for ``SEG``); here ``SEG`` is compiled once, alone, and tried after
the state's other terminals, as the alternation tries it (``SHARED_LENGTH``). ``compile_all``
compiles every state's scanner up front.

Anything the loop does not expect (no terminal matches, no action for a token, a newline in the
text) is handed back to ``Lark.parse``, which either parses the text or raises Lark's own,
detailed error. So syntax errors and their recovery remain Lark's.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lark import Lark, Token
from lark.lexer import AbstractBasicLexer, BasicLexer, ContextualLexer
from lark.parse_tree_builder import ExpandSingleChild
from lark.parsers.lalr_analysis import Shift

#: A reduction: how many values it pops, the rule's name (for the goto), and the callback; a callback
#: of None passes the one value popped through unchanged (a rule Lark inlines: ``?rule``).
_Reduction = tuple[int, str, Callable[[list[Any]], Any] | None]
#: A state's actions by terminal or rule name: the next state (a shift) or a reduction.
_Actions = dict[str, int | _Reduction]
#: A compiled alternation's ``match``.
_Match = Callable[[str, int], Any]
#: A state's lexer: its scanner's first part (a compiled alternation of named groups), what to try
#: when that does not match (the other parts in order, or None), the terminals it skips and Lark's
#: retyping callbacks.
_StateLexer = tuple[_Match, _Match | None, frozenset[str], dict[str, Callable[[Token], Token]]]

#: A terminal whose regular expression is at least this long is compiled alone, once for all the
#: states that accept it, and tried in its place in the state's order of terminals (the states'
#: other terminals before and after it stay one alternation each): the sentence-run terminal ``SEG``
#: (20,000 characters, most of each state's scanner).
SHARED_LENGTH = 5_000

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
        #: The states' lexers compiled so far (``_state_lexer`` adds one the first time it is needed),
        #: by state and by Lark's lexer (which states accepting the same terminals share).
        self._lexers: dict[int, _StateLexer] = {}
        self._compiled: dict[AbstractBasicLexer, _StateLexer] = {}
        self._shared: dict[str, _Match] = {}

    def _state_lexer(self, state: int) -> _StateLexer:
        """The lexer of ``state``, compiled now if no state with the same terminals has been met."""
        state_lexer = self._state_lexers[state]
        compiled = self._compiled.get(state_lexer)
        if compiled is None:
            assert isinstance(state_lexer, BasicLexer)
            compiled = self._compiled[state_lexer] = self._compile(state_lexer)
        self._lexers[state] = compiled
        return compiled

    def _compile(self, state_lexer: BasicLexer) -> _StateLexer:
        """A state's lexer: its terminals in Lark's order (``BasicLexer.terminals``) as one alternation,
        a long terminal apart (``SHARED_LENGTH``); matching the parts in order is matching their
        alternation, whose first alternative that matches wins. Lark's own scanner when a terminal is a
        string (Lark retypes the regular terminals that match one: its "unless" callbacks)."""
        terminals = state_lexer.terminals
        regexps = [terminal.pattern.to_regexp() for terminal in terminals]
        if (
            state_lexer.use_bytes
            or any(terminal.pattern.type != "re" for terminal in terminals)
            or all(len(regexp) < SHARED_LENGTH for regexp in regexps)
        ):
            parts = [pattern.match for pattern in state_lexer.scanner._mres]
            retype = state_lexer.callback
        else:
            compile_ = state_lexer.re.compile
            flags = state_lexer.g_regex_flags
            parts = []
            run: list[str] = []
            for terminal, regexp in zip(terminals, regexps, strict=True):
                group = f"(?P<{terminal.name}>{regexp})"
                if len(regexp) < SHARED_LENGTH:
                    run.append(group)
                    continue
                if run:
                    parts.append(compile_("|".join(run), flags).match)
                    run = []
                if group not in self._shared:
                    self._shared[group] = compile_(group, flags).match
                parts.append(self._shared[group])
            if run:
                parts.append(compile_("|".join(run), flags).match)
            retype = dict(state_lexer.user_callbacks)
        rest = None if len(parts) == 1 else parts[1] if len(parts) == 2 else _first_match(tuple(parts[1:]))
        return (parts[0], rest, frozenset(state_lexer.ignore_types), retype)

    def compile_all(self) -> None:
        """Compile every state's scanner now (they are otherwise compiled on first use), e.g. before
        forking workers that should share them."""
        for state in self._state_lexers:
            if state not in self._lexers:
                self._state_lexer(state)

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
                try:
                    match, rest, ignored, retype = lexers[state]
                except KeyError:  # the first time in this state
                    match, rest, ignored, retype = self._state_lexer(state)
                found = match(text, position)
                if found is None:
                    if rest is None:
                        return _BALKED
                    found = rest(text, position)
                    if found is None:
                        return _BALKED
                kind = found.lastgroup
                end = found.end()
                if kind in ignored:
                    position = end
                    continue
                token = new_token(kind, found.group(), position, 1, position + 1, 1, end + 1, end)
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


#: Lark's token constructor without the check for a deprecated keyword (``Token.__new__``'s).
new_token: Callable[..., Token] = Token._future_new

#: What ``_run`` returns when the text needs Lark's own parser.
_BALKED: Any = object()


def _first_match(matchers: tuple[_Match, ...]) -> _Match:
    """A scanner split in parts (by Lark, or around a long terminal): the first part that matches,
    as Lark's ``Scanner.match`` tries them."""

    def match(text: str, position: int) -> Any:
        for matcher in matchers:
            found = matcher(text, position)
            if found is not None:
                return found
        return None

    return match
