"""Reads that may lag go to a read replica; everything else stays on the primary.

Routing is explicit: a selector opts in with `on_replica(queryset)` where seeing the data a
second late is harmless (the browse page, search, the campaign list, the map and the API lists
behind them). Routing every read would send a page that follows a write to a replica that has
not yet received it: the initiative you just created missing from the list, your own join not
shown. So a read goes to the primary, whatever the selector asks, when:

- no replica is configured (`DATABASE_REPLICA_URL` unset: the alias does not exist);
- it runs outside a web request (a task, a command, a shell): only `ReplicaReadsMiddleware`
  allows replica reads, per request;
- the request changes something (not GET, HEAD or OPTIONS), or has already written (the router
  pins the rest of the request to the primary on its first write);
- it runs inside a transaction on the primary, which may hold what it reads;
- the browser changed something in the last `DATABASE_REPLICA_PIN_SECONDS` (a cookie set on
  every unsafe request), so the page after a form shows its result.

Writes always go to the primary, also for an object read from the replica (`db_for_write`), and
the replica's connections are read-only besides (settings: `default_transaction_read_only`).
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import QuerySet

PIN_COOKIE = "humena_primary"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

# True outside requests: tasks and commands read what they (or anyone) just wrote.
_primary_only: ContextVar[bool] = ContextVar("humena_primary_only", default=True)


def read_alias() -> str:
    """The database a replica-tolerant read should use now."""
    replica = settings.DATABASE_READ_REPLICA
    if not replica or _primary_only.get() or connections[DEFAULT_DB_ALIAS].in_atomic_block:
        return DEFAULT_DB_ALIAS
    return replica


@contextmanager
def replica_reads(*, allowed: bool = True) -> Iterator[None]:
    """Within the block, replica-tolerant reads may use the replica (until the first write).
    The middleware opens one per request; a report or a command may open its own."""
    token = _primary_only.set(not allowed)
    try:
        yield
    finally:
        _primary_only.reset(token)


def on_replica(queryset: QuerySet) -> QuerySet:
    """`queryset` read from the replica when that is safe (see the module's docstring). Read
    only: anything written through it is refused by the replica."""
    return queryset.using(read_alias())


class PrimaryReplicaRouter:
    def db_for_read(self, model, **hints):
        return None  # the primary, or the database of the object the read starts from

    def db_for_write(self, model, **hints):
        _primary_only.set(True)  # what this request reads next may be what it just wrote
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the same data on both

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == DEFAULT_DB_ALIAS  # a replica copies the primary's schema


class ReplicaReadsMiddleware:
    """Allows replica reads within a safe request, and pins a browser that just changed
    something to the primary for `DATABASE_REPLICA_PIN_SECONDS`."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        safe = request.method in SAFE_METHODS
        with replica_reads(allowed=safe and PIN_COOKIE not in request.COOKIES):
            response = self.get_response(request)
        if not safe and settings.DATABASE_READ_REPLICA:
            response.set_cookie(
                PIN_COOKIE,
                "1",
                max_age=settings.DATABASE_REPLICA_PIN_SECONDS,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response
