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


@register.filter
def is_choice_list(field) -> bool:
    """Radio buttons or checkboxes for several choices: a fieldset with one label per choice."""
    return isinstance(field.field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple)


@register.simple_tag
def choice_options(field) -> list:
    """The choices of a radio or multiple-checkbox field, each input with Bootstrap's class."""
    from django.forms.boundfield import BoundWidget

    widget_obj = field.field.widget
    attrs = field.build_widget_attrs({"id": widget_obj.attrs.get("id") or field.auto_id})
    attrs["class"] = f"{widget_obj.attrs.get('class', '')} form-check-input".strip()
    if field.errors:
        attrs["class"] += " is-invalid"
        attrs["aria-invalid"] = "true"
    subwidgets = widget_obj.subwidgets(field.html_name, field.value(), attrs=attrs)
    return [BoundWidget(widget_obj, sub, field.form.renderer) for sub in subwidgets]
