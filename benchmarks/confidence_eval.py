"""How well ``confidence``, ``needs_review`` and ``field_confidence`` separate right from wrong.

    PYTHONPATH=src python benchmarks/confidence_eval.py [--sample 60] [--show-checks]

Two measurements, both of the shipped calibration (``data/confidence.json``) as the parser applies it:

1. **Parallel corpus** (``../shared/corpus/npe_parallel.jsonl``), articles outside the dev corpus:
   each side parsed as its article's list. Printed: the share of entries flagged per side; the
   pairs whose sides disagree on a field both must share (year, volume, issue, pages, the first
   author's family name through a spelling-blind key, the kind of work); the area under the ROC
   curve of ``confidence`` against "this side's pair disagrees", and per field of
   ``field_confidence`` against "the sides disagree on this field". On the hand-checked sample of
   disagreements (``benchmarks/annotated/parallel_check.jsonl``: which side the parser got wrong,
   judged from the printed texts alone), the share of parser errors flagged on the wrong side.
   ``--sample N`` prints N disagreements drawn at random (seeded), without flags, for a new check.
2. **Hand-annotated references**, parsed in their lists: the unseen round
   (``benchmarks/annotated/holdout/``, never used for fitting) and the tuned-on sets (dev gold,
   rounds 1–4): the share not flagged, the share of those fully right, the share of the wrong ones
   flagged; per field, ``field_confidence`` by bin against the share of that field right.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from translit_refs import Reference, parse_list, to_csl_json
from translit_refs.families import family_for_entry
from translit_refs.models import Role, StyleFamily
from translit_refs.parallel.keys import word_key
from translit_refs.parsing.parser import read_text
from translit_refs.quality import ALWAYS_REVIEWED, Signals, measure

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"
FIXTURES = ROOT / "tests" / "fixtures"
ANNOTATED = ROOT / "benchmarks" / "annotated"
UNSEEN = ANNOTATED / "holdout"
CHECKED = ANNOTATED / "parallel_check.jsonl"

import sys  # noqa: E402

sys.path.insert(0, str(ROOT / "tests"))
from gold import absent_value, same  # noqa: E402

#: Fields both sides of a parallel pair must agree on.
SHARED_FIELDS = ("year", "volume", "issue", "pages", "first_author", "type")
#: The CSL keys the gold checks for each field of a Reference (``field_confidence``'s keys).
CSL_KEYS: dict[str, tuple[str, ...]] = {
    "type": ("type",),
    "persons": ("author", "editor", "contributor", "translator"),
    "title": ("title",),
    "title_translation": ("custom",),
    "container_title": ("container-title",),
    "issued": ("issued",),
    "places": ("publisher-place",),
    "publisher": ("publisher",),
    "volume": ("volume",),
    "issue": ("issue",),
    "pages": ("page",),
    "page_count": ("number-of-pages",),
    "number": ("number",),
    "edition": ("edition",),
    "genre": ("genre",),
    "doi": ("DOI",),
    "url": ("URL",),
    "isbn": ("ISBN",),
    "collection_title": ("collection-title",),
    "event_place": ("event-place",),
    "accessed": ("accessed",),
    "language": ("language",),
    "note": ("note",),
}
#: A parallel-corpus field and the ``field_confidence`` key it is read from.
PARALLEL_TO_FIELD = {
    "year": "issued",
    "volume": "volume",
    "issue": "issue",
    "pages": "pages",
    "first_author": "persons",
    "type": "type",
}


def rows(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as stream:
        return [json.loads(line) for line in stream if line.strip()]


# --- the parallel corpus -------------------------------------------------------------------------


@dataclass
class Side:
    """One side of a parallel pair as parsed, and the shared fields on which the pair disagrees."""

    article: str
    label: int
    side: str
    reference: Reference
    disagrees: set[str] = field(default_factory=set)
    list_family: StyleFamily | None = None


_NUMBER = re.compile(r"\d+")
#: A word of a family name, its apostrophes kept (the key drops them: "Kut’kov" is "Кутьков").
_NAME_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|[’'`ʹʼ])*")
_DASHES = re.compile(r"[\u2010-\u2015\u2212]")


def shared_value(reference: Reference, name: str) -> str | None:
    """The value of a shared field as compared (None when the side has none)."""
    if name == "year":
        return str(reference.issued.year) if reference.issued and reference.issued.year else None
    if name == "first_author":
        authors = reference.people(Role.AUTHOR)
        if not authors or authors[0].literal:
            return None
        words = _NAME_WORD.findall(authors[0].family)
        return word_key(words[0]) if words else None
    if name == "type":
        return reference.type.value
    value = getattr(reference, name)
    return _DASHES.sub("-", value).strip() if isinstance(value, str) else None


def contradict(one: str, other: str) -> bool:
    """Numbers contradict when neither side's are among the other's ("3 (34)" and "34" agree)."""
    mine, others = set(_NUMBER.findall(one)), set(_NUMBER.findall(other))
    if not mine or not others:
        return one != other
    return not (mine <= others or others <= mine)


def disagreements(latin: Reference, cyrillic: Reference) -> set[str]:
    """The shared fields both sides give and do not agree on."""
    found = set()
    for name in SHARED_FIELDS:
        one, other = shared_value(latin, name), shared_value(cyrillic, name)
        if one and other and (one != other if name in ("first_author", "type", "year") else contradict(one, other)):
            found.add(name)
    return found


def parallel_sides() -> list[Side]:
    """Both sides of every pair of the articles outside the dev corpus, each parsed in its list."""
    dev = {row["article"] for row in rows(SHARED / "dev_npe.jsonl")}
    by_article: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows(SHARED / "npe_parallel.jsonl"):
        if row["article"] not in dev:
            by_article[row["article"]].append(row)
    sides: list[Side] = []
    for article, pairs in by_article.items():
        latin = parse_list([pair["latin"] for pair in pairs])
        cyrillic = parse_list([pair["cyrillic"] for pair in pairs])
        for pair, one, other in zip(pairs, latin.references, cyrillic.references, strict=True):
            found = disagreements(one, other)
            sides.append(Side(article, pair["label"], "latin", one, set(found), latin.family))
            sides.append(Side(article, pair["label"], "cyrillic", other, set(found), cyrillic.family))
    return sides


def signals_of(reference: Reference, list_family: StyleFamily | None) -> Signals:
    """What the features read of a reference parsed in a list of the given family."""
    read = read_text(reference.raw)
    family = family_for_entry(read.evidence, list_family) if read.skeleton is not None else None
    return Signals.of(reference, read.skeleton, read.evidence, family)


def auc(scores: Sequence[float], positive: Sequence[bool]) -> float:
    """Area under the ROC curve of a *low* score predicting ``positive`` (ties count half)."""
    ranked = sorted(zip(scores, positive, strict=True), key=lambda item: -item[0])
    positives = sum(positive)
    negatives = len(positive) - positives
    if not positives or not negatives:
        return float("nan")
    area = 0.0
    seen_negative = 0
    index = 0
    while index < len(ranked):
        end = index
        while end < len(ranked) and ranked[end][0] == ranked[index][0]:
            end += 1
        group = ranked[index:end]
        group_positive = sum(p for _, p in group)
        group_negative = len(group) - group_positive
        area += group_positive * (seen_negative + group_negative / 2)
        seen_negative += group_negative
        index = end
    return area / (positives * negatives)


def report_parallel(sides: list[Side], sample: int) -> None:
    outside = len({side.article for side in sides})
    print(f"## Parallel corpus: {len(sides) // 2:,} pairs of {outside} articles outside the dev corpus\n")
    for name in ("latin", "cyrillic"):
        members = [side for side in sides if side.side == name]
        flagged = sum(side.reference.needs_review for side in members)
        print(f"- {name}: {flagged:,} of {len(members):,} flagged = {flagged / len(members):.1%}")
    flagged_all = sum(side.reference.needs_review for side in sides)
    print(f"- both sides: {flagged_all / len(sides):.1%} flagged")
    pairs = [(sides[i], sides[i + 1]) for i in range(0, len(sides), 2)]
    disagreeing = [pair for pair in pairs if pair[0].disagrees]
    kinds = Counter(name for one, _ in disagreeing for name in one.disagrees)
    print(f"- pairs that disagree: {len(disagreeing):,} ({len(disagreeing) / len(pairs):.1%}); by field: "
          + ", ".join(f"{name} {count}" for name, count in kinds.most_common()))  # fmt: skip
    any_flagged = sum(one.reference.needs_review or other.reference.needs_review for one, other in disagreeing)
    agreeing = [pair for pair in pairs if not pair[0].disagrees]
    agreeing_flagged = sum(a.reference.needs_review or b.reference.needs_review for a, b in agreeing)
    print(f"- disagreeing pairs with a side flagged: {any_flagged / len(disagreeing):.1%}; agreeing pairs with "
          f"a side flagged: {agreeing_flagged / len(agreeing):.1%}")  # fmt: skip
    scores = [side.reference.confidence or 0.0 for side in sides]
    print(f"- ROC AUC of confidence against 'this side's pair disagrees': "
          f"{auc(scores, [bool(side.disagrees) for side in sides]):.3f}")  # fmt: skip
    for name in SHARED_FIELDS:
        key = PARALLEL_TO_FIELD[name]
        scored = [
            (side.reference.field_confidence[key], name in side.disagrees)
            for side in sides
            if key in side.reference.field_confidence and shared_value(side.reference, name)
        ]
        both = scored
        if both:
            print(f"  - field_confidence['{key}'] against disagreeing on {name}: ROC AUC "
                  f"{auc([s for s, _ in both], [d for _, d in both]):.3f} "
                  f"({sum(d for _, d in both)} of {len(both)})")  # fmt: skip
    report_checked(sides)
    if sample:
        print_sample(disagreeing, sample)


def report_checked(sides: list[Side]) -> None:
    """The hand-checked disagreements: the parser errors, and how many are flagged on the wrong side."""
    if not CHECKED.exists():
        return
    by_key = {(side.article, side.label, side.side): side for side in sides}
    verdicts = rows(CHECKED)
    errors = [v for v in verdicts if v["wrong"] in ("latin", "cyrillic", "both")]
    flagged = 0
    field_flagged = 0
    for verdict in errors:
        wrong_sides = ("latin", "cyrillic") if verdict["wrong"] == "both" else (verdict["wrong"],)
        references = [by_key[(verdict["article"], verdict["label"], name)].reference for name in wrong_sides]
        flagged += all(reference.needs_review for reference in references)
        key = PARALLEL_TO_FIELD[verdict["field"]]
        field_flagged += all(reference.needs_review and _doubted(reference, key) for reference in references)
    print(
        f"- hand-checked disagreements ({CHECKED.relative_to(ROOT)}): {len(verdicts)}; parser errors "
        f"{len(errors)}, of which flagged on the wrong side {flagged} = {flagged / max(1, len(errors)):.1%} "
        f"(and the wrong field named among the reasons or below 0.9: {field_flagged})"
    )


def _doubted(reference: Reference, key: str) -> bool:
    return reference.field_confidence.get(key, 1.0) < 0.9 or any(
        reason.startswith(_FIELD_WORDS.get(key, key)) for reason in reference.review_reasons
    )


_FIELD_WORDS = {"persons": "author", "issued": "year", "container_title": "container", "type": "kind"}


def print_sample(disagreeing: list[tuple[Side, Side]], count: int) -> None:
    """``count`` disagreeing pairs drawn at random (seeded), with the values in dispute, no flags."""
    print(f"\n## A sample of {count} disagreements to check by hand (seed 25)\n")
    for one, other in random.Random(25).sample(disagreeing, count):
        name = sorted(one.disagrees)[0]
        print(json.dumps({"article": one.article, "label": one.label, "field": name,
                          "latin_value": shared_value(one.reference, name),
                          "cyrillic_value": shared_value(other.reference, name)}, ensure_ascii=False))  # fmt: skip
        print("   L:", one.reference.raw)
        print("   C:", other.reference.raw)


# --- hand-annotated references -------------------------------------------------------------------


@dataclass(frozen=True)
class Observation:
    """One annotated reference as parsed in its list: its features, whether it is fully right, and
    per field with a gold check, whether that field is right."""

    source: str
    id: str
    reference: Reference
    features: dict[str, float]
    right: bool
    fields_right: dict[str, bool]
    signals: Signals
    list: str = ""


def field_checks(gold: dict[str, Any], item: dict[str, Any]) -> dict[str, bool]:
    """Per field of the Reference with a gold check (an expected or an absent key), whether it passes."""
    passes: dict[str, bool] = {}
    alternatives = gold.get("alt", {})
    for name, keys in CSL_KEYS.items():
        results = []
        for key in keys:
            if key in gold["expect"] or key in alternatives:
                options = alternatives.get(key, [gold["expect"].get(key)])
                results.append(any(same(key, option, item.get(key)) for option in options))
            elif key in gold.get("absent", []):
                results.append(not absent_value(key, item))
        if results:
            passes[name] = all(results)
    return passes


def observe(source: str, annotated: list[dict[str, Any]]) -> list[Observation]:
    """Parse each row in its list (a dev-journal row in its article's whole list) and measure it."""
    corpus = rows(FIXTURES / "dev_npe.jsonl")
    lists: dict[str, list[str]] = {}
    where: dict[str, tuple[str, int]] = {}
    for row in annotated:
        if row["id"].startswith("dev-npe-"):
            article = corpus[int(row["id"].rsplit("-", 1)[1])]["article"]
            key = f"article-{article}"
            if key not in lists:
                lists[key] = [entry["text"] for entry in corpus if entry["article"] == article]
            where[row["id"]] = (key, lists[key].index(row["text"]))
        else:
            key = row.get("list", source)
            lists.setdefault(key, []).append(row["text"])
            where[row["id"]] = (key, len(lists[key]) - 1)
    parsed = {key: parse_list(texts) for key, texts in lists.items()}
    observations = []
    for row in annotated:
        key, index = where[row["id"]]
        reference = parsed[key].references[index]
        signals = signals_of(reference, parsed[key].family)
        item = to_csl_json(reference, row["id"])
        fields_right = field_checks(row, item)
        right = all(fields_right.values()) and all(ok for ok in _all_checks(row, item))
        observations.append(
            Observation(source, row["id"], reference, measure(signals), right, fields_right, signals, key)
        )
    return observations


def _all_checks(gold: dict[str, Any], item: dict[str, Any]) -> Iterable[bool]:
    from gold import checks  # noqa: PLC0415 - the tests' helper, on the path set above

    return (ok for _, ok in checks(gold, item))


def tuned_observations() -> list[Observation]:
    """The dev gold and the annotated rounds (the rules were fixed on their failures)."""
    observations = observe("dev-gold", rows(FIXTURES / "dev_gold.jsonl"))
    for path in sorted(ANNOTATED.glob("round*.jsonl")):
        observations += observe(path.stem, rows(path))
    return observations


def unseen_observations() -> list[Observation]:
    """The held-out round: annotated before the parser ran on it, never used to fit or change a rule."""
    observations: list[Observation] = []
    for path in sorted(UNSEEN.glob("*.jsonl")):
        observations += observe(path.stem, rows(path))
    return observations


def always_reviewed(observation: Observation) -> bool:
    return any(observation.features[name] for name in ALWAYS_REVIEWED)


def triage_line(name: str, observations: list[Observation]) -> str:
    unflagged = [o for o in observations if not o.reference.needs_review]
    wrong = [o for o in observations if not o.right]
    right_unflagged = sum(o.right for o in unflagged)
    wrong_flagged = sum(o.reference.needs_review for o in wrong)
    return (
        f"| {name} | {len(observations)} | {len(unflagged) / len(observations):.1%} | "
        f"{right_unflagged}/{len(unflagged)} = {right_unflagged / max(1, len(unflagged)):.1%} | "
        f"{wrong_flagged}/{len(wrong)} = {wrong_flagged / max(1, len(wrong)):.1%} |"
    )


def field_reliability(observations: list[Observation], bins: int = 5) -> list[str]:
    """Per bin of ``field_confidence`` over every checked field: mean confidence → share right (count)."""
    pairs = [
        (o.reference.field_confidence[name], right)
        for o in observations
        for name, right in o.fields_right.items()
        if name in o.reference.field_confidence
    ]
    edges = (0.0, 0.5, 0.7, 0.8, 0.9, 0.95, 1.01) if bins == 5 else tuple(i / bins for i in range(bins + 1))
    return reliability(pairs, edges)


def reliability(pairs: list[tuple[float, bool]], edges: tuple[float, ...]) -> list[str]:
    """Table rows: bin, mean predicted, share right, count."""
    lines = []
    for low, high in itertools.pairwise(edges):
        members = [(p, r) for p, r in pairs if low <= p < high]
        if members:
            mean = sum(p for p, _ in members) / len(members)
            share = sum(r for _, r in members) / len(members)
            lines.append(f"| {low:.2f}–{min(high, 1.0):.2f} | {mean:.3f} | {share:.3f} | {len(members)} |")
    return lines


def report_annotated(show_checks: bool) -> None:
    unseen = unseen_observations()
    tuned = tuned_observations()
    print("\n## Hand-annotated references (shipped calibration)\n")
    print("| set | references | not flagged | of those fully right | wrong ones flagged |")
    print("|---|---|---|---|---|")
    print(triage_line("unseen (held out)", unseen))
    for source in sorted({o.source for o in unseen}):
        print(triage_line(f"  {source}", [o for o in unseen if o.source == source]))
    print(triage_line("tuned on", tuned))
    for source in sorted({o.source for o in tuned}):
        print(triage_line(f"  {source}", [o for o in tuned if o.source == source]))
    for name, observations in (("unseen", unseen), ("tuned on", tuned)):
        print(f"\nPer-field reliability, {name} (every field with a gold check):\n")
        print("| field_confidence bin | mean | share right | fields |")
        print("|---|---|---|---|")
        print("\n".join(field_reliability(observations)))
    if show_checks:
        for o in unseen:
            wrong = [name for name, ok in o.fields_right.items() if not ok]
            if not o.reference.needs_review and not o.right:
                print("UNFLAGGED WRONG", o.id, wrong, o.reference.confidence, o.reference.raw)


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--sample", type=int, default=0, help="print N disagreements drawn at random")
    options.add_argument("--show-checks", action="store_true", help="list the unseen references unflagged and wrong")
    options.add_argument("--skip-parallel", action="store_true", help="only the annotated references")
    arguments = options.parse_args()
    if not arguments.skip_parallel:
        report_parallel(parallel_sides(), arguments.sample)
    report_annotated(arguments.show_checks)


if __name__ == "__main__":
    main()
