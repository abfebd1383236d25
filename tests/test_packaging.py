"""Packaging metadata (issue 26, item 13): an SPDX license with its file, honest dependencies."""

from __future__ import annotations

import tomllib
from importlib.metadata import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]


def test_the_license_is_an_spdx_expression_with_its_file_shipped() -> None:
    assert PROJECT["license"] == "MIT"  # a string (PEP 639), not the deprecated table
    assert PROJECT["license-files"] == ["LICENSE"]
    assert (ROOT / "LICENSE").read_text("utf-8").startswith("MIT License\n")
    installed = metadata("translit-refs")
    assert installed["License-Expression"] == "MIT"
    assert "LICENSE" in (installed.get_all("License-File") or [])


def test_project_urls_are_real_or_absent() -> None:
    for url in PROJECT.get("urls", {}).values():  # none yet: the project has no public home
        assert url.startswith("https://")
        assert "example" not in url


def test_the_encoding_detector_is_a_dependency() -> None:
    assert any(name.startswith("charset-normalizer") for name in PROJECT["dependencies"])
