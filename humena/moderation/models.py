"""Moderation: what people report, what staff decide, and who blocked whom.

A reported thing is any registered model (humena.moderation.registry). Its reports gather in one
`Case`, the row the queue shows; every decision is a `Decision`, kept as history. Blocks are
between two members and never shown to the one blocked.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from humena.core.models import TimeStampedModel


class Reason(models.TextChoices):
    SPAM = "spam", _("Spam or advertising")
    HARASSMENT = "harassment", _("Harassment or bullying")
    HATE = "hate", _("Hateful content")
    PERSONAL_DATA = "personal_data", _("It exposes someone's personal data")
    DANGER = "danger", _("It puts someone's safety at risk")
    OTHER = "other", _("Something else")


# How urgent a reason is: the queue shows the most dangerous things first.
SEVERITY = {
    Reason.DANGER: 5,
    Reason.PERSONAL_DATA: 4,
    Reason.HATE: 3,
    Reason.HARASSMENT: 3,
    Reason.SPAM: 1,
    Reason.OTHER: 1,
}


class Case(TimeStampedModel):
    """One reported (or reviewed) thing and where its moderation stands."""

    class State(models.TextChoices):
        OPEN = "open", _("Waiting for review")
        HIDDEN = "hidden", _("Hidden")
        DISMISSED = "dismissed", _("Dismissed")
        RESTORED = "restored", _("Restored")
        # The author was warned or suspended over it; the thing itself stays as it was.
        ACTIONED = "actioned", _("Author warned or suspended")

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, verbose_name=_("kind"))
    object_id = models.PositiveBigIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="moderation_cases",
        verbose_name=_("author"),
    )
    # A short copy of what was reported, so staff see it even if the author edits or deletes it.
    excerpt = models.TextField(_("content when reported"), blank=True)
    state = models.CharField(_("state"), max_length=16, choices=State.choices, default=State.OPEN)
    report_count = models.PositiveIntegerField(_("reports"), default=0)
    # Reports since the last decision: what the automatic hiding threshold counts, so that a
    # thing staff restored is not hidden again by the reports they already reviewed.
    open_reports = models.PositiveIntegerField(_("new reports"), default=0)
    # The sum of the reports' severities: the queue's order.
    severity = models.PositiveIntegerField(_("severity"), default=0)
    auto_hidden = models.BooleanField(_("hidden automatically"), default=False)
    last_reported_at = models.DateTimeField(_("last reported"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        verbose_name = _("moderation case")
        verbose_name_plural = _("moderation queue")
        ordering = ["-severity", "-report_count", "-last_reported_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="moderation_case_once_per_item"
            ),
        ]
        indexes = [
            models.Index(
                fields=["state", "-severity", "-report_count"], name="moderation_queue_idx"
            )
        ]

    def __str__(self) -> str:
        return f"{self.content_type.name} #{self.object_id}"


class Report(TimeStampedModel):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="reports")
    # Kept when the reporter deletes their account (the count stays), never shown to the author.
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reports_made",
        verbose_name=_("reported by"),
    )
    reason = models.CharField(_("reason"), max_length=16, choices=Reason.choices)
    note = models.TextField(_("note"), max_length=1000, blank=True)
    # Set when the reporter has been told the outcome.
    outcome_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "reporter"],
                condition=Q(reporter__isnull=False),
                name="moderation_one_report_per_person",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case} · {self.get_reason_display()}"


class Decision(models.Model):
    """What staff (or the threshold) decided, with the reason given: the moderation history."""

    class Action(models.TextChoices):
        AUTO_HIDE = "auto_hide", _("Hidden automatically")
        DISMISS = "dismiss", _("Dismissed")
        HIDE = "hide", _("Hidden")
        RESTORE = "restore", _("Restored")
        WARN = "warn", _("Author warned")
        SUSPEND = "suspend", _("Author suspended")
        UNSUSPEND = "unsuspend", _("Suspension lifted")
        APPROVE = "approve", _("Approved for publishing")
        REQUEST_CHANGES = "request_changes", _("Changes requested")
        REJECT = "reject", _("Rejected")

    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, null=True, blank=True, related_name="decisions"
    )
    # The reviewed thing (review before publishing) when there is no case.
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, null=True, blank=True)
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    # The person the decision is about (the author; for warn and suspend).
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="moderation_decisions",
        verbose_name=_("about"),
    )
    action = models.CharField(_("action"), max_length=16, choices=Action.choices)
    reason = models.TextField(_("reason"), blank=True)
    until = models.DateTimeField(_("until"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("moderation decision")
        verbose_name_plural = _("moderation decisions")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["subject", "-created_at"], name="moderation_subject_idx")]

    def __str__(self) -> str:
        return self.get_action_display()


class Block(models.Model):
    """`blocker` no longer hears from `blocked`. The blocked person is never told."""

    blocker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="blocks_made"
    )
    blocked = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(_("since"), auto_now_add=True)

    class Meta:
        verbose_name = _("block")
        verbose_name_plural = _("blocks")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["blocker", "blocked"], name="block_once"),
            models.CheckConstraint(condition=~Q(blocker=F("blocked")), name="block_not_self"),
        ]
        indexes = [models.Index(fields=["blocked", "blocker"], name="block_reverse_idx")]

    def __str__(self) -> str:
        return f"{self.blocker} ⊘ {self.blocked}"
