"""The web page in a real headless Chromium, against the real server (``translit-refs serve``)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from translit_refs.export.schema import csl_errors

from browser import chromium_page, missing
from conftest import FIXTURES
from web_server import running_server

PAGE = FIXTURES.joinpath("seed_article_page.txt").read_text("utf-8")
SEED_LINE = FIXTURES.joinpath("seed_references.txt").read_text("utf-8").split("\n")[7]
SCRIPT_LINE = (
    'Aid, M. (2009). <script>window.pwned = 1</script><img src=x onerror="window.pwned = 2"> Title. NY, Norton. 4 p.'
)


@pytest.fixture(scope="module")
def page() -> Iterator[Any]:
    for module in ("starlette", "uvicorn"):
        pytest.importorskip(module, reason="the web extra is not installed (pip install 'translit-refs[web]')")
    reason = missing()
    if reason:
        pytest.skip(reason)
    with running_server() as url, chromium_page() as browser_page:
        browser_page.set_default_timeout(60_000)
        browser_page.goto(url + "/")
        yield browser_page


def _parse(page: Any, text: str | None, find: bool = True) -> None:
    """Paste ``text`` (None: it is there already), parse, and wait until every reference is shown."""
    before = page.evaluate("document.body.dataset.ready || ''")
    if text is not None:
        page.fill("#text", text)
    page.set_checked("#find", find)
    page.focus("#text")
    page.keyboard.press("Control+Enter")  # the keyboard path; the Parse button does the same
    page.wait_for_function("before => (document.body.dataset.ready || '') !== before", arg=before)


def test_seed_page_shows_every_reference_with_its_fields(page: Any) -> None:
    _parse(page, PAGE)
    lists = page.locator("section.list")
    assert lists.count() == 2
    assert lists.nth(0).locator("li.ref").count() == 43
    assert lists.nth(1).locator("h2 .name").text_content() == "How to Cite"
    assert lists.nth(1).locator("li.ref").count() == 1
    assert "Yungblud" in lists.nth(1).locator(".f-author").first.text_content()
    assert "author-date" in lists.nth(0).locator("h2 .family").text_content()
    for index in range(43):
        assert page.locator("section.list").nth(0).locator("li.ref").nth(index).locator(".f").count() >= 2
    dundukov = lists.nth(0).locator("li.ref").nth(7)
    assert dundukov.locator(".f-title").text_content() == "Razvedka v gosudarstvennom mekhanizme SShA"
    assert dundukov.locator(".f-title_translation").text_content() == "Intelligence in the USA State Mechanism"
    assert page.locator("#legend li").count() >= 8
    flagged = lists.nth(0).locator("li.ref.review")
    assert flagged.count() > 0
    badge = flagged.first.locator(".badge.flag")
    badge.focus()  # diagnostics and reasons are readable on focus, not only on hover
    assert badge.locator(".tip").is_visible()


def test_edit_one_reference_and_parse_it_again(page: Any) -> None:
    if page.locator("section.list").count() != 2:
        _parse(page, PAGE)
    item = page.locator("section.list").nth(0).locator("li.ref").nth(7)
    item.locator("button.edit").click()
    area = item.locator("textarea")
    assert area.evaluate("node => node === document.activeElement")
    area.fill(area.input_value().replace("448 p.", "512 p."))
    area.press("Enter")
    page.wait_for_function("() => document.querySelector('#ref-1-8 .f-page_count')?.textContent === '512'")
    assert page.locator("#ref-1-8 .f-title").text_content() == "Razvedka v gosudarstvennom mekhanizme SShA"

    with page.expect_download() as download_info:
        page.click("button[data-export='csl-json']")
    items = json.loads(Path(download_info.value.path()).read_text("utf-8"))
    assert len(items) == 43  # the list; its "How to Cite" line (the article itself) is no part of it
    assert csl_errors(items) == []
    assert items[7]["number-of-pages"] == "512"


def test_reference_text_is_never_html(page: Any) -> None:
    _parse(page, "\n".join([SCRIPT_LINE, FIXTURES.joinpath("seed_references.txt").read_text("utf-8").split("\n")[0]]),
           find=False)  # fmt: skip
    first = page.locator("li.ref").first.locator(".ref-text")
    assert first.text_content() == SCRIPT_LINE
    assert page.locator("#results script, #results img").count() == 0
    assert page.evaluate("window.pwned === undefined")


def test_two_thousand_references_show_progress_and_keep_the_page_responsive(page: Any) -> None:
    texts = [json.loads(line)["text"] for line in FIXTURES.joinpath("dev_npe.jsonl").read_text("utf-8").splitlines()]
    lines = [texts[index % len(texts)] for index in range(2000)]
    # pasted as a clipboard paste would (typing 0.5 MB key by key, as fill does, takes seconds itself)
    page.evaluate("text => { document.getElementById('text').value = text; }", "\n".join(lines))
    page.evaluate(
        """() => {
          window.seenProgress = [];
          window.longestGap = 0;
          let last = performance.now();
          window.heartbeat = setInterval(() => {
            const now = performance.now();
            window.longestGap = Math.max(window.longestGap, now - last);
            last = now;
          }, 20);
          new MutationObserver(() => {
            const box = document.getElementById('progress-box');
            if (!box.hidden) window.seenProgress.push(document.getElementById('progress-label').textContent);
          }).observe(document.getElementById('progress-box'), {attributes: true, subtree: true, childList: true});
        }"""
    )
    _parse(page, None, find=False)
    assert page.locator("li.ref").count() == 2000
    seen = page.evaluate("window.seenProgress")
    assert any("Showing references" in label for label in seen), seen
    assert any(label.startswith("Parsing") for label in seen), seen
    # The page renders in chunks: the main thread is never blocked for long (generous for a loaded machine).
    longest = page.evaluate("clearInterval(window.heartbeat) || window.longestGap")
    print(f"2,000 references: the longest pause of the page's main thread was {longest:.0f} ms")
    assert longest < 3000


def test_cyrillic_on_demand_and_every_field_listed(page: Any) -> None:
    pytest.importorskip("iuliia", reason="the translit extra is not installed")
    line = FIXTURES.joinpath("seed_references.txt").read_text("utf-8").split("\n")[7]
    page.set_checked("#cyrillic", True)
    try:
        _parse(page, line, find=False)
    finally:
        page.set_checked("#cyrillic", False)
    item = page.locator("li.ref").first
    assert "Разведка" in item.locator(".cyr").text_content()
    item.locator("details.fields summary").click()
    item.locator("details.fields dt").first.wait_for()  # the list is built when the details open
    terms = item.locator("details.fields dt").all_text_contents()
    assert {"title", "publisher", "page count", "language", "confidence"} <= set(terms)


# --- The page as a user meets it (issue 26, item 12) ---


def _download(page: Any, format_: str) -> str:
    with page.expect_download() as download_info:
        page.click(f"button[data-export='{format_}']")
    return Path(download_info.value.path()).read_text("utf-8")


def test_downloads_leave_out_how_to_cite_and_keep_the_summary(page: Any) -> None:
    _parse(page, PAGE)
    summary = page.text_content("#status")
    assert summary.startswith("44 references in 2 lists;")
    items = json.loads(_download(page, "csl-json"))
    assert len(items) == 43
    article = page.locator("section.list").nth(1).locator(".f-title").first.text_content()
    assert article not in [item.get("title") for item in items]
    assert _download(page, "ris").count("TY  - ") == 43
    assert page.text_content("#status") == summary  # the summary stays
    assert page.text_content("#download-note") == "Downloaded 43 references as RIS."


def test_list_headings_say_reference_in_the_singular(page: Any) -> None:
    _parse(page, PAGE)
    how_to_cite = page.locator("section.list").nth(1)
    assert how_to_cite.locator("h2 .name").text_content() == "How to Cite"
    assert how_to_cite.locator("h2 .count").text_content().startswith("1 reference,")
    assert page.locator("section.list").nth(0).locator("h2 .count").text_content().startswith("43 references,")
    _parse(page, SEED_LINE, find=False)
    assert page.text_content("#status").startswith("1 reference in 1 list;")


def test_results_are_scrolled_into_view_after_parse(page: Any) -> None:
    page.evaluate("window.scrollTo(0, 0)")
    _parse(page, PAGE)
    top = page.evaluate("document.getElementById('status').getBoundingClientRect().top")
    first = page.evaluate("document.querySelector('li.ref').getBoundingClientRect().top")
    height = page.evaluate("window.innerHeight")
    assert -1 <= top < height / 4, (top, height)  # at the top (to a fraction of a pixel)
    assert 0 < first < height, (first, height)


def test_an_empty_parse_clears_the_old_results(page: Any) -> None:
    _parse(page, PAGE)
    assert page.locator("li.ref").count() == 44
    page.fill("#text", "  \n ")
    page.focus("#text")
    page.keyboard.press("Control+Enter")
    page.wait_for_selector("#error:not([hidden])")
    assert page.text_content("#error") == "Paste a reference list first."
    assert page.locator("#results > *").count() == 0
    assert page.locator("#tools").is_hidden()
    assert page.text_content("#status") == ""
    page.fill("#text", "")
    page.click("#parse")  # the button too, with nothing at all in the field (no browser bubble instead)
    assert page.text_content("#error") == "Paste a reference list first."


def test_page_loads_without_a_failed_request(page: Any) -> None:
    failed: list[str] = []
    page.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)
    page.reload()
    page.wait_for_load_state("networkidle")
    icon = page.request.get(page.url.rstrip("/") + "/favicon.ico")
    assert (icon.status, icon.headers["content-type"]) == (200, "image/svg+xml")
    assert failed == []


def test_a_doubtful_join_is_flagged_on_the_page(page: Any) -> None:
    text = (
        "Ivanov I.I. Teplovoi rezhim reaktora. Atomnaya energiya, 2015,\n"
        "vol. 118, no. 3, pp. 140-146. Moscow, Nauka Publ., 2001. 200 p.\n"
        "Knowledge Management for Nuclear Research. IAEA-TECDOC-1675.\n"
        "Petrov P.P. Dinamika yadernyh reaktorov. Moscow,\n"
        "Energoatomizdat Publ., 1991. 212 p.\n"
    )
    _parse(page, text)
    first = page.locator("li.ref").first
    assert "review" in (first.get_attribute("class") or "")
    assert "line 3 was read as a wrapped line" in first.locator(".badge.diag .tip").text_content()
    assert "1 reference may hold two" in page.text_content("#status")
