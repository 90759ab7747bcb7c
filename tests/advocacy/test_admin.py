"""Campaign officers in the admin: create a campaign with targets, actions and news; send a test
to themselves; launch; watch the progress; close with an outcome; the dashboard and the exports;
the change history; constant query counts on the changelists."""

import csv
import io

import pytest
from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from advocacy.models import Campaign, CampaignTarget, Interaction, Mobilisation, Position
from humena.audit.models import AuditEntry
from tests.advocacy.factories import (
    CampaignFactory,
    CampaignTargetFactory,
    InteractionFactory,
    SignatureFactory,
    StakeholderFactory,
)
from tests.diaspora.factories import NetworkFactory, add_network_member
from tests.factories import PASSWORD, StaffFactory, UserFactory, give_totp, totp_code

pytestmark = pytest.mark.django_db

ADMIN = "/en/admin/"
CAMPAIGNS = f"{ADMIN}advocacy/campaign/"


@pytest.fixture
def officer(client):
    """A campaign officer whose session passed the second factor."""
    user = StaffFactory(email="officer@example.org", display_name="Officer Ibis")
    secret = give_totp(user)
    client.post("/en/accounts/login/", {"login": user.email, "password": PASSWORD})
    client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})
    client.post(reverse("mfa_trust"), {"action": "no"})
    assert client.get(ADMIN).status_code == 200
    return user


def _inlines(**rows) -> dict:
    data = {}
    for prefix in ("targets", "actions", "updates"):
        forms = rows.get(prefix, [])
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": str(len(forms)),
                f"{prefix}-INITIAL_FORMS": "0",
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
        for index, form in enumerate(forms):
            data.update({f"{prefix}-{index}-{key}": value for key, value in form.items()})
    return data


def _campaign_form(**changes) -> dict:
    data = {
        "title": "Protect civic space",
        "slug": "protect-civic-space",
        "summary": "Withdraw the draft law on associations.",
        "description": "The draft law **restricts** associations.",
        "asks": "Withdraw the draft law\nConsult civil society",
        "countries": ["TN"],
        "language": "en",
        "petition_text": "We ask parliament to withdraw the draft law.",
        "goal": "5000",
        "mobilisation_message": "Sign before the vote on Friday.",
        "outcome_note": "",
    }
    data.update(changes)
    return data


def _act(client, action: str, campaign: Campaign, **extra):
    return client.post(
        CAMPAIGNS,
        {"action": action, "_selected_action": [campaign.pk], **extra},
    )


