"""Choice sets named once, for models and the API schema."""

from django.conf import settings

UI_LANGUAGES = settings.LANGUAGES


def _countries() -> list[tuple[str, str]]:
    from django_countries import countries

    return [(country.code, country.name) for country in countries]


COUNTRIES = _countries()
