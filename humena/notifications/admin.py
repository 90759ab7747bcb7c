from django.contrib import admin

from humena.notifications.models import OutboxEvent


@admin.register(OutboxEvent)
class OutboxEventAdmin(admin.ModelAdmin):
    list_display = ("id", "name", "actor_id", "created_at", "published_at")
    list_filter = ("name", ("published_at", admin.EmptyFieldListFilter))
    search_fields = ("name",)
    readonly_fields = ("name", "payload", "actor_id", "created_at", "published_at")

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
