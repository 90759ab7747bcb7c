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
