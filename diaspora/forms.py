from django import forms
from django.conf.global_settings import LANGUAGES as ALL_LANGUAGES
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import LazyTypedChoiceField

from diaspora.models import (
    Contribution,
    DiasporaProfile,
    FieldVisibility,
    Network,
    ProfileLanguage,
    ProfileSkill,
    WorkMode,
)
from engagement.forms import ThemeChoiceField
from humena.accounts.forms import time_zone_choices
from humena.core.choices import language_choices
from humena.taxonomy.models import Skill, Theme
from humena.taxonomy.selectors import themes_active

FIELD_LABELS = {
    "origin_country": _("Country of origin"),
    "residence": _("Where I live"),
    "languages": _("Languages"),
    "skills": _("Skills"),
    "availability": _("Availability"),
    "contributions": _("Ways to contribute"),
    "bio": _("About me"),
}


class AboutForm(forms.Form):
    origin_country = LazyTypedChoiceField(label=_("Country of origin"), choices=[], required=False)
    residence_country = LazyTypedChoiceField(
        label=_("Country where you live"), choices=[], required=False
    )
    residence_city = forms.CharField(label=_("City where you live"), max_length=100, required=False)
    bio = forms.CharField(
        label=_("About you"),
        max_length=1500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What you do and what you care about. No contact details: they stay private."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", "—"), *countries]
        self.fields["origin_country"].choices = choices
        self.fields["residence_country"].choices = choices


class LanguageRowForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Language"), choices=[("", "—"), *ALL_LANGUAGES], required=False
    )
    level = forms.TypedChoiceField(
        label=_("Level"),
        choices=[("", "—"), *ProfileLanguage.Level.choices],
        coerce=int,
        required=False,
        empty_value=None,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [("", "—"), *language_choices()]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("language") and not cleaned.get("level"):
            self.add_error("level", _("Choose a level from 1 to 4."))
        return cleaned


class SkillRowForm(forms.Form):
    skill = forms.ChoiceField(label=_("Skill"), required=False)
    level = forms.TypedChoiceField(
        label=_("Level"),
        choices=[("", "—"), *ProfileSkill.Level.choices],
        coerce=int,
        required=False,
        empty_value=None,
    )
    years = forms.IntegerField(label=_("Years"), min_value=0, max_value=60, required=False)

    def __init__(self, *args, keep: tuple[str, ...] = (), **kwargs):
        """`keep`: skills already on the profile, offered even if no longer in the active list,
        so that saving the step never drops them silently."""
        super().__init__(*args, **kwargs)
        skills = Skill.objects.filter(Q(is_active=True) | Q(slug__in=keep)).select_related(
            "category"
        )
        self.fields["skill"].choices = [("", "—")] + [
            (s.slug, f"{s.category.name} · {s.name}") for s in skills
        ]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("skill") and not cleaned.get("level"):
            self.add_error("level", _("Choose a level from 1 to 4."))
        return cleaned


LanguageFormSet = forms.formset_factory(LanguageRowForm, extra=0, max_num=12, absolute_max=12)
SkillFormSet = forms.formset_factory(SkillRowForm, extra=0, max_num=20, absolute_max=20)


class AvailabilityForm(forms.Form):
    hours_per_month = forms.IntegerField(
        label=_("Hours per month"),
        min_value=0,
        max_value=160,
        help_text=_("How many hours a month you could give, roughly."),
    )
    work_mode = forms.ChoiceField(label=_("How you can help"), choices=WorkMode.choices)
    time_zone = forms.ChoiceField(label=_("Time zone"), choices=time_zone_choices)
    contributions = forms.MultipleChoiceField(
        label=_("Ways to contribute"),
        choices=Contribution.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
    )


class PrivacyForm(forms.Form):
    consent_to_matching = forms.BooleanField(
        label=_("Match me with local needs"),
        required=False,
        help_text=_(
            "Organisers of initiatives that need your skills will see a card with your skill, "
            "level, languages, country of residence and origin, availability and way of working "
            "— never your name or contact details — and can ask the platform to introduce you. "
            "You decide whether to accept each introduction."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in DiasporaProfile.VISIBLE_FIELDS:
            self.fields[f"visibility_{field}"] = forms.ChoiceField(
                label=FIELD_LABELS[field],
                choices=FieldVisibility.choices,
                initial=FieldVisibility.STAFF,
            )

    def visibility(self) -> dict[str, str]:
        return {
            field: self.cleaned_data[f"visibility_{field}"]
            for field in DiasporaProfile.VISIBLE_FIELDS
        }


class IntroductionRequestForm(forms.Form):
    match = forms.CharField(widget=forms.HiddenInput, max_length=500)
    message = forms.CharField(
        label=_("Your message"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What the help involves. It is shown to the member with the request."),
    )


class NetworkUpdateForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    body = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 6}))


class ConsultationForm(forms.Form):
    question = forms.CharField(label=_("Question"), max_length=300)
    context = forms.CharField(
        label=_("Context"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    closes_at = forms.DateTimeField(
        label=_("Closes"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )


class AnswerForm(forms.Form):
    body = forms.CharField(
        label=_("Your answer"), max_length=5000, widget=forms.Textarea(attrs={"rows": 5})
    )


class ProjectProposalForm(forms.Form):
    initiative = forms.CharField(
        label=_("Initiative (its web address)"),
        max_length=220,
        help_text=_("The last part of the initiative's address, e.g. tunis-budget-watch."),
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(label=_("Summary"), max_length=300)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )


class MilestoneForm(forms.Form):
    title = forms.CharField(label=_("Milestone"), max_length=200)
    due_date = forms.DateField(
        label=_("Due"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


class NetworkProposalForm(forms.ModelForm):
    """A member proposes a network (or edits their proposal); staff review it before it is
    listed (docs/moderation.md)."""

    themes = ThemeChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Network
        fields = [
            "name", "mission", "language", "focus_countries", "themes", "visibility", "join_policy",
        ]  # fmt: skip
        widgets = {"mission": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = themes_active()

    def service_data(self) -> dict:
        data = {name: self.cleaned_data[name] for name in self.Meta.fields}
        data["themes"] = list(data["themes"])
        return data
