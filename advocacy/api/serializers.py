from django.conf import settings
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from advocacy.models import (
    Campaign,
    CampaignAction,
    CampaignUpdate,
    Interaction,
    Letter,
    Pledge,
    Position,
    Signature,
    Stakeholder,
)
from humena.core.api.challenge import ChallengeFieldsSerializer
from humena.core.api.fields import CountryCodeField


class CampaignSerializer(serializers.ModelSerializer):
    """A published campaign's public fields."""

    url = serializers.HyperlinkedIdentityField(
        view_name="advocacy-api:campaign-detail", lookup_field="slug"
    )
    slug = serializers.CharField(read_only=True)  # Unicode letters: a plain string in the schema
    outcome = serializers.ChoiceField(
        choices=Campaign.Outcome.choices,
        allow_blank=True,
        read_only=True,
        help_text="Empty until the campaign closes.",
    )
    asks = serializers.ListField(source="ask_list", child=serializers.CharField(), read_only=True)
    themes = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    countries = serializers.SerializerMethodField()
    progress_percent = serializers.IntegerField(read_only=True, help_text="0 to 100.")
    image = serializers.ImageField(read_only=True, allow_null=True)

    class Meta:
        model = Campaign
        fields = [
            "slug", "url", "title", "summary", "description_html", "asks", "themes", "countries",
            "language", "status", "outcome", "goal", "signature_count", "progress_percent",
            "petition_text", "starts_at", "ends_at", "launched_at", "closed_at", "image",
        ]  # fmt: skip
        read_only_fields = fields

    def get_countries(self, obj: Campaign) -> list[str]:
        return [country.code for country in obj.countries]


class CampaignActionSerializer(serializers.ModelSerializer):
    """What members can do besides signing: post its `id` to `letters/` or `pledges/`."""

    target = serializers.CharField(
        source="target.stakeholder.name", read_only=True, allow_null=True, default=None
    )

    class Meta:
        model = CampaignAction
        fields = [
            "id", "kind", "title", "description", "target", "letter_subject", "letter_body",
            "followup_days", "followup_question",
        ]  # fmt: skip
        read_only_fields = fields


class CampaignDetailSerializer(CampaignSerializer):
    consent_version = serializers.SerializerMethodField(
        help_text="Send it back with a signature: the version of the text the signer agreed to."
    )
    consent_text = serializers.SerializerMethodField(
        help_text="What signers agree to, in the request's language (Accept-Language)."
    )
    actions = serializers.SerializerMethodField()

    class Meta(CampaignSerializer.Meta):
        fields = [*CampaignSerializer.Meta.fields, "consent_version", "consent_text", "actions"]
        read_only_fields = fields

    def get_consent_version(self, obj: Campaign) -> int:
        return self.context["consent"].version

    def get_consent_text(self, obj: Campaign) -> str:
        return self.context["consent"].text_in(self.context["language"])

    @extend_schema_field(CampaignActionSerializer(many=True))
    def get_actions(self, obj: Campaign) -> list[dict]:
        return CampaignActionSerializer(self.context["actions"], many=True).data


class SignatureRequestSerializer(ChallengeFieldsSerializer):
    email = serializers.EmailField(max_length=254)
    name = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")
    show_name = serializers.BooleanField(
        default=False, help_text="Show the name on the public list of signers (needs a name)."
    )
    country = CountryCodeField(required=False, allow_blank=True, default="")
    keep_informed = serializers.BooleanField(
        default=False, help_text="Send news of this campaign to this address."
    )
    consent_version = serializers.IntegerField(
        min_value=1, max_value=32767, help_text="The campaign's `consent_version`."
    )
    language = serializers.ChoiceField(
        choices=settings.LANGUAGES,
        required=False,
        help_text="Of the emails; the request's language (Accept-Language) by default.",
    )


class SignatureResultSerializer(serializers.Serializer):
    status = serializers.CharField(
        help_text="`confirmation_sent` (202): check the inbox to confirm. `confirmed` (201): the "
        "signature counts already (a signed-in member's own verified address)."
    )


class InteractionSerializer(serializers.ModelSerializer):
    date = serializers.DateField(source="happened_on", read_only=True)

    class Meta:
        model = Interaction
        fields = ["date", "kind", "summary", "evidence_url", "position"]
        read_only_fields = fields


