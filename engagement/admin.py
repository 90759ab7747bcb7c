from django.contrib import admin, messages
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from engagement import services
from engagement.models import Event, Initiative, Membership, Need, Rsvp, Update
from humena.core.admin_actions import export_as_csv
from humena.moderation.review_admin import ReviewableAdminMixin


class NeedInline(admin.TabularInline):
    model = Need
    fields = ("skill", "quantity", "remote_possible", "language", "until", "status")
    autocomplete_fields = ("skill",)
    extra = 0


class EventInline(admin.TabularInline):
    model = Event
    fields = ("title", "starts_at", "ends_at", "time_zone", "mode", "city", "status")
    extra = 0
    show_change_link = True


def _set_status(modeladmin, request, queryset, status: str) -> None:
    try:
        changed = services.initiatives_set_status(
            initiatives=list(queryset), user=request.user, status=status
        )
    except Exception as error:
        modeladmin.message_user(request, str(error), messages.ERROR)
        return
    modeladmin.message_user(
        request, _("%(count)d initiatives changed.") % {"count": changed}, messages.SUCCESS
    )


@admin.action(description=_("Publish (open to new members)"))
def publish(modeladmin, request, queryset):
    _set_status(modeladmin, request, queryset, Initiative.Status.OPEN)


@admin.action(description=_("Archive"))
def archive(modeladmin, request, queryset):
    _set_status(modeladmin, request, queryset, Initiative.Status.ARCHIVED)


@admin.register(Initiative)
class InitiativeAdmin(ReviewableAdminMixin, admin.ModelAdmin):
    review_key = "initiative"  # the review queue: initiative/review/ (docs/moderation.md)
    list_display = (
        "title", "country", "city", "status", "visibility", "join_policy", "language",
        "member_count", "created_at",
    )  # fmt: skip
    csv_fields = (
        "title", "slug", "country", "city", "status", "visibility", "join_policy", "language",
        "member_count", "created_at",
    )  # fmt: skip
    list_filter = ("status", "visibility", "join_policy", "language", "country", "themes")
    search_fields = ("title", "summary", "city", "slug")
    filter_horizontal = ("themes",)
    readonly_fields = ("member_count", "created_at", "updated_at", "created_by", "invite_token")
    prepopulated_fields = {"slug": ("title",)}
    date_hierarchy = "created_at"
    # Updates are written in their own admin, through the service that renders them.
    inlines = [NeedInline, EventInline]
    actions = [publish, archive, export_as_csv]
    list_select_related = True
    fieldsets = (
        (None, {"fields": ("title", "slug", "summary", "description", "cover_image")}),
        (_("Place"), {"fields": ("country", "city", "latitude", "longitude")}),
        (
            _("Settings"),
            {"fields": ("themes", "language", "status", "visibility", "join_policy")},
        ),
        (
            _("Record"),
            {"fields": ("member_count", "created_by", "invite_token", "created_at", "updated_at")},
        ),
    )

    def save_model(self, request, obj, form, change):
        """Edits go through the service (Markdown, coordinates, search), not a raw save."""
        data = {name: form.cleaned_data.get(name) for name in services.INITIATIVE_FIELDS}
        data["latitude"] = form.cleaned_data.get("latitude")
        data["longitude"] = form.cleaned_data.get("longitude")
        cover = form.cleaned_data.get("cover_image")
        cover = cover if isinstance(cover, UploadedFile) else (False if cover is False else None)
        if change:
            services.initiative_update(
                initiative=obj, user=request.user, data=data, cover_image=cover
            )
        else:
            created = services.initiative_create(
                user=request.user, data=data, cover_image=cover or None
            )
            obj.pk = created.pk
            obj.slug = created.slug

    def save_related(self, request, form, formsets, change):
        form.instance = Initiative.objects.get(pk=form.instance.pk)
        super().save_related(request, form, formsets, change)
        services.search.search_refresh([form.instance.pk])


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("initiative", "user", "role", "status", "joined_at", "created_at")
    list_filter = ("role", "status")
    search_fields = ("initiative__title", "user__display_name", "user__email")
    raw_id_fields = ("user", "initiative")
    list_select_related = ("initiative", "user")
    actions = [export_as_csv]
    csv_fields = ("initiative", "user", "role", "status", "joined_at")


@admin.register(Need)
class NeedAdmin(admin.ModelAdmin):
    list_display = (
        "skill",
        "initiative",
        "quantity",
        "remote_possible",
        "language",
        "until",
        "status",
    )
    list_filter = ("status", "remote_possible", "skill__category", "language")
    search_fields = ("initiative__title", "skill__name_en", "skill__name_ar", "skill__name_fr")
    autocomplete_fields = ("skill",)
    raw_id_fields = ("initiative",)
    list_select_related = ("skill", "initiative")
    actions = [export_as_csv]


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = (
        "title",
        "initiative",
        "starts_at",
        "mode",
        "city",
        "capacity",
        "going_count",
        "status",
    )
    list_filter = ("status", "mode", "visibility")
    search_fields = ("title", "initiative__title", "city")
    raw_id_fields = ("initiative",)
    date_hierarchy = "starts_at"
    list_select_related = ("initiative",)
    readonly_fields = ("going_count",)
    actions = [export_as_csv]


@admin.register(Update)
class UpdateAdmin(admin.ModelAdmin):
    list_display = ("title", "initiative", "visibility", "created_at")
    list_filter = ("visibility",)
    search_fields = ("title", "body", "initiative__title")
    raw_id_fields = ("initiative",)
    fields = ("initiative", "title", "body", "visibility", "author", "created_at")
    readonly_fields = ("author", "created_at")
    list_select_related = ("initiative",)

    def save_model(self, request, obj, form, change):
        """Through the services: the Markdown is rendered and members are told once."""
        data = form.cleaned_data
        if change:
            services.update_edit(
                update=obj,
                actor=request.user,
                title=data["title"],
                body=data["body"],
                visibility=data["visibility"],
            )
        else:
            created = services.update_post(
                initiative=data["initiative"],
                author=request.user,
                title=data["title"],
                body=data["body"],
                visibility=data["visibility"],
            )
            obj.pk = created.pk


@admin.register(Rsvp)
class RsvpAdmin(admin.ModelAdmin):
    list_display = ("event", "user", "response", "created_at")
    list_filter = ("response",)
    raw_id_fields = ("event", "user")
    list_select_related = ("event", "user")
