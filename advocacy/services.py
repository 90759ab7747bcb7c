"""Writes to campaigns. The pages, the API, the admin and the beat tasks call these only.

Each checks the permission it needs, validates, writes atomically and records named events in the
outbox (mobilisations, confirmations, letters and follow-ups all go through the notification
pipeline, so a broker outage only delays them). Private things raise Http404; refusals of what a
person may see but not do raise PermissionDenied; ValidationError carries the person's message.
"""

import datetime

from allauth.account.models import EmailAddress
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from advocacy import selectors
from advocacy.models import (
    Campaign,
    CampaignAction,
    CampaignTarget,
    CampaignUpdate,
    Interaction,
    Letter,
    Mobilisation,
    Pledge,
    Signature,
)
from advocacy.rules import allows
from humena.audit.services import audit_record
from humena.core.consent import consent_current
from humena.core.images import image_reencode
from humena.core.markdown import markdown_to_html
from humena.core.models import ConsentText
from humena.core.ratelimit import consume_setting
from humena.core.slugs import unique_slug
from humena.notifications.events import Event as Notify
from humena.notifications.services import event_emit

RESERVED_SLUGS = {"confirm", "withdraw", "news", "pledges"}
UNCONFIRMED_DAYS = 7  # "a few days" in the confirmation email


def _require_staff(actor) -> None:
    if actor is not None and not allows("advocacy.run_campaigns", actor):
        raise PermissionDenied


# --- Campaigns (staff) ----------------------------------------------------------------------


@transaction.atomic
def campaign_save(
    *, campaign: Campaign, actor, image: UploadedFile | bool | None = None
) -> Campaign:
    """Save a campaign's content as staff edited it: Markdown rendered, image cleaned."""
    _require_staff(actor)
    if not campaign.slug:
        campaign.slug = unique_slug(
            Campaign, campaign.title, reserved=RESERVED_SLUGS, exclude_pk=campaign.pk
        )
    campaign.description_html = markdown_to_html(campaign.description)
    if isinstance(image, UploadedFile):
        campaign.image = image_reencode(image)
    elif image is False:
        campaign.image = None
    campaign.full_clean(exclude=["image", "coordinators"])
    created = campaign.pk is None
    campaign.save()
    audit_record(
        actor=actor, action="campaign.create" if created else "campaign.change", target=campaign
    )
    return campaign


def _mobilise(*, campaign: Campaign, actor, test: bool) -> Mobilisation:
    if test:
        audience = 1
        payload = {"campaign_id": campaign.pk, "user_id": actor.pk, "test": True}
    else:
        audience = selectors.campaign_audience(campaign=campaign).count()
        payload = {"campaign_id": campaign.pk}
    # The sender is not excluded from the audience (actor_id None): staff may be supporters too,
    # and a test is meant for its sender.
    event = event_emit(event=Notify.CAMPAIGN_MOBILISED, **payload)
    return Mobilisation.objects.create(
        campaign=campaign, event=event, is_test=test, audience_size=audience, created_by=actor
    )


@transaction.atomic
def campaign_send_test(*, campaign: Campaign, actor) -> Mobilisation:
    """The mobilisation email, exactly as the audience will get it, to the staff member only."""
    _require_staff(actor)
    mobilisation = _mobilise(campaign=campaign, actor=actor, test=True)
    audit_record(actor=actor, action="campaign.test_mobilisation", target=campaign)
    return mobilisation


@transaction.atomic
def campaign_launch(*, campaign: Campaign, actor) -> Mobilisation:
    """Go live and queue the mobilisation to the audience segment (once per campaign)."""
    _require_staff(actor)
    campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
    if campaign.status not in (Campaign.Status.DRAFT, Campaign.Status.SCHEDULED):
        raise ValidationError(
            _("Only a draft or scheduled campaign can be launched; this one is %(status)s.")
            % {"status": campaign.get_status_display().lower()}
        )
    if campaign.ends_at and campaign.ends_at <= timezone.now():
        raise ValidationError(_("The campaign's end date has passed; change it first."))
    campaign.status = Campaign.Status.LIVE
    campaign.launched_at = timezone.now()
    if campaign.starts_at is None or campaign.starts_at > campaign.launched_at:
        campaign.starts_at = campaign.launched_at
    campaign.save(update_fields=["status", "launched_at", "starts_at", "updated_at"])
    mobilisation = _mobilise(campaign=campaign, actor=actor, test=False)
    audit_record(
        actor=actor, action="campaign.launch", target=campaign, audience=mobilisation.audience_size
    )
    return mobilisation


