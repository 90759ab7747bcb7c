from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from humena.taxonomy.models import Skill, SkillCategory, Theme

NAME_FIELDS = ("name_en", "name_ar", "name_fr")


class TranslatedNameAdmin(admin.ModelAdmin):
    list_display = ("slug", *NAME_FIELDS, "position", "is_active")
    list_editable = ("position", "is_active")
    list_filter = ("is_active",)
    search_fields = ("slug", *NAME_FIELDS)
    prepopulated_fields = {"slug": ("name_en",)}
    readonly_fields = ("created_at", "updated_at")


@admin.register(Theme)
class ThemeAdmin(TranslatedNameAdmin):
    pass


class SkillInline(admin.TabularInline):
    model = Skill
    fields = ("slug", *NAME_FIELDS, "position", "is_active")
    extra = 0
    show_change_link = True


@admin.register(SkillCategory)
class SkillCategoryAdmin(TranslatedNameAdmin):
    inlines = [SkillInline]


@admin.register(Skill)
class SkillAdmin(TranslatedNameAdmin):
    list_display = ("slug", *NAME_FIELDS, "category", "position", "is_active")
    list_filter = ("is_active", "category")
    list_select_related = ("category",)
    autocomplete_fields = ()
    fieldsets = (
        (None, {"fields": ("slug", "category", "position", "is_active")}),
        (_("Names"), {"fields": NAME_FIELDS}),
        (_("Dates"), {"fields": ("created_at", "updated_at")}),
    )
