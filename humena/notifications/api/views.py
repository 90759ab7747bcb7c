from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from humena.notifications import registry, selectors, services
from humena.notifications.models import Notification


class NotificationSerializer(serializers.ModelSerializer):
    title = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()
    event = serializers.CharField(source="event.name")

    class Meta:
        model = Notification
        fields = ["id", "event", "category", "title", "url", "created_at", "read_at"]

    def _description(self, obj):
        refs = self.context.get("refs", {})
        kind = registry.kind_for(obj.event.name)
        if kind is None:
            return None
        return kind.describe(obj.event.payload, refs.get(obj.event_id, {}))

    def get_title(self, obj) -> str:
        description = self._description(obj)
        return description.title if description else ""

    def get_url(self, obj) -> str:
        description = self._description(obj)
        return description.url if description else ""


class MarkReadSerializer(serializers.Serializer):
    ids = serializers.ListField(
        child=serializers.IntegerField(min_value=1), required=False, max_length=500
    )
    all = serializers.BooleanField(required=False, default=False)


class NotificationViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """Your notifications, newest first, in your language; mark some or all as read."""

    serializer_class = NotificationSerializer
    queryset = Notification.objects.none()
    rules_permissions = {"list": "notifications.read_own", "read": "notifications.read_own"}

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Notification.objects.none()
        return selectors.inbox_of(user=self.request.user)

    def get_serializer(self, *args, **kwargs):
        if args and isinstance(args[0], list):
            kwargs.setdefault("context", self.get_serializer_context())
            kwargs["context"]["refs"] = registry.load_refs([n.event for n in args[0]])
        return super().get_serializer(*args, **kwargs)

    @extend_schema(request=MarkReadSerializer, responses={200: None})
    @action(detail=False, methods=["post"])
    def read(self, request):
        payload = MarkReadSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        ids = None if payload.validated_data["all"] else payload.validated_data.get("ids", [])
        changed = services.notifications_mark_read(user=request.user, ids=ids)
        return Response(
            {"marked": changed, "unread": selectors.unread_count(user=request.user)},
            status=status.HTTP_200_OK,
        )
