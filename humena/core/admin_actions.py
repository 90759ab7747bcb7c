"""Admin actions shared by every app."""

import csv

from django.contrib import admin
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


@admin.action(description=_("Export selected rows as CSV"))
def export_as_csv(modeladmin, request, queryset):
    """Export the changelist's columns for the selected rows.

    Columns are the model admin's `csv_fields` (or its `list_display` when it has none), so staff
    get what they see, and a model can leave out what must not leave the site.
    """
    from humena.audit.services import audit_record

    fields = list(getattr(modeladmin, "csv_fields", None) or modeladmin.list_display)
    fields = [field for field in fields if field != "action_checkbox"]
    model = queryset.model
    # Columns that are foreign keys come in the same query, not one query per row.
    if foreign_keys := [field for field in fields if _is_foreign_key(model, field)]:
        queryset = queryset.select_related(*foreign_keys)
    stamp = timezone.now().strftime("%Y%m%d-%H%M")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{model._meta.model_name}-{stamp}.csv"'
    response.write("\ufeff")  # a BOM, so spreadsheet programs read Arabic as UTF-8
    writer = csv.writer(response)
    writer.writerow([_label(modeladmin, model, field) for field in fields])
    count = 0
    for obj in queryset:
        writer.writerow([_csv_safe(_value(modeladmin, obj, field)) for field in fields])
        count += 1
    audit_record(actor=request.user, action="export.csv", model=model._meta.label_lower, rows=count)
    return response


def _is_foreign_key(model, name: str) -> bool:
    from django.core.exceptions import FieldDoesNotExist

    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return False  # a method or an admin display function
    return bool(field.many_to_one or field.one_to_one) and field.concrete


def _label(modeladmin, model, field: str) -> str:
    from django.contrib.admin.utils import label_for_field

    return str(label_for_field(field, model, modeladmin))


def _value(modeladmin, obj, field: str):
    from django.contrib.admin.utils import lookup_field

    _, _, value = lookup_field(field, obj, modeladmin)
    return "" if value is None else value


def _csv_safe(value) -> str:
    """Neutralise spreadsheet formulas (CSV injection): a cell may not start with = + - @."""
    text = str(value)
    if text and text[0] in "=+-@\t\r":
        return "'" + text
    return text


def apply_to_each(modeladmin, request, objects, act, *, history: str, done) -> int:
    """An admin action that runs a service per selected object: `act(obj)` for each, with a
    refusal (ValidationError, PermissionDenied) reported by the object's name and the others
    carried on; each success goes to the change history as `history`; `done(n)` is the message
    for n successes. Returns n."""
    from django.contrib import messages
    from django.core.exceptions import PermissionDenied, ValidationError
    from django.utils.translation import gettext

    changed = 0
    for obj in objects:
        try:
            act(obj)
        except (ValidationError, PermissionDenied) as error:
            text = " ".join(getattr(error, "messages", [])) or gettext("Not allowed.")
            modeladmin.message_user(request, f"{obj}: {text}", messages.ERROR)
            continue
        modeladmin.log_change(request, obj, history)
        changed += 1
    if changed:
        modeladmin.message_user(request, done(changed), messages.SUCCESS)
    return changed
