"""Real-browser tests: Playwright driving Debian's Chromium against pytest-django's live server."""

import os
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("HUMENA_CHROMIUM", "/usr/bin/chromium"))
SCREENSHOTS = Path(os.environ.get("HUMENA_SCREENSHOTS", "artifacts/screenshots"))
# CI sets HUMENA_REQUIRE_BROWSER: there a missing browser fails instead of skipping.
_REQUIRED = bool(os.environ.get("HUMENA_REQUIRE_BROWSER"))


def _playwright_available() -> bool:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return False
    return CHROMIUM.exists()


@pytest.fixture(scope="session")
def browser():
    if not _playwright_available():
        if _REQUIRED:
            pytest.fail(f"Chromium ({CHROMIUM}) and the playwright package are required here")
        pytest.skip("needs Chromium at /usr/bin/chromium and the playwright package")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls made by the test
    # itself (reading what the server wrote) are still synchronous.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def phone(browser, live_server):
    """A phone-sized page that records every request leaving for another origin."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.foreign_requests = []
    page.on(
        "request",
        lambda request: (
            page.foreign_requests.append(request.url)
            if not request.url.startswith(live_server.url)
            else None
        ),
    )
    yield page
    context.close()


@pytest.fixture
def screenshot():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(page, name: str) -> None:
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)

    return take
