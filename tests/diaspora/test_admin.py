"""The admin for the FROM level: staff who passed MFA list, filter, export and add networks."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from diaspora.models import (
    Consultation,
    ConsultationAnswer,
    Introduction,
    Network,
    NetworkMembership,
)
from tests.diaspora.factories import (
    JointProjectFactory,
    NetworkFactory,
    ProfileFactory,
    add_network_member,
    give_language,
    give_skill,
)
from tests.engagement.factories import NeedFactory, SkillFactory, ThemeFactory
from tests.factories import PASSWORD, StaffFactory, UserFactory, give_totp, totp_code

pytestmark = pytest.mark.django_db

ADMIN = "/en/admin/"
LOGIN = "/en/accounts/login/"
PROFILES = f"{ADMIN}diaspora/diasporaprofile/"
NETWORKS = f"{ADMIN}diaspora/network/"


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


def listed(response) -> list:
    assert response.status_code == 200
    return list(response.context["cl"].result_list)


def listed_names(response) -> list[str]:
    return sorted(profile.user.display_name for profile in listed(response))


# --- access and changelists ----------------------------------------------------------------


def test_the_diaspora_admin_needs_a_second_factor(client):
    client.force_login(StaffFactory())
    response = client.get(PROFILES)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.parametrize(
    ("model", "text"),
    [
        ("diasporaprofile", "Rania Profile"),
        ("network", "Syrian doctors abroad"),
        ("networkmembership", "Syrian doctors abroad"),
        ("jointproject", "Clinic leaflets"),
        ("introduction", "Rania Profile"),
        ("consultation", "What should the city fund first?"),
    ],
)
def test_changelists_answer(client, staff, model, text):
    profile = ProfileFactory(user=UserFactory(display_name="Rania Profile"))
    network = NetworkFactory(name="Syrian doctors abroad")
    add_network_member(network, profile.user)
    JointProjectFactory(title="Clinic leaflets", network=network)
    need = NeedFactory()
    Introduction.objects.create(
        need=need,
        requested_by=need.initiative.organiser_user,
        member=profile.user,
        message="Could you help us?",
        expires_at=timezone.now() + datetime.timedelta(days=14),
    )
    consultation = Consultation.objects.create(
        network=network, question="What should the city fund first?"
    )
    ConsultationAnswer.objects.create(consultation=consultation, user=profile.user, body="Schools.")

    response = client.get(f"{ADMIN}diaspora/{model}/")

    assert response.status_code == 200
    assert text in response.content.decode()
    assert len(response.context["cl"].result_list) >= 1


def test_a_consultations_page_shows_its_answers(client, staff):
    network = NetworkFactory()
    consultation = Consultation.objects.create(network=network, question="Which first?")
    ConsultationAnswer.objects.create(
        consultation=consultation, user=add_network_member(network), body="Schools first."
    )
    response = client.get(f"{ADMIN}diaspora/consultation/{consultation.pk}/change/")
    assert response.status_code == 200
    assert "Schools first." in response.content.decode()


def test_filter_profiles_by_skill(client, staff):
    translation = SkillFactory(name_en="Translation")
    accounting = SkillFactory(name_en="Accounting")
    translator = ProfileFactory(user=UserFactory(display_name="Tala Translator"))
    give_skill(translator, translation)
    both = ProfileFactory(user=UserFactory(display_name="Badr Both"))
    give_skill(both, translation)
    give_skill(both, accounting)
    accountant = ProfileFactory(user=UserFactory(display_name="Amal Accountant"))
    give_skill(accountant, accounting)
    ProfileFactory(user=UserFactory(display_name="Nadia Noskill"))

    assert len(listed(client.get(PROFILES))) == 4
    assert listed_names(client.get(PROFILES, {"skills__skill__id__exact": translation.pk})) == [
        "Badr Both",
        "Tala Translator",
    ]
    assert listed_names(client.get(PROFILES, {"skills__skill__id__exact": accounting.pk})) == [
        "Amal Accountant",
        "Badr Both",
    ]


def test_filter_profiles_by_origin_country(client, staff):
    ProfileFactory(user=UserFactory(display_name="Sami Syria"), origin_country="SY")
    ProfileFactory(user=UserFactory(display_name="Lina Lebanon"), origin_country="LB")
    ProfileFactory(user=UserFactory(display_name="Sara Syria"), origin_country="SY")

    assert listed_names(client.get(PROFILES, {"origin_country__exact": "SY"})) == [
        "Sami Syria",
        "Sara Syria",
    ]
    assert listed_names(client.get(PROFILES, {"origin_country__exact": "LB"})) == ["Lina Lebanon"]


# --- the export of consenting profiles -------------------------------------------------------


def test_the_export_has_only_consenting_profiles_and_no_email_addresses(client, staff):
    skill = SkillFactory(slug="translation")
    consenting = ProfileFactory(
        user=UserFactory(display_name="Hiba Consenting", email="hiba@example.org"),
        residence_city="Berlin",
    )
    give_skill(consenting, skill, level=4)
    give_language(consenting, "ar", 4)
    private = ProfileFactory(
        user=UserFactory(display_name="Nour Private", email="nour@example.org"),
        consent_to_matching=False,
    )
    give_skill(private, skill)

    response = client.post(
        PROFILES,
        {
            "action": "export_consenting_profiles",
            "_selected_action": [consenting.pk, private.pk],
            "index": "0",
        },
    )

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="diaspora-profiles-')
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    header, *rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    assert header[:2] == ["profile", "display_name"]
    assert len(rows) == 1
    row = dict(zip(header, rows[0], strict=True))
    assert row == {
        "profile": str(consenting.public_id),
        "display_name": "Hiba Consenting",
        "origin_country": "SY",
        "residence_country": "DE",
        "residence_city": "Berlin",
        "languages": "ar:4",
        "skills": "translation:4",
        "hours_per_month": "10",
        "work_mode": "remote",
    }
    assert "Nour" not in text
    assert str(private.public_id) not in text
    assert "@" not in text
    for email in ("hiba@example.org", "nour@example.org", staff.email):
        assert email not in text


# --- adding a network ----------------------------------------------------------------------


def test_adding_a_network_makes_the_staff_user_its_coordinator(client, staff):
    health = ThemeFactory(slug="health")
    data = {
        "name": "Syrian doctors abroad",
        "slug": "syrian-doctors-abroad",
        "mission": "We **heal** together.\n\n<script>alert(1)</script>",
        "language": "en",
        "focus_countries": ["SY", "LB"],
        "themes": [health.pk],
        "visibility": "public",
        "join_policy": "approval",
        "is_active": "on",
        "memberships-TOTAL_FORMS": "0",
        "memberships-INITIAL_FORMS": "0",
        "memberships-MIN_NUM_FORMS": "0",
        "memberships-MAX_NUM_FORMS": "1000",
    }

    response = client.post(f"{NETWORKS}add/", data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    network = Network.objects.get()
    assert network.name == "Syrian doctors abroad"
    assert network.slug == "syrian-doctors-abroad"
    assert network.created_by == staff
    assert network.member_count == 1
    assert "<strong>heal</strong>" in network.mission_html
    assert "<script" not in network.mission_html
    assert [c.code for c in network.focus_countries] == ["LB", "SY"]
    assert list(network.themes.all()) == [health]
    membership = NetworkMembership.objects.get(network=network)
    assert membership.user == staff
    assert membership.role == NetworkMembership.Role.COORDINATOR
    assert membership.status == NetworkMembership.Status.APPROVED
    assert membership.joined_at is not None


def test_editing_a_network_renders_the_mission_again(client, staff):
    network = NetworkFactory(name="Old name", mission="Old.", mission_html="<p>Old.</p>")
    data = {
        "name": "New name",
        "slug": network.slug,
        "mission": "Now *together*.",
        "language": "en",
        "focus_countries": ["SY"],
        "visibility": "public",
        "join_policy": "open",
        "is_active": "on",
        "memberships-TOTAL_FORMS": "1",
        "memberships-INITIAL_FORMS": "1",
        "memberships-MIN_NUM_FORMS": "0",
        "memberships-MAX_NUM_FORMS": "1000",
    }
    membership = NetworkMembership.objects.get(network=network)
    data.update(
        {
            "memberships-0-id": membership.pk,
            "memberships-0-network": network.pk,
            "memberships-0-user": membership.user_id,
            "memberships-0-role": membership.role,
            "memberships-0-status": membership.status,
        }
    )
    response = client.post(f"{NETWORKS}{network.pk}/change/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    network.refresh_from_db()
    assert network.name == "New name"
    assert network.mission_html == "<p>Now <em>together</em>.</p>\n"
    assert network.join_policy == "open"
    assert Network.objects.count() == 1


def test_adding_a_network_keeps_the_web_address_typed_in_the_admin(client, staff):
    data = {
        "name": "Syrian doctors abroad",
        "slug": "doctors",
        "mission": "We heal together.",
        "language": "en",
        "visibility": "public",
        "join_policy": "approval",
        "is_active": "on",
        "memberships-TOTAL_FORMS": "0",
        "memberships-INITIAL_FORMS": "0",
        "memberships-MIN_NUM_FORMS": "0",
        "memberships-MAX_NUM_FORMS": "1000",
    }
    response = client.post(f"{NETWORKS}add/", data)
    assert response.status_code == 302
    assert Network.objects.get().slug == "doctors"
