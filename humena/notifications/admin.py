from django.contrib import admin

from humena.notifications.models import (
    EmailDelivery,
    EmailSettings,
    Notification,
    OutboxEvent,
    Preference,
)


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(OutboxEvent)
class OutboxEventAdmin(ReadOnlyAdmin):
    list_display = ("id", "name", "actor_id", "created_at", "published_at", "fanned_out_at")
    list_filter = ("name", ("published_at", admin.EmptyFieldListFilter))
    search_fields = ("name",)


@admin.register(Notification)
class NotificationAdmin(ReadOnlyAdmin):
    list_display = ("id", "event", "recipient", "category", "in_app", "digest", "read_at")
    list_filter = ("category", "in_app", "digest")
    raw_id_fields = ("event", "recipient")
    list_select_related = ("event", "recipient")


@admin.register(EmailDelivery)
class EmailDeliveryAdmin(ReadOnlyAdmin):
    """Deliveries stuck in "sending" mean a worker died while sending: check before resending."""

    list_display = ("key", "recipient", "status", "created_at", "sent_at")
    list_filter = ("status",)
    search_fields = ("key",)
    raw_id_fields = ("recipient", "event")
    list_select_related = ("recipient",)


@admin.register(Preference)
class PreferenceAdmin(admin.ModelAdmin):
    list_display = ("user", "category", "channel", "frequency")
    list_filter = ("category", "channel", "frequency")
    raw_id_fields = ("user",)


@admin.register(EmailSettings)
class EmailSettingsAdmin(admin.ModelAdmin):
    list_display = ("user", "content_free", "last_daily_digest_at", "last_weekly_digest_at")
    list_filter = ("content_free",)
    raw_id_fields = ("user",)
