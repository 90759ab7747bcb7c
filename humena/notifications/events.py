"""Named domain events. Levels emit them; the notification pipeline decides who hears of them.

Names are `<app>.<entity>.<what happened>` (Decidim's convention). A level never imports another
level to react to its events: it subscribes to these names through the kernel.
"""

from enum import StrEnum


class Event(StrEnum):
    # IN: engagement
    INITIATIVE_MEMBER_JOINED = "engagement.membership.joined"
    INITIATIVE_MEMBERSHIP_REQUESTED = "engagement.membership.requested"
    INITIATIVE_MEMBERSHIP_APPROVED = "engagement.membership.approved"
    INITIATIVE_MEMBERSHIP_DECLINED = "engagement.membership.declined"
    INITIATIVE_UPDATE_PUBLISHED = "engagement.update.published"
    INITIATIVE_EVENT_CREATED = "engagement.event.created"
    INITIATIVE_EVENT_REMINDER = "engagement.event.reminder"
    INITIATIVE_NEED_FILLED = "engagement.need.filled"
    INITIATIVE_REVIEWED = "engagement.initiative.reviewed"  # review before publishing

    # FROM: diaspora
    NETWORK_MEMBER_JOINED = "diaspora.network_membership.joined"
    NETWORK_MEMBERSHIP_REQUESTED = "diaspora.network_membership.requested"
    NETWORK_MEMBERSHIP_APPROVED = "diaspora.network_membership.approved"
    NETWORK_UPDATE_PUBLISHED = "diaspora.network_update.published"
    INTRODUCTION_REQUESTED = "diaspora.introduction.requested"
    INTRODUCTION_ACCEPTED = "diaspora.introduction.accepted"
    INTRODUCTION_DECLINED = "diaspora.introduction.declined"
    JOINT_PROJECT_PROPOSED = "diaspora.joint_project.proposed"
    JOINT_PROJECT_STATUS_CHANGED = "diaspora.joint_project.status_changed"
    CONSULTATION_OPENED = "diaspora.consultation.opened"
    NETWORK_REVIEWED = "diaspora.network.reviewed"  # review before publishing

    # FOR: advocacy
    CAMPAIGN_MOBILISED = "advocacy.campaign.mobilised"
    CAMPAIGN_UPDATE_PUBLISHED = "advocacy.campaign_update.published"
    SIGNATURE_CONFIRMATION_REQUESTED = "advocacy.signature.confirmation_requested"
    LETTER_WRITTEN = "advocacy.letter.written"
    PLEDGE_FOLLOWUP_DUE = "advocacy.pledge.followup_due"

    # Moderation (kernel)
    MODERATION_ITEM_DECIDED = "moderation.case.decided"
    MODERATION_REPORT_OUTCOME = "moderation.report.outcome"
    MODERATION_WARNING = "moderation.user.warned"
    MODERATION_SUSPENSION = "moderation.user.suspended"
