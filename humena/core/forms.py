"""Helpers shared by every app's forms."""

from django.core.exceptions import ValidationError


def form_add_service_errors(form, error: ValidationError) -> None:
    """Put a service's ValidationError on the form: next to the field it names, or on top."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)
