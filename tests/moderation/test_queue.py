"""The moderation queue in the admin: order, each decision and its effects (visibility, sessions,
sign-in), what the author and the reporters are told, the audit log, permissions, query counts."""

import datetime

import pytest
from allauth.usersessions.models import UserSession
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone
from rest_framework.authtoken.models import Token

from humena.audit.models import AuditEntry
from humena.moderation import services
from humena.moderation.models import Case, Decision, Report
from tests.conftest import repeated_lookup
from tests.engagement.factories import UpdateFactory
from tests.factories import PASSWORD, StaffFactory, UserFactory, login_with_mfa
from tests.moderation.test_reports import make_update

pytestmark = pytest.mark.django_db

QUEUE = "/en/admin/moderation/case/"


@pytest.fixture
def moderator(client):
    user = StaffFactory(email="moderator@example.org", display_name="Moderator Heron")
    login_with_mfa(client, user)
    return user


def _report(obj, reason="spam", reporter=None) -> Report:
    # Test setup: a test reports several items, each report finding its item's case.
    with repeated_lookup("moderation.Case"):
        return services.report_create(reporter=reporter or UserFactory(), obj=obj, reason=reason)


def _decide(client, case: Case, **data):
    """Post a decision as a moderator who has just read the case."""
    seen = Case.objects.filter(pk=case.pk).values_list("updated_at", flat=True)[0].isoformat()
    return client.post(f"{QUEUE}{case.pk}/change/", {"seen": seen, **data})


def test_the_queue_shows_open_cases_most_severe_first(client, moderator):
    spam = make_update()[0]
    danger = make_update()[0]
    many = make_update()[0]
    decided = make_update()[0]
    _report(spam, "spam")
    _report(danger, "danger")
    for _ in range(2):
        _report(many, "harassment")
    _report(decided, "hate")
    services.case_dismiss(case=Case.objects.get(object_id=decided.pk), moderator=moderator)

    response = client.get(QUEUE)

    rows = [case.object_id for case in response.context["cl"].result_list]
    assert rows == [many.pk, danger.pk, spam.pk]  # severity 6, 5, 1; the dismissed one is not here
    # The review queues are one click away.
    assert 'href="/en/admin/engagement/initiative/review/"' in response.content.decode()
    assert 'href="/en/admin/diaspora/network/review/"' in response.content.decode()
    all_rows = client.get(QUEUE, {"state": "all"}).context["cl"].result_list
    assert decided.pk in [case.object_id for case in all_rows]
    updates = client.get(QUEUE, {"state": "all", "kind": "update"}).context["cl"].result_list
    assert len(updates) == 4
    assert not client.get(QUEUE, {"state": "all", "kind": "event"}).context["cl"].result_list


def test_the_case_page_shows_content_reports_and_the_authors_history(client, moderator):
    update, author, _ = make_update()
    reporter = UserFactory(display_name="Careful Reporter")
    Report.objects.all().delete()
    _report(update, "harassment", reporter=reporter)
    earlier = UpdateFactory(initiative=update.initiative, author=author)
    _report(earlier, "hate")
    services.case_hide(
        case=Case.objects.get(object_id=earlier.pk), moderator=moderator, reason="Hateful words."
    )

    page = client.get(f"{QUEUE}{Case.objects.get(object_id=update.pk).pk}/change/")

    text = page.content.decode()
    assert page.status_code == 200
    assert update.title in text
    assert "Careful Reporter" in text  # staff see who reported
    assert "Hateful words." in text  # the author's history
    assert "1 other reported contribution" in text


