"""The admin for initiatives: staff who passed MFA list, search, act in bulk, add and edit."""

import csv
import io

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Permission
from django.urls import reverse

from engagement.models import Initiative, Membership, Rsvp, Update
from tests.engagement.factories import (
    EventFactory,
    InitiativeFactory,
    NeedFactory,
    SkillFactory,
    ThemeFactory,
    UpdateFactory,
    add_member,
)
from tests.factories import (
    PASSWORD,
    StaffFactory,
    UserFactory,
    give_totp,
    login_with_mfa,
    totp_code,
)

pytestmark = pytest.mark.django_db

ADMIN = "/en/admin/"
LOGIN = "/en/accounts/login/"
INITIATIVES = f"{ADMIN}engagement/initiative/"


@pytest.fixture
def staff(client):
    """A superuser whose session passed the second factor (as in tests/core/test_admin_mfa.py)."""
    user = StaffFactory(display_name="Admin Heron 1")
    secret = give_totp(user)
    client.post(LOGIN, {"login": user.email, "password": PASSWORD})
    client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})
    client.post(reverse("mfa_trust"), {"action": "no"})
    assert client.get(ADMIN).status_code == 200
    return user


def listed_titles(response) -> list[str]:
    assert response.status_code == 200
    return sorted(obj.title for obj in response.context["cl"].result_list)


def empty_inlines() -> dict:
    data = {}
    for prefix in ("needs", "events", "updates"):
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": "0",
                f"{prefix}-INITIAL_FORMS": "0",
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
    return data


def initiative_form(**changes) -> dict:
    data = {
        "title": "Clean beaches",
        "slug": "clean-beaches",
        "summary": "Volunteers clean the beaches every month.",
        "description": "We meet **monthly**.",
        "country": "TN",
        "city": "Bizerte",
        "latitude": "37.27",
        "longitude": "9.87",
        "language": "en",
        "status": "open",
        "visibility": "public",
        "join_policy": "open",
        **empty_inlines(),
    }
    data.update(changes)
    return data


# --- access and changelists ----------------------------------------------------------------------


def test_the_engagement_admin_needs_a_second_factor(client):
    client.force_login(StaffFactory())
    response = client.get(INITIATIVES)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.parametrize(
    ("model", "text"),
    [
        ("initiative", "Budget watch"),
        ("membership", "Budget watch"),
        ("need", "Translation help"),
        ("event", "Monthly meeting"),
        ("update", "First report"),
        ("rsvp", "Monthly meeting"),
    ],
)
def test_changelists_answer(client, staff, model, text):
    initiative = InitiativeFactory(title="Budget watch")
    add_member(initiative)
    NeedFactory(initiative=initiative, skill=SkillFactory(name_en="Translation help"))
    event = EventFactory(initiative=initiative, title="Monthly meeting")
    UpdateFactory(initiative=initiative, title="First report")
    Rsvp.objects.create(event=event, user=initiative.organiser_user, response="going")
    response = client.get(f"{ADMIN}engagement/{model}/")
    assert response.status_code == 200
    assert text in response.content.decode()
    assert len(response.context["cl"].result_list) >= 1


def test_search_and_filter_narrow_the_initiative_changelist(client, staff):
    InitiativeFactory(title="Budget watch", city="Tunis", status=Initiative.Status.OPEN)
    InitiativeFactory(title="Clean beaches", city="Bizerte", status=Initiative.Status.ACTIVE)
    InitiativeFactory(title="Beach library", city="Sousse", status=Initiative.Status.DRAFT)
    assert listed_titles(client.get(INITIATIVES)) == [
        "Beach library",
        "Budget watch",
        "Clean beaches",
    ]
    assert listed_titles(client.get(INITIATIVES, {"q": "beach"})) == [
        "Beach library",
        "Clean beaches",
    ]
    assert listed_titles(client.get(INITIATIVES, {"q": "bizerte"})) == ["Clean beaches"]
    assert listed_titles(client.get(INITIATIVES, {"status__exact": "open"})) == ["Budget watch"]
    assert listed_titles(client.get(INITIATIVES, {"q": "beach", "status__exact": "draft"})) == [
        "Beach library"
    ]
    response = client.get(INITIATIVES, {"status__exact": "open"})
    html = response.content.decode()
    assert "Budget watch" in html
    assert "Clean beaches" not in html


# --- bulk actions --------------------------------------------------------------------------------


def test_publish_and_archive_in_bulk(client, staff):
    first = InitiativeFactory(title="First", status=Initiative.Status.DRAFT)
    second = InitiativeFactory(title="Second", status=Initiative.Status.DRAFT)
    untouched = InitiativeFactory(title="Untouched", status=Initiative.Status.DRAFT)
    response = client.post(
        INITIATIVES, {"action": "publish", "_selected_action": [first.pk, second.pk]}, follow=True
    )
    assert response.status_code == 200
    assert "2 initiatives changed." in response.content.decode()
    statuses = dict(Initiative.objects.values_list("title", "status"))
    assert statuses == {"First": "open", "Second": "open", "Untouched": "draft"}

    response = client.post(
        INITIATIVES, {"action": "archive", "_selected_action": [second.pk, untouched.pk]}
    )
    assert response.status_code == 302
    statuses = dict(Initiative.objects.values_list("title", "status"))
    assert statuses == {"First": "open", "Second": "archived", "Untouched": "archived"}


