"""What moderation tells people (registered with the notification registry).

All four are `urgent`: emailed at once (a suspended person cannot sign in to read the site), in the
reader's language. Reporters are told whether action was taken, never what it was.
"""

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _

from humena.moderation.models import Case, Decision, Report
from humena.notifications.events import Event as Name
from humena.notifications.models import Category
from humena.notifications.registry import Description, EventKind, register

REFS = {"case_id": Case, "decision_id": Decision}


def _inbox() -> str:
    return reverse("notifications:inbox")


def _author(payload, actor_id):
    return (
        Case.objects.filter(pk=payload["case_id"], author__isnull=False)
        .values_list("author_id", flat=True)
        .distinct()
    )


def _subject(payload, actor_id):
    return (
        Decision.objects.filter(pk=payload["decision_id"], subject__isnull=False)
        .values_list("subject_id", flat=True)
        .distinct()
    )


def _reporters(payload, actor_id):
    return (
        Report.objects.filter(
            case_id=payload["case_id"],
            pk__gte=payload["from_report_id"],
            pk__lte=payload["to_report_id"],
            reporter__isnull=False,
        )
        .values_list("reporter_id", flat=True)
        .distinct()
    )


def _item_label(case: Case | None) -> str:
    if case is None:
        return _("contribution")
    model = ContentType.objects.get_for_id(case.content_type_id).model_class()  # cached
    return str(model._meta.verbose_name)


def _describe_decision(payload: dict, objects: dict) -> Description:
    case, decision = objects.get("case_id"), objects.get("decision_id")
    what = {"item": _item_label(case)}
    titles = {
        "auto_hide": _(
            "Your %(item)s was hidden after several reports, until a moderator reviews it"
        ),
        "hide": _("Your %(item)s was hidden by the moderators"),
        "restore": _("Your %(item)s is visible again"),
    }
    title = titles.get(payload.get("action"), titles["hide"]) % what
    return Description(
        title=title,
        url=_inbox(),
        group_key=f"moderation:{payload['case_id']}",
        group_title=_("Moderation"),
        body=decision.reason if decision else "",
    )


def _describe_outcome(payload: dict, objects: dict) -> Description:
    if payload.get("action_taken"):
        title = _("Thank you for your report: the moderators took action")
    else:
        title = _(
            "Thank you for your report: the moderators reviewed it and found no breach of the rules"
        )
    return Description(
        title=title, url=_inbox(), group_key="moderation:reports", group_title=_("Moderation")
    )


def _describe_warning(payload: dict, objects: dict) -> Description:
    decision = objects.get("decision_id")
    return Description(
        title=_("A warning from the moderators"),
        url=_inbox(),
        group_key="moderation:account",
        group_title=_("Moderation"),
        body=decision.reason if decision else "",
    )


def _describe_suspension(payload: dict, objects: dict) -> Description:
    decision = objects.get("decision_id")
    until = formats.date_format(decision.until, "DATE_FORMAT") if decision else ""
    return Description(
        title=_("Your account is suspended until %(date)s") % {"date": until},
        url=reverse("home"),
        group_key="moderation:account",
        group_title=_("Moderation"),
        body=decision.reason if decision else "",
    )


def register_all() -> None:
    for name, recipients, describe in (
        (Name.MODERATION_ITEM_DECIDED, _author, _describe_decision),
        (Name.MODERATION_REPORT_OUTCOME, _reporters, _describe_outcome),
        (Name.MODERATION_WARNING, _subject, _describe_warning),
        (Name.MODERATION_SUSPENSION, _subject, _describe_suspension),
    ):
        register(
            EventKind(
                name=str(name),
                category=Category.ACCOUNT,
                recipients=recipients,
                describe=describe,
                refs=REFS,
                urgent=True,
            )
        )
