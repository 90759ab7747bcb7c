"""Reporting: every kind of user-written thing, through the page and the API; one report per
person; automatic hiding at the threshold; reporters never revealed to the author."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.utils import timezone

from advocacy.models import Letter
from diaspora.models import Consultation, ConsultationAnswer, NetworkUpdate
from humena.moderation.models import Case, Decision, Reason, Report
from humena.moderation.privacy import export
from humena.moderation.services import case_hide, report_create
from humena.notifications.models import Notification
from tests.advocacy.factories import LetterActionFactory
from tests.conftest import repeated_lookup
from tests.diaspora.factories import (
    JointProjectFactory,
    NetworkFactory,
    ProfileFactory,
    add_network_member,
)
from tests.engagement.factories import EventFactory, InitiativeFactory, NeedFactory, UpdateFactory
from tests.factories import StaffFactory, UserFactory, login_with_mfa

pytestmark = pytest.mark.django_db


def _initiative(author):
    initiative = InitiativeFactory(organiser=author)
    initiative.created_by = author
    initiative.save(update_fields=["created_by"])
    return initiative


def make_initiative():
    author = UserFactory()
    return _initiative(author), author, UserFactory()


def make_update():
    author = UserFactory()
    return UpdateFactory(initiative=_initiative(author), author=author), author, UserFactory()


def make_event():
    author = UserFactory()
    return EventFactory(initiative=_initiative(author)), author, UserFactory()


def make_need():
    author = UserFactory()
    return NeedFactory(initiative=_initiative(author)), author, UserFactory()


def make_profile():
    profile = ProfileFactory()
    return profile, profile.user, UserFactory()


def make_network():
    author = UserFactory()
    network = NetworkFactory(coordinator=author, created_by=author)
    return network, author, UserFactory()


def make_network_update():
    author = UserFactory()
    network = NetworkFactory(coordinator=author)
    update = NetworkUpdate.objects.create(network=network, author=author, title="News", body="Hi")
    return update, author, UserFactory()


def make_project():
    author = UserFactory()
    project = JointProjectFactory(proposed_by=author, status="agreed")
    return project, author, UserFactory()


def make_consultation_answer():
    coordinator = UserFactory()
    network = NetworkFactory(coordinator=coordinator)
    author = add_network_member(network)
    consultation = Consultation.objects.create(network=network, question="What now?")
    answer = ConsultationAnswer.objects.create(consultation=consultation, user=author, body="Hi")
    return answer, author, coordinator  # coordinators read the answers


def make_letter():
    action = LetterActionFactory()
    author = UserFactory()
    letter = Letter.objects.create(
        action=action, target=action.target, sender=author, signed_as="A.", subject="S", body="B"
    )
    return letter, author, StaffFactory()  # campaign staff read letters


MAKERS = {
    "initiative": make_initiative,
    "update": make_update,
    "event": make_event,
    "need": make_need,
    "profile": make_profile,
    "network": make_network,
    "network_update": make_network_update,
    "project": make_project,
    "consultation_answer": make_consultation_answer,
    "letter": make_letter,
}


def _sign_in(client, user):
    if user.is_staff:
        login_with_mfa(client, user)
    else:
        client.force_login(user)


def ref(kind: str, obj) -> str:
    """How links and the API address a thing: a profile by its public_id, others by id."""
    return str(obj.public_id) if kind == "profile" else str(obj.pk)


def _case_of(obj) -> Case:
    return Case.objects.get(
        content_type=ContentType.objects.get_for_model(type(obj)), object_id=obj.pk
    )


@pytest.mark.parametrize("kind", MAKERS)
def test_each_kind_can_be_reported_through_the_page(client, kind):
    obj, author, reporter = MAKERS[kind]()
    _sign_in(client, reporter)
    url = f"/en/moderation/report/{kind}/{ref(kind, obj)}/"
    assert client.get(url).status_code == 200

    response = client.post(url, {"reason": Reason.HARASSMENT, "note": "It targets a member."})

    assert response.status_code == 302
    case = _case_of(obj)
    assert case.author == author
    assert case.report_count == 1
    assert case.severity == 3
    report = case.reports.get()
    assert (report.reporter, report.reason, report.note) == (
        reporter, Reason.HARASSMENT, "It targets a member."
    )  # fmt: skip


@pytest.mark.parametrize("kind", MAKERS)
def test_each_kind_can_be_reported_through_the_api(client, kind):
    obj, _author, reporter = MAKERS[kind]()
    _sign_in(client, reporter)

    response = client.post(
        "/api/v1/reports/",
        {"kind": kind, "ref": ref(kind, obj), "reason": "spam"},
        content_type="application/json",
    )

    assert response.status_code == 201, response.content
    assert response.json()["kind"] == kind
    assert response.json()["ref"] == ref(kind, obj)
    listed = client.get("/api/v1/reports/").json()["results"]
    assert [(row["kind"], row["ref"]) for row in listed] == [(kind, ref(kind, obj))]
    assert _case_of(obj).reports.get().reporter == reporter


def test_a_second_report_by_the_same_person_is_refused_with_a_clear_message(client):
    obj, _author, reporter = make_update()
    client.force_login(reporter)
    url = f"/en/moderation/report/update/{obj.pk}/"
    client.post(url, {"reason": "spam"})

    page = client.post(url, {"reason": "hate"})
    api = client.post(
        "/api/v1/reports/", {"kind": "update", "ref": obj.pk, "reason": "hate"},
        content_type="application/json",
    )  # fmt: skip

    assert page.status_code == 400
    assert "already reported" in page.content.decode()
    assert api.status_code == 409
    assert api.json()["error"]["code"] == "already_reported"
    assert Report.objects.count() == 1
    assert _case_of(obj).report_count == 1


def test_bad_input_gets_clear_errors_and_writes_nothing(client):
    obj, author, reporter = make_update()
    client.force_login(reporter)

    page = client.post(f"/en/moderation/report/update/{obj.pk}/", {"reason": "nonsense"})
    api = client.post(
        "/api/v1/reports/", {"kind": "nothing", "ref": obj.pk, "reason": "spam"},
        content_type="application/json",
    )  # fmt: skip
    client.force_login(author)
    own = client.post(f"/en/moderation/report/update/{obj.pk}/", {"reason": "spam"})

    assert page.status_code == 400
    assert api.status_code == 400
    assert api.json()["error"]["code"] == "validation_error"
    assert "kind" in api.json()["error"]["fields"]
    assert own.status_code == 400
    assert "something you wrote" in own.content.decode()
    assert not Report.objects.exists()
    assert not Case.objects.exists()


def test_what_one_cannot_see_cannot_be_reported(client):
    members_only = InitiativeFactory(visibility="members")
    answer, _author, _coordinator = make_consultation_answer()
    client.force_login(UserFactory())

    assert client.get(f"/en/moderation/report/initiative/{members_only.pk}/").status_code == 404
    assert client.get(f"/en/moderation/report/consultation_answer/{answer.pk}/").status_code == 404
    assert client.get("/en/moderation/report/initiative/999999/").status_code == 404
    assert client.get("/en/moderation/report/unknown/1/").status_code == 404
    # Profiles are addressed by their public id only: row ids would let anyone walk the directory.
    profile = ProfileFactory()
    assert client.get(f"/en/moderation/report/profile/{profile.pk}/").status_code == 404
    assert client.get(f"/en/moderation/report/profile/{profile.public_id}/").status_code == 200
    for bad in ("abc", "%C2%B2", "9" * 30, "-1"):
        assert client.get(f"/en/moderation/report/update/{bad}/").status_code == 404
    response = client.post(
        "/api/v1/reports/", {"kind": "initiative", "ref": members_only.pk, "reason": "spam"},
        content_type="application/json",
    )  # fmt: skip
    assert response.status_code == 404


def test_reporting_needs_an_account(client):
    obj, _author, _reporter = make_update()

    assert client.get(f"/en/moderation/report/update/{obj.pk}/").status_code == 302
    response = client.post(
        "/api/v1/reports/", {"kind": "update", "ref": obj.pk, "reason": "spam"},
        content_type="application/json",
    )  # fmt: skip
    assert response.status_code == 401


def test_reports_are_rate_limited(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "report": (2, 3600)}
    reporter = UserFactory()
    client.force_login(reporter)
    updates = [make_update()[0] for _ in range(3)]

    codes = [
        client.post(f"/en/moderation/report/update/{u.pk}/", {"reason": "spam"}).status_code
        for u in updates
    ]

    assert codes == [302, 302, 429]
    assert Report.objects.count() == 2


def established(**kwargs):
    """A member whose account is old enough for their reports to count towards hiding."""
    return UserFactory(date_joined=timezone.now() - datetime.timedelta(days=30), **kwargs)


def test_the_threshold_hides_the_item_at_once_pending_review(client, settings, run_on_commit):
    settings.MODERATION_AUTO_HIDE_REPORTS = 3
    update, author, _ = make_update()
    reporters = [established() for _ in range(3)]
    url = f"/en/moderation/report/update/{update.pk}/"

    for number, reporter in enumerate(reporters, start=1):
        client.force_login(reporter)
        with run_on_commit():
            client.post(url, {"reason": "hate"})
        update.refresh_from_db()
        assert (update.hidden_at is not None) == (number == 3)

    case = _case_of(update)
    assert (case.state, case.auto_hidden, case.open_reports) == (Case.State.OPEN, True, 3)
    assert case.decisions.get().action == Decision.Action.AUTO_HIDE
    # The author is told at once by email and in their inbox, without a word on who reported.
    assert Notification.objects.filter(recipient=author).count() == 1
    (email,) = [m for m in mail.outbox if author.email in m.to]
    assert "hidden after several reports" in email.subject
    client.force_login(author)
    inbox = client.get("/en/notifications/").content.decode()
    assert "hidden after several reports" in inbox
    for reporter in reporters:
        assert reporter.display_name not in email.body + inbox
    client.force_login(reporters[0])
    # Hidden: the initiative page no longer shows it to a reporter.
    page = client.get(update.initiative.get_absolute_url())
    assert update.title not in page.content.decode()


def test_the_author_never_learns_who_reported_them(client, run_on_commit):
    update, author, reporter = make_update()
    client.force_login(reporter)
    client.post(
        f"/en/moderation/report/update/{update.pk}/",
        {"reason": "harassment", "note": f"I am {reporter.display_name}"},
    )
    with run_on_commit():
        case_hide(case=_case_of(update), moderator=StaffFactory(), reason="Harassment.")

    # Everything the author can read: notifications, emails, their data export, the API.
    client.force_login(author)
    texts = [client.get("/en/notifications/").content.decode()]
    texts += [m.subject + m.body for m in mail.outbox if author.email in m.to]
    assert "hidden by the moderators" in texts[0]
    texts.append(str(export(author)))
    texts.append(client.get("/api/v1/reports/").content.decode())
    assert texts
    for text in texts:
        assert reporter.display_name not in text
        assert reporter.email not in text


def test_new_or_unverified_accounts_do_not_hide_anything_by_themselves(settings):
    settings.MODERATION_AUTO_HIDE_REPORTS = 2
    update = make_update()[0]
    reporters = [UserFactory(), established(verified=False), established(), established()]

    with repeated_lookup("moderation.Case"):  # the test's four reports, one after the other
        for number, reporter in enumerate(reporters, start=1):
            report_create(reporter=reporter, obj=update, reason="spam")
            hidden_at = type(update).objects.filter(pk=update.pk).values_list("hidden_at")[0][0]
            # The first two (joined today; unverified) are queued but hide nothing.
            assert (hidden_at is not None) == (number == 4)
    assert _case_of(update).open_reports == 4


def test_staff_and_trusted_organisers_work_waits_in_the_queue_instead(settings):
    settings.MODERATION_AUTO_HIDE_REPORTS = 1
    trusted = UserFactory(is_trusted_organiser=True)
    update = UpdateFactory(initiative=_initiative(trusted), author=trusted)
    report_create(reporter=established(), obj=update, reason="hate")
    update.refresh_from_db()
    assert update.hidden_at is None
    assert _case_of(update).state == Case.State.OPEN


@pytest.mark.parametrize("rows", [3, 30])
def test_my_reports_endpoint_query_count(client, django_assert_num_queries, rows):
    reporter = UserFactory()
    for _ in range(rows):
        update = make_update()[0]
        Report.objects.create(
            case=Case.objects.create(
                content_type=ContentType.objects.get_for_model(type(update)),
                object_id=update.pk,
                last_reported_at=timezone.now(),
            ),
            reporter=reporter,
            reason="spam",
        )
    client.force_login(reporter)
    ContentType.objects.get_for_model(Letter)  # warm the content-type cache, as any process has
    # session, user, count, page (with each report's case)
    with django_assert_num_queries(4):
        response = client.get("/api/v1/reports/")
    assert response.json()["count"] == rows
