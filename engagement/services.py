"""Writes to initiatives. The pages, the API and the admin call these and nothing else.

Each service checks the permission it needs (so every entry point enforces the same rules),
validates, writes atomically, and records named events in the outbox for notification.
Private things raise Http404 to whoever may not view them; PermissionDenied is for people who may
see a thing but not do this to it; ValidationError carries messages for the person.
"""

import datetime
import zoneinfo
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from engagement import search
from engagement.models import Event, Initiative, Membership, Need, Rsvp, Update, Visibility
from engagement.rules import allows, is_organiser
from humena.audit.services import audit_record
from humena.core.images import image_reencode
from humena.core.markdown import markdown_to_html
from humena.core.mfa import has_staff_powers
from humena.core.ratelimit import consume_setting
from humena.core.slugs import unique_slug
from humena.moderation.blocks import blocked_either_way
from humena.moderation.review import needs_review
from humena.notifications.events import Event as Notify
from humena.notifications.services import event_emit
from humena.taxonomy.models import Theme

COORDINATE_STEP = Decimal("0.01")
# about 1 km: a neighbourhood, never a meeting point


INITIATIVE_FIELDS = (
    "title", "summary", "description", "country", "city", "language", "status",
    "visibility", "join_policy",
)  # fmt: skip


def coordinate_round(value) -> Decimal | None:
    if value is None or value == "":
        return None
    return Decimal(str(value)).quantize(COORDINATE_STEP, rounding=ROUND_HALF_UP)


def _require(user, permission: str, obj, *, hide: bool = True) -> None:
    """Raise unless `user` has `permission`; 404 when they may not even view `obj`."""
    if user.has_perm(permission, obj):
        return
    if hide and not user.has_perm("engagement.view_initiative", _initiative_of(obj)):
        raise Http404
    raise PermissionDenied


def _initiative_of(obj) -> Initiative:
    return obj if isinstance(obj, Initiative) else obj.initiative


# Paths under /initiatives/ that a slug must not shadow.
RESERVED_SLUGS = {"map", "mine", "new", "map.geojson"}


def _forget_membership_cache(initiative: Initiative) -> None:
    if hasattr(initiative, "_membership_cache"):
        del initiative._membership_cache


def _apply_fields(initiative: Initiative, data: dict) -> None:
    for name in INITIATIVE_FIELDS:
        if name in data:
            setattr(initiative, name, data[name])
    if "latitude" in data or "longitude" in data:
        initiative.latitude = coordinate_round(data.get("latitude", initiative.latitude))
        initiative.longitude = coordinate_round(data.get("longitude", initiative.longitude))
    initiative.description_html = markdown_to_html(initiative.description)


def _set_cover(initiative: Initiative, cover_image: UploadedFile | bool | None) -> None:
    """`None` leaves the cover as it is, `False` removes it, a file replaces it."""
    if cover_image is False:
        initiative.cover_image = None
    elif cover_image is not None:
        clean = image_reencode(cover_image)
        initiative.cover_image.save(clean.name, clean, save=False)


def _publish_or_review(initiative: Initiative, user, *, previous: str | None) -> None:
    """Publishing a new organiser's first initiative sends it to review instead
    (docs/moderation.md). Only the review moves an initiative out of review or rejection; staff
    set any status."""
    requested = initiative.status
    if requested == previous or has_staff_powers(user):
        return
    if previous == Initiative.Status.IN_REVIEW:
        raise ValidationError(
            {"status": _("This initiative is waiting for review: the moderators will answer.")},
            code="in_review",
        )
    if previous == Initiative.Status.REJECTED:
        raise ValidationError(
            {"status": _("This initiative was not approved: it cannot be published.")},
            code="rejected",
        )
    if requested in Initiative.REVIEW_STATUSES:
        raise ValidationError(
            {"status": _("Choose draft, or one of the published statuses.")}, code="invalid"
        )
    if (
        requested in Initiative.PUBLISHED
        and previous not in Initiative.PUBLISHED
        and needs_review(user, "initiative")
    ):
        initiative.status = Initiative.Status.IN_REVIEW


