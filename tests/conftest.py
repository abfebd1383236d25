"""Shared fixtures and the hypothesis profiles ("dev" by default, "ci" in .ci/run, "deep" by hand)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from translit_refs.export.schema import csl_schema as load_csl_schema
from translit_refs.parsing.grammar import BACKEND_VARIABLE, available_backends

FIXTURES = Path(__file__).parent / "fixtures"

settings.register_profile(
    "ci",
    max_examples=2000,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.register_profile("dev", max_examples=200, deadline=None)
# The dev profile's size, derandomised: the second run of the suite in .ci/run (on the compiled build) checks
# the build, so it must not fail on a new random example the first run's derandomised search never made.
settings.register_profile("rerun", max_examples=200, deadline=None, derandomize=True)
settings.register_profile(
    "deep", max_examples=100_000, deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


def load_jsonl(name: str) -> list[dict[str, Any]]:
    """The objects of a JSON Lines fixture."""
    with (FIXTURES / name).open(encoding="utf-8") as stream:
        return [json.loads(line) for line in stream if line.strip()]


@pytest.fixture(scope="session")
def csl_schema() -> dict[str, Any]:
    """The official CSL-JSON schema shipped in the package."""
    return load_csl_schema()


@pytest.fixture(params=["lean", "python", "cython"])
def backend(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run the test with each parser backend (cython is skipped when lark-cython is missing)."""
    name: str = request.param
    if name not in available_backends():
        pytest.skip("lark-cython is not installed (pip install translit-refs[fast])")
    monkeypatch.setenv(BACKEND_VARIABLE, name)
    return name


def live_processes_in_group(group: int) -> list[int]:
    """Processes of a process group that are alive (zombies, dead but not yet reaped, are not)."""
    alive = []
    for stat_file in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat_file.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == group and fields[0] != "Z":
            alive.append(int(stat_file.parent.name))
    return alive
