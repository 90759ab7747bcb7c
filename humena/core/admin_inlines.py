"""Admin inlines whose rows choose a related object check every row's choice in one query.

Django's ModelChoiceField looks its choice up with a query of its own, so an inline of n rows
(a campaign's targets, each choosing a stakeholder) costs n queries to validate.
"""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet

from humena.core.numbers import digits_to_int


class PreloadedModelChoiceField(forms.ModelChoiceField):
    """Checks its choice against rows its formset loaded for all rows at once (`preloaded`, by
    primary key), when given them; on its own it behaves as Django's field."""

    preloaded: dict | None = None

    def to_python(self, value):
        if self.preloaded is None or value in self.empty_values:
            return super().to_python(value)
        key = digits_to_int(str(value))
        choice = self.preloaded.get(key) if key is not None else None
        if choice is None:
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            )
        return choice


class PreloadedChoicesFormSet(BaseInlineFormSet):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            return
        for name in self.preloaded_fields:
            fields = [form.fields[name] for form in self.forms if name in form.fields]
            if not fields:
                continue
            values = {self.data.get(form.add_prefix(name), "") for form in self.forms}
            # One query for every row, through the field's own queryset (its limits stay).
            keys = {digits_to_int(str(value)) for value in values} - {None}
            preloaded = fields[0].queryset.in_bulk(list(keys))
            for field in fields:
                field.preloaded = preloaded


class PreloadedChoicesInline(admin.options.InlineModelAdmin):
    """An inline whose `preloaded_fields` (foreign keys chosen by primary key) are validated in
    one query for all rows."""

    formset = PreloadedChoicesFormSet
    preloaded_fields: tuple[str, ...] = ()

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.preloaded_fields = self.preloaded_fields
        return formset

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in self.preloaded_fields:
            kwargs["form_class"] = PreloadedModelChoiceField
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