def test_hide_makes_the_item_404_and_tells_author_and_reporters(client, moderator, run_on_commit):
    update, author, reporter = make_update()
    _report(update, reporter=reporter)
    case = Case.objects.get()

    with run_on_commit():
        response = _decide(client, case, action="hide", reason="Spam links.")

    assert response.status_code == 302
    update.refresh_from_db()
    case.refresh_from_db()
    assert update.hidden_at is not None
    assert case.state == Case.State.HIDDEN
    assert case.decisions.get().reason == "Spam links."
    assert AuditEntry.objects.filter(action="moderation.hide", actor=moderator).exists()
    to_author = [m for m in mail.outbox if m.to == [author.email]]
    to_reporter = [m for m in mail.outbox if m.to == [reporter.email]]
    assert len(to_author) == 1
    assert "hidden by the moderators" in to_author[0].subject
    assert "Spam links." in to_author[0].body
    assert len(to_reporter) == 1
    assert "took action" in to_reporter[0].subject
    # Reporters learn that action was taken, not what it was.
    assert "Spam links." not in to_reporter[0].body
    assert "hidden" not in to_reporter[0].subject.lower()
    client.force_login(reporter)
    assert update.title not in client.get(update.initiative.get_absolute_url()).content.decode()


def test_a_hide_needs_a_reason(client, moderator):
    update = make_update()[0]
    _report(update)

    response = _decide(client, Case.objects.get(), action="hide", reason="")

    assert response.status_code == 200
    assert "Give a reason" in response.content.decode()
    update.refresh_from_db()
    assert update.hidden_at is None
    assert not Decision.objects.exists()


def test_dismiss_shows_an_automatically_hidden_item_again(client, moderator, settings):
    settings.MODERATION_AUTO_HIDE_REPORTS = 2
    settings.MODERATION_REPORTER_MIN_AGE_DAYS = 0
    update = make_update()[0]
    _report(update)
    _report(update)
    update.refresh_from_db()
    assert update.hidden_at is not None

    _decide(client, Case.objects.get(), action="dismiss", reason="")

    update.refresh_from_db()
    case = Case.objects.get()
    assert update.hidden_at is None
    assert (case.state, case.auto_hidden, case.open_reports) == (Case.State.DISMISSED, False, 0)
    # The reports already reviewed do not hide it again; two new ones do.
    _report(update)
    update.refresh_from_db()
    assert update.hidden_at is None
    _report(update)
    update.refresh_from_db()
    assert update.hidden_at is not None


def test_restore_shows_a_hidden_item_again_and_tells_the_author(client, moderator, run_on_commit):
    update, author, _ = make_update()
    _report(update)
    case = Case.objects.get()
    services.case_hide(case=case, moderator=moderator, reason="Spam.")

    with run_on_commit():
        _decide(client, case, action="restore", reason="On appeal: a quotation, not spam.")

    update.refresh_from_db()
    assert update.hidden_at is None
    assert Case.objects.get().state == Case.State.RESTORED
    # (The earlier "hidden" notice goes out in the same relay run: the outbox sends all.)
    assert [m for m in mail.outbox if m.to == [author.email] and "visible again" in m.subject]


def test_warn_tells_the_author_and_settles_the_case(client, moderator, run_on_commit):
    update, author, reporter = make_update()
    _report(update, reporter=reporter)

    with run_on_commit():
        _decide(client, Case.objects.get(), action="warn", reason="Keep it civil.")

    decision = Decision.objects.get(action=Decision.Action.WARN)
    assert decision.subject == author
    (email,) = [m for m in mail.outbox if m.to == [author.email]]
    assert "warning" in email.subject.lower()
    assert "Keep it civil." in email.body
    assert AuditEntry.objects.filter(action="moderation.warn").exists()
    # The case leaves the queue; the reporter hears action was taken, not that it was a warning.
    assert Case.objects.get().state == Case.State.ACTIONED
    (to_reporter,) = [m for m in mail.outbox if m.to == [reporter.email]]
    assert "took action" in to_reporter.subject
    assert "warn" not in (to_reporter.subject + to_reporter.body).lower()


