"""The campaigns API (/api/v1/campaigns/..., /api/v1/stakeholders/...): visibility, signing,
letters and pledges, the error shape, and query counts that do not grow."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from rest_framework.test import APIClient

from advocacy.models import Campaign, Letter, Pledge, Signature, Stakeholder
from humena.core.consent import consent_current
from humena.core.models import ConsentText
from humena.notifications.events import Event as Notify
from humena.notifications.models import OutboxEvent
from tests.advocacy.factories import (
    CampaignFactory,
    CampaignTargetFactory,
    CampaignUpdateFactory,
    InteractionFactory,
    LetterActionFactory,
    PledgeActionFactory,
    SignatureFactory,
    StakeholderFactory,
)
from tests.challenge import solved
from tests.engagement.factories import ThemeFactory
from tests.factories import StaffFactory, UserFactory

pytestmark = pytest.mark.django_db

LIST = "/api/v1/campaigns/"
STAKEHOLDERS = "/api/v1/stakeholders/"


def detail(campaign: Campaign, suffix: str = "") -> str:
    return f"{LIST}{campaign.slug}/{suffix}"


@pytest.fixture
def api():
    return APIClient()


def signed_in(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def campaign_staff() -> APIClient:
    """Staff (not superuser) with the admin's campaign permission and a second factor."""
    staff = StaffFactory(is_superuser=False)
    staff.user_permissions.add(Permission.objects.get(codename="change_campaign"))
    return signed_in(staff)


def titles(response) -> set[str]:
    assert response.status_code == 200, response.content
    return {item["title"] for item in response.json()["results"]}


def assert_error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.content
    error = response.json()["error"]
    assert error["code"] == code
    assert isinstance(error["message"], str)
    assert error["message"]
    return error


def consent_version() -> int:
    return consent_current(ConsentText.Purpose.PETITION).version


def signature_body(**overrides) -> dict:
    return {
        "email": "amina@example.org",
        "name": "Amina",
        "show_name": True,
        "country": "TN",
        "keep_informed": False,
        "consent_version": consent_version(),
        "challenge": solved(),
        **overrides,
    }


def confirmation_events() -> list[OutboxEvent]:
    return list(OutboxEvent.objects.filter(name=str(Notify.SIGNATURE_CONFIRMATION_REQUESTED)))


# --- list and retrieve ---------------------------------------------------------------------------


def test_list_shows_published_campaigns_only_live_first(api):
    CampaignFactory(title="Closed", status=Campaign.Status.CLOSED, outcome="won")
    CampaignFactory(title="Live")
    CampaignFactory(title="Paused", status=Campaign.Status.PAUSED)
    CampaignFactory(title="Draft", status=Campaign.Status.DRAFT, launched_at=None)
    CampaignFactory(title="Scheduled", status=Campaign.Status.SCHEDULED, launched_at=None)
    response = api.get(LIST)
    assert [item["title"] for item in response.json()["results"]] == ["Live", "Paused", "Closed"]


def test_list_never_shows_drafts_even_to_campaign_staff():
    CampaignFactory(title="Draft", status=Campaign.Status.DRAFT, launched_at=None)
    assert titles(signed_in(StaffFactory()).get(LIST)) == set()


def test_list_items_carry_the_public_fields_only(api):
    theme = ThemeFactory(slug="civic-space")
    campaign = CampaignFactory(countries=["TN", "EG"], goal=200)
    campaign.themes.set([theme])
    Campaign.objects.filter(pk=campaign.pk).update(signature_count=50)
    item = api.get(LIST).json()["results"][0]
    assert set(item) == {
        "slug", "url", "title", "summary", "description_html", "asks", "themes", "countries",
        "language", "status", "outcome", "goal", "signature_count", "progress_percent",
        "petition_text", "starts_at", "ends_at", "launched_at", "closed_at", "image",
    }  # fmt: skip
    assert item["url"] == f"http://testserver{detail(campaign)}"
    assert item["asks"] == ["Withdraw the draft law", "Consult civil society"]
    assert item["themes"] == ["civic-space"]
    assert sorted(item["countries"]) == ["EG", "TN"]
    assert item["progress_percent"] == 25
    assert item["image"] is None
    assert item["description_html"] == campaign.description_html
    assert item["petition_text"] == campaign.petition_text


