"""Who may report and block (docs/permissions.md, "Moderation" and "Blocking"). Moderating is the
admin's model permission "Can change moderation case" with staff powers
(`services._require_moderator`)."""

import rules

from humena.core.predicates import is_signed_in

rules.add_perm("moderation.report", is_signed_in)
# One's own blocks only: the selectors look them up by blocker (humena/moderation/blocks.py).
rules.add_perm("moderation.block", is_signed_in)
