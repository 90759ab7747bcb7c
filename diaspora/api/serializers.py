from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from diaspora.models import (
    Contribution,
    DiasporaProfile,
    FieldVisibility,
    Introduction,
    JointProject,
    Network,
    NetworkMembership,
    ProfileLanguage,
    ProfileSkill,
    WorkMode,
)
from humena.core.api.fields import CountryCodeField, SlugListField
from humena.taxonomy.models import Skill, Theme


class ProfileLanguageSerializer(serializers.ModelSerializer):
    class Meta:
        model = ProfileLanguage
        fields = ["language", "level"]


class SkillSlugField(serializers.CharField):
    """A skill by its slug. Written as the slug alone: the profile serializer looks every row's
    skill up in one query (validate_skills) where a related field would ask once per row."""

    def to_representation(self, value) -> str:
        return value.slug


class ProfileSkillSerializer(serializers.ModelSerializer):
    skill = SkillSlugField(max_length=80)
    level = serializers.IntegerField(min_value=1, max_value=4)
    years = serializers.IntegerField(min_value=0, max_value=60, default=0)

    class Meta:
        model = ProfileSkill
        fields = ["skill", "level", "years"]


class OwnProfileSerializer(serializers.ModelSerializer):
    """The signed-in member's own profile: everything, with who may see each part."""

    origin_country = CountryCodeField(allow_blank=True, required=False)
    residence_country = CountryCodeField(allow_blank=True, required=False)
    languages = ProfileLanguageSerializer(many=True, required=False, max_length=12)
    skills = ProfileSkillSerializer(many=True, required=False, max_length=20)
    hours_per_month = serializers.IntegerField(min_value=0, max_value=160, required=False)
    work_mode = serializers.ChoiceField(choices=WorkMode.choices, required=False)
    contributions = serializers.ListField(
        child=serializers.ChoiceField(choices=Contribution.choices), required=False, max_length=6
    )
    visibility = serializers.DictField(
        child=serializers.ChoiceField(choices=FieldVisibility.choices), required=False
    )

    class Meta:
        model = DiasporaProfile
        fields = [
            "public_id", "origin_country", "residence_country", "residence_city", "bio",
            "hours_per_month", "work_mode", "time_zone", "contributions", "consent_to_matching",
            "visibility", "languages", "skills",
        ]  # fmt: skip
        read_only_fields = ["public_id"]

    def validate_languages(self, rows):
        """A language without a level (a PATCH skips nested required fields) is refused."""
        if any("level" not in row for row in rows):
            raise serializers.ValidationError(_("Give a level for each language."))
        return rows

    def validate_skills(self, rows):
        if any("level" not in row for row in rows):
            raise serializers.ValidationError(_("Give a level for each skill."))
        # One query for every row's skill, the same choice as the wizard's (active skills).
        known = Skill.objects.filter(is_active=True).in_bulk(
            {row.get("skill", "") for row in rows}, field_name="slug"
        )
        errors = [
            {} if row.get("skill") in known else {"skill": [_("There is no such skill.")]}
            for row in rows
        ]
        if any(errors):
            raise serializers.ValidationError(errors)
        return [{**row, "skill": known[row["skill"]]} for row in rows]

    def validate_visibility(self, value):
        unknown = set(value) - set(DiasporaProfile.VISIBLE_FIELDS)
        if unknown:
            raise serializers.ValidationError(f"Unknown fields: {', '.join(sorted(unknown))}")
        return value


class NetworkSerializer(serializers.ModelSerializer):
    slug = serializers.CharField(read_only=True)  # Unicode letters: see InitiativeSerializer
    themes = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    focus_countries = serializers.SerializerMethodField()
    member_count = serializers.SerializerMethodField(
        help_text="Approved members; under 5 it is reported as null (privacy)."
    )

    class Meta:
        model = Network
        fields = [
            "slug", "name", "mission", "mission_html", "language", "focus_countries", "themes",
            "visibility", "join_policy", "member_count", "status",
        ]  # fmt: skip

    def get_focus_countries(self, obj: Network) -> list[str]:
        return [country.code for country in obj.focus_countries]

    def get_member_count(self, obj: Network) -> int | None:
        return obj.member_count if obj.member_count >= 5 else None


class NetworkProposalSerializer(serializers.ModelSerializer):
    """A member proposes a network: `status` says whether it waits for review ("in_review") or
    is published (trusted organisers and staff)."""

    slug = serializers.CharField(read_only=True)
    themes = SlugListField(queryset=Theme.objects.filter(is_active=True), required=False)
    focus_countries = serializers.ListField(child=CountryCodeField(), required=False, max_length=30)

    class Meta:
        model = Network
        fields = [
            "slug", "name", "mission", "mission_html", "language", "focus_countries", "themes",
            "visibility", "join_policy", "status",
        ]  # fmt: skip
        read_only_fields = ["mission_html", "status"]


class NetworkMembershipSerializer(serializers.ModelSerializer):
    class Meta:
        model = NetworkMembership
        fields = ["role", "status", "joined_at"]


class JointProjectSerializer(serializers.ModelSerializer):
    initiative = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    network = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = JointProject
        fields = [
            "slug", "title", "summary", "description_html", "status", "initiative", "network",
            "outcome_notes", "created_at",
        ]  # fmt: skip


class MatchSerializer(serializers.Serializer):
    """A pseudonymous card: what the member offers, never who they are."""

    match = serializers.CharField(
        source="reference", help_text="Opaque; send it back to request an introduction."
    )
    skill = serializers.CharField(source="skill.skill.slug")
    level = serializers.IntegerField(source="skill.level")
    years = serializers.IntegerField(source="skill.years")
    residence_country = serializers.CharField(source="profile.residence_country.code")
    origin_country = serializers.CharField(source="profile.origin_country.code")
    languages = serializers.SerializerMethodField()
    hours_per_month = serializers.IntegerField(source="profile.hours_per_month")
    work_mode = serializers.CharField(source="profile.work_mode")
    score = serializers.IntegerField()
    reasons = serializers.ListField(child=serializers.CharField())
    introduced = serializers.BooleanField()

    def get_languages(self, obj) -> list[str]:
        return [language.language for language in obj.profile.languages.all()]


class IntroductionSerializer(serializers.ModelSerializer):
    """Contact details appear only once the member accepted."""

    need = serializers.PrimaryKeyRelatedField(read_only=True)
    initiative = serializers.SlugRelatedField(
        source="need.initiative", slug_field="slug", read_only=True
    )
    contact = serializers.SerializerMethodField()

    class Meta:
        model = Introduction
        fields = ["id", "need", "initiative", "message", "status", "expires_at", "contact"]

    def get_contact(self, obj: Introduction) -> dict | None:
        if obj.status != Introduction.Status.ACCEPTED:
            return None
        viewer = self.context["request"].user
        other = obj.requested_by if viewer.pk == obj.member_id else obj.member
        return {"display_name": other.display_name, "email": other.email}


class IntroductionRequestSerializer(serializers.Serializer):
    need = serializers.IntegerField(min_value=1, max_value=2**62)
    match = serializers.CharField(max_length=500, help_text="The `match` of a matches card.")
    message = serializers.CharField(max_length=2000)
