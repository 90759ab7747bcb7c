"""Writes in the FROM level: profiles, networks, introductions, joint projects, consultations.

As in every level, a service checks its permission, validates, writes atomically and records
named events in the outbox.
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import Http404
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from diaspora.models import (
    Consultation,
    ConsultationAnswer,
    Contribution,
    DiasporaProfile,
    FieldVisibility,
    Introduction,
    JointProject,
    Milestone,
    Network,
    NetworkMembership,
    NetworkUpdate,
    ProfileLanguage,
    ProfileSkill,
)
from diaspora.rules import allows
from engagement.models import Initiative, Need
from humena.accounts.services import consent_give, consent_withdraw
from humena.core.markdown import markdown_to_html
from humena.core.mfa import has_staff_powers
from humena.core.models import ConsentText
from humena.core.ratelimit import consume_setting
from humena.core.slugs import unique_slug
from humena.moderation.blocks import blocked_either_way, is_blocked
from humena.moderation.review import needs_review
from humena.notifications.events import Event as Notify
from humena.notifications.services import event_emit
from humena.taxonomy.models import Skill

INTRODUCTION_LIFETIME = datetime.timedelta(days=14)


WIZARD_STEPS = 5


# --- Profiles -----------------------------------------------------------------------------


def profile_get_or_create(*, user) -> DiasporaProfile:
    profile, _created = DiasporaProfile.objects.get_or_create(user=user)
    return profile


def _advance(profile: DiasporaProfile, step: int) -> None:
    profile.wizard_step = max(profile.wizard_step, min(step + 1, WIZARD_STEPS + 1))


@transaction.atomic
def profile_save_about(
    *,
    profile: DiasporaProfile,
    origin_country: str,
    residence_country: str,
    residence_city: str,
    bio: str,
) -> DiasporaProfile:
    profile.origin_country = origin_country
    profile.residence_country = residence_country
    profile.residence_city = residence_city.strip()
    profile.bio = bio.strip()
    _advance(profile, 1)
    profile.full_clean()
    profile.save()
    return profile


@transaction.atomic
def profile_set_languages(
    *, profile: DiasporaProfile, languages: list[tuple[str, int]]
) -> DiasporaProfile:
    """Replace the profile's languages with `languages`: (code, level) pairs."""
    seen: dict[str, int] = {}
    for code, level in languages:
        if level not in ProfileLanguage.Level.values:
            raise ValidationError({"level": _("Choose a level from 1 to 4.")})
        seen[code] = level
    rows = [
        ProfileLanguage(profile=profile, language=code, level=lvl) for code, lvl in seen.items()
    ]
    for row in rows:
        row.full_clean(exclude=["profile"])
    profile.languages.all().delete()
    ProfileLanguage.objects.bulk_create(rows)
    _advance(profile, 2)
    profile.save(update_fields=["wizard_step", "updated_at"])
    return profile


@transaction.atomic
def profile_set_skills(
    *, profile: DiasporaProfile, skills: list[tuple[Skill, int, int]]
) -> DiasporaProfile:
    """Replace the profile's skills with `skills`: (skill, level 1-4, years) triples."""
    chosen: dict[int, ProfileSkill] = {}
    for skill, level, years in skills:
        row = ProfileSkill(profile=profile, skill=skill, level=level, years=years)
        # Level 1-4, years 0-60: clear messages otherwise. Checked by the fields' validators in
        # Python, not a query per row: the skill is a row the caller looked up, and a skill given
        # twice collapses below (the database still enforces both constraints).
        row.full_clean(
            exclude=["profile", "skill"], validate_unique=False, validate_constraints=False
        )
        chosen[skill.pk] = row
    profile.skills.all().delete()
    ProfileSkill.objects.bulk_create(chosen.values())
    _advance(profile, 3)
    profile.save(update_fields=["wizard_step", "updated_at"])
    return profile


