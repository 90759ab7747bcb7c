"""Reads for moderation: the thing behind a (kind, reference) pair, if this person may see it."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db.models import Model
from django.http import Http404
from django.utils import timezone

from humena.moderation.models import Case
from humena.moderation.registry import Kind, can_see_hidden, kind_for_key, kind_for_model


def reportable_get(*, key: str, ref: str, user) -> tuple[Kind, Model]:
    """The thing and its kind; 404 when the kind is unknown, the reference malformed, the thing
    missing, or this person may not see it (one cannot report, or learn of, what one cannot
    see)."""
    kind = kind_for_key(key)
    if kind is None:
        raise Http404
    field = kind.model._meta.pk if kind.lookup == "pk" else kind.model._meta.get_field(kind.lookup)
    try:
        value = field.to_python(ref)
        obj = kind.model._default_manager.filter(**{kind.lookup: value}).first()
    except (ValidationError, ValueError, OverflowError):
        raise Http404 from None
    if obj is None or not can_see_hidden(user, obj) or not kind.can_view(user, obj):
        raise Http404
    return kind, obj


def report_refs(reports) -> dict[int, tuple[str, str]]:
    """{report id: (kind, reference)} for reports whose cases are loaded: the references a
    person used (a profile's public_id, not its row id), one query per kind addressed otherwise."""
    by_report = {}
    wanted: dict = {}
    for report in reports:
        model = ContentType.objects.get_for_id(report.case.content_type_id).model_class()  # cached
        kind = kind_for_model(model)
        by_report[report.pk] = (kind, report.case.object_id)
        if kind is not None and kind.lookup != "pk":
            wanted.setdefault(kind, set()).add(report.case.object_id)
    looked_up = {
        kind: dict(kind.model._default_manager.filter(pk__in=ids).values_list("pk", kind.lookup))
        for kind, ids in wanted.items()
    }
    refs = {}
    for report_id, (kind, object_id) in by_report.items():
        if kind is None:
            refs[report_id] = ("", str(object_id))
        elif kind.lookup == "pk":
            refs[report_id] = (kind.key, str(object_id))
        else:
            refs[report_id] = (kind.key, str(looked_up[kind].get(object_id, "")))
    return refs


def case_item(case: Case) -> Model | None:
    """The reported thing, or None if its author deleted it."""
    model = case.content_type.model_class()
    return model._default_manager.filter(pk=case.object_id).first() if model else None


def user_suspended(user) -> bool:
    until = getattr(user, "suspended_until", None)
    return until is not None and until > timezone.now()
