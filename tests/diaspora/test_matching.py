"""Matching diaspora skills to local needs: order, explanation, consent, and who may look."""

import pytest

from diaspora.models import ProfileLanguage, WorkMode
from diaspora.selectors import matches_for_need, needs_for_member
from engagement.models import Initiative
from tests.conftest import warm_navigation
from tests.diaspora.factories import ProfileFactory, give_language, give_skill
from tests.engagement.factories import InitiativeFactory, NeedFactory, SkillFactory, add_member
from tests.factories import StaffFactory, UserFactory, login_with_mfa

pytestmark = pytest.mark.django_db


@pytest.fixture
def need():
    initiative = InitiativeFactory(country="LB", city="Beirut")
    return NeedFactory(
        initiative=initiative,
        skill=SkillFactory(slug="legal-translation"),
        language="ar",
        remote_possible=True,
    )


def candidate(need, *, level=3, years=5, speaks=True, fluent=True, mode=WorkMode.REMOTE,
              residence="DE", origin="SY", hours=10, consent=True):  # fmt: skip
    profile = ProfileFactory(
        work_mode=mode,
        residence_country=residence,
        origin_country=origin,
        hours_per_month=hours,
        consent_to_matching=consent,
    )
    give_skill(profile, need.skill, level=level, years=years)
    if speaks:
        give_language(
            profile,
            need.language,
            ProfileLanguage.Level.NATIVE if fluent else ProfileLanguage.Level.BASIC,
        )
    return profile


def test_the_best_candidate_comes_first_and_the_card_says_why(need):
    best = candidate(need, level=4, years=12, origin="LB")
    good = candidate(need, level=4, years=12)  # same, but not from Lebanon
    no_language = candidate(need, level=4, years=12, speaks=False)
    on_site_abroad = candidate(need, level=4, years=12, mode=WorkMode.ON_SITE)
    beginner = candidate(need, level=1, years=0)
    busy = candidate(need, level=4, years=12, hours=1)
    matches = matches_for_need(need=need)
    # 120, 110, 100, 95, 85, 60: skill first, then language, place, origin and time.
    assert [m.profile for m in matches] == [best, good, busy, on_site_abroad, no_language, beginner]
    top = matches[0]
    assert set(top.reasons) == {"language", "fluent", "place", "origin", "available"}
    assert top.score == 10 * 4 + 2 * 10 + 20 + 5 + 15 + 10 + 10
    assert "place" not in matches[3].reasons  # on site only, and lives in Germany
    assert "language" not in matches[4].reasons
    assert [m.score for m in matches] == [120, 110, 100, 95, 85, 60]


def test_people_who_did_not_consent_are_never_shown(need):
    shown = candidate(need)
    candidate(need, consent=False, level=4, years=30, origin="LB")
    assert [m.profile for m in matches_for_need(need=need)] == [shown]


def test_other_skills_deactivated_accounts_and_organisers_are_left_out(need):
    shown = candidate(need)
    other = ProfileFactory()
    give_skill(other, SkillFactory(slug="photography"))
    inactive = candidate(need)
    inactive.user.is_active = False
    inactive.user.save()
    organiser_profile = ProfileFactory(user=need.initiative.organiser_user)
    give_skill(organiser_profile, need.skill, level=4, years=20)
    assert [m.profile for m in matches_for_need(need=need)] == [shown]


def test_an_on_site_need_fits_people_living_in_the_country(need):
    need.remote_possible = False
    need.save()
    abroad = candidate(need, mode=WorkMode.REMOTE)
    local = candidate(need, mode=WorkMode.ON_SITE, residence="LB")
    matches = matches_for_need(need=need)
    assert [m.profile for m in matches] == [local, abroad]
    assert "place" in matches[0].reasons
    assert "place" not in matches[1].reasons


def test_matches_page_is_for_the_initiatives_organisers_and_staff(client, need):
    profile = candidate(need)
    url = f"/en/diaspora/needs/{need.pk}/matches/"
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    client.force_login(add_member(need.initiative))
    assert client.get(url).status_code == 404
    login_with_mfa(client, StaffFactory())
    assert client.get(url).status_code == 200
    client.force_login(need.initiative.organiser_user)
    html = client.get(url).content.decode()
    assert "Speaks the language" in html
    assert str(profile.public_id) not in html  # no way from the card to the profile page
    assert profile.user.display_name not in html  # a pseudonymous card: no name...
    assert profile.user.email not in html  # ...and no contact


