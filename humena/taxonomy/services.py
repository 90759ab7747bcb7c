"""Writes to the shared vocabularies."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from humena.taxonomy import seed_data
from humena.taxonomy.models import Skill, SkillCategory, Theme

NAME_FIELDS = ("name_en", "name_ar", "name_fr")


@dataclass(frozen=True)
class SeedResult:
    created: int
    updated: int


def _names(entry: dict) -> dict[str, str]:
    return {field: entry[field] for field in NAME_FIELDS}


def _upsert_by_slug(
    model, rows: list[tuple[str, dict]], *, overwrite: bool
) -> tuple[dict, int, int]:
    """One query reads what exists, one inserts what is missing (and, when asked, one rewrites
    the existing rows): the seed runs on every deploy and grows with every vocabulary entry."""
    existing = model.objects.in_bulk([slug for slug, _fields in rows], field_name="slug")
    missing = [model(slug=slug, **fields) for slug, fields in rows if slug not in existing]
    model.objects.bulk_create(missing)
    updated = 0
    if overwrite and existing:
        now = timezone.now()
        field_names = list(rows[0][1])
        for slug, fields in rows:
            if obj := existing.get(slug):
                for name, value in fields.items():
                    setattr(obj, name, value)
                obj.updated_at = now
        updated = model.objects.bulk_update(existing.values(), [*field_names, "updated_at"])
    return {**existing, **{obj.slug: obj for obj in missing}}, len(missing), updated


@transaction.atomic
def taxonomy_seed(*, overwrite_names: bool = False) -> SeedResult:
    """Create the seed themes, categories and skills that are missing; idempotent.

    Staff edit names in the admin, so existing names are kept unless `overwrite_names` is set.
    """
    themes = [
        (theme["slug"], {**_names(theme), "position": position})
        for position, theme in enumerate(seed_data.THEMES)
    ]
    categories = [
        (category["slug"], {**_names(category), "position": position})
        for position, category in enumerate(seed_data.SKILL_CATEGORIES)
    ]
    _themes, created, updated = _upsert_by_slug(Theme, themes, overwrite=overwrite_names)
    by_slug, created_categories, updated_categories = _upsert_by_slug(
        SkillCategory, categories, overwrite=overwrite_names
    )
    skills = [
        (
            skill["slug"],
            {**_names(skill), "position": position, "category": by_slug[category["slug"]]},
        )
        for category in seed_data.SKILL_CATEGORIES
        for position, skill in enumerate(category["skills"])
    ]
    _skills, created_skills, updated_skills = _upsert_by_slug(
        Skill, skills, overwrite=overwrite_names
    )
    return SeedResult(
        created=created + created_categories + created_skills,
        updated=updated + updated_categories + updated_skills,
    )
