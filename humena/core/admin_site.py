from django.contrib import admin, messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import resolve_url
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext_lazy as _

from humena.core.mfa import session_passed_mfa, user_has_strong_mfa


class HumenaAdminSite(admin.AdminSite):
    """The admin signs in through allauth and refuses staff who have not passed MFA."""

    site_header = _("HuMENA administration")
    site_title = _("HuMENA admin")
    index_title = _("Platform administration")
    enable_nav_sidebar = True

    def has_permission(self, request: HttpRequest) -> bool:
        return super().has_permission(request) and session_passed_mfa(request)

    def login(self, request: HttpRequest, extra_context=None) -> HttpResponse:
        next_url = request.GET.get(REDIRECT_FIELD_NAME) or resolve_url("admin:index")
        if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
            next_url = resolve_url("admin:index")
        user = request.user
        if not user.is_authenticated:
            login_url = resolve_url("account_login")
            return HttpResponseRedirect(f"{login_url}?{urlencode({REDIRECT_FIELD_NAME: next_url})}")
        if not (user.is_active and user.is_staff):
            messages.error(request, _("Your account does not have access to the administration."))
            return HttpResponseRedirect(resolve_url("home"))
        if not user_has_strong_mfa(user):
            messages.warning(
                request,
                _(
                    "Staff must set up two-factor authentication (an authenticator app or a "
                    "security key) before using the administration."
                ),
            )
            return HttpResponseRedirect(resolve_url("mfa_index"))
        if not session_passed_mfa(request):
            # Signed in before MFA was enabled: confirm the second factor once in this session.
            messages.info(request, _("Confirm your second factor to open the administration."))
            reauth_url = resolve_url("mfa_reauthenticate")
            return HttpResponseRedirect(
                f"{reauth_url}?{urlencode({REDIRECT_FIELD_NAME: next_url})}"
            )
        return HttpResponseRedirect(next_url)


class ReadOnlyModelAdmin(admin.ModelAdmin):
    """A record staff read and nobody adds, changes or deletes here (audit log, decisions)."""

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
