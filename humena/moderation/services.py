"""Reports and what moderators decide (docs/moderation.md).

Every decision writes a `Decision` (the history staff read), an audit entry, and tells the people
concerned through the notification pipeline: the author learns what happened to their thing and
why; reporters learn whether action was taken, never what it was against the author.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from humena.accounts.models import User
from humena.audit.services import audit_record
from humena.core.mfa import has_staff_powers
from humena.moderation.models import SEVERITY, Case, Decision, Report
from humena.moderation.registry import kind_for_model
from humena.moderation.selectors import case_item
from humena.notifications.events import Event
from humena.notifications.services import event_emit

EXCERPT_LENGTH = 2000


class AlreadyReported(ValidationError):  # noqa: N818 - reads as what happened
    def __init__(self):
        super().__init__(
            _("You have already reported this. Moderators will look at it; thank you."),
            code="already_reported",
        )


def _excerpt(obj: Model) -> str:
    kind = kind_for_model(type(obj))
    return kind.excerpt(obj)[:EXCERPT_LENGTH] if kind else ""


def _case_for(obj: Model) -> Case:
    """The item's case, created on its first report and locked for the rest of the transaction."""
    content_type = ContentType.objects.get_for_model(type(obj))
    kind = kind_for_model(type(obj))
    author = kind.author(obj) if kind else None
    case, _created = Case.objects.get_or_create(
        content_type=content_type,
        object_id=obj.pk,
        defaults={"author": author, "excerpt": _excerpt(obj)},
    )
    return Case.objects.select_for_update().get(pk=case.pk)


def _set_hidden(obj: Model, hidden: bool) -> None:
    obj.hidden_at = timezone.now() if hidden else None
    type(obj)._default_manager.filter(pk=obj.pk).update(hidden_at=obj.hidden_at)


def _threshold_reached(case: Case) -> bool:
    """Enough established reporters since the last decision to hide at once.

    Only accounts older than `MODERATION_REPORTER_MIN_AGE_DAYS` with a verified address count, so
    that a handful of throwaway accounts cannot silence someone; and the work of staff and of
    trusted organisers is never hidden automatically (it waits in the queue like the rest).
    """
    author = case.author
    if author is not None and (author.is_staff or author.is_trusted_organiser):
        return False
    if case.open_reports < settings.MODERATION_AUTO_HIDE_REPORTS:
        return False  # no query while the plain count is below the threshold
    joined_before = timezone.now() - timedelta(days=settings.MODERATION_REPORTER_MIN_AGE_DAYS)
    since = {"created_at__gt": case.decided_at} if case.decided_at else {}
    established = (
        case.reports.filter(
            reporter__date_joined__lte=joined_before,
            reporter__emailaddress__verified=True,
            **since,
        )
        .values("reporter")
        .distinct()
        .count()
    )
    return established >= settings.MODERATION_AUTO_HIDE_REPORTS


@transaction.atomic
def report_create(*, reporter: User, obj: Model, reason: str, note: str = "") -> Report:
    """One report per person and thing. Reports from `MODERATION_AUTO_HIDE_REPORTS` different
    people since the last decision hide the thing at once, pending review."""
    kind = kind_for_model(type(obj))
    if kind is None:
        raise ValidationError(_("This cannot be reported."), code="not_reportable")
    author = kind.author(obj)
    if author is not None and author.pk == reporter.pk:
        raise ValidationError(_("You cannot report something you wrote."), code="own_item")
    case = _case_for(obj)
    if case.reports.filter(reporter=reporter).exists():
        raise AlreadyReported
    try:
        with transaction.atomic():
            report = Report.objects.create(
                case=case, reporter=reporter, reason=reason, note=note.strip()
            )
    except IntegrityError as error:  # the same person twice at the same instant
        raise AlreadyReported from error
    case.report_count += 1
    case.open_reports += 1
    case.severity += SEVERITY[reason]
    case.last_reported_at = report.created_at
    case.excerpt = _excerpt(obj)
    if case.state != Case.State.HIDDEN:
        case.state = Case.State.OPEN
    if case.state == Case.State.OPEN and obj.hidden_at is None and _threshold_reached(case):
        _set_hidden(obj, True)
        case.auto_hidden = True
        Decision.objects.create(
            case=case,
            subject=case.author,
            action=Decision.Action.AUTO_HIDE,
            reason=f"{case.open_reports} reports",
        )
        audit_record(
            actor=None, action="moderation.auto_hide", target=case, reports=case.open_reports
        )
        _tell_author(case, Decision.Action.AUTO_HIDE)
    case.save()
    return report