def test_list_filters_by_country_matching_whole_codes(api):
    CampaignFactory(title="Tunisia", countries=["TN"])
    CampaignFactory(title="Region", countries=["EG", "LB", "TN"])
    CampaignFactory(title="Egypt first", countries=["EG", "TN"])
    CampaignFactory(title="Lebanon", countries=["LB"])
    CampaignFactory(title="Nowhere", countries=[])
    assert titles(api.get(LIST, {"country": "TN"})) == {"Tunisia", "Region", "Egypt first"}
    assert titles(api.get(LIST, {"country": "tn"})) == {"Tunisia", "Region", "Egypt first"}
    assert titles(api.get(LIST, {"country": "LB"})) == {"Region", "Lebanon"}
    assert titles(api.get(LIST, {"country": "EG"})) == {"Region", "Egypt first"}
    assert titles(api.get(LIST, {"country": "MA"})) == set()


def test_list_filters_by_theme(api):
    water, health = ThemeFactory(slug="water"), ThemeFactory(slug="health")
    CampaignFactory(title="Wells").themes.set([water])
    CampaignFactory(title="Clinics").themes.set([health, water])
    CampaignFactory(title="None")
    assert titles(api.get(LIST, {"theme": "water"})) == {"Wells", "Clinics"}
    assert titles(api.get(LIST, {"theme": "health"})) == {"Clinics"}
    assert titles(api.get(LIST, {"theme": "no-such-theme"})) == set()


def test_list_filters_by_status(api):
    CampaignFactory(title="Live")
    CampaignFactory(title="Paused", status=Campaign.Status.PAUSED)
    CampaignFactory(title="Closed", status=Campaign.Status.CLOSED, outcome="lost")
    assert titles(api.get(LIST)) == {"Live", "Paused", "Closed"}
    assert titles(api.get(LIST, {"status": "live"})) == {"Live"}
    assert titles(api.get(LIST, {"status": "closed"})) == {"Closed"}


@pytest.mark.parametrize("params", [{"status": "draft"}, {"status": "nonsense"}, {"country": "XX"}])
def test_bad_filter_values_answer_400_with_the_error_shape(api, params):
    CampaignFactory()
    error = assert_error(api.get(LIST, params), 400, "validation_error")
    assert set(error["fields"]) == set(params)


def test_retrieve_carries_the_consent_in_the_request_language_and_the_actions(api):
    campaign = CampaignFactory()
    letter = LetterActionFactory(campaign=campaign)
    pledge = PledgeActionFactory(campaign=campaign)
    consent = consent_current(ConsentText.Purpose.PETITION)
    body = api.get(detail(campaign), HTTP_ACCEPT_LANGUAGE="fr").json()
    assert body["consent_version"] == consent.version
    assert body["consent_text"] == consent.text_fr
    assert api.get(detail(campaign)).json()["consent_text"] == consent.text_en
    actions = {action["id"]: action for action in body["actions"]}
    assert actions[letter.pk]["kind"] == "letter"
    assert actions[letter.pk]["target"] == letter.target.stakeholder.name
    assert actions[pledge.pk]["kind"] == "pledge"
    assert actions[pledge.pk]["target"] is None
    assert "mobilisation_message" not in body
    assert "public_email" not in str(body)


def test_a_draft_is_404_except_to_campaign_staff(api):
    draft = CampaignFactory(status=Campaign.Status.DRAFT, launched_at=None)
    assert_error(api.get(detail(draft)), 404, "not_found")
    assert_error(signed_in(UserFactory()).get(detail(draft)), 404, "not_found")
    assert_error(signed_in(StaffFactory(mfa=False)).get(detail(draft)), 404, "not_found")
    assert signed_in(StaffFactory()).get(detail(draft)).json()["status"] == "draft"
    assert campaign_staff().get(detail(draft)).status_code == 200


def test_an_unknown_campaign_is_404(api):
    assert_error(api.get(f"{LIST}no-such-campaign/"), 404, "not_found")


