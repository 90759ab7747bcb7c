"""What people can report: each level registers its kinds of user-written things here, in
`<app>/moderation.py` (imported by the app's `ready()`), so the kernel never imports a level.

A kind says who wrote a thing (the author, told when it is hidden, and who with staff still sees
it), who may see it (one reports only what one can see: anything else answers 404), a short text
for the queue and where it lives on the site.
"""

from collections.abc import Callable
from dataclasses import dataclass

import rules
from django.db.models import Model, Q


@dataclass(frozen=True)
class Kind:
    key: str
    model: type[Model]
    # The path from the model to the author's user, for querysets ("created_by", "user").
    author_field: str
    # Whether this user may see this thing at all (before moderation hides it).
    can_view: Callable[[object, Model], bool]
    excerpt: Callable[[Model], str]
    url: Callable[[Model], str | None] = lambda obj: None
    # The field that addresses a thing in report links and the API: "public_id" where the primary
    # key must not be exposed (profiles: sequential ids would let anyone walk the directory).
    lookup: str = "pk"
    # False where the author is a stand-in (an event's or a need's initiative creator): such a
    # thing can be hidden, but no one person is warned or suspended over it.
    personal_author: bool = True

    def ref(self, obj: Model) -> str:
        return str(getattr(obj, self.lookup))

    @property
    def label(self) -> str:
        return self.model._meta.verbose_name

    def author(self, obj: Model):
        value = obj
        for part in self.author_field.split("__"):
            value = getattr(value, part, None)
            if value is None:
                return None
        return value


_KINDS: dict[str, Kind] = {}


def register(kind: Kind) -> None:
    _KINDS[kind.key] = kind


def kinds() -> list[Kind]:
    return list(_KINDS.values())


def kind_for_key(key: str) -> Kind | None:
    return _KINDS.get(key)


def kind_for_model(model: type[Model]) -> Kind | None:
    return next((kind for kind in _KINDS.values() if kind.model is model), None)


def visible_q(user, author_field: str, *, path: str = "") -> Q:
    """The rows of a moderated model this user may see: all for staff, otherwise what is not
    hidden plus what they wrote. Selectors add it to every list and detail query.

    `path` reaches the moderated thing from another model (memberships of initiatives:
    `visible_q(user, "created_by", path="initiative")`)."""
    from humena.core.mfa import has_staff_powers

    prefix = f"{path}__" if path else ""
    shown = Q(**{f"{prefix}hidden_at__isnull": True})
    if user is None or not user.is_authenticated:
        return shown
    if has_staff_powers(user):
        return Q()
    return shown | Q(**{f"{prefix}{author_field}": user})


def _author_id(kind: Kind, obj: Model):
    """The author's id, read from the foreign key's column: no query for the last step."""
    *path, last = kind.author_field.split("__")
    value = obj
    for part in path:
        value = getattr(value, part, None)
        if value is None:
            return None
    return getattr(value, f"{last}_id", None)


def can_see_hidden(user, obj: Model) -> bool:
    """A hidden thing answers 404 to everyone but its author and staff (True when not hidden).
    Who else manages it (an initiative's organisers, a network's coordinators) is for each
    level's rules to add: `is_shown | can_manage`."""
    from humena.core.mfa import has_staff_powers

    if getattr(obj, "hidden_at", None) is None:
        return True
    if user is None or not user.is_authenticated:
        return False
    if has_staff_powers(user):
        return True
    kind = kind_for_model(type(obj))
    return kind is not None and _author_id(kind, obj) == user.pk


@rules.predicate
def is_shown(user, obj) -> bool:
    """For rules: not hidden, or seen by its author or staff (`can_see_hidden`)."""
    return obj is not None and can_see_hidden(user, obj)
