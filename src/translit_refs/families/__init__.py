"""Style families: which citation style a list (and each entry) is printed in.

Each family is a ``base.Family`` subclass in a sub-package of its own (its marker words, evidence,
rules and formatter), registered here by name, as sqlglot registers its dialects; adding a family
is its folder and one line below.

Detection works as ``csv.Sniffer`` does for a file's dialect: each family scores the signs it
sees in an entry's skeleton (``entry_evidence``); a list's family is the one most of its entries
show (``list_family``); each entry is then read with its list's family unless it shows another
family clearly and its list's not at all (``family_for_entry``): English Vancouver or APA entries
inside a Russian "References" list keep their own style.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from ..models import StyleFamily
from ..parsing.grammar import Skeleton
from .author_date import AuthorDate
from .base import REGISTRY, Family, families, get_or_raise, kinds, register, registered, unregister
from .gost import Gost
from .references import References
from .vancouver import Vancouver

# The built-in families, in the order entries have always been scored in (``entry_evidence``).
register(AuthorDate())
register(References())
register(Gost())
register(Vancouver())

#: The registered families by name (a read-only view of the registry).
BY_NAME = REGISTRY
#: An entry's own signs must reach this score to override its list's family.
CLEAR_EVIDENCE = 3.0

Scores = Mapping[StyleFamily, float]


def entry_evidence(skeleton: Skeleton, text: str) -> dict[StyleFamily, float]:
    """How strongly the entry shows each family."""
    found = kinds(skeleton)
    return {family.name: family.evidence(skeleton, text, found) for family in REGISTRY.values()}


#: Evidence of the ``references`` family an entry read alone must show for the rules to keep it (its
#: "2009, vol. 3, issue 2, pp. 137–156", "Moscow, Nauka Publ.", "[Electronic resource]" add up to it;
#: an MLA or IEEE entry's "vol. 12, no. 3" alone does not): 124 of the dev gold's 150, 130 of AnyStyle's
#: 1,514.
STRONG_REFERENCES_EVIDENCE = 2.5


def shows_rules_family(scores: Scores) -> bool:
    """Whether an entry's own signs show, strongly, a family that only the rules read: GOST, or the
    transliterated "References" (``labeller.route`` keeps such an entry with the rules)."""
    return (
        scores.get(StyleFamily.GOST, 0.0) > 0 or scores.get(StyleFamily.REFERENCES, 0.0) >= STRONG_REFERENCES_EVIDENCE
    )


def best_family(scores: Scores) -> StyleFamily | None:
    """The family with the highest score, if any family scores above zero and none ties with it."""
    best: StyleFamily | None = None
    top = 0.0
    tied = False
    for family, score in scores.items():
        if score > top:
            best, top, tied = family, score, False
        elif score == top and score > 0:
            tied = True
    return None if tied else best


class ListVote:
    """The running count of a list's entries by their own best family (each entry votes once)."""

    def __init__(self) -> None:
        self.votes: Counter[StyleFamily] = Counter()

    def add(self, scores: Scores) -> None:
        """Count one entry's vote (none when it shows no family, or two equally)."""
        family = best_family(scores)
        if family is not None:
            self.votes[family] += 1

    @property
    def leader(self) -> StyleFamily | None:
        """The family with the most votes so far; none while two tie."""
        leader: StyleFamily | None = None
        top = 0
        for family, count in self.votes.items():
            if count > top:
                leader, top = family, count
            elif count == top:
                leader = None
        return leader


def list_family(entries: Iterable[Scores]) -> StyleFamily | None:
    """The family most entries of a list show (each entry votes for its own best family)."""
    vote = ListVote()
    for scores in entries:
        vote.add(scores)
    return vote.leader


def family_for_entry(scores: Scores, in_list: StyleFamily | None) -> StyleFamily | None:
    """The family an entry is read in: its list's, unless it clearly shows another one."""
    own = best_family(scores)
    if in_list is None or own is None or own is in_list:
        return own or in_list
    if scores[own] >= CLEAR_EVIDENCE and scores[in_list] == 0:
        return own
    return in_list


__all__ = [
    "BY_NAME",
    "REGISTRY",
    "AuthorDate",
    "Family",
    "Gost",
    "ListVote",
    "References",
    "Vancouver",
    "best_family",
    "entry_evidence",
    "families",
    "family_for_entry",
    "get_or_raise",
    "list_family",
    "register",
    "registered",
    "unregister",
]
