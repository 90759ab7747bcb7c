"""Review before publishing (docs/moderation.md, "Review before publishing").

A new organiser's first initiative and a network proposed by a member wait for staff approval;
staff and trusted organisers publish directly. The rule (`needs_review`) and the three decisions
(`review_approve`, `review_request_changes`, `review_reject`) work for any model a level registers
here with a small adapter (`Reviewable`, from `<app>/moderation.py`), so the kernel never imports
a level. Every decision writes a `Decision` (the history staff read), an audit entry, and tells
the author through the notification pipeline (one event kind per adapter, registered here).
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from django.contrib.auth.backends import ModelBackend
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Exists, IntegerField, Model, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from humena.audit.services import audit_record
from humena.core.mfa import has_staff_powers
from humena.moderation.models import Decision
from humena.notifications.events import Event
from humena.notifications.models import Category
from humena.notifications.registry import Description, EventKind
from humena.notifications.registry import register as register_event_kind
from humena.notifications.services import event_emit

_model_backend = ModelBackend()

# The decisions this module writes (a Decision's other actions come from reports).
REVIEW_ACTIONS = (
    Decision.Action.APPROVE,
    Decision.Action.REQUEST_CHANGES,
    Decision.Action.REJECT,
)


@dataclass(frozen=True)
class Reviewable:
    """How one model is reviewed. Its `status` field takes the four values named here."""

    key: str  # the moderation kind's key: "initiative", "network"
    model: type[Model]
    author_field: str  # a foreign key to the author: "created_by"
    waiting: str  # the status while in review
    approved: str  # the status approval gives
    changes_requested: str  # the status "ask for changes" gives back (a draft)
    rejected: str
    event: Event  # the author's notification; its payload: decision_id, user_id, <key>_id
    # Notification titles per action, marked with gettext_noop; "%(name)s" is the thing's name.
    titles: dict[str, str]
    name: Callable[[Model], str]
    # Where the author goes from the notification, per action (e.g. the edit page for changes).
    url: Callable[[Model, str], str]
    # Fields the review page shows (model field names), and one field of sanitised HTML.
    review_fields: tuple[str, ...] = ()
    html_field: str = ""
    # Whether an earlier approval of this person's work lets them publish without review.
    earlier_approved: Callable[[object], bool] | None = None

    @property
    def author_id_field(self) -> str:
        return f"{self.author_field}_id"

    def author_id(self, obj: Model) -> int | None:
        return getattr(obj, self.author_id_field)


_REVIEWABLES: dict[str, Reviewable] = {}


def register_reviewable(reviewable: Reviewable) -> None:
    """Called by a level's `moderation.py` when it loads; registers the author's notification."""
    _REVIEWABLES[reviewable.key] = reviewable
    register_event_kind(
        EventKind(
            name=str(reviewable.event),
            # Account: the author must hear of it (it cannot be switched off), emailed at once.
            category=Category.ACCOUNT,
            recipients=_the_author,
            describe=partial(_describe, reviewable),
            refs={f"{reviewable.key}_id": reviewable.model, "decision_id": Decision},
            urgent=True,
        )
    )


def reviewables() -> list[Reviewable]:
    return list(_REVIEWABLES.values())


def reviewable_for_key(key: str) -> Reviewable:
    return _REVIEWABLES[key]


def reviewable_for_model(model: type[Model]) -> Reviewable:
    concrete = model._meta.concrete_model
    reviewable = next((r for r in _REVIEWABLES.values() if r.model is concrete), None)
    if reviewable is None:
        raise LookupError(f"{model._meta.label} is not reviewed before publishing")
    return reviewable


# --- The rule ------------------------------------------------------------------------------


def needs_review(user, kind: str) -> bool:
    """Whether what `user` publishes of `kind` waits for staff approval.

    Staff (with their second factor) and trusted organisers publish directly; so does someone an
    earlier approval vouches for, when the kind says so (an initiative: one of theirs published).
    """
    if has_staff_powers(user) or getattr(user, "is_trusted_organiser", False):
        return False
    reviewable = reviewable_for_key(kind)
    return not (reviewable.earlier_approved and reviewable.earlier_approved(user))


def review_approved_q(model: type[Model]) -> Q:
    """Rows of `model` that a review approved at some point (for `earlier_approved`)."""
    return Q(
        Exists(
            Decision.objects.filter(
                content_type=ContentType.objects.get_for_model(model),
                object_id=OuterRef("pk"),
                action=Decision.Action.APPROVE,
            )
        )
    )


# --- Decisions -----------------------------------------------------------------------------


def may_review(user, model: type[Model]) -> bool:
    """Staff with their second factor, the moderators' permission ("Can change moderation case")
    and the permission to view the model in the admin (what they decide on, they read).

    Asked of the model backend alone: through django-rules, "engagement.change_initiative" or
    "engagement.view_initiative" without an object is only "is staff", so any staff member
    could publish."""
    if not has_staff_powers(user):
        return False
    if user.is_superuser:
        return True  # as User.has_perm, without reading every permission
    opts = model._meta
    return _model_backend.has_perm(user, "moderation.change_case") and _model_backend.has_perm(
        user, f"{opts.app_label}.view_{opts.model_name}"
    )


CHANGED_SINCE_SEEN = "changed"


def changed_since_seen() -> ValidationError:
    """The refusal of a decision on something its author changed after the moderator opened it."""
    return ValidationError(
        _("It changed since you opened it: read it again."), code=CHANGED_SINCE_SEEN
    )


def _decide(
    *, obj: Model, moderator, action: str, message: str, seen: datetime.datetime | None
) -> Decision:
    reviewable = reviewable_for_model(type(obj))
    if not may_review(moderator, reviewable.model):
        raise PermissionDenied
    message = (message or "").strip()
    if action != Decision.Action.APPROVE and not message:
        raise ValidationError(
            {"message": _("Write a message: the author reads it and needs to know why.")},
            code="required",
        )
    locked = reviewable.model._default_manager.select_for_update().get(pk=obj.pk)
    if locked.status != reviewable.waiting:
        raise ValidationError(_("This is no longer waiting for review."), code="not_in_review")
    # Authors may still edit while it waits: approve only what the moderator read.
    if seen is not None and locked.updated_at != seen:
        raise changed_since_seen()
    status = {
        Decision.Action.APPROVE: reviewable.approved,
        Decision.Action.REQUEST_CHANGES: reviewable.changes_requested,
        Decision.Action.REJECT: reviewable.rejected,
    }[action]
    locked.status = obj.status = status
    locked.save(update_fields=["status", "updated_at"])
    author_id = reviewable.author_id(locked)
    decision = Decision.objects.create(
        content_type=ContentType.objects.get_for_model(reviewable.model),
        object_id=obj.pk,
        subject_id=author_id,
        action=action,
        reason=message,
        decided_by=moderator,
    )
    audit_record(actor=moderator, action=f"review.{action}", target=locked, decision=decision.pk)
    if author_id is not None:
        event_emit(
            event=reviewable.event,
            actor_id=moderator.pk,
            decision_id=decision.pk,
            user_id=author_id,
            action=str(action),
            **{f"{reviewable.key}_id": obj.pk},
        )
    return decision


# Each decision takes `seen`: the `updated_at` of what the moderator read (the review page sends
# it back); if the author changed it since, the decision is refused (`changed_since_seen`).
# None skips that check (scripts and tests that read nothing).


@transaction.atomic
def review_approve(
    *, obj: Model, moderator, message: str = "", seen: datetime.datetime | None = None
) -> Decision:
    """Published (an initiative opens to new members); the author is told."""
    return _decide(
        obj=obj, moderator=moderator, action=Decision.Action.APPROVE, message=message, seen=seen
    )


@transaction.atomic
def review_request_changes(
    *, obj: Model, moderator, message: str, seen: datetime.datetime | None = None
) -> Decision:
    """Back to a draft with the message; the author edits and publishes again (back to review)."""
    return _decide(
        obj=obj,
        moderator=moderator,
        action=Decision.Action.REQUEST_CHANGES,
        message=message,
        seen=seen,
    )


@transaction.atomic
def review_reject(
    *, obj: Model, moderator, message: str, seen: datetime.datetime | None = None
) -> Decision:
    """Not published, and it cannot be submitted again; the author reads why."""
    return _decide(
        obj=obj, moderator=moderator, action=Decision.Action.REJECT, message=message, seen=seen
    )


# --- Trust ---------------------------------------------------------------------------------


@transaction.atomic
def organiser_trust_set(*, user, actor, trusted: bool) -> bool:
    """Grant or withdraw trusted-organiser status (audited); returns whether anything changed."""
    if not (has_staff_powers(actor) and actor.has_perm("accounts.change_user")):
        raise PermissionDenied
    if user.is_trusted_organiser == trusted:
        return False
    user.is_trusted_organiser = trusted
    user.save(update_fields=["is_trusted_organiser"])
    action = "moderation.trust_granted" if trusted else "moderation.trust_withdrawn"
    audit_record(actor=actor, action=action, target=user)
    return True


# --- Reads ---------------------------------------------------------------------------------


def review_decisions(obj: Model) -> QuerySet[Decision]:
    """The review history of `obj`, newest first."""
    return Decision.objects.filter(
        content_type=ContentType.objects.get_for_model(type(obj)),
        object_id=obj.pk,
        action__in=REVIEW_ACTIONS,
    ).order_by("-created_at", "-id")


def review_last_decision(obj: Model) -> Decision | None:
    """The latest review decision on `obj` (what its author reads on the page)."""
    return review_decisions(obj).first()


def review_notice(obj: Model) -> dict | None:
    """What the author reads on the page of something not yet published: `state` ("waiting",
    "changes" or "rejected") and the moderators' last `decision` (its message); None otherwise.
    A query only for a draft (changes may have been asked for) or a rejected thing."""
    reviewable = reviewable_for_model(type(obj))
    if obj.status == reviewable.waiting:
        return {"state": "waiting", "decision": None}
    if obj.status not in (reviewable.changes_requested, reviewable.rejected):
        return None
    decision = review_last_decision(obj)
    if obj.status == reviewable.rejected:
        return {"state": "rejected", "decision": decision}
    if decision is not None and decision.action == Decision.Action.REQUEST_CHANGES:
        return {"state": "changes", "decision": decision}
    return None  # a draft never submitted, or set back to draft after approval


def _count(queryset: QuerySet, group_by: str) -> Coalesce:
    counted = queryset.order_by().values(group_by).annotate(n=Count("pk")).values("n")[:1]
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def review_queue(reviewable: Reviewable) -> QuerySet:
    """What waits for review, oldest first, with the author's history in the same query: how many
    other things of this kind they created, and the review decisions and other moderation
    decisions (hidden, warned, suspended) about them."""
    model, author = reviewable.model, reviewable.author_field
    decisions = Decision.objects.filter(subject=OuterRef(author))
    content_type = ContentType.objects.get_for_model(model)
    reviews = decisions.filter(content_type=content_type)
    return (
        model._default_manager.filter(status=reviewable.waiting)
        .select_related(author)
        .annotate(
            earlier_items=_count(
                model._default_manager.filter(**{author: OuterRef(author)}).exclude(
                    pk=OuterRef("pk")
                ),
                author,
            ),
            earlier_approved=_count(reviews.filter(action=Decision.Action.APPROVE), "subject"),
            earlier_changes=_count(
                reviews.filter(action=Decision.Action.REQUEST_CHANGES), "subject"
            ),
            earlier_rejected=_count(reviews.filter(action=Decision.Action.REJECT), "subject"),
            other_decisions=_count(decisions.exclude(action__in=REVIEW_ACTIONS), "subject"),
        )
        .order_by("updated_at", "pk")
    )


def review_author_history(reviewable: Reviewable, obj: Model) -> dict:
    """For the review page: the author's other things of this kind and every decision about
    them (newest first, at most 20 of each)."""
    author_id = reviewable.author_id(obj)
    if author_id is None:
        return {"items": [], "decisions": []}
    items = (
        reviewable.model._default_manager.filter(**{reviewable.author_id_field: author_id})
        .exclude(pk=obj.pk)
        .order_by("-created_at")[:20]
    )
    decisions = (
        Decision.objects.filter(subject_id=author_id)
        .select_related("decided_by", "content_type")
        .order_by("-created_at", "-id")[:20]
    )
    return {"items": list(items), "decisions": list(decisions)}


# --- The author's notification -------------------------------------------------------------


def _the_author(payload: dict, actor_id) -> list[int]:
    return [payload["user_id"]] if payload.get("user_id") else []


def _describe(reviewable: Reviewable, payload: dict, objects: dict) -> Description:
    obj, decision = objects.get(f"{reviewable.key}_id"), objects.get("decision_id")
    action = payload.get("action", Decision.Action.APPROVE)
    name = reviewable.name(obj) if obj is not None else ""
    url = reviewable.url(obj, action) if obj is not None else reverse("notifications:inbox")
    return Description(
        title=gettext(reviewable.titles[action]) % {"name": name},
        url=url,
        group_key=f"review:{reviewable.key}:{payload.get(f'{reviewable.key}_id')}",
        group_title=name or gettext("Review"),
        body=decision.reason if decision is not None else "",
    )
