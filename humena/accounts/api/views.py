from rest_framework import generics, permissions

from humena.accounts import services
from humena.accounts.api.serializers import MeSerializer


class MeView(generics.RetrieveUpdateAPIView):
    """The signed-in person's own account: read it, or change the public profile and preferences."""

    serializer_class = MeSerializer
    permission_classes = [permissions.IsAuthenticated]
    http_method_names = ["get", "patch", "head", "options"]

    def get_object(self):
        return self.request.user

    def perform_update(self, serializer):
        user = self.request.user
        data = serializer.validated_data
        services.user_update_profile(
            user=user,
            display_name=data.get("display_name", user.display_name),
            real_name=data.get("real_name", user.real_name),
            preferred_language=data.get("preferred_language", user.preferred_language),
            time_zone=data.get("time_zone", user.time_zone),
        )
