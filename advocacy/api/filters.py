import django_filters

from advocacy.models import Campaign, Stakeholder


class CampaignFilter(django_filters.FilterSet):
    """The list's filters; validated here, applied by selectors.campaigns_public (one
    implementation for the page and the API)."""

    country = django_filters.CharFilter(method="noop", label="ISO 3166 country code")
    theme = django_filters.CharFilter(method="noop", label="Theme slug")
    status = django_filters.ChoiceFilter(
        method="noop", choices=[("live", "live"), ("closed", "closed")]
    )

    class Meta:
        model = Campaign
        fields: list[str] = []

    def noop(self, queryset, name, value):
        return queryset


class StakeholderFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=Stakeholder.Kind.choices)
    country = django_filters.CharFilter(method="filter_country", label="ISO 3166 country code")

    class Meta:
        model = Stakeholder
        fields: list[str] = []

    def filter_country(self, queryset, name, value):
        return queryset.filter(country=value.upper())
