"""Choice sets named once, for models and the API schema."""

from django.conf import settings

UI_LANGUAGES = settings.LANGUAGES


def _countries() -> list[tuple[str, str]]:
    from django_countries import countries

    return [(country.code, country.name) for country in countries]


COUNTRIES = _countries()


def language_choices() -> list[tuple[str, str]]:
    """Every language Django knows, named in the reader's language, sorted by that name."""
    from django.conf.global_settings import LANGUAGES
    from django.utils.translation import gettext

    return sorted(((code, gettext(name)) for code, name in LANGUAGES), key=lambda c: c[1])