# --- sign ----------------------------------------------------------------------------------------


def test_signing_answers_202_and_records_a_pending_signature_and_an_event(api):
    campaign = CampaignFactory()
    response = api.post(detail(campaign, "sign/"), signature_body(email="Amina@Example.org"))
    assert response.status_code == 202, response.content
    assert response.json() == {"status": "confirmation_sent"}
    signature = Signature.objects.get(campaign=campaign)
    assert signature.email == "amina@example.org"
    assert signature.confirmed_at is None
    assert signature.user is None
    assert signature.show_name is True
    assert signature.country == "TN"
    assert signature.language == "en"
    assert signature.consent.version == consent_version()
    assert [event.payload for event in confirmation_events()] == [{"signature_id": signature.pk}]
    campaign.refresh_from_db()
    assert campaign.signature_count == 0


def test_signing_keeps_the_language_asked_for(api):
    campaign = CampaignFactory()
    api.post(detail(campaign, "sign/"), signature_body(language="ar"))
    assert Signature.objects.get().language == "ar"
    french = signature_body(email="b@example.org")
    api.post(detail(campaign, "sign/"), french, format="json", HTTP_ACCEPT_LANGUAGE="fr")
    assert Signature.objects.get(email="b@example.org").language == "fr"


def test_signing_twice_answers_the_same_and_keeps_one_row(api):
    campaign = CampaignFactory()
    first = api.post(detail(campaign, "sign/"), signature_body())
    second = api.post(detail(campaign, "sign/"), signature_body(name="Someone else"))
    assert (first.status_code, first.json()) == (second.status_code, second.json())
    assert second.status_code == 202
    assert Signature.objects.filter(campaign=campaign).count() == 1
    assert len(confirmation_events()) == 2  # the link is sent again


def test_signing_an_address_that_already_signed_reveals_nothing(api):
    campaign = CampaignFactory()
    signature = SignatureFactory(campaign=campaign, email="amina@example.org")
    response = api.post(detail(campaign, "sign/"), signature_body())
    assert response.status_code == 202
    assert response.json() == {"status": "confirmation_sent"}
    assert Signature.objects.filter(campaign=campaign).count() == 1
    # The address's owner is told by email, not whoever typed it.
    assert [event.payload for event in confirmation_events()] == [
        {"signature_id": signature.pk, "already": True}
    ]


def test_a_member_signing_with_their_own_verified_address_counts_at_once():
    member = UserFactory()
    campaign = CampaignFactory()
    response = signed_in(member).post(
        detail(campaign, "sign/"), signature_body(email=member.email.upper())
    )
    assert response.status_code == 201, response.content
    assert response.json() == {"status": "confirmed"}
    signature = Signature.objects.get(campaign=campaign)
    assert signature.user == member
    assert signature.confirmed_at is not None
    assert confirmation_events() == []
    campaign.refresh_from_db()
    assert campaign.signature_count == 1


def test_a_member_signing_with_another_address_gets_a_confirmation_email():
    member = UserFactory()
    campaign = CampaignFactory()
    response = signed_in(member).post(detail(campaign, "sign/"), signature_body())
    assert response.status_code == 202
    assert Signature.objects.get().confirmed_at is None


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"email": None}, "email"),
        ({"email": "not-an-address"}, "email"),
        ({"consent_version": 999}, "consent_version"),
        ({"consent_version": None}, "consent_version"),
        ({"show_name": True, "name": ""}, "name"),
        ({"country": "XX"}, "country"),
        ({"language": "de"}, "language"),
    ],
)
def test_bad_signatures_answer_400_with_the_field_and_write_nothing(api, changes, field):
    campaign = CampaignFactory()
    body = {key: value for key, value in signature_body(**changes).items() if value is not None}
    response = api.post(detail(campaign, "sign/"), body, format="json")
    error = assert_error(response, 400, "validation_error")
    assert set(error["fields"]) == {field}
    assert not Signature.objects.exists()
    assert not OutboxEvent.objects.exists()