@transaction.atomic
def profile_save_availability(
    *,
    profile: DiasporaProfile,
    hours_per_month: int,
    work_mode: str,
    time_zone: str,
    contributions: list[str],
) -> DiasporaProfile:
    unknown = set(contributions) - set(Contribution.values)
    if unknown:
        raise ValidationError({"contributions": _("Unknown way to contribute.")})
    if hours_per_month is None or hours_per_month < 0:
        raise ValidationError({"hours_per_month": _("Hours cannot be negative.")})
    profile.hours_per_month = hours_per_month
    profile.work_mode = work_mode
    profile.time_zone = time_zone
    profile.contributions = sorted(set(contributions))
    _advance(profile, 4)
    profile.full_clean()
    profile.save()
    return profile


@transaction.atomic
def profile_save_privacy(
    *, profile: DiasporaProfile, visibility: dict[str, str], consent_to_matching: bool
) -> DiasporaProfile:
    clean = {}
    for field in DiasporaProfile.VISIBLE_FIELDS:
        level = visibility.get(field, FieldVisibility.STAFF)
        if level not in FieldVisibility.values:
            raise ValidationError({field: _("Choose who may see this.")})
        clean[field] = level
    profile.visibility = clean
    if consent_to_matching and not profile.consent_to_matching:
        profile.consent_given_at = timezone.now()
        consent_give(
            user=profile.user,
            purpose=ConsentText.Purpose.MATCHING,
            language=get_language() or profile.user.preferred_language,
        )
    if not consent_to_matching:
        if profile.consent_to_matching:
            consent_withdraw(user=profile.user, purpose=ConsentText.Purpose.MATCHING)
        profile.consent_given_at = None
    profile.consent_to_matching = consent_to_matching
    _advance(profile, 5)
    profile.save()
    return profile


# --- Networks -----------------------------------------------------------------------------


# What a member chooses when proposing a network (staff set the rest in the admin).
PROPOSAL_FIELDS = ("language", "focus_countries", "visibility", "join_policy")
# Paths under /diaspora/networks/ that a network's address must not shadow.
RESERVED_NETWORK_SLUGS = {"new"}


def _publish_or_review(network: Network, actor) -> None:
    network.status = (
        Network.Status.IN_REVIEW if needs_review(actor, "network") else Network.Status.PUBLISHED
    )


@transaction.atomic
def network_create(*, actor, name: str, mission: str, slug: str | None = None, **fields) -> Network:
    """Staff create networks in the admin; members propose them (page and API). The creator is
    its first coordinator at once, so that they see and edit their proposal. A proposal from
    anyone but staff and trusted organisers waits for review (docs/moderation.md): unlisted, and
    404 to everyone but its proposer and staff, until approved."""
    if not actor.has_perm("diaspora.propose_network"):
        raise PermissionDenied
    themes = fields.pop("themes", None)
    staff = has_staff_powers(actor)
    if not staff:
        slug = None  # a member's network gets its address from its name
        fields = {name_: value for name_, value in fields.items() if name_ in PROPOSAL_FIELDS}
    if slug and Network.objects.filter(slug=slug).exists():
        raise ValidationError({"slug": _("Another network has this web address.")})
    network = Network(
        name=name.strip(),
        mission=mission,
        mission_html=markdown_to_html(mission),
        slug=slug or unique_slug(Network, name, reserved=RESERVED_NETWORK_SLUGS),
        created_by=actor,
        **fields,
    )
    _publish_or_review(network, actor)
    network.full_clean()
    if not staff:
        consume_setting(scope="network_propose", key=actor.pk)
    network.save()
    if themes is not None:
        network.themes.set(themes)
    NetworkMembership.objects.create(
        user=actor,
        network=network,
        role=NetworkMembership.Role.COORDINATOR,
        status=NetworkMembership.Status.APPROVED,
        joined_at=timezone.now(),
    )
    Network.objects.filter(pk=network.pk).update(member_count=1)
    network.member_count = 1
    return network


@transaction.atomic
def network_proposal_edit(*, network: Network, actor, name: str, mission: str, **fields) -> Network:
    """The proposer changes a proposal waiting for review, or one sent back for changes: saving
    that one submits it again (to review, or published for staff and trusted organisers)."""
    if not actor.has_perm("diaspora.view_network", network):
        raise Http404
    network = Network.objects.select_for_update().get(pk=network.pk)
    if network.status == Network.Status.REJECTED:
        raise ValidationError(
            _("This network was not approved: it cannot be changed or proposed again."),
            code="rejected",
        )
    if not actor.has_perm("diaspora.edit_network_proposal", network):
        raise PermissionDenied
    themes = fields.pop("themes", None)
    for field_name in PROPOSAL_FIELDS:
        if field_name in fields:
            setattr(network, field_name, fields[field_name])
    network.name = name.strip()
    network.mission = mission
    network.mission_html = markdown_to_html(mission)
    if network.status == Network.Status.DRAFT:
        _publish_or_review(network, actor)
    network.full_clean()
    network.save()
    if themes is not None:
        network.themes.set(themes)
    return network


def _forget(network: Network) -> None:
    if hasattr(network, "_membership_cache"):
        del network._membership_cache


def _count(network: Network, delta: int) -> None:
    Network.objects.filter(pk=network.pk).update(member_count=F("member_count") + delta)
    network.member_count = max(0, network.member_count + delta)


@transaction.atomic
def network_join(*, network: Network, user) -> NetworkMembership:
    if not user.has_perm("diaspora.view_network", network):
        raise Http404
    if not allows("diaspora.join_network", user, network):
        if not user.is_authenticated:
            raise PermissionDenied
        raise ValidationError(_("This network is not taking new members."), code="not_joinable")
    consume_setting(scope="join", key=user.pk)
    approve_now = network.join_policy == Network.JoinPolicy.OPEN
    status = NetworkMembership.Status.APPROVED if approve_now else NetworkMembership.Status.PENDING
    membership = (
        NetworkMembership.objects.select_for_update().filter(user=user, network=network).first()
    )
    if membership is not None:
        if membership.status in (
            NetworkMembership.Status.APPROVED,
            NetworkMembership.Status.PENDING,
        ):
            return membership
        if membership.status == NetworkMembership.Status.DECLINED:
            raise ValidationError(_("The coordinators declined your request."), code="declined")
        membership.status, membership.role = status, NetworkMembership.Role.MEMBER
    else:
        membership = NetworkMembership(user=user, network=network, status=status)
    membership.joined_at = timezone.now() if approve_now else None
    try:
        with transaction.atomic():
            membership.save()
    except IntegrityError:
        return NetworkMembership.objects.get(user=user, network=network)
    _forget(network)
    if approve_now:
        _count(network, +1)
    event_emit(
        event=Notify.NETWORK_MEMBER_JOINED if approve_now else Notify.NETWORK_MEMBERSHIP_REQUESTED,
        actor_id=user.pk,
        network_id=network.pk,
        membership_id=membership.pk,
    )
    return membership


@transaction.atomic
def network_leave(*, network: Network, user) -> None:
    membership = (
        NetworkMembership.objects.select_for_update().filter(user=user, network=network).first()
    )
    if membership is None or membership.status not in (
        NetworkMembership.Status.APPROVED,
        NetworkMembership.Status.PENDING,
    ):
        raise ValidationError(_("You are not a member of this network."), code="not_member")
    if membership.is_active_coordinator and _coordinator_count(network) == 1:
        raise ValidationError(
            _("You are the only coordinator: name another one before you leave."),
            code="last_coordinator",
        )
    was_approved = membership.status == NetworkMembership.Status.APPROVED
    membership.status, membership.role = (
        NetworkMembership.Status.LEFT,
        NetworkMembership.Role.MEMBER,
    )
    membership.save(update_fields=["status", "role", "updated_at"])
    _forget(network)
    if was_approved:
        _count(network, -1)


def _coordinator_count(network: Network) -> int:
    return NetworkMembership.objects.filter(
        network=network,
        role=NetworkMembership.Role.COORDINATOR,
        status=NetworkMembership.Status.APPROVED,
    ).count()


def _require_manager(actor, network: Network) -> None:
    if actor.has_perm("diaspora.manage_network", network):
        return
    if not actor.has_perm("diaspora.view_network", network):
        raise Http404
    raise PermissionDenied


