"""The FROM level's user-written things, for reporting and moderation (registry)."""

from django.http import Http404
from django.urls import reverse

from diaspora import selectors
from diaspora.models import (
    ConsultationAnswer,
    DiasporaProfile,
    JointProject,
    Network,
    NetworkUpdate,
)
from humena.core.predicates import allows
from humena.moderation.registry import Kind, register


def _can_view_profile(user, profile: DiasporaProfile) -> bool:
    if not user.is_authenticated:
        return False
    try:
        selectors.profile_for_viewer(public_id=profile.public_id, viewer=user)
    except Http404:
        return False
    return True


def register_all() -> None:
    register(
        Kind(
            key="profile",
            model=DiasporaProfile,
            author_field="user",
            can_view=_can_view_profile,
            excerpt=lambda obj: f"{obj.user.display_name}\n\n{obj.bio}",
            url=lambda obj: obj.get_absolute_url(),
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
