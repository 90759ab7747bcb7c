"""Reads for reporting: the thing behind a (kind, id) pair, if this person may see it."""

from django.db.models import Model
from django.http import Http404

from humena.moderation.registry import Kind, can_see_hidden, kind_for_key


def reportable_get(*, key: str, object_id: int, user) -> tuple[Kind, Model]:
    """The thing and its kind; 404 when the kind is unknown, the thing is missing, or this person
    may not see it (one cannot report, or learn of, what one cannot see)."""
    kind = kind_for_key(key)
    if kind is None:
        raise Http404
    obj = kind.model._default_manager.filter(pk=object_id).first()
    if obj is None or not can_see_hidden(user, obj) or not kind.can_view(user, obj):
        raise Http404
    return kind, obj
