"""`make bench`: the whole suite of issue 10 in one command, every figure next to its floor.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python -m benchmarks.bench
    .venv/bin/python -m benchmarks.bench --quick --gate queries     # CI: a smoke run, gated

1. a scratch database (humena_bench) is created from DATABASE_URL's server, migrated, and seeded
   with COPY (benchmarks/seed.py; sizes by flag, smaller with --quick);
2. the site runs under gunicorn with production settings (benchmarks/settings.py adds only a
   query counter and the floors), pinned to one core, wrk (or a Python generator) on the other;
3. each scenario (benchmarks/scenarios.py) is measured next to its floor in the same run;
4. one table is printed and written as JSON to benchmarks/results/; the database is dropped.

`--gate queries` exits 1 when a query-count budget is broken. Timing ratios are reported, never
gated: the machine may be shared.
"""

import argparse
import datetime
import json
import os
import platform
import sys
import time
from dataclasses import asdict, fields, replace

from benchmarks import load, scenarios, seed, server
from benchmarks.common import RESULTS, admin_url, drop_database, scratch_database, setup_django

DATABASE = "humena_bench"
REDIS_DB = 9  # the bench's own Redis database (flushed by the campaign scenario)


def _sessions(seeded: seed.Seeded) -> tuple[dict, str]:
    """Signed-in sessions made directly in the database (the seeded users have no password)."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.utils.crypto import get_random_string

    from humena.accounts.models import User

    csrf = get_random_string(32)

    def cookie(user_id: int) -> str:
        user = User.objects.get(pk=user_id)
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        return f"sessionid={session.session_key}; csrftoken={csrf}"

    cookies = {
        "member": cookie(seeded.member_user_id),
        "inbox": cookie(seeded.inbox_user_id),
        "joiners": [cookie(user_id) for user_id in seeded.joiner_ids],
    }
    return cookies, csrf


def _verdict(row: scenarios.Row) -> str:
    if row.ok is None:
        return ""
    return ("yes" if row.ok else "NO") + (" (gated)" if row.gated else "")


def _print(rows: list[scenarios.Row], title: str) -> None:
    headers = ("scenario", "measured", "floor", "ratio", "budget", "ok?")
    table = [
        (
            row.scenario,
            row.measured,
            row.floor,
            "" if row.ratio is None else f"{row.ratio:g}",
            row.budget,
            ""
            if row.ok is None
            else ("yes" if row.ok else "NO") + (" (gated)" if row.gated else ""),
        )
        for row in rows
    ]
    widths = [max(len(str(line[i])) for line in [headers, *table]) for i in range(len(headers))]
    print(f"\n{title}\n")
    print(" | ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)))
    print("-+-".join("-" * w for w in widths))
    for line in table:
        print(" | ".join(str(v).ljust(w) for v, w in zip(line, widths, strict=True)))


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, short runs (CI)")
    for size in fields(seed.Sizes):
        parser.add_argument(f"--{size.name.replace('_', '-')}", type=int, default=None)
    parser.add_argument("--seconds", type=float, default=None, help="per load run (10; quick 2)")
    parser.add_argument("--repeat", type=int, default=None, help="samples per timing (50; 20)")
    parser.add_argument("--gate", choices=["queries"], help="exit 1 if a query budget breaks")
    parser.add_argument("--keep", action="store_true", help="keep the scratch database")
    parser.add_argument(
        "--seed-only", action="store_true", help="seed and keep the database, measure nothing"
    )
    return parser.parse_args()


def main() -> int:
    args = _arguments()
    started = time.perf_counter()
    sizes = seed.QUICK if args.quick else seed.Sizes()
    sizes = replace(
        sizes,
        **{
            f.name: getattr(args, f.name)
            for f in fields(seed.Sizes)
            if getattr(args, f.name) is not None
        },
    )
    seconds = args.seconds or (2 if args.quick else 10)
    repeat = args.repeat or (20 if args.quick else 50)
    admin = admin_url()
    redis_base = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0").rsplit("/", 1)[0]
    database_url = scratch_database(admin, DATABASE)
    environment = server.server_environment(database_url, f"{redis_base}/{REDIS_DB}")
    environment.update(
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(server.free_port()),
        SITE_URL="https://127.0.0.1",
    )
    os.environ.update(environment)  # the same secret key: sessions made here are valid there
    if not load.wrk_available():
        print("wrk not found (apt-get install -y wrk): using the Python load generator")
    try:
        print(f"seeding {DATABASE} ({'quick' if args.quick else 'full'}): {asdict(sizes)}")
        setup_django(database_url, "benchmarks.settings")
        seeded = seed.seed(sizes)
        if args.seed_only:
            args.keep = True
            print(f"seeded and kept: {database_url}\n{seeded}")
            return 0
        cookies, csrf = _sessions(seeded)
        server.collect_static(environment)
        port = server.free_port()
        rows: list[scenarios.Row] = []
        with server.gunicorn(environment, port) as base:
            server.pin_self(server.LOAD_CORE)
            run = scenarios.Run(base, seeded, seconds, cookies, csrf)
            for name, step in (
                ("browse", lambda: scenarios.browse(run)),
                ("API list", lambda: scenarios.api_list(run)),
                ("search", lambda: scenarios.search(run, repeat)),
                ("matching", lambda: scenarios.matching(run, repeat)),
                ("inbox", lambda: scenarios.inbox(run, repeat)),
                ("campaign page", lambda: scenarios.campaign_page(run)),
                ("join", lambda: scenarios.join(run)),
            ):
                print(f"  scenario: {name}", file=sys.stderr, flush=True)
                rows += step()
        # The launch runs once the server has stopped: the worker gets the server's core.
        print("  scenario: campaign launch", file=sys.stderr, flush=True)
        rows += scenarios.campaign_launch(run, environment, timeout=600 if args.quick else 900)
    finally:
        from django.db import connections

        connections.close_all()
        if not args.keep:
            drop_database(admin, DATABASE)
    minutes = (time.perf_counter() - started) / 60
    now = datetime.datetime.now(datetime.UTC)
    title = (
        f"make bench ({'quick' if args.quick else 'full'}), {now:%Y-%m-%d %H:%M} UTC,"
        f" {server.cores()} cores, {(load.wrk_available() and 'wrk') or 'python'} load,"
        f" {minutes:.1f} min in all (load average {os.getloadavg()[0]:.1f})"
    )
    _print(rows, title)
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"bench-{'quick' if args.quick else 'full'}-{now:%Y%m%d-%H%M%S}.json"
    out.write_text(
        json.dumps(
            {
                "title": title,
                "sizes": asdict(sizes),
                "seed_seconds": seeded.seconds,
                "machine": {"cores": server.cores(), "python": platform.python_version()},
                "rows": [asdict(row) for row in rows],
            },
            indent=2,
            default=str,
        )
    )
    print(f"\nwritten to {out.relative_to(RESULTS.parent.parent)}")
    broken = [row for row in rows if row.gated and row.ok is False]
    if args.gate == "queries" and broken:
        print(f"query budgets broken: {', '.join(row.scenario for row in broken)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
