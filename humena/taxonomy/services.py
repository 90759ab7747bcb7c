"""Writes to the shared vocabularies."""

from dataclasses import dataclass

from django.db import transaction

from humena.taxonomy import seed_data
from humena.taxonomy.models import Skill, SkillCategory, Theme

NAME_FIELDS = ("name_en", "name_ar", "name_fr")


@dataclass(frozen=True)
class SeedResult:
    created: int
    updated: int


def _names(entry: dict) -> dict[str, str]:
    return {field: entry[field] for field in NAME_FIELDS}


@transaction.atomic
def taxonomy_seed(*, overwrite_names: bool = False) -> SeedResult:
    """Create the seed themes, categories and skills that are missing; idempotent.

    Staff edit names in the admin, so existing names are kept unless `overwrite_names` is set.
    """
    created = updated = 0

    def upsert(model, slug: str, fields: dict):
        nonlocal created, updated
        obj, was_created = model.objects.get_or_create(slug=slug, defaults=fields)
        if was_created:
            created += 1
        elif overwrite_names:
            for name, value in fields.items():
                setattr(obj, name, value)
            obj.save()
            updated += 1
        return obj

    for position, theme in enumerate(seed_data.THEMES):
        upsert(Theme, theme["slug"], {**_names(theme), "position": position})
    for category_position, category_data in enumerate(seed_data.SKILL_CATEGORIES):
        category = upsert(
            SkillCategory,
            category_data["slug"],
            {**_names(category_data), "position": category_position},
        )
        for position, skill in enumerate(category_data["skills"]):
            upsert(
                Skill,
                skill["slug"],
                {**_names(skill), "position": position, "category": category},
            )
    return SeedResult(created=created, updated=updated)
