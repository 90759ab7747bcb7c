"""Spam resistance without a third party (humena.core.challenge): a proof of work (ALTCHA's
scheme, served by us) and a honeypot field, on sign-up (required) and on petition signing (a
missing solution is accepted under a stricter limit, so that signing works without JavaScript)."""

import base64
import datetime
import json
import re
import time
from pathlib import Path

import altcha
import pytest
import yaml
from django.conf import settings
from rest_framework.test import APIClient

from advocacy.models import Signature
from humena.accounts.models import User
from humena.core import challenge as kernel
from humena.core.consent import consent_current
from humena.core.models import ConsentText
from tests.advocacy.factories import CampaignFactory
from tests.challenge import solution_for, solved

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-unusual-passphrase-42"
SIGNUP = "/en/accounts/signup/"
ENDPOINT = "/api/v1/challenge/"


def _decoded(payload: str) -> dict:
    return json.loads(base64.b64decode(payload))


def _encoded(data) -> str:
    return base64.b64encode(json.dumps(data).encode()).decode()


def wrong() -> str:
    """A solution whose number is not the one: the hash does not match."""
    challenge = kernel.challenge_create()
    right = _decoded(solution_for(challenge))["number"]
    return solution_for(challenge, number=(right + 1) % (challenge["maxnumber"] + 1))


def forged(**options) -> str:
    """A solved challenge made by someone else: another key, or other options."""
    options = {
        "hmac_key": kernel._hmac_key(),
        "max_number": 100,
        "expires": datetime.datetime.now(tz=datetime.UTC) + datetime.timedelta(minutes=5),
        **options,
    }
    made = altcha.create_challenge_v1(**options)
    challenge = made.to_dict() | {"maxnumber": made.max_number}
    return solution_for(challenge)


def odd_expiry(expires: str = "%C2%B2") -> str:
    """A solution whose salt says it expires at "²" (a digit to `str.isdigit`, not to `int`)."""
    data = _decoded(solved())
    salt = data["salt"].partition("?")[0]
    return _encoded(data | {"salt": f"{salt}?expires={expires}"})


@pytest.fixture
def expired(monkeypatch):
    """A solution that was right, sent after its challenge expired."""
    payload = solved()
    later = time.time() + settings.CHALLENGE_EXPIRY_SECONDS + 1
    monkeypatch.setattr(time, "time", lambda: later)
    return payload


# --- the scheme ----------------------------------------------------------------------------------


def test_a_challenge_has_alt_chas_shape_and_expires_in_twenty_minutes():
    before = time.time()
    challenge = kernel.challenge_create()
    assert set(challenge) == {"algorithm", "challenge", "maxnumber", "salt", "signature"}
    assert challenge["algorithm"] == "SHA-256"
    assert challenge["maxnumber"] == settings.CHALLENGE_MAX_NUMBER == 1_000  # test settings
    assert re.fullmatch(r"[0-9a-f]{64}", challenge["challenge"])
    expires = int(re.search(r"[?&]expires=(\d+)", challenge["salt"]).group(1))
    assert before + 20 * 60 - 1 <= expires <= time.time() + 20 * 60
    assert kernel.challenge_create()["salt"] != challenge["salt"]  # a fresh one every time


def test_a_right_solution_passes_once():
    payload = solved()
    assert kernel.challenge_verify(payload) == kernel.ChallengeResult(ok=True)
    assert kernel.challenge_verify(payload).reason == "reused"


def test_the_expiry_is_checked(expired):
    assert kernel.challenge_verify(expired).reason == "expired"


@pytest.mark.parametrize(
    "payload",
    [
        pytest.param(wrong, id="wrong number"),
        pytest.param(lambda: forged(hmac_key="someone-else"), id="another key"),
        pytest.param(lambda: forged(algorithm="SHA-1"), id="another algorithm"),
        pytest.param(lambda: forged(expires=None), id="no expiry"),
        pytest.param(
            lambda: _encoded(_decoded(solved()) | {"signature": "0" * 64}), id="signature"
        ),
        pytest.param(lambda: _encoded(_decoded(solved()) | {"number": -1}), id="negative"),
        pytest.param(lambda: _encoded(_decoded(solved()) | {"number": "7"}), id="text number"),
        pytest.param(lambda: _encoded(_decoded(solved()) | {"number": True}), id="boolean"),
        pytest.param(lambda: _encoded(_decoded(solved()) | {"salt": 12}), id="salt not text"),
        pytest.param(odd_expiry, id="superscript expiry"),
        pytest.param(lambda: odd_expiry("%D9%A3"), id="Arabic-Indic expiry"),
        pytest.param(lambda: odd_expiry("9" * 50), id="endless expiry"),
        pytest.param(lambda: _encoded({"algorithm": "SHA-256"}), id="fields missing"),
        pytest.param(lambda: _encoded([1, 2, 3]), id="not an object"),
        pytest.param(lambda: _encoded(10**40), id="a number"),
        pytest.param(lambda: "not base64 at all!", id="not base64"),
        pytest.param(lambda: base64.b64encode(b"\xff\xfe").decode(), id="not UTF-8"),
        pytest.param(lambda: "A" * 2000, id="too long"),
    ],
)
def test_anything_else_is_invalid(payload):
    assert kernel.challenge_verify(payload()) == kernel.ChallengeResult(ok=False, reason="invalid")


