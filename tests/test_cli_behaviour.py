"""The command line behaves as the tools people know: exit codes, file modes, the progress bar,
encodings, Ctrl-C, missing extras, --version, serve (issue 26, items 1-8)."""

from __future__ import annotations

import json
import os
import signal
import socket
import stat
import subprocess
import sys
import time
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

import translit_refs
import translit_refs.__main__ as entry
from translit_refs import cli
from translit_refs.cli import main

from conftest import FIXTURES, live_processes_in_group

SEED = FIXTURES / "seed_references.txt"
RUSSIAN = (
    "Иванов И.И. Тепловой режим реактора // Атомная энергия. 2015. Т. 118, N 3. С. 140–146.\n"
    "Петров П.П. Динамика ядерных реакторов. М.: Энергоатомиздат, 1991. 212 с.\n"
)


def _titles(text: str) -> list[str]:
    return [item["title"] for item in json.loads(text)]


# 1. Exit codes


def test_a_crash_is_status_three_with_its_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def crashes(*_: Any) -> int:
        raise RuntimeError("a bug")

    monkeypatch.setattr(cli, "_parse_stream", crashes)
    assert main(["parse", str(SEED)]) == cli.EXIT_INTERNAL == 3
    err = capsys.readouterr().err
    assert "RuntimeError: a bug" in err
    assert "internal error" in err


def test_the_readme_command_exits_zero_through_the_console_script(tmp_path: Path) -> None:
    out = tmp_path / "seed.json"
    done = subprocess.run(
        [sys.executable, "-m", "translit_refs", "parse", str(SEED), "--to", "csl-json", "-o", str(out)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert len(json.loads(out.read_text("utf-8"))) == 44
    assert ": review: " in done.stderr  # the references to check are still named


# 2. Output files


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_a_new_output_file_gets_the_umask_s_mode(tmp_path: Path) -> None:
    previous = os.umask(0o027)
    try:
        assert main(["parse", str(SEED), "-q", "-o", str(tmp_path / "new.json")]) == 0
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "new.json").stat().st_mode) == 0o640


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_an_overwritten_output_file_keeps_its_mode(tmp_path: Path) -> None:
    out = tmp_path / "old.json"
    out.write_text("old", "utf-8")
    out.chmod(0o604)
    assert main(["parse", str(SEED), "-q", "-o", str(out)]) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o604
    assert len(json.loads(out.read_text("utf-8"))) == 44


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_a_symlink_as_output_is_written_through(tmp_path: Path) -> None:
    target = tmp_path / "real.json"
    target.write_text("old", "utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    assert main(["parse", str(SEED), "-q", "-o", str(link)]) == 0
    assert link.is_symlink()
    assert len(json.loads(target.read_text("utf-8"))) == 44
    assert sorted(path.name for path in tmp_path.iterdir()) == ["link.json", "real.json"]  # no temporary left


# 3. Progress and messages


def test_the_progress_bar_of_a_file_has_a_total(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "list.txt"
    source.write_text(SEED.read_text("utf-8").replace("\n", "\n\n"), "utf-8")  # blank lines are not counted
    assert main(["parse", str(source), "--progress", "-o", str(tmp_path / "out.json")]) == 0
    err = capsys.readouterr().err
    assert "44/44" in err
    assert "100%" in err


def test_messages_are_whole_lines_above_the_bar(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SEED), "--progress", "-o", str(tmp_path / "out.json")]) == 0
    err = capsys.readouterr().err
    pieces = [piece for line in err.split("\n") for piece in line.split("\r")]
    messages = [piece for piece in pieces if ": review: " in piece or ": warning: " in piece]
    assert messages
    for message in messages:  # nothing of the bar before a message on its line
        assert message.startswith(f"{SEED}:"), message


def test_quiet_silences_info_lines_but_not_warnings(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SEED)]) == 0
    assert ": info: " in capsys.readouterr().err
    assert main(["parse", str(SEED), "-q"]) == 0
    err = capsys.readouterr().err
    assert ": info: " not in err
    assert ": warning: " in err
    assert ": review: " in err


def test_one_line_is_not_read_as_a_list(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "one.txt"
    source.write_text(SEED.read_text("utf-8").splitlines()[0] + "\n", "utf-8")
    assert main(["parse", str(source)]) == 0
    assert "read as a list" not in capsys.readouterr().err


# 4. Encodings


def test_a_cp1251_file_is_detected_and_named_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "russian.txt"
    source.write_bytes(RUSSIAN.encode("cp1251"))
    assert main(["parse", str(source), "-q"]) == 0
    captured = capsys.readouterr()
    assert _titles(captured.out) == ["Тепловой режим реактора", "Динамика ядерных реакторов"]
    assert captured.err.count("not UTF-8") == 1
    assert f"{source}: warning: not UTF-8: read as cp1251" in captured.err
    assert ": error: " not in captured.err


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_a_bom_are_read(tmp_path: Path, capsys: pytest.CaptureFixture[str], encoding: str) -> None:
    source = tmp_path / "wide.txt"
    bom = b"\xfe\xff" if encoding == "utf-16-be" else b""
    source.write_bytes(bom + RUSSIAN.encode(encoding))
    assert main(["parse", str(source), "-q"]) == 0
    utf16 = capsys.readouterr().out
    plain = tmp_path / "plain.txt"
    plain.write_text(RUSSIAN, "utf-8")
    assert main(["parse", str(plain), "-q"]) == 0
    assert utf16 == capsys.readouterr().out
    assert _titles(utf16)[0] == "Тепловой режим реактора"


def test_utf16_with_a_bom_is_read_from_stdin() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "translit_refs", "parse", "-", "-q"],
        input=RUSSIAN.encode("utf-16"), capture_output=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert _titles(done.stdout.decode("utf-8"))[1] == "Динамика ядерных реакторов"