class TargetStakeholderSerializer(serializers.ModelSerializer):
    """Only what the stakeholder publishes: never the staff's notes and contacts, nor the
    address members' letters are sent to."""

    country = CountryCodeField(read_only=True)
    public_website = serializers.SerializerMethodField(help_text="null when none is published.")

    class Meta:
        model = Stakeholder
        fields = ["name", "kind", "country", "public_website"]
        read_only_fields = fields

    def get_public_website(self, obj) -> str | None:
        return obj.public_website or None


class TargetSerializer(serializers.Serializer):
    """A selectors.TargetRecord: a target, its position, and its public interactions."""

    id = serializers.IntegerField(source="target.id", read_only=True)
    stakeholder = TargetStakeholderSerializer(source="target.stakeholder", read_only=True)
    ask = serializers.CharField(source="target.ask", read_only=True)
    position = serializers.ChoiceField(
        source="target.position", choices=Position.choices, read_only=True
    )
    position_since = serializers.DateField(
        source="target.position_since", read_only=True, allow_null=True
    )
    latest_interaction = InteractionSerializer(source="latest", read_only=True, allow_null=True)
    interactions = InteractionSerializer(
        source="target.history", many=True, read_only=True, help_text="Newest first."
    )


class CampaignUpdateSerializer(serializers.ModelSerializer):
    class Meta:
        model = CampaignUpdate
        fields = ["id", "title", "body_html", "created_at"]
        read_only_fields = fields


class SignatureExportSerializer(serializers.ModelSerializer):
    """A confirmed signature, for campaign staff: only what its signer consented to share. The
    name only of signers who chose to be named; the address only of those who asked for news."""

    country = CountryCodeField(read_only=True)
    name = serializers.CharField(
        source="public_name", read_only=True, help_text="Empty unless show_name is true."
    )
    email = serializers.SerializerMethodField(help_text="Only when keep_informed is true.")

    class Meta:
        model = Signature
        fields = ["id", "name", "show_name", "country", "confirmed_at", "keep_informed", "email"]
        read_only_fields = fields

    def get_email(self, obj: Signature) -> str | None:
        return obj.email if obj.keep_informed else None


class LetterRequestSerializer(serializers.Serializer):
    action = serializers.IntegerField(
        min_value=1, max_value=2**62, help_text="The `id` of one of the campaign's letter actions."
    )
    # Blank is parsed here and refused by the service, with the same messages as the page.
    subject = serializers.CharField(max_length=200, allow_blank=True)
    body = serializers.CharField(allow_blank=True)
    signed_as = serializers.CharField(
        max_length=100,
        required=False,
        allow_blank=True,
        default="",
        help_text="Your display name by default; a pseudonym if that is safer.",
    )
    reply_to_me = serializers.BooleanField(
        default=False, help_text="Let the target reply to your email address (off by default)."
    )


class LetterSerializer(serializers.ModelSerializer):
    target_name = serializers.CharField(source="target.stakeholder.name", read_only=True)
    copy_text = serializers.SerializerMethodField(
        help_text="When status is `copy` (the target publishes no email address): the full "
        "letter, to send by post, fax or their website's form. Otherwise null."
    )

    class Meta:
        model = Letter
        fields = [
            "id", "action", "status", "target_name", "subject", "body", "signed_as",
            "reply_to_me", "copy_text", "created_at",
        ]  # fmt: skip
        read_only_fields = fields

    def get_copy_text(self, obj: Letter) -> str | None:
        if obj.status != Letter.Status.COPY:
            return None
        return f"{obj.subject}\n\n{obj.body}\n\n{obj.signed_as}"


class PledgeRequestSerializer(serializers.Serializer):
    action = serializers.IntegerField(
        min_value=1, max_value=2**62, help_text="The `id` of one of the campaign's pledges."
    )


class PledgeSerializer(serializers.ModelSerializer):
    class Meta:
        model = Pledge
        fields = ["id", "action", "followup_due_at", "answer", "answered_at", "created_at"]
        read_only_fields = fields


class StakeholderSerializer(serializers.ModelSerializer):
    """Everything about a stakeholder, private notes and contacts included: campaign staff
    only."""

    country = CountryCodeField(read_only=True)
    related = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = Stakeholder
        fields = [
            "id", "name", "kind", "country", "influence", "public_email", "public_website",
            "private_notes", "private_contacts", "related", "created_at", "updated_at",
        ]  # fmt: skip
        read_only_fields = fields
