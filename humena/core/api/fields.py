from django_countries.serializer_fields import CountryField
from drf_spectacular.utils import extend_schema_field


@extend_schema_field(
    {"type": "string", "description": "ISO 3166-1 alpha-2 country code, or empty.", "example": "DE"}
)
class CountryCodeField(CountryField):
    """A country code in the schema as a plain string (not a 250-value enum per field)."""
