"""The translit-refs command line, called through main()."""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from translit_refs.cli import main
from translit_refs.export.schema import csl_errors

from conftest import FIXTURES

SEED = FIXTURES / "seed_references.txt"


def test_parse_seed_to_csl_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SEED), "--to", "csl-json"]) == 0  # done: references that need review are written too
    captured = capsys.readouterr()
    items = json.loads(captured.out)
    assert len(items) == 44
    assert csl_errors(items) == []
    assert f"{SEED}:22: warning:" in captured.err


def test_jsonl_gives_the_full_model(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SEED), "--to", "jsonl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 44
    first = json.loads(lines[0])
    assert first["raw"].startswith("Acheson, D. (1969).")
    assert first["persons"] == [{"family": "Acheson", "given": "D.", "role": "author", "literal": False}]


def test_output_file_and_blank_lines(tmp_path: Path) -> None:
    source = tmp_path / "list.txt"
    source.write_text("\nAcheson, D. (1969). Title. NY, Norton. 5 p.\n\n\nFBIS. 1950. In CIA [website].\n", "utf-8")
    out = tmp_path / "out.json"
    assert main(["parse", str(source), "-o", str(out)]) == 0
    assert [i["title"] for i in json.loads(out.read_text("utf-8"))] == ["Title", "FBIS"]


def test_errors_give_file_line_messages_and_exit_one_only_when_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "list.txt"
    source.write_text("Acheson, D. (1969). Title. NY, Norton. 5 p.\n\nAcheson, D. (1969).\n", "utf-8")
    assert main(["parse", str(source)]) == 0
    captured = capsys.readouterr()
    assert len(json.loads(captured.out)) == 2
    assert f"{source}:3: error:" in captured.err
    assert main(["parse", str(source), "--fail-on-review"]) == 1
    assert len(json.loads(capsys.readouterr().out)) == 2  # all are still written


def test_empty_file_gives_empty_array(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "empty.txt"
    source.write_text("", "utf-8")
    assert main(["parse", str(source)]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_missing_file_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(tmp_path / "nope.txt")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_bad_option_is_a_usage_error() -> None:
    with pytest.raises(SystemExit) as caught:
        main(["parse", "--to", "xml"])
    assert caught.value.code == 2


def test_console_script_reads_stdin() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "translit_refs.cli", "parse", "-"],
        input="Pravda [Pravda]. (1950). October 1.\n",
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert result.returncode == 0, result.stderr  # needs review (no author, no family's signs), but written
    assert json.loads(result.stdout)[0]["issued"] == {"date-parts": [[1950, 10, 1]]}


def test_help_explains_exit_codes_and_names_every_format(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    shown = capsys.readouterr().out
    assert "exit status" in shown
    for code in ("0 ", "1 ", "2 ", "3 ", "130 "):
        assert f"\n  {code}" in shown
    for name in ("BibTeX", "RIS", "CSL-JSON", "JSON Lines"):
        assert name in shown


def test_jobs_keep_order_and_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = SEED.read_text("utf-8").splitlines() * 30
    source = tmp_path / "many.txt"
    source.write_text("\n".join(lines) + "\n", "utf-8")
    assert main(["parse", str(source), "--jobs", "2", "-q"]) == 0
    parallel = capsys.readouterr().out
    assert main(["parse", str(source), "-q"]) == 0
    serial = capsys.readouterr().out
    assert parallel == serial
    assert len(json.loads(parallel)) == len(lines)


def test_progress_bar_can_be_forced(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SEED), "--progress", "-o", str(tmp_path / "out.json")]) == 0
    assert "44" in capsys.readouterr().err


def test_jobs_must_be_positive() -> None:
    with pytest.raises(SystemExit):
        main(["parse", str(SEED), "--jobs", "0"])


def test_output_begins_before_the_input_ends() -> None:
    line = SEED.read_text("utf-8").splitlines()[0] + "\n"
    process = subprocess.Popen(
        [sys.executable, "-m", "translit_refs.cli", "parse", "-", "-q"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    assert process.stdin is not None
    assert process.stdout is not None
    try:
        process.stdin.write((line * 600).encode("utf-8"))
        process.stdin.flush()
        received = b""
        deadline = time.monotonic() + 30
        while b'"ref-1"' not in received and time.monotonic() < deadline:
            ready, _, _ = select.select([process.stdout], [], [], 1)
            if ready:
                received += os.read(process.stdout.fileno(), 4096)
        assert b'"ref-1"' in received, "no reference written while the input was still open"
    finally:
        process.stdin.close()
        process.stdout.read()
        process.wait(timeout=30)
    assert process.returncode == 0  # the seed's references that need review are written too


def test_closed_output_pipe_is_not_a_traceback() -> None:
    lines = (SEED.read_text("utf-8") + "\n") * 50
    process = subprocess.run(
        f"{sys.executable} -m translit_refs.cli parse - -q | head -c 10",
        shell=True,
        input=lines,
        capture_output=True,
        text=True,
        check=False,
    )
    assert "Traceback" not in process.stderr


def test_split_prints_the_seed_list(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["split", str(FIXTURES / "seed_article_page.txt")]) == 0
    assert capsys.readouterr().out.splitlines() == SEED.read_text("utf-8").splitlines()[:43]


def test_parse_find_parses_a_whole_document(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "--find", str(FIXTURES / "seed_article_page.txt"), "-q"]) == 0
    captured = capsys.readouterr()
    items = json.loads(captured.out)
    assert [i["title"] for i in items[:2]] == [
        "Present at the Creation. My Years in the State Department",
        "The Secret Sentry: The Untold History of the National Security Agency",
    ]
    assert len(items) == 43
    assert "seed_article_page.txt:72: warning" in captured.err