def _elf_like() -> bytes:
    return b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 8


def test_binary_input_is_refused_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "program"
    source.write_bytes(_elf_like())
    out = tmp_path / "out.json"
    assert main(["parse", str(source), "-o", str(out)]) == cli.EXIT_USAGE
    captured = capsys.readouterr()
    said = [f"translit-refs: cannot read {source}: binary data (NUL bytes), not text"]
    assert captured.err.strip().splitlines() == said
    assert not out.exists()
    assert main(["split", str(source)]) == cli.EXIT_USAGE


def test_nul_bytes_late_in_a_file_are_binary_too(tmp_path: Path) -> None:
    source = tmp_path / "list.txt"
    source.write_bytes(SEED.read_bytes() * 3 + b"Acheson\x00, D. (1969).\n")
    assert main(["parse", str(source), "-q"]) == cli.EXIT_USAGE


def test_binary_stdin_is_refused() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "translit_refs", "parse", "-"],
        input=_elf_like(), capture_output=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 2
    assert done.stdout == b""
    assert b"binary data" in done.stderr
    assert b"Traceback" not in done.stderr


# 5. Ctrl-C


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_ctrl_c_with_jobs_ends_every_process_with_130(tmp_path: Path) -> None:
    source = tmp_path / "big.txt"
    source.write_text(SEED.read_text("utf-8") * 200, "utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "translit_refs", "parse", str(source), "--jobs", "2", "-o", str(tmp_path / "o.json")],
        stderr=subprocess.PIPE, text=True, start_new_session=True,
    )  # fmt: skip
    assert process.stderr is not None
    try:
        assert f"{source}:" in process.stderr.readline()  # the workers have rendered a batch
        os.killpg(process.pid, signal.SIGINT)  # as a terminal's Ctrl-C: the whole process group
        err = process.stderr.read()
        assert process.wait(timeout=60) == 130
    finally:
        if process.poll() is None:
            process.kill()
    assert "Traceback" not in err
    assert err.rstrip().endswith("translit-refs: interrupted; nothing was written")
    deadline = time.monotonic() + 10  # SIGTERM is delivered asynchronously: give it a moment
    while live_processes_in_group(process.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert live_processes_in_group(process.pid) == []  # the workers were ended, not left running
    assert not (tmp_path / "o.json").exists()


def test_ctrl_c_while_the_modules_load_is_130_without_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(_: str) -> Any:
        raise KeyboardInterrupt

    monkeypatch.setattr("translit_refs.__main__.importlib", SimpleNamespace(import_module=interrupted))
    assert entry.main(["parse", str(SEED)]) == 130
    assert capsys.readouterr().err == "translit-refs: interrupted\n"


def test_the_package_import_loads_no_parser() -> None:
    done = subprocess.run(
        [sys.executable, "-c", "import sys, translit_refs; print('translit_refs.pipeline' in sys.modules)"],
        capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    assert done.stdout.strip() == "False"


# 6. A missing extra


def test_cyrillic_without_its_extra_says_which_to_install(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    code = (
        "import sys; sys.modules['iuliia'] = None\n"  # as if the translit extra were not installed
        "from translit_refs.cli import main\n"
        f"sys.exit(main(['parse', {str(SEED)!r}, '--cyrillic']))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 2
    assert done.stdout == ""  # not even the array's "["
    assert "pip install 'translit-refs[translit]'" in done.stderr
    assert "Traceback" not in done.stderr
    code = code.replace("'--cyrillic']", f"'--cyrillic', '-o', {str(out)!r}]")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=120, check=False).returncode == 2
    assert not out.exists()


# 7. Version and python -m


def test_version_comes_from_the_package_metadata(capsys: pytest.CaptureFixture[str]) -> None:
    assert translit_refs.__version__ == version("translit-refs")
    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0
    assert capsys.readouterr().out == f"translit-refs {version('translit-refs')}\n"


def test_version_has_a_fallback_without_metadata(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(name: str) -> str:
        raise PackageNotFoundError(name)

    monkeypatch.setattr("importlib.metadata.version", missing)
    assert translit_refs._version() == "0+unknown"


def test_python_m_translit_refs_runs_the_command_line() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "translit_refs", "--version"], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0
    assert done.stdout.startswith("translit-refs ")


# 8. serve, -j, help


def test_serve_on_a_port_in_use_is_one_message_and_status_two(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("uvicorn")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", "--port", str(port)]) == cli.EXIT_USAGE
    err = capsys.readouterr().err
    assert f"cannot serve on 127.0.0.1:{port}" in err
    assert "serving on" not in err


def test_jobs_that_are_no_number_are_said_plainly(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["parse", str(SEED), "-j", "abc"])
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert "'abc' is not a number of processes" in err
    assert "_positive" not in err