@transaction.atomic
def initiative_create(
    *,
    user,
    data: dict,
    themes: list[Theme] | None = None,
    cover_image: UploadedFile | None = None,
) -> Initiative:
    if not user.has_perm("engagement.add_initiative"):
        raise PermissionDenied
    initiative = Initiative(created_by=user)
    _apply_fields(initiative, data)
    _publish_or_review(initiative, user, previous=None)
    initiative.slug = unique_slug(Initiative, initiative.title, reserved=RESERVED_SLUGS)
    _set_cover(initiative, cover_image)
    initiative.full_clean(exclude=["slug", "cover_image"])
    initiative.save()
    if themes is not None:
        initiative.themes.set(themes)
    Membership.objects.create(
        user=user,
        initiative=initiative,
        role=Membership.Role.ORGANISER,
        status=Membership.Status.APPROVED,
        joined_at=timezone.now(),
    )
    Initiative.objects.filter(pk=initiative.pk).update(member_count=1)
    initiative.member_count = 1
    search.search_refresh([initiative.pk])
    return initiative


@transaction.atomic
def initiative_update(
    *,
    initiative: Initiative,
    user,
    data: dict,
    themes: list[Theme] | None = None,
    cover_image: UploadedFile | bool | None = None,
) -> Initiative:
    _require(user, "engagement.change_initiative", initiative)
    # From the database: a bound ModelForm has already copied the new status onto `initiative`.
    previous = (
        Initiative.objects.select_for_update()
        .filter(pk=initiative.pk)
        .values_list("status", flat=True)
        .get()
    )
    _apply_fields(initiative, data)
    _publish_or_review(initiative, user, previous=previous)
    _set_cover(initiative, cover_image)
    initiative.full_clean(exclude=["slug", "cover_image"])
    initiative.save()
    if themes is not None:
        initiative.themes.set(themes)
    search.search_refresh([initiative.pk])
    return initiative


@transaction.atomic
def initiatives_set_status(*, initiatives, user, status: str) -> int:
    """Publish, archive... several at once (the admin's bulk actions); returns how many."""
    if status not in Initiative.Status.values:
        raise ValidationError({"status": _("Unknown status.")})
    changed = 0
    for initiative in initiatives:
        _require(user, "engagement.change_initiative", initiative)
        if initiative.status != status:
            initiative.status = status
            initiative.save(update_fields=["status", "updated_at"])
            changed += 1
            if has_staff_powers(user) and not is_organiser(user, initiative):
                audit_record(actor=user, action="initiative.status", target=initiative, to=status)
    return changed


@transaction.atomic
def initiative_invite_renew(*, initiative: Initiative, user) -> str:
    from engagement.models import new_invite_token

    _require(user, "engagement.change_initiative", initiative)
    initiative.invite_token = new_invite_token()
    initiative.save(update_fields=["invite_token", "updated_at"])
    return initiative.invite_token


def _change_member_count(initiative: Initiative, delta: int) -> None:
    Initiative.objects.filter(pk=initiative.pk).update(member_count=F("member_count") + delta)
    initiative.member_count = max(0, initiative.member_count + delta)


