"""RulesPermission: the API asks django-rules; undeclared actions fail closed; private is 404."""

import pytest
import rules
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.test import APIRequestFactory
from zeal import zeal_context

from humena.core.permissions import RulesPermission
from humena.taxonomy.models import Theme
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@rules.predicate
def _theme_is_active(user, theme) -> bool:
    return theme is not None and theme.is_active


@rules.predicate
def _is_staff(user) -> bool:
    return user.is_staff


@pytest.fixture(autouse=True)
def _test_rules():
    rules.add_perm("tests.view_theme", _theme_is_active)
    rules.add_perm("tests.touch_theme", _theme_is_active & _is_staff)
    yield
    rules.remove_perm("tests.view_theme")
    rules.remove_perm("tests.touch_theme")


class ThemeProbe(viewsets.ReadOnlyModelViewSet):
    queryset = Theme.objects.all()
    permission_classes = [RulesPermission]
    rules_permissions = {"list": None, "retrieve": "tests.view_theme", "touch": "tests.touch_theme"}

    def get_serializer(self, *args, **kwargs):
        raise NotImplementedError

    def list(self, request):
        return Response({"ok": True})

    def retrieve(self, request, pk=None):
        self.get_object()
        return Response({"ok": True})

    @action(detail=True, methods=["post"])
    def touch(self, request, pk=None):
        self.get_object()
        return Response({"touched": True})

    @action(detail=False, methods=["post"])
    def undeclared(self, request):
        return Response({"should": "never happen"})


def _call(method: str, actions: dict, user=None, **kwargs):
    factory = APIRequestFactory()
    request = getattr(factory, method)("/probe/")
    if user is not None:
        from rest_framework.test import force_authenticate

        force_authenticate(request, user=user)
    # One call stands for one request: detection per request, as the middleware does it.
    with zeal_context():
        return ThemeProbe.as_view(actions)(request, **kwargs)


def _theme(active: bool) -> Theme:
    return Theme.objects.create(
        slug=f"t-{active}", name_en="T", name_ar="ت", name_fr="T", is_active=active
    )


def test_public_action_is_open():
    assert _call("get", {"get": "list"}).status_code == 200


def test_object_the_user_may_not_view_answers_404():
    hidden = _theme(active=False)
    response = _call("get", {"get": "retrieve"}, pk=hidden.pk)
    assert response.status_code == 404
    shown = _theme(active=True)
    assert _call("get", {"get": "retrieve"}, pk=shown.pk).status_code == 200


def test_visible_object_but_forbidden_action_answers_403():
    shown = _theme(active=True)
    member = UserFactory()
    assert _call("post", {"post": "touch"}, user=member, pk=shown.pk).status_code == 403
    staff = UserFactory(is_staff=True)
    assert _call("post", {"post": "touch"}, user=staff, pk=shown.pk).status_code == 200


def test_invisible_object_answers_404_even_for_a_forbidden_action():
    hidden = _theme(active=False)
    staff = UserFactory(is_staff=True)
    assert _call("post", {"post": "touch"}, user=staff, pk=hidden.pk).status_code == 404


def test_an_action_the_view_did_not_declare_is_refused():
    staff = UserFactory(is_staff=True, is_superuser=True)
    assert _call("post", {"post": "undeclared"}, user=staff).status_code == 403
