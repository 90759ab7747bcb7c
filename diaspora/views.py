"""FROM-level pages. Thin: parse input, call one selector or service, render."""

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from diaspora import selectors, services
from diaspora.forms import (
    FIELD_LABELS,
    AboutForm,
    AnswerForm,
    AvailabilityForm,
    ConsultationForm,
    IntroductionRequestForm,
    LanguageFormSet,
    MilestoneForm,
    NetworkProposalForm,
    NetworkUpdateForm,
    PrivacyForm,
    ProjectProposalForm,
    SkillFormSet,
)
from diaspora.models import (
    Consultation,
    DiasporaProfile,
    FieldVisibility,
    Introduction,
    JointProject,
    Milestone,
    Network,
    NetworkMembership,
)
from diaspora.rules import allows
from engagement.models import Initiative, Need
from humena.audit.services import audit_record
from humena.core.forms import form_add_service_errors
from humena.core.mfa import has_staff_powers
from humena.core.numbers import digits_to_int
from humena.moderation.review import review_notice
from humena.taxonomy.models import Skill

BLANK_ROWS = 3
PAGE_SIZE = 20
NETWORK_REVIEW_MESSAGE = gettext_lazy(
    "Your network was sent to the moderators: it will be listed once they approve it."
)


def _errors_to_messages(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    profile = selectors.profile_of(user=request.user)
    networks = selectors.networks_visible_to(request.user)[:6]
    return render(request, "diaspora/index.html", {"profile": profile, "networks": networks})


# --- The profile wizard -------------------------------------------------------------------

STEPS = {
    1: _("About you"),
    2: _("Languages"),
    3: _("Skills"),
    4: _("Availability"),
    5: _("Privacy and matching"),
}


def _rows_with_blanks(rows: list[dict], cap: int) -> list[dict]:
    return [*rows, *({} for _ in range(max(0, min(BLANK_ROWS, cap - len(rows)))))]


def _step_form(step: int, profile: DiasporaProfile, data):
    """The form (or formset) of one wizard step, filled from the profile."""
    if step == 1:
        return AboutForm(
            data,
            initial={
                "origin_country": profile.origin_country,
                "residence_country": profile.residence_country,
                "residence_city": profile.residence_city,
                "bio": profile.bio,
            },
        )
    if step == 2:
        rows = [{"language": pl.language, "level": pl.level} for pl in profile.languages.all()]
        return LanguageFormSet(
            data, prefix="languages", initial=_rows_with_blanks(rows, LanguageFormSet.max_num)
        )
    if step == 3:
        rows = [
            {"skill": ps.skill.slug, "level": ps.level, "years": ps.years}
            for ps in profile.skills.select_related("skill")
        ]
        return SkillFormSet(
            data,
            prefix="skills",
            initial=_rows_with_blanks(rows, SkillFormSet.max_num),
            form_kwargs={"keep": tuple(row["skill"] for row in rows)},
        )
    if step == 4:
        return AvailabilityForm(
            data,
            initial={
                "hours_per_month": profile.hours_per_month,
                "work_mode": profile.work_mode,
                "time_zone": profile.time_zone,
                "contributions": profile.contributions,
            },
        )
    initial = {"consent_to_matching": profile.consent_to_matching}
    initial.update(
        {f"visibility_{f}": profile.visibility_of(f) for f in DiasporaProfile.VISIBLE_FIELDS}
    )
    return PrivacyForm(data, initial=initial)


@login_required
@require_http_methods(["GET", "POST"])
def wizard(request: HttpRequest, step: int) -> HttpResponse:
    """Five short steps; each saves on its own, so people can stop and come back."""
    if step not in STEPS:
        raise Http404
    profile = services.profile_get_or_create(user=request.user)
    target = _step_form(step, profile, request.POST if request.method == "POST" else None)
    is_formset = step in (2, 3)
    if request.method == "POST" and target.is_valid():
        try:
            _save_step(step, profile, target)
        except ValidationError as error:
            if is_formset:
                target._non_form_errors = target.error_class(error.messages)
            else:
                form_add_service_errors(target, error)
        else:
            if step < len(STEPS) and "finish" not in request.POST:
                messages.success(request, _("Saved."))
                return redirect("diaspora:wizard", step=step + 1)
            messages.success(request, _("Your profile is saved."))
            return redirect("diaspora:my_profile")
    return render(
        request,
        "diaspora/profile_wizard.html",
        {
            "step": step,
            "steps": STEPS,
            "form": None if is_formset else target,
            "formset": target if is_formset else None,
            "profile": profile,
        },
    )


def _save_step(step: int, profile: DiasporaProfile, form) -> None:
    formset = form
    if step == 1:
        services.profile_save_about(profile=profile, **form.cleaned_data)
    elif step == 2:
        services.profile_set_languages(
            profile=profile,
            languages=[
                (row["language"], row["level"])
                for row in formset.cleaned_data
                if row.get("language") and row.get("level")
            ],
        )
    elif step == 3:
        rows = [row for row in formset.cleaned_data if row.get("skill")]
        skills = {s.slug: s for s in Skill.objects.filter(slug__in=[r["skill"] for r in rows])}
        unknown = [row["skill"] for row in rows if row["skill"] not in skills]
        if unknown:
            raise ValidationError(_("Unknown skill: %(slug)s") % {"slug": unknown[0]})
        services.profile_set_skills(
            profile=profile,
            skills=[(skills[r["skill"]], r["level"], r.get("years") or 0) for r in rows],
        )
    elif step == 4:
        services.profile_save_availability(profile=profile, **form.cleaned_data)
    else:
        services.profile_save_privacy(
            profile=profile,
            visibility=form.visibility(),
            consent_to_matching=form.cleaned_data["consent_to_matching"],
        )


@login_required
@require_GET
def my_profile(request: HttpRequest) -> HttpResponse:
    profile = selectors.profile_of(user=request.user)
    if profile is None:
        return redirect("diaspora:wizard", step=1)
    return redirect(profile)


PREVIEW_AUDIENCES = {
    "public": {FieldVisibility.PUBLIC},
    "networks": {FieldVisibility.PUBLIC, FieldVisibility.NETWORKS},
}


@require_GET
def profile(request: HttpRequest, public_id) -> HttpResponse:
    if not request.user.is_authenticated:
        raise Http404  # profiles are for signed-in members only
    item, fields = selectors.profile_for_viewer(public_id=public_id, viewer=request.user)
    is_owner = item.user_id == request.user.pk
    preview = request.GET.get("as") if is_owner else None
    if preview in PREVIEW_AUDIENCES:
        fields = selectors.visible_fields(profile=item, audience=PREVIEW_AUDIENCES[preview])
    return render(
        request,
        "diaspora/profile_detail.html",
        {
            "profile": item,
            "fields": fields,
            "is_owner": is_owner,
            "preview": preview,
            "field_labels": FIELD_LABELS,
        },
    )


# --- Matching and introductions -----------------------------------------------------------


def _need_for_manager(request: HttpRequest, need_id: int) -> Need:
    need = get_object_or_404(Need.objects.select_related("skill", "initiative"), pk=need_id)
    if not request.user.has_perm("engagement.manage_needs", need.initiative):
        raise Http404  # matches are for the initiative's organisers and staff only
    return need


@login_required
@require_http_methods(["GET", "POST"])
def need_matches(request: HttpRequest, need_id: int) -> HttpResponse:
    need = _need_for_manager(request, need_id)
    form = IntroductionRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        profile = selectors.match_profile(need_id=need.pk, reference=form.cleaned_data["match"])
        if profile is None:
            raise Http404
        try:
            services.introduction_request(
                need=need, actor=request.user, profile=profile, message=form.cleaned_data["message"]
            )
        except ValidationError as error:
            _errors_to_messages(request, error)
        else:
            messages.success(
                request,
                _("Your request was sent. You will see the member's contact if they accept."),
            )
        return redirect("diaspora:need_matches", need_id=need.pk)
    return render(
        request,
        "diaspora/need_matches.html",
        {
            "need": need,
            "matches": selectors.matches_for_need(need=need, viewer=request.user),
            "form": form,
        },
    )


@login_required
@require_GET
def needs_for_me(request: HttpRequest) -> HttpResponse:
    profile = selectors.profile_of(user=request.user)
    return render(
        request,
        "diaspora/needs_for_me.html",
        {
            "profile": profile,
            "ranked": selectors.needs_for_member(user=request.user, profile=profile),
        },
    )


@login_required
@require_GET
def introductions(request: HttpRequest) -> HttpResponse:
    return render(
        request, "diaspora/introduction_list.html", selectors.introductions_for(user=request.user)
    )


@login_required
@require_POST
def introduction_respond(request: HttpRequest, introduction_id: int) -> HttpResponse:
    introduction = get_object_or_404(Introduction, pk=introduction_id, member=request.user)
    answer = request.POST.get("answer")
    if answer not in {"accept", "decline"}:
        messages.error(request, _("Unknown answer."))
        return redirect("diaspora:introductions")
    try:
        services.introduction_respond(
            introduction=introduction, user=request.user, accept=answer == "accept"
        )
    except ValidationError as error:
        _errors_to_messages(request, error)
    else:
        messages.success(
            request,
            _("You accepted: you can now see each other's contact.")
            if answer == "accept"
            else _("You declined. The organiser is told, without a reason."),
        )
    return redirect("diaspora:introductions")


# --- Networks -----------------------------------------------------------------------------


@require_GET
def network_list(request: HttpRequest) -> HttpResponse:
    networks = selectors.networks_visible_to(request.user)
    page = Paginator(networks, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "diaspora/network_list.html",
        {
            "page": page,
            "page_links": page.paginator.get_elided_page_range(page.number, on_each_side=2),
        },
    )


def _proposal_saved(request: HttpRequest, network: Network) -> HttpResponse:
    if network.status == Network.Status.IN_REVIEW:
        messages.info(request, NETWORK_REVIEW_MESSAGE)
    else:
        messages.success(request, _("Your network is published."))
    return redirect(network)


@login_required
@require_http_methods(["GET", "POST"])
def network_propose(request: HttpRequest) -> HttpResponse:
    """A member proposes a network; it waits for review unless they are trusted (or staff)."""
    form = NetworkProposalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            network = services.network_create(actor=request.user, **form.service_data())
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            return _proposal_saved(request, network)
    return render(
        request,
        "diaspora/network_form.html",
        {"form": form, "proposals": selectors.networks_proposed_by(user=request.user)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def network_proposal_edit(request: HttpRequest, slug: str) -> HttpResponse:
    """The proposer edits a proposal waiting for review or sent back for changes."""
    network = selectors.network_for_user(slug=slug, user=request.user)
    if not request.user.has_perm("diaspora.edit_network_proposal", network):
        raise Http404
    form = NetworkProposalForm(request.POST or None, instance=network)
    if request.method == "POST" and form.is_valid():
        try:
            network = services.network_proposal_edit(
                network=network, actor=request.user, **form.service_data()
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            return _proposal_saved(request, network)
    if request.method == "POST":
        network.refresh_from_db()
    return render(
        request,
        "diaspora/network_form.html",
        {"form": form, "network": network, "review": review_notice(network)},
    )


@require_GET
def network_detail(request: HttpRequest, slug: str) -> HttpResponse:
    user = request.user
    network = selectors.network_for_user(slug=slug, user=user)
    can_manage = user.has_perm("diaspora.manage_network", network)
    return render(
        request,
        "diaspora/network_detail.html",
        {
            "network": network,
            "membership": selectors.network_membership_of(user=user, network=network),
            "coordinators": selectors.network_coordinators(network=network),
            "updates": selectors.network_updates(network=network, user=user)[:10],
            "consultations": network.consultations.all()[:10],
            "projects": selectors.projects_visible_to(user).filter(network=network)[:10],
            "can_manage": can_manage,
            "can_join": allows("diaspora.join_network", user, network),
            "review": review_notice(network) if can_manage else None,
        },
    )


@login_required
@require_POST
def network_join(request: HttpRequest, slug: str) -> HttpResponse:
    network = selectors.network_for_user(slug=slug, user=request.user)
    try:
        membership = services.network_join(network=network, user=request.user)
    except ValidationError as error:
        _errors_to_messages(request, error)
    else:
        if membership.status == NetworkMembership.Status.APPROVED:
            messages.success(request, _("You joined %(name)s.") % {"name": network.name})
        else:
            messages.info(request, _("Your request was sent to the coordinators."))
    return redirect(network)


@login_required
@require_POST
def network_leave(request: HttpRequest, slug: str) -> HttpResponse:
    # Not network_for_user: a pending member of a members-only network cannot view it yet,
    # but may withdraw the request.
    network = Network.objects.filter(slug=slug).first()
    if network is None or not allows("diaspora.leave_network", request.user, network):
        raise Http404
    try:
        services.network_leave(network=network, user=request.user)
    except ValidationError as error:
        _errors_to_messages(request, error)
        return redirect(network)
    messages.success(request, _("You left %(name)s.") % {"name": network.name})
    return redirect("diaspora:networks")  # the network may not be visible any more


def _managed_network(request: HttpRequest, slug: str):
    network = selectors.network_for_user(slug=slug, user=request.user)
    if not request.user.has_perm("diaspora.manage_network", network):
        raise Http404
    return network


@login_required
@require_http_methods(["GET", "POST"])
def network_members(request: HttpRequest, slug: str) -> HttpResponse:
    network = _managed_network(request, slug)
    if request.method == "POST":
        membership_id = digits_to_int(request.POST.get("membership"))
        if membership_id is None:
            raise Http404
        membership = get_object_or_404(NetworkMembership, pk=membership_id, network=network)
        action = request.POST.get("action")
        try:
            if action in {"approve", "decline"}:
                services.network_membership_decide(
                    membership=membership, actor=request.user, approve=action == "approve"
                )
            else:
                raise ValidationError(_("Unknown action."))
        except ValidationError as error:
            _errors_to_messages(request, error)
        else:
            messages.success(request, _("Done."))
        return redirect("diaspora:network_members", slug=slug)
    return render(
        request,
        "diaspora/network_members.html",
        {
            "network": network,
            "memberships": selectors.network_members(network=network, viewer=request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def network_update_create(request: HttpRequest, slug: str) -> HttpResponse:
    network = _managed_network(request, slug)
    form = NetworkUpdateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.network_update_post(network=network, author=request.user, **form.cleaned_data)
        messages.success(request, _("Your update was published."))
        return redirect(network)
    return render(
        request,
        "diaspora/simple_form.html",
        {"form": form, "back": network, "title": _("Post an update")},
    )


@login_required
@require_http_methods(["GET", "POST"])
def consultation_create(request: HttpRequest, slug: str) -> HttpResponse:
    network = _managed_network(request, slug)
    form = ConsultationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            consultation = services.consultation_open(
                network=network, actor=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            return redirect("diaspora:consultation", pk=consultation.pk)
    return render(
        request,
        "diaspora/simple_form.html",
        {"form": form, "back": network, "title": _("Ask the network a question")},
    )


@require_http_methods(["GET", "POST"])
def consultation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = get_object_or_404(Consultation.objects.select_related("network"), pk=pk)
    network = consultation.network
    if not request.user.has_perm("diaspora.view_network", network):
        raise Http404
    mine = None
    if request.user.is_authenticated:
        mine = consultation.answers.filter(user=request.user).first()
    form = AnswerForm(request.POST or None, initial={"body": mine.body if mine else ""})
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect(f"{reverse('account_login')}?next={request.path}")
        if form.is_valid():
            try:
                services.consultation_answer(
                    consultation=consultation, user=request.user, body=form.cleaned_data["body"]
                )
            except (ValidationError, PermissionDenied) as error:
                messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
            else:
                messages.success(request, _("Thank you: your answer was saved."))
                return redirect("diaspora:consultation", pk=pk)
    return render(
        request,
        "diaspora/consultation_detail.html",
        {
            "consultation": consultation,
            "network": network,
            "form": form,
            "can_answer": allows("diaspora.answer_consultation", request.user, network),
            "mine": mine,
            "answer_count": selectors.consultation_answers(consultation=consultation).count(),
        },
    )


@login_required
@require_GET
def consultation_export(request: HttpRequest, pk: int) -> HttpResponse:
    """Answers for staff, as CSV: the text only, never who wrote it."""
    if not has_staff_powers(request.user):
        raise Http404
    consultation = get_object_or_404(Consultation, pk=pk)
    answers = selectors.consultation_answers(consultation=consultation)
    audit_record(
        actor=request.user,
        action="export.consultation_answers",
        target=consultation,
        rows=answers.count(),
    )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="consultation-{pk}.csv"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(["answered_at", "answer"])
    for answer in answers.order_by("created_at"):
        body = answer.body
        if body[:1] in "=+-@":
            body = "'" + body
        writer.writerow([answer.created_at.isoformat(), body])
    return response


# --- Joint projects -------------------------------------------------------------------------


@require_GET
def project_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.projects_visible_to(request.user), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "diaspora/project_list.html",
        {
            "page": page,
            "page_links": page.paginator.get_elided_page_range(page.number, on_each_side=2),
        },
    )


@require_http_methods(["GET", "POST"])
def project_detail(request: HttpRequest, slug: str) -> HttpResponse:
    project = selectors.project_for_user(slug=slug, user=request.user)
    can_manage = request.user.has_perm("diaspora.manage_project", project)
    milestone_form = MilestoneForm(request.POST if "add_milestone" in request.POST else None)
    if request.method == "POST":
        if not request.user.is_authenticated:
            raise Http404
        try:
            _project_action(request, project, milestone_form)
        except ValidationError as error:
            _errors_to_messages(request, error)
        except PermissionDenied as error:
            messages.error(request, str(error) or _("You cannot do this."))
        else:
            return redirect(project)
    return render(
        request,
        "diaspora/project_detail.html",
        {
            "project": project,
            "can_manage": can_manage,
            "milestone_form": milestone_form,
            "takes_part": request.user.is_authenticated
            and project.participants.filter(pk=request.user.pk).exists(),
            "participant_count": project.participants.count(),
        },
    )


def _project_action(request: HttpRequest, project: JointProject, milestone_form) -> None:
    post = request.POST
    if "status" in post:
        services.joint_project_transition(
            project=project,
            actor=request.user,
            status=post["status"],
            outcome_notes=post.get("outcome_notes"),
        )
    elif "add_milestone" in post:
        if not milestone_form.is_valid():
            raise ValidationError(milestone_form.errors.as_text())
        services.milestone_add(project=project, actor=request.user, **milestone_form.cleaned_data)
    elif "milestone" in post:
        milestone_id = digits_to_int(post["milestone"])
        if milestone_id is None:
            raise Http404
        milestone = get_object_or_404(Milestone, pk=milestone_id, project=project)
        services.milestone_set_done(
            milestone=milestone, actor=request.user, done=post.get("done") == "1"
        )
    elif "take_part" in post:
        services.joint_project_join(project=project, user=request.user)
        messages.success(request, _("You take part in this project."))
    else:
        raise ValidationError(_("Unknown action."))


@login_required
@require_http_methods(["GET", "POST"])
def project_propose(request: HttpRequest, slug: str) -> HttpResponse:
    network = _managed_network(request, slug)
    form = ProjectProposalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        initiative = Initiative.objects.filter(slug=data["initiative"]).first()
        if initiative is None or not request.user.has_perm(
            "engagement.view_initiative", initiative
        ):
            form.add_error("initiative", _("No initiative has this address."))
        else:
            try:
                project = services.joint_project_propose(
                    actor=request.user,
                    initiative=initiative,
                    network=network,
                    title=data["title"],
                    summary=data["summary"],
                    description=data["description"],
                )
            except ValidationError as error:
                form_add_service_errors(form, error)
            else:
                messages.success(request, _("Your proposal was sent to the initiative."))
                return redirect(project)
    return render(
        request,
        "diaspora/simple_form.html",
        {"form": form, "back": network, "title": _("Propose a joint project")},
    )