@pytest.mark.parametrize(
    "changes",
    [
        {"status": Campaign.Status.PAUSED},
        {"status": Campaign.Status.CLOSED, "outcome": "won"},
        {"petition_text": ""},
    ],
)
def test_signing_a_petition_that_is_not_open_answers_400_with_a_message(api, changes):
    campaign = CampaignFactory(**changes)
    response = api.post(detail(campaign, "sign/"), signature_body())
    error = assert_error(response, 400, "validation_error")
    assert "not open" in error["message"]
    assert "fields" not in error
    assert not Signature.objects.exists()


def test_signing_a_draft_is_404(api):
    draft = CampaignFactory(status=Campaign.Status.DRAFT, launched_at=None)
    assert_error(api.post(detail(draft, "sign/"), signature_body()), 404, "not_found")
    assert not Signature.objects.exists()


def test_too_many_signatures_from_one_client_answer_429(api, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "petition_sign": (2, 3600)}
    campaign = CampaignFactory()
    for n in range(2):
        response = api.post(detail(campaign, "sign/"), signature_body(email=f"s{n}@example.org"))
        assert response.status_code == 202
    response = api.post(detail(campaign, "sign/"), signature_body(email="s3@example.org"))
    error = assert_error(response, 429, "throttled")
    assert error["retry_after"] == 3600
    assert Signature.objects.count() == 2


def test_the_signing_limit_is_per_client_address(settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "petition_sign": (1, 3600)}
    campaign = CampaignFactory()
    here, there = APIClient(REMOTE_ADDR="192.0.2.1"), APIClient(REMOTE_ADDR="198.51.100.7")
    assert here.post(detail(campaign, "sign/"), signature_body()).status_code == 202
    assert (
        there.post(detail(campaign, "sign/"), signature_body(email="b@example.org")).status_code
        == 202
    )
    assert (
        here.post(detail(campaign, "sign/"), signature_body(email="c@example.org")).status_code
        == 429
    )


# --- targets -------------------------------------------------------------------------------------


PRIVATE_STAKEHOLDER_TEXT = [
    "private_notes",
    "private_contacts",
    "public_email",
    StakeholderFactory.private_notes,
    StakeholderFactory.private_contacts,
    "@ministry.example",  # the factory's public_email: where letters go, not shown
    "Off the record",
]


def test_targets_show_public_fields_and_public_interactions_only():
    campaign = CampaignFactory()
    target = CampaignTargetFactory(
        campaign=campaign,
        stakeholder=StakeholderFactory(name="Ministry of Interior", public_website="https://m.tn"),
        position="committed",
    )
    day = datetime.timedelta(days=1)
    older = InteractionFactory(target=target, summary="A public letter.", kind="letter")
    newer = InteractionFactory(
        target=target,
        summary="The minister promised a consultation.",
        kind="commitment",
        position="committed",
        happened_on=older.happened_on + day,
    )
    InteractionFactory(
        target=target, summary="Off the record: a secret.", public=False,
        happened_on=newer.happened_on + day,
    )  # fmt: skip
    for client in (APIClient(), signed_in(UserFactory()), signed_in(StaffFactory())):
        response = client.get(detail(campaign, "targets/"))
        assert response.status_code == 200, response.content
        text = response.content.decode()
        for private in PRIVATE_STAKEHOLDER_TEXT:
            assert private not in text
        [item] = response.json()
        assert item["stakeholder"] == {
            "name": "Ministry of Interior",
            "kind": "ministry",
            "country": "TN",
            "public_website": "https://m.tn",
        }
        assert item["ask"] == target.ask
        assert item["position"] == "committed"
        assert item["latest_interaction"]["summary"] == newer.summary
        assert [i["summary"] for i in item["interactions"]] == [newer.summary, older.summary]
        assert item["interactions"][0] == {
            "date": newer.happened_on.isoformat(),
            "kind": "commitment",
            "summary": newer.summary,
            "evidence_url": "https://example.org/minutes",
            "position": "committed",
        }


def test_targets_of_a_draft_are_404(api):
    draft = CampaignFactory(status=Campaign.Status.DRAFT, launched_at=None)
    CampaignTargetFactory(campaign=draft)
    assert_error(api.get(detail(draft, "targets/")), 404, "not_found")


