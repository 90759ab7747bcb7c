"""engagement/rules.py: one test per permission, over every role and the states that matter.

Each check reads a fresh Initiative (or Update, Event) from the database, because the rules cache
the user's membership on the instance they are given (`_membership_cache`).

Roles: the six of the role table (anonymous, signed-in non-member, pending member, approved member,
organiser, staff), plus members whose request was declined or who left (who must count as
non-members), plus staff that is not a superuser. StaffFactory makes superusers, whom Django's
`PermissionsMixin.has_perm` lets through before django-rules is asked; the extra staff role shows
what the `is_staff` predicate itself decides.
"""

import pytest
from django.contrib.auth.models import AnonymousUser

from engagement.models import Event, Initiative, Membership, Update, Visibility
from engagement.rules import allows
from tests.engagement.factories import EventFactory, InitiativeFactory, UpdateFactory, add_member
from tests.factories import StaffFactory, UserFactory

pytestmark = pytest.mark.django_db

ROLES = (
    "anonymous",
    "non_member",
    "pending",
    "declined",
    "left",
    "approved",
    "organiser",
    "staff",
    "staff_not_superuser",
)
NOBODY: frozenset[str] = frozenset()
EVERYONE = frozenset(ROLES)
SIGNED_IN = EVERYONE - {"anonymous"}
MANAGERS = frozenset({"organiser", "staff", "staff_not_superuser"})
MEMBERS_AND_MANAGERS = MANAGERS | {"approved"}

# Rules about the state of things (joining, leaving, answering an invitation) are asked through
# engagement.rules.allows, which gives superusers no exception; power rules use has_perm, where a
# superuser may do everything.
STATE_RULES = {
    "engagement.join_initiative",
    "engagement.leave_initiative",
    "engagement.rsvp_event",
}

DRAFT, OPEN, ACTIVE = Initiative.Status.DRAFT, Initiative.Status.OPEN, Initiative.Status.ACTIVE
COMPLETED, ARCHIVED = Initiative.Status.COMPLETED, Initiative.Status.ARCHIVED
PUBLIC, MEMBERS_ONLY = Initiative.Visibility.PUBLIC, Initiative.Visibility.MEMBERS


ROLE_MAKERS = {
    "anonymous": lambda initiative: AnonymousUser(),
    "non_member": lambda initiative: UserFactory(),
    "pending": lambda initiative: add_member(initiative, status=Membership.Status.PENDING),
    "declined": lambda initiative: add_member(initiative, status=Membership.Status.DECLINED),
    "left": lambda initiative: add_member(initiative, status=Membership.Status.LEFT),
    "approved": add_member,
    "organiser": lambda initiative: initiative.organiser_user,
    "staff": lambda initiative: StaffFactory(),
    "staff_not_superuser": lambda initiative: _with_mfa(UserFactory(is_staff=True)),
}
assert set(ROLE_MAKERS) == set(ROLES)


def _with_mfa(user):
    user.mfa_passed = True  # what StaffMfaMiddleware sets for a session that passed MFA
    return user


def _user_for(role: str, initiative: Initiative):
    return ROLE_MAKERS[role](initiative)


def _cases(states: dict[str, frozenset[str]]) -> list:
    """(state, role, expected) for every role; expected is True for the roles in the set."""
    cases = []
    for state, allowed in states.items():
        for role in ROLES:
            expected = role in allowed
            cases.append(pytest.param(state, role, expected, id=f"{state}-{role}"))
    return cases


def _initiative(state: str) -> Initiative:
    """`state` is "<status>-<visibility>", optionally "-approval" for the join policy."""
    status, visibility, *policy = state.split("-")
    join_policy = Initiative.JoinPolicy.APPROVAL if policy else Initiative.JoinPolicy.OPEN
    return InitiativeFactory(status=status, visibility=visibility, join_policy=join_policy)


def _has_perm(role: str, permission: str, state: str) -> bool:
    initiative = _initiative(state)
    user = _user_for(role, initiative)
    fresh = Initiative.objects.get(pk=initiative.pk)
    if permission in STATE_RULES:
        return allows(permission, user, fresh)
    return user.has_perm(permission, fresh)


# Permissions that only organisers and staff hold, whatever the initiative's state.
MANAGE_STATES = {
    "open-public": MANAGERS,
    "open-members": MANAGERS,
    "draft-public": MANAGERS,
    "archived-members": MANAGERS,
}


@pytest.mark.parametrize(
    ("state", "role", "expected"),
    _cases(
        {
            "open-public": EVERYONE,
            "active-public": EVERYONE,
            "archived-public": EVERYONE,
            "open-members": MEMBERS_AND_MANAGERS,
            "archived-members": MEMBERS_AND_MANAGERS,
            # A draft is seen by its organisers and staff only, even by approved members.
            "draft-public": MANAGERS,
            "draft-members": MANAGERS,
        }
    ),
)
def test_view_initiative(state, role, expected):
    assert _has_perm(role, "engagement.view_initiative", state) is expected


