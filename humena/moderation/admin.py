"""The moderation queue (docs/moderation.md): cases ordered by severity and number of reports, each
opened on one page with the content, the reports, the author's history and the decision form."""

from datetime import datetime, time

from django import forms
from django.contrib import admin, messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from humena.core.admin_site import ReadOnlyModelAdmin
from humena.core.forms import form_add_service_errors
from humena.moderation import services
from humena.moderation.models import Case, Decision
from humena.moderation.registry import kind_for_key, kind_for_model, kinds
from humena.moderation.review import reviewables
from humena.moderation.selectors import case_item

# What counts against an author in their history.
HISTORY_ACTIONS = (
    Decision.Action.HIDE, Decision.Action.WARN, Decision.Action.SUSPEND, Decision.Action.AUTO_HIDE
)  # fmt: skip


class DecisionForm(forms.Form):
    ACTIONS = [
        ("dismiss", _("Dismiss: it breaks no rule (shown again if it was hidden automatically)")),
        ("hide", _("Hide it: 404 to everyone but its author and staff; the author is told why")),
        ("restore", _("Restore it: shown again; the author is told")),
        ("warn", _("Warn the author")),
        ("suspend", _("Suspend the author: no sign-in until the date; signed out now")),
    ]
    action = forms.ChoiceField(label=_("Decision"), choices=ACTIONS, widget=forms.RadioSelect)
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The author reads it (except for a dismissal). Reporters are never named."),
    )
    until = forms.DateField(
        label=_("Suspended until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("For a suspension: the first day they may sign in again."),
    )
    # When the moderator opened the case: a decision on a case changed since is refused.
    seen = forms.CharField(widget=forms.HiddenInput)

    def clean(self):
        data = super().clean()
        if data.get("action") == "suspend" and not data.get("until"):
            self.add_error("until", _("Choose the date the suspension ends."))
        return data


class KindFilter(admin.SimpleListFilter):
    """The kinds that can be reported, by name (not every content type of the system)."""

    title = _("kind")
    parameter_name = "kind"

    def lookups(self, request, model_admin):
        return [(kind.key, capfirst(kind.label)) for kind in kinds()]

    def queryset(self, request, queryset):
        kind = kind_for_key(self.value() or "")
        if kind is None:
            return queryset
        return queryset.filter(content_type=ContentType.objects.get_for_model(kind.model))


class StateFilter(admin.SimpleListFilter):
    """The queue opens on what waits for review."""

    title = _("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [*Case.State.choices, ("all", _("All"))]

    def choices(self, changelist):
        value = self.value() or Case.State.OPEN
        for lookup, title in self.lookup_choices:
            yield {
                "selected": value == lookup,
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }

    def queryset(self, request, queryset):
        value = self.value() or Case.State.OPEN
        return queryset if value == "all" else queryset.filter(state=value)


@admin.register(Case)
class CaseAdmin(admin.ModelAdmin):
    list_display = (
        "summary", "kind", "report_count", "severity", "state", "auto_hidden", "author_link",
        "author_history", "last_reported_at",
    )  # fmt: skip
    list_filter = (StateFilter, KindFilter, "auto_hidden")
    list_select_related = ("author", "content_type")
    list_per_page = 50
    search_fields = ("excerpt",)
    change_form_template = "admin/moderation/case/change_form.html"

    def changelist_view(self, request, extra_context=None):
        """The queue links to the review queues: one place where moderators start."""
        queues = [
            (
                reverse(f"admin:{r.model._meta.app_label}_{r.model._meta.model_name}_review_queue"),
                r.model._meta.verbose_name_plural,
            )
            for r in reviewables()
        ]
        return super().changelist_view(request, {**(extra_context or {}), "review_queues": queues})

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                _author_history=Count(
                    "author__moderation_decisions",
                    filter=Q(author__moderation_decisions__action__in=HISTORY_ACTIONS),
                )
            )
        )

    @admin.display(description=_("content"))
    def summary(self, case: Case) -> str:
        return Truncator(case.excerpt).chars(80) or f"#{case.object_id}"

    @admin.display(description=_("kind"), ordering="content_type")
    def kind(self, case: Case) -> str:
        return case.content_type.name

    @admin.display(description=_("author"))
    def author_link(self, case: Case):
        if case.author is None:
            return "—"
        url = reverse("admin:accounts_user_change", args=[case.author_id])
        return format_html('<a href="{}">{}</a>', url, case.author.display_name)

    @admin.display(description=_("earlier decisions against the author"))
    def author_history(self, case: Case) -> int:
        return case._author_history

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def change_view(self, request, object_id, form_url="", extra_context=None):
        case = self.get_object(request, object_id)  # None for a malformed or unknown id
        if case is None:
            raise Http404
        if not self.has_view_or_change_permission(request, case):
            raise PermissionDenied
        form = DecisionForm(request.POST or None, initial={"seen": case.updated_at.isoformat()})
        if request.method == "POST":
            if not self.has_change_permission(request, case) or case.author_id == request.user.pk:
                raise PermissionDenied
            if form.is_valid() and form.cleaned_data["seen"] != case.updated_at.isoformat():
                # Shown again with what changed; the next submission is about this version.
                form = DecisionForm({**request.POST.dict(), "seen": case.updated_at.isoformat()})
                form.is_valid()
                form.add_error(
                    None,
                    gettext(
                        "This case changed since you opened it (a new report or another "
                        "moderator's decision): read it again before deciding."
                    ),
                )
            elif form.is_valid():
                try:
                    done = self._decide(request, case, form.cleaned_data)
                except ValidationError as error:
                    form_add_service_errors(form, error)
                else:
                    self.message_user(request, done, messages.SUCCESS)
                    return HttpResponseRedirect(reverse("admin:moderation_case_changelist"))
        return TemplateResponse(request, self.change_form_template, self._page(request, case, form))

    def _page(self, request, case: Case, form: DecisionForm) -> dict:
        item = case_item(case)
        kind = kind_for_model(case.content_type.model_class())
        reports = case.reports.select_related("reporter").order_by("-created_at")
        # A moderator reported over their own contribution sees neither reporters nor the form.
        own = case.author_id == request.user.pk
        history = (
            Decision.objects.filter(subject=case.author).select_related("decided_by")[:20]
            if case.author_id
            else []
        )
        other_cases = (
            Case.objects.filter(author=case.author).exclude(pk=case.pk).count()
            if case.author_id
            else 0
        )
        return {
            **self.admin_site.each_context(request),
            "title": gettext("Moderation case"),
            "opts": self.model._meta,
            "case": case,
            "item": item,
            "item_url": kind.url(item) if kind and item is not None else None,
            "reports": reports,
            "own_case": own,
            "history": history,
            "other_cases": other_cases,
            "decisions": case.decisions.select_related("decided_by"),
            "form": form,
            "can_decide": self.has_change_permission(request, case) and not own,
            "media": self.media + form.media,
        }

    def _decide(self, request, case: Case, data: dict) -> str:
        action, reason, moderator = data["action"], data["reason"], request.user
        if action == "dismiss":
            services.case_dismiss(case=case, moderator=moderator, reason=reason)
            return gettext("Dismissed. The reporters were told no rule was broken.")
        if action == "hide":
            services.case_hide(case=case, moderator=moderator, reason=reason)
            return gettext("Hidden. The author and the reporters were told.")
        if action == "restore":
            services.case_restore(case=case, moderator=moderator, reason=reason)
            return gettext("Restored. The author was told.")
        if case.author is None:
            raise ValidationError(gettext("This has no author any more."))
        if action == "warn":
            services.user_warn(user=case.author, moderator=moderator, reason=reason, case=case)
            return gettext("The author was warned.")
        until = timezone.make_aware(datetime.combine(data["until"], time.min))
        services.user_suspend(
            user=case.author, moderator=moderator, reason=reason, until=until, case=case
        )
        return gettext("The author is suspended and was signed out everywhere.")


@admin.register(Decision)
class DecisionAdmin(ReadOnlyModelAdmin):
    list_display = ("created_at", "action", "subject", "decided_by", "until", "case")
    list_filter = ("action",)
    list_select_related = ("subject", "decided_by", "case__content_type")
    search_fields = ("reason",)
    date_hierarchy = "created_at"
