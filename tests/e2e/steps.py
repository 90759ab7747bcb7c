"""Steps the browser journeys share."""

from tests.factories import PASSWORD, give_totp, totp_code


def submit(page, selector: str = "main form button[type=submit]") -> None:
    """Click the (first) matching button and wait for the page it leads to."""
    with page.expect_navigation():
        page.locator(selector).first.click()


def sign_in(page, base: str, user) -> None:
    """Sign in with email and password on `base` (".../<language>")."""
    page.goto(f"{base}/accounts/login/")
    page.fill("#id_login", user.email)
    page.fill("#id_password", PASSWORD)
    submit(page)


def open_admin(browser, base: str, staff):
    """A desktop-sized page signed in to the admin with a second factor."""
    secret = give_totp(staff)
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.goto(f"{base}/admin/")
    page.fill("#id_login", staff.email)
    page.fill("#id_password", PASSWORD)
    submit(page)
    page.fill("#id_code", totp_code(secret))
    submit(page)
    if "/accounts/2fa/trust/" in page.url:
        submit(page, "main form button[value=trust]")
    return page