@transaction.atomic
def campaign_schedule(*, campaign: Campaign, actor) -> Campaign:
    _require_staff(actor)
    if campaign.status != Campaign.Status.DRAFT:
        raise ValidationError(_("Only a draft can be scheduled."))
    if campaign.starts_at is None or campaign.starts_at <= timezone.now():
        raise ValidationError(_("Set a start date in the future to schedule the campaign."))
    campaign.status = Campaign.Status.SCHEDULED
    campaign.save(update_fields=["status", "updated_at"])
    audit_record(actor=actor, action="campaign.schedule", target=campaign)
    return campaign


def campaigns_start_scheduled(*, now: datetime.datetime | None = None) -> int:
    """From beat: launch scheduled campaigns whose start has come; put back to draft those whose
    end passed before they could start; close live campaigns whose end has come."""
    now = now or timezone.now()
    launched = 0
    due = Campaign.objects.filter(status=Campaign.Status.SCHEDULED, starts_at__lte=now)
    for campaign in due:
        if campaign.ends_at and campaign.ends_at <= now:
            Campaign.objects.filter(pk=campaign.pk, status=Campaign.Status.SCHEDULED).update(
                status=Campaign.Status.DRAFT
            )
            audit_record(actor=None, action="campaign.schedule_expired", target=campaign)
            continue
        campaign_launch(campaign=campaign, actor=None)
        launched += 1
    for campaign in Campaign.objects.filter(status=Campaign.Status.LIVE, ends_at__lte=now):
        campaign_close(campaign=campaign, actor=None, outcome=Campaign.Outcome.ENDED)
    return launched


def _set_status(*, campaign: Campaign, actor, allowed_from: tuple, status: str, action: str):
    _require_staff(actor)
    campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
    if campaign.status not in allowed_from:
        raise ValidationError(
            _("This is not possible while the campaign is %(status)s.")
            % {"status": campaign.get_status_display().lower()}
        )
    campaign.status = status
    campaign.save(update_fields=["status", "updated_at"])
    audit_record(actor=actor, action=action, target=campaign)
    return campaign


@transaction.atomic
def campaign_pause(*, campaign: Campaign, actor) -> Campaign:
    return _set_status(
        campaign=campaign,
        actor=actor,
        allowed_from=(Campaign.Status.LIVE,),
        status=Campaign.Status.PAUSED,
        action="campaign.pause",
    )


@transaction.atomic
def campaign_resume(*, campaign: Campaign, actor) -> Campaign:
    return _set_status(
        campaign=campaign,
        actor=actor,
        allowed_from=(Campaign.Status.PAUSED,),
        status=Campaign.Status.LIVE,
        action="campaign.resume",
    )


@transaction.atomic
def campaign_close(*, campaign: Campaign, actor, outcome: str, note: str = "") -> Campaign:
    _require_staff(actor)
    if outcome not in Campaign.Outcome.values:
        raise ValidationError(_("Choose how the campaign ended."))
    campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
    if campaign.status not in (Campaign.Status.LIVE, Campaign.Status.PAUSED):
        raise ValidationError(_("Only a live or paused campaign can be closed."))
    campaign.status = Campaign.Status.CLOSED
    campaign.outcome = outcome
    campaign.outcome_note = note
    campaign.closed_at = timezone.now()
    campaign.save(update_fields=["status", "outcome", "outcome_note", "closed_at", "updated_at"])
    audit_record(actor=actor, action="campaign.close", target=campaign, outcome=outcome)
    return campaign


