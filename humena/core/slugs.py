"""Web addresses made from titles (Arabic titles keep their letters)."""

from django.db.models import Model
from django.utils.text import slugify


def unique_slug(
    model: type[Model],
    title: str,
    *,
    reserved: frozenset[str] | set[str] = frozenset(),
    exclude_pk: int | None = None,
) -> str:
    """A slug for `title` that no other row of `model` has and that no fixed path uses."""
    base = slugify(title, allow_unicode=True)[:200] or model._meta.model_name
    if base in reserved:
        base = f"{base}-{model._meta.model_name}"
    existing = (
        model._default_manager.exclude(pk=exclude_pk) if exclude_pk else model._default_manager
    )
    slug, n = base, 1
    while existing.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug
