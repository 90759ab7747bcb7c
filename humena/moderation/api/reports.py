"""POST /api/v1/reports/: report a user-written thing; GET: the reports I made."""

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import exceptions, generics, serializers, status
from rest_framework.response import Response

from humena.core.permissions import RulesPermission
from humena.core.ratelimit import client_key, consume_setting
from humena.moderation import selectors, services
from humena.moderation.models import Reason, Report
from humena.moderation.registry import kinds


class AlreadyReportedError(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "already_reported"


class ReportRequestSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(
        choices=[], help_text="What is reported: initiative, update, event, need, profile, ..."
    )
    ref = serializers.CharField(
        max_length=64,
        help_text="The reported thing's id; for a profile, its public_id (as in its page address).",
    )
    reason = serializers.ChoiceField(choices=Reason.choices)
    note = serializers.CharField(max_length=1000, required=False, allow_blank=True, default="")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = sorted(kind.key for kind in kinds())


class ReportSerializer(serializers.ModelSerializer):
    """`context["refs"]`: {report id: (kind, ref)} from `selectors.report_refs`."""

    kind = serializers.SerializerMethodField()
    ref = serializers.SerializerMethodField()

    class Meta:
        model = Report
        fields = ["id", "kind", "ref", "reason", "note", "created_at"]

    def get_kind(self, report: Report) -> str:
        return self.context["refs"][report.pk][0]

    def get_ref(self, report: Report) -> str:
        return self.context["refs"][report.pk][1]


class ReportListCreate(generics.ListCreateAPIView):
    permission_classes = [RulesPermission]
    rules_permissions = {"get": "moderation.report", "post": "moderation.report"}
    serializer_class = ReportSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation: no user
            return Report.objects.none()
        return (
            Report.objects.filter(reporter=self.request.user)
            .select_related("case")
            .order_by("-created_at", "-id")
        )

    @extend_schema(summary="The reports I made, newest first")
    def get(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.get_queryset())
        refs = selectors.report_refs(page)
        return self.get_paginated_response(
            ReportSerializer(page, many=True, context={"refs": refs}).data
        )

    @extend_schema(
        request=ReportRequestSerializer,
        responses={
            201: ReportSerializer,
            400: OpenApiResponse(description="Invalid input, or one's own contribution."),
            404: OpenApiResponse(description="No such thing, or not visible to you."),
            409: OpenApiResponse(description="You have already reported it."),
            429: OpenApiResponse(description="Too many reports from this account."),
        },
        summary="Report something (the author is never told who reported it)",
    )
    def post(self, request, *args, **kwargs):
        payload = ReportRequestSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        _kind, obj = selectors.reportable_get(key=data["kind"], ref=data["ref"], user=request.user)
        consume_setting(scope="report", key=client_key(request))
        try:
            report = services.report_create(
                reporter=request.user, obj=obj, reason=data["reason"], note=data["note"]
            )
        except services.AlreadyReported as error:
            raise AlreadyReportedError(detail=error.messages[0]) from error
        except DjangoValidationError as error:
            raise exceptions.ValidationError(detail={"ref": error.messages}) from error
        refs = {report.pk: (data["kind"], data["ref"])}
        return Response(
            ReportSerializer(report, context={"refs": refs}).data, status=status.HTTP_201_CREATED
        )
