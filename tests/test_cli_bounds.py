"""The command line's bounds (issue 27, rows 5, 6, 10 and 11): SIGTERM and SIGHUP stop it as Ctrl-C
does, endless input stops at ``MAX_LINE`` with status 2, ``--find`` numbers lines as the CLI does,
``-o`` follows the umask and writes through a symbolic link. The signal and endless-input cases run
the CLI in a subprocess with a timeout."""

from __future__ import annotations

import os
import re
import signal
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from translit_refs import cli, interrupts
from translit_refs.cli import main

from conftest import FIXTURES, live_processes_in_group

SEED = FIXTURES / "seed_references.txt"
CLI = [sys.executable, "-m", "translit_refs"]
POSIX_PROC = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")


def _children(pid: int) -> list[int]:
    return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


# Row 5: SIGTERM and SIGHUP, as Ctrl-C


@POSIX_PROC
@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT], ids=lambda n: n.name)
def test_a_stopping_signal_to_the_cli_alone_ends_its_workers(tmp_path: Path, number: signal.Signals) -> None:
    source = tmp_path / "big.txt"
    if signal.getsignal(number) == signal.SIG_IGN:  # under nohup: the CLI rightly keeps ignoring it
        pytest.skip(f"{number.name} is ignored by this process and so by the CLI it starts")
    source.write_text(SEED.read_text("utf-8") * 200, "utf-8")
    out = tmp_path / "o.json"
    process = subprocess.Popen(
        [*CLI, "parse", str(source), "--jobs", "2", "-o", str(out)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )  # fmt: skip
    assert process.stderr is not None
    try:
        assert f"{source}:" in process.stderr.readline()  # the workers have rendered a batch
        assert len(_children(process.pid)) == 2
        os.kill(process.pid, number)  # to the CLI only, as `kill` or a service manager sends it
        _, err = process.communicate(timeout=60)  # end of file on both pipes: no worker holds them
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    assert process.returncode == 128 + number
    assert "Traceback" not in err
    said = "interrupted" if number == signal.SIGINT else f"stopped by {number.name}"
    assert err.rstrip().endswith(f"translit-refs: {said}; nothing was written")
    deadline = time.monotonic() + 10
    while live_processes_in_group(process.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert live_processes_in_group(process.pid) == []  # no orphaned worker
    assert sorted(path.name for path in tmp_path.iterdir()) == ["big.txt"]  # no temporary, no output


@POSIX_PROC
def test_sigterm_while_writing_to_a_pipe_gives_its_reader_the_end(tmp_path: Path) -> None:
    source = tmp_path / "big.txt"
    source.write_text(SEED.read_text("utf-8") * 200, "utf-8")
    process = subprocess.Popen(
        [*CLI, "parse", str(source), "--jobs", "2", "--to", "jsonl", "-q"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, bufsize=0, start_new_session=True,
    )  # fmt: skip
    assert process.stdout is not None
    try:
        first = b""
        while b"\n" not in first:  # unbuffered: what is read here is not read again below
            chunk = os.read(process.stdout.fileno(), 65536)
            assert chunk, "the output ended before its first line"
            first += chunk
        os.kill(process.pid, signal.SIGTERM)
        rest, err = process.communicate(timeout=60)  # the reader gets its end of file
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    assert process.returncode == 143
    assert err.rstrip().endswith(b"translit-refs: stopped by SIGTERM")
    lines = (first + rest).splitlines()
    assert all(line.startswith(b"{") and line.endswith(b"}") for line in lines[:-1])  # the last may be cut


def test_an_interrupt_before_the_output_is_entered_leaves_no_temporary(tmp_path: Path) -> None:
    out = tmp_path / "o.json"
    opened = cli.AtomicOutput(str(out))
    assert [path.name for path in tmp_path.iterdir()] != []
    opened.stream.close()
    cli.AtomicOutput.discard_all()  # what main does when a signal came before the output's ``with``
    assert list(tmp_path.iterdir()) == []


# Row 6: endless input


@pytest.mark.parametrize("command", [["parse"], ["split"], ["parse", "--find"]], ids=" ".join)
def test_dev_zero_is_refused_at_once(command: list[str]) -> None:
    done = subprocess.run([*CLI, *command, "/dev/zero"], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 2
    assert done.stderr == "translit-refs: cannot read /dev/zero: binary data (NUL bytes), not text\n"


_ENDLESS = "import sys\nwhile True: sys.stdout.buffer.write(b'Ivanov I. Title ' * 4096)\n"


@pytest.mark.parametrize("command", [["parse", "-", "-q"], ["split", "-"]], ids=" ".join)
def test_an_endless_line_stops_at_the_bound_with_status_two(tmp_path: Path, command: list[str]) -> None:
    writer = subprocess.Popen([sys.executable, "-c", _ENDLESS], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    out = tmp_path / "out"
    try:
        done = subprocess.run(
            [*CLI, *command, "-o", str(out)], stdin=writer.stdout, capture_output=True, text=True, timeout=120,
            check=False,
        )  # fmt: skip
    finally:
        writer.kill()
        writer.wait()
    assert done.returncode == 2
    what = "line 1" if command[0] == "parse" else "the document"
    assert done.stderr == (
        f"translit-refs: <stdin>: {what} is longer than 64,000,000 characters (is it text with line breaks?); "
        "nothing was written\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_a_file_with_a_line_over_the_bound_is_refused_before_anything_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(cli, "MAX_LINE", 1000)
    source = tmp_path / "list.txt"
    source.write_text("Ivanov I. Title. Moscow, 2001.\n\n" + "a" * 1001 + "\nPetrov P. Kniga. 2002.\n", "utf-8")
    assert main(["parse", str(source), "-o", str(tmp_path / "out.json")]) == 2
    said = f"translit-refs: cannot read {source}: line 3 is longer than 1,000 characters (is it text with line breaks?)"
    assert capsys.readouterr().err == said + "\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["list.txt"]
    source.write_text("Ivanov I. Title. Moscow, 2001.\n\n" + "a" * 1000 + "\r\n", "utf-8")  # at the bound: read
    assert main(["parse", str(source), "-q", "--to", "jsonl"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2


def test_a_partner_list_with_an_endless_line_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(cli, "MAX_LINE", 1000)
    partner = tmp_path / "cyrillic.txt"
    partner.write_text("б" * 5000, "utf-8")
    assert main(["parse", str(SEED), "--parallel", str(partner)]) == 2
    assert "line 1 is longer than 1,000 characters" in capsys.readouterr().err


@given(st.lists(st.sampled_from(["a", " ", "\r", "\n", "\r\n", "ж", "\ufeff"]), max_size=40).map("".join))
def test_counting_lines_in_chunks_keeps_only_what_counts(text: str) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "list.txt"
        path.write_bytes(text.encode("utf-8"))
        expected = sum(1 for line in re.split(r"\r\n|\r|\n", text.removeprefix("\ufeff")) if line.strip())
        chunk = cli._CHUNK
        try:
            cli._CHUNK = 3  # long lines span chunks, "\r\n" is split between two
            assert cli._count_lines(str(path), "utf-8") == expected
        finally:
            cli._CHUNK = chunk


# Row 10: --find numbers lines as the CLI does (a form feed is no line break)


def test_find_with_form_feeds_names_the_cli_s_own_line_numbers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "page.txt"
    source.write_text(
        "Abstract\f\fpage two\x0bstill line one\n\nReferences\n"
        "1. Ivanov I. Title. Moscow, Nauka, 2001. 200 p.\n"
        "2. Petrov\fP. Kniga [unclosed. Moscow, 2002.\n",
        "utf-8",
    )
    assert main(["parse", "--find", str(source), "-q", "--to", "jsonl"]) == 0
    err = capsys.readouterr().err
    assert f"{source}:5: warning: '[' is never closed" in err
    assert not re.search(rf"{re.escape(str(source))}:(?:[6-9]|\d\d)\b", err)


# Row 11: -o follows the umask and writes through a symbolic link


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_a_new_output_file_follows_the_cli_s_umask(tmp_path: Path, umask: int, mode: int) -> None:
    out = tmp_path / "new.json"
    done = subprocess.run(
        [*CLI, "parse", str(SEED), "-q", "-o", str(out)], capture_output=True, timeout=120, check=False, umask=umask
    )
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(out.stat().st_mode) == mode


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_a_dangling_symlink_as_output_creates_its_target(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "real.txt"
    target.parent.mkdir()
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    assert main(["split", str(SEED), "-o", str(link)]) == 0
    assert link.is_symlink()
    assert len(target.read_text("utf-8").splitlines()) == 44
    assert sorted(path.name for path in target.parent.iterdir()) == ["real.txt"]


def test_the_handlers_raise_interrupted_and_leave_others_alone() -> None:
    own: list[int] = []
    previous = signal.signal(signal.SIGHUP, lambda number, _frame: own.append(number))
    try:
        with interrupts.handled():
            with pytest.raises(interrupts.Interrupted) as caught:
                signal.raise_signal(signal.SIGTERM)
            signal.raise_signal(signal.SIGHUP)  # an embedding program's own handler stays
        assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL
    finally:
        signal.signal(signal.SIGHUP, previous)
    assert interrupts.exit_status(caught.value) == 143
    assert interrupts.exit_status(KeyboardInterrupt()) == 130
    assert own == [signal.SIGHUP]


def test_an_error_while_unwinding_from_a_stop_is_the_stop(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A pool shut down under a SIGTERM, a pipe it closed: what fails after the stop is reported as the
    stop (status 143, one line), never as a bug with a traceback."""

    def stopped_then_broken(_argv: object) -> int:
        try:
            signal.raise_signal(signal.SIGTERM)  # the handler cli.main installs raises Interrupted
        finally:
            raise RuntimeError("the pool was shut down under the stop")

    monkeypatch.setattr(cli, "_main", stopped_then_broken)
    assert cli.main(["parse", "-"]) == 128 + signal.SIGTERM
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.rstrip().endswith("translit-refs: stopped by SIGTERM")
