"""The review queues in the admin (docs/moderation.md, "Review before publishing").

A model's own admin mounts its queue with `ReviewableAdminMixin`: `<model>/review/` lists what
waits (oldest first, with the author's history), `<model>/<pk>/review/` shows one thing with
approve / ask for changes / reject. The queue is a changelist of its own admin class that is not
registered with the site: registering a model twice would need a proxy model (and a migration).
"""

import datetime

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import display_for_field
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.dateparse import parse_datetime
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from humena.core.forms import form_add_service_errors
from humena.moderation import review
from humena.moderation.models import Decision

DECISIONS = {
    Decision.Action.APPROVE: (
        review.review_approve,
        _("Approved and published. The author was told."),
    ),
    Decision.Action.REQUEST_CHANGES: (
        review.review_request_changes,
        _("Sent back to the author with your message."),
    ),
    Decision.Action.REJECT: (
        review.review_reject,
        _("Rejected. The author was told why."),
    ),
}


class ReviewForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the author"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Required to ask for changes or to reject: the author reads it by email and on the "
            "page. Optional for an approval."
        ),
    )
    # The `updated_at` of what the page showed: a decision on something changed since is refused.
    seen = forms.CharField(widget=forms.HiddenInput, required=False)

    def clean_seen(self) -> datetime.datetime | None:
        try:
            return parse_datetime(self.cleaned_data["seen"])
        except ValueError:
            return None  # garbled: as if the page had shown nothing


def _url_name(model, suffix: str) -> str:
    return f"{model._meta.app_label}_{model._meta.model_name}_{suffix}"


class ReviewQueueAdmin(admin.ModelAdmin):
    """What waits for review of one kind (`review_key`), oldest first."""

    review_key = ""
    list_display = (
        "item", "author_link", "earlier_items", "earlier_reviews", "other_decisions", "submitted",
    )  # fmt: skip
    list_display_links = None
    actions = None
    list_per_page = 50
    ordering = ("updated_at",)  # the queue's order: whoever waits longest comes first
    review_template = "admin/moderation/review.html"

    @property
    def reviewable(self) -> review.Reviewable:
        return review.reviewable_for_key(self.review_key)

    def get_queryset(self, request):
        return review.review_queue(self.reviewable)

    def has_view_permission(self, request, obj=None) -> bool:
        return review.may_review(request.user, self.model)

    def has_change_permission(self, request, obj=None) -> bool:
        return review.may_review(request.user, self.model)

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description=_("waiting for review"))
    def item(self, obj) -> str:
        url = reverse(f"admin:{_url_name(self.model, 'review')}", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, self.reviewable.name(obj))

    @admin.display(description=_("author"))
    def author_link(self, obj) -> str:
        author = getattr(obj, self.reviewable.author_field)
        if author is None:
            return "—"
        url = reverse("admin:accounts_user_change", args=[author.pk])
        trusted = gettext(" (trusted)") if author.is_trusted_organiser else ""
        return format_html('<a href="{}">{}</a>{}', url, author.display_name, trusted)

    @admin.display(description=_("their other ones"))
    def earlier_items(self, obj) -> int:
        return obj.earlier_items

    @admin.display(description=_("earlier reviews"))
    def earlier_reviews(self, obj) -> str:
        return gettext("%(approved)d approved · %(changes)d changes · %(rejected)d rejected") % {
            "approved": obj.earlier_approved,
            "changes": obj.earlier_changes,
            "rejected": obj.earlier_rejected,
        }

    @admin.display(description=_("other moderation decisions"))
    def other_decisions(self, obj) -> int:
        return obj.other_decisions

    @admin.display(description=_("waiting since"), ordering="updated_at")
    def submitted(self, obj):
        return obj.updated_at

    def queue_view(self, request):
        title = gettext("%(things)s waiting for review") % {
            "things": str(self.model._meta.verbose_name_plural).capitalize()
        }
        return self.changelist_view(request, extra_context={"title": title})

    def review_view(self, request, pk: int):
        if not self.has_view_permission(request):
            raise PermissionDenied
        reviewable = self.reviewable
        obj = get_object_or_404(
            self.model._default_manager.select_related(reviewable.author_field), pk=pk
        )
        seen = {"seen": obj.updated_at.isoformat()}
        form = ReviewForm(request.POST or None, initial=seen)
        if request.method == "POST":
            chosen = DECISIONS.get(request.POST.get("decision", ""))
            if chosen is None:
                raise Http404
            service, done = chosen
            if form.is_valid():
                message = form.cleaned_data["message"]
                try:
                    if form.cleaned_data["seen"] is None:
                        raise review.changed_since_seen()
                    service(
                        obj=obj,
                        moderator=request.user,
                        message=message,
                        seen=form.cleaned_data["seen"],
                    )
                except ValidationError as error:
                    if getattr(error, "code", None) != review.CHANGED_SINCE_SEEN:
                        form_add_service_errors(form, error)
                    else:  # the page shows it as it is now, with the message kept
                        self.message_user(request, error.message, messages.ERROR)
                        form = ReviewForm(initial={**seen, "message": message})
                else:
                    self.message_user(request, done, messages.SUCCESS)
                    return HttpResponseRedirect(
                        reverse(f"admin:{_url_name(self.model, 'review_queue')}")
                    )
        return TemplateResponse(request, self.review_template, self._page(request, obj, form))

    def _page(self, request, obj, form: ReviewForm) -> dict:
        reviewable = self.reviewable
        fields = [
            (
                self.model._meta.get_field(name).verbose_name,
                display_for_field(
                    getattr(obj, name),
                    self.model._meta.get_field(name),
                    self.get_empty_value_display(),
                ),
            )
            for name in reviewable.review_fields
        ]
        html_field = reviewable.html_field
        return {
            **self.admin_site.each_context(request),
            "title": gettext("Review: %(name)s") % {"name": reviewable.name(obj)},
            "opts": self.model._meta,
            "obj": obj,
            "name": reviewable.name(obj),
            "author": getattr(obj, reviewable.author_field),
            "fields": fields,
            # Rendered by our Markdown pipeline, which sanitises (humena.core.markdown); the
            # template marks it safe, as the site's own pages do.
            "html": getattr(obj, html_field) if html_field else "",
            "themes": list(obj.themes.all()) if hasattr(obj, "themes") else [],
            "waiting": obj.status == reviewable.waiting,
            "status": obj.get_status_display(),
            "site_url_of_obj": obj.get_absolute_url(),
            "decisions": review.review_decisions(obj).select_related("decided_by"),
            "history": review.review_author_history(reviewable, obj),
            "form": form,
            "queue_url": reverse(f"admin:{_url_name(self.model, 'review_queue')}"),
            "media": self.media + form.media,
        }


class ReviewableAdminMixin:
    """For a reviewed model's admin (`review_key`: its Reviewable's key): mounts its review
    queue and review pages, and links the queue from the changelist."""

    review_key = ""
    change_list_template = "admin/moderation/change_list_with_review.html"

    def get_urls(self):
        queue = ReviewQueueAdmin(self.model, self.admin_site)
        queue.review_key = self.review_key
        return [
            path(
                "review/",
                self.admin_site.admin_view(queue.queue_view),
                name=_url_name(self.model, "review_queue"),
            ),
            path(
                "<int:pk>/review/",
                self.admin_site.admin_view(queue.review_view),
                name=_url_name(self.model, "review"),
            ),
            *super().get_urls(),
        ]
