"""The suite's synthetic data set, written with COPY into a migrated scratch database.

Secondary indexes of the big tables are dropped before their COPY and built again after it (one
sorted build instead of a million inserts into each b-tree and GIN index), from their own
definitions in pg_indexes, so the migrations stay the only source of what exists. Search vectors
are computed by PostgreSQL with the same SQL the application uses (engagement.search).
"""

import datetime
import itertools
import random
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass

from benchmarks.common import copy_rows

# The three search terms: in 40 %, 0.5 % and none of the initiatives' text.
TERM_COMMON = "community"
TERM_RARE = "beekeeping"
TERM_NONE = "qzxjvkw"
COMMON_EVERY = (0, 1)  # row number % 5 in this: 40 %
RARE_EVERY = 200  # row number % 200 == 7: 0.5 %

# Words of each language's filler text (split on spaces below).
_VOCABULARY = {
    "en": (
        "water budget school river market library clinic road youth women garden health "
        "council elections transparency repair park bread music theatre archive mapping "
        "neighbourhood cooperative recycling solar farming literacy tutoring bicycle street "
        "festival memory heritage journalism legal aid housing tenants workers fishermen"
    ),
    "fr": (
        "eau budget école rivière marché bibliothèque santé route jeunesse femmes jardin "
        "conseil élections transparence réparation parc pain musique théâtre archives "
        "quartier coopérative recyclage solaire agriculture alphabétisation vélo rue fête "
        "mémoire patrimoine journalisme logement locataires travailleurs pêcheurs"
    ),
    "ar": (
        "ماء ميزانية مدرسة نهر سوق مكتبة عيادة طريق شباب نساء حديقة صحة مجلس انتخابات "
        "شفافية إصلاح خبز موسيقى مسرح أرشيف حي تعاونية تدوير زراعة تعليم دراجة شارع مهرجان "
        "ذاكرة تراث صحافة سكن عمال صيادين"
    ),
}
WORDS = {language: text.split() for language, text in _VOCABULARY.items()}
PLACES = {
    "TN": ["Tunis", "Sfax", "Sousse"],
    "MA": ["Rabat", "Casablanca", "Fes"],
    "EG": ["Cairo", "Alexandria", "Aswan"],
    "LB": ["Beirut", "Tripoli", "Saida"],
    "JO": ["Amman", "Irbid", "Zarqa"],
    "DZ": ["Algiers", "Oran", "Constantine"],
    "IQ": ["Baghdad", "Basra", "Erbil"],
    "SD": ["Khartoum", "Omdurman", "Port Sudan"],
    "YE": ["Sanaa", "Aden", "Taiz"],
    "PS": ["Ramallah", "Gaza", "Nablus"],
}
COUNTRIES = list(PLACES)
LANGUAGES = ("ar", "fr", "en")
STATUSES = ("open", "active", "open", "active", "completed")
BROWSE_COUNTRY = "TN"  # the browse scenario's filter: one country in ten
NOW = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)


@dataclass(frozen=True)
class Sizes:
    users: int = 200_000
    initiatives: int = 100_000  # with organisers, members and themes
    search_rows: int = 1_000_000  # initiatives in all, each with search text
    profiles: int = 100_000  # diaspora profiles, about 5 skills and 3 languages each
    signatures: int = 1_000_000  # confirmed, on one campaign
    recipients: int = 100_000  # the campaign launch's audience (members of one initiative)
    inbox: int = 10_000  # notifications of one member
    joiners: int = 32  # signed-in members who join the hot initiative at once
    # Of the launch's emails, how many are timed (then the worker stops): all 100,000 take one
    # worker process longer than the whole suite's 15 minutes on this machine.
    emails: int = 20_000


QUICK = Sizes(
    users=5_000,
    initiatives=2_000,
    search_rows=20_000,
    profiles=2_000,
    signatures=20_000,
    recipients=2_000,
    inbox=1_000,
    emails=2_000,
)


@dataclass
class Seeded:
    """What the scenarios need to find again."""

    sizes: dict
    browse_slug: str
    hot_slug: str
    audience_initiative_id: int
    campaign_slug: str
    launch_campaign_id: int
    need_common_id: int
    need_rare_id: int
    inbox_user_id: int
    member_user_id: int
    staff_user_id: int
    joiner_ids: list
    seconds: dict


def _log(message: str) -> None:
    print(f"  seed: {message}", file=sys.stderr, flush=True)