@transaction.atomic
def network_membership_decide(
    *, membership: NetworkMembership, actor, approve: bool
) -> NetworkMembership:
    network = membership.network
    _require_manager(actor, network)
    membership = NetworkMembership.objects.select_for_update().get(pk=membership.pk)
    if membership.status == NetworkMembership.Status.PENDING and blocked_either_way(
        actor, membership.user_id
    ):
        raise Http404  # hidden from this coordinator by a block (selectors.network_members)
    if membership.status != NetworkMembership.Status.PENDING:
        raise ValidationError(_("This request was already answered."), code="not_pending")
    if approve:
        membership.status, membership.joined_at = NetworkMembership.Status.APPROVED, timezone.now()
        _count(network, +1)
        event_emit(
            event=Notify.NETWORK_MEMBERSHIP_APPROVED,
            actor_id=actor.pk,
            network_id=network.pk,
            user_id=membership.user_id,
        )
    else:
        membership.status = NetworkMembership.Status.DECLINED
    membership.save(update_fields=["status", "joined_at", "updated_at"])
    return membership


@transaction.atomic
def network_update_post(*, network: Network, author, title: str, body: str) -> NetworkUpdate:
    _require_manager(author, network)
    update = NetworkUpdate(
        network=network,
        author=author,
        title=title.strip(),
        body=body,
        body_html=markdown_to_html(body),
    )
    update.full_clean()
    update.save()
    event_emit(
        event=Notify.NETWORK_UPDATE_PUBLISHED,
        actor_id=author.pk,
        network_id=network.pk,
        update_id=update.pk,
    )
    return update


# --- Consultations (pillar 1) ---------------------------------------------------------------


@transaction.atomic
def consultation_open(
    *,
    network: Network,
    actor,
    question: str,
    context: str = "",
    closes_at: datetime.datetime | None = None,
) -> Consultation:
    _require_manager(actor, network)
    if closes_at is not None and closes_at <= timezone.now():
        raise ValidationError({"closes_at": _("The closing date must be in the future.")})
    consultation = Consultation(
        network=network,
        question=question.strip(),
        context=context,
        context_html=markdown_to_html(context),
        closes_at=closes_at,
        created_by=actor,
    )
    consultation.full_clean()
    consultation.save()
    event_emit(
        event=Notify.CONSULTATION_OPENED,
        actor_id=actor.pk,
        network_id=network.pk,
        consultation_id=consultation.pk,
    )
    return consultation


@transaction.atomic
def consultation_answer(*, consultation: Consultation, user, body: str) -> ConsultationAnswer:
    network = consultation.network
    if not user.has_perm("diaspora.view_network", network):
        raise Http404
    if not allows("diaspora.answer_consultation", user, network):
        raise PermissionDenied(_("Join the network to answer its consultations."))
    if consultation.closes_at and consultation.closes_at <= timezone.now():
        raise ValidationError(_("This consultation is closed."), code="closed")
    body = body.strip()
    if not body:
        raise ValidationError({"body": _("Write your answer.")})
    answer, _created = ConsultationAnswer.objects.update_or_create(
        consultation=consultation, user=user, defaults={"body": body}
    )
    return answer


# --- Introductions --------------------------------------------------------------------------


def _require_need_manager(actor, need: Need) -> None:
    """Matches and introductions exist only for the need's organisers (and staff): to anyone
    else they answer 404, whether or not the initiative is public."""
    if not actor.has_perm("engagement.manage_needs", need.initiative):
        raise Http404


def _reaches_members(need: Need) -> bool:
    """Only a need moderators left shown, of a published initiative they left shown, contacts
    members: a hidden, draft, in-review or rejected initiative does not (not even through
    requests already waiting, see selectors.introductions_for)."""
    initiative = need.initiative
    return need.hidden_at is None and initiative.hidden_at is None and initiative.is_published


