"""The base of every style family, and the registry of families by name.

A family is a small layer over the shared grammar and layout, as sqlglot's dialects are over its
parser and generator: a subclass of ``Family`` that overrides only what it does differently from the
base, which shows no signs, keeps the layout's shared rules and prints no style:

- ``name``: the family's ``StyleFamily``, the key it is registered and looked up by;
- ``evidence``: how strongly one entry's skeleton shows the family (a sum of named signs, over the
  family's own marker words);
- ``rules``: the layout's choices it makes its own way (``Rules``);
- ``styles``: the formatters of the styles it prints, by style name (``format_reference`` finds a
  style through the registry).

Each family lives in a sub-package of its own (``families/gost/``: its marker words and evidence
in ``__init__.py``, its formatter in ``formatter.py``); ``families/__init__.py`` registers the
built-in ones, in the order lists have always been scored in.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from types import MappingProxyType
from typing import ClassVar

from ..models import Reference, StyleFamily
from ..parsing.grammar import Skeleton
from ..parsing.ruler import Switches

#: A family's formatter: the Reference printed in one of its styles.
Formatter = Callable[[Reference], str]


#: The layout's choices a family makes its own way: the named rules of the layout's chains
#: (``parsing.ruler.rule_names``) it switches on (those off by default) or off.
Rules = Switches

#: The rules of an entry no family claims: every chain's defaults.
NEUTRAL = Rules()


class Family:
    """A style family: its name, its evidence, its layout rules and its formatters.

    Subclasses set ``name`` and override only what differs; an instance is registered with
    ``register`` and found with ``get_or_raise``.
    """

    #: The family's name (``Reference.style_family``), its key in the registry.
    name: ClassVar[StyleFamily]
    #: The layout's choices the family makes its own way.
    rules: ClassVar[Rules] = NEUTRAL
    #: The styles the family prints, each with its formatter; the first is the family's default.
    styles: ClassVar[Mapping[str, Formatter]] = MappingProxyType({})

    def evidence(self, skeleton: Skeleton, text: str, found: frozenset[str]) -> float:
        """How strongly one entry shows the family, from its skeleton, its text as printed and its
        marker kinds (``found``); the base sees no sign."""
        del skeleton, text, found
        return 0.0

    def format(self, reference: Reference, style: str | None = None) -> str:
        """The reference printed in one of the family's styles (its first when ``style`` is None)."""
        name = style if style is not None else next(iter(self.styles), None)
        formatter = self.styles.get(name) if name is not None else None
        if formatter is None:
            known = ", ".join(self.styles) or "none"
            raise ValueError(f"the {self.name!s} family prints no style {style!r}; its styles: {known}")
        return formatter(reference)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} family {self.name!s}>"


_REGISTRY: dict[str, Family] = {}
#: The registered families by name, in registration order (a read-only view that follows the registry).
REGISTRY: Mapping[str, Family] = MappingProxyType(_REGISTRY)


def register(family: Family) -> Family:
    """Add a family to the registry under its name (after those registered before it) and return it."""
    if family.name in _REGISTRY:
        raise ValueError(f"a style family named '{family.name!s}' is already registered: {_REGISTRY[family.name]!r}")
    _REGISTRY[family.name] = family
    return family


def unregister(name: str) -> Family:
    """Remove the family registered under ``name`` and return it."""
    family = get_or_raise(name)
    del _REGISTRY[family.name]
    return family


@contextmanager
def registered(family: Family) -> Iterator[Family]:
    """The family registered for the duration of a ``with`` block (for tests and experiments)."""
    register(family)
    try:
        yield family
    finally:
        unregister(family.name)


def get_or_raise(name: str) -> Family:
    """The family registered under ``name`` ("gost", ``StyleFamily.GOST``); a ``ValueError`` that
    names the closest known family and all of them otherwise."""
    family = _REGISTRY.get(name)
    if family is not None:
        return family
    close = difflib.get_close_matches(str(name), list(_REGISTRY), n=1)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    raise ValueError(f"unknown style family '{name!s}'{hint} (known: {', '.join(_REGISTRY)})")


def families() -> tuple[Family, ...]:
    """The registered families, in registration order."""
    return tuple(_REGISTRY.values())


def kinds(skeleton: Skeleton) -> frozenset[str]:
    """The marker kinds of a skeleton."""
    return frozenset(element.kind for element in skeleton.elements)
