"""Who may do what with campaigns (see docs/permissions.md, FOR level).

Roles: anonymous visitor, member (signed in), campaign staff (staff with the admin's campaign
permission and a second factor passed). Drafts and scheduled campaigns, stakeholders' private
notes and contacts, signature lists and non-public interactions answer 404 to everyone else.
"""

import rules
from django.contrib.auth.backends import ModelBackend

from advocacy.models import Campaign
from humena.core.mfa import has_staff_powers
from humena.core.predicates import allows, is_signed_in  # noqa: F401 - part of this module's rules

_model_backend = ModelBackend()


@rules.predicate
def is_campaign_staff(user) -> bool:
    """Staff powers (second factor passed) and the admin permission to change campaigns."""
    return has_staff_powers(user) and _model_backend.has_perm(user, "advocacy.change_campaign")


@rules.predicate
def is_published(user, campaign: Campaign) -> bool:
    return campaign is not None and campaign.is_published


@rules.predicate
def is_live(user, campaign: Campaign) -> bool:
    return campaign is not None and campaign.is_live


@rules.predicate
def has_petition(user, campaign: Campaign) -> bool:
    return campaign is not None and campaign.has_petition


rules.add_perm("advocacy.view_campaign_page", is_published | is_campaign_staff)
rules.add_perm("advocacy.sign_campaign", is_live & has_petition)
rules.add_perm("advocacy.act_on_campaign", is_signed_in & is_live)
rules.add_perm("advocacy.run_campaigns", is_campaign_staff)
rules.add_perm("advocacy.see_private", is_campaign_staff)