@transaction.atomic
def introduction_request(
    *, need: Need, actor, profile: DiasporaProfile, message: str
) -> Introduction:
    """An organiser asks to be introduced to a matching member; nothing personal is shared yet."""
    _require_need_manager(actor, need)
    if not _reaches_members(need):
        raise Http404
    if (
        not profile.consent_to_matching
        or not profile.user.is_active
        or not profile.skills.filter(skill_id=need.skill_id).exists()
        # A block either way: the same answer as for someone who does not take part.
        or blocked_either_way(actor, profile.user_id)
    ):
        raise Http404  # only consenting people with the skill can be reached this way
    if profile.user_id == actor.pk:
        raise ValidationError(_("You cannot ask to be introduced to yourself."), code="self")
    if need.status != Need.Status.OPEN:
        raise ValidationError(_("This need is already filled."), code="need_filled")
    consume_setting(scope="introduction", key=actor.pk)
    message = message.strip()
    if len(message) < 10:
        raise ValidationError({"message": _("Say in a sentence or two what you hope for.")})
    if Introduction.objects.filter(
        need=need,
        member=profile.user,
        status__in=[
            Introduction.Status.REQUESTED,
            Introduction.Status.ACCEPTED,
            Introduction.Status.DECLINED,  # a "no" is not asked again for the same need
        ],
    ).exists():
        raise ValidationError(_("You already asked for this introduction."), code="duplicate")
    introduction = Introduction.objects.create(
        need=need,
        requested_by=actor,
        member=profile.user,
        message=message,
        expires_at=timezone.now() + INTRODUCTION_LIFETIME,
    )
    event_emit(
        event=Notify.INTRODUCTION_REQUESTED,
        actor_id=actor.pk,
        introduction_id=introduction.pk,
        user_id=profile.user_id,
    )
    return introduction


def introduction_respond(*, introduction: Introduction, user, accept: bool) -> Introduction:
    if introduction.member_id != user.pk:
        raise Http404
    if introduction.status == Introduction.Status.REQUESTED and is_blocked(
        blocker=user, blocked=introduction.requested_by_id
    ):
        raise Http404  # hidden from the member's inbox (selectors.introductions_for)
    if introduction.status == Introduction.Status.REQUESTED and not _reaches_members(
        introduction.need
    ):
        raise Http404  # hidden from the member's inbox too: accepting would share contacts
    with transaction.atomic():
        introduction = _introduction_answer(introduction, user, accept)
    if introduction.status == Introduction.Status.EXPIRED:
        # Recorded as expired (committed above), then refused.
        raise ValidationError(_("This request can no longer be answered."), code="closed")
    return introduction


def _introduction_answer(introduction: Introduction, user, accept: bool) -> Introduction:
    introduction = Introduction.objects.select_for_update().get(pk=introduction.pk)
    if introduction.status == Introduction.Status.REQUESTED and (
        introduction.expires_at <= timezone.now()
    ):
        introduction.status = Introduction.Status.EXPIRED
        introduction.save(update_fields=["status", "updated_at"])
        return introduction
    if introduction.status != Introduction.Status.REQUESTED:
        raise ValidationError(_("This request can no longer be answered."), code="closed")
    introduction.status = Introduction.Status.ACCEPTED if accept else Introduction.Status.DECLINED
    introduction.responded_at = timezone.now()
    introduction.save(update_fields=["status", "responded_at", "updated_at"])
    event_emit(
        event=Notify.INTRODUCTION_ACCEPTED if accept else Notify.INTRODUCTION_DECLINED,
        actor_id=user.pk,
        introduction_id=introduction.pk,
        user_id=introduction.requested_by_id,
    )
    return introduction


def introductions_expire(*, now: datetime.datetime | None = None) -> int:
    """Mark unanswered requests past their date as expired (beat; safe to run twice)."""
    now = now or timezone.now()
    return Introduction.objects.filter(
        status=Introduction.Status.REQUESTED, expires_at__lte=now
    ).update(status=Introduction.Status.EXPIRED, updated_at=now)


# --- Joint projects -------------------------------------------------------------------------


