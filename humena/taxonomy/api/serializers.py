from rest_framework import serializers

from humena.taxonomy.models import Skill, SkillCategory, Theme

FIELDS = ["slug", "name", "name_en", "name_ar", "name_fr"]


class ThemeSerializer(serializers.ModelSerializer):
    name = serializers.CharField(read_only=True, help_text="In the request's language.")

    class Meta:
        model = Theme
        fields = FIELDS


class SkillCategorySerializer(serializers.ModelSerializer):
    name = serializers.CharField(read_only=True, help_text="In the request's language.")

    class Meta:
        model = SkillCategory
        fields = FIELDS


class SkillSerializer(serializers.ModelSerializer):
    name = serializers.CharField(read_only=True, help_text="In the request's language.")
    category = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = Skill
        fields = [*FIELDS, "category"]
