"""GDPR rights: a complete copy of one's data (single-use, 24 hours, after re-authentication),
and the deletion of one's account, after which no table holds the person's email or names.
Also staff freezing an account at risk."""

import datetime
import io
import json
import time
import zipfile

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import connection, models
from django.utils import timezone

from advocacy.models import Campaign, Signature
from diaspora.models import DiasporaProfile, NetworkMembership
from engagement.models import Initiative, Membership, Update
from humena.accounts import gdpr
from humena.accounts.models import DataExport
from humena.accounts.personal_data import covered_models
from humena.audit.models import AuditEntry
from humena.notifications.models import Category, Channel, Frequency, Preference
from tests.advocacy.factories import (
    CampaignFactory,
    LetterActionFactory,
    PledgeActionFactory,
    SignatureFactory,
)
from tests.conftest import repeated_lookup
from tests.diaspora.factories import NetworkFactory, ProfileFactory, add_network_member, give_skill
from tests.engagement.factories import EventFactory, InitiativeFactory, UpdateFactory, add_member
from tests.factories import PASSWORD, StaffFactory, UserFactory, login_with_mfa

pytestmark = pytest.mark.django_db
User = get_user_model()


def test_every_model_that_points_to_a_person_is_exported_and_erased():
    """Add a model with a user foreign key and forget to register it: this test fails."""
    missing = []
    for model in apps.get_models():
        if model is User:
            continue
        for field in model._meta.get_fields():
            points_to_user = (
                getattr(field, "related_model", None) is User
                and not field.auto_created
                and (field.many_to_one or field.one_to_one or field.many_to_many)
            )
            if points_to_user and model not in covered_models():
                missing.append(f"{model._meta.label}.{field.name}")
    assert missing == []


def _recently_authenticated(client, user) -> None:
    """Confirmed the password just now (the re-authentication GDPR actions ask for)."""
    client.force_login(user)
    session = client.session
    session["account_authentication_methods"] = [
        {"method": "password", "at": time.time(), "reauthenticated": True}
    ]
    session["account_authentication_methods_user"] = str(user.pk)
    session.save()


@pytest.fixture
def person():
    """A member with data in every level and in the kernel."""
    user = UserFactory(email="rania@example.org", display_name="Blue Heron", real_name="Rania K.")
    initiative = InitiativeFactory(title="Coast watch")
    add_member(initiative, user)
    event = EventFactory(initiative=initiative)
    from engagement import services as engagement_services

    engagement_services.event_rsvp(event=event, user=user, response="going")
    UpdateFactory(initiative=initiative, author=user, title="Notes by Rania")
    profile = ProfileFactory(user=user, bio="Lawyer in Berlin")
    give_skill(profile)
    add_network_member(NetworkFactory(), user)
    campaign = CampaignFactory(signature_count=2)
    SignatureFactory(campaign=campaign, user=user, email=user.email, name="Rania K.")
    SignatureFactory(campaign=CampaignFactory(signature_count=1), email="rania@example.org")
    letter_action = LetterActionFactory(campaign=campaign)
    from advocacy.models import Letter, Pledge

    Letter.objects.create(
        action=letter_action,
        target=letter_action.target,
        sender=user,
        signed_as="Rania K.",
        subject="Please",
        body="Dear minister, please act.",
    )
    Pledge.objects.create(
        action=PledgeActionFactory(campaign=campaign), user=user, followup_due_at=timezone.now()
    )
    Preference.objects.create(
        user=user, category=Category.CAMPAIGNS, channel=Channel.EMAIL, frequency=Frequency.OFF
    )
    return user


