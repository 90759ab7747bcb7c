"""Consent records: what text (which version, in which language) a person agreed to, and when:
for the terms at sign-up and for matching; signatures keep their own."""

import pytest

from diaspora import services as diaspora_services
from humena.accounts.models import ConsentRecord, User
from humena.core.models import ConsentText
from tests.challenge import solved
from tests.diaspora.factories import ProfileFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-unusual-passphrase-42"


def _sign_up(client, language: str, **extra):
    return client.post(
        f"/{language}/accounts/signup/",
        {
            "email": "new@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "challenge": solved(),
            **extra,
        },
    )


def test_sign_up_shows_the_terms_and_records_their_acceptance(client):
    page = client.get("/ar/accounts/signup/").content.decode()
    terms = ConsentText.objects.get(purpose="terms", version=1)
    assert terms.text_ar in page
    response = _sign_up(client, "ar", accept_terms="on")
    assert response.status_code == 302
    record = ConsentRecord.objects.get(user=User.objects.get(email="new@example.org"))
    assert (record.consent, record.language, record.withdrawn_at) == (terms, "ar", None)
    assert record.given_at is not None


def test_no_account_without_accepting_the_terms(client):
    response = _sign_up(client, "en")
    assert response.status_code == 200
    assert "This field is required" in response.content.decode()
    assert not User.objects.filter(email="new@example.org").exists()
    assert not ConsentRecord.objects.exists()


def test_a_new_version_of_the_terms_is_the_one_recorded(client):
    ConsentText.objects.create(
        purpose="terms", version=2, text_en="New terms v2", text_ar="شروط ٢", text_fr="v2"
    )
    assert "New terms v2" in client.get("/en/accounts/signup/").content.decode()
    _sign_up(client, "en", accept_terms="on")
    assert ConsentRecord.objects.get().consent.version == 2


def test_consent_to_matching_is_recorded_and_its_withdrawal_too():
    profile = ProfileFactory(consent_to_matching=False, consent_given_at=None)
    visibility = dict(profile.visibility)
    diaspora_services.profile_save_privacy(
        profile=profile, visibility=visibility, consent_to_matching=True
    )
    record = ConsentRecord.objects.get(user=profile.user)
    assert record.consent.purpose == "matching"
    assert record.withdrawn_at is None
    diaspora_services.profile_save_privacy(
        profile=profile, visibility=visibility, consent_to_matching=False
    )
    record.refresh_from_db()
    assert record.withdrawn_at is not None
    # Saving again without a change records nothing new.
    diaspora_services.profile_save_privacy(
        profile=profile, visibility=visibility, consent_to_matching=False
    )
    assert ConsentRecord.objects.count() == 1


def test_the_version_recorded_is_the_one_shown_even_if_a_new_one_came_since(client):
    page = client.get("/en/accounts/signup/").content.decode()
    assert 'name="terms_version" value="1"' in page
    ConsentText.objects.create(
        purpose="terms", version=2, text_en="New terms v2", text_ar="شروط ٢", text_fr="v2"
    )
    _sign_up(client, "en", accept_terms="on", terms_version="1")
    assert ConsentRecord.objects.get().consent.version == 1
