from django.utils.translation import gettext_lazy as _
from django_countries.serializer_fields import CountryField
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers


@extend_schema_field(
    {"type": "string", "description": "ISO 3166-1 alpha-2 country code, or empty.", "example": "DE"}
)
class CountryCodeField(CountryField):
    """A country code in the schema as a plain string (not a 250-value enum per field)."""


@extend_schema_field({"type": "array", "items": {"type": "string"}})
class SlugListField(serializers.Field):
    """Related objects written as a list of slugs and read back the same way, all looked up in
    one query (DRF's SlugRelatedField(many=True) asks once per slug)."""

    default_error_messages = {
        "not_a_list": _("Expected a list of names."),
        "unknown": _("Unknown: {slugs}."),
        "too_many": _("At most {count}."),
    }

    def __init__(self, *, queryset, slug_field: str = "slug", max_length: int = 30, **kwargs):
        self.queryset = queryset
        self.slug_field = slug_field
        self.max_length = max_length
        super().__init__(**kwargs)

    def to_internal_value(self, data) -> list:
        if not isinstance(data, list) or not all(isinstance(item, str) for item in data):
            self.fail("not_a_list")
        wanted = list(dict.fromkeys(data))
        if len(wanted) > self.max_length:
            self.fail("too_many", count=self.max_length)
        found = {
            getattr(obj, self.slug_field): obj
            for obj in self.queryset.filter(**{f"{self.slug_field}__in": wanted})
        }
        unknown = [slug for slug in wanted if slug not in found]
        if unknown:
            self.fail("unknown", slugs=", ".join(unknown))
        return [found[slug] for slug in wanted]

    def to_representation(self, value) -> list[str]:
        return [getattr(obj, self.slug_field) for obj in value.all()]
