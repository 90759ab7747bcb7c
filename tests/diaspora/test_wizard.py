"""The profile wizard: five steps that each save, plain forms that work without JavaScript."""

import pytest

from diaspora.models import DiasporaProfile, FieldVisibility
from tests.diaspora.factories import ProfileFactory, give_skill
from tests.engagement.factories import SkillFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def step(n: int) -> str:
    return f"/en/diaspora/profile/step/{n}/"


def languages_post(rows: list[tuple[str, str]]) -> dict:
    # As a browser posts the page: every row shown is an initial form.
    data = {"languages-TOTAL_FORMS": str(len(rows)), "languages-INITIAL_FORMS": str(len(rows))}
    for i, (code, level) in enumerate(rows):
        data[f"languages-{i}-language"] = code
        data[f"languages-{i}-level"] = level
    return data


def skills_post(rows: list[tuple[str, str, str]]) -> dict:
    data = {"skills-TOTAL_FORMS": str(len(rows)), "skills-INITIAL_FORMS": str(len(rows))}
    for i, (slug, level, years) in enumerate(rows):
        data[f"skills-{i}-skill"] = slug
        data[f"skills-{i}-level"] = level
        data[f"skills-{i}-years"] = years
    return data


def test_the_whole_wizard(client):
    user = UserFactory()
    law = SkillFactory(slug="strategic-litigation")
    client.force_login(user)

    response = client.post(
        step(1),
        {
            "origin_country": "SY",
            "residence_country": "DE",
            "residence_city": "Berlin",
            "bio": "Lawyer.",
        },
    )
    assert response["Location"] == step(2)
    response = client.post(step(2), languages_post([("ar", "4"), ("de", "3"), ("", "")]))
    assert response["Location"] == step(3)
    response = client.post(
        step(3), skills_post([("strategic-litigation", "4", "12"), ("", "", "")])
    )
    assert response["Location"] == step(4)
    response = client.post(
        step(4),
        {
            "hours_per_month": "10",
            "work_mode": "both",
            "time_zone": "Europe/Berlin",
            "contributions": ["expertise", "mentoring"],
        },
    )
    assert response["Location"] == step(5)
    privacy = {f"visibility_{f}": "staff" for f in DiasporaProfile.VISIBLE_FIELDS}
    privacy["visibility_skills"] = "public"
    privacy["consent_to_matching"] = "on"
    response = client.post(step(5), privacy)
    profile = DiasporaProfile.objects.get(user=user)
    assert response["Location"] == "/en/diaspora/profile/"
    assert (profile.origin_country.code, profile.residence_city) == ("SY", "Berlin")
    assert sorted(profile.languages.values_list("language", "level")) == [("ar", 4), ("de", 3)]
    [skill] = profile.skills.all()
    assert (skill.skill, skill.level, skill.years) == (law, 4, 12)
    assert (profile.hours_per_month, profile.work_mode) == (10, "both")
    assert profile.contributions == ["expertise", "mentoring"]
    assert profile.consent_to_matching is True
    assert profile.consent_given_at is not None
    assert profile.visibility_of("skills") == FieldVisibility.PUBLIC
    assert profile.visibility_of("bio") == FieldVisibility.STAFF


def test_a_new_profile_shares_nothing_and_is_not_matched():
    user = UserFactory()
    from diaspora.services import profile_get_or_create

    profile = profile_get_or_create(user=user)
    assert profile.consent_to_matching is False
    assert all(profile.visibility_of(f) == "staff" for f in DiasporaProfile.VISIBLE_FIELDS)


def test_each_step_shows_three_empty_rows_after_the_saved_ones(client):
    profile = ProfileFactory()
    give_skill(profile)
    client.force_login(profile.user)
    html = client.get(step(3)).content.decode()
    assert 'name="skills-TOTAL_FORMS" value="4"' in html


def test_steps_ahead_of_the_profile_are_not_linked(client):
    client.force_login(UserFactory())
    html = client.get(step(1)).content.decode()
    assert step(1) in html
    assert f'href="{step(3)}"' not in html


@pytest.mark.parametrize(
    ("url", "data", "message"),
    [
        (3, skills_post([("no-such-skill", "2", "1")]), "Select a valid choice"),
        (3, skills_post([("legal-aid", "7", "1")]), "Select a valid choice"),
        (3, skills_post([("legal-aid", "2", "-3")]), "greater than or equal to 0"),
        (3, skills_post([("legal-aid", "", "2")]), "Choose a level from 1 to 4"),
        (
            4,
            {"hours_per_month": "-5", "work_mode": "remote", "time_zone": "UTC"},
            "greater than or equal to 0",
        ),
        (
            4,
            {"hours_per_month": "500", "work_mode": "remote", "time_zone": "UTC"},
            "less than or equal to 160",
        ),
        (2, languages_post([("ar", "9")]), "Select a valid choice"),
    ],
)
def test_bad_input_gets_a_clear_error_and_changes_nothing(client, url, data, message):
    SkillFactory(slug="legal-aid")
    profile = ProfileFactory(hours_per_month=10)
    existing = give_skill(profile, level=2)
    client.force_login(profile.user)
    response = client.post(step(url), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    profile.refresh_from_db()
    assert profile.hours_per_month == 10
    assert list(profile.skills.all()) == [existing]


def test_the_wizard_needs_an_account(client):
    response = client.get(step(1))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert client.get("/en/diaspora/profile/step/9/").status_code == 302


def test_a_language_without_a_level_is_refused(client):
    profile = ProfileFactory()
    client.force_login(profile.user)
    response = client.post(step(2), languages_post([("ar", "")]))
    assert "Choose a level from 1 to 4." in response.content.decode()
    assert not profile.languages.exists()


def test_language_names_are_in_the_readers_language(client):
    client.force_login(ProfileFactory().user)
    html = client.get("/ar/diaspora/profile/step/2/").content.decode()
    assert "الدنماركيّة" in html  # Danish, named in Arabic


def test_a_full_language_list_can_still_be_saved(client):
    from tests.diaspora.factories import give_language

    profile = ProfileFactory()
    codes = ["ar", "en", "fr", "de", "es", "it", "nl", "sv", "da", "fi", "pl", "ru"]  # 12: the cap
    for code in codes:
        give_language(profile, code, 3)
    client.force_login(profile.user)
    html = client.get(step(2)).content.decode()
    assert 'name="languages-TOTAL_FORMS" value="12"' in html  # no blank rows past the cap
    response = client.post(step(2), languages_post([(code, "3") for code in codes]))
    assert response.status_code == 302
    assert profile.languages.count() == 12


def test_a_skill_no_longer_offered_is_kept_when_the_step_is_saved(client):
    from humena.taxonomy.models import SkillCategory

    profile = ProfileFactory()
    old = give_skill(profile, SkillFactory(slug="old-skill"), level=3, years=4)
    SkillCategory.objects.filter(pk=old.skill.category_id).update(is_active=False)
    client.force_login(profile.user)
    assert 'value="old-skill" selected' in client.get(step(3)).content.decode()
    client.post(step(3), skills_post([("old-skill", "3", "4")]))
    assert list(profile.skills.values_list("skill__slug", flat=True)) == ["old-skill"]
