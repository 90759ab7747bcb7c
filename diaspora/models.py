"""FROM MENA: diaspora profiles and skills, transnational networks, joint projects with local
civil society, brokered introductions, and consultations that bring the diaspora's voice into
local policymaking."""

import uuid

from django.conf import settings
from django.conf.global_settings import LANGUAGES as ALL_LANGUAGES
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from engagement.models import Initiative, Need
from humena.accounts.models import validate_time_zone
from humena.core.models import Moderated, TimeStampedModel
from humena.taxonomy.models import Skill, Theme


class FieldVisibility(models.TextChoices):
    PUBLIC = "public", _("Every signed-in member")
    NETWORKS = "networks", _("Members of my networks")
    STAFF = "staff", _("HuMENA staff only")


class WorkMode(models.TextChoices):
    REMOTE = "remote", _("Remotely")
    ON_SITE = "on_site", _("On site")
    BOTH = "both", _("Remotely or on site")


class Contribution(models.TextChoices):
    MENTORING = "mentoring", _("Mentoring")
    VOLUNTEERING = "volunteering", _("Volunteering")
    EXPERTISE = "expertise", _("Professional expertise")
    ADVOCACY = "advocacy", _("Advocacy")
    FUNDRAISING = "fundraising", _("Fundraising")
    HOSTING = "hosting", _("Hosting (events, visitors)")


class DiasporaProfile(Moderated, TimeStampedModel):
    """What a diaspora member offers. Every field has its own audience (`visibility`), defaulting
    to the most private; matching only ever considers people who consented to it."""

    # Fields whose audience the member chooses, in the order the profile page shows them.
    VISIBLE_FIELDS = (
        "origin_country", "residence", "languages", "skills", "availability", "contributions",
        "bio",
    )  # fmt: skip

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="diaspora_profile"
    )
    origin_country = CountryField(_("country of origin"), blank=True)
    residence_country = CountryField(_("country of residence"), blank=True)
    residence_city = models.CharField(_("city of residence"), max_length=100, blank=True)
    bio = models.TextField(_("about me"), max_length=1500, blank=True)
    hours_per_month = models.PositiveSmallIntegerField(
        _("hours per month"),
        default=0,
        validators=[MaxValueValidator(160)],
        help_text=_("How many hours a month you could give, roughly."),
    )
    work_mode = models.CharField(
        _("how you can help"), max_length=16, choices=WorkMode.choices, default=WorkMode.REMOTE
    )
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="UTC", validators=[validate_time_zone]
    )
    contributions = models.JSONField(_("ways to contribute"), default=list, blank=True)
    consent_to_matching = models.BooleanField(
        _("match me with local needs"),
        default=False,
        help_text=_(
            "Organisers of initiatives that need your skills will see a card without your name "
            "or contact details, and can ask the platform to introduce you."
        ),
    )
    consent_given_at = models.DateTimeField(null=True, blank=True, editable=False)
    # {field: FieldVisibility}; fields not listed are staff only.
    visibility = models.JSONField(_("who sees what"), default=dict, blank=True)
    wizard_step = models.PositiveSmallIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("diaspora profile")
        verbose_name_plural = _("diaspora profiles")
        indexes = [
            models.Index(
                fields=["residence_country"],
                condition=models.Q(consent_to_matching=True),
                name="profile_matchable_idx",
            ),
        ]

    def __str__(self) -> str:
        return str(self.user)

    def get_absolute_url(self) -> str:
        return reverse("diaspora:profile", kwargs={"public_id": self.public_id})

    def visibility_of(self, field: str) -> str:
        return self.visibility.get(field, FieldVisibility.STAFF)


class ProfileLanguage(models.Model):
    class Level(models.IntegerChoices):
        BASIC = 1, _("Basic")
        CONVERSATIONAL = 2, _("Conversational")
        FLUENT = 3, _("Fluent")
        NATIVE = 4, _("Native")

    profile = models.ForeignKey(DiasporaProfile, on_delete=models.CASCADE, related_name="languages")
    language = models.CharField(_("language"), max_length=8, choices=ALL_LANGUAGES)
    level = models.PositiveSmallIntegerField(
        _("level"), choices=Level.choices, default=Level.FLUENT
    )

    class Meta:
        verbose_name = _("language")
        verbose_name_plural = _("languages")
        ordering = ["-level", "language"]
        constraints = [
            models.UniqueConstraint(fields=["profile", "language"], name="profile_language_once"),
        ]
        indexes = [models.Index(fields=["language", "level"], name="profile_language_idx")]

    def __str__(self) -> str:
        # Django's catalog names every language in the reader's own language.
        return f"{gettext(self.get_language_display())} ({self.get_level_display()})"


