"""Who may report and who moderates (docs/permissions.md, "Moderation")."""

import rules

from humena.core.predicates import is_signed_in, is_staff


@rules.predicate
def may_moderate(user) -> bool:
    return user.has_perm("moderation.change_case")


rules.add_perm("moderation.report", is_signed_in)
rules.add_perm("moderation.moderate", is_staff & may_moderate)
