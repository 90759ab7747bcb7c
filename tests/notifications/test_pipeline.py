"""From an event to notifications and emails: recipients, preferences, digests, idempotency,
unsubscribing, and a broker outage that only delays delivery."""

import datetime

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone

from engagement import services as engagement_services
from engagement.models import Membership
from humena.celery import app as celery_app
from humena.notifications import pipeline
from humena.notifications.models import (
    Category,
    Channel,
    EmailDelivery,
    EmailSettings,
    Frequency,
    Notification,
    OutboxEvent,
    Preference,
)
from tests.engagement.factories import InitiativeFactory, add_member
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def immediate_email(user) -> None:
    Preference.objects.create(
        user=user,
        category=Category.INITIATIVES,
        channel=Channel.EMAIL,
        frequency=Frequency.IMMEDIATE,
    )


def post_update(initiative, run_on_commit, title="We met"):
    with run_on_commit():
        engagement_services.update_post(
            initiative=initiative,
            author=initiative.organiser_user,
            title=title,
            body="Notes",
        )


def test_an_update_reaches_members_in_each_channel(run_on_commit):
    initiative = InitiativeFactory(title="Coast watch")
    eager = add_member(initiative, UserFactory(email="eager@example.org"))
    immediate_email(eager)
    default = add_member(initiative)  # defaults: on the site at once, email in a daily digest
    quiet = add_member(initiative)
    Preference.objects.create(
        user=quiet, category=Category.INITIATIVES, channel=Channel.IN_APP, frequency=Frequency.OFF
    )
    Preference.objects.create(
        user=quiet, category=Category.INITIATIVES, channel=Channel.EMAIL, frequency=Frequency.OFF
    )
    pending = add_member(initiative, status=Membership.Status.PENDING)

    post_update(initiative, run_on_commit)

    event = OutboxEvent.objects.get(name="engagement.update.published")
    assert event.published_at is not None
    assert event.fanned_out_at is not None
    recipients = set(Notification.objects.values_list("recipient_id", flat=True))
    # Approved members only; not the organiser who posted; not who switched everything off.
    assert recipients == {eager.pk, default.pk}
    assert initiative.organiser_user.pk not in recipients
    assert pending.pk not in recipients
    assert quiet.pk not in recipients
    assert Notification.objects.get(recipient=default).digest == Frequency.DAILY
    assert Notification.objects.get(recipient=eager).digest == ""
    assert [m.to for m in mail.outbox] == [["eager@example.org"]]
    message = mail.outbox[0]
    assert "Coast watch" in message.subject
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message.extra_headers["List-Unsubscribe"].startswith("<http")


def test_emails_are_in_the_recipients_language_and_right_to_left_in_arabic(run_on_commit):
    initiative = InitiativeFactory(title="مبادرة")
    reader = add_member(initiative, UserFactory(preferred_language="ar"))
    immediate_email(reader)
    post_update(initiative, run_on_commit)
    html = mail.outbox[0].alternatives[0].content
    assert 'dir="rtl"' in html
    assert 'lang="ar"' in html


def test_content_free_emails_say_nothing_sensitive(run_on_commit):
    initiative = InitiativeFactory(title="Detainees' families support")
    reader = add_member(initiative)
    immediate_email(reader)
    EmailSettings.objects.create(user=reader, content_free=True)
    post_update(initiative, run_on_commit, title="Names of the detained")
    message = mail.outbox[0]
    assert "Detainees" not in message.subject
    assert "Detainees" not in message.body
    assert "Detainees" not in message.alternatives[0].content
    assert "something new" in message.subject


def test_every_step_can_run_twice_without_effect(run_on_commit):
    initiative = InitiativeFactory()
    reader = add_member(initiative)
    immediate_email(reader)
    post_update(initiative, run_on_commit)
    event = OutboxEvent.objects.get(name="engagement.update.published")
    # A retried chunk or send (a worker died, the broker redelivered): nothing twice.
    assert pipeline.deliver_chunk(event_id=event.pk, user_ids=[reader.pk]) == []
    delivery = EmailDelivery.objects.get(recipient=reader)
    assert pipeline.send_immediate(delivery_id=delivery.pk) is False
    assert pipeline.fanout(event_id=event.pk) == 0
    assert Notification.objects.filter(recipient=reader).count() == 1
    assert len(mail.outbox) == 1


