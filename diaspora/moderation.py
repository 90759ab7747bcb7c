"""The FROM level's user-written things, for reporting and moderation (registry)."""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from diaspora import selectors
from diaspora.models import (
    ConsultationAnswer,
    DiasporaProfile,
    JointProject,
    Network,
    NetworkMembership,
    NetworkUpdate,
)
from humena.core.numbers import digits_to_int
from humena.core.predicates import allows
from humena.moderation.blocks import Encounter, Met, register_encounter
from humena.moderation.registry import Kind, register
from humena.moderation.review import Reviewable, register_reviewable
from humena.notifications.events import Event as Notify


def _can_view_profile(user, profile: DiasporaProfile) -> bool:
    if not user.is_authenticated:
        return False
    try:
        selectors.profile_for_viewer(public_id=profile.public_id, viewer=user)
    except Http404:
        return False
    return True


def _profile_owner(viewer, reference: str) -> Met | None:
    try:
        profile, _fields = selectors.profile_for_viewer(public_id=reference, viewer=viewer)
    except (Http404, ValidationError):  # not shown to this viewer, or not a UUID
        return None
    return Met(
        person=profile.user, back=profile.get_absolute_url(), where=_("Their diaspora profile.")
    )


def _introduction_requester(viewer, reference: str) -> Met | None:
    """The organiser behind a request to meet the viewer, as the viewer's inbox shows it."""
    introduction_id = digits_to_int(reference)
    if introduction_id is None:
        return None
    introduction = (
        selectors.introductions_for(user=viewer)["received"].filter(pk=introduction_id).first()
    )
    if introduction is None:
        return None
    return Met(
        person=introduction.requested_by,
        back=reverse("diaspora:introductions"),
        where=_("They asked to meet you for %(initiative)s.")
        % {"initiative": introduction.need.initiative.title},
    )


def _network_member(viewer, reference: str) -> Met | None:
    """A person on the roster of a network the viewer coordinates, as the roster shows it."""
    membership_id = digits_to_int(reference)
    if membership_id is None:
        return None
    membership = (
        NetworkMembership.objects.filter(pk=membership_id).select_related("network").first()
    )
    network = membership and membership.network
    if network is None or not (
        viewer.has_perm("diaspora.view_network", network)
        and viewer.has_perm("diaspora.manage_network", network)
    ):
        return None  # as the roster page: for the network's coordinators and staff
    shown = selectors.network_members(network=network, viewer=viewer)
    membership = shown.filter(pk=membership.pk).first()
    if membership is None:
        return None
    return Met(
        person=membership.user,
        back=reverse("diaspora:network_members", kwargs={"slug": network.slug}),
        where=_("On the roster of %(network)s.") % {"network": network.name},
    )


def _review_url(network: Network, action: str) -> str:
    if action == "request_changes":
        return reverse("diaspora:network_edit", kwargs={"slug": network.slug})
    return network.get_absolute_url()


# A network proposed by a member waits for staff approval (docs/moderation.md). No earlier
# approval vouches for the next one: only trusted organisers and staff publish directly.
NETWORK_REVIEW = Reviewable(
    key="network",
    model=Network,
    author_field="created_by",
    waiting=Network.Status.IN_REVIEW,
    approved=Network.Status.PUBLISHED,
    changes_requested=Network.Status.DRAFT,
    rejected=Network.Status.REJECTED,
    event=Notify.NETWORK_REVIEWED,
    titles={
        "approve": gettext_noop("Your network %(name)s was approved: it is listed now"),
        "request_changes": gettext_noop(
            "The moderators ask for changes to %(name)s before publishing it"
        ),
        "reject": gettext_noop("Your network %(name)s was not approved"),
    },
    name=lambda network: network.name,
    url=_review_url,
    review_fields=(
        "name",
        "language",
        "focus_countries",
        "visibility",
        "join_policy",
        "created_at",
    ),
    html_field="mission_html",
)


def register_all() -> None:
    register_reviewable(NETWORK_REVIEW)
    register_encounter(Encounter(key="profile", find=_profile_owner))
    register_encounter(Encounter(key="introduction", find=_introduction_requester))
    register_encounter(Encounter(key="network_membership", find=_network_member))
    register(
        Kind(
            key="profile",
            model=DiasporaProfile,
            author_field="user",
            can_view=_can_view_profile,
            excerpt=lambda obj: f"{obj.user.display_name}\n\n{obj.bio}",
            url=lambda obj: obj.get_absolute_url(),
            lookup="public_id",
        )
    )
    register(
        Kind(
            key="network",
            model=Network,
            author_field="created_by",
            can_view=lambda user, obj: allows("diaspora.view_network", user, obj),
            excerpt=lambda obj: f"{obj.name}\n\n{obj.mission}",
            url=lambda obj: obj.get_absolute_url(),
        )
    )
    register(
        Kind(
            key="network_update",
            model=NetworkUpdate,
            author_field="author",
            can_view=lambda user, obj: allows("diaspora.view_network", user, obj.network),
            excerpt=lambda obj: f"{obj.title}\n\n{obj.body}",
            url=lambda obj: obj.network.get_absolute_url() + f"#update-{obj.pk}",
        )
    )
    register(
        Kind(
            key="project",
            model=JointProject,
            author_field="proposed_by",
            can_view=lambda user, obj: allows("diaspora.view_project", user, obj),
            excerpt=lambda obj: f"{obj.title}\n{obj.summary}\n\n{obj.description}",
            url=lambda obj: obj.get_absolute_url(),
        )
    )
    register(
        Kind(
            key="consultation_answer",
            model=ConsultationAnswer,
            author_field="user",
            # Answers are read by the network's coordinators (and staff).
            can_view=lambda user, obj: allows(
                "diaspora.manage_network", user, obj.consultation.network
            ),
            excerpt=lambda obj: obj.body,
            url=lambda obj: reverse("diaspora:consultation", kwargs={"pk": obj.consultation_id}),
        )
    )
