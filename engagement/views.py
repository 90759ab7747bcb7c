"""Initiative pages. Thin: parse input, call one selector or service, render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from engagement import calendar, selectors, services
from engagement.forms import BrowseForm, EventForm, InitiativeForm, NeedForm, RsvpForm, UpdateForm
from engagement.models import Initiative, Membership, Need
from engagement.rules import allows
from humena.core.forms import form_add_service_errors
from humena.moderation.review import review_notice

PAGE_SIZE = 20
REVIEW_MESSAGE = gettext_lazy(
    "Your initiative was sent to the moderators: it will be public once they approve it."
)


def _filters(request: HttpRequest) -> tuple[BrowseForm, selectors.BrowseFilters]:
    form = BrowseForm(request.GET or None)
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        filters = selectors.BrowseFilters(
            q=data["q"],
            country=data["country"] or "",
            city=data["city"],
            themes=tuple(data["theme"]),
            status=data["status"],
            skill=data["skill"],
            remote=data["remote"],
            sort=data["sort"] or "newest",
        )
    else:
        filters = selectors.BrowseFilters()
    return form, filters


def _message_errors(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


@require_GET
def browse(request: HttpRequest) -> HttpResponse:
    form, filters = _filters(request)
    initiatives = selectors.initiatives_browse(user=request.user, filters=filters)
    page = Paginator(initiatives, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    template = (
        "engagement/components/initiative_results.html"
        if request.htmx
        else "engagement/initiative_list.html"
    )
    return render(
        request,
        template,
        {
            "form": form,
            "page": page,
            "page_links": page.paginator.get_elided_page_range(page.number, on_each_side=2),
            "filters": filters,
            "query": query.urlencode(),
        },
    )


@require_GET
def browse_map(request: HttpRequest) -> HttpResponse:
    form, _filters_unused = _filters(request)
    from django.conf import settings

    return render(
        request,
        "engagement/initiative_map.html",
        {
            "form": form,
            "geojson_query": request.GET.urlencode(),
            "tile_url": settings.MAP_TILE_URL,
            "tile_attribution": settings.MAP_TILE_ATTRIBUTION,
        },
    )


@require_GET
def browse_geojson(request: HttpRequest) -> JsonResponse:
    _form, filters = _filters(request)
    return JsonResponse(selectors.initiatives_geojson(user=request.user, filters=filters))


@login_required
@require_GET
def mine(request: HttpRequest) -> HttpResponse:
    memberships = selectors.memberships_of_user(user=request.user)
    return render(request, "engagement/initiative_mine.html", {"memberships": memberships})


@require_GET
def detail(request: HttpRequest, slug: str) -> HttpResponse:
    user = request.user
    initiative = selectors.initiative_for_user(slug=slug, user=user)
    context = {
        "initiative": initiative,
        "membership": selectors.membership_of(user=user, initiative=initiative),
        "organisers": selectors.initiative_organisers(initiative=initiative),
        "updates": selectors.initiative_updates(initiative=initiative, user=user)[:10],
        "events": selectors.initiative_events(initiative=initiative, user=user),
        "needs": selectors.initiative_needs(initiative=initiative, open_only=True, user=user),
        "can_manage": user.has_perm("engagement.change_initiative", initiative),
        "can_join": allows("engagement.join_initiative", user, initiative),
    }
    if context["can_manage"]:
        context["review"] = review_notice(initiative)
    return render(request, "engagement/initiative_detail.html", context)


def _saved_message(request: HttpRequest, initiative: Initiative, saved: str) -> None:
    """Saved; or, when publishing sent it to review, say that it waits for the moderators."""
    if initiative.status == Initiative.Status.IN_REVIEW:
        messages.info(request, REVIEW_MESSAGE)
    else:
        messages.success(request, saved)


@login_required
@require_http_methods(["GET", "POST"])
def create(request: HttpRequest) -> HttpResponse:
    form = InitiativeForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            initiative = services.initiative_create(
                user=request.user,
                data=form.service_data(),
                themes=list(form.cleaned_data["themes"]),
                cover_image=form.cleaned_data.get("cover_image"),
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            _saved_message(request, initiative, _("Your initiative was created."))
            return redirect(initiative)
    return render(request, "engagement/initiative_form.html", {"form": form})


def _managed_initiative(request: HttpRequest, slug: str, permission: str) -> Initiative:
    initiative = selectors.initiative_for_user(slug=slug, user=request.user)
    if not request.user.has_perm(permission, initiative):
        raise PermissionDenied
    return initiative


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, slug: str) -> HttpResponse:
    initiative = _managed_initiative(request, slug, "engagement.change_initiative")
    form = InitiativeForm(
        request.POST or None,
        request.FILES or None,
        instance=initiative,
        initial={"themes": list(initiative.themes.all())},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.initiative_update(
                initiative=initiative,
                user=request.user,
                data=form.service_data(),
                themes=list(form.cleaned_data["themes"]),
                cover_image=form.cover_for_service(),
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            _saved_message(request, initiative, _("Your changes were saved."))
            return redirect(initiative)
    if request.method == "POST":
        initiative.refresh_from_db()
    return render(
        request,
        "engagement/initiative_form.html",
        {"form": form, "initiative": initiative, "review": review_notice(initiative)},
    )


@login_required
@require_POST
def join(request: HttpRequest, slug: str) -> HttpResponse:
    initiative = selectors.initiative_for_user(slug=slug, user=request.user)
    return _join(request, initiative)


def _join(request: HttpRequest, initiative: Initiative, invite_token: str | None = None):
    try:
        membership = services.initiative_join(
            initiative=initiative, user=request.user, invite_token=invite_token
        )
    except ValidationError as error:
        _message_errors(request, error)
        if request.user.has_perm("engagement.view_initiative", initiative):
            return redirect(initiative)
        return redirect("engagement:mine")
    if membership.status == Membership.Status.APPROVED:
        messages.success(request, _("You joined %(title)s.") % {"title": initiative.title})
    else:
        messages.info(request, _("Your request was sent. The organisers will answer it."))
    if request.user.has_perm("engagement.view_initiative", initiative):
        return redirect(initiative)
    return redirect("engagement:mine")


@login_required
@require_http_methods(["GET", "POST"])
def invite(request: HttpRequest, slug: str, token: str) -> HttpResponse:
    initiative = Initiative.objects.filter(slug=slug, invite_token=token).first()
    if initiative is None or not initiative.is_published or initiative.is_hidden:
        raise Http404
    if request.method == "POST":
        return _join(request, initiative, invite_token=token)
    membership = selectors.membership_of(user=request.user, initiative=initiative)
    return render(
        request,
        "engagement/initiative_invite.html",
        {"initiative": initiative, "membership": membership, "token": token},
    )


@login_required
@require_http_methods(["GET", "POST"])
def leave(request: HttpRequest, slug: str) -> HttpResponse:
    initiative = Initiative.objects.filter(slug=slug).first()
    membership = initiative and selectors.membership_of(user=request.user, initiative=initiative)
    if membership is None or membership.status not in (
        Membership.Status.APPROVED,
        Membership.Status.PENDING,
    ):
        raise Http404
    if request.method == "POST":
        try:
            services.initiative_leave(initiative=initiative, user=request.user)
        except ValidationError as error:
            _message_errors(request, error)
            return redirect("engagement:leave", slug=slug)
        messages.success(request, _("You left %(title)s.") % {"title": initiative.title})
        return redirect("engagement:mine")
    return render(request, "engagement/initiative_leave.html", {"initiative": initiative})


@login_required
@require_GET
def members(request: HttpRequest, slug: str) -> HttpResponse:
    initiative = selectors.initiative_for_user(slug=slug, user=request.user)
    if not request.user.has_perm("engagement.view_members", initiative):
        raise Http404  # the roster is private: it does not exist for others
    roster = selectors.initiative_members(initiative=initiative, viewer=request.user)
    return render(
        request,
        "engagement/membership_list.html",
        {"initiative": initiative, "memberships": roster},
    )


MEMBER_ACTIONS = {"approve", "decline", "remove", "make_organiser", "make_member"}


@login_required
@require_POST
def member_action(request: HttpRequest, slug: str, membership_id: int) -> HttpResponse:
    initiative = selectors.initiative_for_user(slug=slug, user=request.user)
    if not request.user.has_perm("engagement.manage_members", initiative):
        raise Http404
    membership = get_object_or_404(Membership, pk=membership_id, initiative=initiative)
    action = request.POST.get("action")
    if action not in MEMBER_ACTIONS:
        messages.error(request, _("Unknown action."))
        return redirect("engagement:members", slug=slug)
    try:
        if action in {"approve", "decline"}:
            services.membership_decide(
                membership=membership, actor=request.user, approve=action == "approve"
            )
        elif action == "remove":
            services.membership_remove(membership=membership, actor=request.user)
        else:
            role = (
                Membership.Role.ORGANISER if action == "make_organiser" else Membership.Role.MEMBER
            )
            services.membership_set_role(membership=membership, actor=request.user, role=role)
    except ValidationError as error:
        _message_errors(request, error)
    else:
        messages.success(request, _("Done."))
    return redirect("engagement:members", slug=slug)


@login_required
@require_POST
def invite_renew(request: HttpRequest, slug: str) -> HttpResponse:
    initiative = _managed_initiative(request, slug, "engagement.change_initiative")
    services.initiative_invite_renew(initiative=initiative, user=request.user)
    messages.success(request, _("A new invitation link was made; the old one no longer works."))
    return redirect("engagement:members", slug=slug)


@login_required
@require_http_methods(["GET", "POST"])
def update_create(request: HttpRequest, slug: str) -> HttpResponse:
    initiative = _managed_initiative(request, slug, "engagement.post_update")
    form = UpdateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_post(initiative=initiative, author=request.user, **form.cleaned_data)
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("Your update was published."))
            return redirect(initiative)
    return render(request, "engagement/update_form.html", {"form": form, "initiative": initiative})


@login_required
@require_http_methods(["GET", "POST"])
def need_form(request: HttpRequest, slug: str, need_id: int | None = None) -> HttpResponse:
    initiative = _managed_initiative(request, slug, "engagement.manage_needs")
    need = get_object_or_404(Need, pk=need_id, initiative=initiative) if need_id else None
    form = NeedForm(request.POST or None, instance=need)
    if request.method == "POST" and form.is_valid():
        try:
            if need is None:
                services.need_create(
                    initiative=initiative, actor=request.user, data=form.cleaned_data
                )
            else:
                data = dict(form.cleaned_data)
                if "filled" in request.POST:
                    data["status"] = Need.Status.FILLED
                elif "reopen" in request.POST:
                    data["status"] = Need.Status.OPEN
                services.need_update(need=need, actor=request.user, data=data)
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("The need was saved."))
            return redirect(initiative)
    return render(
        request,
        "engagement/need_form.html",
        {"form": form, "initiative": initiative, "need": need},
    )


@login_required
@require_http_methods(["GET", "POST"])
def event_form(request: HttpRequest, slug: str, event_id: int | None = None) -> HttpResponse:
    initiative = _managed_initiative(request, slug, "engagement.manage_events")
    event = get_object_or_404(initiative.events, pk=event_id) if event_id else None
    form = EventForm(request.POST or None, instance=event)
    if request.method == "POST" and form.is_valid():
        try:
            if event is None:
                event = services.event_create(
                    initiative=initiative, actor=request.user, data=form.cleaned_data
                )
            else:
                services.event_update(event=event, actor=request.user, data=form.cleaned_data)
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("The event was saved."))
            return redirect("engagement:event", slug=slug, event_id=event.pk)
    return render(
        request,
        "engagement/event_form.html",
        {"form": form, "initiative": initiative, "event": event},
    )


@require_GET
def event_detail(request: HttpRequest, slug: str, event_id: int) -> HttpResponse:
    initiative = selectors.initiative_for_user(slug=slug, user=request.user)
    event = selectors.event_for_user(initiative=initiative, event_id=event_id, user=request.user)
    my_rsvp = None
    if request.user.is_authenticated:
        my_rsvp = event.rsvps.filter(user=request.user).first()
    return render(
        request,
        "engagement/event_detail.html",
        {
            "initiative": initiative,
            "event": event,
            "my_rsvp": my_rsvp,
            "can_rsvp": allows("engagement.rsvp_event", request.user, initiative),
            "can_manage": request.user.has_perm("engagement.manage_events", initiative),
            "sees_members_only": request.user.has_perm(
                "engagement.see_members_only_content", initiative
            ),
        },
    )


@login_required
@require_POST
def event_rsvp(request: HttpRequest, slug: str, event_id: int) -> HttpResponse:
    initiative = selectors.initiative_for_user(slug=slug, user=request.user)
    event = selectors.event_for_user(initiative=initiative, event_id=event_id, user=request.user)
    form = RsvpForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Answer going or not going."))
    else:
        try:
            services.event_rsvp(
                event=event, user=request.user, response=form.cleaned_data["response"]
            )
        except ValidationError as error:
            _message_errors(request, error)
        except PermissionDenied as error:
            messages.error(request, str(error) or _("You cannot answer this invitation."))
        else:
            messages.success(request, _("Your answer was saved."))
    return redirect("engagement:event", slug=slug, event_id=event.pk)


@require_GET
def event_ics(request: HttpRequest, slug: str, event_id: int) -> HttpResponse:
    initiative = selectors.initiative_for_user(slug=slug, user=request.user)
    event = selectors.event_for_user(initiative=initiative, event_id=event_id, user=request.user)
    return calendar.ics_response(
        calendar.calendar_for(initiative=initiative, events=[event], request=request),
        filename=f"event-{event.pk}.ics",
    )


@require_GET
def initiative_ics(request: HttpRequest, slug: str) -> HttpResponse:
    initiative = selectors.initiative_for_user(slug=slug, user=request.user)
    events = selectors.initiative_events(
        initiative=initiative, user=request.user, upcoming_only=False
    )
    return calendar.ics_response(
        calendar.calendar_for(initiative=initiative, events=events, request=request),
        filename=f"{initiative.pk}.ics",
    )
