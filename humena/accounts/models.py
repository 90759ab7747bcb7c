import zoneinfo

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.exceptions import ValidationError
from django.core.validators import MinLengthValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from humena.accounts.pseudonyms import generate_pseudonym
from humena.core.models import TimeStampedModel


def validate_time_zone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("%(value)s is not a known time zone."), params={"value": value})


def default_language() -> str:
    return settings.LANGUAGE_CODE


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email: str, password: str | None = None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        if not extra_fields["is_staff"] or not extra_fields["is_superuser"]:
            raise ValueError("A superuser must have is_staff and is_superuser set.")
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, username: str):
        return self.get(email__iexact=username)


class User(AbstractBaseUser, PermissionsMixin, TimeStampedModel):
    """A person. Public everywhere as `display_name`, a pseudonym unless they choose otherwise.

    The email address and real name are never shown to other members: only staff see them.
    """

    email = models.EmailField(_("email address"), max_length=254, unique=True)
    display_name = models.CharField(
        _("display name"),
        max_length=60,
        default=generate_pseudonym,
        validators=[MinLengthValidator(2)],
        help_text=_(
            "Shown to other people instead of your name. It can be a pseudonym; "
            "you may change it at any time."
        ),
    )
    real_name = models.CharField(
        _("real name"),
        max_length=150,
        blank=True,
        help_text=_("Optional. Only HuMENA staff can see it; it is never shown to other members."),
    )
    preferred_language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default=default_language
    )
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="UTC", validators=[validate_time_zone]
    )
    is_staff = models.BooleanField(
        _("staff status"),
        default=False,
        help_text=_("Designates whether the user can log into the administration."),
    )
    is_active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Unselect this instead of deleting accounts."),
    )
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)
    # Frozen by staff for the person's safety: signed out, no sign-in, past participation hidden
    # from everyone but staff, until unfrozen (humena.accounts.privacy).
    frozen_at = models.DateTimeField(_("frozen"), null=True, blank=True, editable=False)
    # Deleted by its owner: a tombstone with no personal data, kept so that contributions that
    # must stay read "deleted member".
    deleted_at = models.DateTimeField(_("deleted"), null=True, blank=True, editable=False)

    # Suspended by moderators: no sign-in until then (humena.moderation.services.user_suspend).
    suspended_until = models.DateTimeField(
        _("suspended until"), null=True, blank=True, editable=False
    )
    # Trusted organisers publish initiatives and networks without review (docs/moderation.md).
    is_trusted_organiser = models.BooleanField(
        _("trusted organiser"),
        default=False,
        help_text=_("Publishes initiatives and networks without waiting for review."),
    )

    objects = UserManager()

    EMAIL_FIELD = "email"
    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique"),
        ]

    def __str__(self) -> str:
        return self.display_name

    def clean(self) -> None:
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email).lower()

    def has_perm(self, perm, obj=None) -> bool:
        """A superuser without a second factor in this session has no more powers than a
        member: only the rules decide, and they give staff nothing without MFA."""
        from humena.core.mfa import has_staff_powers

        if self.is_active and self.is_superuser and not has_staff_powers(self):
            import rules

            return rules.permissions.has_perm(perm, self, obj)
        return super().has_perm(perm, obj)

    def get_full_name(self) -> str:
        return self.real_name or self.display_name

    def get_short_name(self) -> str:
        return self.display_name


def private_storage():
    """Files that must never be served as media (data exports): outside MEDIA_ROOT."""
    from django.core.files.storage import FileSystemStorage

    return FileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT, base_url=None)


class DataExport(models.Model):
    """A copy of everything a person's account holds, built by Celery as a ZIP of JSON files,
    downloadable once, within EXPORT_LIFETIME, after re-authentication."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Being prepared")
        READY = "ready", _("Ready to download")
        DOWNLOADED = "downloaded", _("Downloaded")
        EXPIRED = "expired", _("Expired")
        FAILED = "failed", _("Failed")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="data_exports"
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING
    )
    token = models.CharField(max_length=64, unique=True, editable=False)
    file = models.FileField(storage=private_storage, upload_to="exports/", blank=True)
    created_at = models.DateTimeField(_("asked"), auto_now_add=True)
    ready_at = models.DateTimeField(_("ready"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    downloaded_at = models.DateTimeField(_("downloaded"), null=True, blank=True)

    class Meta:
        verbose_name = _("data export")
        verbose_name_plural = _("data exports")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.user_id} {self.created_at:%Y-%m-%d %H:%M}"


class ConsentRecord(models.Model):
    """That a person agreed to a versioned text (which, in which language, when), and when they
    withdrew. Signatures keep their own record (advocacy.Signature.consent)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="consents"
    )
    consent = models.ForeignKey(
        "core.ConsentText", on_delete=models.PROTECT, related_name="+", verbose_name=_("text")
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    given_at = models.DateTimeField(_("given"), auto_now_add=True)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    class Meta:
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")
        ordering = ["-given_at"]

    def __str__(self) -> str:
        return f"{self.user_id} {self.consent}"
