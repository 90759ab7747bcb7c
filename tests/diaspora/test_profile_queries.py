"""The own-profile endpoint reads and writes skills in a fixed number of queries, however many
skills the profile lists (it once asked the database once per skill, both ways)."""

import pytest
from rest_framework.test import APIClient

from tests.diaspora.factories import ProfileFactory, give_language, give_skill
from tests.engagement.factories import SkillFactory

pytestmark = pytest.mark.django_db

PROFILE = "/api/v1/diaspora/profile/"


def _signed_in(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.mark.parametrize("count", [3, 12])
def test_reading_the_profile_does_not_grow_with_its_skills(django_assert_num_queries, count):
    profile = ProfileFactory()
    give_language(profile)
    for _ in range(count):
        give_skill(profile)
    # 1 profile + 1 languages + 1 skills with their slugs.
    with django_assert_num_queries(3):
        response = _signed_in(profile.user).get(PROFILE)
    assert response.status_code == 200
    assert len(response.json()["skills"]) == count


@pytest.mark.parametrize("count", [3, 12])
def test_writing_the_skills_does_not_grow_with_them(django_assert_num_queries, count):
    profile = ProfileFactory()
    skills = [SkillFactory() for _ in range(count)]
    rows = [{"skill": skill.slug, "level": 2, "years": 1} for skill in skills]
    client = _signed_in(profile.user)
    # 1 profile + 1 lookup of every row's skill + 2 savepoints (view, service), delete, insert,
    # wizard step, 2 releases + the answer: 1 profile + 1 languages + 1 skills.
    with django_assert_num_queries(12):
        response = client.patch(PROFILE, {"skills": rows}, format="json")
    assert response.status_code == 200, response.content
    assert sorted(row["skill"] for row in response.json()["skills"]) == sorted(
        skill.slug for skill in skills
    )


def test_an_unknown_skill_is_named_in_its_row():
    SkillFactory(slug="translation")
    profile = ProfileFactory()
    rows = [{"skill": "translation", "level": 2}, {"skill": "no-such-skill", "level": 2}]
    response = _signed_in(profile.user).patch(PROFILE, {"skills": rows}, format="json")
    assert response.status_code == 400
    assert not profile.skills.exists()
