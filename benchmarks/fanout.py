"""Fan-out: one event to many recipients, as notifications written in bulk.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \\
        .venv/bin/python -m benchmarks.fanout --recipients 100000

A scratch database (humena_bench_fanout) gets N members of one initiative; one update is posted,
and the pipeline's fan-out and chunk deliveries run in-process (the work a worker does, without
the broker hop). The floor, in the same run: inserting the same N notification rows with COPY.
"""

import argparse
import json
import time

from benchmarks.common import RESULTS, admin_url, scratch_database, setup_django


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--recipients", type=int, default=100_000)
    parser.add_argument("--quick", action="store_true", help="5,000 recipients")
    args = parser.parse_args()
    if args.quick:
        args.recipients = 5_000
    setup_django(scratch_database(admin_url(), "humena_bench_fanout"))

    from django.db import connection

    from engagement.models import Initiative, Membership
    from humena.accounts.models import User
    from humena.celery import app
    from humena.notifications import pipeline
    from humena.notifications.events import Event
    from humena.notifications.models import Notification, OutboxEvent

    app.conf.task_always_eager = True  # chunk tasks run in-process: the worker's own work
    # The chunk tasks are called in-process here; the emails they would queue are not the
    # subject (defaults send digests, so there are none).

    users = User.objects.bulk_create(
        User(email=f"fan-{n}@example.org", password="!", display_name="Fan")
        for n in range(args.recipients)
    )
    initiative = Initiative.objects.create(
        slug="bench", title="Bench", summary="", country="TN", city="Tunis", status="open"
    )
    Membership.objects.bulk_create(
        Membership(user=user, initiative=initiative, status="approved") for user in users
    )
    # Written directly (not event_emit): its after-commit relay would fan out before the clock.
    event = OutboxEvent.objects.create(
        name=str(Event.INITIATIVE_UPDATE_PUBLISHED), payload={"initiative_id": initiative.pk}
    )

    started = time.perf_counter()
    pipeline.fanout(event_id=event.pk)  # eager: every chunk task runs here, in order
    fanout_seconds = time.perf_counter() - started
    written = Notification.objects.count()

    Notification.objects.all().delete()
    started = time.perf_counter()
    with (
        connection.cursor() as cursor,
        cursor.copy(
            "COPY notifications_notification (event_id, recipient_id, category, in_app, digest,"
            " created_at) FROM STDIN"
        ) as copy,
    ):
        for user in users:
            copy.write_row((event.pk, user.pk, "initiatives", True, "daily", "2026-01-01"))
    floor_seconds = time.perf_counter() - started

    row = {
        "recipients": args.recipients,
        "notifications_written": written,
        "fanout_seconds": round(fanout_seconds, 2),
        "notifications_per_second": round(written / fanout_seconds),
        "copy_floor_seconds": round(floor_seconds, 2),
        "floor_rows_per_second": round(args.recipients / floor_seconds),
        "ratio": round(fanout_seconds / floor_seconds, 1),
    }
    print(f"\nFan-out benchmark: one event to {args.recipients} members\n")
    for key, value in row.items():
        print(f"  {key:<26}{value:>12}")
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"fanout-{args.recipients}.json"
    out.write_text(json.dumps(row, indent=2))
    print(f"\nwritten to {out.relative_to(RESULTS.parent.parent)}")
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


if __name__ == "__main__":
    main()
