"""What the FROM level holds about a person, for their export and erasure (GDPR)."""

from django.db import transaction
from django.db.models import F, Q

from diaspora.models import (
    Consultation,
    ConsultationAnswer,
    DiasporaProfile,
    Introduction,
    JointProject,
    Network,
    NetworkMembership,
    NetworkUpdate,
    ProfileLanguage,
    ProfileSkill,
)
from humena.accounts.personal_data import Holder, register, rows


def export(user) -> dict[str, list[dict]]:
    return {
        "diaspora_profile": rows(
            DiasporaProfile.objects.filter(user=user),
            "origin_country", "residence_country", "residence_city", "bio", "hours_per_month",
            "work_mode", "time_zone", "contributions", "consent_to_matching",
            "consent_given_at", "visibility", "created_at", "updated_at",
        ),
        "profile_languages": rows(
            ProfileLanguage.objects.filter(profile__user=user), "language", "level"
        ),
        "profile_skills": rows(
            ProfileSkill.objects.filter(profile__user=user), "skill__name_en", "level", "years"
        ),
        "network_memberships": rows(
            NetworkMembership.objects.filter(user=user),
            "network__name", "network__slug", "role", "status", "joined_at", "created_at",
        ),
        "networks_created": rows(Network.objects.filter(created_by=user), "name", "slug"),
        "network_updates_written": rows(
            NetworkUpdate.objects.filter(author=user), "network__name", "title", "body",
            "created_at",
        ),
        "joint_projects": rows(
            JointProject.objects.filter(Q(proposed_by=user) | Q(participants=user)).distinct(),
            "title", "slug", "status", "created_at",
        ),
        "introductions": rows(
            Introduction.objects.filter(Q(member=user) | Q(requested_by=user)),
            "need__skill__name_en", "need__initiative__title", "message", "status",
            "responded_at", "created_at",
        ),
        "consultations_created": rows(
            Consultation.objects.filter(created_by=user), "network__name", "question"
        ),
        "consultation_answers": rows(
            ConsultationAnswer.objects.filter(user=user),
            "consultation__question", "body", "created_at",
        ),
    }  # fmt: skip


@transaction.atomic
def erase(user) -> None:
    """The profile (skills, languages), network memberships (with their counts), introductions
    and project participation go; what the person wrote for a network (updates, answers) stays,
    signed by the deleted account."""
    DiasporaProfile.objects.filter(user=user).delete()
    approved = NetworkMembership.objects.filter(
        user=user, status=NetworkMembership.Status.APPROVED
    )  # one per person and network (a constraint): one UPDATE, whatever the number
    Network.objects.filter(pk__in=approved.values("network_id")).update(
        member_count=F("member_count") - 1
    )
    NetworkMembership.objects.filter(user=user).delete()
    Introduction.objects.filter(Q(member=user) | Q(requested_by=user)).delete()
    for project in JointProject.objects.filter(participants=user):
        project.participants.remove(user)


def register_all() -> None:
    register(
        Holder(
            app="diaspora",
            models=(
                DiasporaProfile, Network, NetworkMembership, NetworkUpdate, JointProject,
                Introduction, Consultation, ConsultationAnswer,
            ),
            export=export,
            erase=erase,
        )
    )  # fmt: skip