def test_an_unreachable_broker_only_delays_delivery(run_on_commit, monkeypatch, caplog):
    initiative = InitiativeFactory()
    readers = [add_member(initiative) for _ in range(3)]
    for reader in readers:
        immediate_email(reader)
    # The broker is down: the change still commits; the event waits in the outbox.
    monkeypatch.setitem(celery_app.conf, "task_always_eager", False)
    monkeypatch.setitem(celery_app.conf, "broker_url", "redis://127.0.0.1:1/0")  # nothing there
    monkeypatch.setitem(celery_app.conf, "task_publish_retry", False)
    celery_app._pool = None
    try:
        post_update(initiative, run_on_commit)
    finally:
        celery_app._pool = None
    event = OutboxEvent.objects.get(name="engagement.update.published")
    assert event.published_at is None
    assert Notification.objects.count() == 0
    assert mail.outbox == []
    # The broker is back: the next sweep delivers everything, once.
    monkeypatch.undo()
    celery_app._pool = None
    assert pipeline.relay_pending() == 1
    assert pipeline.relay_pending() == 0
    assert sorted(m.to[0] for m in mail.outbox) == sorted(r.email for r in readers)


def test_digests_group_by_initiative_and_go_once_per_period(run_on_commit):
    reader = UserFactory(time_zone="UTC")
    first = InitiativeFactory(title="Coast watch")
    second = InitiativeFactory(title="Budget watch")
    add_member(first, reader)
    add_member(second, reader)
    post_update(first, run_on_commit, title="One")
    post_update(first, run_on_commit, title="Two")
    post_update(second, run_on_commit, title="Three")
    assert mail.outbox == []  # the default is a daily digest
    morning = timezone.now().replace(hour=8, minute=5)
    assert pipeline.digest_recipients(now=morning, frequency=Frequency.DAILY) == [reader.pk]
    assert pipeline.digest_recipients(now=morning.replace(hour=13), frequency="daily") == []
    assert pipeline.send_digest(user_id=reader.pk, frequency=Frequency.DAILY, now=morning)
    assert not pipeline.send_digest(user_id=reader.pk, frequency=Frequency.DAILY, now=morning)
    [digest] = mail.outbox
    assert digest.body.splitlines().count("Coast watch") == 1  # one group per initiative...
    assert digest.body.count("New update in Coast watch") == 2  # ...with its two items
    assert "Budget watch" in digest.body
    assert not Notification.objects.filter(recipient=reader).exclude(digest="").exists()


def test_digests_follow_each_persons_morning():
    tokyo = UserFactory(time_zone="Asia/Tokyo")
    event = OutboxEvent.objects.create(name="engagement.update.published", payload={})
    Notification.objects.create(
        event=event, recipient=tokyo, category="initiatives", digest="daily"
    )
    utc_2300 = datetime.datetime(2030, 1, 1, 23, 0, tzinfo=datetime.UTC)  # 08:00 in Tokyo
    assert pipeline.digest_recipients(now=utc_2300, frequency="daily") == [tokyo.pk]


def test_unsubscribe_link_works_without_signing_in_and_cannot_be_forged(client):
    user = UserFactory()
    token = pipeline.unsubscribe_token(user_id=user.pk, category=Category.INITIATIVES)
    url = f"/en/notifications/unsubscribe/{token}/"
    assert client.get(url).status_code == 200
    assert not Preference.objects.exists()  # looking is not unsubscribing
    assert client.post(url).status_code == 200  # RFC 8058 one-click: no CSRF, no session
    assert Preference.objects.get(user=user, channel="email").frequency == Frequency.OFF
    forged = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    assert client.post(f"/en/notifications/unsubscribe/{forged}/").status_code == 404
    other = pipeline.unsubscribe_token(user_id=user.pk + 1, category="initiatives")
    assert other != token


