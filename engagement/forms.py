import zoneinfo

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import LazyTypedChoiceField

from engagement.models import Event, Initiative, Need, Rsvp, Update
from humena.accounts.forms import time_zone_choices
from humena.core.choices import language_choices
from humena.core.images import image_reencode
from humena.taxonomy.models import Skill, Theme
from humena.taxonomy.selectors import skills_active, themes_active, vocabularies_active_cached


class ThemeChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Theme) -> str:
        return obj.name


class SkillChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Skill) -> str:
        return f"{obj.category.name} · {obj.name}"


class BrowseForm(forms.Form):
    """The browse page's filters: a GET form that works without JavaScript."""

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    country = LazyTypedChoiceField(label=_("Country"), required=False, choices=[])
    city = forms.CharField(label=_("City"), required=False, max_length=100)
    theme = forms.MultipleChoiceField(label=_("Themes"), required=False)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Open and active"))]
        + [c for c in Initiative.Status.choices if c[0] in Initiative.PUBLISHED],
    )
    skill = forms.ChoiceField(label=_("Needs a skill"), required=False)
    remote = forms.BooleanField(label=_("Help possible remotely"), required=False)
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("newest", _("Newest")),
            ("oldest", _("Oldest")),
            ("title", _("Title")),
            ("members", _("Most members")),
        ],
    )

    MORE = ("city", "theme", "status", "skill", "remote", "sort")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Built per request, so that country names come in the reader's language.
        self.fields["country"].choices = [("", _("All countries")), *countries]
        themes, skills = vocabularies_active_cached()
        self.fields["theme"].choices = [(t.slug, t.name) for t in themes]
        self.fields["theme"].widget = forms.CheckboxSelectMultiple(
            choices=self.fields["theme"].choices, attrs={"class": "form-check-input"}
        )
        self.fields["skill"].choices = [("", _("Any skill"))] + [
            (s.slug, f"{s.category.name} · {s.name}") for s in skills
        ]

    def more_fields(self):
        return [self[name] for name in self.MORE]

    def more_is_used(self) -> bool:
        return self.is_bound and any(self.data.get(name) for name in self.MORE if name != "sort")


