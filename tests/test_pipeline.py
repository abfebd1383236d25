"""The parse pipeline (``translit_refs.pipeline``): its steps in their declared order, switched by
name, batches and progress, worker processes, and the library, the command line and the web service
all reading through it alike."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from translit_refs import parse_list
from translit_refs.cli import main
from translit_refs.models import Diagnostic, Severity
from translit_refs.pipeline import (
    BATCH_SIZE,
    LIBRARY,
    STEPS,
    Batch,
    Entry,
    LinesLostError,
    Pipeline,
    as_read,
    stream_lines,
    text_entries,
)
from translit_refs.web import service

from conftest import FIXTURES

SEED = [line for line in (FIXTURES / "seed_references.txt").read_text("utf-8").splitlines() if line.strip()]


def _recording(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every step wrapped so that it notes its name when it runs; returns the notes."""
    ran: list[str] = []
    for name, step in list(STEPS.items()):

        def noted(pipeline: Pipeline, batch: Batch, name: str = name, step: Any = step) -> Batch:
            ran.append(name)
            result: Batch = step(pipeline, batch)
            return result

        monkeypatch.setitem(STEPS, name, noted)
    return ran


def test_steps_run_in_their_declared_order(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("iuliia", reason="the translit extra is not installed")
    ran = _recording(monkeypatch)
    pipeline = Pipeline().enable("cyrillic")
    assert pipeline.steps == ("read", "label", "pair", "not-utf8", "joined-lines", "cyrillic") == tuple(STEPS)
    read = pipeline.apply(Batch((Entry(SEED[7], 8),)))
    assert ran == ["read", "label", "pair", "not-utf8", "joined-lines", "cyrillic"]
    assert read.references[0].title_cyrillic is not None  # the last step's work


def test_the_order_does_not_depend_on_the_order_steps_are_switched_on() -> None:
    assert Pipeline().disable("pair", "not-utf8").enable("cyrillic", "not-utf8").steps == (
        "read",
        "label",
        "not-utf8",
        "joined-lines",
        "cyrillic",
    )


def test_a_step_switched_off_by_name_does_not_run() -> None:
    entry = Entry("M\ufffdller, K. (1990). Titel. Berlin, Verlag. 5 p.", 3, undecodable=True)
    flagged = Pipeline().apply(Batch((entry,))).references[0]
    assert flagged.diagnostics[-1].code == "not-utf8"
    assert flagged.needs_review
    unflagged = Pipeline().disable("not-utf8").apply(Batch((entry,))).references[0]
    assert all(d.code != "not-utf8" for d in unflagged.diagnostics)


def test_unknown_steps_and_a_pipeline_without_reading_are_refused() -> None:
    with pytest.raises(ValueError, match="no such step: spellcheck"):
        Pipeline().enable("spellcheck")
    with pytest.raises(ValueError, match="no such step: not_utf8"):
        Pipeline().disable("not_utf8")
    with pytest.raises(ValueError, match="read step"):
        Pipeline().disable("read")
    with pytest.raises(ValueError, match="at least one entry"):
        Pipeline(batch_size=0)


def test_batches_number_their_entries_and_a_paired_list_is_one_batch() -> None:
    entries = [Entry(f"line {n}", n) for n in range(1, 1201)]
    batches = list(Pipeline().batches(entries))
    assert [(len(b.entries), b.start) for b in batches] == [(BATCH_SIZE, 0), (BATCH_SIZE, 500), (200, 1000)]
    [paired] = Pipeline().batches(entries, partner=["Иванов И. И. Заглавие. М., 2001."])
    assert (len(paired.entries), paired.partner) == (1200, ("Иванов И. И. Заглавие. М., 2001.",))
    assert list(Pipeline().batches([])) == []
    assert len(list(LIBRARY.batches(entries))) == 1  # the library reads its whole input as one list


def test_progress_counts_entries_done_in_input_order() -> None:
    pipeline = Pipeline(batch_size=10)
    entries = [Entry(text, number) for number, text in enumerate(SEED, 1)]
    finished = list(pipeline.run(pipeline.batches(entries), as_read, done=100))
    assert [f.done for f in finished] == [110, 120, 130, 140, 144]
    assert [r.raw for f in finished for r in f.value.references] == SEED


def _titles(batch: Batch) -> list[str | None]:
    """A picklable ``then``: what a worker sends back."""
    return [reference.title for reference in batch.references]


def test_worker_processes_give_what_this_process_gives() -> None:
    pipeline = Pipeline(batch_size=10)
    entries = [Entry(text, number) for number, text in enumerate(SEED, 1)]
    here = [f.value for f in pipeline.run(pipeline.batches(entries), _titles)]
    pooled = [f.value for f in pipeline.run(pipeline.batches(entries), _titles, jobs=2)]
    assert pooled == here
    assert len(here) == 5


def _fails(batch: Batch) -> None:
    raise RuntimeError(f"cannot render {len(batch.entries)}")


def test_a_batch_that_cannot_be_run_names_its_lines() -> None:
    pipeline = Pipeline()
    batches = pipeline.batches([Entry(SEED[0], 7), Entry(SEED[1], 9)])
    with pytest.raises(LinesLostError, match="lines 7–9 could not be parsed"):
        list(pipeline.run(batches, _fails))


def test_lines_of_a_stream_and_of_a_text_are_the_same_lines() -> None:
    text = "\ufeffone\r\ntwo\rthree\n\n  \nfour\vstill four\n"
    from_stream = [entry for entry in stream_lines(io.StringIO(text, newline=None)) if entry.text.strip()]
    assert [(e.text, e.line) for e in from_stream] == [(e.text, e.line) for e in text_entries(text)]
    assert [e.text for e in text_entries(text)] == ["one", "two", "three", "four\vstill four"]
    [bad] = stream_lines(io.StringIO("M\udcfcller\n"))
    assert (bad.text, bad.undecodable) == ("M\ufffdller", True)


def test_the_library_the_command_line_and_the_web_run_the_same_steps(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ran = _recording(monkeypatch)
    parse_list(SEED[:3])
    assert ran == ["read", "label", "pair", "not-utf8", "joined-lines"]
    ran.clear()
    source = tmp_path / "list.txt"
    source.write_text("\n".join(SEED[:3]) + "\n", "utf-8")
    main(["parse", str(source), "-q"])
    capsys.readouterr()
    assert ran == ["read", "label", "pair", "not-utf8", "joined-lines"]
    ran.clear()
    service.parse_text("\n".join(SEED[:3]), service.Options(find=False))
    assert ran == ["read", "label", "pair", "not-utf8", "joined-lines"]


def test_the_command_line_and_the_web_give_the_same_references(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = SEED * 12  # 528 lines: two batches
    text = "\n".join(lines) + "\n"
    source = tmp_path / "list.txt"
    source.write_text(text, "utf-8")
    main(["parse", str(source), "--to", "jsonl", "-q"])
    from_cli = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    [listed] = service.parse_text(text, service.Options(find=False))["lists"]
    from_web = [{k: v for k, v in r.items() if k not in ("spans", "label", "line")} for r in listed["references"]]
    assert from_web == from_cli
    assert len(from_cli) == len(lines)
    assert Pipeline().parse(text).references == tuple(
        reference for batch in (lines[:BATCH_SIZE], lines[BATCH_SIZE:]) for reference in parse_list(batch).references
    )


def test_a_joined_entry_is_flagged_by_the_pipeline() -> None:
    """The splitter's doubtful join reaches the reference, in the library, the command line and the web alike."""
    join = Diagnostic(code="joined-lines", message="line 3 was read as a wrapped line", severity=Severity.WARNING)
    entry = Entry(SEED[0], 2, joins=(join,))
    flagged = Pipeline().apply(Batch((entry,))).references[0]
    assert flagged.needs_review
    assert flagged.diagnostics[-1] == join
    assert flagged.review_reasons[0].startswith("it may be two references")
    unflagged = Pipeline().disable("joined-lines").apply(Batch((entry,))).references[0]
    assert join not in unflagged.diagnostics
