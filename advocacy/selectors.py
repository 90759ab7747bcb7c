"""Reads for campaigns: each returns what its page needs in a fixed number of queries."""

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Case, Count, Prefetch, Q, QuerySet, Value, When
from django.db.models.functions import TruncDate
from django.http import Http404
from django.utils import timezone

from advocacy.models import (
    Campaign,
    CampaignAction,
    CampaignTarget,
    CampaignUpdate,
    Interaction,
    Mobilisation,
    Pledge,
    Position,
    Signature,
)
from advocacy.rules import allows
from diaspora.models import DiasporaProfile, NetworkMembership
from engagement.models import Membership
from humena.core.db_router import on_replica
from humena.notifications.models import EmailDelivery, Notification


def campaigns_public(*, country: str = "", theme: str = "", status: str = "") -> QuerySet:
    """Live, paused and closed campaigns, live ones first; filter by country and theme. Read
    from a replica when one is configured: a second's lag is harmless (humena.core.db_router)."""
    campaigns = on_replica(Campaign.objects.filter(status__in=Campaign.PUBLISHED))
    if status == "live":
        campaigns = campaigns.filter(status=Campaign.Status.LIVE)
    elif status == "closed":
        campaigns = campaigns.filter(status=Campaign.Status.CLOSED)
    if country:
        # A multiple CountryField is stored as "EG,LB,TN": match a whole code.
        campaigns = campaigns.filter(
            Q(countries=country)
            | Q(countries__startswith=f"{country},")
            | Q(countries__endswith=f",{country}")
            | Q(countries__contains=f",{country},")
        )
    if theme:
        campaigns = campaigns.filter(themes__slug=theme)
    return (
        campaigns.prefetch_related("themes")
        .defer("description", "description_html", "mobilisation_message")
        .order_by(
            # live first, then paused, then closed; newest launch first within each
            Case(
                When(status=Campaign.Status.LIVE, then=Value(0)),
                When(status=Campaign.Status.PAUSED, then=Value(1)),
                default=Value(2),
            ),
            "-launched_at",
            "-id",
        )
    )


def campaign_for(*, slug: str, user) -> Campaign:
    """The campaign at `slug`, or 404 for whoever may not see it (drafts: staff only)."""
    campaign = Campaign.objects.filter(slug=slug).first()
    if campaign is None or not allows("advocacy.view_campaign_page", user, campaign):
        raise Http404
    return campaign


@dataclass
class TargetRecord:
    target: CampaignTarget
    latest: Interaction | None
    promises: list[Interaction]
    deeds: list[Interaction]


def campaign_targets(*, campaign: Campaign, include_private: bool = False) -> list[TargetRecord]:
    """Targets with their stakeholder and interactions (public ones unless staff): 2 queries."""
    interactions = Interaction.objects.order_by("-happened_on", "-id")
    if not include_private:
        interactions = interactions.filter(public=True)
    targets = (
        CampaignTarget.objects.filter(campaign=campaign)
        .select_related("stakeholder")
        .prefetch_related(Prefetch("interactions", queryset=interactions, to_attr="history"))
    )
    records = []
    for target in targets:
        history = target.history
        records.append(
            TargetRecord(
                target=target,
                latest=history[0] if history else None,
                promises=[i for i in history if i.kind in Interaction.PROMISES],
                deeds=[i for i in history if i.kind in Interaction.DEEDS],
            )
        )
    return records


def campaign_updates(*, campaign: Campaign, limit: int | None = None) -> QuerySet:
    updates = CampaignUpdate.objects.filter(campaign=campaign).order_by("-created_at", "-id")
    return updates[:limit] if limit else updates


def campaign_actions(*, campaign: Campaign) -> list[CampaignAction]:
    return list(
        CampaignAction.objects.filter(campaign=campaign).select_related("target__stakeholder")
    )


def signers_named(*, campaign: Campaign) -> QuerySet:
    """Confirmed signers who chose to be named: their name and country, nothing else."""
    return (
        Signature.objects.filter(campaign=campaign, confirmed_at__isnull=False, show_name=True)
        .exclude(name="")
        # A frozen account's activity is hidden, also what it signed while signed out.
        .exclude(user__frozen_at__isnull=False)
        .exclude(email__in=get_user_model().objects.filter(frozen_at__isnull=False).values("email"))
        .only("name", "country", "confirmed_at", "campaign_id")
        .order_by("-confirmed_at", "-id")
    )


@dataclass
class Participation:
    signed: bool
    pledged_action_ids: set[int]
    pledges: list[Pledge]


def participation_of(*, campaign: Campaign, user) -> Participation:
    """What a signed-in member has done on this campaign: 2 queries (none when signed out)."""
    if not user.is_authenticated:
        return Participation(signed=False, pledged_action_ids=set(), pledges=[])
    signed = Signature.objects.filter(
        campaign=campaign, user=user, confirmed_at__isnull=False
    ).exists()
    pledges = list(
        Pledge.objects.filter(action__campaign=campaign, user=user).select_related("action")
    )
    return Participation(
        signed=signed, pledged_action_ids={p.action_id for p in pledges}, pledges=pledges
    )


