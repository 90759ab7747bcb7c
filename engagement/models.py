"""IN MENA: local civic initiatives, what they need, who takes part, and what they announce."""

import secrets

from django.conf import settings
from django.conf.global_settings import LANGUAGES as ALL_LANGUAGES
from django.contrib.postgres.search import SearchVectorField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from humena.accounts.models import validate_time_zone
from humena.core.models import Moderated, TimeStampedModel
from humena.taxonomy.models import Skill, Theme


def new_invite_token() -> str:
    return secrets.token_urlsafe(24)


class Initiative(Moderated, TimeStampedModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        # A new organiser's first initiative waits here for staff approval (docs/moderation.md).
        IN_REVIEW = "in_review", _("Waiting for review")
        REJECTED = "rejected", _("Not approved")
        OPEN = "open", _("Open to new members")
        ACTIVE = "active", _("Active")
        COMPLETED = "completed", _("Completed")
        ARCHIVED = "archived", _("Archived")

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public")
        MEMBERS = "members", _("Members only")

    class JoinPolicy(models.TextChoices):
        OPEN = "open", _("Anyone can join")
        APPROVAL = "approval", _("Organisers approve requests")

    # Statuses shown to the public and in which people may still join.
    PUBLISHED = (Status.OPEN, Status.ACTIVE, Status.COMPLETED, Status.ARCHIVED)
    JOINABLE = (Status.OPEN, Status.ACTIVE)
    # Set only by the review before publishing (humena.moderation.review), never by organisers.
    REVIEW_STATUSES = (Status.IN_REVIEW, Status.REJECTED)

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("web address"), max_length=220, unique=True, allow_unicode=True)
    summary = models.CharField(_("summary"), max_length=300)
    description = models.TextField(
        _("description"), blank=True, help_text=_("Markdown: **bold**, *italic*, lists, links.")
    )
    description_html = models.TextField(editable=False, blank=True)
    cover_image = models.ImageField(
        _("cover image"), upload_to="initiatives/%Y/%m/", blank=True, null=True
    )
    country = CountryField(_("country"))
    city = models.CharField(_("city"), max_length=100)
    # Rounded to 0.01° (about 1 km): enough for a map, never a meeting point.
    latitude = models.DecimalField(
        _("latitude"), max_digits=5, decimal_places=2, null=True, blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )  # fmt: skip
    longitude = models.DecimalField(
        _("longitude"), max_digits=5, decimal_places=2, null=True, blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )  # fmt: skip
    themes = models.ManyToManyField(
        Theme, related_name="initiatives", verbose_name=_("themes"), blank=True
    )
    language = models.CharField(
        _("language of the content"), max_length=8, choices=settings.LANGUAGES, default="ar"
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    visibility = models.CharField(
        _("visibility"), max_length=16, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    join_policy = models.CharField(
        _("joining"), max_length=16, choices=JoinPolicy.choices, default=JoinPolicy.OPEN
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    # Members-only initiatives are found through this link, which organisers share and can renew.
    invite_token = models.CharField(_("invitation code"), max_length=43, default=new_invite_token)
    # Approved memberships, kept by the membership services (a list page never counts rows).
    member_count = models.PositiveIntegerField(_("members"), default=0, editable=False)
    # Full-text search (PostgreSQL): maintained by services.initiative_search_refresh.
    search_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")
        ordering = ["-created_at"]
        indexes = [
            models.Index(
                fields=["status", "visibility", "-created_at"], name="initiative_browse_idx"
            ),
            models.Index(fields=["country", "city"], name="initiative_place_idx"),
            # The browse page's count by country, answered from this index alone, never from
            # the wide table (descriptions, search vectors): tens of milliseconds, not hundreds,
            # at a million initiatives (benchmarks/README.md).
            models.Index(
                fields=["country", "status", "visibility"],
                condition=Q(hidden_at__isnull=True),
                name="initiative_country_count_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(Q(latitude__isnull=True) & Q(longitude__isnull=True))
                | (Q(latitude__isnull=False) & Q(longitude__isnull=False)),
                name="initiative_location_both_or_neither",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("engagement:detail", kwargs={"slug": self.slug})

    @property
    def is_published(self) -> bool:
        return self.status in self.PUBLISHED

    @property
    def is_joinable(self) -> bool:
        return self.status in self.JOINABLE


class Membership(TimeStampedModel):
    class Role(models.TextChoices):
        ORGANISER = "organiser", _("Organiser")
        MEMBER = "member", _("Member")

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending approval")
        APPROVED = "approved", _("Approved")
        DECLINED = "declined", _("Declined")
        LEFT = "left", _("Left")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="initiative_memberships"
    )
    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.MEMBER)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING
    )
    joined_at = models.DateTimeField(_("joined"), null=True, blank=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "initiative"], name="membership_one_per_user_and_initiative"
            ),
        ]
        indexes = [
            models.Index(fields=["initiative", "status", "role"], name="membership_roster_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.initiative} ({self.get_status_display()})"

    @property
    def is_active_organiser(self) -> bool:
        return self.role == self.Role.ORGANISER and self.status == self.Status.APPROVED


class Need(Moderated, TimeStampedModel):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        FILLED = "filled", _("Filled")

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="needs")
    skill = models.ForeignKey(
        Skill, on_delete=models.PROTECT, related_name="needs", verbose_name=_("skill")
    )
    quantity = models.PositiveSmallIntegerField(
        _("how many people"), default=1, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    description = models.TextField(_("what the help involves"), max_length=2000, blank=True)
    remote_possible = models.BooleanField(_("can be done remotely"), default=False)
    language = models.CharField(
        _("working language"), max_length=8, choices=ALL_LANGUAGES, default="ar"
    )
    until = models.DateField(_("needed until"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.OPEN
    )

    class Meta:
        verbose_name = _("need")
        verbose_name_plural = _("needs")
        ordering = ["status", "until", "-created_at"]
        indexes = [models.Index(fields=["skill", "status"], name="need_skill_status_idx")]

    def __str__(self) -> str:
        return f"{self.skill} × {self.quantity} ({self.initiative})"


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Everyone who can see the initiative")
    MEMBERS = "members", _("Members only")


class Update(Moderated, TimeStampedModel):
    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="updates")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), help_text=_("Markdown: **bold**, *italic*, lists, links."))
    body_html = models.TextField(editable=False, blank=True)
    visibility = models.CharField(
        _("who can read it"), max_length=16, choices=Visibility.choices, default=Visibility.PUBLIC
    )

    class Meta:
        verbose_name = _("update")
        verbose_name_plural = _("updates")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title


