"""FOR MENA: campaigns that press governments and institutions, the people and bodies they target,
what those targets promised and did, and the actions members take."""

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField

from humena.core.models import ConsentText, Moderated, TimeStampedModel
from humena.taxonomy.models import Skill, Theme


def new_token() -> str:
    return secrets.token_urlsafe(32)


class Stakeholder(TimeStampedModel):
    """A person or body a campaign presses. Public fields appear on campaign pages; the private
    notes and contacts are for staff only (never in a public page or API response)."""

    class Kind(models.TextChoices):
        MINISTRY = "ministry", _("Ministry")
        PARLIAMENT = "parliament", _("Parliament or parliamentarian")
        LOCAL_AUTHORITY = "local_authority", _("Local authority")
        JUDICIARY = "judiciary", _("Judiciary")
        REGIONAL_ORGANISATION = "regional_org", _("Regional organisation")
        INTERNATIONAL_ORGANISATION = (
            "international_org",
            _("International organisation or UN mechanism"),
        )
        EU_INSTITUTION = "eu_institution", _("EU institution")
        EMBASSY = "embassy", _("Embassy")
        DONOR = "donor", _("Donor")
        LOCAL_CSO = "local_cso", _("Local civil society organisation")
        COMMUNITY_GROUP = "community_group", _("Marginalised community group")
        DIASPORA_ORGANISATION = "diaspora_org", _("Diaspora organisation")
        ADVOCACY_NETWORK = "advocacy_network", _("Transnational advocacy network")
        MEDIA = "media", _("Media")
        PRIVATE_SECTOR = "private_sector", _("Private sector")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("type"), max_length=24, choices=Kind.choices)
    country = CountryField(
        _("country"), blank=True, help_text=_("Leave empty for international bodies.")
    )
    influence = models.PositiveSmallIntegerField(
        _("influence"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text=_("From 1 (little) to 5 (decisive) on the campaigns' issues."),
    )
    public_email = models.EmailField(
        _("public email"),
        blank=True,
        help_text=_("A published address. Members' letters are sent here; without one, members "
                    "get a text to copy."),
    )  # fmt: skip
    public_website = models.URLField(_("public website"), blank=True)
    private_notes = models.TextField(_("private notes (staff only)"), blank=True)
    private_contacts = models.TextField(_("private contacts (staff only)"), blank=True)
    related = models.ManyToManyField(
        "self", blank=True, symmetrical=True, verbose_name=_("related stakeholders")
    )

    class Meta:
        verbose_name = _("stakeholder")
        verbose_name_plural = _("stakeholders")
        ordering = ["name"]
        indexes = [models.Index(fields=["kind", "country"], name="stakeholder_kind_country_idx")]

    def __str__(self) -> str:
        return self.name


class Campaign(TimeStampedModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SCHEDULED = "scheduled", _("Scheduled")
        LIVE = "live", _("Live")
        PAUSED = "paused", _("Paused")
        CLOSED = "closed", _("Closed")

    class Outcome(models.TextChoices):
        WON = "won", _("Won")
        PARTLY_WON = "partly_won", _("Partly won")
        LOST = "lost", _("Lost")
        ENDED = "ended", _("Ended")

    PUBLISHED = (Status.LIVE, Status.PAUSED, Status.CLOSED)

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("web address"), max_length=220, unique=True, allow_unicode=True)
    summary = models.CharField(_("summary"), max_length=300)
    description = models.TextField(
        _("description"), blank=True, help_text=_("Markdown: **bold**, *italic*, lists, links.")
    )
    description_html = models.TextField(editable=False, blank=True)
    asks = models.TextField(_("the asks"), help_text=_("One ask per line."))
    image = models.ImageField(_("image"), upload_to="campaigns/%Y/%m/", blank=True, null=True)
    themes = models.ManyToManyField(
        Theme, related_name="campaigns", verbose_name=_("themes"), blank=True
    )
    countries = CountryField(_("countries"), multiple=True, blank=True)
    language = models.CharField(
        _("language of the content"), max_length=8, choices=settings.LANGUAGES, default="en"
    )
    petition_text = models.TextField(
        _("petition"),
        blank=True,
        help_text=_("What signers put their names to. Leave empty for a campaign without one."),
    )
    goal = models.PositiveIntegerField(_("signature goal"), default=1000)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    outcome = models.CharField(_("outcome"), max_length=16, choices=Outcome.choices, blank=True)
    outcome_note = models.TextField(_("what happened"), blank=True)
    starts_at = models.DateTimeField(_("starts"), null=True, blank=True)
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    coordinators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="coordinated_campaigns",
        blank=True,
        limit_choices_to={"is_staff": True},
        verbose_name=_("coordinators"),
    )
    mobilisation_message = models.TextField(
        _("mobilisation message"),
        blank=True,
        help_text=_("The call to action emailed to the audience when the campaign launches."),
    )
    # The audience segment: members of any chosen network or initiative (if any are chosen),
    # narrowed by every other chosen criterion, among people who consented to be matched.
    audience_networks = models.ManyToManyField(
        "diaspora.Network", blank=True, related_name="+", verbose_name=_("networks")
    )
    audience_initiatives = models.ManyToManyField(
        "engagement.Initiative", blank=True, related_name="+", verbose_name=_("initiatives")
    )
    audience_origin_countries = CountryField(_("countries of origin"), multiple=True, blank=True)
    audience_residence_countries = CountryField(
        _("countries of residence"), multiple=True, blank=True
    )
    audience_skills = models.ManyToManyField(
        Skill, blank=True, related_name="+", verbose_name=_("skills")
    )
    audience_languages = models.JSONField(_("languages"), default=list, blank=True)
    # Confirmed signatures, kept by the signing services (pages never count rows).
    signature_count = models.PositiveIntegerField(_("signatures"), default=0, editable=False)
    launched_at = models.DateTimeField(_("launched"), null=True, blank=True, editable=False)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "-created_at"], name="campaign_browse_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="closed") | Q(outcome=""),
                name="campaign_outcome_only_when_closed",
            ),
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True)
                | Q(starts_at__isnull=True)
                | Q(ends_at__gt=models.F("starts_at")),
                name="campaign_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("advocacy:detail", kwargs={"slug": self.slug})

    @property
    def is_published(self) -> bool:
        return self.status in self.PUBLISHED

    @property
    def is_live(self) -> bool:
        return self.status == self.Status.LIVE

    @property
    def text_direction(self) -> str:
        """The direction of the campaign's own text (its language's), whatever the page's."""
        from django.utils.translation import get_language_info

        return "rtl" if get_language_info(self.language)["bidi"] else "ltr"

    @property
    def has_petition(self) -> bool:
        return bool(self.petition_text.strip())

    @property
    def ask_list(self) -> list[str]:
        return [line.strip(" -•*\t") for line in self.asks.splitlines() if line.strip(" -•*\t")]

    @property
    def progress_percent(self) -> int:
        if not self.goal:
            return 0
        return min(100, round(100 * self.signature_count / self.goal))