@transaction.atomic
def initiative_join(*, initiative: Initiative, user, invite_token: str | None = None) -> Membership:
    """Join an open initiative at once, or ask to join one that approves its members."""
    invited = bool(invite_token) and invite_token == initiative.invite_token
    if not invited and not user.has_perm("engagement.view_initiative", initiative):
        raise Http404
    if not allows("engagement.join_initiative", user, initiative):
        if not user.is_authenticated:
            raise PermissionDenied
        raise ValidationError(_("This initiative is not taking new members."), code="not_joinable")
    consume_setting(scope="join", key=user.pk)
    approve_now = initiative.join_policy == Initiative.JoinPolicy.OPEN
    status = Membership.Status.APPROVED if approve_now else Membership.Status.PENDING
    membership = (
        Membership.objects.select_for_update().filter(user=user, initiative=initiative).first()
    )
    if membership is not None:
        if membership.status in (Membership.Status.APPROVED, Membership.Status.PENDING):
            return membership  # joining twice is harmless
        if membership.status == Membership.Status.DECLINED:
            raise ValidationError(
                _("The organisers declined your request to join."), code="declined"
            )
        membership.status = status
        membership.role = Membership.Role.MEMBER
    else:
        membership = Membership(user=user, initiative=initiative, status=status)
    membership.joined_at = timezone.now() if approve_now else None
    try:
        with transaction.atomic():
            membership.save()
    except IntegrityError:  # a concurrent request joined first
        return Membership.objects.get(user=user, initiative=initiative)
    _forget_membership_cache(initiative)
    if approve_now:
        _change_member_count(initiative, +1)
        event_emit(
            event=Notify.INITIATIVE_MEMBER_JOINED, actor_id=user.pk, initiative_id=initiative.pk
        )
    else:
        event_emit(
            event=Notify.INITIATIVE_MEMBERSHIP_REQUESTED,
            actor_id=user.pk,
            initiative_id=initiative.pk,
            membership_id=membership.pk,
        )
    return membership


@transaction.atomic
def initiative_leave(*, initiative: Initiative, user) -> None:
    membership = (
        Membership.objects.select_for_update().filter(user=user, initiative=initiative).first()
    )
    if membership is None or membership.status not in (
        Membership.Status.APPROVED,
        Membership.Status.PENDING,
    ):
        raise ValidationError(_("You are not a member of this initiative."), code="not_member")
    if membership.is_active_organiser and _organiser_count(initiative) == 1:
        raise ValidationError(
            _("You are the only organiser: name another organiser before you leave."),
            code="last_organiser",
        )
    _membership_end(membership, initiative)


def _membership_end(membership: Membership, initiative: Initiative) -> None:
    """Leaving and being removed end a membership the same way; the row stays as history."""
    was_approved = membership.status == Membership.Status.APPROVED
    membership.status = Membership.Status.LEFT
    membership.role = Membership.Role.MEMBER
    membership.save(update_fields=["status", "role", "updated_at"])
    _forget_membership_cache(initiative)
    if was_approved:
        _change_member_count(initiative, -1)


def _require_request_shown(actor, membership: Membership) -> None:
    """A request to join from someone who blocked this organiser, or whom they blocked, does not
    exist for them (selectors.initiative_members): 404, as for no request at all."""
    if membership.status == Membership.Status.PENDING and blocked_either_way(
        actor, membership.user_id
    ):
        raise Http404


def _organiser_count(initiative: Initiative) -> int:
    return Membership.objects.filter(
        initiative=initiative, role=Membership.Role.ORGANISER, status=Membership.Status.APPROVED
    ).count()


@transaction.atomic
def membership_decide(*, membership: Membership, actor, approve: bool) -> Membership:
    initiative = membership.initiative
    _require(actor, "engagement.manage_members", initiative)
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    _require_request_shown(actor, membership)
    if membership.status != Membership.Status.PENDING:
        raise ValidationError(_("This request was already answered."), code="not_pending")
    if approve:
        membership.status = Membership.Status.APPROVED
        membership.joined_at = timezone.now()
        _change_member_count(initiative, +1)
        name = Notify.INITIATIVE_MEMBERSHIP_APPROVED
    else:
        membership.status = Membership.Status.DECLINED
        name = Notify.INITIATIVE_MEMBERSHIP_DECLINED
    membership.save(update_fields=["status", "joined_at", "updated_at"])
    event_emit(
        event=name,
        actor_id=actor.pk,
        initiative_id=initiative.pk,
        membership_id=membership.pk,
        user_id=membership.user_id,
    )
    return membership


