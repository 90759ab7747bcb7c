"""Blocking between members: the services, the selectors the levels filter with, and the places
where members meet (docs/moderation.md, "Blocking").

A member blocks another where they meet them: on a profile, on a request to meet them, on a
request to join what they organise. Each level registers those places here (`Encounter`, in its
`<app>/moderation.py`), so the kernel never imports a level. Blocks are never shown to the one
blocked: wherever a block acts, they see what they would see if the blocker were simply not
available. Blocking is a private act between two members: no audit entry, no notification.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from humena.accounts.models import User
from humena.moderation.models import Block

# --- Where members meet ---------------------------------------------------------------------


@dataclass(frozen=True)
class Met:
    """Someone a viewer met, where they met them (the page to go back to), and a few words about
    that place for the confirmation page."""

    person: User
    back: str
    where: str


@dataclass(frozen=True)
class Encounter:
    key: str
    # The person behind `reference` (a profile's public id, a request's id) if this viewer meets
    # them there; None for anything else, so a reference never tells more than the page does.
    find: Callable[[User, str], Met | None]


_ENCOUNTERS: dict[str, Encounter] = {}


def register_encounter(encounter: Encounter) -> None:
    _ENCOUNTERS[encounter.key] = encounter


def encounter_keys() -> list[str]:
    return sorted(_ENCOUNTERS)


def person_met(*, viewer: User, source: str, reference: str) -> Met | None:
    encounter = _ENCOUNTERS.get(source)
    if encounter is None or not viewer.is_authenticated:
        return None
    return encounter.find(viewer, reference)


# --- Selectors ------------------------------------------------------------------------------


def _user_id(user) -> int | None:
    """A user, a user's id, or nobody (None, anonymous)."""
    if user is None or isinstance(user, int):
        return user
    return user.pk if user.is_authenticated else None


def blocked_ids_for(user) -> QuerySet:
    """The ids of the people `user` blocked: a subquery for `field__in=`."""
    user_id = _user_id(user)
    blocks = Block.objects.filter(blocker_id=user_id) if user_id else Block.objects.none()
    return blocks.order_by().values_list("blocked_id", flat=True)


def blockers_of(user) -> QuerySet:
    """The ids of the people who blocked `user`: a subquery for `field__in=`."""
    user_id = _user_id(user)
    blocks = Block.objects.filter(blocked_id=user_id) if user_id else Block.objects.none()
    return blocks.order_by().values_list("blocker_id", flat=True)


def blocked_either_way_q(user, field: str) -> Q:
    """Rows whose person (`field`, a path to a user) blocked `user` or was blocked by them.
    Matches nothing for nobody, so `exclude()` with it leaves everything."""
    if _user_id(user) is None:
        return Q(pk__in=[])
    return Q(**{f"{field}__in": blocked_ids_for(user)}) | Q(**{f"{field}__in": blockers_of(user)})


def is_blocked(*, blocker, blocked) -> bool:
    blocker_id, blocked_id = _user_id(blocker), _user_id(blocked)
    if blocker_id is None or blocked_id is None:
        return False
    return Block.objects.filter(blocker_id=blocker_id, blocked_id=blocked_id).exists()


def blocked_either_way(first, second) -> bool:
    first_id, second_id = _user_id(first), _user_id(second)
    if first_id is None or second_id is None:
        return False
    return Block.objects.filter(
        Q(blocker_id=first_id, blocked_id=second_id) | Q(blocker_id=second_id, blocked_id=first_id)
    ).exists()


def blocks_of(*, user: User) -> QuerySet[Block]:
    """The blocks `user` made, newest first."""
    return (
        Block.objects.filter(blocker=user).select_related("blocked").order_by("-created_at", "-id")
    )


def block_of(*, user: User, block_id: int) -> Block:
    """One of `user`'s own blocks; 404 for anyone else's."""
    block = Block.objects.filter(pk=block_id, blocker=user).select_related("blocked").first()
    if block is None:
        raise Http404
    return block


# --- Services -------------------------------------------------------------------------------


@transaction.atomic
def block_create(*, blocker: User, blocked: User) -> tuple[Block, bool]:
    """Block `blocked`; blocking twice is harmless (the first block, and False, come back)."""
    if blocker.pk == blocked.pk:
        raise ValidationError(_("You cannot block yourself."), code="self")
    return Block.objects.get_or_create(blocker=blocker, blocked=blocked)


@transaction.atomic
def block_remove(*, blocker: User, blocked: User) -> bool:
    """Unblock; True when there was a block. The other person is not told either way."""
    deleted, _rows = Block.objects.filter(blocker=blocker, blocked=blocked).delete()
    return deleted > 0
