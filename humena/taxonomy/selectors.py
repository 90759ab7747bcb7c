"""Reads of the shared vocabularies."""

from django.db.models import QuerySet

from humena.taxonomy.models import Skill, SkillCategory, Theme


def themes_active() -> QuerySet[Theme]:
    return Theme.objects.filter(is_active=True)


def skill_categories_active() -> QuerySet[SkillCategory]:
    return SkillCategory.objects.filter(is_active=True)


def skills_active() -> QuerySet[Skill]:
    return Skill.objects.filter(is_active=True, category__is_active=True).select_related("category")