@transaction.atomic
def membership_set_role(*, membership: Membership, actor, role: str) -> Membership:
    initiative = membership.initiative
    _require(actor, "engagement.manage_members", initiative)
    _require_request_shown(actor, membership)
    if membership.status != Membership.Status.APPROVED:
        raise ValidationError(_("Only approved members can be organisers."), code="not_approved")
    if role not in Membership.Role.values:
        raise ValidationError(_("Unknown role."), code="unknown_role")
    if (
        membership.is_active_organiser
        and role != Membership.Role.ORGANISER
        and _organiser_count(initiative) == 1
    ):
        raise ValidationError(
            _("An initiative needs at least one organiser."), code="last_organiser"
        )
    membership.role = role
    membership.save(update_fields=["role", "updated_at"])
    _forget_membership_cache(initiative)
    return membership


@transaction.atomic
def membership_remove(*, membership: Membership, actor) -> None:
    initiative = membership.initiative
    _require(actor, "engagement.manage_members", initiative)
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    _require_request_shown(actor, membership)
    if membership.is_active_organiser and _organiser_count(initiative) == 1:
        raise ValidationError(
            _("An initiative needs at least one organiser."), code="last_organiser"
        )
    _membership_end(membership, initiative)


@transaction.atomic
def update_post(
    *, initiative: Initiative, author, title: str, body: str, visibility: str = Visibility.PUBLIC
) -> Update:
    _require(author, "engagement.post_update", initiative)
    update = Update(
        initiative=initiative,
        author=author,
        title=title.strip(),
        body=body,
        body_html=markdown_to_html(body),
        visibility=visibility,
    )
    update.full_clean()
    update.save()
    event_emit(
        event=Notify.INITIATIVE_UPDATE_PUBLISHED,
        actor_id=author.pk,
        initiative_id=initiative.pk,
        update_id=update.pk,
    )
    return update


@transaction.atomic
def update_edit(*, update: Update, actor, title: str, body: str, visibility: str) -> Update:
    _require(actor, "engagement.post_update", update.initiative)
    update.title = title.strip()
    update.body = body
    update.body_html = markdown_to_html(body)
    update.visibility = visibility
    update.full_clean()
    update.save()
    return update


def _aware(value: datetime.datetime, time_zone: str) -> datetime.datetime:
    if timezone.is_aware(value):
        return value
    return value.replace(tzinfo=zoneinfo.ZoneInfo(time_zone))


EVENT_FIELDS = (
    "title", "description", "starts_at", "ends_at", "time_zone", "mode", "city", "online_url",
    "capacity", "visibility", "status",
)  # fmt: skip


