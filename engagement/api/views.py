"""The initiatives API: the same selectors and services as the pages."""

from django.http import Http404
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError as ApiValidationError
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from engagement import selectors, services
from engagement.api.filters import InitiativeFilter
from engagement.api.serializers import (
    EventSerializer,
    InitiativeSerializer,
    MembershipSerializer,
    MyMembershipSerializer,
    NeedSerializer,
    UpdateSerializer,
)
from engagement.models import Initiative, Membership

ACTIVE_MEMBERSHIP = (Membership.Status.APPROVED, Membership.Status.PENDING)
# Which permission each sub-resource's POST needs: checked before the input is even read.
ITEM_PERMISSIONS = {
    "updates": "engagement.post_update",
    "events": "engagement.manage_events",
    "needs": "engagement.manage_needs",
}

INITIATIVE_EXAMPLE = OpenApiExample(
    "An initiative",
    value={
        "title": "Budget watch Tunis",
        "summary": "Citizens read the municipal budget together and publish what they find.",
        "description": "We meet **monthly**.",
        "country": "TN",
        "city": "Tunis",
        "latitude": "36.81",
        "longitude": "10.18",
        "themes": ["governance-anti-corruption"],
        "language": "fr",
        "status": "open",
        "visibility": "public",
        "join_policy": "open",
    },
    request_only=True,
)


def _filters_from(request) -> selectors.BrowseFilters:
    params = request.query_params
    form = InitiativeFilter(params).form
    if not form.is_valid():
        raise ApiValidationError(form.errors)
    data = form.cleaned_data
    themes = tuple(t for t in (data.get("theme") or "").split(",") if t)
    return selectors.BrowseFilters(
        q=data.get("q") or "",
        country=(data.get("country") or "").upper(),
        city=data.get("city") or "",
        themes=themes,
        status=data.get("status") or "",
        skill=data.get("skill") or "",
        remote=bool(data.get("remote")),
        sort=data.get("sort") or "newest",
    )


