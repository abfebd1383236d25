"""The web application's API (``translit_refs.web``), on the real server, and the core's independence from it."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest

from translit_refs.cli import build_argument_parser
from translit_refs.documents.listsplit import parallel_sections
from translit_refs.export.schema import csl_errors
from translit_refs.parallel import parse_parallel

from conftest import FIXTURES
from web_server import post, running_server

PAGE = FIXTURES.joinpath("seed_article_page.txt").read_text("utf-8")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    pytest.importorskip("starlette", reason="the web extra is not installed (pip install 'translit-refs[web]')")
    pytest.importorskip("uvicorn", reason="the web extra is not installed (pip install 'translit-refs[web]')")
    with running_server() as url:
        yield url


def _json(server: str, path: str, body: Any) -> Any:
    status, text, _ = post(server + path, body)
    assert status == 200, text
    return json.loads(text)


def test_core_imports_no_web_framework() -> None:
    code = (
        "import sys, translit_refs, translit_refs.cli, translit_refs.spans, translit_refs.web.service\n"
        "web = sorted(m for m in sys.modules if m.split('.')[0] in ('starlette', 'uvicorn', 'httpx', 'anyio'))\n"
        "sys.exit(', '.join(web) or None)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def test_the_web_service_does_not_import_the_command_line() -> None:
    code = "import sys, translit_refs.web.service\nsys.exit('translit_refs.cli' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def test_serve_listens_on_this_machine_only_by_default() -> None:
    arguments = build_argument_parser().parse_args(["serve"])
    assert (arguments.host, arguments.port) == ("127.0.0.1", 8000)


def test_page_and_its_files(server: str) -> None:
    with urllib.request.urlopen(server + "/") as page:
        assert page.headers["content-type"].startswith("text/html")
        assert "script-src" not in page.headers["content-security-policy"]  # default-src 'self': no inline script
    with urllib.request.urlopen(server + "/static/app.js") as script:
        assert script.status == 200
    with pytest.raises(urllib.error.HTTPError, match="404"):
        urllib.request.urlopen(server + "/static/app.py")


def test_parse_finds_the_seed_page_lists_with_spans(server: str) -> None:
    result = _json(server, "/api/parse", {"text": PAGE})
    assert [(listed["kind"], len(listed["references"])) for listed in result["lists"]] == [
        ("references", 43),
        ("how-to-cite", 1),
    ]
    assert result["lists"][0]["family"] == "author-date"
    dundukov = result["lists"][0]["references"][7]
    spans = {span["field"]: dundukov["raw"][span["start"] : span["end"]] for span in dundukov["spans"]}
    assert spans["title"] == dundukov["title"] == "Razvedka v gosudarstvennom mekhanizme SShA"
    assert {"confidence", "needs_review", "review_reasons", "diagnostics", "style_family"} <= dundukov.keys()


def test_stream_reports_progress(server: str) -> None:
    lines = FIXTURES.joinpath("seed_references.txt").read_text("utf-8").splitlines() * 30  # 1,320: three batches
    status, text, headers = post(server + "/api/parse?stream=1", {"text": "\n".join(lines), "find": False})
    assert (status, headers["content-type"]) == (200, "application/x-ndjson")
    events = [json.loads(line) for line in text.splitlines()]
    assert [e["event"] for e in events] == ["start", "batch", "batch", "batch", "list", "done"]
    assert [e["done"] for e in events if e["event"] == "batch"] == [500, 1000, 1320]


def test_reparse_one_line_in_its_list_family(server: str) -> None:
    line = "Ivanov I.I. Teplovoi rezhim [Thermal mode]. Atomnaya energiya, 2015, vol. 118, no. 3, pp. 140-146."
    result = _json(server, "/api/parse", {"lines": [line], "family": "references"})
    reference = result["lists"][0]["references"][0]
    assert (reference["style_family"], reference["volume"], reference["pages"]) == ("references", "118", "140-146")


def test_exports_of_edited_references(server: str) -> None:
    references = _json(server, "/api/parse", {"text": PAGE})["lists"][0]["references"]
    references[0]["title"] = "Edited by hand"
    items = _json(server, "/api/export?to=csl-json", {"references": references})
    assert csl_errors(items) == []
    assert (len(items), items[0]["title"]) == (43, "Edited by hand")
    assert post(server + "/api/export?to=bibtex", {"references": references})[1].startswith("@")
    assert "TY  - " in post(server + "/api/export?to=ris", {"text": PAGE})[1]


def test_bad_requests_say_what_is_wrong(server: str) -> None:
    status, text, _ = post(server + "/api/export?to=xml", {"text": "x"})
    assert (status, "unknown export" in json.loads(text)["error"]) == (400, True)
    assert post(server + "/api/parse", None, raw=b"not json")[0] == 400
    assert post(server + "/api/parse", {"text": 5})[0] == 400
    status, text, _ = post(server + "/api/export?to=ris", {"references": [{"type": "nonsense"}]})
    assert (status, "reference 1" in json.loads(text)["error"]) == (400, True)


def test_unknown_keys_and_switches_that_are_not_booleans_are_refused(server: str) -> None:
    """A misspelt option ("fnd") was ignored: 200 and every line read, not what was asked (issue 26)."""
    status, text, _ = post(server + "/api/parse", {"text": PAGE, "fnd": False})
    assert status == 400
    assert "unknown key 'fnd'" in json.loads(text)["error"]
    status, text, _ = post(server + "/api/parse?stream=1", {"txt": PAGE, "find": True})
    assert (status, "'txt'" in json.loads(text)["error"]) == (400, True)
    status, text, _ = post(server + "/api/parse", {"text": PAGE, "find": "no"})
    assert (status, json.loads(text)["error"]) == (400, '"find" must be true or false')
    status, text, _ = post(server + "/api/export?to=ris", {"text": PAGE, "alone": True, "style": "apa"})
    assert (status, "unknown key 'style'" in json.loads(text)["error"]) == (400, True)
    status, _, _ = post(server + "/api/export?to=ris", {"references": [], "text": PAGE})
    assert status == 400
    # every key the page sends is known
    assert (
        post(server + "/api/parse", {"text": "x", "find": True, "cyrillic": False, "alone": False, "partner": None})[0]
        == 200
    )


def test_favicon_is_served(server: str) -> None:
    with urllib.request.urlopen(server + "/favicon.ico") as icon:  # a redirect to the page's icon
        assert icon.status == 200
        assert icon.url.endswith("/static/favicon.svg")
        assert icon.headers["content-type"] == "image/svg+xml"
        assert icon.read().startswith(b"<svg")


def test_exports_of_a_page_leave_out_its_how_to_cite_line(server: str) -> None:
    """The "How to Cite" line cites the article itself: shown, but not part of its bibliography."""
    parsed = _json(server, "/api/parse", {"text": PAGE})
    article = parsed["lists"][1]["references"][0]
    items = _json(server, "/api/export?to=csl-json", {"text": PAGE})
    assert len(items) == 43
    assert article["title"] not in [item.get("title") for item in items]
    assert post(server + "/api/export?to=bibtex", {"text": PAGE})[1].count("@") == 43
    assert post(server + "/api/export?to=ris", {"text": PAGE})[1].count("TY  - ") == 43


def test_a_doubtful_join_is_flagged_on_its_reference(server: str) -> None:
    """A line the splitter joined although it could start a reference: a warning on the reference,
    which is held for review; the 30 Cyrillic lines of issue 26 are 30 references, none flagged so."""
    text = (
        "References\n"
        "Ivanov I.I. Teplovoi rezhim reaktora. Atomnaya energiya, 2015,\n"
        "vol. 118, no. 3, pp. 140-146. Moscow, Nauka Publ., 2001. 200 p.\n"
        "Knowledge Management for Nuclear Research. IAEA-TECDOC-1675.\n"
        "Petrov P.P. Dinamika yadernyh reaktorov. Moscow,\n"
        "Energoatomizdat Publ., 1991. 212 p.\n"
    )
    first, second = _json(server, "/api/parse", {"text": text})["lists"][0]["references"]
    assert [d["code"] for d in first["diagnostics"]].count("joined-lines") == 1
    assert first["needs_review"]
    assert first["review_reasons"][0].startswith("it may be two references: line 4 was read as a wrapped line")
    assert "joined-lines" not in [d["code"] for d in second["diagnostics"]]

    rows = [json.loads(line) for line in FIXTURES.joinpath("dev_npe.jsonl").read_text("utf-8").splitlines()]
    cyrillic = [row["cyrillic_parallel"] for row in rows if row.get("cyrillic_parallel")][:30]
    result = _json(server, "/api/parse", {"text": "\n".join(cyrillic)})
    references = [r for listed in result["lists"] for r in listed["references"]]
    assert [r["raw"] for r in references] == cyrillic
    assert result["outside"] == 0
    assert not any(d["code"] == "joined-lines" for r in references for d in r["diagnostics"])


def test_script_is_data(server: str) -> None:
    line = "Aid, M. (2009). <script>alert(1)</script> History. NY, Bloomsbury Press. 432 p."
    reference = _json(server, "/api/parse", {"text": line, "find": False})["lists"][0]["references"][0]
    assert reference["raw"] == line


def _article(name: str = "npe-2017/04/04") -> tuple[list[str], list[str]]:
    """An article's transliterated list and its Cyrillic list, from the dev corpus."""
    rows = [json.loads(line) for line in FIXTURES.joinpath("dev_npe.jsonl").read_text("utf-8").splitlines()]
    latin = [row["text"] for row in rows if row["article"] == name]
    cyrillic = [row["cyrillic_parallel"] for row in rows if row["article"] == name and row.get("cyrillic_parallel")]
    return latin, cyrillic