def test_a_missing_solution_is_told_apart():
    for payload in (None, ""):
        result = kernel.challenge_verify(payload)
        assert (result.ok, result.missing) == (False, True)
        assert "JavaScript" in result.message


# --- sign-up -------------------------------------------------------------------------------------


def _sign_up(client, *, email: str = "new@example.org", **extra):
    data = {
        "email": email,
        "password1": PASSWORD,
        "password2": PASSWORD,
        "accept_terms": "on",
        **extra,
    }
    return client.post(SIGNUP, {key: value for key, value in data.items() if value is not None})


def test_sign_up_with_a_solution_creates_the_account(client):
    response = _sign_up(client, challenge=solved())
    assert response.status_code == 302
    assert User.objects.filter(email="new@example.org").exists()


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        (lambda: None, "It needs JavaScript and runs on your own device"),
        (wrong, "The check that you are not a robot failed"),
        (lambda: forged(hmac_key="someone-else"), "The check that you are not a robot failed"),
        (odd_expiry, "The check that you are not a robot failed"),
    ],
    ids=["missing", "wrong", "forged", "superscript expiry"],
)
def test_sign_up_without_a_right_solution_is_refused_with_a_clear_error(client, payload, message):
    response = _sign_up(client, challenge=payload())
    assert response.status_code == 200
    assert message in response.content.decode()
    assert response.context["form"].non_field_errors()
    assert not User.objects.exists()


def test_sign_up_with_an_expired_solution_is_refused(client, expired):
    response = _sign_up(client, challenge=expired)
    assert "The check that you are not a robot has expired" in response.content.decode()
    assert not User.objects.exists()


def test_a_solution_signs_up_once(client):
    payload = solved()
    assert _sign_up(client, challenge=payload).status_code == 302
    again = _sign_up(client.__class__(), email="second@example.org", challenge=payload)
    assert again.status_code == 200
    assert "was already used" in again.content.decode()
    assert list(User.objects.values_list("email", flat=True)) == ["new@example.org"]


def test_a_form_refused_for_another_reason_keeps_its_solution_unspent(client):
    payload = solved()
    assert _sign_up(client, email="not-an-address", challenge=payload).status_code == 200
    assert _sign_up(client, challenge=payload).status_code == 302


def test_a_filled_honeypot_refuses_sign_up_with_a_generic_error(client):
    response = _sign_up(client, challenge=solved(), website="https://spam.example")
    assert response.status_code == 200
    html = response.content.decode()
    assert "This form could not be accepted" in html
    assert "robot" not in str(response.context["form"].errors)  # nothing to learn from
    assert not User.objects.exists()


def test_the_sign_up_page_carries_the_check_and_explains_it_without_javascript(client):
    html = client.get(SIGNUP).content.decode()
    noscript = re.search(r"<noscript>(.*?)</noscript>", html, re.DOTALL).group(1)
    assert "runs on your own device" in noscript
    assert "nothing is sent to anyone else" in noscript
    assert re.search(r'<script src="/static/js/challenge\.js" defer></script>', html)
    status = re.search(r"<p [^>]*data-challenge-status[^>]*>", html).group(0)
    assert 'data-url="/api/v1/challenge/"' in status
    assert 'aria-live="polite"' in status
    assert re.search(r'<input type="hidden" name="challenge" id="id_challenge">', html)


def test_the_honeypot_is_out_of_sight_out_of_reach_and_labelled(client):
    html = client.get(SIGNUP).content.decode()
    wrapper = re.search(r'<div class="hm-hp" aria-hidden="true">(.*?)</div>', html).group(1)
    assert '<label for="id_website">Leave this empty</label>' in wrapper
    field = re.search(r"<input [^>]*>", wrapper).group(0)
    for attribute in ('name="website"', 'tabindex="-1"', 'autocomplete="off"', 'type="text"'):
        assert attribute in field
    css = (Path(settings.BASE_DIR) / "static" / "css" / "site.css").read_text()
    rule = re.search(r"\.hm-hp \{(.*?)\}", css, re.DOTALL).group(1)
    assert "position: absolute" in rule
    assert "clip-path: inset(50%)" in rule