def _apply_event_fields(event: Event, data: dict) -> None:
    for name in EVENT_FIELDS:
        if name in data:
            setattr(event, name, data[name])
    try:
        zoneinfo.ZoneInfo(event.time_zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
        raise ValidationError({"time_zone": _("Unknown time zone.")}) from exc
    if event.starts_at:
        event.starts_at = _aware(event.starts_at, event.time_zone)
    if event.ends_at:
        event.ends_at = _aware(event.ends_at, event.time_zone)
    if event.starts_at and event.ends_at and event.ends_at <= event.starts_at:
        raise ValidationError({"ends_at": _("The end must be after the start.")})
    if event.mode == Event.Mode.ONLINE:
        event.city = ""
    else:
        event.online_url = ""
        if not (event.city or "").strip():
            raise ValidationError({"city": _("Say in which city the event takes place.")})


@transaction.atomic
def event_create(*, initiative: Initiative, actor, data: dict) -> Event:
    _require(actor, "engagement.manage_events", initiative)
    event = Event(initiative=initiative)
    _apply_event_fields(event, data)
    event.full_clean()
    event.save()
    event_emit(
        event=Notify.INITIATIVE_EVENT_CREATED,
        actor_id=actor.pk,
        initiative_id=initiative.pk,
        event_id=event.pk,
    )
    return event


@transaction.atomic
def event_update(*, event: Event, actor, data: dict) -> Event:
    _require(actor, "engagement.manage_events", event.initiative)
    _apply_event_fields(event, data)
    event.full_clean()
    event.save()
    return event


@transaction.atomic
def event_rsvp(*, event: Event, user, response: str) -> Rsvp:
    initiative = event.initiative
    if not user.has_perm("engagement.view_event", event):
        raise Http404
    if not allows("engagement.rsvp_event", user, initiative):
        raise PermissionDenied(_("Join the initiative to answer its invitations."))
    if response not in Rsvp.Response.values:
        raise ValidationError({"response": _("Answer going or not going.")})
    event = Event.objects.select_for_update().get(pk=event.pk)  # capacity is checked under lock
    if event.status == Event.Status.CANCELLED:
        raise ValidationError(_("This event was cancelled."), code="cancelled")
    if event.ends_at < timezone.now():
        raise ValidationError(_("This event is over."), code="past")
    rsvp = Rsvp.objects.filter(event=event, user=user).first()
    was_going = rsvp is not None and rsvp.response == Rsvp.Response.GOING
    going = response == Rsvp.Response.GOING
    if going and not was_going and event.is_full:
        raise ValidationError(_("This event is full."), code="full")
    if rsvp is None:
        rsvp = Rsvp(event=event, user=user)
    rsvp.response = response
    rsvp.save()
    if going != was_going:
        Event.objects.filter(pk=event.pk).update(
            going_count=F("going_count") + (1 if going else -1)
        )
    return rsvp


REMINDER_WINDOW = datetime.timedelta(hours=24)


def events_remind(*, now: datetime.datetime | None = None, limit: int = 500) -> int:
    """Announce events starting within a day, once each; returns how many were announced.

    Idempotent: each event is claimed under a row lock and stamped, so two workers (or a task
    run twice) never remind twice.
    """
    now = now or timezone.now()
    reminded = 0
    due = Event.objects.filter(
        status=Event.Status.SCHEDULED,
        reminder_sent_at__isnull=True,
        hidden_at__isnull=True,  # moderators hid it: nobody is reminded of it
        starts_at__gt=now,
        starts_at__lte=now + REMINDER_WINDOW,
    ).values_list("pk", flat=True)[:limit]
    for event_id in list(due):
        with transaction.atomic():
            event = (
                Event.objects.select_for_update(skip_locked=True)
                .filter(pk=event_id, reminder_sent_at__isnull=True)
                .first()
            )
            if event is None:
                continue
            event.reminder_sent_at = now
            event.save(update_fields=["reminder_sent_at"])
            event_emit(
                event=Notify.INITIATIVE_EVENT_REMINDER,
                initiative_id=event.initiative_id,
                event_id=event.pk,
            )
            reminded += 1
    return reminded


NEED_FIELDS = ("skill", "quantity", "description", "remote_possible", "language", "until")


@transaction.atomic
def need_create(*, initiative: Initiative, actor, data: dict) -> Need:
    _require(actor, "engagement.manage_needs", initiative)
    need = Need(initiative=initiative)
    for name in NEED_FIELDS:
        if name in data:
            setattr(need, name, data[name])
    if isinstance(need.skill_id, str) or need.skill_id is None:
        raise ValidationError({"skill": _("Choose a skill.")})
    need.full_clean()
    need.save()
    return need


@transaction.atomic
def need_update(*, need: Need, actor, data: dict) -> Need:
    _require(actor, "engagement.manage_needs", need.initiative)
    was_open = need.status == Need.Status.OPEN
    for name in (*NEED_FIELDS, "status"):
        if name in data:
            setattr(need, name, data[name])
    need.full_clean()
    need.save()
    if was_open and need.status == Need.Status.FILLED:
        event_emit(
            event=Notify.INITIATIVE_NEED_FILLED,
            actor_id=actor.pk,
            initiative_id=need.initiative_id,
            need_id=need.pk,
        )
    return need