@contextmanager
def _timed(timings: dict, name: str):
    started = time.perf_counter()
    yield
    timings[name] = round(time.perf_counter() - started, 1)
    _log(f"{name} in {timings[name]} s")


@contextmanager
def indexes_dropped(*models):
    """Drop the tables' secondary indexes (not the primary keys, not those backing a unique or
    other constraint) for a bulk load, and build them again from their saved definitions."""
    from django.db import connection

    tables = [model._meta.db_table for model in models]
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT i.indexname, i.indexdef FROM pg_indexes i
            JOIN pg_class c ON c.relname = i.indexname
            WHERE i.tablename = ANY(%s)
              AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = c.oid)
            """,
            [tables],
        )
        saved = cursor.fetchall()
        for name, _definition in saved:
            cursor.execute(f'DROP INDEX "{name}"')
    yield
    with connection.cursor() as cursor:
        cursor.execute("SET maintenance_work_mem = '256MB'")
        for _name, definition in saved:
            cursor.execute(definition)


def _text(rng: random.Random, language: str, count: int) -> str:
    return " ".join(rng.choices(WORDS[language], k=count))


def _initiative_rows(sizes: Sizes, rng: random.Random) -> Iterator[tuple]:
    for n in range(sizes.search_rows):
        language = LANGUAGES[n % 3]
        country = COUNTRIES[n % len(COUNTRIES)]
        title = _text(rng, language, 3).capitalize()
        summary = _text(rng, language, 10)
        if n % 5 in COMMON_EVERY:
            summary = f"{summary} {TERM_COMMON}"
        if n % RARE_EVERY == 7:
            summary = f"{summary} {TERM_RARE}"
        description = _text(rng, language, 30)
        created = NOW - datetime.timedelta(minutes=n * 3 + rng.randint(0, 2))
        yield (
            f"{title}",
            f"i-{n}",
            summary,
            description,
            f"<p>{description}</p>",
            country,
            PLACES[country][n % 3],
            language,
            STATUSES[n % len(STATUSES)],
            "members" if n % 20 == 19 else "public",
            created,
            created,
        )


def _seed_users(sizes: Sizes) -> list[int]:
    from humena.accounts.models import User

    # Unusable passwords: nobody signs in with one; sessions are made directly (scenarios.py).
    copy_rows(
        User,
        ["email", "password", "display_name", "date_joined", "created_at", "updated_at"],
        ((f"bench-{n}@example.org", "!", f"Member {n}", NOW, NOW, NOW) for n in range(sizes.users)),
    )
    return list(User.objects.order_by("pk").values_list("pk", flat=True))


def _seed_initiatives(sizes: Sizes, rng: random.Random, users: list[int]) -> dict:
    from django.db import connection

    from engagement import search
    from engagement.models import Initiative, Membership
    from humena.taxonomy.models import Theme

    fields = [
        "title", "slug", "summary", "description", "description_html", "country", "city",
        "language", "status", "visibility", "created_at", "updated_at",
    ]  # fmt: skip
    through = Initiative.themes.through
    with indexes_dropped(Initiative, Membership, through):
        copy_rows(Initiative, fields, _initiative_rows(sizes, rng))
        ids = list(Initiative.objects.order_by("pk").values_list("pk", flat=True))
        with connection.cursor() as cursor:
            # The application's own refresh, over every row at once.
            cursor.execute(search._REFRESH_SQL.replace("id = ANY(%s)", "TRUE"))
        # The first `initiatives` rows have an organiser and two members; the audience
        # initiative has `recipients` members; the hot one only its organiser.
        audience_id, hot_id = ids[-1], ids[-2]
        Initiative.objects.filter(pk=hot_id).update(status="open", visibility="public")
        Initiative.objects.filter(pk=audience_id).update(status="active", visibility="public")
        counts: dict[int, int] = {}

        # The joiners, the staff member and the hot initiative's organiser (the last users)
        # belong to nothing else.
        pool = users[: -(sizes.joiners + 3)]

        def memberships() -> Iterator[tuple]:
            for n, initiative_id in enumerate(ids[: sizes.initiatives]):
                for k, role in enumerate(("organiser", "member", "member")):
                    user_id = pool[(n * 3 + k) % len(pool)]
                    counts[initiative_id] = counts.get(initiative_id, 0) + 1
                    yield (user_id, initiative_id, role, "approved", NOW, NOW, NOW)
            for n, user_id in enumerate(users[: sizes.recipients]):
                role = "organiser" if n == 0 else "member"
                yield (user_id, audience_id, role, "approved", NOW, NOW, NOW)
            yield (users[-1], hot_id, "organiser", "approved", NOW, NOW, NOW)

        copy_rows(
            Membership,
            ["user", "initiative", "role", "status", "joined_at", "created_at", "updated_at"],
            memberships(),
        )
        counts[audience_id] = sizes.recipients
        counts[hot_id] = 1
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE engagement_initiative i SET member_count = c.n"
                " FROM unnest(%s::bigint[], %s::int[]) AS c(id, n) WHERE i.id = c.id",
                [list(counts), list(counts.values())],
            )
        themes = list(Theme.objects.values_list("pk", flat=True))
        copy_rows(
            through,
            ["initiative", "theme"],
            (
                (initiative_id, theme)
                for n, initiative_id in enumerate(ids[: sizes.initiatives])
                for theme in {themes[n % len(themes)], themes[(n * 7) % len(themes)]}
            ),
        )
    return {
        "audience_id": audience_id,
        "hot_slug": Initiative.objects.get(pk=hot_id).slug,
        "browse_slug": Initiative.objects.get(pk=ids[0]).slug,
    }


def _seed_profiles(sizes: Sizes, rng: random.Random, users: list[int]) -> None:
    import uuid

    from diaspora.models import DiasporaProfile, ProfileLanguage, ProfileSkill
    from humena.taxonomy.models import Skill

    skills = list(Skill.objects.order_by("pk").values_list("pk", flat=True))
    # A few skills are common (translation...), most are rarer: a skewed choice, as in life.
    weights = [30 if n < 5 else 1 for n in range(len(skills))]
    origins = COUNTRIES
    residences = ["DE", "FR", "BE", "NL", "SE", "GB", "ES", "IT", "CA", "US"]
    with indexes_dropped(DiasporaProfile, ProfileSkill, ProfileLanguage):
        copy_rows(
            DiasporaProfile,
            [
                "public_id",
                "user",
                "origin_country",
                "residence_country",
                "hours_per_month",
                "work_mode",
                "consent_to_matching",
                "consent_given_at",
                "created_at",
                "updated_at",
            ],
            (
                (
                    uuid.UUID(int=rng.getrandbits(128), version=4),
                    user_id,
                    rng.choice(origins),
                    rng.choice(residences),
                    rng.choice([2, 4, 8, 10, 20]),
                    rng.choice(["remote", "on_site", "both"]),
                    consent := rng.random() < 0.8,
                    NOW if consent else None,
                    NOW,
                    NOW,
                )
                for user_id in users[: sizes.profiles]
            ),
        )
        profiles = list(DiasporaProfile.objects.order_by("pk").values_list("pk", flat=True))
        copy_rows(
            ProfileSkill,
            ["profile", "skill", "level", "years"],
            (
                (profile_id, skill, rng.randint(1, 4), rng.randint(0, 25))
                for profile_id in profiles
                for skill in set(rng.choices(skills, weights=weights, k=5))
            ),
        )
        copy_rows(
            ProfileLanguage,
            ["profile", "language", "level"],
            (
                (profile_id, code, rng.randint(1, 4))
                for profile_id in profiles
                for code in {"ar", "en", rng.choice(["fr", "de"])}
            ),
        )


def _needs(initiative_id: int) -> tuple[int, int]:
    from engagement.models import Need
    from humena.taxonomy.models import Skill

    skills = list(Skill.objects.order_by("pk").values_list("pk", flat=True))
    common = Need.objects.create(initiative_id=initiative_id, skill_id=skills[0], language="ar")
    rare = Need.objects.create(initiative_id=initiative_id, skill_id=skills[-1], language="ar")
    return common.pk, rare.pk


def _campaign(slug: str, **fields):
    from advocacy.models import Campaign

    return Campaign.objects.create(
        slug=slug,
        title=fields.pop("title", "Free the detained journalists"),
        summary="Release everyone held for their reporting.",
        description="The campaign's **story**.",
        description_html="<p>The campaign's <strong>story</strong>.</p>",
        asks="Release them\nDrop the charges",
        petition_text="We ask for the release of every journalist held for their work.",
        language="en",
        goal=2_000_000,
        mobilisation_message="Sign and share today: the hearing is on Monday.",
        **fields,
    )


def _seed_signatures(sizes: Sizes, rng: random.Random, users: list[int]) -> str:
    from advocacy.models import Campaign, Signature
    from humena.core.consent import consent_current
    from humena.core.models import ConsentText

    consent = consent_current(ConsentText.Purpose.PETITION)
    campaign = _campaign("petition", status=Campaign.Status.LIVE, launched_at=NOW)
    import secrets

    with indexes_dropped(Signature):
        copy_rows(
            Signature,
            [
                "campaign",
                "email",
                "name",
                "show_name",
                "country",
                "keep_informed",
                "consent",
                "language",
                "token",
                "created_at",
                "confirmed_at",
            ],
            (
                (
                    campaign.pk,
                    f"signer-{n}@example.net",
                    f"Signer {n}" if n % 3 == 0 else "",
                    n % 3 == 0,
                    COUNTRIES[n % len(COUNTRIES)],
                    n % 2 == 0,
                    consent.pk,
                    LANGUAGES[n % 3],
                    secrets.token_hex(16),
                    when := NOW - datetime.timedelta(seconds=n * 2),
                    when,
                )
                for n in range(sizes.signatures)
            ),
        )
    # The counter the services keep, set once for the rows written here.
    Campaign.objects.filter(pk=campaign.pk).update(signature_count=sizes.signatures)
    return campaign.slug


def _seed_inbox(sizes: Sizes, user_id: int, initiative_id: int) -> None:
    from humena.notifications.events import Event
    from humena.notifications.models import Notification, OutboxEvent

    first = OutboxEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    copy_rows(
        OutboxEvent,
        ["name", "payload", "created_at", "published_at", "fanned_out_at"],
        (
            (
                str(Event.INITIATIVE_MEMBER_JOINED),
                f'{{"initiative_id": {initiative_id}}}',
                NOW - datetime.timedelta(minutes=n),
                NOW,
                NOW,
            )
            for n in range(sizes.inbox)
        ),
    )
    events = OutboxEvent.objects.filter(pk__gt=first).order_by("pk").values_list("pk", "created_at")
    copy_rows(
        Notification,
        ["event", "recipient", "category", "in_app", "digest", "created_at", "read_at"],
        (
            (event_id, user_id, "initiatives", True, "", created, None if n < 30 else created)
            for n, (event_id, created) in enumerate(events)
        ),
    )


def seed(sizes: Sizes, *, seed: int = 7) -> Seeded:
    from django.db import connection

    from advocacy.models import Campaign
    from humena.accounts.models import User

    rng = random.Random(seed)
    timings: dict = {}
    with _timed(timings, f"{sizes.users:,} users"):
        users = _seed_users(sizes)
    with _timed(timings, f"{sizes.search_rows:,} initiatives with search vectors"):
        initiatives = _seed_initiatives(sizes, rng, users)
    with _timed(timings, f"{sizes.profiles:,} diaspora profiles"):
        _seed_profiles(sizes, rng, users)
    with _timed(timings, f"{sizes.signatures:,} signatures"):
        campaign_slug = _seed_signatures(sizes, rng, users)
    staff = User.objects.get(pk=users[-2])
    User.objects.filter(pk=staff.pk).update(is_staff=True, is_superuser=True)
    launch = _campaign("launch", title="Launch day")
    launch.audience_initiatives.set([initiatives["audience_id"]])
    inbox_user = users[1]  # a member of the first initiatives too
    with _timed(timings, f"{sizes.inbox:,} notifications in one inbox"):
        _seed_inbox(sizes, inbox_user, initiatives["audience_id"])
    need_common, need_rare = _needs(initiatives["audience_id"])
    # Joiners: members of nothing yet, at the end of the user list (before the staff member).
    joiners = users[-3 - sizes.joiners : -3]
    with _timed(timings, "VACUUM ANALYZE"), connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    assert Campaign.objects.filter(slug="launch", status="draft").exists()
    return Seeded(
        sizes=asdict(sizes),
        browse_slug=initiatives["browse_slug"],
        hot_slug=initiatives["hot_slug"],
        audience_initiative_id=initiatives["audience_id"],
        campaign_slug=campaign_slug,
        launch_campaign_id=launch.pk,
        need_common_id=need_common,
        need_rare_id=need_rare,
        inbox_user_id=inbox_user,
        member_user_id=users[2],
        staff_user_id=staff.pk,
        joiner_ids=list(joiners),
        seconds=timings,
    )


def chunks(iterable, size: int):
    iterator = iter(iterable)
    while batch := list(itertools.islice(iterator, size)):
        yield batch
