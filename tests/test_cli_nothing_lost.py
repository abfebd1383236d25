"""The command line loses nothing: bytes that are not UTF-8, interrupts, full disks and dead workers
each end with every line accounted for, one line on stderr and the right exit status, and never
a half-written output file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from translit_refs import cli, parse_references
from translit_refs.cli import main
from translit_refs.pipeline import Batch

from conftest import FIXTURES

SEED_LINES = [line for line in (FIXTURES / "seed_references.txt").read_text("utf-8").splitlines() if line.strip()]


def _lines(count: int) -> list[str]:
    return [SEED_LINES[index % len(SEED_LINES)] for index in range(count)]


def test_a_line_that_is_not_utf8_is_parsed_flagged_and_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = [line.encode("utf-8") for line in _lines(1000)]
    lines[499] = "Müller, K. (1990). Titel. Berlin, Verlag. 5 p.".encode("latin-1")
    source = tmp_path / "mixed.txt"
    source.write_bytes(b"\n".join(lines) + b"\n")
    out = tmp_path / "out.json"
    assert main(["parse", str(source), "-o", str(out), "-q"]) == 0
    items = json.loads(out.read_text("utf-8"))
    assert len(items) == 1000
    assert items[499]["title"].startswith("Titel") or "\ufffd" in json.dumps(items[499], ensure_ascii=False)
    err = capsys.readouterr().err
    assert f"{source}:500: error: bytes that are not UTF-8 were read as U+FFFD" in err
    assert "warning: not UTF-8" not in err  # a UTF-8 file with one damaged line stays UTF-8
    assert f"{source}:499: error" not in err


def test_split_reports_bad_bytes_by_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "page.txt"
    source.write_bytes(
        "References\n1. Ivanov I. Title. Moscow, 2001–2002.\n".encode() + b"2. M\xfcller K. Titel. Berlin, 1990.\n"
    )  # UTF-8 (the dash) with one damaged line: read as UTF-8, that line flagged
    assert main(["split", str(source)]) == 0
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 2
    assert f"{source}:3: error:" in captured.err


def test_an_interrupt_leaves_the_output_file_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "list.txt"
    source.write_text("\n".join(_lines(1200)) + "\n", "utf-8")
    out = tmp_path / "out.json"
    out.write_text("previous", "utf-8")
    rendered = cli._render_batch
    calls = []

    def interrupted(batch: Batch, **rendering: Any) -> Any:
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return rendered(batch, **rendering)

    monkeypatch.setattr(cli, "_render_batch", interrupted)
    assert main(["parse", str(source), "-o", str(out), "-q"]) == cli.EXIT_INTERRUPTED
    assert out.read_text("utf-8") == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["list.txt", "out.json"]
    err = capsys.readouterr().err
    assert err.strip().splitlines()[-1] == "translit-refs: interrupted; nothing was written"
    assert "Traceback" not in err


def test_a_finished_run_replaces_the_output_file(tmp_path: Path) -> None:
    source = tmp_path / "list.txt"
    source.write_text("\n".join(_lines(3)) + "\n", "utf-8")
    out = tmp_path / "out.json"
    out.write_text("previous", "utf-8")
    assert main(["parse", str(source), "-o", str(out), "-q"]) == 0  # some lines need review: written too
    assert len(json.loads(out.read_text("utf-8"))) == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["list.txt", "out.json"]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
def test_a_full_disk_is_one_line_and_exit_two() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "translit_refs.cli", "parse", str(FIXTURES / "seed_references.txt"), "-o", "/dev/full",
         "-q"],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.strip().splitlines()[-1] == "translit-refs: cannot write /dev/full: No space left on device"
    assert "Traceback" not in done.stderr


_RENDER = cli._render_batch
#: Where ``_dies_once`` notes that it killed its worker (set by the test; the worker inherits it).
_MARKER = "TRANSLIT_REFS_TEST_DIED"


def _dies_once(batch: Batch, **rendering: Any) -> Any:
    """The batch renderer, but the worker that first meets the batch from line 501 dies (a module-level
    function, so that the process pool can send it to its workers)."""
    marker = Path(os.environ[_MARKER])
    if batch.entries[0].line == 501 and not marker.exists():
        marker.write_text("died once", "utf-8")
        os._exit(9)
    return _RENDER(batch, **rendering)


def test_a_dead_worker_s_batch_is_run_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "list.txt"
    source.write_text("\n".join(_lines(2000)) + "\n", "utf-8")
    out = tmp_path / "out.jsonl"
    monkeypatch.setenv(_MARKER, str(tmp_path / "died"))
    monkeypatch.setattr(cli, "_render_batch", _dies_once)
    assert main(["parse", str(source), "--to", "jsonl", "-o", str(out), "--jobs", "2", "-q"]) == 0
    assert (tmp_path / "died").exists()
    rows = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert [row["raw"] for row in rows] == _lines(2000)


def test_a_line_is_the_same_in_the_cli_and_in_parse_references(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        "\ufeffAcheson, D. (1969). Present\vat the Creation. NY, Norton. 5 p.\r\n"
        "FBIS. 1950.\rKim, A. (2001). T. M., Mir. 5 p.\n"
    )
    source = tmp_path / "list.txt"
    source.write_bytes(text.encode("utf-8"))
    assert main(["parse", str(source), "--to", "jsonl", "-q"]) == 0  # some lines need review: written too
    from_cli = [json.loads(line)["raw"] for line in capsys.readouterr().out.splitlines()]
    from_library = [reference.raw for reference in parse_references(text)]
    assert from_cli == from_library
    assert len(from_cli) == 3
    assert not from_cli[0].startswith("\ufeff")


def test_a_bom_is_stripped_from_stdin_too() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "translit_refs.cli", "parse", "-", "--to", "jsonl", "-q"],
        input="\ufeffAcheson, D. (1969). Title. NY, Norton. 5 p.\n".encode(), capture_output=True, timeout=120,
        check=True,
    )  # fmt: skip
    assert json.loads(done.stdout.decode("utf-8"))["raw"] == "Acheson, D. (1969). Title. NY, Norton. 5 p."


def _always_fails(batch: Batch, **rendering: Any) -> Any:
    """The batch renderer, but the batch from line 501 always fails."""
    if batch.entries[0].line == 501:
        raise RuntimeError("cannot render")
    return _RENDER(batch, **rendering)


def test_lines_that_cannot_be_parsed_are_named_and_nothing_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "list.txt"
    source.write_text("\n".join(_lines(1500)) + "\n", "utf-8")
    out = tmp_path / "out.json"
    monkeypatch.setattr(cli, "_render_batch", _always_fails)
    assert main(["parse", str(source), "-o", str(out), "--jobs", "2", "-q"]) == cli.EXIT_USAGE
    assert not out.exists()
    last = capsys.readouterr().err.strip().splitlines()[-1]
    assert "lines 501–1000 could not be parsed" in last
    assert last.endswith("nothing was written")