def test_suspend_ends_sessions_and_refuses_sign_in_until_the_date(client, moderator, run_on_commit):
    update, author, _ = make_update()
    _report(update)
    author_client = type(client)()
    author_client.post("/en/accounts/login/", {"login": author.email, "password": PASSWORD})
    assert author_client.get("/en/account/privacy/").status_code == 200
    Token.objects.create(user=author)
    until = timezone.localdate() + datetime.timedelta(days=7)

    with run_on_commit():
        response = _decide(
            client, Case.objects.get(), action="suspend", reason="Threats.", until=until.isoformat()
        )

    assert response.status_code == 302
    author.refresh_from_db()
    assert author.suspended_until.date() == until
    assert not UserSession.objects.filter(user=author).exists()
    assert not Token.objects.filter(user=author).exists()
    # The open session is gone: the next page asks to sign in.
    assert author_client.get("/en/account/privacy/").status_code == 302
    # Signing in again is refused with the date.
    refused = author_client.post(
        "/en/accounts/login/", {"login": author.email, "password": PASSWORD}
    )
    assert refused.status_code == 403
    assert "suspended" in refused.content.decode()
    assert author_client.get("/en/account/privacy/").status_code == 302
    (email,) = [m for m in mail.outbox if m.to == [author.email]]
    assert "suspended until" in email.subject
    assert "Threats." in email.body
    # After the date, sign-in works again.
    author.suspended_until = timezone.now() - datetime.timedelta(minutes=1)
    author.save(update_fields=["suspended_until"])
    author_client.post("/en/accounts/login/", {"login": author.email, "password": PASSWORD})
    assert author_client.get("/en/account/privacy/").status_code == 200


def test_suspend_needs_a_future_date_and_never_targets_staff_or_oneself(client, moderator):
    update, author, _ = make_update()
    _report(update)
    case = Case.objects.get()

    no_date = _decide(client, case, action="suspend", reason="Threats.")
    past = _decide(client, case, action="suspend", reason="Threats.", until="2020-01-01")

    assert "Choose the date" in no_date.content.decode()
    assert "in the future" in past.content.decode()
    author.refresh_from_db()
    assert author.suspended_until is None
    with pytest.raises(Exception, match="yourself"):
        services.user_suspend(
            user=moderator, moderator=moderator, reason="x",
            until=timezone.now() + datetime.timedelta(days=1),
        )  # fmt: skip


def test_members_and_staff_without_the_permission_cannot_moderate(client):
    update = make_update()[0]
    _report(update)
    case = Case.objects.get()
    client.force_login(UserFactory())
    assert client.get(QUEUE).status_code == 302  # to the admin's sign-in
    helper = StaffFactory(is_superuser=False)
    login_with_mfa(client, helper)
    assert client.get(QUEUE).status_code == 403
    assert _decide(client, case, action="hide", reason="x").status_code == 403
    # Viewing the queue is not deciding: a view-only moderator sees no form and cannot post.
    helper.user_permissions.add(Permission.objects.get(codename="view_case"))
    assert client.get(f"{QUEUE}{case.pk}/change/").status_code == 200
    assert "Apply the decision" not in client.get(f"{QUEUE}{case.pk}/change/").content.decode()
    assert _decide(client, case, action="hide", reason="x").status_code == 403
    update.refresh_from_db()
    assert update.hidden_at is None


def test_concurrent_reports_keep_exact_counts():
    """One row per person and thing (the constraint) and the case counter agree."""
    update = make_update()[0]
    reporters = [UserFactory() for _ in range(4)]
    for reporter in reporters:
        _report(update, reporter=reporter)
    case = Case.objects.get()
    assert case.report_count == Report.objects.filter(case=case).count() == 4


@pytest.mark.parametrize("count", [3, 30])
def test_queue_changelist_query_count(client, moderator, django_assert_num_queries, count):
    content_type = ContentType.objects.get_for_model(UpdateFactory._meta.model)
    for _ in range(count):
        update, author, _ = make_update()
        Case.objects.create(
            content_type=content_type, object_id=update.pk, author=author, report_count=1,
            severity=1, excerpt=update.title, last_reported_at=timezone.now(),
        )  # fmt: skip
    # session, user, the admin's MFA check (3), count, total count, page, the unread-notifications
    # badge (the kind filter reads the content-type cache)
    with django_assert_num_queries(9):
        response = client.get(QUEUE)
    assert response.context["cl"].result_count == count


