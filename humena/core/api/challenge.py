"""The proof of work in the API: a fresh challenge for anyone, and the fields and check that
endpoints taking one share (humena.core.challenge holds the scheme itself)."""

from django.utils.cache import add_never_cache_headers
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import APIException
from rest_framework.response import Response
from rest_framework.views import APIView

from humena.core.challenge import (
    HONEYPOT_MESSAGE,
    PAYLOAD_MAX_LENGTH,
    challenge_create,
    challenge_verify,
)

HOW_TO_SOLVE = (
    "Find the number n (0 <= n <= maxnumber) whose SHA-256 of `salt` followed by n in decimal "
    "is `challenge` (hex). Send base64 of the JSON object {algorithm, challenge, number, salt, "
    "signature} as the `challenge` field of the request that needs it. A challenge expires "
    "(20 minutes by default) and a solution is accepted once. This is ALTCHA's scheme: its "
    "libraries solve it too."
)


class ChallengeSerializer(serializers.Serializer):
    algorithm = serializers.CharField(help_text="Always `SHA-256`.")
    challenge = serializers.CharField(help_text="SHA-256 (hex) of the salt and the number.")
    maxnumber = serializers.IntegerField(help_text="The number is between 0 and this.")
    salt = serializers.CharField(help_text="What to hash before the number; carries the expiry.")
    signature = serializers.CharField(help_text="The server's HMAC: send it back unchanged.")


class ChallengeFailed(APIException):
    status_code = 400
    default_code = "challenge_invalid"
    default_detail = "The proof of work is not valid."


class ChallengeFieldsSerializer(serializers.Serializer):
    """The fields a request protected by the proof of work carries."""

    challenge = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=PAYLOAD_MAX_LENGTH,
        help_text="The solved proof of work (GET /api/v1/challenge/). " + HOW_TO_SOLVE,
    )
    website = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=200,
        help_text="Leave this empty (a field that only robots fill).",
    )

    def validate(self, attrs):
        if attrs.get("website"):
            raise serializers.ValidationError(str(HONEYPOT_MESSAGE), code="honeypot")
        return super().validate(attrs)


def challenge_check(payload: str | None, *, required: bool) -> bool:
    """Whether the request solved the proof of work. A wrong, expired or reused solution (or a
    missing one where it is required) answers 400 with code `challenge_<reason>`."""
    result = challenge_verify(payload)
    if not result.ok and (required or not result.missing):
        raise ChallengeFailed(detail=result.message, code=f"challenge_{result.reason}")
    return result.ok


class ChallengeView(APIView):
    rules_permissions = {"get": None}  # anyone; throttled like every anonymous call

    @extend_schema(
        responses={
            200: OpenApiResponse(ChallengeSerializer, description=HOW_TO_SOLVE),
            429: OpenApiResponse(description="Too many requests from this client."),
        },
        summary="A fresh proof-of-work challenge, for signing up and signing petitions",
        auth=[{}],  # no account or token needed
    )
    def get(self, request):
        response = Response(ChallengeSerializer(challenge_create()).data)
        add_never_cache_headers(response)  # one challenge, one use
        return response