def _download(client, run_on_commit) -> zipfile.ZipFile:
    with run_on_commit():
        assert client.post("/en/account/privacy/export/").status_code == 302
    page = client.get("/en/account/privacy/")
    data_export = page.context["data_export"]
    assert data_export.status == DataExport.Status.READY
    response = client.get(f"/en/account/privacy/export/{data_export.token}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    return zipfile.ZipFile(io.BytesIO(response.content))


def test_the_copy_holds_everything_and_can_be_downloaded_once(client, person, run_on_commit):
    _recently_authenticated(client, person)
    archive = _download(client, run_on_commit)
    names = set(archive.namelist())
    for expected in (
        "accounts/account.json",
        "engagement/initiative_memberships.json",
        "engagement/event_answers.json",
        "diaspora/diaspora_profile.json",
        "diaspora/profile_skills.json",
        "diaspora/network_memberships.json",
        "advocacy/petition_signatures.json",
        "advocacy/letters_to_targets.json",
        "advocacy/pledges.json",
        "notifications/notification_preferences.json",
    ):
        assert expected in names, expected

    def read(name):
        return json.loads(archive.read(name))

    assert read("accounts/account.json")[0]["real_name"] == "Rania K."
    assert read("engagement/initiative_memberships.json")[0]["initiative__title"] == "Coast watch"
    assert read("diaspora/diaspora_profile.json")[0]["bio"] == "Lawyer in Berlin"
    assert len(read("advocacy/petition_signatures.json")) == 2  # with and without an account
    assert read("advocacy/letters_to_targets.json")[0]["body"] == "Dear minister, please act."
    secrets = json.dumps(read("accounts/second_factors.json"))
    assert "secret" not in secrets
    assert "seed" not in secrets
    # Single use: the link answers 404 afterwards, and the file is gone.
    data_export = DataExport.objects.get()
    assert data_export.status == DataExport.Status.DOWNLOADED
    assert not data_export.file
    assert client.get(f"/en/account/privacy/export/{data_export.token}/").status_code == 404
    assert AuditEntry.objects.filter(action="data_export.download").count() == 1


def test_the_copy_needs_a_fresh_password_and_is_only_its_owners(client, person, run_on_commit):
    client.force_login(person)  # signed in long ago: asked for the password again
    response = client.post("/en/account/privacy/export/")
    assert response.status_code == 302
    assert "/accounts/reauthenticate/" in response.url
    assert not DataExport.objects.exists()
    _recently_authenticated(client, person)
    with run_on_commit():
        client.post("/en/account/privacy/export/")
    token = DataExport.objects.get().token
    _recently_authenticated(client, UserFactory())
    assert client.get(f"/en/account/privacy/export/{token}/").status_code == 404


def test_an_unclaimed_copy_expires_after_a_day(client, person, run_on_commit):
    _recently_authenticated(client, person)
    with run_on_commit():
        client.post("/en/account/privacy/export/")
    data_export = DataExport.objects.get()
    path = data_export.file.path
    assert gdpr.data_exports_expire(now=timezone.now() + datetime.timedelta(hours=25)) == 1
    data_export.refresh_from_db()
    assert data_export.status == DataExport.Status.EXPIRED
    import os

    assert not os.path.exists(path)
    assert client.get(f"/en/account/privacy/export/{data_export.token}/").status_code == 404


def _text_columns():
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        for field in model._meta.concrete_fields:
            if isinstance(field, (models.CharField, models.TextField, models.JSONField)):
                yield model, field


def test_deleting_the_account_leaves_no_trace_of_the_person(client, person, run_on_commit):
    initiative = Initiative.objects.get(title="Coast watch")
    members_before = initiative.member_count
    campaign = Campaign.objects.get(pk=Signature.objects.filter(user=person).get().campaign_id)
    # A staff member edited the account in the admin: its history names the person too.
    from django.contrib.admin.models import CHANGE, LogEntry
    from django.contrib.contenttypes.models import ContentType

    staff = StaffFactory()
    LogEntry.objects.create(
        user=staff,
        content_type=ContentType.objects.get_for_model(User),
        object_id=str(person.pk),
        object_repr=str(person),
        action_flag=CHANGE,
    )
    membership = Membership.objects.get(user=person, initiative=initiative)
    LogEntry.objects.create(  # other objects' history names the person too
        user=staff,
        content_type=ContentType.objects.get_for_model(Membership),
        object_id=str(membership.pk),
        object_repr=f"Blue Heron · {initiative.title}",
        change_message='[{"changed": {"fields": ["rania@example.org"]}}]',
        action_flag=CHANGE,
    )
    _recently_authenticated(client, person)
    with run_on_commit():
        _download(client, run_on_commit)  # an export file exists too
    page = client.get("/en/account/delete/")
    assert page.status_code == 200
    assert client.post("/en/account/delete/", {}).status_code == 400  # must tick "I understand"
    with run_on_commit():
        response = client.post("/en/account/delete/", {"understand": "on"})
    assert response.status_code == 302

    # Nothing anywhere holds the email, the display name or the real name.
    needles = ["rania@example.org", "blue heron", "rania k."]
    found = []
    for model, field in _text_columns():
        column = f"{model._meta.db_table}.{field.column}"
        with connection.cursor() as cursor:
            cursor.execute(
                f'SELECT CAST("{field.column}" AS TEXT) FROM "{model._meta.db_table}"'  # noqa: S608
            )
            for (value,) in cursor.fetchall():
                if value and any(needle in value.lower() for needle in needles):
                    found.append((column, value[:80]))
    assert found == []

    # What must stay, stays, without the person: the update, the signatures' counts.
    tombstone = User.objects.get(pk=person.pk)
    assert tombstone.deleted_at
    assert not tombstone.is_active
    assert Update.objects.get(title="Notes by Rania").author == tombstone
    campaign.refresh_from_db()
    assert campaign.signature_count == 2  # still counted
    kept = Signature.objects.get(campaign=campaign)
    assert (kept.user, kept.name, kept.show_name) == (None, "", False)
    initiative.refresh_from_db()
    assert initiative.member_count == members_before - 1
    assert not Membership.objects.filter(user=tombstone).exists()
    assert not DiasporaProfile.objects.filter(user=tombstone).exists()
    assert not NetworkMembership.objects.filter(user=tombstone).exists()
    # Signed out, and the old password opens nothing.
    assert client.get("/en/account/privacy/").status_code == 302
    assert not client.login(username="rania@example.org", password=PASSWORD)
    assert AuditEntry.objects.filter(action="account.delete").count() == 1


def test_staff_freeze_an_account_in_one_action(client, run_on_commit):
    person = UserFactory(email="atrisk@example.org")
    person_client = type(client)()
    person_client.force_login(person)
    assert person_client.get("/en/account/settings/").status_code == 200
    staff = StaffFactory()
    login_with_mfa(client, staff)
    client.post("/en/admin/accounts/user/", {"action": "freeze", "_selected_action": [person.pk]})
    person.refresh_from_db()
    assert person.frozen_at is not None
    # Every session ends; signing in is refused until staff unfreeze. (The test signs in twice:
    # each sign-in looks the person up.)
    assert person_client.get("/en/account/settings/").status_code == 302
    with repeated_lookup("accounts.User"):
        assert not person_client.login(username="atrisk@example.org", password=PASSWORD)
        assert AuditEntry.objects.filter(action="account.freeze").count() == 1
        client.post(
            "/en/admin/accounts/user/", {"action": "unfreeze", "_selected_action": [person.pk]}
        )
        assert person_client.login(username="atrisk@example.org", password=PASSWORD)
    assert AuditEntry.objects.filter(action="account.unfreeze").count() == 1
    assert mail.outbox == []  # nothing tells anyone watching the mailbox


def test_a_frozen_accounts_participation_is_hidden_from_everyone_but_staff(client):
    from tests.advocacy.factories import SignatureFactory as Sign

    person = UserFactory(display_name="Quiet Falcon")
    initiative = InitiativeFactory(title="Coast watch")
    add_member(initiative, person)
    network = NetworkFactory()
    add_network_member(network, person)
    campaign = CampaignFactory()
    Sign(campaign=campaign, user=person, email=person.email, name="Quiet Falcon", show_name=True)
    other = CampaignFactory()  # signed while signed out, with the same address
    Sign(campaign=other, email=person.email, name="Quiet Falcon", show_name=True)
    from diaspora.models import Introduction
    from diaspora.services import introduction_request

    profile = ProfileFactory(user=person)
    need_initiative = InitiativeFactory()
    from tests.engagement.factories import NeedFactory

    need = NeedFactory(initiative=need_initiative)
    give_skill(profile, need.skill)
    introduction_request(
        need=need,
        actor=need_initiative.organiser_user,
        profile=profile,
        message="Could you help us with a legal brief?",
    )
    Introduction.objects.update(status=Introduction.Status.ACCEPTED)
    gdpr.account_freeze(user=person, actor=StaffFactory())
    pages = {
        initiative.organiser_user: f"/en/initiatives/{initiative.slug}/members/",
        network.coordinator_user: f"/en/diaspora/networks/{network.slug}/members/",
        UserFactory(): f"/en/campaigns/{campaign.slug}/signatures/",
        need_initiative.organiser_user: "/en/diaspora/introductions/",
    }
    for viewer, url in pages.items():
        client.force_login(viewer)
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Quiet Falcon" not in response.content.decode(), url
    client.force_login(UserFactory())
    assert "Quiet Falcon" not in client.get(f"/en/campaigns/{other.slug}/").content.decode()
    client.force_login(initiative.organiser_user)
    api = client.get(f"/api/v1/initiatives/{initiative.slug}/members/")
    assert "Quiet Falcon" not in api.content.decode()
    client.force_login(need_initiative.organiser_user)
    api = client.get("/api/v1/introductions/").content.decode()
    assert person.email not in api
    assert "Quiet Falcon" not in api
    # Staff still see everything in the admin.
    login_with_mfa(client, StaffFactory())
    admin_page = client.get(
        f"/en/admin/engagement/membership/?initiative__id__exact={initiative.pk}"
    )
    assert "Quiet Falcon" in admin_page.content.decode()


def test_only_staff_who_may_change_accounts_freeze_and_never_themselves_or_superusers(client):
    from django.contrib.auth.models import Permission
    from django.core.exceptions import PermissionDenied, ValidationError

    viewer = StaffFactory(is_superuser=False)
    viewer.user_permissions.set(Permission.objects.filter(codename="view_user"))
    viewer.mfa_passed = True
    person = UserFactory()
    with pytest.raises(PermissionDenied):
        gdpr.account_freeze(user=person, actor=viewer)
    manager = StaffFactory(is_superuser=False)
    manager.user_permissions.set(Permission.objects.filter(codename="change_user"))
    manager = User.objects.get(pk=manager.pk)
    manager.mfa_passed = True
    with pytest.raises(ValidationError):
        gdpr.account_freeze(user=manager, actor=manager)
    with pytest.raises(PermissionDenied):
        gdpr.account_freeze(user=StaffFactory(), actor=manager)  # a superuser
    gdpr.account_freeze(user=person, actor=manager)
    person.refresh_from_db()
    assert person.frozen_at is not None
    # An account deactivated for another reason stays so: freezing it does nothing.
    inactive = UserFactory(is_active=False)
    gdpr.account_freeze(user=inactive, actor=manager)
    gdpr.account_unfreeze(user=inactive, actor=manager)
    inactive.refresh_from_db()
    assert not inactive.is_active


def test_staff_erase_an_account_instead_of_deleting_it_raw(client):
    person = UserFactory(email="erase-me@example.org")
    initiative = InitiativeFactory()
    add_member(initiative, person)
    login_with_mfa(client, StaffFactory())
    listing = client.get("/en/admin/accounts/user/").content.decode()
    assert "delete_selected" not in listing
    assert client.get(f"/en/admin/accounts/user/{person.pk}/delete/").status_code == 403
    client.post("/en/admin/accounts/user/", {"action": "erase", "_selected_action": [person.pk]})
    person.refresh_from_db()
    assert person.deleted_at is not None
    assert person.email != "erase-me@example.org"
    initiative.refresh_from_db()
    assert initiative.member_count == 1  # the organiser only: the count followed
    assert AuditEntry.objects.filter(action="account.delete").exists()


def test_a_failed_or_stuck_export_can_be_asked_for_again(person, monkeypatch, run_on_commit):
    def broken(*, user):
        raise RuntimeError("a holder failed")

    monkeypatch.setattr(gdpr, "data_export_contents", broken)
    with run_on_commit():
        first = gdpr.data_export_request(user=person)
    first.refresh_from_db()
    assert first.status == DataExport.Status.FAILED
    monkeypatch.undo()
    stuck = DataExport.objects.create(user=person, token="stuck")
    DataExport.objects.filter(pk=stuck.pk).update(
        created_at=timezone.now() - datetime.timedelta(hours=1)
    )
    with run_on_commit():
        fresh = gdpr.data_export_request(user=person)
    assert fresh.pk != stuck.pk
    fresh.refresh_from_db()
    assert fresh.status == DataExport.Status.READY
    assert DataExport.objects.get(pk=stuck.pk).status == DataExport.Status.FAILED


def test_an_export_whose_account_went_meanwhile_leaves_no_file(person, settings):
    import pathlib

    data_export = DataExport.objects.create(user=person, token="gone")
    DataExport.objects.filter(pk=data_export.pk).update(status=DataExport.Status.EXPIRED)
    before = set(pathlib.Path(settings.PRIVATE_MEDIA_ROOT).rglob("*.zip"))
    # The build sees a pending export, the account's deletion removes it before it is saved.
    DataExport.objects.filter(pk=data_export.pk).update(status=DataExport.Status.PENDING)
    real_contents = gdpr.data_export_contents

    def contents_then_vanish(*, user):
        result = real_contents(user=user)
        DataExport.objects.filter(pk=data_export.pk).delete()
        return result

    gdpr.data_export_contents = contents_then_vanish
    try:
        assert gdpr.data_export_build(export_id=data_export.pk) is False
    finally:
        gdpr.data_export_contents = real_contents
    assert set(pathlib.Path(settings.PRIVATE_MEDIA_ROOT).rglob("*.zip")) == before
