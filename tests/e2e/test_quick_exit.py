"""Quick exit: Escape twice (or the button) leaves for a neutral site and replaces the history
entry, so "back" does not return to HuMENA."""

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("how", ["escape", "button"])
def test_quick_exit_leaves_and_hides_the_visit(browser, live_server, how):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    # No internet here: stand in for the neutral site.
    page.route("https://www.wikipedia.org/**", lambda route: route.fulfill(body="neutral"))
    page.goto("about:blank")
    page.goto(f"{live_server.url}/ar/initiatives/")
    with page.expect_navigation():
        if how == "escape":
            page.keyboard.press("Escape")
            page.keyboard.press("Escape")
        else:
            page.locator("#quick-exit").click()
    assert page.url.startswith("https://www.wikipedia.org/")
    page.go_back()
    assert not page.url.startswith(live_server.url)  # the visit is not one step back
    context.close()
