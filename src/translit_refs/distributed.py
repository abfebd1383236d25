"""Parsing reference lists too big for one machine with a Dask bag (``pip install translit-refs[dask]``).

Each line of the input files is one reference, read on its own evidence (``ALONE``, a configuration
of ``translit_refs.pipeline``); output is JSON Lines of the full model, one file per partition, in
input order within and across partitions (``part-00000.jsonl``, …)::

    from translit_refs.distributed import parse_text_files
    parse_text_files("s3://bucket/lists/*.txt", "s3://bucket/parsed/", blocksize="64MiB")

The same bag runs on the local scheduler, a ``dask.distributed`` cluster or any scheduler Dask
supports; choose it with ``dask.config.set(scheduler=...)`` or a ``Client``.
"""

from __future__ import annotations

import importlib
from typing import Any

from .pipeline import Pipeline

#: How each line is read: on its own evidence, as ``parse_reference`` reads it.
ALONE = Pipeline(as_list=False)


def reference_to_json(line: str) -> str:
    """One reference line to one JSON Lines record of the full model."""
    return ALONE.parse([line.rstrip("\r\n")]).references[0].model_dump_json()


def reference_bag(urlpath: str | list[str], blocksize: str | int | None = "64MiB") -> Any:
    """A Dask bag of JSON records, one per non-blank line of the text files at ``urlpath``."""
    bag = importlib.import_module("dask.bag")
    lines = bag.read_text(urlpath, blocksize=blocksize, encoding="utf-8")
    return lines.filter(str.strip).map(reference_to_json)


def parse_text_files(urlpath: str | list[str], output: str, blocksize: str | int | None = "64MiB") -> list[str]:
    """Parse every line of the files at ``urlpath`` and write JSON Lines under ``output``; returns the paths."""
    paths: list[str] = reference_bag(urlpath, blocksize).to_textfiles(
        output.rstrip("/") + "/part-*.jsonl", name_function=_part_name, last_endline=True
    )
    return paths


def _part_name(index: int) -> str:
    return f"{index:05d}"