# --- petition page -------------------------------------------------------------------------------


def _petition_form(**overrides) -> dict:
    data = {
        "email": "rania@example.org",
        "consent_version": consent_current(ConsentText.Purpose.PETITION).version,
        "agree": "on",
        **overrides,
    }
    return {key: value for key, value in data.items() if value is not None}


def _sign_page(client, campaign, run_on_commit, **overrides):
    with run_on_commit():
        return client.post(f"/en/campaigns/{campaign.slug}/sign/", _petition_form(**overrides))


def test_the_campaign_page_carries_the_check_but_needs_no_javascript(client):
    campaign = CampaignFactory()
    html = client.get(f"/en/campaigns/{campaign.slug}/").content.decode()
    assert 'name="challenge"' in html
    assert 'class="hm-hp" aria-hidden="true"' in html
    assert "data-challenge-status" in html
    assert "/static/js/challenge.js" in html
    assert "<noscript>" not in html  # signing works without it


def test_a_petition_signed_with_a_solution_is_recorded(client, run_on_commit):
    campaign = CampaignFactory()
    response = _sign_page(client, campaign, run_on_commit, challenge=solved())
    assert response.status_code == 302
    assert Signature.objects.filter(campaign=campaign).count() == 1


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        (wrong, "The check that you are not a robot failed"),
        (lambda: "garbage", "The check that you are not a robot failed"),
        (odd_expiry, "The check that you are not a robot failed"),
    ],
    ids=["wrong", "malformed", "superscript expiry"],
)
def test_a_petition_page_refuses_a_wrong_solution(client, run_on_commit, payload, message):
    campaign = CampaignFactory()
    response = _sign_page(client, campaign, run_on_commit, challenge=payload())
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Signature.objects.exists()


def test_a_petition_page_refuses_an_expired_solution(client, run_on_commit, expired):
    campaign = CampaignFactory()
    response = _sign_page(client, campaign, run_on_commit, challenge=expired)
    assert response.status_code == 400
    assert "has expired" in response.content.decode()
    assert not Signature.objects.exists()


def test_a_petition_page_refuses_a_reused_solution(client, run_on_commit):
    campaign = CampaignFactory()
    payload = solved()
    assert _sign_page(client, campaign, run_on_commit, challenge=payload).status_code == 302
    response = _sign_page(client, campaign, run_on_commit, email="b@example.org", challenge=payload)
    assert response.status_code == 400
    assert "was already used" in response.content.decode()
    assert Signature.objects.count() == 1


def test_without_a_solution_a_petition_takes_few_signatures_per_client(
    client, run_on_commit, settings
):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "petition_sign_unsolved": (2, 3600)}
    campaign = CampaignFactory()
    for n in range(2):
        assert (
            _sign_page(client, campaign, run_on_commit, email=f"s{n}@example.org").status_code
            == 302
        )
    response = _sign_page(client, campaign, run_on_commit, email="s9@example.org")
    assert response.status_code == 429
    assert Signature.objects.count() == 2
    # The stricter limit is for signatures without the check: with it, the client still signs.
    response = _sign_page(
        client, campaign, run_on_commit, email="s3@example.org", challenge=solved()
    )
    assert response.status_code == 302
    assert Signature.objects.count() == 3


def test_the_default_limit_without_a_solution_is_far_stricter():
    unsolved, solved_limit = (
        settings.RATE_LIMITS[k] for k in ("petition_sign_unsolved", "petition_sign")
    )
    assert unsolved == (5, 3600)
    assert unsolved[0] * 5 < solved_limit[0]


def test_a_filled_honeypot_refuses_a_petition_signature(client, run_on_commit):
    campaign = CampaignFactory()
    response = _sign_page(client, campaign, run_on_commit, challenge=solved(), website="x")
    assert response.status_code == 400
    assert "This form could not be accepted" in response.content.decode()
    assert not Signature.objects.exists()


# --- petition API --------------------------------------------------------------------------------


def _sign_api(campaign, **overrides):
    body = {
        "email": "amina@example.org",
        "consent_version": consent_current(ConsentText.Purpose.PETITION).version,
        **overrides,
    }
    body = {key: value for key, value in body.items() if value is not None}
    return APIClient().post(f"/api/v1/campaigns/{campaign.slug}/sign/", body, format="json")


def _error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.content
    error = response.json()["error"]
    assert error["code"] == code
    assert error["message"]
    return error


def test_the_api_accepts_a_solution():
    campaign = CampaignFactory()
    assert _sign_api(campaign, challenge=solved()).status_code == 202
    assert Signature.objects.count() == 1


