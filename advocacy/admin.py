"""Campaign officers run campaigns here: content, targets, actions, news, the audience, the test
send, the launch and its progress, pausing and closing, and a dashboard. Every status change goes
through a service (permission, audit, events) and into the admin's change history."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from advocacy import selectors, services
from advocacy.models import (
    Campaign,
    CampaignAction,
    CampaignTarget,
    CampaignUpdate,
    Interaction,
    Letter,
    Mobilisation,
    Pledge,
    Signature,
    Stakeholder,
)
from humena.core.admin_actions import apply_to_each, export_as_csv
from humena.core.admin_inlines import PreloadedChoicesInline
from humena.core.choices import language_choices
from humena.core.images import image_reencode
from humena.core.numbers import digits_to_int


class CampaignStaffOnly:
    """Stakeholders' private notes, signatures, letters and pledges are for campaign staff (the
    permission to change campaigns), whatever other view permission an account holds."""

    def _campaign_staff(self, request) -> bool:
        return request.user.has_perm("advocacy.change_campaign")

    def has_module_permission(self, request) -> bool:
        return self._campaign_staff(request) and super().has_module_permission(request)

    def has_view_permission(self, request, obj=None) -> bool:
        return self._campaign_staff(request) and super().has_view_permission(request, obj)

    def has_change_permission(self, request, obj=None) -> bool:
        return self._campaign_staff(request) and super().has_change_permission(request, obj)

    def has_add_permission(self, request, *args) -> bool:
        return self._campaign_staff(request) and super().has_add_permission(request, *args)

    def has_delete_permission(self, request, obj=None) -> bool:
        return self._campaign_staff(request) and super().has_delete_permission(request, obj)


@admin.register(Stakeholder)
class StakeholderAdmin(CampaignStaffOnly, admin.ModelAdmin):
    list_display = ("name", "kind", "country", "influence", "has_public_email", "updated_at")
    list_filter = ("kind", "influence", "country")
    search_fields = ("name", "public_email")
    autocomplete_fields = ("related",)
    actions = [export_as_csv]
    # Private notes and contacts never leave the admin in an export.
    csv_fields = ("name", "kind", "country", "influence", "public_email", "public_website")
    fieldsets = (
        (None, {"fields": ("name", "kind", "country", "influence")}),
        (_("Public contact"), {"fields": ("public_email", "public_website")}),
        (_("Staff only"), {"fields": ("private_notes", "private_contacts", "related")}),
    )

    @admin.display(boolean=True, description=_("public email"))
    def has_public_email(self, obj: Stakeholder) -> bool:
        return bool(obj.public_email)


class CampaignTargetInline(PreloadedChoicesInline, admin.TabularInline):
    model = CampaignTarget
    preloaded_fields = ("stakeholder",)  # all target rows' stakeholders checked in one query
    fields = ("stakeholder", "ask", "order", "position", "position_since")
    readonly_fields = ("position", "position_since")
    autocomplete_fields = ("stakeholder",)
    show_change_link = True  # interactions are recorded on the target's own page
    extra = 0

    def get_queryset(self, request):
        # Each row is shown by its name: "stakeholder (campaign)".
        return super().get_queryset(request).select_related("stakeholder", "campaign")


class CampaignActionInline(admin.StackedInline):
    model = CampaignAction
    fields = (
        ("kind", "order"), "title", "description", "target", "letter_subject", "letter_body",
        ("followup_days", "followup_question"),
    )  # fmt: skip
    extra = 0

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "target":
            campaign_id = request.resolver_match.kwargs.get("object_id")
            # Each choice is named "stakeholder (campaign)".
            kwargs["queryset"] = CampaignTarget.objects.filter(
                campaign_id=campaign_id
            ).select_related("stakeholder", "campaign")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class CampaignUpdateInline(admin.StackedInline):
    model = CampaignUpdate
    fields = ("title", "body", "send_to_supporters", "sent_at")
    readonly_fields = ("sent_at",)
    extra = 0


class CampaignAdminForm(forms.ModelForm):
    audience_languages = forms.MultipleChoiceField(
        label=_("languages"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("People who speak any of these languages."),
    )

    class Meta:
        model = Campaign
        fields = "__all__"  # noqa: DJ007 - the admin's fieldsets choose the fields

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["audience_languages"].choices = language_choices()
        self.initial["audience_languages"] = list(self.instance.audience_languages or [])

    def clean_image(self):
        """Refuse what cannot be cleaned (too large, not a photo) next to the field."""
        upload = self.cleaned_data.get("image")
        if isinstance(upload, UploadedFile):
            image_reencode(upload)
            upload.seek(0)
        return upload


def _run(modeladmin, request, queryset, service, *, history: str, done, **kwargs) -> None:
    """Apply a status service to each selected campaign (see apply_to_each)."""
    apply_to_each(
        modeladmin,
        request,
        queryset,
        lambda campaign: service(campaign=campaign, actor=request.user, **kwargs),
        history=history,
        done=done,
    )


@admin.action(description=_("Send a test mobilisation to me"))
def send_test(modeladmin, request, queryset):
    _run(
        modeladmin,
        request,
        queryset,
        services.campaign_send_test,
        history=gettext("Test sent to you"),
        done=lambda n: (
            ngettext(
                "A test of %(count)d campaign was sent to you.",
                "Tests of %(count)d campaigns were sent to you.",
                n,
            )
            % {"count": n}
        ),
    )


@admin.action(description=_("Launch: go live and mobilise the audience"))
def launch(modeladmin, request, queryset):
    _run(
        modeladmin,
        request,
        queryset,
        services.campaign_launch,
        history=gettext("Launched"),
        done=lambda n: (
            ngettext("%(count)d campaign launched.", "%(count)d campaigns launched.", n)
            % {"count": n}
        ),
    )


@admin.action(description=_("Schedule (goes live at its start date)"))
def schedule(modeladmin, request, queryset):
    _run(
        modeladmin,
        request,
        queryset,
        services.campaign_schedule,
        history=gettext("Scheduled"),
        done=lambda n: (
            ngettext("%(count)d campaign scheduled.", "%(count)d campaigns scheduled.", n)
            % {"count": n}
        ),
    )


@admin.action(description=_("Pause"))
def pause(modeladmin, request, queryset):
    _run(
        modeladmin,
        request,
        queryset,
        services.campaign_pause,
        history=gettext("Paused"),
        done=lambda n: (
            ngettext("%(count)d campaign paused.", "%(count)d campaigns paused.", n) % {"count": n}
        ),
    )


@admin.action(description=_("Resume"))
def resume(modeladmin, request, queryset):
    _run(
        modeladmin,
        request,
        queryset,
        services.campaign_resume,
        history=gettext("Resumed"),
        done=lambda n: (
            ngettext("%(count)d campaign resumed.", "%(count)d campaigns resumed.", n)
            % {"count": n}
        ),
    )


class CloseForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Campaign.Outcome.choices)
    note = forms.CharField(
        label=_("What happened"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )


@admin.action(description=_("Close with an outcome…"))
def close(modeladmin, request, queryset):
    """An intermediate page asks for the outcome before closing."""
    if "apply" in request.POST:
        form = CloseForm(request.POST)
        if form.is_valid():
            _run(
                modeladmin,
                request,
                queryset,
                services.campaign_close,
                history=gettext("Closed"),
                done=lambda n: (
                    ngettext("%(count)d campaign closed.", "%(count)d campaigns closed.", n)
                    % {"count": n}
                ),
                outcome=form.cleaned_data["outcome"],
                note=form.cleaned_data["note"],
            )
            return None
    else:
        form = CloseForm()
    return TemplateResponse(
        request,
        "admin/advocacy/campaign/close.html",
        {
            **modeladmin.admin_site.each_context(request),
            "title": gettext("Close campaigns"),
            "campaigns": queryset,
            "form": form,
            "opts": modeladmin.model._meta,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        },
    )


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    form = CampaignAdminForm
    change_form_template = "admin/advocacy/campaign/change_form.html"
    view_on_site = False  # the change page links to the preview (drafts) or the public page
    list_display = (
        "title", "status", "outcome", "language", "signature_count", "goal", "launched_at",
        "ends_at",
    )  # fmt: skip
    list_filter = ("status", "outcome", "language", "themes")
    search_fields = ("title", "summary", "slug")
    prepopulated_fields = {"slug": ("title",)}
    filter_horizontal = (
        "themes", "coordinators", "audience_networks", "audience_initiatives", "audience_skills",
    )  # fmt: skip
    readonly_fields = (
        "status", "outcome", "signature_count", "launched_at", "closed_at", "created_at",
        "updated_at", "audience_preview",
    )  # fmt: skip
    inlines = [CampaignTargetInline, CampaignActionInline, CampaignUpdateInline]
    actions = [send_test, launch, schedule, pause, resume, close, export_as_csv]
    date_hierarchy = "created_at"
    fieldsets = (
        (None, {"fields": ("title", "slug", "summary", "description", "asks", "image")}),
        (_("Where and what"), {"fields": ("themes", "countries", "language")}),
        (_("Petition"), {"fields": ("petition_text", "goal", "signature_count")}),
        (
            _("Status and dates"),
            {
                "fields": (
                    "status",
                    "starts_at",
                    "ends_at",
                    "launched_at",
                    "outcome",
                    "outcome_note",
                    "closed_at",
                    "coordinators",
                )
            },
        ),
        (
            _("Audience and mobilisation"),
            {
                "description": _(
                    "Members of any chosen network or initiative, narrowed by every other "
                    "criterion (checked only for people who consented to matching). Choose at "
                    "least one criterion: an empty segment reaches nobody."
                ),
                "fields": (
                    "audience_networks",
                    "audience_initiatives",
                    "audience_origin_countries",
                    "audience_residence_countries",
                    "audience_skills",
                    "audience_languages",
                    "audience_preview",
                    "mobilisation_message",
                ),
            },
        ),
        (_("Record"), {"classes": ("collapse",), "fields": ("created_at", "updated_at")}),
    )

    @admin.display(description=_("audience now"))
    def audience_preview(self, obj: Campaign) -> str:
        if obj.pk is None:
            return gettext("Save the campaign to see how many people the segment reaches.")
        count = selectors.campaign_audience(campaign=obj).count()
        return ngettext("%(count)d person", "%(count)d people", count) % {"count": count}

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """The run box at the top of the page: buttons, and the progress of what was sent."""
        pk = digits_to_int(object_id)
        campaign = Campaign.objects.filter(pk=pk).first() if pk is not None else None
        if campaign is not None:
            extra_context = {**(extra_context or {}), "progress_table": _progress_table(campaign)}
        return super().change_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        upload = form.cleaned_data.get("image")
        image = upload if isinstance(upload, UploadedFile) else (False if upload is False else None)
        obj.audience_languages = list(form.cleaned_data.get("audience_languages") or [])
        services.campaign_save(campaign=obj, actor=request.user, image=image)

    def save_formset(self, request, form, formset, change):
        if formset.model is CampaignUpdate:
            # News goes through the service: Markdown rendered, and sent to supporters once.
            instances = formset.save(commit=False)
            for deleted in formset.deleted_objects:
                deleted.delete()
            for update in instances:
                services.update_save(update=update, actor=request.user)
            return
        super().save_formset(request, form, formset, change)

    def get_urls(self):
        urls = [
            path(
                "<int:pk>/dashboard/",
                self.admin_site.admin_view(self.dashboard_view),
                name="advocacy_campaign_dashboard",
            ),
            path(
                "<int:pk>/progress/",
                self.admin_site.admin_view(self.progress_view),
                name="advocacy_campaign_progress",
            ),
            path(
                "<int:pk>/do/<str:what>/",
                self.admin_site.admin_view(require_POST(self.do_view)),
                name="advocacy_campaign_do",
            ),
        ]
        return urls + super().get_urls()

    def _campaign_or_404(self, request: HttpRequest, pk: int) -> Campaign:
        if not self.has_view_permission(request):
            raise Http404
        return get_object_or_404(Campaign, pk=pk)

    def dashboard_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        campaign = self._campaign_or_404(request, pk)
        dashboard = selectors.campaign_dashboard(campaign=campaign)
        return TemplateResponse(
            request,
            "admin/advocacy/campaign/dashboard.html",
            {
                **self.admin_site.each_context(request),
                "title": gettext("Dashboard: %(title)s") % {"title": campaign.title},
                "campaign": campaign,
                "opts": self.model._meta,
                "original": campaign,
                "dashboard": dashboard,
                "chart": _bar_chart(dashboard["series"], dashboard["peak"]),
                "progress_table": _progress_table(campaign),
            },
        )

    def progress_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        campaign = self._campaign_or_404(request, pk)
        return HttpResponse(_progress_table(campaign))

    def do_view(self, request: HttpRequest, pk: int, what: str) -> HttpResponse:
        """The change page's buttons: send a test to me, launch, pause, resume."""
        campaign = self._campaign_or_404(request, pk)
        if not self.has_change_permission(request, campaign):
            raise PermissionDenied
        chosen = {"test": send_test, "launch": launch, "pause": pause, "resume": resume}
        if what not in chosen:
            raise Http404
        chosen[what](self, request, Campaign.objects.filter(pk=campaign.pk))
        return HttpResponseRedirect(reverse("admin:advocacy_campaign_change", args=[pk]))


