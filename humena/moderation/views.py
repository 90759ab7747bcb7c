"""Report something: a page reached from a "Report" link on every user-written thing."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from humena.core.forms import form_add_service_errors
from humena.core.ratelimit import client_key, consume_setting
from humena.moderation import selectors, services
from humena.moderation.forms import ReportForm


@login_required
def report(request: HttpRequest, kind: str, ref: str) -> HttpResponse:
    item_kind, obj = selectors.reportable_get(key=kind, ref=ref, user=request.user)
    back = item_kind.url(obj) or "/"
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        consume_setting(scope="report", key=client_key(request))
        try:
            services.report_create(
                reporter=request.user,
                obj=obj,
                reason=form.cleaned_data["reason"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(
                request,
                _(
                    "Thank you. The moderators will review it; the author will not know who "
                    "reported it."
                ),
            )
            return redirect(back)
    return render(
        request,
        "moderation/report_form.html",
        {"form": form, "kind": item_kind, "item": obj, "back": back},
        status=400 if form.errors else 200,
    )
