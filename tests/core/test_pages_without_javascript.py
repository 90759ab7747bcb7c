"""Every page works without JavaScript: links are links, actions are forms that submit.

The Django test client runs no JavaScript at all, so a flow that completes here completes in a
browser with JavaScript disabled.
"""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = [
    "/ar/",
    "/en/",
    "/fr/",
    "/en/initiatives/",
    "/en/diaspora/",
    "/en/campaigns/",
    "/en/accounts/login/",
    "/ar/accounts/signup/",
    "/en/accounts/password/reset/",
    "/en/accounts/login/code/",
]
MEMBER_PAGES = [
    "/en/account/settings/",
    "/ar/account/settings/",
    "/en/account/api-token/",
    "/en/accounts/email/",
    "/en/accounts/2fa/",
    "/en/accounts/sessions/",
]


class PageAudit(HTMLParser):
    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []
        self.inline_handlers: list[str] = []
        self.external: list[str] = []
        self.submit_buttons = 0
        self.has_main = False
        self.skip_link = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name in attributes:
            if name.startswith("on"):
                self.inline_handlers.append(f"{tag}[{name}]")
        for name in ("src", "href", "action"):
            if attributes.get("id") == "quick-exit":
                continue  # leaving for a neutral site is the point; it loads nothing here
            value = attributes.get(name) or ""
            if re.match(r"^(https?:)?//", value):
                self.external.append(value)
        if tag == "form":
            self.forms.append(attributes)
        if tag == "button" and attributes.get("type", "submit") == "submit":
            self.submit_buttons += 1
        if tag == "input" and attributes.get("type") == "submit":
            self.submit_buttons += 1
        if tag == "main":
            self.has_main = True
        if tag == "a" and attributes.get("href") == "#main":
            self.skip_link = True


def audit(html: str) -> PageAudit:
    parser = PageAudit()
    parser.feed(html)
    return parser


def _check(html: str) -> None:
    page = audit(html)
    assert page.has_main
    assert page.skip_link
    assert page.inline_handlers == []
    assert page.external == [], "pages must not load or link anything from another host"
    for form in page.forms:
        assert form.get("method", "get").lower() in {"get", "post"}
    assert page.submit_buttons >= len(page.forms)


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_public_pages_work_without_javascript(client, url):
    response = client.get(url)
    assert response.status_code == 200
    _check(response.content.decode())


@pytest.mark.parametrize("url", MEMBER_PAGES)
def test_member_pages_work_without_javascript(client, url):
    from tests.factories import PASSWORD

    client.force_login(UserFactory())
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    response = client.get(url)
    assert response.status_code == 200, response.get("Location")
    _check(response.content.decode())


def test_language_switcher_is_a_plain_form(client):
    page = audit(client.get("/en/").content.decode())
    assert any(form.get("action") == reverse("set_language") for form in page.forms)
