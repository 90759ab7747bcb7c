from rest_framework import serializers

from humena.accounts.models import User


class MeSerializer(serializers.ModelSerializer):
    class Meta:
        model = User
        fields = ["id", "email", "display_name", "real_name", "preferred_language", "time_zone"]
        read_only_fields = ["id", "email"]
