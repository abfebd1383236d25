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
- ``Lark.parser.lexer``: a ``ContextualLexer`` whose ``lexers[state]`` are ``BasicLexer``s with a
  ``scanner`` (``_mres``: compiled alternations of named groups, tried in order; one per state for this
  grammar), ``callback`` (Lark's "unless" retyping of keywords) and ``ignore_types``.

Anything the loop does not expect (no terminal matches, no action for a token, a newline in the
text) is handed back to ``Lark.parse``, which either parses the text or raises Lark's own,
detailed error. So syntax errors and their recovery remain Lark's.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lark import Lark, Token
from lark.lexer import BasicLexer, ContextualLexer
from lark.parse_tree_builder import ExpandSingleChild
from lark.parsers.lalr_analysis import Shift

#: A reduction: how many values it pops, the rule's name (for the goto), and the callback; a callback
#: of None passes the one value popped through unchanged (a rule Lark inlines: ``?rule``).
_Reduction = tuple[int, str, Callable[[list[Any]], Any] | None]
#: A state's actions by terminal or rule name: the next state (a shift) or a reduction.
_Actions = dict[str, int | _Reduction]
#: A state's lexer: its scanner's ``match`` (one compiled alternation of named groups), the
#: terminals it skips and Lark's retyping callbacks.
_StateLexer = tuple[Callable[[str, int], Any], frozenset[str], dict[str, Callable[[Token], Token]]]

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
        self._lexers: dict[int, _StateLexer] = {}
        for state, state_lexer in lexer.lexers.items():
            assert isinstance(state_lexer, BasicLexer)
            mres = state_lexer.scanner._mres
            match = mres[0].match if len(mres) == 1 else _first_match(tuple(pattern.match for pattern in mres))
            self._lexers[state] = (match, frozenset(state_lexer.ignore_types), state_lexer.callback)

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
                match, ignored, retype = lexers[state]
                found = match(text, position)
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


def _first_match(matchers: tuple[Callable[[str, int], Any], ...]) -> Callable[[str, int], Any]:
    """A state's scanner when Lark split its alternation in parts: the first part that matches, as
    Lark's ``Scanner.match`` tries them."""

    def match(text: str, position: int) -> Any:
        for matcher in matchers:
            found = matcher(text, position)
            if found is not None:
                return found
        return None

    return match
