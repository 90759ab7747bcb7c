"""Who may do what with initiatives. Views and the API name these permissions; they decide.

Roles: anonymous visitor, member (signed in), pending member, approved member, organiser, staff.
Private things answer 404 to whoever may not view them (see docs/permissions.md).
"""

import rules

from engagement.models import Initiative, Membership, Visibility
from humena.core.predicates import allows, is_signed_in, is_staff  # noqa: F401 - part of this module's rules
from humena.moderation.registry import is_shown


def _membership(user, initiative: Initiative) -> Membership | None:
    """The user's membership, looked up once per request and initiative."""
    if not user.is_authenticated or initiative is None:
        return None
    cache = getattr(initiative, "_membership_cache", None)
    if cache is None:
        cache = initiative._membership_cache = {}
    if user.pk not in cache:
        cache[user.pk] = Membership.objects.filter(user=user, initiative=initiative).first()
    return cache[user.pk]


@rules.predicate
def is_organiser(user, initiative: Initiative) -> bool:
    membership = _membership(user, initiative)
    return bool(membership and membership.is_active_organiser)


@rules.predicate
def is_approved_member(user, initiative: Initiative) -> bool:
    membership = _membership(user, initiative)
    return bool(membership and membership.status == Membership.Status.APPROVED)


@rules.predicate
def is_pending_member(user, initiative: Initiative) -> bool:
    membership = _membership(user, initiative)
    return bool(membership and membership.status == Membership.Status.PENDING)


@rules.predicate
def is_published(user, initiative: Initiative) -> bool:
    return initiative is not None and initiative.is_published


@rules.predicate
def is_public(user, initiative: Initiative) -> bool:
    return initiative is not None and initiative.visibility == Initiative.Visibility.PUBLIC


@rules.predicate
def is_joinable(user, initiative: Initiative) -> bool:
    return initiative is not None and initiative.is_joinable


@rules.predicate
def is_not_hidden(user, initiative: Initiative) -> bool:
    return initiative is not None and initiative.hidden_at is None


can_manage = is_staff | is_organiser
# Hidden by moderators: only its organisers, its author and staff still see it (with a notice).
can_view = can_manage | (is_published & (is_public | is_approved_member) & is_shown)

rules.add_perm("engagement.view_initiative", can_view)
rules.add_perm("engagement.add_initiative", is_signed_in)
rules.add_perm("engagement.change_initiative", can_manage)
rules.add_perm("engagement.join_initiative", is_signed_in & is_joinable & is_not_hidden)
rules.add_perm("engagement.leave_initiative", is_approved_member | is_pending_member)
rules.add_perm("engagement.view_members", can_manage)
rules.add_perm("engagement.manage_members", can_manage)
rules.add_perm("engagement.post_update", can_manage)
rules.add_perm("engagement.manage_events", can_manage)
rules.add_perm("engagement.manage_needs", can_manage)
rules.add_perm("engagement.see_members_only_content", can_manage | is_approved_member)
rules.add_perm("engagement.rsvp_event", is_approved_member | is_organiser)


@rules.predicate
def can_read_item(user, item) -> bool:
    """An update or event: visible with its initiative; members-only ones to members only; a
    hidden one to its initiative's organisers, its author and staff only."""
    if item is None:
        return False  # asked without an object (the admin's menu): the model permission decides
    initiative = item.initiative
    if not can_view(user, initiative):
        return False
    if not is_shown(user, item) and not can_manage(user, initiative):
        return False
    if item.visibility == Visibility.PUBLIC:
        return True
    return bool(can_manage(user, initiative) or is_approved_member(user, initiative))


rules.add_perm("engagement.view_update", can_read_item)
rules.add_perm("engagement.view_event", can_read_item)
