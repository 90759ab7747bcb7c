"""Reads of initiatives: what a person may see, with the queries a page needs and no more."""

from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from engagement import search
from engagement.models import Event, Initiative, Membership, Need, Rsvp, Update, Visibility
from humena.core.db_router import on_replica
from humena.moderation.blocks import blocked_either_way_q
from humena.moderation.registry import visible_q

SORTS = {
    "newest": ("-created_at",),
    "oldest": ("created_at",),
    "title": ("title",),
    "members": ("-member_count", "-created_at"),
}


@dataclass(frozen=True)
class BrowseFilters:
    q: str = ""
    country: str = ""
    city: str = ""
    themes: tuple[str, ...] = field(default_factory=tuple)
    status: str = ""
    skill: str = ""  # "needs a skill": initiatives with an open need for this skill
    remote: bool = False  # with an open need that can be done remotely
    sort: str = "newest"


def _approved_member_of(user) -> Q:
    if not user.is_authenticated:
        return Q(pk__in=[])
    return Q(
        Exists(
            Membership.objects.filter(
                initiative=OuterRef("pk"), user=user, status=Membership.Status.APPROVED
            )
        )
    )


def initiatives_visible_to(user) -> QuerySet[Initiative]:
    """Published initiatives the user may see: public ones, and members-only ones they belong to;
    hidden ones only to their author and staff."""
    visible = Q(visibility=Initiative.Visibility.PUBLIC) | _approved_member_of(user)
    return Initiative.objects.filter(
        visible, visible_q(user, "created_by"), status__in=Initiative.PUBLISHED
    )


def initiatives_browse(*, user, filters: BrowseFilters) -> QuerySet[Initiative]:
    """The browse page, search, the map and the API list: a second's lag is harmless here, so
    they read from a replica when one is configured (humena.core.db_router)."""
    queryset = on_replica(initiatives_visible_to(user))
    if filters.status:
        queryset = queryset.filter(status=filters.status)
    else:
        # Archived initiatives appear only when asked for.
        queryset = queryset.exclude(status=Initiative.Status.ARCHIVED)
    if filters.country:
        queryset = queryset.filter(country=filters.country)
    if filters.city:
        queryset = queryset.filter(city__iexact=filters.city.strip())
    if filters.themes:
        queryset = queryset.filter(
            Exists(
                Initiative.themes.through.objects.filter(
                    initiative_id=OuterRef("pk"), theme__slug__in=filters.themes
                )
            )
        )
    if filters.skill or filters.remote:
        needs = Need.objects.filter(
            initiative_id=OuterRef("pk"), status=Need.Status.OPEN, hidden_at__isnull=True
        )
        if filters.skill:
            needs = needs.filter(skill__slug=filters.skill)
        if filters.remote:
            needs = needs.filter(remote_possible=True)
        queryset = queryset.filter(Exists(needs))
    queryset = queryset.prefetch_related("themes")
    if filters.q:
        return search.search_filter(queryset, filters.q)
    return queryset.order_by(*SORTS.get(filters.sort, SORTS["newest"]))


def initiative_for_user(*, slug: str, user) -> Initiative:
    """The initiative if `user` may view it; 404 otherwise (private is indistinguishable)."""
    initiative = Initiative.objects.filter(slug=slug).prefetch_related("themes").first()
    if initiative is None or not user.has_perm("engagement.view_initiative", initiative):
        raise Http404
    return initiative


def membership_of(*, user, initiative: Initiative) -> Membership | None:
    from engagement.rules import _membership

    return _membership(user, initiative)


def initiative_organisers(*, initiative: Initiative) -> list:
    return [
        membership.user
        for membership in Membership.objects.filter(
            initiative=initiative,
            role=Membership.Role.ORGANISER,
            status=Membership.Status.APPROVED,
            user__frozen_at__isnull=True,  # a frozen account's activity is hidden (staff: admin)
        ).select_related("user")
    ]


def _sees_members_only(user, initiative: Initiative) -> bool:
    return user.has_perm("engagement.see_members_only_content", initiative)


