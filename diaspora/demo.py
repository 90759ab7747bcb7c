"""Demo diaspora: ~200 profiles across Europe and North America, 8 networks, joint projects.

Profiles are generated from a fixed seed (the same every run); networks and projects come from
demo_data.py. Idempotent: keyed by email and slug.
"""

import datetime
import random

from allauth.account.models import EmailAddress
from django.db import transaction
from django.utils import timezone

from diaspora.demo_data import JOINT_PROJECTS, NETWORKS
from diaspora.models import (
    Consultation,
    Contribution,
    DiasporaProfile,
    FieldVisibility,
    JointProject,
    Milestone,
    Network,
    NetworkMembership,
    NetworkUpdate,
    ProfileLanguage,
    ProfileSkill,
    WorkMode,
)
from engagement.models import Initiative
from humena.accounts.models import User
from humena.core.markdown import markdown_to_html
from humena.taxonomy.models import Skill, Theme

PROFILE_COUNT = 200
RESIDENCES = {
    "DE": (["Berlin", "Hamburg", "Cologne", "Munich", "Frankfurt"], "de"),
    "FR": (["Paris", "Lyon", "Marseille", "Toulouse", "Lille"], "fr"),
    "BE": (["Brussels", "Antwerp", "Liège"], "fr"),
    "NL": (["Amsterdam", "Rotterdam", "Utrecht"], "nl"),
    "SE": (["Stockholm", "Malmö", "Gothenburg"], "sv"),
    "GB": (["London", "Manchester", "Birmingham"], "en"),
    "ES": (["Madrid", "Barcelona"], "es"),
    "IT": (["Rome", "Milan", "Turin"], "it"),
    "CH": (["Geneva", "Zurich"], "fr"),
    "DK": (["Copenhagen"], "da"),
    "NO": (["Oslo"], "nb"),
    "CA": (["Montreal", "Toronto", "Ottawa"], "fr"),
    "US": (["New York", "Washington", "Detroit", "Chicago"], "en"),
}
ORIGINS = ["SY", "MA", "DZ", "TN", "EG", "LB", "IQ", "SD", "YE", "PS", "JO", "LY"]
MAGHREB = {"MA", "DZ", "TN", "LY"}