class Event(Moderated, TimeStampedModel):
    class Mode(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        CANCELLED = "cancelled", _("Cancelled")

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="events")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="UTC", validators=[validate_time_zone]
    )
    mode = models.CharField(_("where"), max_length=16, choices=Mode.choices, default=Mode.IN_PERSON)
    # A city only, never an address: the exact place is shared by organisers with those going.
    city = models.CharField(_("city"), max_length=100, blank=True)
    online_url = models.URLField(
        _("link to join online"),
        blank=True,
        help_text=_("Shown only to members of the initiative."),
    )
    capacity = models.PositiveIntegerField(
        _("places"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    visibility = models.CharField(
        _("who can see it"), max_length=16, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.SCHEDULED
    )
    going_count = models.PositiveIntegerField(default=0, editable=False)
    reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="event_ends_after_it_starts"
            ),
        ]
        indexes = [models.Index(fields=["initiative", "starts_at"], name="event_calendar_idx")]

    def __str__(self) -> str:
        return self.title

    @property
    def is_full(self) -> bool:
        return self.capacity is not None and self.going_count >= self.capacity


class Rsvp(TimeStampedModel):
    class Response(models.TextChoices):
        GOING = "going", _("Going")
        NOT_GOING = "not_going", _("Not going")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="rsvps")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_rsvps"
    )
    response = models.CharField(_("response"), max_length=16, choices=Response.choices)

    class Meta:
        verbose_name = _("RSVP")
        verbose_name_plural = _("RSVPs")
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="rsvp_one_per_user_and_event"),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.event}: {self.get_response_display()}"