# --- Targets and what they said and did ---------------------------------------------------


def target_position_refresh(*, target: CampaignTarget) -> CampaignTarget:
    """The target's position is the one recorded by its latest *public* interaction that set one.

    The position is shown on the public page: a position learnt in a private meeting stays in
    that interaction (visible to staff) until something public confirms it."""
    latest = (
        Interaction.objects.filter(target=target, public=True)
        .exclude(position="")
        .order_by("-happened_on", "-id")
        .first()
    )
    target.position = (
        latest.position if latest else CampaignTarget._meta.get_field("position").default
    )
    target.position_since = latest.happened_on if latest else None
    target.save(update_fields=["position", "position_since", "updated_at"])
    return target


@transaction.atomic
def interaction_record(*, target: CampaignTarget, actor, data: dict) -> Interaction:
    _require_staff(actor)
    interaction = Interaction(target=target, recorded_by=actor, **data)
    interaction.full_clean()
    interaction.save()
    if interaction.position:
        target_position_refresh(target=target)
    audit_record(actor=actor, action="campaign.interaction", target=target)
    return interaction


# --- Petition signatures ---------------------------------------------------------------------


def _normalise_email(email: str) -> str:
    return (email or "").strip().lower()


def _verified_email_of(user) -> str:
    if not user or not user.is_authenticated:
        return ""
    address = EmailAddress.objects.filter(user=user, verified=True, primary=True).first()
    return address.email.lower() if address else ""


def signature_request(
    *,
    campaign: Campaign,
    email: str,
    name: str = "",
    show_name: bool = False,
    country: str = "",
    keep_informed: bool = False,
    consent_version: int,
    language: str,
    user=None,
    rate_key: str,
    challenge_solved: bool = False,
) -> Signature | None:
    """Record a signature waiting for confirmation and email the confirmation link.

    Whether an address has signed is never revealed to whoever types it: a second request for the
    same address gets the same answer, and the address's owner gets an email saying they had
    signed already. A signed-in member whose own verified address this is needs no email: the
    signature counts at once. Returns the signature when it was confirmed at once, else None.
    Without a solved proof of work (`challenge_solved`, humena.core.challenge), the client's
    stricter limit applies too.
    """
    if not allows("advocacy.sign_campaign", user, campaign):
        if not campaign.is_published:
            raise Http404
        raise ValidationError(_("This petition is not open for signatures."))
    email = _normalise_email(email)
    name = (name or "").strip()
    if not email:
        raise ValidationError({"email": _("Enter your email address to sign.")})
    if show_name and not name:
        raise ValidationError({"name": _("Enter the name to show, or sign without a name.")})
    consent = consent_current(ConsentText.Purpose.PETITION)
    if consent_version != consent.version:
        raise ValidationError(
            {"consent": _("The text you agree to has changed. Please read it again and sign.")}
        )
    if not challenge_solved:
        consume_setting(scope="petition_sign_unsolved", key=rate_key)
    consume_setting(scope="petition_sign", key=rate_key)
    trusted = user is not None and _verified_email_of(user) == email
    with transaction.atomic():
        try:
            with transaction.atomic():
                signature = Signature.objects.create(
                    campaign=campaign,
                    # Linked to the account only when it is that account's own address: typing
                    # someone else's must not tell this member whether that person signed.
                    user=user if trusted else None,
                    email=email,
                    name=name[:100],
                    show_name=bool(show_name and name),
                    country=country or "",
                    keep_informed=keep_informed,
                    consent=consent,
                    language=language,
                )
        except IntegrityError:
            existing = Signature.objects.get(campaign=campaign, email=email)
            if existing.confirmed_at is None:
                # Another request for an unconfirmed signature: send the link again.
                event_emit(event=Notify.SIGNATURE_CONFIRMATION_REQUESTED, signature_id=existing.pk)
            else:
                event_emit(
                    event=Notify.SIGNATURE_CONFIRMATION_REQUESTED,
                    signature_id=existing.pk,
                    already=True,
                )
            return None
        if trusted:
            _confirm(signature)
            return signature
        event_emit(event=Notify.SIGNATURE_CONFIRMATION_REQUESTED, signature_id=signature.pk)
    return None