@pytest.mark.parametrize("role", ROLES)
def test_add_initiative(role):
    initiative = InitiativeFactory()
    user = _user_for(role, initiative)
    assert user.has_perm("engagement.add_initiative") is (role != "anonymous")


@pytest.mark.parametrize(("state", "role", "expected"), _cases(MANAGE_STATES))
def test_change_initiative(state, role, expected):
    assert _has_perm(role, "engagement.change_initiative", state) is expected


@pytest.mark.parametrize(
    ("state", "role", "expected"),
    _cases(
        {
            "open-public": SIGNED_IN,
            "active-public": SIGNED_IN,
            "open-public-approval": SIGNED_IN,
            # Visibility is not this rule's business: a members-only initiative is joined through
            # its invitation link, which the service checks.
            "open-members": SIGNED_IN,
            "draft-public": NOBODY,
            "completed-public": NOBODY,
            "archived-public": NOBODY,
        }
    ),
)
def test_join_initiative(state, role, expected):
    assert _has_perm(role, "engagement.join_initiative", state) is expected


@pytest.mark.parametrize(
    ("state", "role", "expected"),
    _cases(
        {
            # Pending members may withdraw their request; organisers are approved members.
            "open-public": frozenset({"pending", "approved", "organiser"}),
            "archived-members": frozenset({"pending", "approved", "organiser"}),
        }
    ),
)
def test_leave_initiative(state, role, expected):
    assert _has_perm(role, "engagement.leave_initiative", state) is expected


@pytest.mark.parametrize(("state", "role", "expected"), _cases(MANAGE_STATES))
def test_view_members(state, role, expected):
    assert _has_perm(role, "engagement.view_members", state) is expected


@pytest.mark.parametrize(("state", "role", "expected"), _cases(MANAGE_STATES))
def test_manage_members(state, role, expected):
    assert _has_perm(role, "engagement.manage_members", state) is expected


@pytest.mark.parametrize(("state", "role", "expected"), _cases(MANAGE_STATES))
def test_post_update(state, role, expected):
    assert _has_perm(role, "engagement.post_update", state) is expected


@pytest.mark.parametrize(("state", "role", "expected"), _cases(MANAGE_STATES))
def test_manage_events(state, role, expected):
    assert _has_perm(role, "engagement.manage_events", state) is expected


@pytest.mark.parametrize(("state", "role", "expected"), _cases(MANAGE_STATES))
def test_manage_needs(state, role, expected):
    assert _has_perm(role, "engagement.manage_needs", state) is expected


@pytest.mark.parametrize(
    ("state", "role", "expected"),
    _cases(
        {
            "open-public": MEMBERS_AND_MANAGERS,
            "open-members": MEMBERS_AND_MANAGERS,
            "archived-public": MEMBERS_AND_MANAGERS,
        }
    ),
)
def test_see_members_only_content(state, role, expected):
    assert _has_perm(role, "engagement.see_members_only_content", state) is expected


@pytest.mark.parametrize(
    ("state", "role", "expected"),
    _cases(
        {
            # Answering an invitation is for members: staff who are not members may not.
            "open-public": frozenset({"approved", "organiser"}),
            "open-members": frozenset({"approved", "organiser"}),
        }
    ),
)
def test_rsvp_event(state, role, expected):
    assert _has_perm(role, "engagement.rsvp_event", state) is expected


# "<initiative status>-<initiative visibility>/<item visibility>"
ITEM_STATES = {
    "open-public/public": EVERYONE,
    "open-public/members": MEMBERS_AND_MANAGERS,
    "archived-public/public": EVERYONE,
    "open-members/public": MEMBERS_AND_MANAGERS,
    "open-members/members": MEMBERS_AND_MANAGERS,
    "draft-public/public": MANAGERS,
    "draft-public/members": MANAGERS,
}


def _item_has_perm(role: str, permission: str, state: str, factory, model) -> bool:
    initiative_state, item_visibility = state.split("/")
    initiative = _initiative(initiative_state)
    item = factory(initiative=initiative, visibility=Visibility(item_visibility))
    user = _user_for(role, initiative)
    # A fresh item brings a fresh initiative, so no membership is cached from setting up.
    return user.has_perm(permission, model.objects.get(pk=item.pk))


@pytest.mark.parametrize(("state", "role", "expected"), _cases(ITEM_STATES))
def test_view_update(state, role, expected):
    assert _item_has_perm(role, "engagement.view_update", state, UpdateFactory, Update) is expected


@pytest.mark.parametrize(("state", "role", "expected"), _cases(ITEM_STATES))
def test_view_event(state, role, expected):
    assert _item_has_perm(role, "engagement.view_event", state, EventFactory, Event) is expected
