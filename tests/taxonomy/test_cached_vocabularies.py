"""The browse filters' themes and skills come from the cache, cleared by any change to them."""

import pytest

from humena.taxonomy.models import Skill, SkillCategory, Theme
from humena.taxonomy.selectors import vocabularies_active_cached

pytestmark = pytest.mark.django_db

URL = "/en/initiatives/"


def _theme(slug: str, **fields) -> Theme:
    return Theme.objects.create(
        slug=slug, name_en=slug.title(), name_ar="س", name_fr=slug, **fields
    )


def test_cached_after_the_first_read(django_assert_num_queries):
    _theme("water")
    vocabularies_active_cached()
    with django_assert_num_queries(0):
        themes, _skills = vocabularies_active_cached()
    assert [t.slug for t in themes] == ["water"]


def test_a_new_or_changed_theme_shows_at_once_on_the_browse_page(client):
    _theme("water")
    assert "Water" in client.get(URL).content.decode()
    housing = _theme("housing")
    assert "Housing" in client.get(URL).content.decode()
    housing.is_active = False
    housing.save()
    html = client.get(URL).content.decode()
    assert "Housing" not in html
    assert "Water" in html


def test_a_deleted_skill_or_a_deactivated_category_leaves_the_choices(client):
    category = SkillCategory.objects.create(slug="law", name_en="Law", name_ar="ق", name_fr="Droit")
    skill = Skill.objects.create(
        slug="asylum-law", name_en="Asylum law", name_ar="ل", name_fr="Asile", category=category
    )
    first = Skill.objects.create(
        slug="tax-law", name_en="Tax law", name_ar="ض", name_fr="Fiscal", category=category
    )
    assert "Asylum law" in client.get(URL).content.decode()
    skill.delete()
    html = client.get(URL).content.decode()
    assert "Asylum law" not in html
    assert "Tax law" in html
    category.is_active = False
    category.save()
    assert first.name_en not in client.get(URL).content.decode()
