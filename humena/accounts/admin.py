from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from humena.accounts import gdpr
from humena.accounts.models import User


@admin.action(description=_("Freeze for their safety (sign out, block sign-in, hide activity)"))
def freeze(modeladmin, request, queryset):
    frozen = 0
    for user in queryset.filter(frozen_at__isnull=True, deleted_at__isnull=True):
        gdpr.account_freeze(user=user, actor=request.user)
        modeladmin.log_change(request, user, "Frozen")
        frozen += 1
    modeladmin.message_user(
        request,
        ngettext("%(count)d account frozen.", "%(count)d accounts frozen.", frozen)
        % {"count": frozen},
        messages.SUCCESS,
    )


@admin.action(description=_("Unfreeze"))
def unfreeze(modeladmin, request, queryset):
    thawed = 0
    for user in queryset.filter(frozen_at__isnull=False):
        gdpr.account_unfreeze(user=user, actor=request.user)
        modeladmin.log_change(request, user, "Unfrozen")
        thawed += 1
    modeladmin.message_user(
        request,
        ngettext("%(count)d account unfrozen.", "%(count)d accounts unfrozen.", thawed)
        % {"count": thawed},
        messages.SUCCESS,
    )


class UserCreationForm(AdminUserCreationForm):
    class Meta:
        model = User
        fields = ("email",)


class UserAdminChangeForm(UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    form = UserAdminChangeForm
    add_form = UserCreationForm
    ordering = ("-date_joined",)
    list_display = (
        "display_name", "email", "real_name", "is_staff", "is_active", "frozen_at", "date_joined",
    )  # fmt: skip
    list_filter = (
        "is_staff", "is_superuser", "is_active", ("frozen_at", admin.EmptyFieldListFilter),
        ("deleted_at", admin.EmptyFieldListFilter), "preferred_language",
    )  # fmt: skip
    search_fields = ("email", "display_name", "real_name")
    readonly_fields = (
        "last_login", "date_joined", "created_at", "updated_at", "frozen_at", "deleted_at",
    )  # fmt: skip
    actions = [freeze, unfreeze]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Public profile"), {"fields": ("display_name",)}),
        (_("Private (staff only)"), {"fields": ("real_name",)}),
        (_("Preferences"), {"fields": ("preferred_language", "time_zone")}),
        (
            _("Permissions"),
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        (
            _("Dates"),
            {
                "fields": (
                    "last_login",
                    "date_joined",
                    "created_at",
                    "updated_at",
                    "frozen_at",
                    "deleted_at",
                )
            },
        ),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("email", "usable_password", "password1", "password2"),
            },
        ),
    )


# DRF's token admin lists every member's key and lets staff mint tokens for anyone: people
# manage their own token on their account page instead.
try:
    from rest_framework.authtoken.admin import TokenProxy

    admin.site.unregister(TokenProxy)
except (ImportError, admin.sites.NotRegistered):
    pass
