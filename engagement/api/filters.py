import django_filters

from engagement.models import Initiative


class InitiativeFilter(django_filters.FilterSet):
    """Filters for the list endpoint; each maps onto selectors.BrowseFilters."""

    q = django_filters.CharFilter(method="noop", label="Full-text search")
    country = django_filters.CharFilter(method="noop", label="ISO 3166 country code")
    city = django_filters.CharFilter(method="noop")
    theme = django_filters.CharFilter(method="noop", label="Theme slug(s), comma separated")
    status = django_filters.ChoiceFilter(
        method="noop",
        choices=[c for c in Initiative.Status.choices if c[0] in Initiative.PUBLISHED],
    )
    skill = django_filters.CharFilter(method="noop", label="Has an open need for this skill slug")
    remote = django_filters.BooleanFilter(method="noop", label="Has an open remote need")
    sort = django_filters.ChoiceFilter(
        method="noop",
        choices=[
            ("newest", "newest"),
            ("oldest", "oldest"),
            ("title", "title"),
            ("members", "members"),
        ],
    )

    class Meta:
        model = Initiative
        fields: list[str] = []

    def noop(self, queryset, name, value):
        # The selector applies the filters (one implementation for the page and the API).
        return queryset
