"""Matching at scale: how fast `matches_for_need` ranks candidates among many diaspora profiles.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \\
        .venv/bin/python -m benchmarks.matching --profiles 100000

It creates a scratch database (humena_bench_matching, dropped and re-created), seeds profiles
with about 5 skills each and 3 languages, then times the matching selector for needs of a common
and of a rare skill, next to a floor measured in the same run: reading the same candidate rows off
the skill index alone (no scoring, no ordering). Figures go to stdout and benchmarks/results/.
"""

import argparse
import json
import random
import sys
import time

from benchmarks.common import (
    RESULTS,
    admin_url,
    scratch_database,
    setup_django,
    summary,
    time_samples,
)


def _seed(profiles: int, rng: random.Random) -> None:
    from diaspora.models import DiasporaProfile, ProfileLanguage, ProfileSkill
    from humena.accounts.models import User
    from humena.taxonomy.models import Skill

    skills = list(Skill.objects.values_list("pk", flat=True))
    # A few skills are common (translation...), most are rarer: a skewed choice, as in life.
    weights = [30 if n < 5 else 1 for n in range(len(skills))]
    residences = ["DE", "FR", "BE", "NL", "SE", "GB", "ES", "IT", "CA", "US"]
    origins = ["SY", "MA", "DZ", "TN", "EG", "LB", "IQ", "SD", "YE", "PS"]
    batch = 5000
    for start in range(0, profiles, batch):
        count = min(batch, profiles - start)
        users = User.objects.bulk_create(
            User(email=f"bench-{start + n}@example.org", password="!", display_name="Bench")
            for n in range(count)
        )
        created = DiasporaProfile.objects.bulk_create(
            DiasporaProfile(
                user=user,
                origin_country=rng.choice(origins),
                residence_country=rng.choice(residences),
                hours_per_month=rng.choice([2, 4, 8, 10, 20]),
                work_mode=rng.choice(["remote", "on_site", "both"]),
                consent_to_matching=rng.random() < 0.8,
            )
            for user in users
        )
        skill_rows, language_rows = [], []
        for profile in created:
            for skill in set(rng.choices(skills, weights=weights, k=5)):
                skill_rows.append(
                    ProfileSkill(
                        profile=profile,
                        skill_id=skill,
                        level=rng.randint(1, 4),
                        years=rng.randint(0, 25),
                    )
                )
            for code in ("ar", rng.choice(["en", "fr", "de"]), "en"):
                language_rows.append(
                    ProfileLanguage(profile=profile, language=code, level=rng.randint(1, 4))
                )
        ProfileSkill.objects.bulk_create(skill_rows, ignore_conflicts=True)
        ProfileLanguage.objects.bulk_create(language_rows, ignore_conflicts=True)
        print(f"  seeded {start + count:>7} profiles", file=sys.stderr)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def _need(skill_id: int):
    from engagement.models import Initiative, Need

    initiative, _ = Initiative.objects.get_or_create(
        slug="bench", defaults={"title": "Bench", "summary": "", "country": "LB", "city": "Beirut"}
    )
    return Need.objects.create(initiative=initiative, skill_id=skill_id, language="ar")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profiles", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--quick", action="store_true", help="5,000 profiles, 20 repeats")
    args = parser.parse_args()
    if args.quick:
        args.profiles, args.repeat = 5_000, 20
    setup_django(scratch_database(admin_url(), "humena_bench_matching"))

    from django.db import connection

    from diaspora.models import ProfileSkill
    from diaspora.selectors import matches_for_need
    from humena.taxonomy.models import Skill

    rng = random.Random(7)
    started = time.perf_counter()
    _seed(args.profiles, rng)
    seed_seconds = round(time.perf_counter() - started, 1)
    skills = list(Skill.objects.order_by("pk").values_list("pk", flat=True))
    rows = []
    for label, skill_id in (("common skill", skills[0]), ("rare skill", skills[-1])):
        need = _need(skill_id)
        candidates = ProfileSkill.objects.filter(
            skill_id=skill_id, profile__consent_to_matching=True
        ).count()

        def floor(skill_id=skill_id):
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT profile_id, level, years FROM diaspora_profileskill "
                    "WHERE skill_id = %s ORDER BY level DESC, years DESC LIMIT 20",
                    [skill_id],
                )
                cursor.fetchall()

        def measured(need=need):
            return matches_for_need(need=need)

        measured()  # warm the caches once, for both
        floor()
        row = {
            "case": label,
            "candidates": candidates,
            "matching": summary(time_samples(measured, args.repeat)),
            "floor": summary(time_samples(floor, args.repeat)),
        }
        row["ratio_p50"] = round(row["matching"]["p50_ms"] / max(row["floor"]["p50_ms"], 0.01), 1)
        rows.append(row)

    print(f"\nMatching benchmark: {args.profiles} profiles (seeded in {seed_seconds} s)\n")
    print(
        f"{'case':<14}{'candidates':>12}{'p50 ms':>10}{'p99 ms':>10}{'floor p50':>11}{'ratio':>8}"
    )
    for row in rows:
        values = (
            row["candidates"],
            row["matching"]["p50_ms"],
            row["matching"]["p99_ms"],
            row["floor"]["p50_ms"],
            row["ratio_p50"],
        )
        print(f"{row['case']:<14}" + "".join(f"{v:>11}" for v in values))
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"matching-{args.profiles}.json"
    out.write_text(json.dumps({"profiles": args.profiles, "rows": rows}, indent=2))
    print(f"\nwritten to {out.relative_to(RESULTS.parent.parent)}")


if __name__ == "__main__":
    main()
