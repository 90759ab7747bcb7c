"""Reads that may lag go to the read replica; writes, and reads that must see them, never do.

On the PostgreSQL leg the `replica` alias is a mirror of the test database on connections of its
own, read-only like a real replica (humena/settings/test.py), so each test can tell which
connection served which query."""

from contextlib import ExitStack

import pytest
from django.conf import settings
from django.db import connections, transaction
from django.db.utils import InternalError
from django.test.utils import CaptureQueriesContext

from engagement.models import Initiative
from humena.core.db_router import PIN_COOKIE, on_replica, read_alias, replica_reads
from tests.advocacy.factories import CampaignFactory
from tests.engagement.factories import InitiativeFactory
from tests.factories import UserFactory

WRITES = ("INSERT", "UPDATE", "DELETE")

needs_replica = pytest.mark.skipif(
    "replica" not in settings.DATABASES, reason="the replica alias exists on the PostgreSQL leg"
)
on_both = pytest.mark.django_db(transaction=True, databases=["default", "replica"])


@pytest.fixture
def replica(settings):
    settings.DATABASE_READ_REPLICA = "replica"
    yield connections["replica"]
    connections["replica"].close()


class Captured:
    """The queries each connection ran within the block."""

    def __enter__(self):
        self._stack = ExitStack()
        self.primary = self._stack.enter_context(CaptureQueriesContext(connections["default"]))
        self.replica = self._stack.enter_context(CaptureQueriesContext(connections["replica"]))
        return self

    def __exit__(self, *exc):
        return self._stack.__exit__(*exc)

    @staticmethod
    def _on(context, table: str) -> list[str]:
        return [q["sql"] for q in context.captured_queries if table in q["sql"]]

    def primary_on(self, table: str) -> list[str]:
        return self._on(self.primary, table)

    def replica_on(self, table: str) -> list[str]:
        return self._on(self.replica, table)

    def replica_writes(self) -> list[str]:
        return [q["sql"] for q in self.replica.captured_queries if q["sql"].startswith(WRITES)]


@needs_replica
@on_both
@pytest.mark.parametrize(
    "url", ["/en/initiatives/", "/en/initiatives/?q=water", "/api/v1/initiatives/"]
)
def test_browse_search_and_the_api_list_read_the_replica(client, replica, url):
    InitiativeFactory(title="Clean water for Sfax")
    with Captured() as captured:
        response = client.get(url)
    assert response.status_code == 200
    assert "Clean water for Sfax" in response.content.decode()
    assert captured.replica_on("engagement_initiative")
    assert captured.primary_on("engagement_initiative") == []
    assert captured.replica_writes() == []


@needs_replica
@on_both
@pytest.mark.parametrize("url", ["/en/campaigns/", "/api/v1/campaigns/"])
def test_the_campaign_list_reads_the_replica(client, replica, url):
    CampaignFactory(title="Free the journalists")
    with Captured() as captured:
        response = client.get(url)
    assert "Free the journalists" in response.content.decode()
    assert captured.replica_on("advocacy_campaign")
    assert captured.primary_on("advocacy_campaign") == []


@needs_replica
@on_both
def test_a_signed_in_visitor_reads_the_replica_until_they_change_something(client, replica):
    initiative = InitiativeFactory(title="Coast watch")
    client.force_login(UserFactory())
    with Captured() as captured:
        client.get("/en/initiatives/")
    assert captured.replica_on("engagement_initiative")

    # Joining writes on the primary; the same request and the next pages read the primary too.
    with Captured() as captured:
        response = client.post(f"/en/initiatives/{initiative.slug}/join/")
    assert response.status_code == 302
    assert response.cookies[PIN_COOKIE]["max-age"] == settings.DATABASE_REPLICA_PIN_SECONDS
    assert captured.primary_on("engagement_membership")
    assert captured.replica.captured_queries == []
    with Captured() as captured:
        client.get("/en/initiatives/")
    assert captured.primary_on("engagement_initiative")
    assert captured.replica.captured_queries == []

    # Once the pin has expired (the browser drops the cookie), the replica again.
    del client.cookies[PIN_COOKIE]
    with Captured() as captured:
        client.get("/en/initiatives/")
    assert captured.replica_on("engagement_initiative")


@needs_replica
@on_both
def test_writes_never_go_to_the_replica(replica):
    initiative = InitiativeFactory(title="Before")
    with Captured() as captured, replica_reads():
        loaded = on_replica(Initiative.objects.all()).get(pk=initiative.pk)
        assert loaded._state.db == "replica"
        loaded.title = "After"
        loaded.save(update_fields=["title"])  # an object read from the replica
        CampaignFactory()
        # After a write, reads that opted in stay on the primary.
        assert on_replica(Initiative.objects.all()).get(pk=initiative.pk).title == "After"
    assert captured.replica_writes() == []
    assert [sql for sql in captured.primary.captured_queries if "UPDATE" in sql["sql"]]
    assert len(captured.replica_on("engagement_initiative")) == 1


@needs_replica
@on_both
def test_the_replica_connection_refuses_to_write(replica):
    InitiativeFactory()
    with pytest.raises(InternalError, match="read-only"), replica.cursor() as cursor:
        cursor.execute("UPDATE engagement_initiative SET title = 'x'")
    assert Initiative.objects.filter(title="x").count() == 0


@needs_replica
@on_both
def test_outside_a_request_and_inside_a_transaction_reads_stay_on_the_primary(replica):
    assert read_alias() == "default"  # a task, a command, a shell
    with replica_reads():
        assert read_alias() == "replica"
        with transaction.atomic():
            assert read_alias() == "default"


@pytest.mark.django_db
def test_without_a_replica_everything_reads_the_primary(client, settings):
    assert settings.DATABASE_READ_REPLICA == ""
    with replica_reads():
        assert read_alias() == "default"
        assert on_replica(Initiative.objects.all()).db == "default"
    response = client.post("/en/initiatives/")
    assert PIN_COOKIE not in response.cookies
