"""The Dask-bag recipe on Dask's local scheduler (skipped without the [dask] extra)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import FIXTURES

dask = pytest.importorskip("dask", reason="the [dask] extra is not installed")

from translit_refs.distributed import parse_text_files  # noqa: E402


def test_bag_parses_every_line_in_order(tmp_path: Path) -> None:
    lines = [line for line in (FIXTURES / "seed_references.txt").read_text("utf-8").splitlines() if line]
    source = tmp_path / "big.txt"
    source.write_text("\n\n".join(lines * 5) + "\n", encoding="utf-8")
    with dask.config.set(scheduler="processes", num_workers=2):
        paths = parse_text_files(str(source), str(tmp_path / "out"), blocksize=4000)
    assert len(paths) > 1
    records = [json.loads(line) for path in sorted(paths) for line in Path(path).read_text("utf-8").splitlines()]
    assert [r["raw"] for r in records] == lines * 5
