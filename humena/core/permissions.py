"""One DRF permission class for every API view: it asks django-rules, as the HTML views do.

A view names its permissions (STYLE.md, point 3); this class never decides anything itself:

    class InitiativeViewSet(viewsets.ModelViewSet):
        permission_classes = [RulesPermission]
        rules_permissions = {"list": None, "retrieve": "engagement.view_initiative", ...}

`None` means anyone may call the action. An object the user may not view answers 404 (private
things must be indistinguishable from missing ones); any other refusal answers 403. On an object
URL the decision waits for the object: such an action must call `get_object()`.
"""

from django.http import Http404
from rest_framework.permissions import BasePermission


class RulesPermission(BasePermission):
    view_permission_key = "retrieve"

    def _permission_for(self, view) -> str | None:
        mapping = getattr(view, "rules_permissions", {})
        action = getattr(view, "action", None) or view.request.method.lower()
        if action not in mapping:
            # Deny what the view did not name: a forgotten mapping must fail closed.
            return "__undeclared__"
        return mapping[action]

    def has_permission(self, request, view) -> bool:
        permission = self._permission_for(view)
        if permission is None:
            return True
        if permission == "__undeclared__":
            return False
        if self._is_object_request(view):
            # Object-level: decided in has_object_permission, when the view calls get_object().
            return True
        return request.user.has_perm(permission)

    @staticmethod
    def _is_object_request(view) -> bool:
        lookup = getattr(view, "lookup_url_kwarg", None) or getattr(view, "lookup_field", "pk")
        return lookup in getattr(view, "kwargs", {})

    def has_object_permission(self, request, view, obj) -> bool:
        mapping = getattr(view, "rules_permissions", {})
        view_permission = mapping.get(self.view_permission_key)
        if view_permission and not request.user.has_perm(view_permission, obj):
            raise Http404
        permission = self._permission_for(view)
        if permission is None:
            return True
        if permission == "__undeclared__":
            return False
        return request.user.has_perm(permission, obj)