def _bar_chart(series: list, peak: int, *, height: int = 120, step: int = 10) -> dict:
    """Geometry of a server-drawn SVG bar chart (no script, no third-party library)."""
    bars = []
    for index, (day, count) in enumerate(series):
        bar_height = round(height * count / peak) if peak else 0
        bars.append(
            {
                "x": index * step,
                "y": height - bar_height,
                "width": step - 2,
                "height": bar_height,
                "day": day,
                "count": count,
            }
        )
    return {"bars": bars, "width": len(series) * step, "height": height}


def _progress_table(campaign: Campaign) -> str:
    from django.template.loader import render_to_string

    mobilisations = list(Mobilisation.objects.filter(campaign=campaign).order_by("-id")[:5])
    rows = [(m, selectors.mobilisation_progress(mobilisation=m)) for m in mobilisations]
    return render_to_string(
        "admin/advocacy/campaign/progress.html",
        {"rows": rows, "busy": any(not progress.done for _m, progress in rows)},
    )


class InteractionInline(admin.StackedInline):
    model = Interaction
    fields = (("happened_on", "kind", "position", "public"), "summary", "evidence_url")
    extra = 1


@admin.register(CampaignTarget)
class CampaignTargetAdmin(CampaignStaffOnly, admin.ModelAdmin):
    list_display = ("stakeholder", "campaign", "position", "position_since")
    list_filter = ("position", "campaign")
    search_fields = ("stakeholder__name", "campaign__title")
    list_select_related = ("stakeholder", "campaign")
    autocomplete_fields = ("stakeholder",)
    raw_id_fields = ("campaign",)
    readonly_fields = ("position", "position_since")
    inlines = [InteractionInline]

    def save_formset(self, request, form, formset, change):
        instances = formset.save(commit=False)
        for deleted in formset.deleted_objects:
            deleted.delete()
        for interaction in instances:
            if interaction.recorded_by_id is None:
                interaction.recorded_by = request.user
            interaction.save()
        formset.save_m2m()
        # The position shown everywhere is the latest one an interaction recorded.
        services.target_position_refresh(target=form.instance)


