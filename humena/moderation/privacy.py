"""Moderation and a person's data (GDPR). Export: the reports they made, whom they blocked and the
decisions about them. Erasure: their reports stay counted but lose the reporter and note, their
blocks go, and the copies of what they wrote that cases kept are emptied."""

from django.db.models import Q

from humena.accounts.personal_data import Holder, register, rows
from humena.moderation.models import Block, Case, Decision, Report


def export(user) -> dict[str, list[dict]]:
    return {
        "reports_made": rows(
            Report.objects.filter(reporter=user),
            "case__content_type__model", "case__object_id", "reason", "note", "created_at",
        ),
        "blocked_members": rows(
            Block.objects.filter(blocker=user), "blocked__display_name", "created_at"
        ),
        "moderation_decisions_about_me": rows(
            Decision.objects.filter(subject=user), "action", "reason", "until", "created_at"
        ),
    }  # fmt: skip


def erase(user) -> None:
    Report.objects.filter(reporter=user).update(reporter=None, note="")
    Block.objects.filter(Q(blocker=user) | Q(blocked=user)).delete()
    Case.objects.filter(author=user).update(excerpt="")


def register_all() -> None:
    register(
        Holder(app="moderation", models=(Report, Block, Case, Decision), export=export, erase=erase)
    )