class ProfileSkill(models.Model):
    class Level(models.IntegerChoices):
        BEGINNER = 1, _("Beginner")
        INTERMEDIATE = 2, _("Intermediate")
        ADVANCED = 3, _("Advanced")
        EXPERT = 4, _("Expert")

    profile = models.ForeignKey(DiasporaProfile, on_delete=models.CASCADE, related_name="skills")
    skill = models.ForeignKey(Skill, on_delete=models.PROTECT, related_name="+")
    level = models.PositiveSmallIntegerField(
        _("level"),
        choices=Level.choices,
        default=Level.INTERMEDIATE,
        validators=[MinValueValidator(1), MaxValueValidator(4)],
    )
    years = models.PositiveSmallIntegerField(
        _("years of experience"), default=0, validators=[MaxValueValidator(60)]
    )

    class Meta:
        verbose_name = _("skill")
        verbose_name_plural = _("skills")
        ordering = ["-level", "-years"]
        constraints = [
            models.UniqueConstraint(fields=["profile", "skill"], name="profile_skill_once"),
            models.CheckConstraint(
                condition=models.Q(level__gte=1, level__lte=4), name="profile_skill_level_1_to_4"
            ),
        ]
        # Matching starts from the skill: candidates for one need come off this index.
        indexes = [models.Index(fields=["skill", "level", "years"], name="profile_skill_match_idx")]

    def __str__(self) -> str:
        return f"{self.skill} ({self.get_level_display()})"


class Network(Moderated, TimeStampedModel):
    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public")
        MEMBERS = "members", _("Members only")

    class JoinPolicy(models.TextChoices):
        OPEN = "open", _("Anyone can join")
        APPROVAL = "approval", _("Coordinators approve requests")

    class Status(models.TextChoices):
        # "Ask for changes" sends a proposed network back here (docs/moderation.md).
        DRAFT = "draft", _("Changes requested")
        IN_REVIEW = "in_review", _("Waiting for review")
        PUBLISHED = "published", _("Published")
        REJECTED = "rejected", _("Not approved")

    # A proposal its proposer may still edit: waiting for review, or sent back for changes.
    PROPOSAL_STATUSES = (Status.DRAFT, Status.IN_REVIEW)

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("web address"), max_length=220, unique=True, allow_unicode=True)
    mission = models.TextField(_("mission"), help_text=_("Markdown."))
    mission_html = models.TextField(editable=False, blank=True)
    language = models.CharField(
        _("language of the content"), max_length=8, choices=settings.LANGUAGES, default="en"
    )
    focus_countries = CountryField(_("focus countries"), multiple=True, blank=True)
    themes = models.ManyToManyField(Theme, related_name="networks", blank=True)
    visibility = models.CharField(
        _("visibility"), max_length=16, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    join_policy = models.CharField(
        _("joining"), max_length=16, choices=JoinPolicy.choices, default=JoinPolicy.APPROVAL
    )
    is_active = models.BooleanField(_("active"), default=True)
    # Networks proposed by members wait for staff approval; staff and trusted organisers publish.
    status = models.CharField(
        _("publication"), max_length=16, choices=Status.choices, default=Status.PUBLISHED
    )
    member_count = models.PositiveIntegerField(default=0, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("network")
        verbose_name_plural = _("networks")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("diaspora:network", kwargs={"slug": self.slug})


class NetworkMembership(TimeStampedModel):
    class Role(models.TextChoices):
        COORDINATOR = "coordinator", _("Coordinator")
        MEMBER = "member", _("Member")

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending approval")
        APPROVED = "approved", _("Approved")
        DECLINED = "declined", _("Declined")
        LEFT = "left", _("Left")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="network_memberships"
    )
    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.MEMBER)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING
    )
    joined_at = models.DateTimeField(_("joined"), null=True, blank=True)

    class Meta:
        verbose_name = _("network membership")
        verbose_name_plural = _("network memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "network"], name="network_membership_once"),
        ]
        indexes = [
            models.Index(fields=["network", "status", "role"], name="network_roster_idx"),
            models.Index(fields=["user", "status"], name="network_membership_user_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.network}"

    @property
    def is_active_coordinator(self) -> bool:
        return self.role == self.Role.COORDINATOR and self.status == self.Status.APPROVED


class NetworkUpdate(Moderated, TimeStampedModel):
    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="updates")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), help_text=_("Markdown."))
    body_html = models.TextField(editable=False, blank=True)

    class Meta:
        verbose_name = _("network update")
        verbose_name_plural = _("network updates")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title