def test_account_emails_cannot_be_unsubscribed(client):
    user = UserFactory()
    token = pipeline.unsubscribe_token(user_id=user.pk, category=Category.ACCOUNT)
    response = client.post(f"/en/notifications/unsubscribe/{token}/")
    assert "cannot be switched off" in response.content.decode()
    assert not Preference.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_events_must_be_recorded_inside_the_change():
    from humena.notifications.events import Event
    from humena.notifications.services import event_emit

    with pytest.raises(RuntimeError):
        event_emit(event=Event.INITIATIVE_NEED_FILLED, initiative_id=1)
    with transaction.atomic():
        event_emit(event=Event.INITIATIVE_NEED_FILLED, initiative_id=1)
    assert OutboxEvent.objects.count() == 1


def _waiting_deliveries(count: int, *, content_free: int = 0) -> list[EmailDelivery]:
    """`count` members with immediate emails, their deliveries written and not yet sent."""
    initiative = InitiativeFactory(title="Coast watch")
    readers = [add_member(initiative) for _ in range(count)]
    for n, reader in enumerate(readers):
        immediate_email(reader)
        if n < content_free:
            EmailSettings.objects.create(user=reader, content_free=True)
    event = OutboxEvent.objects.create(
        name="engagement.update.published", payload={"initiative_id": initiative.pk}
    )
    ids = pipeline.deliver_chunk(event_id=event.pk, user_ids=[r.pk for r in readers])
    return list(EmailDelivery.objects.filter(pk__in=ids).select_related("recipient").order_by("pk"))


@pytest.mark.parametrize("count", [3, 30])
def test_a_batch_sends_with_one_query_per_email(django_assert_num_queries, count):
    deliveries = _waiting_deliveries(count, content_free=2)
    # The rows, the content-free settings and the initiative named, once for all; then one
    # statement per email (it claims the email and marks the one sent before), and the last mark.
    with django_assert_num_queries(3 + count + 1):
        assert pipeline.send_batch(delivery_ids=[d.pk for d in deliveries]) == count
    assert sorted(m.to[0] for m in mail.outbox) == sorted(d.recipient.email for d in deliveries)
    assert sum("something new" in m.subject for m in mail.outbox) == 2
    assert set(EmailDelivery.objects.values_list("status", flat=True)) == {"sent"}
    # Run again (a redelivered task): nothing is sent twice.
    assert pipeline.send_batch(delivery_ids=[d.pk for d in deliveries]) == 0
    assert len(mail.outbox) == count


def test_a_refused_email_in_a_batch_waits_alone_for_the_retry(monkeypatch):
    import smtplib

    from django.core.mail import EmailMultiAlternatives

    deliveries = _waiting_deliveries(3)
    refused = deliveries[1].recipient.email
    send = EmailMultiAlternatives.send

    def once_refused(message, fail_silently=False):
        if message.to == [refused] and not getattr(once_refused, "done", False):
            once_refused.done = True
            raise smtplib.SMTPRecipientsRefused({refused: (450, b"try later")})
        return send(message, fail_silently)

    monkeypatch.setattr(EmailMultiAlternatives, "send", once_refused)
    ids = [d.pk for d in deliveries]
    with pytest.raises(smtplib.SMTPRecipientsRefused):
        pipeline.send_batch(delivery_ids=ids)
    statuses = dict(EmailDelivery.objects.values_list("recipient__email", "status"))
    assert statuses[refused] == "pending"
    assert EmailDelivery.objects.get(recipient__email=refused).attempts == 1
    assert sorted(s for e, s in statuses.items() if e != refused) == ["sent", "sent"]
    # The task's retry: only the one given back is sent.
    assert pipeline.send_batch(delivery_ids=ids) == 1
    assert sorted(m.to[0] for m in mail.outbox) == sorted(d.recipient.email for d in deliveries)


def test_an_unexpected_error_leaves_no_delivery_claimed(monkeypatch):
    deliveries = _waiting_deliveries(3)

    def broken(*args, **kwargs):
        raise RuntimeError("a bug while rendering")

    monkeypatch.setattr(pipeline, "_email", broken)
    with pytest.raises(RuntimeError):
        pipeline.send_batch(delivery_ids=[d.pk for d in deliveries])
    assert set(EmailDelivery.objects.values_list("status", flat=True)) == {"pending"}
    assert mail.outbox == []
