from django.db import transaction
from django.db.models import Prefetch, prefetch_related_objects
from django.http import Http404
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics, mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from diaspora import selectors, services
from diaspora.api.serializers import (
    IntroductionRequestSerializer,
    IntroductionSerializer,
    JointProjectSerializer,
    MatchSerializer,
    NetworkMembershipSerializer,
    NetworkProposalSerializer,
    NetworkSerializer,
    OwnProfileSerializer,
)
from diaspora.models import DiasporaProfile, Introduction, Network, ProfileSkill
from diaspora.rules import allows
from engagement.models import Need


class OwnProfileView(generics.RetrieveUpdateAPIView):
    """Your diaspora profile (created on first use). PUT/PATCH write each part via services."""

    serializer_class = OwnProfileSerializer
    rules_permissions = {
        "get": "diaspora.has_account",
        "put": "diaspora.has_account",
        "patch": "diaspora.has_account",
    }

    def get_object(self) -> DiasporaProfile:
        return services.profile_get_or_create(user=self.request.user)

    def retrieve(self, request, *args, **kwargs):
        return Response(self.get_serializer(self._with_parts(self.get_object())).data)

    @staticmethod
    def _with_parts(profile: DiasporaProfile) -> DiasporaProfile:
        """What the answer shows: languages, and skills with their slugs, in two queries rather
        than one per skill."""
        prefetch_related_objects(
            [profile], "languages", Prefetch("skills", ProfileSkill.objects.select_related("skill"))
        )
        return profile

    @transaction.atomic
    def perform_update(self, serializer):
        profile = serializer.instance
        data = serializer.validated_data
        about = ("origin_country", "residence_country", "residence_city", "bio")
        if any(name in data for name in about):
            services.profile_save_about(
                profile=profile, **{name: data.get(name, getattr(profile, name)) for name in about}
            )
        if "languages" in data:
            services.profile_set_languages(
                profile=profile,
                languages=[(row["language"], row["level"]) for row in data["languages"]],
            )
        if "skills" in data:
            services.profile_set_skills(
                profile=profile,
                skills=[
                    (row["skill"], row["level"], row.get("years", 0)) for row in data["skills"]
                ],
            )
        availability = ("hours_per_month", "work_mode", "time_zone", "contributions")
        if any(name in data for name in availability):
            services.profile_save_availability(
                profile=profile,
                **{name: data.get(name, getattr(profile, name)) for name in availability},
            )
        if "visibility" in data or "consent_to_matching" in data:
            services.profile_save_privacy(
                profile=profile,
                visibility={**profile.visibility, **data.get("visibility", {})},
                consent_to_matching=data.get("consent_to_matching", profile.consent_to_matching),
            )
        # A fresh copy: DRF empties the prefetched parts of the instance it was given.
        serializer.instance = self._with_parts(DiasporaProfile.objects.get(pk=profile.pk))


