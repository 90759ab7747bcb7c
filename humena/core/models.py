from django.db import models
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    """Every model that people create or change records when (STYLE.md, point 7)."""

    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


class Moderated(models.Model):
    """Something members write that others can report (humena.moderation). Hidden by moderators,
    it answers 404 to everyone but its author and staff."""

    hidden_at = models.DateTimeField(
        _("hidden by moderators"), null=True, blank=True, editable=False
    )

    class Meta:
        abstract = True

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None


class ConsentText(models.Model):
    """The exact words a person agreed to, kept forever in every language they were shown in.

    A text is never edited: a change is a new version, so a record that points to a version says
    what was agreed and when (the record's own timestamp).
    """

    class Purpose(models.TextChoices):
        PETITION = "petition", _("Petition signature")
        TERMS = "terms", _("Terms of use")
        MATCHING = "matching", _("Matching")

    purpose = models.CharField(_("purpose"), max_length=16, choices=Purpose.choices)
    version = models.PositiveSmallIntegerField(_("version"))
    text_en = models.TextField(_("text (English)"))
    text_ar = models.TextField(_("text (Arabic)"))
    text_fr = models.TextField(_("text (French)"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("consent text")
        verbose_name_plural = _("consent texts")
        ordering = ["purpose", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["purpose", "version"], name="consent_text_version_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_purpose_display()} v{self.version}"

    def text_in(self, language: str) -> str:
        return getattr(self, f"text_{language}", "") or self.text_en