def _confirm(signature: Signature) -> bool:
    """Confirm once: the conditional UPDATE is the guard, so concurrent clicks count once."""
    changed = Signature.objects.filter(pk=signature.pk, confirmed_at__isnull=True).update(
        confirmed_at=timezone.now()
    )
    if changed:
        Campaign.objects.filter(pk=signature.campaign_id).update(
            signature_count=F("signature_count") + 1
        )
    return bool(changed)


@transaction.atomic
def signature_confirm(*, token: str) -> Signature:
    """Confirm the signature the emailed link stands for (any number of times: counted once)."""
    signature = (
        Signature.objects.select_for_update(of=("self",))
        .select_related("campaign")
        .filter(token=token)
        .first()
    )  # locked: a withdrawal at the same moment waits for this confirmation, or wins it
    if signature is None:
        raise Http404
    if signature.confirmed_at is None and not allows(
        "advocacy.sign_campaign", None, signature.campaign
    ):
        raise ValidationError(_("This petition closed before your signature was confirmed."))
    _confirm(signature)
    signature.refresh_from_db(fields=["confirmed_at"])
    return signature


@transaction.atomic
def signature_withdraw(*, token: str) -> Campaign:
    """Remove a signature (the consent text promises it at any time) by its emailed link."""
    signature = Signature.objects.select_for_update().filter(token=token).first()
    if signature is None:
        raise Http404
    campaign = signature.campaign
    if signature.confirmed_at is not None:
        Campaign.objects.filter(pk=campaign.pk).update(signature_count=F("signature_count") - 1)
    signature.delete()
    return campaign


@transaction.atomic
def signatures_remove(*, signatures, actor) -> int:
    """Staff remove signatures at their signers' request (found by exact address in the admin);
    the counts follow."""
    _require_staff(actor)
    removed = 0
    for signature in Signature.objects.select_for_update().filter(
        pk__in=[s.pk for s in signatures]
    ):
        if signature.confirmed_at is not None:
            Campaign.objects.filter(pk=signature.campaign_id).update(
                signature_count=F("signature_count") - 1
            )
        audit_record(actor=actor, action="signature.remove", target=signature.campaign)
        signature.delete()
        removed += 1
    return removed