def test_the_api_refuses_a_wrong_expired_or_reused_solution_with_its_code(monkeypatch):
    campaign = CampaignFactory()
    _error(_sign_api(campaign, challenge=wrong()), 400, "challenge_invalid")
    _error(_sign_api(campaign, challenge="garbage"), 400, "challenge_invalid")
    _error(_sign_api(campaign, challenge=odd_expiry()), 400, "challenge_invalid")
    payload = solved()
    assert _sign_api(campaign, challenge=payload).status_code == 202
    error = _error(
        _sign_api(campaign, email="b@example.org", challenge=payload), 400, "challenge_reused"
    )
    assert "already used" in error["message"]
    late = solved()
    later = time.time() + settings.CHALLENGE_EXPIRY_SECONDS + 1
    monkeypatch.setattr(time, "time", lambda: later)
    _error(_sign_api(campaign, email="c@example.org", challenge=late), 400, "challenge_expired")
    assert Signature.objects.count() == 1


def test_the_api_takes_few_signatures_without_a_solution_then_answers_429(settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "petition_sign_unsolved": (2, 3600)}
    campaign = CampaignFactory()
    for n in range(2):
        assert _sign_api(campaign, email=f"s{n}@example.org").status_code == 202
    error = _error(_sign_api(campaign, email="s9@example.org"), 429, "throttled")
    assert error["retry_after"] == 3600
    assert Signature.objects.count() == 2
    assert _sign_api(campaign, email="s3@example.org", challenge=solved()).status_code == 202


def test_the_api_refuses_a_filled_honeypot():
    campaign = CampaignFactory()
    response = _sign_api(campaign, challenge=solved(), website="https://spam.example")
    error = _error(response, 400, "validation_error")
    assert "could not be accepted" in error["message"]
    assert not Signature.objects.exists()


# --- the challenge endpoint ----------------------------------------------------------------------


def test_anyone_gets_a_fresh_uncached_challenge():
    api = APIClient()
    first, second = api.get(ENDPOINT), api.get(ENDPOINT)
    assert first.status_code == second.status_code == 200
    assert "no-store" in first["Cache-Control"]
    body = first.json()
    assert set(body) == {"algorithm", "challenge", "maxnumber", "salt", "signature"}
    assert body["salt"] != second.json()["salt"]
    # What it gives, solved, is what signing accepts.
    assert kernel.challenge_verify(solution_for(body)).ok


def test_the_challenge_endpoint_is_throttled_like_other_anonymous_calls(monkeypatch):
    from rest_framework.throttling import SimpleRateThrottle

    monkeypatch.setattr(
        SimpleRateThrottle, "THROTTLE_RATES", {"anon": "2/minute", "user": "2/minute"}
    )
    api = APIClient()
    assert [api.get(ENDPOINT).status_code for _ in range(3)] == [200, 200, 429]


def test_the_schema_documents_the_challenge_and_the_fields_that_carry_it(client):
    schema = yaml.safe_load(client.get("/api/schema/").content)
    operation = schema["paths"][ENDPOINT]["get"]
    assert operation["security"] == [{}]  # no authentication needed
    reference = operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    component = schema["components"]["schemas"][reference.rsplit("/", 1)[-1]]
    assert set(component["properties"]) == {
        "algorithm",
        "challenge",
        "maxnumber",
        "salt",
        "signature",
    }
    assert "SHA-256" in operation["responses"]["200"]["description"]
    sign = schema["paths"]["/api/v1/campaigns/{slug}/sign/"]["post"]
    request = sign["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    fields = schema["components"]["schemas"][request.rsplit("/", 1)[-1]]["properties"]
    assert "/api/v1/challenge/" in fields["challenge"]["description"]
    assert "Leave this empty" in fields["website"]["description"]
    assert "challenge_reused" in sign["responses"]["400"]["description"]


def test_the_check_talks_to_no_third_party():
    """The script asks our own server (a relative URL, `connect-src 'self'`) and hashes on the
    device; the page never names another origin."""
    script = (Path(settings.BASE_DIR) / "static" / "js" / "challenge.js").read_text()
    assert not re.search(r"https?://", script)
    assert "crypto.subtle.digest" in script
    assert len(script.encode()) < 5 * 1024  # a few KB of the page-weight budget


def test_the_pages_with_the_check_name_no_other_origin(client):
    campaign = CampaignFactory()
    for path in (SIGNUP, f"/en/campaigns/{campaign.slug}/"):
        html = client.get(path).content.decode()
        loaded = re.findall(r'<(?:script|link|img|iframe)[^>]+(?:src|href)="([^"]+)"', html)
        assert loaded
        assert [url for url in loaded if re.match(r"^(https?:)?//", url)] == []
