"""Demo initiatives across MENA in Arabic, French and English (idempotent: keyed by slug)."""

import datetime
import zoneinfo

from django.db import transaction
from django.utils import timezone

from engagement import search
from engagement.demo_data import INITIATIVES
from engagement.models import Event, Initiative, Membership, Need, Update, Visibility
from humena.accounts.models import User
from humena.core.markdown import markdown_to_html
from humena.taxonomy.models import Skill, Theme

ORGANISER_EMAIL = "organiser@humena.example"


def _organiser() -> User:
    from allauth.account.models import EmailAddress

    from humena.accounts.demo import DEMO_PASSWORD

    # Trusted: what the demo organiser starts is published at once, without review.
    user, created = User.objects.get_or_create(
        email=ORGANISER_EMAIL,
        defaults={
            "display_name": "Cedar Lark 12",
            "preferred_language": "ar",
            "is_trusted_organiser": True,
        },
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    elif not user.is_trusted_organiser:
        user.is_trusted_organiser = True
        user.save(update_fields=["is_trusted_organiser"])
    EmailAddress.objects.update_or_create(
        user=user, email=ORGANISER_EMAIL, defaults={"verified": True, "primary": True}
    )
    return user


@transaction.atomic
def load(stdout) -> None:
    organiser = _organiser()
    member = User.objects.filter(email="member@humena.example").first()
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    skills = {skill.slug: skill for skill in Skill.objects.all()}
    existing = set(Initiative.objects.values_list("slug", flat=True))
    now = timezone.now()
    created_ids = []
    for position, entry in enumerate(INITIATIVES):
        if entry["slug"] in existing:
            continue
        initiative = Initiative.objects.create(
            slug=entry["slug"],
            title=entry["title"],
            summary=entry["summary"],
            description=entry["description"],
            description_html=markdown_to_html(entry["description"]),
            language=entry["language"],
            country=entry["country"],
            city=entry["city"],
            latitude=round(entry["latitude"], 2),
            longitude=round(entry["longitude"], 2),
            status=entry["status"],
            join_policy=entry["join_policy"],
            visibility=entry["visibility"],
            created_by=organiser,
        )
        # Spread creation dates so that "newest" means something.
        Initiative.objects.filter(pk=initiative.pk).update(
            created_at=now - datetime.timedelta(days=position * 3 + 1)
        )
        initiative.themes.set([themes[slug] for slug in entry["themes"] if slug in themes])
        Membership.objects.create(
            user=organiser,
            initiative=initiative,
            role=Membership.Role.ORGANISER,
            status=Membership.Status.APPROVED,
            joined_at=now,
        )
        count = 1
        if member is not None and position % 4 == 0 and entry["visibility"] == "public":
            Membership.objects.create(
                user=member,
                initiative=initiative,
                status=Membership.Status.APPROVED,
                joined_at=now,
            )
            count += 1
        # Counts as if others had joined: the demo should show "12 members", not just "fewer
        # than 5" everywhere. Only the count is set; no people are invented.
        Initiative.objects.filter(pk=initiative.pk).update(member_count=count + (position * 7) % 40)
        for need in entry["needs"]:
            if need["skill"] not in skills:
                continue
            Need.objects.create(
                initiative=initiative,
                skill=skills[need["skill"]],
                quantity=need["quantity"],
                remote_possible=need["remote"],
                language=need["language"],
                description=need["description"],
                until=(now + datetime.timedelta(days=need["until_days"])).date()
                if need["until_days"]
                else None,
            )
        for update in entry["updates"]:
            item = Update.objects.create(
                initiative=initiative,
                author=organiser,
                title=update["title"],
                body=update["body"],
                body_html=markdown_to_html(update["body"]),
                visibility=Visibility.MEMBERS if update["members_only"] else Visibility.PUBLIC,
            )
            Update.objects.filter(pk=item.pk).update(
                created_at=now - datetime.timedelta(days=update["days_ago"])
            )
        for event in entry["events"]:
            zone = zoneinfo.ZoneInfo(event["time_zone"])
            day = (now + datetime.timedelta(days=event["in_days"])).astimezone(zone).date()
            starts = datetime.datetime.combine(day, datetime.time(event["hour"]), tzinfo=zone)
            Event.objects.create(
                initiative=initiative,
                title=event["title"],
                description=event["description"],
                starts_at=starts,
                ends_at=starts + datetime.timedelta(hours=event["duration_hours"]),
                time_zone=event["time_zone"],
                mode=Event.Mode.ONLINE if event["online"] else Event.Mode.IN_PERSON,
                city="" if event["online"] else entry["city"],
                capacity=event["capacity"],
            )
        created_ids.append(initiative.pk)
    search.search_refresh(created_ids)
    stdout.write(f"Initiatives: {len(created_ids)} created; organiser account {ORGANISER_EMAIL}.")
