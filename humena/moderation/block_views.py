"""Blocking pages: confirm a block where one met the person, list my blocks, unblock."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from humena.moderation import blocks

PAGE_SIZE = 20


@login_required
@require_GET
def block_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(blocks.blocks_of(user=request.user), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "moderation/block_list.html",
        {
            "page": page,
            "page_links": page.paginator.get_elided_page_range(page.number, on_each_side=2),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def block_confirm(request: HttpRequest, source: str, reference: str) -> HttpResponse:
    """Explain what blocking does, then block (POST). Someone one cannot see there: 404."""
    met = blocks.person_met(viewer=request.user, source=source, reference=reference)
    if met is None:
        raise Http404
    error = None
    if request.method == "POST":
        try:
            blocks.block_create(blocker=request.user, blocked=met.person)
        except ValidationError as refusal:
            error = " ".join(refusal.messages)
        else:
            messages.success(
                request,
                _("You blocked %(name)s. They are not told.") % {"name": met.person.display_name},
            )
            return redirect("moderation:blocks")
    return render(
        request,
        "moderation/block_confirm.html",
        {"met": met, "error": error, "is_self": met.person.pk == request.user.pk},
        status=400 if error else 200,
    )


@login_required
@require_POST
def block_remove(request: HttpRequest, block_id: int) -> HttpResponse:
    block = blocks.block_of(user=request.user, block_id=block_id)
    blocks.block_remove(blocker=request.user, blocked=block.blocked)
    messages.success(request, _("You unblocked %(name)s.") % {"name": block.blocked.display_name})
    return redirect("moderation:blocks")
