"""What the IN level's events mean for people (registered with the kernel's registry)."""

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from engagement.models import Event, Initiative, Membership, Need, Rsvp, Update
from humena.moderation.blocks import blocked_either_way_q
from humena.notifications.events import Event as Name
from humena.notifications.models import Category
from humena.notifications.registry import Description, EventKind, register

REFS = {"initiative_id": Initiative, "update_id": Update, "event_id": Event, "need_id": Need}


def _organisers(payload, actor_id):
    return Membership.objects.filter(
        initiative_id=payload["initiative_id"],
        role=Membership.Role.ORGANISER,
        status=Membership.Status.APPROVED,
    ).values_list("user_id", flat=True)


def _organisers_who_see_the_request(payload, actor_id):
    """Not an organiser the requester blocked (or who blocked them): the request is hidden from
    them (selectors.initiative_members)."""
    return _organisers(payload, actor_id).exclude(blocked_either_way_q(actor_id, "user"))


def _members(payload, actor_id):
    return Membership.objects.filter(
        initiative_id=payload["initiative_id"], status=Membership.Status.APPROVED
    ).values_list("user_id", flat=True)


def _the_user(payload, actor_id):
    return [payload["user_id"]] if payload.get("user_id") else []


def _going(payload, actor_id):
    return Rsvp.objects.filter(
        event_id=payload["event_id"], response=Rsvp.Response.GOING
    ).values_list("user_id", flat=True)


def _unless_hidden(recipients, *, key: str, model):
    """Nobody hears of an update or an event that moderators hid (or whose initiative they hid)
    before the fan-out: checked when it runs, not when the event was emitted."""

    def resolve(payload, actor_id):
        hidden = (
            model.objects.filter(pk=payload.get(key))
            .filter(Q(hidden_at__isnull=False) | Q(initiative__hidden_at__isnull=False))
            .exists()
        )
        return [] if hidden else recipients(payload, actor_id)

    return resolve


def _describer(title: str, *, page: str = "detail"):
    def describe(payload: dict, objects: dict) -> Description:
        initiative = objects.get("initiative_id")
        name = initiative.title if initiative else _("an initiative")
        if initiative is None:
            url = reverse("engagement:mine")
        elif page == "members":
            url = reverse("engagement:members", kwargs={"slug": initiative.slug})
        elif page == "event" and objects.get("event_id"):
            url = reverse(
                "engagement:event",
                kwargs={"slug": initiative.slug, "event_id": payload["event_id"]},
            )
        else:
            url = reverse("engagement:detail", kwargs={"slug": initiative.slug})
        return Description(
            title=_(title) % {"initiative": name},
            url=url,
            group_key=f"initiative:{payload.get('initiative_id')}",
            group_title=name,
        )

    return describe


# Titles are marked for translation here, and translated when described, in the reader's language.
KINDS = [
    (
        Name.INITIATIVE_MEMBER_JOINED,
        _organisers,
        gettext_noop("Someone joined %(initiative)s"),
        "members",
    ),
    (
        Name.INITIATIVE_MEMBERSHIP_REQUESTED,
        _organisers_who_see_the_request,
        gettext_noop("Someone asks to join %(initiative)s"),
        "members",
    ),
    (
        Name.INITIATIVE_MEMBERSHIP_APPROVED,
        _the_user,
        gettext_noop("You are now a member of %(initiative)s"),
        "detail",
    ),
    (
        Name.INITIATIVE_MEMBERSHIP_DECLINED,
        _the_user,
        gettext_noop("Your request to join %(initiative)s was not accepted"),
        "detail",
    ),
    (
        Name.INITIATIVE_UPDATE_PUBLISHED,
        _unless_hidden(_members, key="update_id", model=Update),
        gettext_noop("New update in %(initiative)s"),
        "detail",
    ),
    (
        Name.INITIATIVE_EVENT_CREATED,
        _unless_hidden(_members, key="event_id", model=Event),
        gettext_noop("New event in %(initiative)s"),
        "event",
    ),
    (
        Name.INITIATIVE_EVENT_REMINDER,
        _unless_hidden(_going, key="event_id", model=Event),
        gettext_noop("Reminder: an event of %(initiative)s"),
        "event",
    ),
    (
        Name.INITIATIVE_NEED_FILLED,
        _organisers,
        gettext_noop("A need of %(initiative)s was filled"),
        "detail",
    ),
]


def register_all() -> None:
    for name, recipients, title, page in KINDS:
        register(
            EventKind(
                name=str(name),
                category=Category.INITIATIVES,
                recipients=recipients,
                describe=_describer(title, page=page),
                refs=REFS,
            )
        )
