"""Whether a request's session passed multi-factor authentication.

The admin is for staff who passed MFA in this session (a TOTP code, a security key or passkey),
or on a browser they marked as trusted after passing it. A password alone never opens it.
"""

from allauth.account.authentication import get_authentication_records
from allauth.mfa.internal.flows import trust
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.http import HttpRequest

STRONG_AUTHENTICATOR_TYPES = [Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]


def user_has_strong_mfa(user) -> bool:
    return bool(user.is_authenticated) and is_mfa_enabled(user, STRONG_AUTHENTICATOR_TYPES)


def session_passed_mfa(request: HttpRequest) -> bool:
    user = request.user
    if not user_has_strong_mfa(user):
        return False
    records = get_authentication_records(request, user)
    if any(record.get("method") == "mfa" for record in records):
        return True
    return trust.is_trusted_browser(request, user)
