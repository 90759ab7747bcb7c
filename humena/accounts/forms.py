import zoneinfo

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from humena.accounts.models import User
from humena.core.challenge import ChallengeForm


def time_zone_choices() -> list[tuple[str, str]]:
    return [(name, name.replace("_", " ")) for name in sorted(zoneinfo.available_timezones())]


class AccountSettingsForm(forms.ModelForm):
    preferred_language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    time_zone = forms.ChoiceField(label=_("Time zone"), choices=time_zone_choices)

    class Meta:
        model = User
        fields = ["display_name", "real_name", "preferred_language", "time_zone"]

    def clean_display_name(self) -> str:
        name = self.cleaned_data["display_name"].strip()
        if len(name) < 2:
            raise forms.ValidationError(_("A display name needs at least 2 characters."))
        return name


class AccountDeleteForm(forms.Form):
    understand = forms.BooleanField(
        label=_(
            "I understand: my profile, memberships and settings are erased for good; what I "
            'wrote for others stays, signed "deleted member"; my signatures stay counted but no '
            "longer carry my name or address."
        )
    )


class SignupForm(ChallengeForm):
    """allauth's sign-up, plus the terms: their current text is shown and agreeing is recorded
    (humena.accounts.services.consent_give), with the version and the language shown. A solved
    proof of work is required and the honeypot must stay empty (humena.core.challenge)."""

    accept_terms = forms.BooleanField(label=_("I accept the terms above"))
    terms_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from django.utils.translation import get_language

        from humena.core.consent import consent_current
        from humena.core.models import ConsentText

        self.terms = consent_current(ConsentText.Purpose.TERMS)
        self.fields["accept_terms"].help_text = self.terms.text_in(get_language())
        self.fields["terms_version"].initial = self.terms.version

    def signup(self, request, user) -> None:
        from humena.accounts.services import consent_give
        from humena.core.models import ConsentText

        consent_give(
            user=user,
            purpose=ConsentText.Purpose.TERMS,
            language=getattr(request, "LANGUAGE_CODE", "") or user.preferred_language,
            version=self.cleaned_data.get("terms_version"),  # the text that was shown
        )