def _user(email: str, display_name: str, language: str) -> User:
    from humena.accounts.demo import DEMO_PASSWORD

    user, created = User.objects.get_or_create(
        email=email, defaults={"display_name": display_name, "preferred_language": language}
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def _profiles(rng: random.Random) -> list[User]:
    from humena.accounts.pseudonyms import _FIRST, _SECOND

    skills = list(Skill.objects.filter(is_active=True))
    people = []
    for n in range(PROFILE_COUNT):
        residence = rng.choice(list(RESIDENCES))
        cities, local_language = RESIDENCES[residence]
        origin = rng.choice(ORIGINS)
        name = f"{rng.choice(_FIRST)} {rng.choice(_SECOND)} {rng.randint(10, 99)}"
        user = _user(f"diaspora-{n:03}@humena.example", name, rng.choice(["ar", "en", "fr"]))
        people.append(user)
        if DiasporaProfile.objects.filter(user=user).exists():
            continue
        visibility = {
            field: rng.choice(
                [FieldVisibility.PUBLIC, FieldVisibility.NETWORKS, FieldVisibility.STAFF]
            )
            for field in DiasporaProfile.VISIBLE_FIELDS
        }
        consent = rng.random() < 0.8
        profile = DiasporaProfile.objects.create(
            user=user,
            origin_country=origin,
            residence_country=residence,
            residence_city=rng.choice(cities),
            bio="",
            hours_per_month=rng.choice([2, 4, 6, 8, 10, 15, 20, 30]),
            work_mode=rng.choice(
                [WorkMode.REMOTE, WorkMode.REMOTE, WorkMode.BOTH, WorkMode.ON_SITE]
            ),
            time_zone="America/Toronto" if residence in {"CA", "US"} else "Europe/Brussels",
            contributions=sorted(rng.sample(Contribution.values, rng.randint(1, 3))),
            consent_to_matching=consent,
            consent_given_at=timezone.now() if consent else None,
            visibility=visibility,
            wizard_step=6,
        )
        languages = {"ar": 4, local_language: rng.choice([3, 4]), "en": rng.choice([2, 3, 4])}
        if origin in MAGHREB:
            languages["fr"] = rng.choice([3, 4])
        if origin == "IQ" and rng.random() < 0.3:
            languages["ku"] = 4
        ProfileLanguage.objects.bulk_create(
            ProfileLanguage(profile=profile, language=code, level=level)
            for code, level in languages.items()
        )
        ProfileSkill.objects.bulk_create(
            ProfileSkill(
                profile=profile,
                skill=skill,
                level=rng.randint(1, 4),
                years=rng.randint(0, 25),
            )
            for skill in rng.sample(skills, rng.randint(3, 6))
        )
    return people


def _networks(rng: random.Random, people: list[User]) -> dict[str, Network]:
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    staff = User.objects.filter(email="staff@humena.example").first()
    networks = {}
    for entry in NETWORKS:
        network = Network.objects.filter(slug=entry["slug"]).first()
        if network is None:
            network = Network.objects.create(
                slug=entry["slug"],
                name=entry["name"],
                mission=entry["mission"],
                mission_html=markdown_to_html(entry["mission"]),
                language=entry["language"],
                focus_countries=entry["focus_countries"],
                join_policy=entry["join_policy"],
                visibility=entry["visibility"],
                created_by=staff,
            )
            network.themes.set([themes[s] for s in entry["themes"] if s in themes])
            coordinator, *members = rng.sample(people, rng.randint(8, 30))
            NetworkMembership.objects.create(
                user=coordinator,
                network=network,
                role=NetworkMembership.Role.COORDINATOR,
                status=NetworkMembership.Status.APPROVED,
                joined_at=timezone.now(),
            )
            NetworkMembership.objects.bulk_create(
                NetworkMembership(
                    user=user,
                    network=network,
                    status=NetworkMembership.Status.APPROVED,
                    joined_at=timezone.now(),
                )
                for user in members
            )
            Network.objects.filter(pk=network.pk).update(member_count=1 + len(members))
            for update in entry["updates"]:
                item = NetworkUpdate.objects.create(
                    network=network,
                    author=coordinator,
                    title=update["title"],
                    body=update["body"],
                    body_html=markdown_to_html(update["body"]),
                )
                NetworkUpdate.objects.filter(pk=item.pk).update(
                    created_at=timezone.now() - datetime.timedelta(days=update["days_ago"])
                )
            if entry.get("consultation"):
                consultation = entry["consultation"]
                Consultation.objects.create(
                    network=network,
                    question=consultation["question"],
                    context=consultation["context"],
                    context_html=markdown_to_html(consultation["context"]),
                    closes_at=timezone.now()
                    + datetime.timedelta(days=consultation["closes_in_days"]),
                    created_by=coordinator,
                )
        networks[entry["slug"]] = network
    return networks


def _projects(networks: dict[str, Network]) -> int:
    created = 0
    for entry in JOINT_PROJECTS:
        initiative = Initiative.objects.filter(slug=entry["initiative"]).first()
        if initiative is None or JointProject.objects.filter(slug=entry["slug"]).exists():
            continue
        network = networks.get(entry["network"])
        project = JointProject.objects.create(
            slug=entry["slug"],
            title=entry["title"],
            summary=entry["summary"],
            description=entry["description"],
            description_html=markdown_to_html(entry["description"]),
            network=network,
            initiative=initiative,
            status=entry["status"],
            outcome_notes=entry.get("outcome_notes", ""),
            proposed_by=initiative.created_by,
        )
        participants = [initiative.created_by] if initiative.created_by else []
        if network is not None:
            participants += [
                m.user for m in network.memberships.filter(role=NetworkMembership.Role.COORDINATOR)
            ]
        project.participants.set(participants)
        today = timezone.localdate()
        Milestone.objects.bulk_create(
            Milestone(
                project=project,
                title=milestone["title"],
                due_date=today + datetime.timedelta(days=milestone["due_in_days"]),
                done_at=today if milestone["done"] else None,
            )
            for milestone in entry["milestones"]
        )
        created += 1
    return created


@transaction.atomic
def load(stdout) -> None:
    rng = random.Random(2026)  # noqa: S311 - demo data, the same every time
    people = _profiles(rng)
    networks = _networks(rng, people)
    projects = _projects(networks)
    stdout.write(
        f"Diaspora: {DiasporaProfile.objects.count()} profiles, {len(networks)} networks, "
        f"{projects} joint projects created (accounts diaspora-000..199@humena.example)."
    )
