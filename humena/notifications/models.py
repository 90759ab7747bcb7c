from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Category(models.TextChoices):
    INITIATIVES = "initiatives", _("Initiatives")
    NETWORKS = "networks", _("Networks and matches")
    CAMPAIGNS = "campaigns", _("Campaigns")
    ACCOUNT = "account", _("Account and security")


class Channel(models.TextChoices):
    IN_APP = "in_app", _("On the site")
    EMAIL = "email", _("By email")


class Frequency(models.TextChoices):
    IMMEDIATE = "immediate", _("At once")
    DAILY = "daily", _("Daily digest")
    WEEKLY = "weekly", _("Weekly digest")
    OFF = "off", _("Off")


class OutboxEvent(models.Model):
    """A domain event, written in the same transaction as the change that caused it.

    Nothing is lost if the broker is down: a relay publishes pending rows (published_at is null)
    and marks them. The payload holds ids, never personal data.
    """

    name = models.CharField(_("event"), max_length=100, db_index=True)
    payload = models.JSONField(_("payload"), default=dict)
    actor_id = models.BigIntegerField(_("actor"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    fanned_out_at = models.DateTimeField(_("delivered to recipients"), null=True, blank=True)

    class Meta:
        verbose_name = _("outbox event")
        verbose_name_plural = _("outbox events")
        ordering = ["id"]
        indexes = [
            models.Index(
                fields=["id"],
                condition=models.Q(published_at__isnull=True),
                name="outbox_pending_idx",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} #{self.pk}"


class Notification(models.Model):
    """One event for one person. Its text is rendered when shown, in the reader's language."""

    event = models.ForeignKey(OutboxEvent, on_delete=models.CASCADE, related_name="notifications")
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    category = models.CharField(max_length=16, choices=Category.choices)
    in_app = models.BooleanField(default=True)
    # Waiting for the next daily or weekly digest email (cleared once included).
    digest = models.CharField(
        max_length=16, choices=Frequency.choices, blank=True, default="", db_index=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "recipient"], name="notification_once_per_event_and_recipient"
            ),
        ]
        indexes = [
            models.Index(
                fields=["recipient", "-created_at"],
                condition=models.Q(in_app=True),
                name="notification_inbox_idx",
            ),
            models.Index(
                fields=["recipient"],
                condition=models.Q(in_app=True, read_at__isnull=True),
                name="notification_unread_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event.name} → {self.recipient_id}"


class Preference(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    category = models.CharField(max_length=16, choices=Category.choices)
    channel = models.CharField(max_length=16, choices=Channel.choices)
    frequency = models.CharField(max_length=16, choices=Frequency.choices)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [
            models.UniqueConstraint(fields=["user", "category", "channel"], name="preference_once"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.category}/{self.channel}: {self.frequency}"


class EmailSettings(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="email_settings"
    )
    content_free = models.BooleanField(
        _("content-free emails"),
        default=False,
        help_text=_(
            "Emails only say that something new is waiting on HuMENA, without names, titles or "
            "text, so that nothing sensitive sits in your mailbox or on your lock screen."
        ),
    )
    last_daily_digest_at = models.DateTimeField(null=True, blank=True)
    last_weekly_digest_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("email settings")
        verbose_name_plural = _("email settings")

    def __str__(self) -> str:
        return str(self.user_id)


class EmailDelivery(models.Model):
    """At most one email per key: (event, recipient) for an immediate email, (recipient, period)
    for a digest, (event, outbound key) for mail to someone without an account (a petition signer,
    a campaign target). Claimed before sending, so a retried task never sends twice."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        SKIPPED = "skipped", _("Skipped")
        FAILED = "failed", _("Failed")

    key = models.CharField(max_length=100, unique=True)
    # Empty for outbound mail: its address is looked up when sending, never stored here.
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="email_deliveries",
        null=True,
        blank=True,
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    event = models.ForeignKey(OutboxEvent, on_delete=models.CASCADE, null=True, blank=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("email delivery")
        verbose_name_plural = _("email deliveries")
        indexes = [
            models.Index(fields=["status", "created_at"], name="delivery_status_idx"),
            models.Index(fields=["event", "status"], name="delivery_event_status_idx"),
        ]

    def __str__(self) -> str:
        return self.key
