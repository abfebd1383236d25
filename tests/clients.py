"""The real programs that consume our exports, run from the tests: node (citeproc-js, citation-js),
biber and pandoc. Each is looked up once; a test that needs a missing one skips, saying how to install it."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

CLIENTS = Path(__file__).parent / "clients"
NODE_MODULES = CLIENTS / "node_modules"


def need_node_clients() -> None:
    """Skip unless node and the npm packages of tests/clients are installed (``.ci/run`` installs them)."""
    if shutil.which("node") is None:
        pytest.skip("node is not installed: the citeproc-js and citation-js tests need Node.js")
    if not (NODE_MODULES / "citeproc").is_dir() or not (NODE_MODULES / "@citation-js" / "core").is_dir():
        pytest.skip("npm packages missing: run `npm ci --prefix tests/clients` (as .ci/run does)")


def need(program: str, package: str) -> str:
    """The path of ``program``, or a skip naming the Debian package that provides it."""
    path = shutil.which(program)
    if path is None:
        pytest.skip(f"{program} is not installed (Debian package {package}; .ci/run installs it)")
    return path


def _node(script: str, arguments: list[str], stdin: str) -> Any:
    need_node_clients()
    done = subprocess.run(
        ["node", str(CLIENTS / script), *arguments],
        input=stdin, capture_output=True, text=True, timeout=300, check=False, encoding="utf-8",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def citeproc_js(items: list[dict[str, Any]], style: str) -> list[str]:
    """citeproc-js's plain-text bibliography entry of each item, rendered alone, in order."""
    rendered: list[str] = _node("csl_render.js", [], json.dumps({"style": style, "items": items}))
    return rendered


def citation_js(text: str, fmt: str) -> list[dict[str, Any]]:
    """The CSL-JSON items citation-js reads from ``text`` (``fmt``: bibtex, ris or csl-json)."""
    items: list[dict[str, Any]] = _node("citation_js.js", [fmt], text)
    return items


def biber_invalid(bib: Path) -> list[str]:
    """biber's datamodel warnings about invalid fields or values (a missing mandatory field is the
    source's, not the export's, and is not returned)."""
    need("biber", "biber")
    done = subprocess.run(
        ["biber", "--tool", "--validate-datamodel", "--output-file", str(bib.with_suffix(".out.bib")), str(bib)],
        capture_output=True, text=True, timeout=300, check=False, cwd=bib.parent,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    log = done.stdout + done.stderr
    return [
        line
        for line in log.splitlines()
        if line.startswith("WARN") and "Datamodel" in line and "Missing mandatory" not in line
    ]


def pandoc_csl_from_bibtex(bib: Path) -> list[dict[str, Any]]:
    """pandoc's CSL-JSON reading of a biblatex file, in order."""
    need("pandoc", "pandoc")
    done = subprocess.run(
        ["pandoc", "-f", "biblatex", "-t", "csljson", str(bib)],
        capture_output=True, text=True, timeout=300, check=False, encoding="utf-8",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    items: list[dict[str, Any]] = json.loads(done.stdout)
    return items