@extend_schema_view(
    create=extend_schema(
        summary="Propose a network (it waits for review unless you are a trusted organiser)",
        request=NetworkProposalSerializer,
        responses={201: NetworkProposalSerializer},
    )
)
class NetworkViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = NetworkSerializer
    lookup_field = "slug"
    lookup_value_regex = "[^/]+"
    rules_permissions = {
        "list": None,
        "retrieve": "diaspora.view_network",
        "create": "diaspora.propose_network",
        "join": None,
        "leave": None,
    }

    def get_queryset(self):
        return selectors.networks_visible_to(self.request.user)

    def get_serializer_class(self):
        return NetworkProposalSerializer if self.action == "create" else NetworkSerializer

    def perform_create(self, serializer):
        serializer.instance = services.network_create(
            actor=self.request.user, **serializer.validated_data
        )

    def get_object(self):
        network = selectors.network_for_user(slug=self.kwargs["slug"], user=self.request.user)
        self.check_object_permissions(self.request, network)
        return network

    @extend_schema(request=None, responses={201: NetworkMembershipSerializer})
    @action(detail=True, methods=["post"])
    def join(self, request, slug=None):
        if not request.user.is_authenticated:
            self.permission_denied(request)
        membership = services.network_join(network=self.get_object(), user=request.user)
        return Response(
            NetworkMembershipSerializer(membership).data, status=status.HTTP_201_CREATED
        )

    @extend_schema(request=None, responses={204: None})
    @action(detail=True, methods=["post"])
    def leave(self, request, slug=None):
        if not request.user.is_authenticated:
            self.permission_denied(request)
        network = Network.objects.filter(slug=slug).first()
        if network is None or not allows("diaspora.leave_network", request.user, network):
            raise Http404
        services.network_leave(network=network, user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class JointProjectViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = JointProjectSerializer
    lookup_field = "slug"
    lookup_value_regex = "[^/]+"
    rules_permissions = {"list": None, "retrieve": "diaspora.view_project"}

    def get_queryset(self):
        return selectors.projects_visible_to(self.request.user)

    def get_object(self):
        project = selectors.project_for_user(slug=self.kwargs["slug"], user=self.request.user)
        self.check_object_permissions(self.request, project)
        return project


class NeedMatchesView(generics.GenericAPIView):
    """Ranked pseudonymous matches for a need: its initiative's organisers and staff only."""

    rules_permissions = {"get": "diaspora.has_account"}
    serializer_class = MatchSerializer
    queryset = Need.objects.none()
    pagination_class = None

    @extend_schema(responses=MatchSerializer(many=True))
    def get(self, request, need_id: int):
        need = Need.objects.select_related("initiative", "skill").filter(pk=need_id).first()
        if need is None or not request.user.has_perm("engagement.manage_needs", need.initiative):
            raise Http404
        matches = selectors.matches_for_need(need=need, viewer=request.user)
        return Response(MatchSerializer(matches, many=True).data)


class IntroductionViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """Introductions you received or asked for; request one; accept or decline."""

    serializer_class = IntroductionSerializer
    lookup_value_regex = r"\d+"
    queryset = Introduction.objects.none()  # the schema's model; get_queryset answers requests
    rules_permissions = {
        "list": "diaspora.has_account",
        "create": "diaspora.has_account",
        "accept": "diaspora.has_account",
        "decline": "diaspora.has_account",
    }

    def get_queryset(self):
        user = self.request.user
        if getattr(self, "swagger_fake_view", False) or not user.is_authenticated:
            return Introduction.objects.none()
        # As on the page: the other side's frozen account and the waiting requests of someone
        # the member blocked are left out.
        mine = selectors.introductions_for(user=user)
        return (mine["received"] | mine["sent"]).select_related(
            "need__initiative", "requested_by", "member"
        )

    @extend_schema(request=IntroductionRequestSerializer, responses={201: IntroductionSerializer})
    def create(self, request):
        payload = IntroductionRequestSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        need = (
            Need.objects.select_related("initiative")
            .filter(pk=payload.validated_data["need"])
            .first()
        )
        if need is None:
            raise Http404
        profile = selectors.match_profile(
            need_id=need.pk, reference=payload.validated_data["match"]
        )
        if profile is None:
            raise Http404
        introduction = services.introduction_request(
            need=need,
            actor=request.user,
            profile=profile,
            message=payload.validated_data["message"],
        )
        return Response(
            IntroductionSerializer(introduction, context={"request": request}).data,
            status=status.HTTP_201_CREATED,
        )

    def _respond(self, request, pk, accept: bool):
        if not request.user.is_authenticated:
            self.permission_denied(request)
        introduction = Introduction.objects.filter(pk=pk, member=request.user).first()
        if introduction is None:
            raise Http404
        introduction = services.introduction_respond(
            introduction=introduction, user=request.user, accept=accept
        )
        return Response(IntroductionSerializer(introduction, context={"request": request}).data)

    @extend_schema(request=None, responses=IntroductionSerializer)
    @action(detail=True, methods=["post"])
    def accept(self, request, pk=None):
        return self._respond(request, pk, accept=True)

    @extend_schema(request=None, responses=IntroductionSerializer)
    @action(detail=True, methods=["post"])
    def decline(self, request, pk=None):
        return self._respond(request, pk, accept=False)
