from django import forms
from django.utils.translation import gettext_lazy as _

from humena.moderation.models import Reason, Report


class ReportForm(forms.ModelForm):
    reason = forms.ChoiceField(
        label=_("What is wrong with it?"), choices=Reason.choices, widget=forms.RadioSelect
    )

    class Meta:
        model = Report
        fields = ["reason", "note"]
        labels = {"note": _("Anything the moderators should know (optional)")}
        help_texts = {
            "note": _(
                "Only HuMENA's moderators read this. The author is never told who reported them."
            )
        }
        widgets = {"note": forms.Textarea(attrs={"rows": 4, "maxlength": 1000})}