def test_a_page_with_both_lists_is_paired(server: str) -> None:
    latin, cyrillic = _article()
    page = "\n".join(["Литература", *cyrillic, "", "References", *latin])
    result = _json(server, "/api/parse", {"text": page})
    [listed] = result["lists"]
    assert listed["heading"] == "References"
    assert listed["partner"]["heading"] == "Литература"
    assert listed["partner"]["count"] >= len(cyrillic) - 1  # as the splitter finds its entries
    assert listed["partner"]["paired"] >= len(latin) - 2
    # the same pairing as the library's (and translit-refs parse --find)
    both = parallel_sections(page)
    assert both is not None
    expected = parse_parallel([e.text for e in both[0].entries], [e.text for e in both[1].entries])
    assert [r["title_cyrillic"] for r in listed["references"]] == [
        r.title_cyrillic.model_dump(mode="json") if r.title_cyrillic else None for r in expected.references
    ]
    assert any(r["title_cyrillic"] for r in listed["references"])


def test_a_partner_list_pasted_apart_is_paired(server: str) -> None:
    latin, cyrillic = _article()
    result = _json(server, "/api/parse", {"text": "\n".join(latin), "find": False, "partner": "\n".join(cyrillic)})
    assert result["lists"][0]["partner"]["paired"] >= len(latin) - 2


