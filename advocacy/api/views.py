"""The campaigns API: the same selectors and services as the campaign pages."""

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django_countries import countries
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError as ApiValidationError
from rest_framework.response import Response

from advocacy import selectors, services
from advocacy.api.filters import CampaignFilter, StakeholderFilter
from advocacy.api.serializers import (
    CampaignDetailSerializer,
    CampaignSerializer,
    CampaignUpdateSerializer,
    LetterRequestSerializer,
    LetterSerializer,
    PledgeRequestSerializer,
    PledgeSerializer,
    SignatureExportSerializer,
    SignatureRequestSerializer,
    SignatureResultSerializer,
    StakeholderSerializer,
    TargetSerializer,
)
from advocacy.models import Campaign, CampaignAction, Signature, Stakeholder
from humena.core.api.challenge import challenge_check
from humena.core.consent import consent_current
from humena.core.models import ConsentText
from humena.core.ratelimit import client_key

# The services name the signature's consent "consent" (the page's form field); the API's field is
# "consent_version".
SIGNATURE_FIELD_NAMES = {"consent": "consent_version"}

SIGN_EXAMPLE = OpenApiExample(
    "A signature",
    value={
        "email": "amina@example.org",
        "name": "Amina",
        "show_name": True,
        "country": "TN",
        "keep_informed": True,
        "consent_version": 1,
    },
    request_only=True,
)
LETTER_EXAMPLE = OpenApiExample(
    "A letter",
    value={
        "action": 12,
        "subject": "Withdraw the draft law on associations",
        "body": "Dear Minister,\n\nPlease withdraw the draft law on associations.",
        "signed_as": "Amina, Sfax",
        "reply_to_me": False,
    },
    request_only=True,
)


def _language() -> str:
    """The request's language, as one of the site's languages."""
    language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def _campaign_filters(request) -> dict:
    form = CampaignFilter(request.query_params).form
    if not form.is_valid():
        raise ApiValidationError(form.errors)
    data = form.cleaned_data
    country = (data.get("country") or "").strip().upper()
    if country and not countries.alpha2(country):
        raise ApiValidationError({"country": [_("Unknown country code.")]})
    return {
        "country": country,
        "theme": data.get("theme") or "",
        "status": data.get("status") or "",
    }


def _raise_with_api_names(error: DjangoValidationError, names: dict[str, str]):
    if hasattr(error, "error_dict"):
        raise DjangoValidationError(
            {names.get(field, field): errors for field, errors in error.error_dict.items()}
        ) from error
    raise error


SUB_RESOURCE = {"filter_backends": []}  # the list's filters are not theirs


