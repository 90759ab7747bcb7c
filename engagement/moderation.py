"""The IN level's user-written things, for reporting and moderation (humena.moderation.registry)."""

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from engagement import selectors
from engagement.models import Event, Initiative, Membership, Need, Update
from humena.core.numbers import digits_to_int
from humena.core.predicates import allows
from humena.moderation.blocks import Encounter, Met, register_encounter
from humena.moderation.registry import Kind, register
from humena.moderation.review import Reviewable, register_reviewable, review_approved_q
from humena.notifications.events import Event as Notify


def _need_url(need: Need) -> str:
    return need.initiative.get_absolute_url() + f"#need-{need.pk}"


def _roster_person(viewer, reference: str) -> Met | None:
    """A person on the roster (or asking to join) of an initiative the viewer organises, as the
    roster shows it to them."""
    membership_id = digits_to_int(reference)
    if membership_id is None:
        return None
    membership = Membership.objects.filter(pk=membership_id).select_related("initiative").first()
    initiative = membership and membership.initiative
    if initiative is None or not (
        viewer.has_perm("engagement.view_initiative", initiative)
        and viewer.has_perm("engagement.view_members", initiative)
    ):
        return None
    shown = selectors.initiative_members(initiative=initiative, viewer=viewer)
    membership = shown.filter(pk=membership.pk).first()
    if membership is None:
        return None
    return Met(
        person=membership.user,
        back=reverse("engagement:members", kwargs={"slug": initiative.slug}),
        where=_("On the roster of %(initiative)s.") % {"initiative": initiative.title},
    )


def _published_one(user) -> bool:
    """One of their initiatives is published, or was approved (and set back to draft since):
    they publish without review. One that moderators hid does not count."""
    return (
        Initiative.objects.filter(created_by=user, hidden_at__isnull=True)
        .filter(Q(status__in=Initiative.PUBLISHED) | review_approved_q(Initiative))
        .exists()
    )


def _review_url(initiative: Initiative, action: str) -> str:
    if action == "request_changes":
        return reverse("engagement:edit", kwargs={"slug": initiative.slug})
    return initiative.get_absolute_url()


# A new organiser's first initiative waits for staff approval (docs/moderation.md). Approval
# opens it to new members (the organiser may then set it active).
INITIATIVE_REVIEW = Reviewable(
    key="initiative",
    model=Initiative,
    author_field="created_by",
    waiting=Initiative.Status.IN_REVIEW,
    approved=Initiative.Status.OPEN,
    changes_requested=Initiative.Status.DRAFT,
    rejected=Initiative.Status.REJECTED,
    event=Notify.INITIATIVE_REVIEWED,
    titles={
        "approve": gettext_noop("Your initiative %(name)s was approved: it is public now"),
        "request_changes": gettext_noop(
            "The moderators ask for changes to %(name)s before publishing it"
        ),
        "reject": gettext_noop("Your initiative %(name)s was not approved"),
    },
    name=lambda initiative: initiative.title,
    url=_review_url,
    review_fields=(
        "title",
        "summary",
        "country",
        "city",
        "language",
        "visibility",
        "join_policy",
        "cover_image",
        "created_at",
    ),
    html_field="description_html",
    earlier_approved=_published_one,
)


def register_all() -> None:
    register_reviewable(INITIATIVE_REVIEW)
    register_encounter(Encounter(key="membership", find=_roster_person))
    register(
        Kind(
            key="initiative",
            model=Initiative,
            author_field="created_by",
            can_view=lambda user, obj: allows("engagement.view_initiative", user, obj),
            excerpt=lambda obj: f"{obj.title}\n{obj.summary}\n\n{obj.description}",
            url=lambda obj: obj.get_absolute_url(),
        )
    )
    register(
        Kind(
            key="update",
            model=Update,
            author_field="author",
            can_view=lambda user, obj: allows("engagement.view_update", user, obj),
            excerpt=lambda obj: f"{obj.title}\n\n{obj.body}",
            url=lambda obj: obj.initiative.get_absolute_url() + f"#update-{obj.pk}",
        )
    )
    register(
        Kind(
            key="event",
            model=Event,
            author_field="initiative__created_by",
            personal_author=False,
            can_view=lambda user, obj: allows("engagement.view_event", user, obj),
            excerpt=lambda obj: f"{obj.title}\n\n{obj.description}",
            url=lambda obj: reverse(
                "engagement:event", kwargs={"slug": obj.initiative.slug, "event_id": obj.pk}
            ),
        )
    )
    register(
        Kind(
            key="need",
            model=Need,
            author_field="initiative__created_by",
            personal_author=False,
            can_view=lambda user, obj: allows("engagement.view_initiative", user, obj.initiative),
            excerpt=lambda obj: f"{obj.skill}\n\n{obj.description}",
            url=_need_url,
        )
    )