def test_cyrillic_titles_on_demand(server: str) -> None:
    pytest.importorskip("iuliia", reason="the translit extra is not installed")
    line = (
        "Dundukov, M. Yu. (2008). Razvedka v gosudarstvennom mekhanizme SShA "
        "[Intelligence in the USA State Mechanism]. Moscow, Kuchkovo pole. 448 p."
    )
    plain = _json(server, "/api/parse", {"text": line, "find": False})["lists"][0]["references"][0]
    assert plain["title_cyrillic"] is None
    recovered = _json(server, "/api/parse", {"text": line, "find": False, "cyrillic": True})
    assert recovered["lists"][0]["references"][0]["title_cyrillic"]["text"].startswith("Разведка")


def test_serve_without_the_web_extra_says_how_to_get_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from translit_refs import cli  # noqa: PLC0415

    def unavailable(name: str) -> object:
        raise ImportError(f"No module named {name!r}")

    monkeypatch.setattr(importlib, "import_module", unavailable)
    assert cli.main(["serve"]) == 2
    assert "pip install 'translit-refs[web]'" in capsys.readouterr().err


def test_cyrillic_without_the_translit_extra_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from translit_refs.web import service  # noqa: PLC0415

    def unavailable(name: str) -> object:
        raise ImportError(f"No module named {name!r}")

    monkeypatch.setattr(importlib, "import_module", unavailable)
    with pytest.raises(service.RequestError, match=r"pip install 'translit-refs\[translit\]'"):
        next(service.parse_events("Aid, M. (2009). Title. NY, Press. 4 p.", service.Options(cyrillic=True)))
