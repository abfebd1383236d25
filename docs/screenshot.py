"""Make ``docs/web.png``: the web page on the seed article's page, in headless Chromium.

    python docs/screenshot.py            # writes docs/web.png
    python docs/screenshot.py -o /tmp/web.png

Needs the ``web`` and ``web-test`` extras and Debian's Chromium (``/usr/bin/chromium``; see
``docs/web.md``). The server is started on a free local port, the seed page
(``tests/fixtures/seed_article_page.txt``) pasted and parsed, and the first references, the
legend and one flagged reference's reasons (shown as on focus) are captured.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser import chromium_page, missing  # noqa: E402
from web_server import running_server  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    """Write the screenshot; exits 2 when no browser can be driven here."""
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("-o", "--output", type=Path, default=ROOT / "docs" / "web.png")
    arguments = options.parse_args(argv)
    reason = missing()
    if reason:
        print(f"screenshot.py: {reason}", file=sys.stderr)
        return 2
    text = (ROOT / "tests" / "fixtures" / "seed_article_page.txt").read_text("utf-8")
    with running_server() as url, chromium_page(width=1100, height=1250) as page:
        page.goto(url + "/")
        page.fill("#text", text)
        page.click("#parse")
        page.wait_for_function("() => document.body.dataset.ready")
        page.locator("#tools").scroll_into_view_if_needed()
        page.evaluate("() => window.scrollTo(0, document.getElementById('status').offsetTop - 8)")
        page.locator("li.ref.review .badge.flag").first.focus()
        page.evaluate("() => window.scrollTo(0, document.getElementById('status').offsetTop - 8)")
        page.screenshot(path=str(arguments.output))
    print(f"wrote {arguments.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