# --- Decisions on a case ---------------------------------------------------------------------


def _require_moderator(moderator: User) -> None:
    if not (has_staff_powers(moderator) and moderator.has_perm("moderation.change_case")):
        raise PermissionDenied


def _require_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Give a reason: the author reads it.")}, code="required")
    return reason


def _close(case: Case, *, state: str) -> None:
    """The case leaves the queue; the reports received so far count as reviewed."""
    case.state = state
    case.auto_hidden = False
    case.open_reports = 0
    case.decided_at = timezone.now()
    case.save(update_fields=["state", "open_reports", "decided_at", "auto_hidden", "updated_at"])


def _require_personal_author(case: Case | None) -> None:
    """Events and needs are written by an initiative's organisers together: hide them, but
    nobody is warned or suspended in the creator's name over them."""
    if case is None:
        return
    kind = kind_for_model(ContentType.objects.get_for_id(case.content_type_id).model_class())
    if kind is not None and not kind.personal_author:
        raise ValidationError(
            _(
                "This has no single author (the initiative's organisers write it together): hide "
                "it instead, or decide on something a person wrote."
            ),
            code="no_personal_author",
        )


def _author_action_closes(case: Case | None) -> None:
    """A warning or suspension given from a case settles it: reporters hear action was taken."""
    if case is None:
        return
    case = Case.objects.select_for_update().get(pk=case.pk)
    # Hidden automatically: it stays in the queue until someone hides or restores the thing.
    if case.state == Case.State.OPEN and not case.auto_hidden:
        _close(case, state=Case.State.ACTIONED)
    _tell_reporters(case, action_taken=True)


def _decide(
    case: Case, *, moderator: User, action: str, reason: str, state: str, hidden: bool | str | None
) -> Decision:
    """Lock the case, show or hide its item (`hidden`: None leaves it as it is; "auto" shows it
    again if the threshold hid it), record the decision."""
    _require_moderator(moderator)
    case = Case.objects.select_for_update().select_related("content_type").get(pk=case.pk)
    if case.author_id == moderator.pk:
        raise ValidationError(
            _("This is about something you wrote: another moderator decides."), code="own_case"
        )
    if hidden == "auto":
        hidden = False if case.auto_hidden else None
    item = case_item(case)
    if item is not None and hidden is not None and (item.hidden_at is not None) != hidden:
        _set_hidden(item, hidden)
    _close(case, state=state)
    decision = Decision.objects.create(
        case=case, subject=case.author, action=action, reason=reason, decided_by=moderator
    )
    audit_record(actor=moderator, action=f"moderation.{action}", target=case, decision=decision.pk)
    return decision


@transaction.atomic
def case_dismiss(*, case: Case, moderator: User, reason: str = "") -> Decision:
    """Nothing against the rules: the thing is shown again if the threshold had hidden it."""
    decision = _decide(
        case, moderator=moderator, action=Decision.Action.DISMISS, reason=reason.strip(),
        state=Case.State.DISMISSED, hidden="auto",
    )  # fmt: skip
    _tell_reporters(decision.case, action_taken=False)
    return decision


@transaction.atomic
def case_hide(*, case: Case, moderator: User, reason: str) -> Decision:
    """The thing answers 404 to everyone but its author and staff; the author is told why."""
    decision = _decide(
        case, moderator=moderator, action=Decision.Action.HIDE, reason=_require_reason(reason),
        state=Case.State.HIDDEN, hidden=True,
    )  # fmt: skip
    _tell_author(decision.case, Decision.Action.HIDE, decision=decision)
    _tell_reporters(decision.case, action_taken=True)
    return decision


