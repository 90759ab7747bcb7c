from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import LazyTypedChoiceField

from advocacy.models import Pledge
from humena.core.challenge import ChallengeForm
from humena.taxonomy.selectors import themes_active


class CampaignFilterForm(forms.Form):
    """The campaign list's filters: a GET form that works without JavaScript."""

    country = LazyTypedChoiceField(label=_("Country"), required=False, choices=[])
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Live and closed")), ("live", _("Live")), ("closed", _("Closed"))],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", _("All countries")), *countries]
        self.fields["theme"].choices = [("", _("All themes"))] + [
            (t.slug, t.name) for t in themes_active()
        ]


class SignatureForm(ChallengeForm):
    # Signing works without JavaScript: a missing proof of work is accepted under a stricter
    # limit (the service's `challenge_solved`); a wrong one is refused.
    challenge_required = False

    email = forms.EmailField(
        label=_("Email"),
        help_text=_("Only to confirm your signature (and, if you ask, for news). Never shown."),
    )
    name = forms.CharField(
        label=_("Name (optional)"),
        required=False,
        max_length=100,
        help_text=_("A first name or a pseudonym is enough."),
    )
    show_name = forms.BooleanField(label=_("Show my name on the public list"), required=False)
    country = LazyTypedChoiceField(label=_("Country (optional)"), required=False, choices=[])
    keep_informed = forms.BooleanField(label=_("Send me news of this campaign"), required=False)
    consent_version = forms.IntegerField(widget=forms.HiddenInput)
    agree = forms.BooleanField(label=_("I agree to the text above"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", "—"), *countries]
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["name"].widget.attrs["autocomplete"] = "nickname"

    def clean(self):
        data = super().clean()
        if data.get("show_name") and not (data.get("name") or "").strip():
            self.add_error("name", _("Enter the name to show, or sign without a name."))
        return data


class LetterForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=200)
    body = forms.CharField(label=_("Your letter"), widget=forms.Textarea(attrs={"rows": 12}))
    signed_as = forms.CharField(
        label=_("Signed as"),
        max_length=100,
        help_text=_("Your display name by default. Use a pseudonym if that is safer for you."),
    )
    reply_to_me = forms.BooleanField(
        label=_("Let them reply to my email address"),
        required=False,
        help_text=_("Off by default: the office will not see your address unless you choose."),
    )


class PledgeAnswerForm(forms.Form):
    answer = forms.ChoiceField(
        label=_("Your answer"), choices=Pledge.Answer.choices, widget=forms.RadioSelect
    )