class JointProject(Moderated, TimeStampedModel):
    class Status(models.TextChoices):
        # A context of their own: the same English words describe initiatives (feminine in
        # Arabic and French) and projects (masculine).
        PROPOSED = "proposed", pgettext_lazy("joint project", "Proposed")
        AGREED = "agreed", pgettext_lazy("joint project", "Agreed")
        ACTIVE = "active", pgettext_lazy("joint project", "Active")
        COMPLETED = "completed", pgettext_lazy("joint project", "Completed")
        CANCELLED = "cancelled", pgettext_lazy("joint project", "Cancelled")

    # The lifecycle: which status may follow which.
    TRANSITIONS = {
        Status.PROPOSED: (Status.AGREED, Status.CANCELLED),
        Status.AGREED: (Status.ACTIVE, Status.CANCELLED),
        Status.ACTIVE: (Status.COMPLETED, Status.CANCELLED),
        Status.COMPLETED: (),
        Status.CANCELLED: (),
    }

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("web address"), max_length=220, unique=True, allow_unicode=True)
    summary = models.CharField(_("summary"), max_length=300)
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown."))
    description_html = models.TextField(editable=False, blank=True)
    network = models.ForeignKey(
        Network, on_delete=models.PROTECT, null=True, blank=True, related_name="joint_projects"
    )
    initiative = models.ForeignKey(
        Initiative, on_delete=models.PROTECT, related_name="joint_projects"
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PROPOSED
    )
    outcome_notes = models.TextField(_("outcome"), blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    participants = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="joint_projects", blank=True
    )

    class Meta:
        verbose_name = _("joint project")
        verbose_name_plural = _("joint projects")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("diaspora:project", kwargs={"slug": self.slug})

    def next_statuses(self) -> tuple:
        return self.TRANSITIONS.get(self.status, ())


class Milestone(TimeStampedModel):
    project = models.ForeignKey(JointProject, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("title"), max_length=200)
    due_date = models.DateField(_("due"), null=True, blank=True)
    done_at = models.DateField(_("done"), null=True, blank=True)

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["due_date", "id"]

    def __str__(self) -> str:
        return self.title


class Introduction(TimeStampedModel):
    """A contact the platform brokers between an organiser (for a need) and a diaspora member.
    Neither side sees the other's contact details until the member accepts."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        EXPIRED = "expired", _("Expired")

    need = models.ForeignKey(Need, on_delete=models.CASCADE, related_name="introductions")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="introductions_requested"
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="introductions_received"
    )
    message = models.TextField(_("message"), max_length=2000)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.REQUESTED
    )
    responded_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField()

    class Meta:
        verbose_name = _("introduction")
        verbose_name_plural = _("introductions")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["need", "member"],
                condition=models.Q(status="requested"),
                name="introduction_one_open_per_need_and_member",
            ),
        ]
        indexes = [models.Index(fields=["member", "status"], name="introduction_inbox_idx")]

    def __str__(self) -> str:
        return f"{self.need} → {self.member}"


class Consultation(TimeStampedModel):
    """Pillar 1: a network asks its members a question that feeds local policymaking."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="consultations")
    question = models.CharField(_("question"), max_length=300)
    context = models.TextField(_("context"), blank=True, help_text=_("Markdown."))
    context_html = models.TextField(editable=False, blank=True)
    closes_at = models.DateTimeField(_("closes"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.question


class ConsultationAnswer(Moderated, TimeStampedModel):
    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="answers")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="consultation_answers"
    )
    body = models.TextField(_("answer"), max_length=5000)

    class Meta:
        verbose_name = _("consultation answer")
        verbose_name_plural = _("consultation answers")
        constraints = [
            models.UniqueConstraint(fields=["consultation", "user"], name="one_answer_per_member"),
        ]

    def __str__(self) -> str:
        return f"{self.consultation} · {self.user}"
