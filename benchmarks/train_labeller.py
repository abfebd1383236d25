"""Train the labeller's CRF on AnyStyle's labelled references and write the shipped model.

    python benchmarks/train_labeller.py [--core ../shared/corpus/anystyle/core.xml]
        [--out src/translit_refs/labeller/model.crfsuite]

Each ``<sequence>`` of core.xml is a reference cut into labelled segments; its text is
``anystyle_text`` (the segments joined by one space, as the evaluation reads them), and each token
of ``translit_refs.labeller.tokenize`` takes the label of the segment its first character lies in.
Training is deterministic: the references in file order, python-crfsuite's L-BFGS with the fixed
parameters of ``PARAMETERS``; the same inputs give the same model file.
"""

from __future__ import annotations

import argparse
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pycrfsuite

from translit_refs.labeller import features, tokenize

from output_diff import anystyle_text

ROOT = Path(__file__).resolve().parent.parent
CORE = ROOT.parent / "shared" / "corpus" / "anystyle" / "core.xml"
MODEL = ROOT / "src" / "translit_refs" / "labeller" / "model.crfsuite"
#: L-BFGS with elastic-net regularisation: L1 keeps the model small, L2 smooths it.
PARAMETERS: dict[str, object] = {
    "c1": 0.1,
    "c2": 0.05,
    "max_iterations": 500,
    "feature.possible_transitions": True,
}


@dataclass(frozen=True)
class Labelled:
    """One reference of the training data: its text and one label per token."""

    text: str
    labels: tuple[str, ...]


def _character_labels(sequence: ET.Element, text: str) -> list[str]:
    """The label of each character of ``text`` (``anystyle_text``: the joined segments, perhaps less
    some spaces around fullwidth punctuation), by walking the joined segments alongside."""
    joined: list[str] = []
    for index, segment in enumerate(sequence):
        if index:
            joined.append("")  # the joining space
        joined.extend([segment.tag] * len(segment.text or ""))
    raw = " ".join(segment.text or "" for segment in sequence)
    labels, position = [], 0
    for character in text:
        while raw[position] != character:
            position += 1
        labels.append(joined[position])
        position += 1
    return labels


def load(path: Path) -> list[Labelled]:
    """The labelled references of an AnyStyle XML file, in file order."""
    found = []
    for sequence in ET.parse(path).getroot().iter("sequence"):
        text = anystyle_text(sequence)
        characters = _character_labels(sequence, text)
        labels = tuple(characters[token.start] or "note" for token in tokenize(text))
        found.append(Labelled(text, labels))
    return found


def train(references: Sequence[Labelled], out: Path, parameters: dict[str, object] | None = None) -> None:
    """Fit the CRF on ``references`` and write it to ``out``."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for reference in references:
        trainer.append(features(reference.text, tokenize(reference.text)), list(reference.labels))
    trainer.select("lbfgs")
    trainer.set_params(dict(PARAMETERS if parameters is None else parameters))
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))


def main(argv: Iterable[str] | None = None) -> int:
    """Train on the whole of core.xml and write the model."""
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--core", type=Path, default=CORE)
    options.add_argument("--out", type=Path, default=MODEL)
    options.add_argument(
        "--extra",
        type=Path,
        action="append",
        default=[],
        help="more labelled references in AnyStyle's XML "
        "(benchmarks/csl_labelled.py's CSL renderings), trained on after core.xml",
    )
    arguments = options.parse_args(None if argv is None else list(argv))
    if not arguments.core.exists():
        print(f"missing: {arguments.core} (the shared folder)")
        return 1
    started = time.perf_counter()
    references = load(arguments.core)
    for extra in arguments.extra:
        references += load(extra)
    train(references, arguments.out)
    size = arguments.out.stat().st_size
    print(f"{len(references)} references; model {arguments.out} {size / 1e6:.2f} MB; "
          f"{time.perf_counter() - started:.0f} s")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
