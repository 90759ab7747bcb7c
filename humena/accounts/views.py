from allauth.account.decorators import reauthentication_required
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse, translate_url
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from humena.accounts import gdpr, selectors, services
from humena.accounts.forms import AccountDeleteForm, AccountSettingsForm
from humena.accounts.models import DataExport
from humena.core.forms import form_add_service_errors
from humena.core.mfa import session_passed_mfa


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def account_settings(request: HttpRequest) -> HttpResponse:
    user = request.user
    if request.method == "POST":
        form = AccountSettingsForm(request.POST, instance=user)
        if form.is_valid():
            services.user_update_profile(user=user, **form.cleaned_data)
            messages.success(request, _("Your settings were saved."))
            language = user.preferred_language
            response = redirect(translate_url(request.path, language))
            remember_language(response, language)
            return response
        # The form validated into the instance: reload so the page shows the saved values.
        user.refresh_from_db()
    else:
        form = AccountSettingsForm(instance=user)
    return render(request, "accounts/user_settings.html", {"form": form})


@never_cache
@login_required
@reauthentication_required
@require_http_methods(["GET", "POST"])
def api_token(request: HttpRequest) -> HttpResponse:
    """A personal API token. Creating one asks for the password again; staff tokens also need
    a session that passed MFA, since a token carries the account's whole API power."""
    user = request.user
    may_create = not user.is_staff or session_passed_mfa(request)
    new_key = None
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "revoke":
            services.api_token_revoke(user=user)
            messages.success(request, _("Your API token was revoked."))
            return redirect("accounts:api_token")
        if action != "create":
            messages.error(request, _("Unknown action."))
            return redirect("accounts:api_token")
        if not may_create:
            messages.error(
                request, _("Staff need two-factor authentication to create an API token.")
            )
            return redirect("mfa_index")
        new_key = services.api_token_regenerate(user=user).key
    return render(
        request,
        "accounts/api_token.html",
        {
            "new_key": new_key,
            "has_token": selectors.api_token_exists(user=user),
            "may_create": may_create,
        },
    )


@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """Switch language: remember it in a cookie and, when signed in, on the account."""
    language = request.POST.get("language", "")
    next_url = request.POST.get("next") or ""
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = ""
    if language not in dict(settings.LANGUAGES):
        return HttpResponseRedirect(next_url or reverse("home"))
    if next_url:
        # URLs resolve only under their own language prefix: resolve `next` in its language.
        current = translation.get_language_from_path(next_url) or translation.get_language()
        with translation.override(current):
            target = translate_url(next_url, language)
    else:
        with translation.override(language):
            target = reverse("home")
    response = HttpResponseRedirect(target)
    remember_language(response, language)
    if request.user.is_authenticated:
        services.user_set_language(user=request.user, language=language)
    return response


def remember_language(response: HttpResponse, language: str) -> None:
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=True,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )


@never_cache
@login_required
@require_GET
def privacy(request: HttpRequest) -> HttpResponse:
    """Download my data, and delete my account."""
    latest = request.user.data_exports.order_by("-created_at").first()
    return render(
        request,
        "accounts/privacy.html",
        {
            "data_export": latest,
            "pending": latest is not None and latest.status == DataExport.Status.PENDING,
            "delete_form": AccountDeleteForm(),
        },
    )


@never_cache
@login_required
@reauthentication_required
@require_http_methods(["GET", "POST"])
def data_export_request(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        gdpr.data_export_request(user=request.user)
        messages.success(
            request,
            _("We are preparing a copy of your data. This page shows when it is ready."),
        )
    return redirect("accounts:privacy")


@never_cache
@login_required
@reauthentication_required
@require_GET
def data_export_download(request: HttpRequest, token: str) -> HttpResponse:
    content = gdpr.data_export_take(token=token, user=request.user)
    response = HttpResponse(content, content_type="application/zip")
    stamp = timezone.now().strftime("%Y%m%d")
    response["Content-Disposition"] = f'attachment; filename="humena-my-data-{stamp}.zip"'
    return response


@never_cache
@login_required
@reauthentication_required
@require_http_methods(["GET", "POST"])
def account_delete(request: HttpRequest) -> HttpResponse:
    form = AccountDeleteForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            gdpr.account_delete(user=request.user)
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            logout(request)
            messages.success(request, _("Your account and your data were deleted."))
            return redirect("home")
    return render(
        request, "accounts/account_delete.html", {"form": form}, status=400 if form.errors else 200
    )