# --- updates -------------------------------------------------------------------------------------


def test_updates_are_paginated_newest_first(api):
    campaign = CampaignFactory()
    for n in range(25):
        CampaignUpdateFactory(campaign=campaign, title=f"News {n:02}")
    CampaignUpdateFactory(title="Another campaign's news")
    body = api.get(detail(campaign, "updates/")).json()
    assert body["count"] == 25
    assert len(body["results"]) == 20
    assert body["results"][0]["title"] == "News 24"
    assert set(body["results"][0]) == {"id", "title", "body_html", "created_at"}
    assert len(api.get(detail(campaign, "updates/"), {"page": 2}).json()["results"]) == 5


# --- signatures (campaign staff) -----------------------------------------------------------------


@pytest.mark.parametrize(
    "client_for",
    [
        APIClient,
        lambda: signed_in(UserFactory()),
        lambda: signed_in(StaffFactory(mfa=False)),
        lambda: signed_in(StaffFactory(is_superuser=False)),  # staff without the permission
    ],
    ids=["anonymous", "member", "staff-without-mfa", "staff-without-permission"],
)
def test_signatures_and_stakeholders_are_404_to_all_but_campaign_staff(client_for):
    campaign = CampaignFactory()
    SignatureFactory(campaign=campaign)
    stakeholder = StakeholderFactory()
    client = client_for()
    assert_error(client.get(detail(campaign, "signatures/")), 404, "not_found")
    assert_error(client.get(STAKEHOLDERS), 404, "not_found")
    assert_error(client.get(f"{STAKEHOLDERS}{stakeholder.pk}/"), 404, "not_found")
    assert_error(client.get(f"{STAKEHOLDERS}999999/"), 404, "not_found")


def test_signatures_show_the_email_only_of_signers_who_asked_for_news():
    campaign = CampaignFactory()
    informed = SignatureFactory(campaign=campaign, keep_informed=True, email="news@example.org")
    quiet = SignatureFactory(
        campaign=campaign,
        keep_informed=False,
        email="quiet@example.org",
        name="Hidden Person",
        show_name=False,
    )
    SignatureFactory(campaign=campaign, confirmed_at=None, email="pending@example.org")
    SignatureFactory(email="elsewhere@example.org")
    for client in (signed_in(StaffFactory()), campaign_staff()):
        response = client.get(detail(campaign, "signatures/"))
        assert response.status_code == 200, response.content
        rows = {row["id"]: row for row in response.json()["results"]}
        assert set(rows) == {informed.pk, quiet.pk}
        assert rows[informed.pk]["email"] == "news@example.org"
        assert rows[quiet.pk]["email"] is None
        assert "quiet@example.org" not in response.content.decode()
        assert rows[quiet.pk]["name"] == ""  # named only if the signer chose so
        assert "Hidden Person" not in response.content.decode()
        assert rows[informed.pk]["name"] == informed.name
        assert set(rows[quiet.pk]) == {
            "id", "name", "show_name", "country", "confirmed_at", "keep_informed", "email",
        }  # fmt: skip


# --- stakeholders (campaign staff) ---------------------------------------------------------------


def test_stakeholders_show_everything_to_campaign_staff():
    ministry = StakeholderFactory(name="Ministry")
    embassy = StakeholderFactory(name="Embassy", kind=Stakeholder.Kind.EMBASSY, country="DE")
    ministry.related.add(embassy)
    for client in (signed_in(StaffFactory()), campaign_staff()):
        body = client.get(STAKEHOLDERS).json()
        assert body["count"] == 2
        one = client.get(f"{STAKEHOLDERS}{ministry.pk}/").json()
        assert one["private_notes"] == ministry.private_notes
        assert one["private_contacts"] == ministry.private_contacts
        assert one["public_email"] == ministry.public_email
        assert one["related"] == [embassy.pk]
        assert one["kind"] == "ministry"


