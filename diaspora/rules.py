"""Who may do what in the FROM level. Views, the API and services name these permissions.

Roles: visitor, member (signed in), pending / approved network member, coordinator, the organiser
of an initiative (for matches and introductions), staff. Private things answer 404.
"""

import rules

from diaspora.models import JointProject, Network, NetworkMembership
from engagement.rules import is_organiser as is_initiative_organiser
from humena.core.predicates import allows, is_signed_in, is_staff  # noqa: F401 - part of this module's rules
from humena.moderation.registry import is_shown


def _membership(user, network: Network) -> NetworkMembership | None:
    if not user.is_authenticated or network is None:
        return None
    cache = getattr(network, "_membership_cache", None)
    if cache is None:
        cache = network._membership_cache = {}
    if user.pk not in cache:
        cache[user.pk] = NetworkMembership.objects.filter(user=user, network=network).first()
    return cache[user.pk]


@rules.predicate
def is_coordinator(user, network: Network) -> bool:
    membership = _membership(user, network)
    return bool(membership and membership.is_active_coordinator)


@rules.predicate
def is_network_member(user, network: Network) -> bool:
    membership = _membership(user, network)
    return bool(membership and membership.status == NetworkMembership.Status.APPROVED)


@rules.predicate
def is_pending_network_member(user, network: Network) -> bool:
    membership = _membership(user, network)
    return bool(membership and membership.status == NetworkMembership.Status.PENDING)


@rules.predicate
def network_is_public(user, network: Network) -> bool:
    return network is not None and network.visibility == Network.Visibility.PUBLIC


@rules.predicate
def network_is_active(user, network: Network) -> bool:
    return network is not None and network.is_active


@rules.predicate
def network_is_not_hidden(user, network: Network) -> bool:
    return network is not None and network.hidden_at is None


@rules.predicate
def network_is_published(user, network: Network) -> bool:
    """Proposed networks wait for review (humena.moderation.review): until they are published
    only their coordinator (the proposer) and staff see them."""
    return network is not None and network.status == Network.Status.PUBLISHED


@rules.predicate
def network_is_proposal(user, network: Network) -> bool:
    return network is not None and network.status in Network.PROPOSAL_STATUSES


can_manage_network = is_staff | is_coordinator

# Hidden by moderators: only its coordinators, its author and staff still see it (with a notice).
rules.add_perm(
    "diaspora.view_network",
    can_manage_network
    | (
        network_is_published
        & network_is_active
        & (network_is_public | is_network_member)
        & is_shown
    ),
)
rules.add_perm(
    "diaspora.join_network",
    is_signed_in & network_is_published & network_is_active & network_is_not_hidden,
)
rules.add_perm("diaspora.propose_network", is_signed_in)
# The proposer edits a proposal waiting for review, or sends back for changes (then resubmits).
rules.add_perm("diaspora.edit_network_proposal", can_manage_network & network_is_proposal)
rules.add_perm("diaspora.leave_network", is_network_member | is_pending_network_member)
rules.add_perm("diaspora.manage_network", can_manage_network)
rules.add_perm("diaspora.view_network_members", can_manage_network)
rules.add_perm("diaspora.answer_consultation", is_network_member)
# Anything that needs an account (own profile, introductions); finer checks are in services.
rules.add_perm("diaspora.has_account", is_signed_in)


@rules.predicate
def manages_project(user, project: JointProject) -> bool:
    if project is None:
        return False
    if project.network_id and is_coordinator(user, project.network):
        return True
    return bool(is_initiative_organiser(user, project.initiative))


@rules.predicate
def takes_part(user, project: JointProject) -> bool:
    return bool(
        project is not None
        and user.is_authenticated
        and project.participants.filter(pk=user.pk).exists()
    )


@rules.predicate
def project_is_public(user, project: JointProject) -> bool:
    """Agreed, active and completed projects of public initiatives are shown to everyone."""
    from engagement.rules import can_view

    return (
        project is not None
        and project.status
        in (JointProject.Status.AGREED, JointProject.Status.ACTIVE, JointProject.Status.COMPLETED)
        and bool(can_view(user, project.initiative))
        # A members-only (or hidden) network's name must not surface through a public project.
        and (
            project.network is None
            or (
                project.network.visibility == Network.Visibility.PUBLIC
                and project.network.hidden_at is None
            )
        )
    )


# Hidden by moderators: only its managers, its author (who proposed it) and staff still see it.
rules.add_perm(
    "diaspora.view_project",
    is_staff | manages_project | (is_shown & (takes_part | project_is_public)),
)
rules.add_perm("diaspora.manage_project", is_staff | manages_project)