@extend_schema_view(
    list=extend_schema(
        summary="Browse published campaigns (live first; filter by country, theme, status)"
    ),
    retrieve=extend_schema(
        summary="One campaign, with the consent text signers agree to and the actions members "
        "can take (404 for drafts, except to campaign staff)"
    ),
)
class CampaignViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = CampaignSerializer
    lookup_field = "slug"
    lookup_value_regex = "[^/]+"
    filter_backends = [DjangoFilterBackend]
    filterset_class = CampaignFilter
    queryset = Campaign.objects.none()  # the schema's model; get_queryset answers requests
    rules_permissions = {
        "list": None,
        "retrieve": "advocacy.view_campaign_page",
        "sign": None,  # the service decides (live, with a petition)
        "targets": None,
        "updates": None,
        "signatures": "advocacy.see_private",
        "letters": None,  # signed-in members; the service decides
        "pledges": None,
    }
    # Refusals of these answer 404: a signature list is private, not forbidden.
    hidden_when_refused = {"signatures"}

    def permission_denied(self, request, message=None, code=None):
        if self.action in self.hidden_when_refused:
            raise Http404
        super().permission_denied(request, message=message, code=code)

    def get_serializer_class(self):
        return CampaignDetailSerializer if self.action == "retrieve" else CampaignSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Campaign.objects.none()
        # The page's list defers the long texts; the API's list carries them.
        return (
            selectors.campaigns_public(**_campaign_filters(self.request))
            .defer(None)
            .defer("description", "mobilisation_message", "outcome_note")
        )

    def get_object(self) -> Campaign:
        campaign = selectors.campaign_for(slug=self.kwargs["slug"], user=self.request.user)
        self.check_object_permissions(self.request, campaign)
        return campaign

    def retrieve(self, request, slug=None):
        campaign = self.get_object()
        context = {
            **self.get_serializer_context(),
            "consent": consent_current(ConsentText.Purpose.PETITION),
            "language": _language(),
            "actions": selectors.campaign_actions(campaign=campaign),
        }
        return Response(CampaignDetailSerializer(campaign, context=context).data)

    @extend_schema(
        request=SignatureRequestSerializer,
        responses={
            202: OpenApiResponse(
                SignatureResultSerializer,
                description="A confirmation link is on its way (also when this address had "
                "signed already: that is never revealed).",
            ),
            201: OpenApiResponse(
                SignatureResultSerializer,
                description="Counted at once: a signed-in member's own verified address.",
            ),
            400: OpenApiResponse(
                description="Invalid input, or the petition is not open (`validation_error`); "
                "a wrong, expired or reused proof of work (`challenge_invalid`, "
                "`challenge_expired`, `challenge_reused`)."
            ),
            429: OpenApiResponse(
                description="Too many signatures from this client (fewer are allowed without "
                "a proof of work)."
            ),
        },
        examples=[SIGN_EXAMPLE],
        summary="Sign the petition (double opt-in: confirmed through an emailed link)",
    )
    @action(detail=True, methods=["post"], **SUB_RESOURCE)
    def sign(self, request, slug=None):
        campaign = self.get_object()
        payload = SignatureRequestSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        # Without a solution: accepted, under a stricter limit (as the page without JavaScript).
        solved = challenge_check(data.get("challenge"), required=False)
        try:
            signature = services.signature_request(
                campaign=campaign,
                email=data["email"],
                name=data["name"],
                show_name=data["show_name"],
                country=data["country"] or "",
                keep_informed=data["keep_informed"],
                consent_version=data["consent_version"],
                language=data.get("language") or _language(),
                user=request.user,
                rate_key=client_key(request),
                challenge_solved=solved,
            )
        except DjangoValidationError as error:
            _raise_with_api_names(error, SIGNATURE_FIELD_NAMES)
        if signature is not None:
            return Response({"status": "confirmed"}, status=status.HTTP_201_CREATED)
        return Response({"status": "confirmation_sent"}, status=status.HTTP_202_ACCEPTED)

    @extend_schema(
        responses=TargetSerializer(many=True),
        summary="Whom the campaign presses: their position and their public record",
    )
    @action(detail=True, methods=["get"], pagination_class=None, **SUB_RESOURCE)
    def targets(self, request, slug=None):
        campaign = self.get_object()
        # Public for everyone, staff included: staff read the private record in the admin.
        records = selectors.campaign_targets(campaign=campaign, include_private=False)
        return Response(TargetSerializer(records, many=True).data)

    @extend_schema(responses=CampaignUpdateSerializer(many=True), summary="News, newest first")
    @action(detail=True, methods=["get"], **SUB_RESOURCE)
    def updates(self, request, slug=None):
        campaign = self.get_object()
        page = self.paginate_queryset(selectors.campaign_updates(campaign=campaign))
        return self.get_paginated_response(CampaignUpdateSerializer(page, many=True).data)

    @extend_schema(
        responses=SignatureExportSerializer(many=True),
        summary="Confirmed signatures (campaign staff only; 404 for others)",
    )
    @action(detail=True, methods=["get"], **SUB_RESOURCE)
    def signatures(self, request, slug=None):
        campaign = self.get_object()
        signatures = Signature.objects.filter(
            campaign=campaign, confirmed_at__isnull=False
        ).order_by("-confirmed_at", "-id")
        page = self.paginate_queryset(signatures)
        return self.get_paginated_response(SignatureExportSerializer(page, many=True).data)

    def _campaign_for_member(self, request) -> Campaign:
        campaign = self.get_object()
        if not request.user.is_authenticated:
            self.permission_denied(request)  # 401 with the WWW-Authenticate challenge
        return campaign

    @staticmethod
    def _campaign_action(campaign: Campaign, action_id: int, kind: str) -> CampaignAction:
        found = (
            CampaignAction.objects.select_related("campaign", "target__stakeholder")
            .filter(pk=action_id, campaign=campaign, kind=kind)
            .first()
        )
        if found is None:
            raise ApiValidationError({"action": [_("This campaign has no such action.")]})
        return found

    @extend_schema(
        request=LetterRequestSerializer,
        responses={201: LetterSerializer},
        examples=[LETTER_EXAMPLE],
        summary="Write to a target (signed-in members). Sent by email, or, when the target "
        "publishes no address, returned ready to copy",
    )
    @action(detail=True, methods=["post"], **SUB_RESOURCE)
    def letters(self, request, slug=None):
        campaign = self._campaign_for_member(request)
        payload = LetterRequestSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = dict(payload.validated_data)
        letter_action = self._campaign_action(
            campaign, data.pop("action"), CampaignAction.Kind.LETTER
        )
        letter = services.letter_send(action=letter_action, user=request.user, **data)
        return Response(LetterSerializer(letter).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        request=PledgeRequestSerializer,
        responses={201: PledgeSerializer},
        summary="Pledge to act (signed-in members; pledging again returns the same pledge)",
    )
    @action(detail=True, methods=["post"], **SUB_RESOURCE)
    def pledges(self, request, slug=None):
        campaign = self._campaign_for_member(request)
        payload = PledgeRequestSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        pledge_action = self._campaign_action(
            campaign, payload.validated_data["action"], CampaignAction.Kind.PLEDGE
        )
        pledge = services.pledge_make(action=pledge_action, user=request.user)
        return Response(PledgeSerializer(pledge).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    list=extend_schema(summary="Stakeholders (campaign staff only; 404 for others)"),
    retrieve=extend_schema(summary="One stakeholder (campaign staff only; 404 for others)"),
)
class StakeholderViewSet(viewsets.ReadOnlyModelViewSet):
    """Private notes and contacts included: everyone but campaign staff gets 404."""

    serializer_class = StakeholderSerializer
    lookup_value_regex = r"\d+"
    filter_backends = [DjangoFilterBackend]
    filterset_class = StakeholderFilter
    queryset = Stakeholder.objects.prefetch_related("related").order_by("name", "id")
    rules_permissions = {
        "list": "advocacy.see_private",
        "retrieve": "advocacy.see_private",
    }

    def permission_denied(self, request, message=None, code=None):
        raise Http404

    def get_object(self) -> Stakeholder:
        # Decide before reading: a stakeholder's existence is as private as its notes.
        self.check_object_permissions(self.request, None)
        return super().get_object()
