from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from humena.accounts import gdpr
from humena.accounts.models import User
from humena.core.admin_actions import apply_to_each
from humena.moderation.review import organiser_trust_set


def _each(modeladmin, request, queryset, service, *, history: str, done) -> None:
    """Apply a safety service to each selected account (see apply_to_each)."""
    apply_to_each(
        modeladmin,
        request,
        queryset,
        lambda user: service(user=user, actor=request.user),
        history=history,
        done=done,
    )


@admin.action(
    description=_("Freeze for their safety (sign out, block sign-in, hide activity)"),
    permissions=["change"],
)
def freeze(modeladmin, request, queryset):
    _each(
        modeladmin,
        request,
        queryset.filter(frozen_at__isnull=True, deleted_at__isnull=True),
        gdpr.account_freeze,
        history="Frozen",
        done=lambda n: (
            ngettext("%(count)d account frozen.", "%(count)d accounts frozen.", n) % {"count": n}
        ),
    )


@admin.action(description=_("Unfreeze"), permissions=["change"])
def unfreeze(modeladmin, request, queryset):
    _each(
        modeladmin,
        request,
        queryset.filter(frozen_at__isnull=False),
        gdpr.account_unfreeze,
        history="Unfrozen",
        done=lambda n: (
            ngettext("%(count)d account unfrozen.", "%(count)d accounts unfrozen.", n)
            % {"count": n}
        ),
    )


@admin.action(
    description=_("Erase account and personal data (at the person's request)"),
    permissions=["change"],
)
def erase(modeladmin, request, queryset):
    """What "delete my account" does, for someone who cannot sign in (e.g. a frozen account).
    Accounts are never deleted raw: that would skip every app's erasure and the counts."""
    _each(
        modeladmin,
        request,
        queryset.filter(deleted_at__isnull=True),
        lambda *, user, actor: gdpr.account_delete(user=user, actor=actor),
        history="Erased",
        done=lambda n: (
            ngettext("%(count)d account erased.", "%(count)d accounts erased.", n) % {"count": n}
        ),
    )


@admin.action(description=_("Lift the suspension"), permissions=["change"])
def lift_suspension(modeladmin, request, queryset):
    from humena.moderation.services import user_unsuspend

    _each(
        modeladmin,
        request,
        queryset.filter(suspended_until__isnull=False),
        lambda *, user, actor: user_unsuspend(user=user, moderator=actor),
        history="Suspension lifted",
        done=lambda n: (
            ngettext("%(count)d suspension lifted.", "%(count)d suspensions lifted.", n)
            % {"count": n}
        ),
    )


@admin.action(
    description=_("Trust as organisers (publish initiatives and networks without review)"),
    permissions=["change"],
)
def trust(modeladmin, request, queryset):
    _each(
        modeladmin,
        request,
        queryset.filter(is_trusted_organiser=False),
        lambda *, user, actor: organiser_trust_set(user=user, actor=actor, trusted=True),
        history="Trusted as organiser",
        done=lambda n: (
            ngettext("%(count)d account trusted.", "%(count)d accounts trusted.", n) % {"count": n}
        ),
    )


@admin.action(description=_("Withdraw organiser trust"), permissions=["change"])
def untrust(modeladmin, request, queryset):
    _each(
        modeladmin,
        request,
        queryset.filter(is_trusted_organiser=True),
        lambda *, user, actor: organiser_trust_set(user=user, actor=actor, trusted=False),
        history="Organiser trust withdrawn",
        done=lambda n: (
            ngettext(
                "Trust withdrawn from %(count)d account.",
                "Trust withdrawn from %(count)d accounts.",
                n,
            )
            % {"count": n}
        ),
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
        "display_name", "email", "real_name", "is_staff", "is_active", "is_trusted_organiser",
        "frozen_at", "date_joined",
    )  # fmt: skip
    list_filter = (
        "is_staff", "is_superuser", "is_active", "is_trusted_organiser",
        ("frozen_at", admin.EmptyFieldListFilter),
        ("deleted_at", admin.EmptyFieldListFilter),
        ("suspended_until", admin.EmptyFieldListFilter), "preferred_language",
    )  # fmt: skip
    search_fields = ("email", "display_name", "real_name")
    # Trust changes through the actions only, so that each change is audited.
    readonly_fields = (
        "last_login", "date_joined", "created_at", "updated_at", "frozen_at", "deleted_at",
        "is_trusted_organiser",
        "suspended_until",
    )  # fmt: skip
    actions = [freeze, unfreeze, lift_suspension, erase, trust, untrust]

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def has_delete_permission(self, request, obj=None) -> bool:
        return False  # erase instead (the action above), so every app's data goes properly

    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Public profile"), {"fields": ("display_name",)}),
        (_("Private (staff only)"), {"fields": ("real_name",)}),
        (_("Preferences"), {"fields": ("preferred_language", "time_zone")}),
        (
            _("Permissions"),
            {
                "fields": (
                    "is_active",
                    "is_staff",
                    "is_superuser",
                    "is_trusted_organiser",
                    "groups",
                    "user_permissions",
                )
            },
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
                    "suspended_until",
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
