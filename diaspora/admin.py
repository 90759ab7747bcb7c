import csv

from django.contrib import admin
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from diaspora import services
from diaspora.models import (
    Consultation,
    ConsultationAnswer,
    DiasporaProfile,
    Introduction,
    JointProject,
    Milestone,
    Network,
    NetworkMembership,
    NetworkUpdate,
    ProfileLanguage,
    ProfileSkill,
)
from humena.core.admin_actions import _csv_safe, export_as_csv
from humena.moderation.review_admin import ReviewableAdminMixin


class ProfileLanguageInline(admin.TabularInline):
    model = ProfileLanguage
    extra = 0


class ProfileSkillInline(admin.TabularInline):
    model = ProfileSkill
    autocomplete_fields = ("skill",)
    extra = 0


@admin.action(description=_("Export consenting profiles as CSV"))
def export_consenting_profiles(modeladmin, request, queryset):
    """Only people who agreed to be matched leave the site, and never with contact details."""
    rows = (
        queryset.filter(consent_to_matching=True)
        .select_related("user")
        .prefetch_related("languages", "skills__skill")
    )
    from humena.audit.services import audit_record

    audit_record(actor=request.user, action="export.diaspora_profiles", rows=rows.count())
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    stamp = timezone.now().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="diaspora-profiles-{stamp}.csv"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(
        [
            "profile",
            "display_name",
            "origin_country",
            "residence_country",
            "residence_city",
            "languages",
            "skills",
            "hours_per_month",
            "work_mode",
        ]
    )
    for profile in rows:
        writer.writerow(
            [
                _csv_safe(value)
                for value in (
                    profile.public_id,
                    profile.user.display_name,
                    profile.origin_country.code,
                    profile.residence_country.code,
                    profile.residence_city,
                    " ".join(f"{pl.language}:{pl.level}" for pl in profile.languages.all()),
                    " ".join(f"{ps.skill.slug}:{ps.level}" for ps in profile.skills.all()),
                    profile.hours_per_month,
                    profile.work_mode,
                )
            ]
        )
    return response


@admin.register(DiasporaProfile)
class DiasporaProfileAdmin(admin.ModelAdmin):
    list_display = (
        "user", "origin_country", "residence_country", "hours_per_month", "work_mode",
        "consent_to_matching", "updated_at",
    )  # fmt: skip
    list_filter = (
        "consent_to_matching", "work_mode", "origin_country", "residence_country",
        "skills__skill__category", "skills__skill", "languages__language",
    )  # fmt: skip
    search_fields = ("user__display_name", "user__email", "residence_city")
    raw_id_fields = ("user",)
    # Consent is the member's to give or withdraw (and it is recorded when they do): not staff's.
    readonly_fields = (
        "public_id", "consent_to_matching", "consent_given_at", "created_at", "updated_at",
    )  # fmt: skip
    inlines = [ProfileLanguageInline, ProfileSkillInline]
    list_select_related = ("user",)
    actions = [export_consenting_profiles]


class NetworkMembershipInline(admin.TabularInline):
    model = NetworkMembership
    raw_id_fields = ("user",)
    extra = 0


@admin.register(Network)
class NetworkAdmin(ReviewableAdminMixin, admin.ModelAdmin):
    review_key = "network"  # the review queue: network/review/ (docs/moderation.md)
    list_display = (
        "name", "language", "visibility", "join_policy", "member_count", "is_active", "status",
    )  # fmt: skip
    list_filter = ("status", "visibility", "join_policy", "language", "is_active", "themes")
    search_fields = ("name", "mission", "slug")
    prepopulated_fields = {"slug": ("name",)}
    filter_horizontal = ("themes",)
    # Publication changes on the review page (approve, ask for changes, reject), which records
    # the decision and tells the proposer.
    readonly_fields = ("status", "member_count", "created_by", "created_at", "updated_at")
    actions = [export_as_csv]

    def save_model(self, request, obj, form, change):
        if change:
            from humena.core.markdown import markdown_to_html

            obj.mission_html = markdown_to_html(obj.mission)
            super().save_model(request, obj, form, change)
            return
        data = {
            name: form.cleaned_data[name]
            for name in ("language", "focus_countries", "visibility", "join_policy", "is_active")
        }
        created = services.network_create(
            actor=request.user,
            name=form.cleaned_data["name"],
            mission=form.cleaned_data["mission"],
            slug=form.cleaned_data.get("slug"),
            **data,
        )
        obj.pk, obj.slug = created.pk, created.slug

    def save_related(self, request, form, formsets, change):
        form.instance = Network.objects.get(pk=form.instance.pk)
        super().save_related(request, form, formsets, change)


@admin.register(NetworkMembership)
class NetworkMembershipAdmin(admin.ModelAdmin):
    list_display = ("network", "user", "role", "status", "joined_at")
    list_filter = ("role", "status", "network")
    search_fields = ("network__name", "user__display_name", "user__email")
    raw_id_fields = ("user", "network")
    list_select_related = ("network", "user")


@admin.register(NetworkUpdate)
class NetworkUpdateAdmin(admin.ModelAdmin):
    list_display = ("title", "network", "created_at")
    search_fields = ("title", "body")
    raw_id_fields = ("network", "author")
    readonly_fields = ("body_html",)


class MilestoneInline(admin.TabularInline):
    model = Milestone
    extra = 0


@admin.register(JointProject)
class JointProjectAdmin(admin.ModelAdmin):
    list_display = ("title", "initiative", "network", "status", "created_at")
    list_filter = ("status", "network")
    search_fields = ("title", "summary", "initiative__title", "network__name")
    raw_id_fields = ("initiative", "network", "proposed_by", "participants")
    readonly_fields = ("description_html",)
    inlines = [MilestoneInline]
    actions = [export_as_csv]


@admin.register(Introduction)
class IntroductionAdmin(admin.ModelAdmin):
    list_display = ("need", "requested_by", "member", "status", "created_at", "expires_at")
    list_filter = ("status",)
    raw_id_fields = ("need", "requested_by", "member")
    list_select_related = ("need__skill", "need__initiative", "requested_by", "member")


class ConsultationAnswerInline(admin.TabularInline):
    model = ConsultationAnswer
    fields = ("body", "created_at")
    readonly_fields = ("body", "created_at")
    extra = 0
    can_delete = False


@admin.register(Consultation)
class ConsultationAdmin(admin.ModelAdmin):
    list_display = ("question", "network", "closes_at", "created_at")
    list_filter = ("network",)
    search_fields = ("question",)
    raw_id_fields = ("network", "created_by")
    readonly_fields = ("context_html",)
    inlines = [ConsultationAnswerInline]
