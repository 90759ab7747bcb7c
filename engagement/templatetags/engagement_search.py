from django import template

from engagement import search

register = template.Library()


@register.filter
def search_capped(count: int) -> bool:
    """Whether a search's count reached the cap (engagement.search.CANDIDATES): "more than"."""
    return count >= search.CANDIDATES
