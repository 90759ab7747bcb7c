"""GET/POST /api/v1/blocks/: the people I blocked, and block someone; DELETE one of mine.

Users have no public id: the person is named by where one met them (`source`, `reference`), with
the ids the API already shows there: a diaspora profile's `public_id`, an introduction's `id`, an
initiative roster's membership `id`. A reference one cannot see answers as an unknown one.
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import exceptions, generics, serializers, status
from rest_framework.response import Response

from humena.core.permissions import RulesPermission
from humena.moderation import blocks
from humena.moderation.models import Block


class BlockRefusedError(exceptions.APIException):
    """A 400 with its own code: `self_block` or `unknown_person`."""

    status_code = status.HTTP_400_BAD_REQUEST
    default_code = "invalid"


class BlockRequestSerializer(serializers.Serializer):
    source = serializers.ChoiceField(
        choices=[],
        help_text="Where you met the person: profile, introduction, membership, "
        "network_membership.",
    )
    reference = serializers.CharField(
        max_length=64,
        help_text="The profile's public_id, or the introduction's or membership's id.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source"].choices = blocks.encounter_keys()


class BlockSerializer(serializers.ModelSerializer):
    display_name = serializers.CharField(source="blocked.display_name", read_only=True)

    class Meta:
        model = Block
        fields = ["id", "display_name", "created_at"]


class BlockListCreate(generics.ListCreateAPIView):
    permission_classes = [RulesPermission]
    rules_permissions = {"get": "moderation.block", "post": "moderation.block"}
    serializer_class = BlockSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Block.objects.none()
        return blocks.blocks_of(user=self.request.user)

    @extend_schema(summary="The people I blocked, newest first")
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(
        request=BlockRequestSerializer,
        responses={
            201: BlockSerializer,
            200: OpenApiResponse(BlockSerializer, description="Already blocked: that block."),
            400: OpenApiResponse(
                description="Invalid input; `self_block`; `unknown_person` (no such person "
                "where you say you met them)."
            ),
        },
        summary="Block someone (they are never told)",
    )
    def post(self, request, *args, **kwargs):
        payload = BlockRequestSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        met = blocks.person_met(viewer=request.user, **payload.validated_data)
        if met is None:
            raise BlockRefusedError(
                detail=_("Nobody you can block was found there."), code="unknown_person"
            )
        try:
            block, created = blocks.block_create(blocker=request.user, blocked=met.person)
        except DjangoValidationError as error:
            raise BlockRefusedError(detail=error.messages[0], code="self_block") from error
        return Response(
            BlockSerializer(block).data,
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )


class BlockDestroy(generics.DestroyAPIView):
    permission_classes = [RulesPermission]
    rules_permissions = {"delete": "moderation.block"}
    serializer_class = BlockSerializer
    queryset = Block.objects.none()  # for the schema; get_object answers requests

    def get_object(self) -> Block:
        if not self.request.user.is_authenticated:
            self.permission_denied(self.request)  # 401
        block = blocks.block_of(user=self.request.user, block_id=self.kwargs["pk"])
        self.check_object_permissions(self.request, block)
        return block

    @extend_schema(
        responses={204: None, 404: OpenApiResponse(description="Not one of your blocks.")},
        summary="Unblock",
    )
    def delete(self, request, *args, **kwargs):
        block = self.get_object()
        blocks.block_remove(blocker=request.user, blocked=block.blocked)
        return Response(status=status.HTTP_204_NO_CONTENT)
