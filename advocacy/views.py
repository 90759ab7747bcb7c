"""Campaign pages. Thin: parse input, call one selector or service, render. All work without
JavaScript; every action is a form posted to its own URL."""

from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from advocacy import selectors, services
from advocacy.forms import CampaignFilterForm, LetterForm, PledgeAnswerForm, SignatureForm
from advocacy.models import Campaign, CampaignAction, Letter, Pledge, Signature
from advocacy.notifications import news_stop_read
from advocacy.rules import allows
from humena.core.consent import consent_current
from humena.core.forms import form_add_service_errors
from humena.core.models import ConsentText
from humena.core.ratelimit import client_key

PAGE_SIZE = 12
SIGNERS_PAGE_SIZE = 50


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    form = CampaignFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    campaigns = selectors.campaigns_public(
        country=data.get("country") or "",
        theme=data.get("theme") or "",
        status=data.get("status") or "",
    )
    page = Paginator(campaigns, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "advocacy/campaign_list.html",
        {
            "form": form,
            "page": page,
            "page_links": page.paginator.get_elided_page_range(page.number),
            "query": query.urlencode(),
            "filtered": any(data.values()),
        },
    )


def _share_links(request: HttpRequest, campaign: Campaign) -> dict:
    """Plain links (no third-party widget, nothing loads until someone clicks)."""
    url = request.build_absolute_uri(campaign.get_absolute_url())
    text = quote(f"{campaign.title} {url}")
    return {
        "url": url,
        "email": f"mailto:?subject={quote(campaign.title)}&body={quote(url)}",
        "whatsapp": f"https://wa.me/?text={text}",
        "telegram": f"https://t.me/share/url?url={quote(url)}&text={quote(campaign.title)}",
        "x": f"https://x.com/intent/post?text={text}",
    }


def _detail_context(request: HttpRequest, campaign: Campaign, **extra) -> dict:
    consent = consent_current(ConsentText.Purpose.PETITION)
    staff_view = allows("advocacy.see_private", request.user)
    context = {
        "campaign": campaign,
        "themes": list(campaign.themes.all()),
        "targets": selectors.campaign_targets(campaign=campaign),
        "updates": list(selectors.campaign_updates(campaign=campaign, limit=5)),
        "actions": selectors.campaign_actions(campaign=campaign),
        "signers": list(selectors.signers_named(campaign=campaign)[:10]),
        "participation": selectors.participation_of(campaign=campaign, user=request.user),
        "consent": consent,
        "consent_text": consent.text_in(get_language()),
        "share": _share_links(request, campaign),
        "staff_view": staff_view,
        "can_sign": campaign.is_live and campaign.has_petition,
        "pledge_answers": Pledge.Answer.choices,
    }
    if "form" not in extra:
        initial = {"consent_version": consent.version}
        if request.user.is_authenticated:
            initial["email"] = request.user.email
        context["form"] = SignatureForm(initial=initial)
    context.update(extra)
    return context


@require_GET
def detail(request: HttpRequest, slug: str) -> HttpResponse:
    campaign = selectors.campaign_for(slug=slug, user=request.user)
    return render(request, "advocacy/campaign_detail.html", _detail_context(request, campaign))