class Position(models.TextChoices):
    UNKNOWN = "unknown", _("Unknown")
    OPPOSED = "opposed", _("Opposed")
    NEUTRAL = "neutral", _("Neutral")
    SUPPORTIVE = "supportive", _("Supportive")
    COMMITTED = "committed", _("Committed")
    ACTED = "acted", _("Acted")


class CampaignTarget(TimeStampedModel):
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="targets")
    stakeholder = models.ForeignKey(
        Stakeholder, on_delete=models.PROTECT, related_name="targets",
        verbose_name=_("stakeholder"),
    )  # fmt: skip
    ask = models.TextField(_("the specific ask"))
    # The latest position recorded by an interaction (kept by services.interaction_record).
    position = models.CharField(
        pgettext_lazy("a target's stance", "position"),
        max_length=16,
        choices=Position.choices,
        default=Position.UNKNOWN,
    )
    position_since = models.DateField(
        pgettext_lazy("a target's stance", "position since"), null=True, blank=True
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("campaign target")
        verbose_name_plural = _("campaign targets")
        ordering = ["order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "stakeholder"], name="campaign_target_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.stakeholder} ({self.campaign})"


class Interaction(TimeStampedModel):
    """A dated contact with a target, with evidence: together they show what was promised and
    what was done."""

    class Kind(models.TextChoices):
        MEETING = "meeting", _("Meeting")
        LETTER = "letter", _("Letter")
        RESPONSE = "response", _("Response")
        STATEMENT = "statement", _("Public statement")
        COMMITMENT = "commitment", _("Commitment")
        ACTION = "action", _("Action taken")

    PROMISES = (Kind.COMMITMENT,)
    DEEDS = (Kind.ACTION,)

    target = models.ForeignKey(
        CampaignTarget, on_delete=models.CASCADE, related_name="interactions"
    )
    happened_on = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    summary = models.TextField(_("what happened"))
    evidence_url = models.URLField(_("evidence link"), blank=True)
    position = models.CharField(
        pgettext_lazy("a target's stance", "position after this"),
        max_length=16,
        choices=Position.choices,
        blank=True,
        help_text=_("Leave empty when the target's position did not change."),
    )
    public = models.BooleanField(
        _("public"), default=True, help_text=_("Shown on the campaign page.")
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("recorded by"),
    )  # fmt: skip

    class Meta:
        verbose_name = _("interaction")
        verbose_name_plural = _("interactions")
        ordering = ["-happened_on", "-id"]
        indexes = [models.Index(fields=["target", "-happened_on"], name="interaction_target_idx")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.happened_on}"


class CampaignAction(TimeStampedModel):
    """Something members are asked to do besides signing: write to a target, or pledge."""

    class Kind(models.TextChoices):
        LETTER = "letter", _("Letter to a target")
        PLEDGE = "pledge", _("Pledge")

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="actions")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    # RESTRICT: a target that letters are addressed to cannot be removed on its own (the admin
    # says so next to it); deleting the whole campaign still deletes both.
    target = models.ForeignKey(
        CampaignTarget, on_delete=models.RESTRICT, null=True, blank=True, related_name="+",
        verbose_name=_("addressed to"),
        help_text=_("Letters: the target they go to."),
    )  # fmt: skip
    letter_subject = models.CharField(_("letter subject"), max_length=200, blank=True)
    letter_body = models.TextField(
        _("letter template"), blank=True, help_text=_("Members may edit it before sending.")
    )
    followup_days = models.PositiveSmallIntegerField(
        _("follow up after (days)"), default=14,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
    )  # fmt: skip
    followup_question = models.CharField(
        _("follow-up question"), max_length=200, blank=True,
        help_text=_("Pledges: asked after that many days, e.g. 'Did you meet your MP?'"),
    )  # fmt: skip
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("campaign action")
        verbose_name_plural = _("campaign actions")
        ordering = ["order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind="letter") | Q(target__isnull=False),
                name="campaign_letter_has_target",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Signature(models.Model):
    """A petition signature. Counted once confirmed through the emailed link (double opt-in).

    One per email per campaign, enforced by the database. The name is public only when the signer
    chose so; the email is never shown and only used for the confirmation and, if asked, updates.
    """

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="signatures")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="signatures",
    )  # fmt: skip
    email = models.EmailField(_("email"))  # lower-cased by the service
    name = models.CharField(_("name"), max_length=100, blank=True)
    show_name = models.BooleanField(_("show my name on the public list"), default=False)
    country = CountryField(_("country"), blank=True)
    keep_informed = models.BooleanField(_("send me news of this campaign"), default=False)
    consent = models.ForeignKey(
        ConsentText, on_delete=models.PROTECT, related_name="+", verbose_name=_("consent text")
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(_("signed"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)

    class Meta:
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "email"], name="signature_once_per_email"),
        ]
        indexes = [
            models.Index(
                fields=["campaign", "-confirmed_at"],
                condition=Q(confirmed_at__isnull=False),
                name="signature_confirmed_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} ({self.campaign_id})"

    @property
    def public_name(self) -> str:
        return self.name if (self.show_name and self.name) else ""


class Letter(Moderated, TimeStampedModel):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Being sent")
        SENT = "sent", _("Sent")
        COPY = "copy", _("Ready to copy")

    action = models.ForeignKey(CampaignAction, on_delete=models.CASCADE, related_name="letters")
    target = models.ForeignKey(CampaignTarget, on_delete=models.RESTRICT, related_name="letters")
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="campaign_letters"
    )
    signed_as = models.CharField(_("signed as"), max_length=100)
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("letter"))
    # Off by default: a hostile office must not learn a writer's address unless they chose so.
    reply_to_me = models.BooleanField(_("let them reply to my email address"), default=False)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.QUEUED)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("letter")
        verbose_name_plural = _("letters")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.subject