def _sees_hidden_items(user, initiative: Initiative | None) -> bool:
    """The initiative's organisers, its author and staff see the updates, events and needs that
    moderators hid (each with a notice); nobody else does."""
    if user is None or initiative is None:
        return False
    return user.has_perm("engagement.change_initiative", initiative) or (
        user.is_authenticated and initiative.created_by_id == user.pk
    )


def initiative_updates(*, initiative: Initiative, user) -> QuerySet[Update]:
    updates = initiative.updates.select_related("author")
    if not _sees_members_only(user, initiative):
        updates = updates.filter(visibility=Visibility.PUBLIC)
    if not _sees_hidden_items(user, initiative):
        updates = updates.filter(visible_q(user, "author"))
    return updates


def initiative_events(*, initiative: Initiative, user, upcoming_only: bool = True) -> QuerySet:
    events = initiative.events.all()
    if upcoming_only:
        events = events.filter(ends_at__gte=timezone.now())
    if not _sees_members_only(user, initiative):
        events = events.filter(visibility=Visibility.PUBLIC)
    if not _sees_hidden_items(user, initiative):
        events = events.filter(hidden_at__isnull=True)
    if user.is_authenticated:
        events = events.prefetch_related(
            Prefetch("rsvps", queryset=Rsvp.objects.filter(user=user), to_attr="my_rsvps")
        )
    return events


def initiative_needs(
    *, initiative: Initiative, open_only: bool = False, user=None
) -> QuerySet[Need]:
    """The needs `user` may see (without a user: the ones moderators did not hide)."""
    needs = initiative.needs.select_related("skill", "skill__category")
    if open_only:
        needs = needs.filter(status=Need.Status.OPEN)
    if not _sees_hidden_items(user, initiative):
        needs = needs.filter(hidden_at__isnull=True)
    return needs


def initiative_members(*, initiative: Initiative, viewer=None) -> QuerySet[Membership]:
    """The roster: for organisers and staff only (callers check engagement.view_members).
    Frozen accounts are left out (staff see them in the admin). A request to join does not exist
    for an organiser (`viewer`) the requester blocked, or who blocked them: the other organisers
    answer it (humena.moderation.blocks)."""
    pending = Q(status=Membership.Status.PENDING)
    return (
        initiative.memberships.exclude(status=Membership.Status.LEFT)
        .exclude(pending & blocked_either_way_q(viewer, "user"))
        .filter(user__frozen_at__isnull=True)
        .select_related("user")
        .order_by("status", "role", "created_at")
    )


def memberships_of_user(*, user) -> QuerySet[Membership]:
    """My initiatives: a hidden one stays listed for its organisers and author only."""
    memberships = Membership.objects.filter(user=user)
    shown = visible_q(user, "created_by", path="initiative")
    if shown:  # empty for staff: they see everything
        organises = Q(role=Membership.Role.ORGANISER, status=Membership.Status.APPROVED)
        memberships = memberships.filter(shown | organises)
    return (
        memberships.exclude(status__in=[Membership.Status.LEFT, Membership.Status.DECLINED])
        .select_related("initiative")
        .prefetch_related("initiative__themes")
        .order_by("-created_at")
    )


def event_for_user(*, initiative: Initiative, event_id: int, user) -> Event:
    event = initiative.events.filter(pk=event_id).first()
    if event is None or not user.has_perm("engagement.view_event", event):
        raise Http404
    return event


def initiatives_geojson(*, user, filters: BrowseFilters) -> dict:
    """Initiatives with a (coarse) location as a GeoJSON FeatureCollection for the map."""
    rows = (
        initiatives_browse(user=user, filters=filters)
        .filter(latitude__isnull=False)
        .prefetch_related(None)
        .order_by()
        .values_list("slug", "title", "city", "country", "latitude", "longitude", "status")
    )
    from django.urls import reverse

    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [float(lon), float(lat)]},
            "properties": {
                "title": title,
                "city": city,
                "country": str(country),
                "status": status,
                "url": reverse("engagement:detail", kwargs={"slug": slug}),
            },
        }
        for slug, title, city, country, lat, lon, status in rows
    ]
    return {"type": "FeatureCollection", "features": features}