class InitiativeForm(forms.ModelForm):
    themes = ThemeChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    # A plain file field: our own check (size first, then decoding and re-encoding) does it all,
    # so an oversized upload is refused before anything tries to decode it.
    cover_image = forms.FileField(
        label=_("Cover image"),
        required=False,
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        help_text=_("JPEG, PNG or WebP, up to 5 MB. Location and camera data are removed."),
    )
    remove_cover_image = forms.BooleanField(label=_("Remove the cover image"), required=False)
    # Typed as precisely as people like; stored rounded to about 1 km by the service.
    latitude = forms.DecimalField(
        label=_("Latitude"),
        required=False,
        min_value=-90,
        max_value=90,
        decimal_places=6,
        max_digits=9,
        help_text=_("Optional, for the map. Rounded to about 1 km: never enter a meeting place."),
    )
    longitude = forms.DecimalField(
        label=_("Longitude"),
        required=False,
        min_value=-180,
        max_value=180,
        decimal_places=6,
        max_digits=9,
    )

    class Meta:
        model = Initiative
        fields = [
            "title", "summary", "description", "cover_image", "country", "city",
            "latitude", "longitude", "themes", "language", "status", "visibility", "join_policy",
        ]  # fmt: skip
        widgets = {
            "description": forms.Textarea(attrs={"rows": 8}),
            "cover_image": forms.ClearableFileInput(
                attrs={"accept": "image/jpeg,image/png,image/webp"}
            ),
        }
        help_texts = {
            "cover_image": _(
                "JPEG, PNG or WebP, up to 5 MB. Location and camera data are removed."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = themes_active()
        status = self.fields["status"]
        if self.instance.status in Initiative.REVIEW_STATUSES:
            # Only the review changes it (humena.moderation.review): shown, not editable.
            status.disabled = True
        else:
            status.choices = [
                choice for choice in status.choices if choice[0] not in Initiative.REVIEW_STATUSES
            ]
            status.help_text = _(
                "A new organiser's first initiative is reviewed by the moderators before it is "
                "published."
            )

    def clean_cover_image(self):
        upload = self.files.get(self.add_prefix("cover_image"))
        if upload is None:
            return None
        return image_reencode(upload)  # raises a ValidationError shown next to the field

    def clean_latitude(self):
        from engagement.services import coordinate_round

        return coordinate_round(self.cleaned_data.get("latitude"))

    def clean_longitude(self):
        from engagement.services import coordinate_round

        return coordinate_round(self.cleaned_data.get("longitude"))

    def clean(self):
        cleaned = super().clean()
        latitude, longitude = cleaned.get("latitude"), cleaned.get("longitude")
        if (latitude is None) != (longitude is None):
            missing = "longitude" if longitude is None else "latitude"
            self.add_error(missing, _("Give both latitude and longitude, or neither."))
        return cleaned

    def service_data(self) -> dict:
        from engagement.services import INITIATIVE_FIELDS

        data = {name: self.cleaned_data[name] for name in INITIATIVE_FIELDS}
        data["latitude"] = self.cleaned_data.get("latitude")
        data["longitude"] = self.cleaned_data.get("longitude")
        return data

    def cover_for_service(self):
        if self.cleaned_data.get("remove_cover_image"):
            return False
        return self.cleaned_data.get("cover_image")


class UpdateForm(forms.ModelForm):
    class Meta:
        model = Update
        fields = ["title", "body", "visibility"]
        widgets = {"body": forms.Textarea(attrs={"rows": 8})}


class NeedForm(forms.ModelForm):
    skill = SkillChoiceField(label=_("Skill"), queryset=Skill.objects.none())

    class Meta:
        model = Need
        fields = ["skill", "quantity", "description", "remote_possible", "language", "until"]
        widgets = {
            "until": forms.DateInput(attrs={"type": "date"}),
            "description": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["skill"].queryset = skills_active()
        self.fields["language"].choices = language_choices()


class EventForm(forms.ModelForm):
    """Start and end are typed in the event's own time zone (what people on the spot read)."""

    starts_at = forms.DateTimeField(
        label=_("Starts"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    ends_at = forms.DateTimeField(
        label=_("Ends"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    time_zone = forms.ChoiceField(label=_("Time zone"), choices=time_zone_choices)
    online_url = forms.URLField(
        label=_("Link to join online"),
        required=False,
        assume_scheme="https",
        help_text=_("Shown only to members of the initiative."),
    )

    class Meta:
        model = Event
        fields = [
            "title", "description", "starts_at", "ends_at", "time_zone", "mode", "city",
            "online_url", "capacity", "visibility",
        ]  # fmt: skip
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            local = zoneinfo.ZoneInfo(self.instance.time_zone)
            self.initial["starts_at"] = self.instance.starts_at.astimezone(local).replace(
                tzinfo=None
            )
            self.initial["ends_at"] = self.instance.ends_at.astimezone(local).replace(tzinfo=None)

    def clean(self):
        cleaned = super().clean()
        zone = cleaned.get("time_zone")
        if zone:
            tz = zoneinfo.ZoneInfo(zone)
            for name in ("starts_at", "ends_at"):
                if cleaned.get(name):
                    cleaned[name] = cleaned[name].replace(tzinfo=None).replace(tzinfo=tz)
        starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("The end must be after the start."))
        if cleaned.get("mode") == Event.Mode.IN_PERSON and not cleaned.get("city"):
            self.add_error("city", _("Say in which city the event takes place."))
        return cleaned


class RsvpForm(forms.Form):
    response = forms.ChoiceField(choices=Rsvp.Response.choices)
