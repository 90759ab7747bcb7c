"""Choice sets named once, for models and the API schema."""

from django.conf import settings

UI_LANGUAGES = settings.LANGUAGES