@admin.register(Interaction)
class InteractionAdmin(CampaignStaffOnly, admin.ModelAdmin):
    list_display = ("happened_on", "kind", "target", "position", "public", "evidence_url")
    list_filter = ("kind", "position", "public", "target__campaign")
    search_fields = ("summary", "target__stakeholder__name")
    list_select_related = ("target__stakeholder", "target__campaign")
    date_hierarchy = "happened_on"
    raw_id_fields = ("target", "recorded_by")
    actions = [export_as_csv]
    csv_fields = (
        "campaign_title", "target", "happened_on", "kind", "summary", "evidence_url",
        "position", "public",
    )  # fmt: skip

    @admin.display(description=_("campaign"))
    def campaign_title(self, obj: Interaction) -> str:
        return obj.target.campaign.title

    def save_model(self, request, obj, form, change):
        if obj.recorded_by_id is None:
            obj.recorded_by = request.user
        super().save_model(request, obj, form, change)
        services.target_position_refresh(target=obj.target)

    def delete_model(self, request, obj):
        target = obj.target
        super().delete_model(request, obj)
        services.target_position_refresh(target=target)


@admin.register(Signature)
class SignatureAdmin(CampaignStaffOnly, admin.ModelAdmin):
    """Signatures are the signers' own: staff read and export them, never edit them. The list
    and the export show a name only if its signer chose to be named, and an address only if
    they asked for news; the full address is visible on one signature's page (to answer a
    removal request, found by exact search)."""

    list_display = ("campaign", "named_as", "country", "confirmed_at", "keep_informed")
    list_filter = ("campaign", ("confirmed_at", admin.EmptyFieldListFilter), "keep_informed")
    search_fields = ("=email",)
    search_help_text = _("Exact email address.")
    list_select_related = ("campaign",)
    date_hierarchy = "created_at"
    actions = ["remove_on_request", export_as_csv]

    @admin.action(description=_("Remove selected signatures (at their signers' request)"))
    def remove_on_request(self, request, queryset):
        removed = services.signatures_remove(signatures=list(queryset), actor=request.user)
        self.message_user(
            request,
            ngettext("%(count)d signature removed.", "%(count)d signatures removed.", removed)
            % {"count": removed},
            messages.SUCCESS,
        )

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)  # removal goes through the service (counts, audit)
        return actions

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    csv_fields = ("campaign", "named_as", "country", "confirmed_at", "news_email", "consent")
    readonly_fields = (
        "campaign", "user", "email", "name", "show_name", "country", "keep_informed", "consent",
        "language", "created_at", "confirmed_at",
    )  # fmt: skip
    exclude = ("token",)

    @admin.display(description=_("public name"))
    def named_as(self, obj: Signature) -> str:
        return obj.public_name

    @admin.display(description=_("email (for news)"))
    def news_email(self, obj: Signature) -> str:
        return obj.email if obj.keep_informed else ""

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Letter)
class LetterAdmin(CampaignStaffOnly, admin.ModelAdmin):
    list_display = ("subject", "target", "status", "created_at", "sent_at")
    list_filter = ("status", "action__campaign")
    list_select_related = ("target__stakeholder",)
    readonly_fields = (
        "action", "target", "sender", "signed_as", "subject", "body", "reply_to_me", "status",
        "sent_at", "created_at",
    )  # fmt: skip

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Pledge)
class PledgeAdmin(CampaignStaffOnly, admin.ModelAdmin):
    list_display = ("action", "answer", "followup_due_at", "followup_sent_at", "created_at")
    list_filter = ("answer", "action__campaign")
    list_select_related = ("action",)
    readonly_fields = (
        "action", "user", "followup_due_at", "followup_sent_at", "answer", "answered_at",
    )  # fmt: skip

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
