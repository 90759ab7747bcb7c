"""Reads in the FROM level, including the matching of diaspora skills to local needs."""

from dataclasses import dataclass

from django.db import connection
from django.db.models import (
    Case,
    Exists,
    F,
    FilteredRelation,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Least
from django.http import Http404

from diaspora.models import (
    ConsultationAnswer,
    DiasporaProfile,
    FieldVisibility,
    Introduction,
    JointProject,
    Network,
    NetworkMembership,
    NetworkUpdate,
    ProfileLanguage,
    ProfileSkill,
    WorkMode,
)
from engagement.models import Initiative, Membership, Need
from engagement.selectors import initiatives_visible_to
from humena.core.expressions import InArray
from humena.core.mfa import has_staff_powers
from humena.moderation.blocks import blocked_either_way_q, blocked_ids_for, blockers_of
from humena.moderation.registry import can_see_hidden, visible_q

# --- Profiles and what each viewer may see ----------------------------------------------------


def profile_of(*, user) -> DiasporaProfile | None:
    if not user.is_authenticated:
        return None
    return DiasporaProfile.objects.filter(user=user).first()


def shares_a_network(*, viewer, owner) -> bool:
    if not viewer.is_authenticated:
        return False
    approved = NetworkMembership.Status.APPROVED
    return NetworkMembership.objects.filter(
        user=owner,
        status=approved,
        network__memberships__user=viewer,
        network__memberships__status=approved,
    ).exists()


def viewer_audience(*, profile: DiasporaProfile, viewer) -> set[str]:
    """The audiences `viewer` belongs to for `profile`: decides which fields they see."""
    if not viewer.is_authenticated:
        return set()
    if viewer.pk == profile.user_id or has_staff_powers(viewer):
        return {FieldVisibility.PUBLIC, FieldVisibility.NETWORKS, FieldVisibility.STAFF}
    audience = {FieldVisibility.PUBLIC}
    if shares_a_network(viewer=viewer, owner=profile.user):
        audience.add(FieldVisibility.NETWORKS)
    return audience


def visible_fields(*, profile: DiasporaProfile, audience: set[str]) -> list[str]:
    return [f for f in DiasporaProfile.VISIBLE_FIELDS if profile.visibility_of(f) in audience]


def profile_for_viewer(*, public_id, viewer) -> tuple[DiasporaProfile, list[str]]:
    """The profile and the fields `viewer` may see; 404 when they may see nothing of it."""
    profile = (
        DiasporaProfile.objects.filter(public_id=public_id, user__is_active=True)
        .select_related("user")
        .prefetch_related(
            "languages",
            Prefetch("skills", queryset=ProfileSkill.objects.select_related("skill__category")),
        )
        .first()
    )
    if profile is None or not can_see_hidden(viewer, profile):
        raise Http404  # hidden by moderators: its owner and staff only
    audience = viewer_audience(profile=profile, viewer=viewer)
    fields = visible_fields(profile=profile, audience=audience)
    if not fields and viewer.pk != profile.user_id and not has_staff_powers(viewer):
        raise Http404
    return profile, fields


# --- Networks -----------------------------------------------------------------------------


def networks_visible_to(user) -> QuerySet[Network]:
    visible = Q(visibility=Network.Visibility.PUBLIC)
    if user.is_authenticated:
        visible |= Q(
            Exists(
                NetworkMembership.objects.filter(
                    network=OuterRef("pk"), user=user, status=NetworkMembership.Status.APPROVED
                )
            )
        )
    # Proposals waiting for review (or not approved) are listed to nobody: their proposer finds
    # theirs under "my proposals" (networks_proposed_by).
    return Network.objects.filter(
        visible, visible_q(user, "created_by"), is_active=True, status=Network.Status.PUBLISHED
    ).prefetch_related("themes")


def networks_proposed_by(*, user) -> QuerySet[Network]:
    """The networks `user` proposed that are not published (yet): waiting, sent back, refused."""
    if not user.is_authenticated:
        return Network.objects.none()
    return Network.objects.filter(created_by=user).exclude(status=Network.Status.PUBLISHED)


def network_for_user(*, slug: str, user) -> Network:
    network = Network.objects.filter(slug=slug).prefetch_related("themes").first()
    if network is None or not user.has_perm("diaspora.view_network", network):
        raise Http404
    return network


def network_membership_of(*, user, network: Network) -> NetworkMembership | None:
    from diaspora.rules import _membership

    return _membership(user, network)


def network_members(*, network: Network, viewer=None) -> QuerySet[NetworkMembership]:
    """Frozen accounts are left out (staff see them in the admin). A request to join does not
    exist for a coordinator (`viewer`) the requester blocked, or who blocked them: the other
    coordinators answer it (humena.moderation.blocks)."""
    pending = Q(status=NetworkMembership.Status.PENDING)
    return (
        network.memberships.exclude(status=NetworkMembership.Status.LEFT)
        .exclude(pending & blocked_either_way_q(viewer, "user"))
        .filter(user__frozen_at__isnull=True)
        .select_related("user")
        .order_by("status", "role", "created_at")
    )


def network_updates(*, network: Network, user) -> QuerySet[NetworkUpdate]:
    """Updates moderators hid are seen by their author, the coordinators and staff only."""
    updates = network.updates.all()
    if not user.has_perm("diaspora.manage_network", network):
        updates = updates.filter(visible_q(user, "author"))
    return updates


def network_coordinators(*, network: Network) -> list:
    return [
        m.user
        for m in network.memberships.filter(
            role=NetworkMembership.Role.COORDINATOR,
            status=NetworkMembership.Status.APPROVED,
            user__frozen_at__isnull=True,
        ).select_related("user")
    ]


def consultation_answers(*, consultation) -> QuerySet[ConsultationAnswer]:
    """The answers that count and feed the policy work: not those moderators hid (their authors
    still see their own, on the consultation's page)."""
    return consultation.answers.filter(hidden_at__isnull=True)


# --- Joint projects -------------------------------------------------------------------------


def projects_visible_to(user) -> QuerySet[JointProject]:
    public_statuses = (
        JointProject.Status.AGREED,
        JointProject.Status.ACTIVE,
        JointProject.Status.COMPLETED,
    )
    visible = Q(
        status__in=public_statuses,
        initiative__in=initiatives_visible_to(user).values("pk"),
    ) & (
        Q(network__isnull=True)
        | Q(network__visibility=Network.Visibility.PUBLIC, network__hidden_at__isnull=True)
    )
    if user.is_authenticated:
        visible |= Q(participants=user)
    # Hidden by moderators: left to its author (who proposed it), its managers and staff.
    visible &= visible_q(user, "proposed_by")
    if user.is_authenticated:
        # The parties see their own proposals too: the network's coordinators and the
        # initiative's organisers.
        visible |= Q(
            network__memberships__user=user,
            network__memberships__role=NetworkMembership.Role.COORDINATOR,
            network__memberships__status=NetworkMembership.Status.APPROVED,
        )
        visible |= Q(
            initiative__memberships__user=user,
            initiative__memberships__role="organiser",
            initiative__memberships__status="approved",
        )
    return (
        JointProject.objects.filter(visible)
        .distinct()
        .select_related("initiative", "network")
        .order_by("-created_at")
    )


def project_for_user(*, slug: str, user) -> JointProject:
    project = (
        JointProject.objects.filter(slug=slug)
        .select_related("initiative", "network")
        .prefetch_related("milestones")
        .first()
    )
    if project is None or not user.has_perm("diaspora.view_project", project):
        raise Http404
    return project


# --- Matching -------------------------------------------------------------------------------

# Points per criterion; the card explains which ones matched. Skill level and years dominate.
POINTS = {
    "level": 10,  # per level, 1 to 4
    "years": 2,  # per year, up to 10 years
    "language": 20,
    "fluent": 5,
    "place": 15,  # can work remotely when that is possible, or lives in the country
    "origin": 10,
    "available": 10,  # at least 4 hours a month
}
MIN_HOURS = 4
MATCH_LIMIT = 20


MATCH_SALT = "diaspora.match"


def match_reference(*, need_id: int, profile_id: int) -> str:
    """What a card carries instead of the profile's id: valid for this need only, and useless
    for finding the member's profile page (which would give their pseudonym)."""
    from django.core import signing

    return signing.dumps([need_id, profile_id], salt=MATCH_SALT, compress=True)


def match_profile(*, need_id: int, reference: str) -> DiasporaProfile | None:
    from django.core import signing

    try:
        ref_need, profile_id = signing.loads(reference, salt=MATCH_SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if ref_need != need_id:
        return None
    return (
        DiasporaProfile.objects.filter(pk=profile_id, hidden_at__isnull=True)
        .select_related("user")
        .first()
    )


@dataclass(frozen=True)
class Match:
    profile: DiasporaProfile
    skill: ProfileSkill
    score: int
    reasons: tuple[str, ...]
    introduced: bool
    reference: str


def _place_fit(need: Need, initiative: Initiative) -> Q:
    lives_there = Q(profile__residence_country=initiative.country)
    on_site = Q(profile__work_mode__in=[WorkMode.ON_SITE, WorkMode.BOTH]) & lives_there
    if need.remote_possible:
        return Q(profile__work_mode__in=[WorkMode.REMOTE, WorkMode.BOTH]) | on_site
    return on_site


def _flag(condition) -> Case:
    return Case(When(condition, then=Value(1)), default=Value(0), output_field=IntegerField())


# The most any one criterion beyond the skill itself can add: language (+fluent), place, origin,
# time. A candidate whose skill points are more than this below the 20th best score cannot enter.
BONUS_MAX = (
    POINTS["language"] + POINTS["fluent"] + POINTS["place"] + POINTS["origin"] + POINTS["available"]
)
FIRST_PASS = 200


def _skill_points():
    return Value(POINTS["level"]) * F("level") + Value(POINTS["years"]) * Least(
        F("years"), Value(10)
    )


def _candidates(need: Need) -> QuerySet[ProfileSkill]:
    return ProfileSkill.objects.filter(
        skill_id=need.skill_id,
        profile__consent_to_matching=True,
        profile__user__is_active=True,
        profile__hidden_at__isnull=True,  # hidden by moderators: never matched
    )


def _scored(need: Need, queryset: QuerySet[ProfileSkill]) -> QuerySet[ProfileSkill]:
    initiative = need.initiative
    # The need's language, joined once per candidate (unique per profile and language): its
    # level, or NULL. Not a subquery: that is evaluated once per use and per row.
    return (
        queryset.annotate(
            need_language=FilteredRelation(
                "profile__languages", condition=Q(profile__languages__language=need.language)
            )
        )
        .annotate(language_level=Coalesce(F("need_language__level"), Value(0)))
        .annotate(
            f_language=_flag(Q(language_level__gte=1)),
            f_fluent=_flag(Q(language_level__gte=ProfileLanguage.Level.FLUENT)),
            f_place=_flag(_place_fit(need, initiative)),
            f_origin=_flag(Q(profile__origin_country=initiative.country)),
            f_available=_flag(Q(profile__hours_per_month__gte=MIN_HOURS)),
        )
        .annotate(
            score=(
                _skill_points()
                + Value(POINTS["language"]) * F("f_language")
                + Value(POINTS["fluent"]) * F("f_fluent")
                + Value(POINTS["place"]) * F("f_place")
                + Value(POINTS["origin"]) * F("f_origin")
                + Value(POINTS["available"]) * F("f_available")
            )
        )
        .select_related("profile", "skill")
        .order_by("-score", "-level", "-years", "profile_id")
    )


def _among(field: str, queryset: QuerySet) -> InArray | Q:
    """`field` among the subquery's values. On PostgreSQL an ARRAY computed once: the planner
    then keeps its index plans, where `IN (subquery)` (or its negation, or one with a LIMIT)
    can turn the ranking into scans of every profile."""
    if connection.vendor != "postgresql":
        return Q(**{f"{field}__in": queryset})
    return InArray(field, queryset)


def matches_for_need(*, need: Need, viewer=None, limit: int = MATCH_LIMIT) -> list[Match]:
    """Consenting members with the need's skill, best first, exactly as a full ranking would
    give them, without scoring every candidate of a common skill. One statement ranks them:

    1. the FIRST_PASS strongest in the skill come off the (skill, level, years) index and are
       scored; the `limit`-th score among them, minus BONUS_MAX, is a bar (a subquery computed
       once);
    2. only candidates whose skill points alone reach the bar can still enter: those are
       scored and ranked, with whether an introduction was asked already.

    A second query reads their languages: two queries whatever the number of profiles
    (benchmarks/bench.py, the matching rows).

    Members who blocked the `viewer` (or whom they blocked) are not among the viewer's matches:
    to the viewer they are like members who do not take part in matching.
    """
    organisers = need.initiative.memberships.filter(role="organiser").order_by().values("user_id")
    candidates = _candidates(need).exclude(_among("profile__user_id", organisers))
    if viewer is not None and viewer.is_authenticated:
        candidates = candidates.exclude(
            _among("profile__user_id", blocked_ids_for(viewer))
        ).exclude(_among("profile__user_id", blockers_of(viewer)))
    strongest = candidates.order_by("-level", "-years").values("pk")[:FIRST_PASS]
    first_pass = _scored(need, candidates.filter(_among("pk", strongest)))
    bar = Coalesce(
        Subquery(first_pass.values("score")[limit - 1 : limit]), Value(BONUS_MAX)
    ) - Value(BONUS_MAX)
    # Skill points of at least the bar; the level alone bounds the index range read:
    # 10 * level + 2 * min(years, 10) >= bar needs level >= ceil((bar - 20) / 10).
    contenders = (
        candidates.filter(level__gte=(bar - Value(POINTS["years"] * 10 - 9)) / Value(10))
        .alias(skill_points=_skill_points())
        .filter(skill_points__gte=bar)
    )
    asked = Introduction.objects.filter(
        need=need,
        member_id=OuterRef("profile__user_id"),
        # A declined request is not asked again: the card says so.
        status__in=[
            Introduction.Status.REQUESTED,
            Introduction.Status.ACCEPTED,
            Introduction.Status.DECLINED,
        ],
    )
    rows = _with_profiles(
        list(_scored(need, contenders).annotate(introduced=Exists(asked))[:limit])
    )
    return [
        Match(
            profile=row.profile,
            skill=row,
            score=row.score,
            reasons=tuple(
                name
                for name in ("language", "fluent", "place", "origin", "available")
                if getattr(row, f"f_{name}")
            ),
            introduced=row.introduced,
            reference=match_reference(need_id=need.pk, profile_id=row.profile_id),
        )
        for row in rows
    ]


def _with_profiles(rows: list[ProfileSkill]) -> list[ProfileSkill]:
    """Attach the ranked rows' languages: one query."""
    from django.db.models import prefetch_related_objects

    prefetch_related_objects(rows, "profile__languages")
    return rows


def needs_for_member(
    *, user, profile: DiasporaProfile | None = None, limit: int = 50
) -> list[tuple[Need, int, tuple[str, ...]]]:
    """Open needs of initiatives the member may see that ask for one of the member's skills,
    ranked the same way as matches (seen from the other side). `profile`: the member's, when
    the caller has it already."""
    profile = profile or profile_of(user=user)
    if profile is None:
        return []
    my_skills = {ps.skill_id: ps for ps in profile.skills.all()}
    if not my_skills:
        return []
    languages = {pl.language: pl.level for pl in profile.languages.all()}
    needs = (
        Need.objects.filter(
            status=Need.Status.OPEN,
            skill_id__in=my_skills,
            initiative__in=initiatives_visible_to(user).values("pk"),
            # Nothing moderators hid is offered, not even to staff or the initiative's author.
            hidden_at__isnull=True,
            initiative__hidden_at__isnull=True,
        )
        .exclude(
            Exists(
                Membership.objects.filter(
                    initiative=OuterRef("initiative"),
                    user=user,
                    role=Membership.Role.ORGANISER,
                    status=Membership.Status.APPROVED,
                )
            )
        )
        .select_related("skill", "initiative")
        .order_by("-created_at")[:500]
    )
    ranked = []
    for need in needs:
        mine = my_skills[need.skill_id]
        reasons = []
        score = POINTS["level"] * mine.level + POINTS["years"] * min(mine.years, 10)
        if need.language in languages:
            score += POINTS["language"]
            reasons.append("language")
            if languages[need.language] >= ProfileLanguage.Level.FLUENT:
                score += POINTS["fluent"]
                reasons.append("fluent")
        remote_ok = need.remote_possible and profile.work_mode in (WorkMode.REMOTE, WorkMode.BOTH)
        on_site_ok = (
            profile.work_mode in (WorkMode.ON_SITE, WorkMode.BOTH)
            and profile.residence_country == need.initiative.country
        )
        if remote_ok or on_site_ok:
            score += POINTS["place"]
            reasons.append("place")
        if profile.origin_country == need.initiative.country:
            score += POINTS["origin"]
            reasons.append("origin")
        if profile.hours_per_month >= MIN_HOURS:
            score += POINTS["available"]
            reasons.append("available")
        ranked.append((need, score, tuple(reasons)))
    ranked.sort(key=lambda item: (-item[1], -item[0].pk))
    return ranked[:limit]


def introductions_for(*, user) -> dict[str, QuerySet[Introduction]]:
    base = Introduction.objects.select_related(
        "need__skill", "need__initiative", "requested_by", "member"
    )
    return {
        # Requests from someone the member blocked are hidden while they wait for an answer
        # (and cannot be answered): the organiser sees them wait, then expire, as if unread.
        "received": base.filter(member=user, requested_by__frozen_at__isnull=True)
        .exclude(status=Introduction.Status.REQUESTED, requested_by__in=blocked_ids_for(user))
        # Nor can a need or initiative hidden by moderators (or no longer published) still
        # reach the member through a waiting request (services._reaches_members).
        .exclude(
            Q(status=Introduction.Status.REQUESTED)
            & (
                Q(need__hidden_at__isnull=False)
                | Q(need__initiative__hidden_at__isnull=False)
                | ~Q(need__initiative__status__in=Initiative.PUBLISHED)
            )
        ),
        "sent": base.filter(requested_by=user, member__frozen_at__isnull=True),
    }
