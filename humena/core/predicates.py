"""Predicates and checks every app's `rules.py` shares (django-rules)."""

import rules

from humena.core.mfa import has_staff_powers


@rules.predicate
def is_staff(user) -> bool:
    """Staff powers: a staff account whose session passed a second factor."""
    return has_staff_powers(user)


@rules.predicate
def is_signed_in(user) -> bool:
    return bool(user.is_authenticated and user.is_active)


def allows(permission: str, user, obj=None) -> bool:
    """Test a rule itself, without Django's superuser shortcut.

    For rules about the state of things rather than about power (joining an initiative that
    takes members, signing a petition while it is live), staff and superusers get no exception.
    """
    return rules.permissions.has_perm(permission, user, obj)
