"""A ruler: small named rules in a declared order, which a style family switches on or off by name.

After markdown-it-py's ``Ruler``: the layout's rule chains (the imprint rules, the steps of a
body's reading) are each a ``Ruler``; a family's ``Rules`` names the rules it switches on (those
off by default) or off. A chain's active rules are worked out once per set of switches.

    >>> chain = Ruler([("first", str.upper), ("second", str.lower)], off=("second",))
    >>> chain.names
    ('first', 'second')
    >>> [rule.__name__ for rule in chain.active(Switches(on=frozenset({"second"})))]
    ['upper', 'lower']
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

Rule = TypeVar("Rule")


@dataclass(frozen=True, slots=True)
class Switches:
    """Rules switched on (off by default otherwise) and off, by name."""

    on: frozenset[str] = field(default_factory=frozenset)
    off: frozenset[str] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        both = self.on & self.off
        if both:
            raise ValueError(f"rules switched both on and off: {', '.join(sorted(both))}")


#: How many sets of switches a chain keeps its active rules for.
_CACHED_SWITCHES = 64
#: No rule switched: every chain's defaults.
DEFAULTS = Switches()
#: The layout's chains by name (a chain given a name registers itself), so that a family's switches can be
#: checked against the rules that exist.
CHAINS: dict[str, Ruler[Any]] = {}


def rule_names() -> frozenset[str]:
    """The names of every rule of every named chain."""
    return frozenset(name for chain in CHAINS.values() for name in chain.names)


class Ruler(Generic[Rule]):
    """Named rules in their order; some off unless a family switches them on."""

    def __init__(self, rules: Iterable[tuple[str, Rule]], off: Iterable[str] = (), chain: str = "") -> None:
        self._rules: tuple[tuple[str, Rule], ...] = tuple(rules)
        self.names: tuple[str, ...] = tuple(name for name, _ in self._rules)
        if len(set(self.names)) != len(self.names):
            raise ValueError(f"a rule named twice in {self.names}")
        self.off_by_default: frozenset[str] = frozenset(off)
        unknown = self.off_by_default - set(self.names)
        if unknown:
            raise ValueError(f"unknown rules: {', '.join(sorted(unknown))}")
        self._active: dict[int, tuple[Switches, tuple[Rule, ...]]] = {}
        self.chain = chain
        if chain:
            if chain in CHAINS:
                raise ValueError(f"a chain named {chain!r} already exists")
            CHAINS[chain] = self

    def active(self, switches: Switches = DEFAULTS) -> tuple[Rule, ...]:
        """The rules that run under ``switches``, in order (names a chain does not have are ignored:
        a family's switches serve every chain)."""
        cached = self._active.get(id(switches))  # by identity: a family's switches are one long-lived object
        if cached is not None and cached[0] is switches:
            return cached[1]
        found = tuple(rule for name, rule in self._rules if self.is_on(name, switches))
        if len(self._active) >= _CACHED_SWITCHES:
            self._active.clear()  # switches made on the fly (tests) must not pile up
        self._active[id(switches)] = (switches, found)  # (holding the switches keeps their id from reuse)
        return found

    def is_on(self, name: str, switches: Switches = DEFAULTS) -> bool:
        """Whether the rule ``name`` of this chain runs under ``switches``."""
        if name not in self.names:
            raise KeyError(f"no rule {name!r} in {self.names}")
        if name in switches.off:
            return False
        return name not in self.off_by_default or name in switches.on

    def __repr__(self) -> str:
        marked = (f"({name})" if name in self.off_by_default else name for name in self.names)
        return f"Ruler{'(' + self.chain + ')' if self.chain else ''}[{', '.join(marked)}]"
