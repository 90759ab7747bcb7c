from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.serializer_fields import CountryField
from rest_framework import serializers

from engagement.models import Event, Initiative, Membership, Need, Update
from humena.core.api.fields import SlugListField
from humena.taxonomy.models import Skill, Theme


class InitiativeSerializer(serializers.ModelSerializer):
    themes = SlugListField(queryset=Theme.objects.filter(is_active=True), required=False)
    country = CountryField()
    url = serializers.HyperlinkedIdentityField(
        view_name="engagement-api:initiative-detail", lookup_field="slug"
    )
    # Slugs keep Arabic and accented letters: a plain string in the schema (its SlugField
    # pattern would be ASCII-only for JSON Schema validators).
    slug = serializers.CharField(read_only=True)
    member_count = serializers.SerializerMethodField(
        help_text="Approved members; under 5 it is reported as null (privacy)."
    )
    description_html = serializers.CharField(read_only=True)
    # Accepted precisely, stored rounded to 0.01° (about 1 km).
    latitude = serializers.DecimalField(
        max_digits=9, decimal_places=6, min_value=-90, max_value=90, required=False, allow_null=True
    )
    longitude = serializers.DecimalField(
        max_digits=9,
        decimal_places=6,
        min_value=-180,
        max_value=180,
        required=False,
        allow_null=True,
    )

    class Meta:
        model = Initiative
        fields = [
            "url", "slug", "title", "summary", "description", "description_html", "country",
            "city", "latitude", "longitude", "themes", "language", "status", "visibility",
            "join_policy", "member_count", "created_at", "updated_at",
        ]  # fmt: skip
        read_only_fields = ["slug", "created_at", "updated_at"]

    def get_member_count(self, obj: Initiative) -> int | None:
        return obj.member_count if obj.member_count >= 5 else None

    def validate(self, attrs):
        latitude = attrs.get("latitude", getattr(self.instance, "latitude", None))
        longitude = attrs.get("longitude", getattr(self.instance, "longitude", None))
        if (latitude is None) != (longitude is None):
            missing = "longitude" if longitude is None else "latitude"
            raise serializers.ValidationError(
                {missing: [_("Give both latitude and longitude, or neither.")]}
            )
        return attrs


class MembershipSerializer(serializers.ModelSerializer):
    display_name = serializers.CharField(source="user.display_name", read_only=True)

    class Meta:
        model = Membership
        fields = ["id", "display_name", "role", "status", "joined_at", "created_at"]


class MyMembershipSerializer(serializers.ModelSerializer):
    class Meta:
        model = Membership
        fields = ["role", "status", "joined_at"]


class UpdateSerializer(serializers.ModelSerializer):
    body_html = serializers.CharField(read_only=True)

    class Meta:
        model = Update
        fields = ["id", "title", "body", "body_html", "visibility", "created_at"]


class LocalDateTimeField(serializers.DateTimeField):
    """A time without a UTC offset is read in the event's own `time_zone` (by the service),
    not in the server's zone."""

    def enforce_timezone(self, value):
        if timezone.is_naive(value):
            return value
        return super().enforce_timezone(value)


class EventSerializer(serializers.ModelSerializer):
    starts_at = LocalDateTimeField(
        help_text="ISO 8601. Without an offset, read in the event's time_zone."
    )
    ends_at = LocalDateTimeField(
        help_text="ISO 8601. Without an offset, read in the event's time_zone."
    )

    class Meta:
        model = Event
        fields = [
            "id", "title", "description", "starts_at", "ends_at", "time_zone", "mode", "city",
            "capacity", "going_count", "visibility", "status",
        ]  # fmt: skip
        read_only_fields = ["going_count", "status"]

    def validate(self, attrs):
        starts, ends = attrs.get("starts_at"), attrs.get("ends_at")
        if starts and ends and timezone.is_naive(starts) != timezone.is_naive(ends):
            raise serializers.ValidationError(
                {"ends_at": [_("Give both times with a UTC offset, or both without.")]}
            )
        if starts and ends and ends <= starts:
            raise serializers.ValidationError({"ends_at": [_("The end must be after the start.")]})
        return attrs


class NeedSerializer(serializers.ModelSerializer):
    skill = serializers.SlugRelatedField(
        slug_field="slug", queryset=Skill.objects.filter(is_active=True)
    )

    class Meta:
        model = Need
        fields = [
            "id", "skill", "quantity", "description", "remote_possible", "language", "until",
            "status",
        ]  # fmt: skip
        read_only_fields = ["status"]
