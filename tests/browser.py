"""A headless Chromium for the web tests and the screenshot: Playwright driving the system's
Chromium (Debian's ``chromium`` package, never a downloaded browser), in a fresh profile."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

#: Debian's Chromium; ``TRANSLIT_REFS_CHROMIUM`` names another.
CHROMIUM = os.environ.get("TRANSLIT_REFS_CHROMIUM", "/usr/bin/chromium")
#: Flags that work as root in a container, with nothing fetched from the network.
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


def missing() -> str | None:
    """Why no browser can be driven here, or None when one can."""
    try:
        import playwright.sync_api  # noqa: F401, PLC0415 - optional
    except ImportError:
        return "playwright is not installed (pip install 'translit-refs[web-test]')"
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        return f"no Chromium at {CHROMIUM} (apt-get install -y chromium chromium-driver)"
    return None


@contextmanager
def chromium_page(width: int = 1280, height: int = 900) -> Iterator[Any]:
    """A page of a headless Chromium with downloads allowed; the profile is deleted afterwards."""
    from playwright.sync_api import sync_playwright  # noqa: PLC0415 - optional

    profile = tempfile.mkdtemp(prefix="translit-refs-chromium-")
    try:
        with sync_playwright() as playwright:
            context = playwright.chromium.launch_persistent_context(
                profile,
                executable_path=CHROMIUM,
                headless=True,
                args=FLAGS,
                accept_downloads=True,
                viewport={"width": width, "height": height},
            )
            try:
                yield context.pages[0] if context.pages else context.new_page()
            finally:
                context.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)
