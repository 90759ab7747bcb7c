from rest_framework.authentication import TokenAuthentication


class StaffAwareTokenAuthentication(TokenAuthentication):
    """A personal token. Staff can only create one in a session that passed MFA, so a staff
    token carries staff powers."""

    def authenticate_credentials(self, key):
        user, token = super().authenticate_credentials(key)
        if user.is_staff:
            user.mfa_passed = True
        return user, token