def signatures_purge_unconfirmed(*, now: datetime.datetime | None = None) -> int:
    """From beat: forget signatures never confirmed within UNCONFIRMED_DAYS (as the confirmation
    email promises): an address typed by someone else is not kept."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=UNCONFIRMED_DAYS)
    deleted, _by_model = Signature.objects.filter(
        confirmed_at__isnull=True, created_at__lt=cutoff
    ).delete()
    return deleted


@transaction.atomic
def signature_stop_news(*, signature_id: int) -> None:
    Signature.objects.filter(pk=signature_id).update(keep_informed=False)


# --- Letters and pledges (signed-in members) ------------------------------------------------


def _require_action(action: CampaignAction, user, kind: str) -> None:
    if not allows("advocacy.view_campaign_page", user, action.campaign):
        raise Http404
    if action.kind != kind:
        raise Http404
    if not allows("advocacy.act_on_campaign", user, action.campaign):
        if not (user.is_authenticated and user.is_active):
            raise PermissionDenied
        raise ValidationError(_("This campaign is not taking action at the moment."))


@transaction.atomic
def letter_send(
    *,
    action: CampaignAction,
    user,
    subject: str,
    body: str,
    signed_as: str = "",
    reply_to_me: bool = False,
) -> Letter:
    """Send a member's letter to the action's target through the notification pipeline, or,
    when the target has no public address, keep it ready for the member to copy."""
    _require_action(action, user, CampaignAction.Kind.LETTER)
    # A subject is one line: line breaks would be refused as a header (or, unchecked, inject one).
    subject, body = " ".join((subject or "").split()), (body or "").strip()
    signed_as = " ".join((signed_as or "").split())
    errors = {}
    if not subject:
        errors["subject"] = _("Give the letter a subject.")
    if len(body) < 20:
        errors["body"] = _("Write the letter (at least a few words).")
    if errors:
        raise ValidationError(errors)
    consume_setting(scope="letter", key=user.pk)
    target = action.target
    letter = Letter.objects.create(
        action=action,
        target=target,
        sender=user,
        signed_as=(signed_as or user.display_name or "").strip()[:100],
        subject=subject[:200],
        body=body,
        reply_to_me=reply_to_me,
        status=Letter.Status.QUEUED if target.stakeholder.public_email else Letter.Status.COPY,
    )
    if letter.status == Letter.Status.QUEUED:
        event_emit(event=Notify.LETTER_WRITTEN, actor_id=user.pk, letter_id=letter.pk)
    return letter


def letter_mark_sent(*, letter_id: int) -> None:
    Letter.objects.filter(pk=letter_id).update(status=Letter.Status.SENT, sent_at=timezone.now())


@transaction.atomic
def pledge_make(*, action: CampaignAction, user) -> Pledge:
    _require_action(action, user, CampaignAction.Kind.PLEDGE)
    pledge, _created = Pledge.objects.get_or_create(
        action=action,
        user=user,
        defaults={
            "followup_due_at": timezone.now() + datetime.timedelta(days=action.followup_days)
        },
    )
    return pledge


@transaction.atomic
def pledge_answer(*, pledge: Pledge, user, answer: str) -> Pledge:
    if pledge.user_id != user.pk:
        raise Http404
    if answer not in Pledge.Answer.values:
        raise ValidationError({"answer": _("Choose one of the answers.")})
    pledge.answer = answer
    pledge.answered_at = timezone.now()
    pledge.save(update_fields=["answer", "answered_at", "updated_at"])
    return pledge


def pledges_follow_up(*, now: datetime.datetime | None = None, limit: int = 500) -> int:
    """From beat: ask each pledger, once, whether they did what they pledged."""
    now = now or timezone.now()
    sent = 0
    with transaction.atomic():
        due = list(
            Pledge.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("action")
            .filter(followup_sent_at__isnull=True, followup_due_at__lte=now, answer="")
            .order_by("followup_due_at")[:limit]
        )
        for pledge in due:
            event_emit(
                event=Notify.PLEDGE_FOLLOWUP_DUE,
                pledge_id=pledge.pk,
                user_id=pledge.user_id,
                action_id=pledge.action_id,
                campaign_id=pledge.action.campaign_id,
            )
            sent += 1
        Pledge.objects.filter(pk__in=[p.pk for p in due]).update(followup_sent_at=now)
    return sent


# --- Updates ---------------------------------------------------------------------------------


@transaction.atomic
def update_save(*, update: CampaignUpdate, actor) -> CampaignUpdate:
    """Save a news post; if it is to be sent to supporters and was not yet, send it (once)."""
    _require_staff(actor)
    update.body_html = markdown_to_html(update.body)
    if update.author_id is None and actor is not None:
        update.author = actor
    if update.pk is None:
        update.save()
    else:
        # Never write back `sent_at` read earlier: another request may have sent it since.
        update.save(
            update_fields=[
                "title",
                "body",
                "body_html",
                "send_to_supporters",
                "author",
                "updated_at",
            ]
        )
    if update.send_to_supporters:
        sent = CampaignUpdate.objects.filter(pk=update.pk, sent_at__isnull=True).update(
            sent_at=timezone.now()
        )
        if sent:
            event_emit(
                event=Notify.CAMPAIGN_UPDATE_PUBLISHED,
                campaign_id=update.campaign_id,
                update_id=update.pk,
            )
            update.refresh_from_db(fields=["sent_at"])
    audit_record(actor=actor, action="campaign.update", target=update.campaign)
    return update
