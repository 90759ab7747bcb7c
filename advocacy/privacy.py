"""What the FOR level holds about a person, for their export and erasure (GDPR).

Signatures made without an account but with the person's address are theirs too."""

from django.db import transaction
from django.db.models import Q

from advocacy.models import (
    Campaign,
    CampaignUpdate,
    Interaction,
    Letter,
    Mobilisation,
    Pledge,
    Signature,
)
from humena.accounts.personal_data import Holder, register, rows


def _signatures(user):
    return Signature.objects.filter(Q(user=user) | Q(email=user.email.lower()))


def export(user) -> dict[str, list[dict]]:
    return {
        "petition_signatures": rows(
            _signatures(user),
            "campaign__title", "campaign__slug", "email", "name", "show_name", "country",
            "keep_informed", "consent__purpose", "consent__version", "language", "created_at",
            "confirmed_at",
        ),
        "letters_to_targets": rows(
            Letter.objects.filter(sender=user),
            "action__campaign__title", "target__stakeholder__name", "signed_as", "subject",
            "body", "reply_to_me", "status", "created_at", "sent_at",
        ),
        "pledges": rows(
            Pledge.objects.filter(user=user),
            "action__campaign__title", "action__title", "answer", "created_at", "answered_at",
        ),
        "campaigns_coordinated": rows(Campaign.objects.filter(coordinators=user), "title", "slug"),
        "campaign_news_written": rows(
            CampaignUpdate.objects.filter(author=user), "campaign__title", "title", "created_at"
        ),
        "interactions_recorded": rows(
            Interaction.objects.filter(recorded_by=user),
            "target__stakeholder__name", "kind", "happened_on",
        ),
        "mobilisations_sent": rows(
            Mobilisation.objects.filter(created_by=user), "campaign__title", "is_test",
            "created_at",
        ),
    }  # fmt: skip


@transaction.atomic
def erase(user) -> None:
    """Signatures stay counted but lose everything that points to the person (address, name,
    account); letters already sent keep their text but lose the name they were signed with;
    pledges and staff records stay, signed by the deleted account."""
    for signature in _signatures(user).select_for_update():
        Signature.objects.filter(pk=signature.pk).update(
            user=None,
            email=f"erased-{signature.pk}@erased.invalid",
            name="",
            show_name=False,
            keep_informed=False,
            country="",
        )
    Letter.objects.filter(sender=user).update(signed_as="", reply_to_me=False)
    for campaign in Campaign.objects.filter(coordinators=user):
        campaign.coordinators.remove(user)


def register_all() -> None:
    register(
        Holder(
            app="advocacy",
            models=(Signature, Letter, Pledge, CampaignUpdate, Interaction, Mobilisation, Campaign),
            export=export,
            erase=erase,
        )
    )