def test_staff_lift_a_suspension_from_the_user_admin(client, moderator):
    member = UserFactory()
    services.user_suspend(
        user=member, moderator=moderator, reason="Spam.",
        until=timezone.now() + datetime.timedelta(days=3),
    )  # fmt: skip

    client.post(
        "/en/admin/accounts/user/",
        {"action": "lift_suspension", "_selected_action": [member.pk]},
    )

    member.refresh_from_db()
    assert member.suspended_until is None
    assert Decision.objects.filter(subject=member, action=Decision.Action.UNSUSPEND).exists()
    assert AuditEntry.objects.filter(action="moderation.unsuspend", actor=moderator).exists()


def test_hide_and_restore_switch_the_page_between_404_and_200(client, moderator):
    from tests.moderation.test_reports import make_initiative

    initiative, author, reporter = make_initiative()
    _report(initiative, reporter=reporter)
    case = Case.objects.get()
    url = initiative.get_absolute_url()
    visitor, member, own = type(client)(), type(client)(), type(client)()
    member.force_login(reporter)
    own.force_login(author)

    _decide(client, case, action="hide", reason="Fake organisation collecting data.")

    assert visitor.get(url).status_code == 404
    assert member.get(url).status_code == 404
    assert own.get(url).status_code == 200
    assert client.get(url).status_code == 200  # staff
    assert member.get(f"/api/v1/initiatives/{initiative.slug}/").status_code == 404

    _decide(client, case, action="restore", reason="Verified by phone.")

    assert visitor.get(url).status_code == 200
    assert member.get(f"/api/v1/initiatives/{initiative.slug}/").status_code == 200


def test_a_moderator_never_decides_on_their_own_contribution(client, moderator):
    update = UpdateFactory(author=moderator)
    _report(update, reporter=UserFactory(display_name="Hidden Reporter"))
    case = Case.objects.get()

    page = client.get(f"{QUEUE}{case.pk}/change/")

    assert "Hidden Reporter" not in page.content.decode()
    assert "Apply the decision" not in page.content.decode()
    assert _decide(client, case, action="dismiss").status_code == 403
    with pytest.raises(ValidationError, match="another moderator"):
        services.case_dismiss(case=case, moderator=moderator)
    assert Case.objects.get().state == Case.State.OPEN


def test_restore_is_only_for_hidden_things(client, moderator):
    update = make_update()[0]
    _report(update)

    response = _decide(client, Case.objects.get(), action="restore", reason="Fine.")

    assert response.status_code == 200
    assert "dismiss it" in response.content.decode()
    assert not Decision.objects.exists()  # the author is not told anything


def test_a_decision_on_a_case_that_changed_since_it_was_opened_is_refused(client, moderator):
    update = make_update()[0]
    _report(update)
    case = Case.objects.get()
    seen = case.updated_at.isoformat()
    _report(update, "danger")  # a new report arrives while the moderator reads

    response = client.post(
        f"{QUEUE}{case.pk}/change/", {"seen": seen, "action": "dismiss", "reason": ""}
    )

    assert response.status_code == 200
    assert "changed since you opened it" in response.content.decode()
    assert Case.objects.get().state == Case.State.OPEN
    assert _decide(client, case, action="dismiss").status_code == 302  # after reading it again


def test_nobody_is_warned_in_an_initiative_creators_name_over_an_event(client, moderator):
    from tests.moderation.test_reports import make_event

    event, creator, _ = make_event()
    _report(event)

    response = _decide(client, Case.objects.get(), action="warn", reason="Spam.")

    assert "no single author" in response.content.decode()
    assert not Decision.objects.filter(subject=creator).exists()


def test_warning_over_an_automatically_hidden_thing_keeps_the_case_open(moderator, settings):
    settings.MODERATION_AUTO_HIDE_REPORTS = 1
    settings.MODERATION_REPORTER_MIN_AGE_DAYS = 0
    update, author, _ = make_update()
    _report(update)

    services.user_warn(user=author, moderator=moderator, reason="Civil.", case=Case.objects.get())

    case = Case.objects.get()
    assert (case.state, case.auto_hidden) == (Case.State.OPEN, True)  # hide or restore it next


def test_odd_case_addresses_answer_404(client, moderator):
    for bad in ("abc", "99999999999999999999", "%C2%B2"):
        assert client.get(f"{QUEUE}{bad}/change/").status_code == 404
    assert client.get(f"{QUEUE}999999/change/").status_code == 404
