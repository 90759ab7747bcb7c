import pytest
from django.db import DatabaseError, connection, transaction

from humena.audit.models import AppendOnlyError, AuditEntry
from humena.audit.services import audit_record
from tests.engagement.factories import InitiativeFactory
from tests.factories import PASSWORD, StaffFactory, UserFactory, give_totp, totp_code

pytestmark = pytest.mark.django_db


def admin_client(client, user):
    secret = give_totp(user)
    client.post("/en/accounts/login/", {"login": user.email, "password": PASSWORD})
    client.post("/en/accounts/2fa/authenticate/", {"code": totp_code(secret)})
    client.post("/en/accounts/2fa/trust/", {"action": "no"})
    return client


def test_entries_are_never_changed_or_deleted():
    entry = audit_record(actor=None, action="test.action", rows=3)
    entry.action = "something else"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    assert AuditEntry.objects.get().action == "test.action"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger is PostgreSQL's")
def test_the_database_itself_refuses_changes():
    audit_record(actor=None, action="test.action")
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEntry.objects.update(action="rewritten")
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEntry.objects.all().delete()
    assert AuditEntry.objects.get().action == "test.action"


def test_every_csv_export_is_recorded(client):
    staff = StaffFactory()
    initiatives = [InitiativeFactory(), InitiativeFactory()]
    admin_client(client, staff)
    response = client.post(
        "/en/admin/engagement/initiative/",
        {"action": "export_as_csv", "_selected_action": [i.pk for i in initiatives]},
    )
    assert response["Content-Type"].startswith("text/csv")
    entry = AuditEntry.objects.get(action="export.csv")
    assert entry.actor == staff
    assert entry.data == {"model": "engagement.initiative", "rows": 2}


def test_staff_bulk_status_changes_are_recorded(client):
    staff = StaffFactory()
    initiative = InitiativeFactory(status="draft")
    admin_client(client, staff)
    client.post(
        "/en/admin/engagement/initiative/",
        {"action": "archive", "_selected_action": [initiative.pk]},
    )
    entry = AuditEntry.objects.get(action="initiative.status")
    assert (entry.target_type, entry.target_id, entry.data) == (
        "engagement.initiative",
        str(initiative.pk),
        {"to": "archived"},
    )


def test_only_superusers_read_the_log_and_nobody_edits_it(client):
    entry = audit_record(actor=None, action="test.action")
    admin_client(client, StaffFactory())
    assert client.get("/en/admin/audit/auditentry/").status_code == 200
    assert client.get(f"/en/admin/audit/auditentry/{entry.pk}/delete/").status_code == 403
    response = client.post(f"/en/admin/audit/auditentry/{entry.pk}/change/", {"action": "x"})
    assert response.status_code == 403
    plain_staff = UserFactory(is_staff=True)
    other = client.__class__()
    admin_client(other, plain_staff)
    assert other.get("/en/admin/audit/auditentry/").status_code == 403
