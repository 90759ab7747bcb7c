"""Each profile field is shown only to the audience its owner chose; private means 404."""

import pytest

from diaspora.models import DiasporaProfile, FieldVisibility
from tests.conftest import warm_navigation
from tests.diaspora.factories import NetworkFactory, ProfileFactory, add_network_member, give_skill
from tests.engagement.factories import SkillFactory
from tests.factories import StaffFactory, UserFactory, login_with_mfa

pytestmark = pytest.mark.django_db

MARKERS = {
    "origin_country": "Syria",
    "residence": "Berlin",
    "languages": "Arabic",
    "skills": "Strategic litigation",
    "availability": "10 hours a month",
    "bio": "Works on accountability.",
}


@pytest.fixture
def profile():
    profile = ProfileFactory(
        bio="Works on accountability.",
        visibility={
            "origin_country": FieldVisibility.PUBLIC,
            "residence": FieldVisibility.NETWORKS,
            "languages": FieldVisibility.PUBLIC,
            "skills": FieldVisibility.NETWORKS,
            "availability": FieldVisibility.STAFF,
            "bio": FieldVisibility.STAFF,
        },
    )
    from tests.diaspora.factories import give_language

    give_language(profile, "ar")
    give_skill(profile, SkillFactory(name_en="Strategic litigation"))
    return profile


def seen(client, profile) -> set[str] | None:
    response = client.get(profile.get_absolute_url())
    if response.status_code == 404:
        return None
    html = response.content.decode()
    return {field for field, marker in MARKERS.items() if marker in html}


def test_anonymous_visitors_see_no_profile(client, profile):
    assert seen(client, profile) is None


def test_a_member_sees_the_public_fields(client, profile):
    client.force_login(UserFactory())
    assert seen(client, profile) == {"origin_country", "languages"}


def test_someone_in_the_same_network_sees_network_fields_too(client, profile):
    network = NetworkFactory()
    add_network_member(network, profile.user)
    peer = add_network_member(network)
    client.force_login(peer)
    assert seen(client, profile) == {"origin_country", "languages", "residence", "skills"}


def test_a_pending_network_member_is_not_a_peer(client, profile):
    from diaspora.models import NetworkMembership

    network = NetworkFactory()
    add_network_member(network, profile.user)
    pending = add_network_member(network, status=NetworkMembership.Status.PENDING)
    client.force_login(pending)
    assert seen(client, profile) == {"origin_country", "languages"}


def test_staff_and_the_owner_see_everything(client, profile):
    login_with_mfa(client, StaffFactory())
    assert seen(client, profile) == set(MARKERS)
    client.force_login(profile.user)
    assert seen(client, profile) == set(MARKERS)


def test_the_owner_previews_what_others_see(client, profile):
    client.force_login(profile.user)
    html = client.get(profile.get_absolute_url() + "?as=public").content.decode()
    assert "Syria" in html
    assert "Berlin" not in html
    html = client.get(profile.get_absolute_url() + "?as=networks").content.decode()
    assert "Berlin" in html
    assert "Works on accountability." not in html


def test_a_fully_private_profile_is_404_to_members(client):
    profile = ProfileFactory(visibility={})
    client.force_login(UserFactory())
    assert client.get(profile.get_absolute_url()).status_code == 404
    client.force_login(profile.user)
    assert client.get(profile.get_absolute_url()).status_code == 200


def test_the_page_never_shows_the_email_or_real_name(client, profile):
    profile.user.real_name = "Rana Haddad"
    profile.user.save()
    client.force_login(UserFactory())
    html = client.get(profile.get_absolute_url()).content.decode()
    assert profile.user.email not in html
    assert "Rana Haddad" not in html
    assert profile.user.display_name in html


@pytest.mark.parametrize("count", [3, 30])
def test_profile_page_query_count_does_not_grow(client, django_assert_num_queries, count):
    profile = ProfileFactory(visibility=dict.fromkeys(DiasporaProfile.VISIBLE_FIELDS, "public"))
    for n in range(count):
        give_skill(profile, SkillFactory(slug=f"s{count}-{n}"))
    client.force_login(UserFactory())
    # session, user, profile+user, languages, skills+skill+category, shared-network check.
    warm_navigation(client)
    with django_assert_num_queries(6):
        response = client.get(profile.get_absolute_url())
    assert response.status_code == 200
