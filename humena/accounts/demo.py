"""Demo accounts for a first run. Passwords are public: DEBUG-only (see seed_demo)."""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.conf import settings

from humena.accounts.models import User

DEMO_PASSWORD = "humena-demo-2026"  # noqa: S105 - published in the README on purpose
DEMO_MEMBER_EMAIL = "member@humena.example"
DEMO_STAFF_EMAIL = "staff@humena.example"


def _ensure_user(*, email: str, display_name: str, staff: bool) -> User:
    user, created = User.objects.get_or_create(
        email=email,
        defaults={
            "display_name": display_name,
            "is_staff": staff,
            "is_superuser": staff,
            "preferred_language": "en",
        },
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user


def load(stdout) -> None:
    _ensure_user(email=DEMO_MEMBER_EMAIL, display_name="Olive Heron 21", staff=False)
    staff = _ensure_user(email=DEMO_STAFF_EMAIL, display_name="HuMENA Staff", staff=True)
    secret = getattr(settings, "DEMO_TOTP_SECRET", "")
    if (
        secret
        and not Authenticator.objects.filter(user=staff, type=Authenticator.Type.TOTP).exists()
    ):
        TOTP.activate(staff, secret)
    stdout.write(
        f"Demo accounts: {DEMO_MEMBER_EMAIL} and {DEMO_STAFF_EMAIL}, password {DEMO_PASSWORD!r}; "
        "the staff account's TOTP code: `make demo-totp`."
    )
