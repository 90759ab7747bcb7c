import io
import re

import pytest
from django.core.management import call_command
from django.utils import translation

from humena.taxonomy import seed_data
from humena.taxonomy.models import Skill, SkillCategory, Theme
from humena.taxonomy.services import taxonomy_seed

pytestmark = pytest.mark.django_db

ARABIC = re.compile(r"[\u0600-\u06FF]")


def test_seed_data_is_complete_in_three_languages():
    skills = [s for c in seed_data.SKILL_CATEGORIES for s in c["skills"]]
    assert 10 <= len(seed_data.THEMES) <= 20
    assert len(seed_data.SKILL_CATEGORIES) == 12
    assert 95 <= len(skills) <= 105
    for entry in [*seed_data.THEMES, *seed_data.SKILL_CATEGORIES, *skills]:
        assert entry["name_en"]
        assert entry["name_fr"]
        assert ARABIC.search(entry["name_ar"]), entry
    slugs = [s["slug"] for s in skills]
    assert len(slugs) == len(set(slugs))


def test_seeding_twice_creates_nothing_new_and_keeps_staff_edits():
    first = taxonomy_seed()
    assert first.created == len(seed_data.THEMES) + 12 + Skill.objects.count()
    theme = Theme.objects.get(slug=seed_data.THEMES[0]["slug"])
    theme.name_fr = "Nom modifié par l’équipe"
    theme.save()
    second = taxonomy_seed()
    assert second.created == 0
    theme.refresh_from_db()
    assert theme.name_fr == "Nom modifié par l’équipe"
    call_command("seed_taxonomy", "--overwrite-names", stdout=io.StringIO())
    theme.refresh_from_db()
    assert theme.name_fr == seed_data.THEMES[0]["name_fr"]


def test_names_follow_the_active_language():
    taxonomy_seed()
    category = SkillCategory.objects.get(slug=seed_data.SKILL_CATEGORIES[0]["slug"])
    with translation.override("ar"):
        assert category.name == category.name_ar
    with translation.override("fr"):
        assert str(category) == category.name_fr
    with translation.override("de"):
        assert category.name == category.name_en