def test_matches_of_a_private_initiative_are_404_to_others(client):
    initiative = InitiativeFactory(visibility=Initiative.Visibility.MEMBERS)
    need = NeedFactory(initiative=initiative)
    client.force_login(UserFactory())
    assert client.get(f"/en/diaspora/needs/{need.pk}/matches/").status_code == 404


@pytest.mark.parametrize("count", [3, 30])
def test_matches_page_query_count_does_not_grow(client, django_assert_num_queries, need, count):
    for _ in range(count):
        candidate(need)
    client.force_login(need.initiative.organiser_user)
    # session, user, need+skill+initiative, the organiser check; then the ranking (the
    # organisers left out, the first pass's bar and the introductions inside it) and the
    # languages.
    warm_navigation(client)
    with django_assert_num_queries(6):
        response = client.get(f"/en/diaspora/needs/{need.pk}/matches/")
    assert len(response.context["matches"]) == min(count, 20)


def test_needs_for_my_skills(client, need):
    profile = candidate(need, origin="LB")
    other_need = NeedFactory(skill=SkillFactory(slug="photography"))
    private = NeedFactory(
        skill=need.skill,
        initiative=InitiativeFactory(visibility=Initiative.Visibility.MEMBERS),
    )
    ranked = needs_for_member(user=profile.user)
    assert [item[0] for item in ranked] == [need]
    assert "origin" in ranked[0][2]
    client.force_login(profile.user)
    html = client.get("/en/diaspora/needs-for-me/").content.decode()
    assert need.initiative.title in html
    assert other_need.initiative.title not in html
    assert private.initiative.title not in html


def test_needs_for_me_without_a_profile_invites_to_create_one(client):
    client.force_login(UserFactory())
    html = client.get("/en/diaspora/needs-for-me/").content.decode()
    assert "/en/diaspora/profile/step/1/" in html


def test_the_two_pass_ranking_equals_a_full_ranking(need, django_assert_num_queries):
    """Past FIRST_PASS candidates, the pruned ranking must give exactly the full one, still in
    two queries."""
    import random

    from diaspora.selectors import FIRST_PASS, _candidates, _scored

    rng = random.Random(5)
    for _ in range(FIRST_PASS + 60):
        candidate(
            need,
            level=rng.randint(1, 4),
            years=rng.randint(0, 20),
            speaks=rng.random() < 0.7,
            fluent=rng.random() < 0.5,
            mode=rng.choice([WorkMode.REMOTE, WorkMode.ON_SITE, WorkMode.BOTH]),
            residence=rng.choice(["DE", "LB", "FR"]),
            origin=rng.choice(["SY", "LB", "IQ"]),
            hours=rng.choice([1, 4, 10]),
        )
    full = [row.profile_id for row in _scored(need, _candidates(need))[:20]]
    with django_assert_num_queries(2):
        matches = matches_for_need(need=need)
    assert [m.profile.pk for m in matches] == full


@pytest.mark.parametrize("count", [3, 30])
def test_matches_endpoint_query_count_does_not_grow(django_assert_num_queries, need, count):
    from rest_framework.test import APIClient

    for _ in range(count):
        candidate(need)
    api = APIClient()
    api.force_authenticate(need.initiative.organiser_user)
    # need, the organiser check, then the selector's two.
    with django_assert_num_queries(4):
        response = api.get(f"/api/v1/needs/{need.pk}/matches/")
    assert response.status_code == 200
    assert len(response.json()) == min(count, 20)


def test_needs_for_me_keeps_initiatives_i_am_a_member_of(need):
    profile = candidate(need)
    add_member(need.initiative, profile.user)  # a plain member, not an organiser
    assert [item[0] for item in needs_for_member(user=profile.user)] == [need]


@pytest.mark.parametrize("count", [3, 30])
def test_needs_for_me_query_count_does_not_grow(client, django_assert_num_queries, need, count):
    profile = candidate(need)
    give_language(profile, "fr", ProfileLanguage.Level.BASIC)
    for n in range(count - 1):
        NeedFactory(
            skill=need.skill, language=["ar", "fr", "en"][n % 3], remote_possible=bool(n % 2)
        )
    client.force_login(profile.user)
    warm_navigation(client)
    # session, user, the profile (once, for the page and the ranking), its skills and languages,
    # and the needs with their skills and initiatives.
    with django_assert_num_queries(6):
        response = client.get("/en/diaspora/needs-for-me/")
    assert response.status_code == 200
    assert len(response.context["ranked"]) == count
