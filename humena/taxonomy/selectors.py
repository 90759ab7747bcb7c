"""Reads of the shared vocabularies."""

from django.core.cache import cache
from django.db.models import QuerySet

from humena.taxonomy.models import Skill, SkillCategory, Theme

# The filter forms of the browse pages show every active theme and skill on every request: they
# come from the cache, cleared whenever a theme, a skill or a category changes (apps.py).
ACTIVE_CACHE_KEY = "taxonomy:active:v1"
ACTIVE_CACHE_TTL = 60 * 60


def themes_active() -> QuerySet[Theme]:
    return Theme.objects.filter(is_active=True)


def skill_categories_active() -> QuerySet[SkillCategory]:
    return SkillCategory.objects.filter(is_active=True)


def skills_active() -> QuerySet[Skill]:
    return Skill.objects.filter(is_active=True, category__is_active=True).select_related("category")


def vocabularies_active_cached() -> tuple[list[Theme], list[Skill]]:
    """Active themes, and active skills with their categories: no query while cached."""
    cached = cache.get(ACTIVE_CACHE_KEY)
    if cached is None:
        cached = (list(themes_active()), list(skills_active()))
        cache.set(ACTIVE_CACHE_KEY, cached, ACTIVE_CACHE_TTL)
    return cached


def vocabularies_forget(**kwargs) -> None:
    """A signal receiver: whatever changed a theme, a skill or a category (admin, seed, shell)."""
    cache.delete(ACTIVE_CACHE_KEY)
