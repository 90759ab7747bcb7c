import django_filters
from rest_framework import viewsets

from humena.core.permissions import RulesPermission
from humena.taxonomy import selectors
from humena.taxonomy.api.serializers import (
    SkillCategorySerializer,
    SkillSerializer,
    ThemeSerializer,
)
from humena.taxonomy.models import Skill

PUBLIC = {"list": None, "retrieve": None}


class ThemeViewSet(viewsets.ReadOnlyModelViewSet):
    """Causes that initiatives, networks and campaigns are about."""

    serializer_class = ThemeSerializer
    permission_classes = [RulesPermission]
    rules_permissions = PUBLIC
    lookup_field = "slug"
    queryset = selectors.themes_active()


class SkillCategoryViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = SkillCategorySerializer
    permission_classes = [RulesPermission]
    rules_permissions = PUBLIC
    lookup_field = "slug"
    queryset = selectors.skill_categories_active()


class SkillFilter(django_filters.FilterSet):
    category = django_filters.CharFilter(field_name="category__slug", label="Category slug")

    class Meta:
        model = Skill
        fields = ["category"]


class SkillViewSet(viewsets.ReadOnlyModelViewSet):
    """Skills that diaspora members offer and initiatives need."""

    serializer_class = SkillSerializer
    permission_classes = [RulesPermission]
    rules_permissions = PUBLIC
    lookup_field = "slug"
    queryset = selectors.skills_active()
    filterset_class = SkillFilter