@transaction.atomic
def joint_project_propose(
    *,
    actor,
    initiative: Initiative,
    network: Network | None,
    title: str,
    summary: str,
    description: str = "",
) -> JointProject:
    """A network coordinator or an initiative organiser proposes to work together."""
    coordinates = network is not None and actor.has_perm("diaspora.manage_network", network)
    organises = actor.has_perm("engagement.change_initiative", initiative)
    if not (coordinates or organises):
        raise PermissionDenied
    if not actor.has_perm("engagement.view_initiative", initiative):
        raise Http404
    # Hidden by moderators: its own people still see it, but it contacts no one else.
    if initiative.hidden_at is not None or (network is not None and network.hidden_at is not None):
        raise Http404
    if network is not None and network.status != Network.Status.PUBLISHED:
        raise ValidationError(
            _("The network must be published before it proposes joint projects."),
            code="network_not_published",
        )
    project = JointProject(
        title=title.strip(),
        slug=unique_slug(JointProject, title),
        summary=summary.strip(),
        description=description,
        description_html=markdown_to_html(description),
        network=network,
        initiative=initiative,
        proposed_by=actor,
    )
    project.full_clean()
    project.save()
    project.participants.add(actor)
    event_emit(
        event=Notify.JOINT_PROJECT_PROPOSED,
        actor_id=actor.pk,
        project_id=project.pk,
        initiative_id=initiative.pk,
    )
    return project


def _require_project_manager(actor, project: JointProject) -> None:
    if actor.has_perm("diaspora.manage_project", project):
        return
    if not actor.has_perm("diaspora.view_project", project):
        raise Http404
    raise PermissionDenied


@transaction.atomic
def joint_project_transition(
    *, project: JointProject, actor, status: str, outcome_notes: str | None = None
) -> JointProject:
    _require_project_manager(actor, project)
    project = JointProject.objects.select_for_update().get(pk=project.pk)
    if status not in project.next_statuses():
        raise ValidationError(
            {
                "status": _("A project that is %(current)s cannot become %(next)s.")
                % {
                    "current": project.get_status_display(),
                    "next": JointProject.Status(status).label
                    if status in JointProject.Status.values
                    else status,
                }
            }
        )
    # Agreement needs both sides: the initiative's organisers agree to a network's proposal.
    if (
        status == JointProject.Status.AGREED
        and project.network_id
        and not has_staff_powers(actor)
        and not actor.has_perm("engagement.change_initiative", project.initiative)
    ):
        raise PermissionDenied(_("The initiative's organisers agree to a proposal."))
    project.status = status
    if outcome_notes is not None:
        project.outcome_notes = outcome_notes
    project.save(update_fields=["status", "outcome_notes", "updated_at"])
    event_emit(
        event=Notify.JOINT_PROJECT_STATUS_CHANGED,
        actor_id=actor.pk,
        project_id=project.pk,
        status=status,
    )
    return project


@transaction.atomic
def _require_open(project: JointProject) -> None:
    if project.status in (JointProject.Status.COMPLETED, JointProject.Status.CANCELLED):
        raise ValidationError(_("This project is closed."), code="closed")


def milestone_add(
    *, project: JointProject, actor, title: str, due_date: datetime.date | None = None
) -> Milestone:
    _require_project_manager(actor, project)
    _require_open(project)
    milestone = Milestone(project=project, title=title.strip(), due_date=due_date)
    milestone.full_clean()
    milestone.save()
    return milestone


@transaction.atomic
def milestone_set_done(*, milestone: Milestone, actor, done: bool) -> Milestone:
    _require_project_manager(actor, milestone.project)
    _require_open(milestone.project)
    milestone.done_at = timezone.localdate() if done else None
    milestone.save(update_fields=["done_at", "updated_at"])
    return milestone


@transaction.atomic
def joint_project_join(*, project: JointProject, user) -> None:
    """Members of the project's network, or of the initiative, take part."""
    if not user.has_perm("diaspora.view_project", project):
        raise Http404
    from diaspora.rules import is_network_member
    from engagement.rules import is_approved_member

    in_network = project.network_id and is_network_member(user, project.network)
    in_initiative = is_approved_member(user, project.initiative)
    if not (in_network or in_initiative):
        raise PermissionDenied(_("Join the network or the initiative to take part."))
    if project.status not in (JointProject.Status.AGREED, JointProject.Status.ACTIVE):
        raise ValidationError(_("This project is not taking new participants now."), code="closed")
    project.participants.add(user)