def test_stakeholders_filter_by_kind_and_country():
    StakeholderFactory(name="Ministry TN")
    StakeholderFactory(name="Ministry EG", country="EG")
    StakeholderFactory(name="Embassy DE", kind=Stakeholder.Kind.EMBASSY, country="DE")
    client = signed_in(StaffFactory())

    def names(params):
        response = client.get(STAKEHOLDERS, params)
        assert response.status_code == 200, response.content
        return {item["name"] for item in response.json()["results"]}

    assert names({"kind": "ministry"}) == {"Ministry TN", "Ministry EG"}
    assert names({"country": "eg"}) == {"Ministry EG"}
    assert names({"kind": "embassy", "country": "DE"}) == {"Embassy DE"}
    assert names({"kind": "ministry", "country": "DE"}) == set()
    error = assert_error(client.get(STAKEHOLDERS, {"kind": "wizard"}), 400, "validation_error")
    assert set(error["fields"]) == {"kind"}


# --- letters and pledges -------------------------------------------------------------------------

LETTER = {
    "subject": "Withdraw the draft law",
    "body": "Dear Minister,\n\nPlease withdraw the draft law on associations.",
    "signed_as": "Amina, Sfax",
}


def test_a_member_sends_a_letter_queued_with_an_event():
    member = UserFactory()
    action = LetterActionFactory()
    response = signed_in(member).post(
        detail(action.campaign, "letters/"), {"action": action.pk, **LETTER}, format="json"
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "queued"
    assert body["copy_text"] is None
    assert body["target_name"] == action.target.stakeholder.name
    assert "@ministry.example" not in response.content.decode()
    letter = Letter.objects.get()
    assert (letter.sender, letter.signed_as, letter.reply_to_me) == (member, "Amina, Sfax", False)
    event = OutboxEvent.objects.get(name=str(Notify.LETTER_WRITTEN))
    assert event.payload == {"letter_id": letter.pk}


def test_a_letter_to_a_target_without_an_address_comes_back_ready_to_copy():
    member = UserFactory(display_name="Amina")
    campaign = CampaignFactory()
    target = CampaignTargetFactory(
        campaign=campaign, stakeholder=StakeholderFactory(name="Governor", public_email="")
    )
    action = LetterActionFactory(campaign=campaign, target=target)
    response = signed_in(member).post(
        detail(campaign, "letters/"),
        {"action": action.pk, "subject": LETTER["subject"], "body": LETTER["body"]},
        format="json",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "copy"
    assert body["target_name"] == "Governor"
    assert body["copy_text"] == f"{LETTER['subject']}\n\n{LETTER['body']}\n\nAmina"
    assert not OutboxEvent.objects.filter(name=str(Notify.LETTER_WRITTEN)).exists()


def test_anonymous_visitors_cannot_write_or_pledge(api):
    letter = LetterActionFactory()
    pledge = PledgeActionFactory(campaign=letter.campaign)
    response = api.post(detail(letter.campaign, "letters/"), {"action": letter.pk, **LETTER})
    assert_error(response, 401, "not_authenticated")
    response = api.post(detail(letter.campaign, "pledges/"), {"action": pledge.pk})
    assert_error(response, 401, "not_authenticated")
    assert not Letter.objects.exists()
    assert not Pledge.objects.exists()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"body": "Too short"}, "body"),
        ({"subject": ""}, "subject"),
        ({"action": 999999}, "action"),
        ({"action": "pledge"}, "action"),
    ],
)
def test_bad_letters_answer_400_with_the_field(changes, field):
    action = LetterActionFactory()
    pledge = PledgeActionFactory(campaign=action.campaign)
    body = {"action": action.pk, **LETTER, **changes}
    if body["action"] == "pledge":
        body["action"] = pledge.pk  # a pledge is not a letter
    response = signed_in(UserFactory()).post(
        detail(action.campaign, "letters/"), body, format="json"
    )
    error = assert_error(response, 400, "validation_error")
    assert set(error["fields"]) == {field}
    assert not Letter.objects.exists()


def test_a_letter_action_of_another_campaign_is_refused():
    action = LetterActionFactory()
    other = CampaignFactory()
    response = signed_in(UserFactory()).post(
        detail(other, "letters/"), {"action": action.pk, **LETTER}, format="json"
    )
    assert_error(response, 400, "validation_error")


