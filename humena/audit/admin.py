from django.contrib import admin

from humena.audit.models import AuditEntry
from humena.core.admin_site import ReadOnlyModelAdmin


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyModelAdmin):
    """Superusers read the log; nobody adds, changes or deletes entries here."""

    list_display = ("created_at", "actor", "action", "target_type", "target_id")
    list_filter = ("action", "target_type")
    search_fields = ("action", "target_id")
    readonly_fields = ("created_at", "actor", "action", "target_type", "target_id", "data")
    list_select_related = ("actor",)

    def has_view_permission(self, request, obj=None) -> bool:
        return request.user.is_superuser

    def has_module_permission(self, request) -> bool:
        return request.user.is_superuser