def test_export_as_csv(client, staff):
    formula = InitiativeFactory(title='=HYPERLINK("http://evil.example")', city="Tunis")
    plain = InitiativeFactory(title="Budget watch", city="Sfax", country="TN")
    InitiativeFactory(title="Not selected")
    response = client.post(
        INITIATIVES, {"action": "export_as_csv", "_selected_action": [formula.pk, plain.pk]}
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith('attachment; filename="initiative-')
    assert response.content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    header, *body = rows
    assert header == [
        "title", "web address", "country", "city", "status", "visibility", "joining",
        "language of the content", "members", "created",
    ]  # fmt: skip
    assert len(body) == 2
    by_slug = {row[1]: row for row in body}
    assert set(by_slug) == {formula.slug, plain.slug}
    assert by_slug[formula.slug][0] == '\'=HYPERLINK("http://evil.example")'
    assert by_slug[plain.slug][:5] == ["Budget watch", plain.slug, "TN", "Sfax", "open"]
    assert "Not selected" not in response.content.decode("utf-8-sig")


# --- add and change ------------------------------------------------------------------------------


def test_the_add_form_creates_the_initiative_through_the_service(client, staff):
    water = ThemeFactory(slug="water")
    description = "We meet **monthly**.\n\n<script>alert(1)</script>"
    response = client.post(
        f"{INITIATIVES}add/",
        initiative_form(description=description, themes=[water.pk]),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    initiative = Initiative.objects.get(title="Clean beaches")
    assert initiative.slug == "clean-beaches"
    assert initiative.created_by == staff
    assert initiative.member_count == 1
    assert list(initiative.themes.all()) == [water]
    membership = Membership.objects.get(initiative=initiative)
    assert membership.user == staff
    assert membership.role == Membership.Role.ORGANISER
    assert membership.status == Membership.Status.APPROVED
    assert "<strong>monthly</strong>" in initiative.description_html
    assert "<script" not in initiative.description_html
    assert initiative.description == description  # the source is kept as written
    assert LogEntry.objects.filter(object_id=str(initiative.pk)).count() == 1


def test_the_add_form_names_a_missing_field_and_writes_nothing(client, staff):
    response = client.post(f"{INITIATIVES}add/", initiative_form(title=""))
    assert response.status_code == 200
    assert "title" in response.context["adminform"].form.errors
    assert not Initiative.objects.exists()
    assert not Membership.objects.exists()


def test_an_edit_appears_in_the_history(client, staff):
    initiative = InitiativeFactory(title="Old title", summary="Old summary.")
    response = client.post(
        f"{INITIATIVES}{initiative.pk}/change/",
        initiative_form(
            title="New title",
            slug=initiative.slug,
            description="*New* text",
            city="Tunis",
            latitude="",
            longitude="",
        ),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    initiative.refresh_from_db()
    assert initiative.title == "New title"
    assert initiative.description_html == "<p><em>New</em> text</p>\n"
    entry = LogEntry.objects.get(object_id=str(initiative.pk))
    assert entry.action_flag == CHANGE
    assert entry.user == staff
    history = client.get(f"{INITIATIVES}{initiative.pk}/history/")
    assert history.status_code == 200
    html = history.content.decode()
    assert entry.get_change_message() == "Changed Title, Summary and Description."
    assert "Changed Title, Summary and Description." in html
    assert "Admin Heron 1" in html
    assert "1 entry" in html


def test_an_update_added_in_the_admin_has_its_body_rendered(client, staff):
    initiative = InitiativeFactory(title="Budget watch")
    client.post(
        f"{ADMIN}engagement/update/add/",
        {
            "initiative": initiative.pk,
            "author": staff.pk,
            "title": "First report",
            "body": "We **met**.",
            "visibility": "public",
        },
    )
    update = Update.objects.get(title="First report")
    assert update.body_html == "<p>We <strong>met</strong>.</p>\n"


def test_staff_with_only_view_permissions_open_the_admin(client):
    """Not a superuser: the admin's menu asks "engagement.view_update" without an update."""
    clerk = StaffFactory(is_superuser=False)
    clerk.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_initiative", "view_update", "view_event"])
    )
    login_with_mfa(client, clerk)
    UpdateFactory(title="First report")
    assert client.get(ADMIN).status_code == 200
    response = client.get(f"{ADMIN}engagement/update/")
    assert response.status_code == 200
    assert "First report" in response.content.decode()


def test_non_staff_members_cannot_reach_the_engagement_admin(client):
    member = UserFactory()
    secret = give_totp(member)
    client.post(LOGIN, {"login": member.email, "password": PASSWORD})
    client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})
    client.post(reverse("mfa_trust"), {"action": "no"})
    initiative = InitiativeFactory(status=Initiative.Status.DRAFT)
    response = client.post(INITIATIVES, {"action": "publish", "_selected_action": [initiative.pk]})
    assert response.status_code == 302
    initiative.refresh_from_db()
    assert initiative.status == Initiative.Status.DRAFT


def test_updates_are_written_in_their_own_admin_not_inline(client, staff):
    """Inline rows would be saved raw; the update admin goes through the service instead."""
    initiative = InitiativeFactory(title="Budget watch")
    html = client.get(f"{INITIATIVES}{initiative.pk}/change/").content.decode()
    assert "updates-TOTAL_FORMS" not in html
    assert "needs-TOTAL_FORMS" in html
