"""Render form fields with Bootstrap classes and accessible error wiring, without JavaScript."""

from django import forms, template

register = template.Library()

CHECK_WIDGETS = (forms.CheckboxInput, forms.RadioSelect, forms.CheckboxSelectMultiple)


@register.filter
def is_check(field) -> bool:
    return isinstance(field.field.widget, CHECK_WIDGETS)


@register.simple_tag
def widget(field):
    """The field's widget with its class, aria-invalid and aria-describedby set."""
    widget_obj = field.field.widget
    if isinstance(widget_obj, CHECK_WIDGETS):
        css = "form-check-input"
    elif isinstance(widget_obj, forms.Select | forms.SelectMultiple):
        css = "form-select"
    else:
        css = "form-control"
    attrs = {"class": f"{widget_obj.attrs.get('class', '')} {css}".strip()}
    described_by = []
    if field.errors:
        attrs["class"] += " is-invalid"
        attrs["aria-invalid"] = "true"
        described_by.append(f"{field.auto_id}_errors")
    if field.help_text:
        described_by.append(f"{field.auto_id}_helptext")
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    return field.as_widget(attrs=attrs)