@extend_schema_view(
    list=extend_schema(summary="Browse initiatives (filters, full-text search, sort)"),
    retrieve=extend_schema(summary="One initiative (404 if it is private to you)"),
    create=extend_schema(summary="Start an initiative", examples=[INITIATIVE_EXAMPLE]),
    partial_update=extend_schema(summary="Change an initiative (organisers, staff)"),
    update=extend_schema(summary="Replace an initiative (organisers, staff)"),
)
class InitiativeViewSet(viewsets.ModelViewSet):
    serializer_class = InitiativeSerializer
    lookup_field = "slug"
    lookup_value_regex = "[^/]+"
    filter_backends = [DjangoFilterBackend]
    filterset_class = InitiativeFilter
    http_method_names = ["get", "post", "put", "patch", "head", "options"]
    rules_permissions = {
        "list": None,
        "retrieve": "engagement.view_initiative",
        "create": "engagement.add_initiative",
        "update": "engagement.change_initiative",
        "partial_update": "engagement.change_initiative",
        "join": None,  # the service decides (open, approval, invitation)
        "leave": None,
        "members": "engagement.view_members",
        "updates": None,
        "events": None,
        "needs": None,
    }

    def get_queryset(self):
        if self.action == "list":
            return selectors.initiatives_browse(
                user=self.request.user, filters=_filters_from(self.request)
            )
        return Initiative.objects.prefetch_related("themes")

    def get_object(self) -> Initiative:
        initiative = selectors.initiative_for_user(slug=self.kwargs["slug"], user=self.request.user)
        self.check_object_permissions(self.request, initiative)
        return initiative

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        themes = data.pop("themes", None)
        serializer.instance = services.initiative_create(
            user=self.request.user, data=data, themes=themes
        )

    def perform_update(self, serializer):
        data = dict(serializer.validated_data)
        themes = data.pop("themes", None)
        serializer.instance = services.initiative_update(
            initiative=serializer.instance, user=self.request.user, data=data, themes=themes
        )

    @extend_schema(
        request=None,
        responses={201: MyMembershipSerializer, 200: MyMembershipSerializer},
        summary="Join (open) or ask to join (approval)",
    )
    @action(detail=True, methods=["post"])
    def join(self, request, slug=None):
        if not request.user.is_authenticated:
            self.permission_denied(request)
        initiative = self.get_object()
        membership = services.initiative_join(initiative=initiative, user=request.user)
        return Response(MyMembershipSerializer(membership).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses={204: None}, summary="Leave, or withdraw a request")
    @action(detail=True, methods=["post"])
    def leave(self, request, slug=None):
        if not request.user.is_authenticated:
            self.permission_denied(request)
        initiative = Initiative.objects.filter(slug=slug).first()
        membership = initiative and selectors.membership_of(
            user=request.user, initiative=initiative
        )
        if membership is None or membership.status not in ACTIVE_MEMBERSHIP:
            raise Http404
        services.initiative_leave(initiative=initiative, user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(
        responses=MembershipSerializer(many=True),
        summary="Members and requests (organisers and staff only; 404 for others)",
    )
    @action(detail=True, methods=["get"])
    def members(self, request, slug=None):
        initiative = selectors.initiative_for_user(slug=slug, user=request.user)
        if not request.user.has_perm("engagement.view_members", initiative):
            raise Http404
        page = self.paginate_queryset(
            selectors.initiative_members(initiative=initiative, viewer=request.user)
        )
        return self.get_paginated_response(MembershipSerializer(page, many=True).data)

    def _items(self, request, slug, *, queryset, serializer_class, create):
        initiative = selectors.initiative_for_user(slug=slug, user=request.user)
        if request.method == "POST":
            if not request.user.is_authenticated:
                self.permission_denied(request)  # 401 with the WWW-Authenticate challenge
            if not request.user.has_perm(ITEM_PERMISSIONS[self.action], initiative):
                self.permission_denied(request)  # 403: they can see it, not change it
            serializer = serializer_class(data=request.data)
            serializer.is_valid(raise_exception=True)
            item = create(initiative, serializer.validated_data)
            return Response(serializer_class(item).data, status=status.HTTP_201_CREATED)
        page = self.paginate_queryset(queryset(initiative))
        return self.get_paginated_response(serializer_class(page, many=True).data)

    @extend_schema(methods=["GET"], responses=UpdateSerializer(many=True), summary="Updates")
    @extend_schema(methods=["POST"], request=UpdateSerializer, responses={201: UpdateSerializer})
    @action(detail=True, methods=["get", "post"])
    def updates(self, request, slug=None):
        return self._items(
            request,
            slug,
            queryset=lambda i: selectors.initiative_updates(initiative=i, user=request.user),
            serializer_class=UpdateSerializer,
            create=lambda i, data: services.update_post(initiative=i, author=request.user, **data),
        )

    @extend_schema(methods=["GET"], responses=EventSerializer(many=True), summary="Events")
    @extend_schema(methods=["POST"], request=EventSerializer, responses={201: EventSerializer})
    @action(detail=True, methods=["get", "post"])
    def events(self, request, slug=None):
        return self._items(
            request,
            slug,
            queryset=lambda i: selectors.initiative_events(
                initiative=i, user=request.user, upcoming_only=False
            ),
            serializer_class=EventSerializer,
            create=lambda i, data: services.event_create(
                initiative=i, actor=request.user, data=data
            ),
        )

    @extend_schema(methods=["GET"], responses=NeedSerializer(many=True), summary="Needs")
    @extend_schema(methods=["POST"], request=NeedSerializer, responses={201: NeedSerializer})
    @action(detail=True, methods=["get", "post"])
    def needs(self, request, slug=None):
        return self._items(
            request,
            slug,
            queryset=lambda i: selectors.initiative_needs(initiative=i, user=request.user),
            serializer_class=NeedSerializer,
            create=lambda i, data: services.need_create(
                initiative=i, actor=request.user, data=data
            ),
        )


class InitiativeGeoJSONView(GenericAPIView):
    """Initiatives with a coarse location, as GeoJSON, with the list endpoint's filters."""

    rules_permissions = {"get": None}
    queryset = Initiative.objects.none()  # for the schema's filter parameters
    filter_backends = [DjangoFilterBackend]
    filterset_class = InitiativeFilter
    pagination_class = None

    @extend_schema(
        responses={200: OpenApiResponse(OpenApiTypes.OBJECT, description="FeatureCollection")},
        summary="Initiatives as GeoJSON points (rounded to about 1 km)",
    )
    def get(self, request):
        return Response(
            selectors.initiatives_geojson(user=request.user, filters=_filters_from(request))
        )
