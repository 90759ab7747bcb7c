import datetime

import pytest
from allauth.usersessions.models import UserSession
from django.utils import timezone

from humena.core.security import coarse_ip
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

HEADERS = {
    "Content-Security-Policy": "frame-ancestors 'none'",
    "Permissions-Policy": "geolocation=()",
    "Referrer-Policy": "same-origin",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}


@pytest.mark.parametrize("url", ["/en/", "/api/v1/taxonomy/themes/", "/en/accounts/login/"])
def test_security_headers_on_pages_and_the_api(client, url):
    response = client.get(url)
    for header, expected in HEADERS.items():
        assert expected in response[header], header
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy  # only the API docs page's styles need it


def test_no_page_allows_inline_scripts_not_even_the_api_docs(client):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "script-src 'self';" in policy
    assert "<script>" not in response.content.decode()  # its start-up script is a file
    script = client.get("/api/docs/?script=")
    assert script.status_code == 200
    assert script["Content-Type"].startswith("application/javascript")


@pytest.mark.parametrize(
    ("address", "kept"),
    [
        ("203.0.113.77", "203.0.113.0"),
        ("2001:db8:1234:5678::1", "2001:db8:1234::"),
        ("not-an-ip", None),
        ("", ""),
    ],
)
def test_addresses_are_reduced_to_their_network(address, kept):
    assert coarse_ip(address) == kept


def test_the_sessions_list_keeps_no_exact_address(client):
    user = UserFactory()
    client.post(
        "/en/accounts/login/",
        {"login": user.email, "password": PASSWORD},
        REMOTE_ADDR="198.51.100.23",
    )
    session = UserSession.objects.get(user=user)
    assert session.ip == "198.51.100.0"


def test_sign_in_is_recorded_to_the_day_only(client):
    user = UserFactory()
    client.post("/en/accounts/login/", {"login": user.email, "password": PASSWORD})
    user.refresh_from_db()
    today = timezone.now().replace(hour=0, minute=0, second=0, microsecond=0)
    assert user.last_login == today
    assert user.last_login.time() == datetime.time(0, 0)


def test_every_page_offers_a_quick_exit(client):
    html = client.get("/ar/").content.decode()
    assert 'id="quick-exit"' in html
    assert "https://www.wikipedia.org/" in html
    assert "js/quick-exit.js" in html


def test_security_notices_name_the_network_not_the_address(client, mailoutbox, run_on_commit):
    user = UserFactory()
    client.post(
        "/en/accounts/login/",
        {"login": user.email, "password": PASSWORD},
        REMOTE_ADDR="198.51.100.23",
    )
    new = "another-long-passphrase-77"
    with run_on_commit():
        client.post(
            "/en/accounts/password/change/",
            {"oldpassword": PASSWORD, "password1": new, "password2": new},
            REMOTE_ADDR="198.51.100.23",
        )
    bodies = " ".join(message.body for message in mailoutbox)
    assert mailoutbox, "a notice is sent when the password changes"
    assert "198.51.100.23" not in bodies
