"""Who may report, block and moderate (docs/permissions.md, "Moderation" and "Blocking")."""

import rules

from humena.core.predicates import is_signed_in, is_staff


@rules.predicate
def may_moderate(user) -> bool:
    return user.has_perm("moderation.change_case")


rules.add_perm("moderation.report", is_signed_in)
# One's own blocks only: the selectors look them up by blocker (humena/moderation/blocks.py).
rules.add_perm("moderation.block", is_signed_in)
rules.add_perm("moderation.moderate", is_staff & may_moderate)