def test_the_whole_staff_flow(client, officer, run_on_commit):
    network = NetworkFactory()
    supporters = [add_network_member(network) for _ in range(3)]
    ministry = StakeholderFactory(name="Ministry of Interior")
    parliament = StakeholderFactory(name="Parliament committee", public_email="")

    # Create, with two targets and news, in one form.
    response = client.post(
        f"{CAMPAIGNS}add/",
        {
            **_campaign_form(audience_networks=[network.pk]),
            **_inlines(
                targets=[
                    {"stakeholder": ministry.pk, "ask": "Withdraw the draft", "order": "0"},
                    {"stakeholder": parliament.pk, "ask": "Vote it down", "order": "1"},
                ],
                updates=[{"title": "We start", "body": "Join us."}],
            ),
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    campaign = Campaign.objects.get(slug="protect-civic-space")
    assert campaign.status == Campaign.Status.DRAFT
    assert "<strong>restricts</strong>" in campaign.description_html
    assert campaign.targets.count() == 2
    assert campaign.updates.get().body_html.strip() == "<p>Join us.</p>"
    assert LogEntry.objects.filter(object_id=str(campaign.pk), action_flag=ADDITION).exists()

    # The change page shows the audience size and the buttons; the preview works for staff.
    change = client.get(f"{CAMPAIGNS}{campaign.pk}/change/").content.decode()
    assert "4 people" in change  # the coordinator and three members
    assert "Send a test mobilisation to me" in change
    assert client.get(f"/en/campaigns/{campaign.slug}/").status_code == 200

    # A test to oneself.
    with run_on_commit():
        client.post(reverse("admin:advocacy_campaign_do", args=[campaign.pk, "test"]))
    assert [m.to for m in mail.outbox] == [["officer@example.org"]]
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.DRAFT

    # Launch from the changelist's action.
    with run_on_commit():
        response = _act(client, "launch", campaign)
    assert response.status_code == 302
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.LIVE
    launched = Mobilisation.objects.get(campaign=campaign, is_test=False)
    assert launched.audience_size == 4
    emailed = sorted(m.to[0] for m in mail.outbox[1:])
    assert emailed == sorted([network.coordinator_user.email, *(u.email for u in supporters)])

    # Progress, on the change page and as the fragment the page refreshes.
    progress = client.get(reverse("admin:advocacy_campaign_progress", args=[campaign.pk]))
    assert progress.status_code == 200
    row = next(r for mobilisation, r in progress.context["rows"] if mobilisation == launched)
    assert (row.audience, row.queued, row.sent, row.failed) == (4, 0, 4, 0)

    # Pause, then close with an outcome through the intermediate page.
    _act(client, "pause", campaign)
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.PAUSED
    asked = _act(client, "close", campaign)
    assert asked.status_code == 200
    assert "Close the campaigns" in asked.content.decode()
    _act(client, "close", campaign, apply="1", outcome="partly_won", note="Article 12 dropped.")
    campaign.refresh_from_db()
    assert (campaign.status, campaign.outcome) == (Campaign.Status.CLOSED, "partly_won")
    assert campaign.outcome_note == "Article 12 dropped."

    # Every step is in the change history and the audit log.
    history = list(
        LogEntry.objects.filter(object_id=str(campaign.pk), action_flag=CHANGE).values_list(
            "change_message", flat=True
        )
    )
    assert history == ["Closed", "Paused", "Launched", "Test sent to you"]
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"campaign.launch", "campaign.close", "campaign.test_mobilisation"} <= actions


def test_launching_a_closed_campaign_is_refused_with_a_message(client, officer):
    campaign = CampaignFactory(status=Campaign.Status.CLOSED, outcome="lost")
    response = _act(client, "launch", campaign)
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("Only a draft or scheduled campaign can be launched" in m for m in messages)
    assert not Mobilisation.objects.exists()


def test_a_close_without_an_outcome_asks_again(client, officer):
    campaign = CampaignFactory()
    response = _act(client, "close", campaign, apply="1", outcome="")
    assert response.status_code == 200
    assert "This field is required" in response.content.decode()
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.LIVE


def test_the_dashboard_shows_signatures_by_day_and_country_and_the_positions_board(client, officer):
    campaign = CampaignFactory()
    for country in ("TN", "TN", "FR"):
        SignatureFactory(campaign=campaign, country=country)
    CampaignTargetFactory(
        campaign=campaign, stakeholder=StakeholderFactory(name="Ally"), position="supportive"
    )
    response = client.get(reverse("admin:advocacy_campaign_dashboard", args=[campaign.pk]))
    assert response.status_code == 200
    dashboard = response.context["dashboard"]
    assert dashboard["series"][-1][1] == 3
    assert [(row["country"], row["n"]) for row in dashboard["by_country"]] == [("TN", 2), ("FR", 1)]
    assert "<svg" in response.content.decode()
    assert "Ally" in response.content.decode()


def test_recording_interactions_on_a_target_keeps_its_position(client, officer):
    target = CampaignTargetFactory()
    url = reverse("admin:advocacy_campaigntarget_change", args=[target.pk])
    response = client.post(
        url,
        {
            "campaign": target.campaign_id,
            "stakeholder": target.stakeholder_id,
            "ask": target.ask,
            "order": "0",
            "interactions-TOTAL_FORMS": "1",
            "interactions-INITIAL_FORMS": "0",
            "interactions-MIN_NUM_FORMS": "0",
            "interactions-MAX_NUM_FORMS": "1000",
            "interactions-0-happened_on": "2026-11-20",
            "interactions-0-kind": "commitment",
            "interactions-0-position": "committed",
            "interactions-0-public": "on",
            "interactions-0-summary": "Promised a vote against",
            "interactions-0-evidence_url": "https://example.org/promise",
        },
    )
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.position == Position.COMMITTED
    assert Interaction.objects.get().recorded_by == officer


def _csv(response) -> list[list[str]]:
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_the_signature_export_holds_only_what_signers_consented_to(client, officer):
    campaign = CampaignFactory()
    SignatureFactory(
        campaign=campaign, name="Named", show_name=True, keep_informed=True, email="n@example.org"
    )
    SignatureFactory(
        campaign=campaign, name="Hidden", show_name=False, keep_informed=False, email="h@ex.org"
    )
    rows = _csv(
        client.post(
            f"{ADMIN}advocacy/signature/",
            {
                "action": "export_as_csv",
                "_selected_action": list(campaign.signatures.values_list("pk", flat=True)),
            },
        )
    )
    flat = "\n".join(",".join(row) for row in rows)
    assert "Named" in flat
    assert "n@example.org" in flat
    assert "Hidden" not in flat
    assert "h@ex.org" not in flat
    assert len(rows) == 3


def test_the_interaction_export(client, officer):
    interaction = InteractionFactory(summary="=HYPERLINK(evil)")
    rows = _csv(
        client.post(
            f"{ADMIN}advocacy/interaction/",
            {"action": "export_as_csv", "_selected_action": [interaction.pk]},
        )
    )
    assert rows[1][0] == interaction.target.campaign.title
    assert rows[1][4] == "'=HYPERLINK(evil)"  # spreadsheet formulas neutralised


def test_stakeholder_export_leaves_private_notes_out(client, officer):
    stakeholder = StakeholderFactory()
    rows = _csv(
        client.post(
            f"{ADMIN}advocacy/stakeholder/",
            {"action": "export_as_csv", "_selected_action": [stakeholder.pk]},
        )
    )
    assert stakeholder.private_notes not in str(rows)
    assert stakeholder.private_contacts not in str(rows)


def test_members_and_staff_without_the_second_factor_cannot_open_the_admin(client):
    client.force_login(UserFactory())
    assert client.get(CAMPAIGNS).status_code == 302
    client.force_login(StaffFactory())
    assert client.get(CAMPAIGNS).status_code == 302


@pytest.mark.parametrize("count", [3, 30])
def test_campaign_changelist_query_count_does_not_grow(
    client, officer, django_assert_num_queries, count
):
    for _ in range(count):
        CampaignFactory()
    # session, user, the admin's MFA check (asked 3 times per admin page), the themes filter,
    # count, total count, page, and the date hierarchy (2).
    with django_assert_num_queries(11):
        response = client.get(CAMPAIGNS)
    assert response.context["cl"].result_count == count


@pytest.mark.parametrize("count", [3, 30])
def test_target_changelist_query_count_does_not_grow(
    client, officer, django_assert_num_queries, count
):
    campaign = CampaignFactory()
    for _ in range(count):
        CampaignTargetFactory(campaign=campaign)
    with django_assert_num_queries(9):
        response = client.get(f"{ADMIN}advocacy/campaigntarget/")
    assert response.context["cl"].result_count == count
    assert CampaignTarget.objects.count() == count


@pytest.mark.parametrize("count", [3, 30])
def test_signature_changelist_query_count_does_not_grow(
    client, officer, django_assert_num_queries, count
):
    campaign = CampaignFactory()
    for _ in range(count):
        SignatureFactory(campaign=campaign)
    with django_assert_num_queries(11):
        response = client.get(f"{ADMIN}advocacy/signature/")
    assert response.context["cl"].result_count == count


def test_a_campaign_image_is_stored_without_its_metadata(client, officer, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    from tests.core.test_images import jpeg_with_gps

    settings.MEDIA_ROOT = tmp_path
    photo = SimpleUploadedFile("rally.jpg", jpeg_with_gps((800, 600)), content_type="image/jpeg")
    response = client.post(f"{CAMPAIGNS}add/", {**_campaign_form(), **_inlines(), "image": photo})
    assert response.status_code == 302
    campaign = Campaign.objects.get()
    with Image.open(campaign.image.path) as stored:
        assert not stored.getexif()
    assert b"PhoneMaker" not in campaign.image.read()


def test_a_file_that_is_not_an_image_is_refused_next_to_the_field(client, officer, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("rally.jpg", b"<script>alert(1)</script>", content_type="image/jpeg")
    response = client.post(f"{CAMPAIGNS}add/", {**_campaign_form(), **_inlines(), "image": fake})
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["image"]
    assert not Campaign.objects.exists()


def test_a_too_large_image_is_refused_next_to_the_field(client, officer, monkeypatch):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.core.test_images import jpeg_with_gps

    monkeypatch.setattr("humena.core.images.MAX_UPLOAD_BYTES", 1000)
    photo = SimpleUploadedFile("big.jpg", jpeg_with_gps((800, 600)), content_type="image/jpeg")
    response = client.post(f"{CAMPAIGNS}add/", {**_campaign_form(), **_inlines(), "image": photo})
    assert response.status_code == 200
    assert "too large" in str(response.context["adminform"].form.errors["image"])
    assert not Campaign.objects.exists()


def test_the_audience_languages_are_kept_across_edits(client, officer):
    campaign = CampaignFactory(audience_languages=["ar", "ku"])
    page = client.get(f"{CAMPAIGNS}{campaign.pk}/change/")
    assert page.context["adminform"].form.initial["audience_languages"] == ["ar", "ku"]
    data = {
        **_campaign_form(slug=campaign.slug, audience_languages=["fr"]),
        **_inlines(),
    }
    assert client.post(f"{CAMPAIGNS}{campaign.pk}/change/", data).status_code == 302
    campaign.refresh_from_db()
    assert campaign.audience_languages == ["fr"]


def test_signatures_are_removed_through_the_service_never_deleted_raw(client, officer):
    campaign = CampaignFactory(signature_count=2)
    first, second = SignatureFactory(campaign=campaign), SignatureFactory(campaign=campaign)
    listing = client.get(f"{ADMIN}advocacy/signature/")
    assert "delete_selected" not in listing.content.decode()
    assert client.get(f"{ADMIN}advocacy/signature/{first.pk}/delete/").status_code == 403
    client.post(
        f"{ADMIN}advocacy/signature/",
        {"action": "remove_on_request", "_selected_action": [first.pk]},
    )
    campaign.refresh_from_db()
    assert campaign.signature_count == 1
    assert list(campaign.signatures.values_list("pk", flat=True)) == [second.pk]
    assert AuditEntry.objects.filter(action="signature.remove").count() == 1


def test_a_target_that_letters_go_to_cannot_be_deleted_on_its_own(client, officer):
    from tests.advocacy.factories import LetterActionFactory

    action = LetterActionFactory()
    url = reverse("admin:advocacy_campaigntarget_delete", args=[action.target_id])
    page = client.get(url)
    assert page.status_code == 200
    assert "would require deleting" in page.content.decode() or "Cannot delete" in (
        page.content.decode()
    )
    client.post(url, {"post": "yes"})
    assert CampaignTarget.objects.filter(pk=action.target_id).exists()
    # The whole campaign can still go, with its targets and actions.
    client.post(
        reverse("admin:advocacy_campaign_delete", args=[action.campaign_id]), {"post": "yes"}
    )
    assert not Campaign.objects.exists()


def test_private_campaign_data_needs_the_campaign_permission_not_just_a_view_one(client):
    from django.contrib.auth.models import Permission

    viewer = StaffFactory(is_superuser=False)
    viewer.user_permissions.set(
        Permission.objects.filter(
            codename__in=["view_stakeholder", "view_signature", "view_campaign"]
        )
    )
    from tests.factories import login_with_mfa

    login_with_mfa(client, viewer)
    stakeholder = StakeholderFactory()
    assert client.get(f"{ADMIN}advocacy/stakeholder/").status_code == 403
    assert client.get(f"{ADMIN}advocacy/stakeholder/{stakeholder.pk}/change/").status_code == 403
    assert client.get(f"{ADMIN}advocacy/signature/").status_code == 403
    assert client.get(CAMPAIGNS).status_code == 200  # the campaigns themselves, read-only


@pytest.mark.parametrize("count", [2, 6])
def test_target_rows_load_their_stakeholders_in_one_query(client, officer, count):
    stakeholders = StakeholderFactory.create_batch(count)
    targets = [
        {"stakeholder": s.pk, "ask": "Withdraw the draft", "order": str(n)}
        for n, s in enumerate(stakeholders)
    ]
    data = {**_campaign_form(), **_inlines(targets=targets)}
    with CaptureQueriesContext(connection) as queries:
        response = client.post(f"{CAMPAIGNS}add/", data)
    assert response.status_code == 302
    # Loaded once for every row (Django's model validation still checks that each exists).
    loads = [q for q in queries.captured_queries if 'SELECT "advocacy_stakeholder"' in q["sql"]]
    assert len(loads) == 1
    assert Campaign.objects.get().targets.count() == count


def test_a_target_row_without_a_real_stakeholder_is_an_error_on_that_row(client, officer):
    ministry = StakeholderFactory()
    targets = [
        {"stakeholder": ministry.pk, "ask": "Withdraw the draft", "order": "0"},
        {"stakeholder": "999999", "ask": "Vote it down", "order": "1"},
    ]
    response = client.post(f"{CAMPAIGNS}add/", {**_campaign_form(), **_inlines(targets=targets)})
    assert response.status_code == 200
    formset = next(
        inline.formset
        for inline in response.context["inline_admin_formsets"]
        if inline.formset.prefix == "targets"
    )
    assert [bool(form.errors.get("stakeholder")) for form in formset.forms] == [False, True]
    assert not Campaign.objects.exists()


def test_odd_campaign_addresses_in_the_admin_never_fail(client, officer):
    for bad in ("%C2%B2", "99999999999999999999999"):
        assert client.get(f"{CAMPAIGNS}{bad}/change/").status_code in (302, 404)
