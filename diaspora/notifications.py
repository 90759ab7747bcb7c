"""What the FROM level's events mean for people (registered with the kernel's registry)."""

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from diaspora.models import (
    Consultation,
    Introduction,
    JointProject,
    Network,
    NetworkMembership,
    NetworkUpdate,
)
from engagement.models import Membership
from humena.moderation.blocks import blocked_either_way_q
from humena.notifications.events import Event as Name
from humena.notifications.models import Category
from humena.notifications.registry import Description, EventKind, register

REFS = {
    "network_id": Network,
    "introduction_id": Introduction,
    "project_id": JointProject,
    "consultation_id": Consultation,
}


def _coordinators(payload, actor_id):
    return NetworkMembership.objects.filter(
        network_id=payload["network_id"],
        role=NetworkMembership.Role.COORDINATOR,
        status=NetworkMembership.Status.APPROVED,
    ).values_list("user_id", flat=True)


def _coordinators_who_see_the_request(payload, actor_id):
    """Not a coordinator the requester blocked (or who blocked them): the request is hidden
    from them (selectors.network_members)."""
    return _coordinators(payload, actor_id).exclude(blocked_either_way_q(actor_id, "user"))


def _network_members(payload, actor_id):
    return NetworkMembership.objects.filter(
        network_id=payload["network_id"], status=NetworkMembership.Status.APPROVED
    ).values_list("user_id", flat=True)


def _members_unless_hidden(payload, actor_id):
    """Nobody hears of an update (or a consultation) that moderators hid, or whose network they
    hid, before the fan-out: checked when it runs, not when the event was emitted."""
    if payload.get("update_id"):
        hidden = NetworkUpdate.objects.filter(pk=payload["update_id"]).filter(
            Q(hidden_at__isnull=False) | Q(network__hidden_at__isnull=False)
        )
    else:
        hidden = Network.objects.filter(pk=payload["network_id"], hidden_at__isnull=False)
    return [] if hidden.exists() else _network_members(payload, actor_id)


def _the_user(payload, actor_id):
    return [payload["user_id"]] if payload.get("user_id") else []


def _project_parties(payload, actor_id):
    project = JointProject.objects.filter(pk=payload["project_id"]).first()
    if project is None:
        return []
    people = set(project.participants.values_list("pk", flat=True))
    people |= set(
        Membership.objects.filter(
            initiative_id=project.initiative_id,
            role=Membership.Role.ORGANISER,
            status=Membership.Status.APPROVED,
        ).values_list("user_id", flat=True)
    )
    if project.network_id:
        people |= set(_coordinators({"network_id": project.network_id}, actor_id))
    return sorted(people)


def _network_describer(title: str, *, page: str = "network"):
    def describe(payload: dict, objects: dict) -> Description:
        network = objects.get("network_id")
        name = network.name if network else _("a network")
        if network is None:
            url = reverse("diaspora:networks")
        elif page == "members":
            url = reverse("diaspora:network_members", kwargs={"slug": network.slug})
        elif page == "consultation" and objects.get("consultation_id"):
            url = reverse("diaspora:consultation", kwargs={"pk": payload["consultation_id"]})
        else:
            url = network.get_absolute_url()
        return Description(
            title=_(title) % {"network": name},
            url=url,
            group_key=f"network:{payload.get('network_id')}",
            group_title=name,
        )

    return describe


def _introduction_describer(title: str):
    def describe(payload: dict, objects: dict) -> Description:
        # No names: an introduction is private between two people until accepted.
        return Description(
            title=_(title),
            url=reverse("diaspora:introductions"),
            group_key="introductions",
            group_title=_("Introductions"),
        )

    return describe


def _project_describer(title: str):
    def describe(payload: dict, objects: dict) -> Description:
        project = objects.get("project_id")
        name = project.title if project else _("a joint project")
        return Description(
            title=_(title) % {"project": name},
            url=project.get_absolute_url() if project else reverse("diaspora:projects"),
            group_key=f"project:{payload.get('project_id')}",
            group_title=name,
        )

    return describe


# Titles are marked for translation here, and translated when described, in the reader's language.
KINDS = [
    (
        Name.NETWORK_MEMBERSHIP_REQUESTED,
        _coordinators_who_see_the_request,
        _network_describer(gettext_noop("Someone asks to join %(network)s"), page="members"),
    ),
    (
        Name.NETWORK_MEMBER_JOINED,
        _coordinators,
        _network_describer(gettext_noop("Someone joined %(network)s"), page="members"),
    ),
    (
        Name.NETWORK_MEMBERSHIP_APPROVED,
        _the_user,
        _network_describer(gettext_noop("You are now a member of %(network)s")),
    ),
    (
        Name.NETWORK_UPDATE_PUBLISHED,
        _members_unless_hidden,
        _network_describer(gettext_noop("New update in %(network)s")),
    ),
    (
        Name.CONSULTATION_OPENED,
        _members_unless_hidden,
        _network_describer(gettext_noop("%(network)s asks for your views"), page="consultation"),
    ),
    (
        Name.INTRODUCTION_REQUESTED,
        _the_user,
        _introduction_describer(gettext_noop("An organiser asks to be introduced to you")),
    ),
    (
        Name.INTRODUCTION_ACCEPTED,
        _the_user,
        _introduction_describer(gettext_noop("An introduction you asked for was accepted")),
    ),
    (
        Name.INTRODUCTION_DECLINED,
        _the_user,
        _introduction_describer(gettext_noop("An introduction you asked for was declined")),
    ),
    (
        Name.JOINT_PROJECT_PROPOSED,
        _project_parties,
        _project_describer(gettext_noop("A joint project was proposed: %(project)s")),
    ),
    (
        Name.JOINT_PROJECT_STATUS_CHANGED,
        _project_parties,
        _project_describer(gettext_noop("%(project)s moved on")),
    ),
]


def register_all() -> None:
    for name, recipients, describe in KINDS:
        register(
            EventKind(
                name=str(name),
                category=Category.NETWORKS,
                recipients=recipients,
                describe=describe,
                refs=REFS,
            )
        )
