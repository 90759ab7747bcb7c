"""What the IN level holds about a person, for their export and erasure (GDPR)."""

from django.db import transaction
from django.db.models import F

from engagement.models import Event, Initiative, Membership, Rsvp, Update
from humena.accounts.personal_data import Holder, register, rows


def export(user) -> dict[str, list[dict]]:
    return {
        "initiative_memberships": rows(
            Membership.objects.filter(user=user),
            "initiative__title", "initiative__slug", "role", "status", "joined_at", "created_at",
        ),
        "event_answers": rows(
            Rsvp.objects.filter(user=user),
            "event__title", "event__starts_at", "event__initiative__title", "response",
            "created_at",
        ),
        "initiatives_started": rows(
            Initiative.objects.filter(created_by=user), "title", "slug", "status", "created_at"
        ),
        "initiative_updates_written": rows(
            Update.objects.filter(author=user),
            "initiative__title", "title", "body", "visibility", "created_at",
        ),
    }  # fmt: skip


@transaction.atomic
def erase(user) -> None:
    """Memberships and event answers go (with the counts they made); initiatives and updates
    the person wrote stay, signed by the deleted account."""
    # One membership per person and initiative, one answer per person and event (constraints):
    # one UPDATE each, whatever the number.
    approved = Membership.objects.filter(user=user, status=Membership.Status.APPROVED)
    Initiative.objects.filter(pk__in=approved.values("initiative_id")).update(
        member_count=F("member_count") - 1
    )
    Membership.objects.filter(user=user).delete()
    going = Rsvp.objects.filter(user=user, response=Rsvp.Response.GOING)
    Event.objects.filter(pk__in=going.values("event_id")).update(going_count=F("going_count") - 1)
    Rsvp.objects.filter(user=user).delete()


def register_all() -> None:
    register(
        Holder(
            app="engagement",
            models=(Initiative, Membership, Update, Rsvp),
            export=export,
            erase=erase,
        )
    )
