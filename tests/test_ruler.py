"""The ruler: named rules in a declared order, switched on or off by name."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from translit_refs.parsing.ruler import CHAINS, DEFAULTS, Ruler, Switches

_NAMES = ("alpha", "beta", "gamma", "delta")


def _chain(off: tuple[str, ...] = ()) -> Ruler[str]:
    return Ruler([(name, name.upper()) for name in _NAMES], off=off)


def test_rules_run_in_their_declared_order() -> None:
    assert _chain().active() == ("ALPHA", "BETA", "GAMMA", "DELTA")


def test_a_rule_off_by_default_runs_only_when_switched_on() -> None:
    chain = _chain(off=("gamma",))
    assert chain.active(DEFAULTS) == ("ALPHA", "BETA", "DELTA")
    assert chain.active(Switches(on=frozenset({"gamma"}))) == ("ALPHA", "BETA", "GAMMA", "DELTA")
    assert not chain.is_on("gamma")
    assert chain.is_on("gamma", Switches(on=frozenset({"gamma"})))


@given(st.sets(st.sampled_from(_NAMES)), st.sets(st.sampled_from(_NAMES)))
def test_switches_keep_the_order_and_drop_exactly_what_is_off(on: set[str], off: set[str]) -> None:
    off -= on
    chain = _chain(off=("beta",))
    active = chain.active(Switches(on=frozenset(on), off=frozenset(off)))
    expected = tuple(name.upper() for name in _NAMES if name not in off and (name != "beta" or "beta" in on))
    assert active == expected


def test_switches_of_rules_a_chain_lacks_are_ignored_but_asking_for_one_is_an_error() -> None:
    chain = _chain()
    assert chain.active(Switches(off=frozenset({"omega"}))) == chain.active()
    with pytest.raises(KeyError, match="omega"):
        chain.is_on("omega")


def test_badly_declared_chains_and_switches_are_refused() -> None:
    with pytest.raises(ValueError, match="twice"):
        Ruler([("a", 1), ("a", 2)])
    with pytest.raises(ValueError, match="unknown"):
        Ruler([("a", 1)], off=("b",))
    with pytest.raises(ValueError, match="both on and off"):
        Switches(on=frozenset({"a"}), off=frozenset({"a"}))


def test_the_repr_marks_the_rules_off_by_default() -> None:
    assert repr(_chain(off=("beta",))) == "Ruler[alpha, (beta), gamma, delta]"


def test_the_layouts_chains_are_registered_by_name() -> None:
    from translit_refs.parsing import layout  # noqa: PLC0415 - imports the chains' modules

    assert layout.CONTAINER_RULES is CHAINS["container"]
    assert set(CHAINS) >= {"publisher", "imprint", "body", "container", "head"}
    assert CHAINS["imprint"].names[:2] == ("known_place_imprint", "not_before_a_journal")
    assert not CHAINS["body"].is_on("publisher_before_year")
    with pytest.raises(ValueError, match="already exists"):
        Ruler([("x", 1)], chain="body")


def test_a_family_that_switches_a_rule_off_reads_without_it() -> None:
    """Switched off by name, the imprint rule that knows "Moscow, Nauka" leaves the imprint to the next."""
    from translit_refs.parsing.parser import parse_reference  # noqa: PLC0415

    text = "Ivanov I.I. Kniga. Moscow, Nauka, 2001. 200 p."
    assert parse_reference(text).publisher == "Nauka"
    assert CHAINS["imprint"].is_on("known_place_imprint")
    off = Switches(off=frozenset({"known_place_imprint"}))
    assert "known_place_imprint" not in [rule.__name__ for rule in CHAINS["imprint"].active(off)]
