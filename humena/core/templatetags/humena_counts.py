from django import template
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

register = template.Library()

SMALL_GROUP = 5


@register.filter
def member_count(count: int | None) -> str:
    """A membership count that cannot single anyone out: small groups show as "fewer than 5"."""
    count = count or 0
    if count < SMALL_GROUP:
        return _("fewer than %(n)s members") % {"n": SMALL_GROUP}
    return ngettext("%(n)s member", "%(n)s members", count) % {"n": count}
