from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from humena.core.numbers import digits_to_int
from humena.notifications import pipeline, registry, selectors, services
from humena.notifications.models import Category, Channel, EmailSettings, Frequency

PAGE_SIZE = 20


@login_required
@require_GET
def inbox(request: HttpRequest) -> HttpResponse:
    page = selectors.inbox_page(user=request.user, number=request.GET.get("page"), size=PAGE_SIZE)
    notifications = page.notifications
    refs = registry.load_refs([n.event for n in notifications])
    items = []
    for notification in notifications:
        kind = registry.kind_for(notification.event.name)
        if kind is None:
            continue
        items.append(
            {
                "notification": notification,
                "description": kind.describe(
                    notification.event.payload, refs[notification.event_id]
                ),
            }
        )
    return render(
        request,
        "notifications/notification_list.html",
        {"items": items, "page": page},
    )


@login_required
@require_POST
def mark_read(request: HttpRequest) -> HttpResponse:
    if request.POST.get("all"):
        services.notifications_mark_read(user=request.user)
    else:
        ids = [i for i in map(digits_to_int, request.POST.getlist("id")) if i is not None]
        services.notifications_mark_read(user=request.user, ids=ids)
    target = request.POST.get("next")
    if target and target.startswith("/") and not target.startswith("//"):
        return redirect(target)
    return redirect("notifications:inbox")


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def preferences(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        errors = []
        for category in Category.values:
            for channel in Channel.values:
                value = request.POST.get(f"{category}-{channel}")
                if value is None:
                    continue
                try:
                    services.preference_set(
                        user=request.user, category=category, channel=channel, frequency=value
                    )
                except Exception as error:
                    errors.extend(getattr(error, "messages", [str(error)]))
        services.email_settings_set(
            user=request.user, content_free=bool(request.POST.get("content_free"))
        )
        for error in dict.fromkeys(errors):
            messages.error(request, error)
        if not errors:
            messages.success(request, _("Your notification settings were saved."))
        return redirect("notifications:preferences")
    content_free = EmailSettings.objects.filter(user=request.user, content_free=True).exists()
    return render(
        request,
        "notifications/preferences.html",
        {
            "rows": services.preference_table(user=request.user),
            "frequencies": Frequency.choices,
            "in_app_frequencies": [
                c for c in Frequency.choices if c[0] in (Frequency.IMMEDIATE, Frequency.OFF)
            ],
            "content_free": content_free,
        },
    )


@csrf_exempt  # the signed token is the credential (RFC 8058 one-click, sent by mail clients)
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    try:
        user_id, category = pipeline.unsubscribe_read(token)
    except signing.BadSignature as error:
        raise Http404 from error
    if category not in Category.values:
        raise Http404
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.filter(pk=user_id).first()
    if user is None:
        raise Http404
    locked = (category, Channel.EMAIL) in services.LOCKED
    done = False
    if request.method == "POST" and not locked:
        services.preference_set(
            user=user, category=category, channel=Channel.EMAIL, frequency=Frequency.OFF
        )
        done = True
    return render(
        request,
        "notifications/unsubscribe.html",
        {"category": Category(category).label, "locked": locked, "done": done, "token": token},
    )
