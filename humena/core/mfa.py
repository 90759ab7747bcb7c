"""Whether a request's session passed multi-factor authentication.

The admin (and a staff member's API token) need a second factor passed in this very session,
recently: a TOTP or recovery code, a security key or a passkey. A password alone, or a browser
trusted after an earlier sign-in, never opens it.
"""

import time

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.http import HttpRequest

STRONG_AUTHENTICATOR_TYPES = [Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]


def user_has_strong_mfa(user) -> bool:
    return bool(user.is_authenticated) and is_mfa_enabled(user, STRONG_AUTHENTICATOR_TYPES)


def session_passed_mfa(request: HttpRequest, *, max_age: int | None = None) -> bool:
    user = request.user
    if not user_has_strong_mfa(user):
        return False
    max_age = settings.ADMIN_MFA_MAX_AGE if max_age is None else max_age
    now = time.time()
    return any(
        record.get("method") == "mfa" and now - float(record.get("at", 0)) <= max_age
        for record in get_authentication_records(request, user)
    )


def has_staff_powers(user) -> bool:
    """Staff act as staff only in a session that passed a second factor (set per request by
    StaffMfaMiddleware, or by the token authentication: staff tokens are made after MFA).
    Otherwise a staff account is a member like any other."""
    return bool(
        user.is_authenticated
        and user.is_active
        and user.is_staff
        and getattr(user, "mfa_passed", False)
    )