class Pledge(TimeStampedModel):
    class Answer(models.TextChoices):
        DONE = "done", _("Yes, I did it")
        PARTLY = "partly", _("Partly")
        NOT_YET = "not_yet", _("Not yet")
        COULD_NOT = "could_not", _("I could not")

    action = models.ForeignKey(CampaignAction, on_delete=models.CASCADE, related_name="pledges")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="campaign_pledges"
    )
    followup_due_at = models.DateTimeField()
    followup_sent_at = models.DateTimeField(null=True, blank=True)
    answer = models.CharField(_("answer"), max_length=16, choices=Answer.choices, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("pledge")
        verbose_name_plural = _("pledges")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["action", "user"], name="pledge_once"),
        ]
        indexes = [
            models.Index(
                fields=["followup_due_at"],
                condition=Q(followup_sent_at__isnull=True),
                name="pledge_followup_due_idx",
            )
        ]

    def __str__(self) -> str:
        return f"{self.action} ({self.user_id})"


class CampaignUpdate(TimeStampedModel):
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="updates")
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), help_text=_("Markdown: **bold**, *italic*, lists, links."))
    body_html = models.TextField(editable=False, blank=True)
    send_to_supporters = models.BooleanField(
        _("send to supporters"),
        default=False,
        help_text=_("Signers who asked for news, and members who wrote or pledged."),
    )
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True, editable=False)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("author"),
    )  # fmt: skip

    class Meta:
        verbose_name = _("campaign update")
        verbose_name_plural = _("campaign updates")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title


class Mobilisation(models.Model):
    """One call to action sent to a campaign's audience (or, as a test, to one staff member).

    Its progress is read from the notification pipeline's deliveries for `event`."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="mobilisations")
    event = models.OneToOneField(
        "notifications.OutboxEvent", on_delete=models.PROTECT, related_name="+"
    )
    is_test = models.BooleanField(_("test"), default=False)
    audience_size = models.PositiveIntegerField(_("audience"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("mobilisation")
        verbose_name_plural = _("mobilisations")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.campaign} {self.created_at:%Y-%m-%d %H:%M}"