@require_POST
def sign(request: HttpRequest, slug: str) -> HttpResponse:
    campaign = selectors.campaign_for(slug=slug, user=request.user)
    form = SignatureForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            signature = services.signature_request(
                campaign=campaign,
                email=data["email"],
                name=data["name"],
                show_name=data["show_name"],
                country=data["country"] or "",
                keep_informed=data["keep_informed"],
                consent_version=data["consent_version"],
                language=get_language(),
                user=request.user,
                rate_key=client_key(request),
                challenge_solved=form.challenge_solved,
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            if signature is not None:
                messages.success(request, _("Thank you: your signature counts."))
                return redirect(campaign)
            return redirect("advocacy:signed", slug=campaign.slug)
    context = _detail_context(request, campaign, form=form)
    return render(request, "advocacy/campaign_detail.html", context, status=400)


@require_GET
def signed(request: HttpRequest, slug: str) -> HttpResponse:
    campaign = selectors.campaign_for(slug=slug, user=request.user)
    return render(request, "advocacy/signature_check_email.html", {"campaign": campaign})


@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button; only POST confirms, so that mail scanners opening links count
    nothing."""
    signature = get_object_or_404(Signature.objects.select_related("campaign"), token=token)
    if request.method == "POST":
        try:
            services.signature_confirm(token=token)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Thank you: your signature counts."))
        return redirect(signature.campaign)
    return render(request, "advocacy/signature_confirm.html", {"signature": signature})


@require_http_methods(["GET", "POST"])
def withdraw(request: HttpRequest, token: str) -> HttpResponse:
    signature = get_object_or_404(Signature.objects.select_related("campaign"), token=token)
    if request.method == "POST":
        campaign = services.signature_withdraw(token=token)
        messages.success(request, _("Your signature was removed."))
        if campaign.is_published:
            return redirect(campaign)
        return redirect("advocacy:index")
    return render(request, "advocacy/signature_withdraw.html", {"signature": signature})


@csrf_exempt  # RFC 8058: mail programs post the one-click unsubscribe without a session
@require_http_methods(["GET", "POST"])
def news_stop(request: HttpRequest, token: str) -> HttpResponse:
    try:
        signature_id = news_stop_read(token)
    except signing.BadSignature as error:
        raise Http404 from error
    if request.method == "POST":
        services.signature_stop_news(signature_id=signature_id)
        return render(request, "advocacy/news_stopped.html")
    return render(request, "advocacy/news_stop.html", {"token": token})


@require_GET
def signers(request: HttpRequest, slug: str) -> HttpResponse:
    campaign = selectors.campaign_for(slug=slug, user=request.user)
    page = Paginator(selectors.signers_named(campaign=campaign), SIGNERS_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "advocacy/signature_list.html",
        {
            "campaign": campaign,
            "page": page,
            "page_links": page.paginator.get_elided_page_range(page.number),
        },
    )


def _action(request: HttpRequest, slug: str, action_id: int, kind: str) -> CampaignAction:
    campaign = selectors.campaign_for(slug=slug, user=request.user)
    action = (
        CampaignAction.objects.select_related("campaign", "target__stakeholder")
        .filter(pk=action_id, campaign=campaign, kind=kind)
        .first()
    )
    if action is None:
        raise Http404
    return action


@login_required
@require_http_methods(["GET", "POST"])
def letter(request: HttpRequest, slug: str, action_id: int) -> HttpResponse:
    action = _action(request, slug, action_id, CampaignAction.Kind.LETTER)
    if request.method == "POST":
        form = LetterForm(request.POST)
        if form.is_valid():
            try:
                written = services.letter_send(
                    action=action, user=request.user, **form.cleaned_data
                )
            except ValidationError as error:
                form_add_service_errors(form, error)
            else:
                return redirect("advocacy:letter_done", slug=slug, letter_id=written.pk)
    else:
        form = LetterForm(
            initial={
                "subject": action.letter_subject,
                "body": action.letter_body,
                "signed_as": request.user.display_name,
            }
        )
    return render(
        request,
        "advocacy/letter_form.html",
        {"action": action, "campaign": action.campaign, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_GET
def letter_done(request: HttpRequest, slug: str, letter_id: int) -> HttpResponse:
    written = get_object_or_404(
        Letter.objects.select_related("action__campaign", "target__stakeholder"),
        pk=letter_id,
        sender=request.user,
        action__campaign__slug=slug,
    )
    return render(
        request,
        "advocacy/letter_done.html",
        {"letter": written, "campaign": written.action.campaign},
    )


@login_required
@require_POST
def pledge(request: HttpRequest, slug: str, action_id: int) -> HttpResponse:
    action = _action(request, slug, action_id, CampaignAction.Kind.PLEDGE)
    try:
        services.pledge_make(action=action, user=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            ngettext(
                "Thank you for your pledge. We will ask you tomorrow how it went.",
                "Thank you for your pledge. We will ask you in %(days)d days how it went.",
                action.followup_days,
            )
            % {"days": action.followup_days},
        )
    return redirect(action.campaign.get_absolute_url() + "#pledges")


@login_required
@require_POST
def pledge_answer(request: HttpRequest, pledge_id: int) -> HttpResponse:
    pledged = Pledge.objects.select_related("action__campaign").filter(pk=pledge_id).first()
    if pledged is None or pledged.user_id != request.user.pk:
        raise Http404
    form = PledgeAnswerForm(request.POST)
    if form.is_valid():
        services.pledge_answer(
            pledge=pledged, user=request.user, answer=form.cleaned_data["answer"]
        )
        messages.success(request, _("Thank you for telling us."))
    else:
        messages.error(request, _("Choose one of the answers."))
    return redirect(pledged.action.campaign.get_absolute_url() + "#pledges")
