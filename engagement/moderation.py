"""The IN level's user-written things, for reporting and moderation (humena.moderation.registry)."""

from django.urls import reverse

from engagement.models import Event, Initiative, Need, Update
from humena.core.predicates import allows
from humena.moderation.registry import Kind, register


def _need_url(need: Need) -> str:
    return need.initiative.get_absolute_url() + f"#need-{need.pk}"


def register_all() -> None:
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
            can_view=lambda user, obj: allows("engagement.view_initiative", user, obj.initiative),
            excerpt=lambda obj: f"{obj.skill}\n\n{obj.description}",
            url=_need_url,
        )
    )
