"""The FOR level's user-written things, for reporting and moderation (humena.moderation.registry).

A letter is read by the office it was sent to and by campaign staff, who report or hide it."""

from advocacy.models import Letter
from humena.core.predicates import allows
from humena.moderation.registry import Kind, register


def register_all() -> None:
    register(
        Kind(
            key="letter",
            model=Letter,
            author_field="sender",
            can_view=lambda user, obj: allows("advocacy.see_private", user, obj.action.campaign),
            excerpt=lambda obj: f"{obj.subject}\n\n{obj.body}",
        )
    )