@transaction.atomic
def case_restore(*, case: Case, moderator: User, reason: str) -> Decision:
    """Shown again (a hidden thing reviewed, or an appeal upheld); the author is told."""
    item = case_item(case)
    if item is None or item.hidden_at is None:
        raise ValidationError(
            _("It is not hidden: to close the case without action, dismiss it."), code="not_hidden"
        )
    decision = _decide(
        case, moderator=moderator, action=Decision.Action.RESTORE,
        reason=_require_reason(reason), state=Case.State.RESTORED, hidden=False,
    )  # fmt: skip
    _tell_author(decision.case, Decision.Action.RESTORE, decision=decision)
    return decision


# --- Decisions about a person ----------------------------------------------------------------


def _require_power_over(user: User, moderator: User) -> None:
    _require_moderator(moderator)
    if user.pk == moderator.pk:
        raise ValidationError(_("You cannot warn or suspend yourself."), code="self")
    if user.is_superuser or user.is_staff:
        raise ValidationError(
            _("Staff accounts are not moderated here: ask an administrator."), code="staff"
        )


@transaction.atomic
def user_warn(*, user: User, moderator: User, reason: str, case: Case | None = None) -> Decision:
    _require_power_over(user, moderator)
    _require_personal_author(case)
    reason = _require_reason(reason)
    decision = Decision.objects.create(
        case=case, subject=user, action=Decision.Action.WARN, reason=reason, decided_by=moderator
    )
    audit_record(actor=moderator, action="moderation.warn", target=user, decision=decision.pk)
    event_emit(event=Event.MODERATION_WARNING, actor_id=moderator.pk, decision_id=decision.pk)
    _author_action_closes(case)
    return decision


@transaction.atomic
def user_suspend(
    *, user: User, moderator: User, reason: str, until: datetime, case: Case | None = None
) -> Decision:
    """No sign-in until `until`: every session and the API token end now."""
    from humena.accounts.gdpr import account_sessions_end

    _require_power_over(user, moderator)
    _require_personal_author(case)
    reason = _require_reason(reason)
    if until <= timezone.now():
        raise ValidationError({"until": _("Choose a date in the future.")}, code="past")
    user = User.objects.select_for_update().get(pk=user.pk)
    user.suspended_until = until
    user.save(update_fields=["suspended_until", "updated_at"])
    account_sessions_end(user=user)
    decision = Decision.objects.create(
        case=case, subject=user, action=Decision.Action.SUSPEND, reason=reason,
        until=until, decided_by=moderator,
    )  # fmt: skip
    audit_record(actor=moderator, action="moderation.suspend", target=user, until=until.isoformat())
    event_emit(event=Event.MODERATION_SUSPENSION, actor_id=moderator.pk, decision_id=decision.pk)
    _author_action_closes(case)
    return decision


@transaction.atomic
def user_unsuspend(*, user: User, moderator: User, reason: str = "") -> Decision:
    _require_power_over(user, moderator)
    User.objects.filter(pk=user.pk).update(suspended_until=None, updated_at=timezone.now())
    user.suspended_until = None
    decision = Decision.objects.create(
        subject=user, action=Decision.Action.UNSUSPEND, reason=reason.strip(),
        decided_by=moderator,
    )  # fmt: skip
    audit_record(actor=moderator, action="moderation.unsuspend", target=user)
    return decision


# --- Telling people ---------------------------------------------------------------------------


def _tell_author(case: Case, action: str, *, decision: Decision | None = None) -> None:
    if case.author_id is None:
        return
    event_emit(
        event=Event.MODERATION_ITEM_DECIDED,
        case_id=case.pk,
        action=str(action),
        decision_id=decision.pk if decision else None,
    )


def _tell_reporters(case: Case, *, action_taken: bool) -> None:
    """Each reporter once per decision, told only whether action was taken."""
    waiting = case.reports.filter(outcome_sent_at__isnull=True, reporter__isnull=False)
    ids = list(waiting.values_list("pk", flat=True))
    if not ids:
        return
    # The reports answered now: every report before them was answered by an earlier decision.
    event_emit(
        event=Event.MODERATION_REPORT_OUTCOME,
        case_id=case.pk,
        action_taken=int(action_taken),
        from_report_id=min(ids),
        to_report_id=max(ids),
    )
    waiting.update(outcome_sent_at=timezone.now())