def campaign_audience(*, campaign: Campaign) -> QuerySet:
    """Ids of the active people a campaign's mobilisation reaches.

    Members (approved) of any chosen network or initiative, if any are chosen; narrowed by every
    other chosen criterion, which only people who consented to matching are checked against. No
    criterion at all reaches nobody: "everyone" is never a default.
    """
    users = get_user_model().objects.filter(is_active=True)
    network_ids = list(campaign.audience_networks.values_list("pk", flat=True))
    initiative_ids = list(campaign.audience_initiatives.values_list("pk", flat=True))
    skill_ids = list(campaign.audience_skills.values_list("pk", flat=True))
    origins = [str(code) for code in campaign.audience_origin_countries]
    residences = [str(code) for code in campaign.audience_residence_countries]
    languages = list(campaign.audience_languages or [])
    if not (network_ids or initiative_ids or skill_ids or origins or residences or languages):
        return users.none().values_list("pk", flat=True)
    if network_ids or initiative_ids:
        in_groups = Q(
            pk__in=NetworkMembership.objects.filter(
                network_id__in=network_ids, status=NetworkMembership.Status.APPROVED
            ).values("user_id")
        ) | Q(
            pk__in=Membership.objects.filter(
                initiative_id__in=initiative_ids, status=Membership.Status.APPROVED
            ).values("user_id")
        )
        users = users.filter(in_groups)
    if skill_ids or origins or residences or languages:
        profiles = DiasporaProfile.objects.filter(consent_to_matching=True)
        if origins:
            profiles = profiles.filter(origin_country__in=origins)
        if residences:
            profiles = profiles.filter(residence_country__in=residences)
        if skill_ids:
            profiles = profiles.filter(skills__skill_id__in=skill_ids)
        if languages:
            profiles = profiles.filter(languages__language__in=languages)
        users = users.filter(pk__in=profiles.values("user_id"))
    return users.values_list("pk", flat=True)


@dataclass
class Progress:
    audience: int
    queued: int
    sent: int
    failed: int
    skipped: int
    on_site: int

    @property
    def done(self) -> bool:
        return self.queued == 0


def mobilisation_progress(*, mobilisation: Mobilisation) -> Progress:
    """Email deliveries of the mobilisation by state, and notifications on the site: 2 queries.

    `queued` also counts recipients the fan-out has not reached yet (audience minus deliveries
    written so far), so the figure never reads "done" while chunks wait for a worker."""
    counts = dict(
        EmailDelivery.objects.filter(event_id=mobilisation.event_id)
        .values_list("status")
        .annotate(n=Count("id"))
        .order_by()
    )
    on_site = Notification.objects.filter(event_id=mobilisation.event_id, in_app=True).count()
    written = sum(counts.values())
    statuses = EmailDelivery.Status
    return Progress(
        audience=mobilisation.audience_size,
        queued=counts.get(statuses.PENDING, 0)
        + counts.get(statuses.SENDING, 0)
        + max(0, mobilisation.audience_size - max(written, on_site)),
        sent=counts.get(statuses.SENT, 0),
        failed=counts.get(statuses.FAILED, 0),
        skipped=counts.get(statuses.SKIPPED, 0),
        on_site=on_site,
    )


def campaign_dashboard(*, campaign: Campaign, days: int = 30) -> dict:
    """Signatures per day (the last `days`), by country, and the targets by position."""
    since = timezone.now() - datetime.timedelta(days=days - 1)
    confirmed = Signature.objects.filter(campaign=campaign, confirmed_at__isnull=False)
    per_day = dict(
        confirmed.filter(confirmed_at__gte=since.replace(hour=0, minute=0, second=0))
        .annotate(day=TruncDate("confirmed_at"))
        .values_list("day")
        .annotate(n=Count("id"))
        .order_by()
    )
    today = timezone.localdate()
    series = [
        (day, per_day.get(day, 0))
        for day in (today - datetime.timedelta(days=offset) for offset in range(days - 1, -1, -1))
    ]
    by_country = list(
        confirmed.values("country").annotate(n=Count("id")).order_by("-n", "country")[:30]
    )
    board = {position: [] for position in Position.values}
    for target in CampaignTarget.objects.filter(campaign=campaign).select_related("stakeholder"):
        board[target.position].append(target)
    return {
        "series": series,
        "peak": max((n for _day, n in series), default=0),
        "by_country": by_country,
        "board": [(Position(position).label, board[position]) for position in Position.values],
        "pending": Signature.objects.filter(campaign=campaign, confirmed_at__isnull=True).count(),
    }