def test_writing_on_a_paused_campaign_answers_400():
    action = LetterActionFactory(campaign=CampaignFactory(status=Campaign.Status.PAUSED))
    response = signed_in(UserFactory()).post(
        detail(action.campaign, "letters/"), {"action": action.pk, **LETTER}, format="json"
    )
    assert_error(response, 400, "validation_error")
    assert not Letter.objects.exists()


def test_pledging_is_idempotent():
    member = UserFactory()
    action = PledgeActionFactory()
    client = signed_in(member)
    first = client.post(detail(action.campaign, "pledges/"), {"action": action.pk})
    second = client.post(detail(action.campaign, "pledges/"), {"action": action.pk})
    assert first.status_code == second.status_code == 201
    assert first.json()["id"] == second.json()["id"]
    assert first.json()["action"] == action.pk
    assert first.json()["followup_due_at"]
    assert Pledge.objects.filter(action=action, user=member).count() == 1


def test_pledging_on_a_draft_is_404():
    action = PledgeActionFactory(
        campaign=CampaignFactory(status=Campaign.Status.DRAFT, launched_at=None)
    )
    response = signed_in(UserFactory()).post(
        detail(action.campaign, "pledges/"), {"action": action.pk}
    )
    assert_error(response, 404, "not_found")


# --- query counts --------------------------------------------------------------------------------


@pytest.mark.parametrize("count", [3, 30])
def test_list_query_count_does_not_grow(api, django_assert_num_queries, count):
    themes = [ThemeFactory(), ThemeFactory()]
    for _ in range(count):
        CampaignFactory(themes=themes)
    # 1 count for the paginator + 1 page of campaigns + 1 prefetch of their themes.
    with django_assert_num_queries(3):
        response = api.get(LIST, {"country": "TN", "page_size": 100})
    assert response.status_code == 200
    assert response.json()["count"] == count
    assert all(len(item["themes"]) == 2 for item in response.json()["results"])


@pytest.mark.parametrize("count", [3, 30])
def test_targets_query_count_does_not_grow(api, django_assert_num_queries, count):
    campaign = CampaignFactory()
    for _ in range(count):
        target = CampaignTargetFactory(campaign=campaign)
        InteractionFactory(target=target)
        InteractionFactory(target=target, public=False)
    # 1 campaign + 1 targets with their stakeholders + 1 prefetch of the public interactions.
    with django_assert_num_queries(3):
        response = api.get(detail(campaign, "targets/"))
    assert response.status_code == 200
    assert len(response.json()) == count
    assert all(len(item["interactions"]) == 1 for item in response.json())


@pytest.mark.parametrize("count", [3, 30])
def test_updates_query_count_does_not_grow(api, django_assert_num_queries, count):
    campaign = CampaignFactory()
    CampaignUpdateFactory.create_batch(count, campaign=campaign)
    # 1 campaign + 1 count + 1 page.
    with django_assert_num_queries(3):
        response = api.get(detail(campaign, "updates/"), {"page_size": 100})
    assert response.json()["count"] == count


@pytest.mark.parametrize("count", [3, 30])
def test_signatures_query_count_does_not_grow(django_assert_num_queries, count):
    campaign = CampaignFactory()
    SignatureFactory.create_batch(count, campaign=campaign)
    client = campaign_staff()
    # 1 campaign + 2 the staff member's permissions (their own and their groups') + 1 count
    # + 1 page.
    with django_assert_num_queries(5):
        response = client.get(detail(campaign, "signatures/"), {"page_size": 100})
    assert response.json()["count"] == count


@pytest.mark.parametrize("count", [3, 30])
def test_stakeholders_query_count_does_not_grow(django_assert_num_queries, count):
    others = StakeholderFactory.create_batch(2)
    for _ in range(count):
        StakeholderFactory(related=others)
    client = campaign_staff()
    # 2 the staff member's permissions (their own and their groups') + 1 count + 1 page
    # + 1 prefetch of the related ones.
    with django_assert_num_queries(5):
        response = client.get(STAKEHOLDERS, {"page_size": 100})
    assert response.json()["count"] == count + 2
