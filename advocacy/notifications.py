"""What the FOR level's events mean for people (registered with the kernel's registry).

Besides members, campaigns write to people without an account: petition signers (confirmation
links, news they asked for) and targets (members' letters). Those are the kernel's *outbound*
deliveries: keys here, addresses looked up only when the message is built.
"""

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from advocacy import selectors
from advocacy.models import Campaign, CampaignAction, CampaignUpdate, Letter, Pledge, Signature
from humena.notifications.events import Event as Name
from humena.notifications.models import Category
from humena.notifications.registry import Description, EventKind, register

REFS = {"campaign_id": Campaign, "update_id": CampaignUpdate}
NEWS_SALT = "advocacy.signature.news"


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def news_stop_token(signature_id: int) -> str:
    return signing.dumps({"s": signature_id}, salt=NEWS_SALT, compress=True)


def news_stop_read(token: str) -> int:
    """The signature a news-stop link stands for; raises signing.BadSignature if forged."""
    return int(signing.loads(token, salt=NEWS_SALT)["s"])


def _campaign_url(campaign: Campaign | None, language: str | None = None) -> str:
    if campaign is None:
        return reverse("advocacy:index")
    if language:
        with translation.override(language):
            return reverse("advocacy:detail", kwargs={"slug": campaign.slug})
    return reverse("advocacy:detail", kwargs={"slug": campaign.slug})


# --- Mobilisations ---------------------------------------------------------------------------


def _audience(payload, actor_id):
    if payload.get("test"):
        return [payload["user_id"]]
    campaign = Campaign.objects.filter(pk=payload["campaign_id"]).first()
    if campaign is None:
        return []
    return selectors.campaign_audience(campaign=campaign)


def _describe_mobilisation(payload: dict, objects: dict) -> Description:
    campaign = objects.get("campaign_id")
    name = campaign.title if campaign else _("a campaign")
    title = _("%(campaign)s: we need you now") % {"campaign": name}
    if payload.get("test"):
        title = _("[Test] %(title)s") % {"title": title}
    body = ""
    if campaign is not None:
        body = campaign.mobilisation_message or campaign.summary
    return Description(
        title=title,
        url=_campaign_url(campaign),
        group_key=f"campaign:{payload.get('campaign_id')}",
        group_title=name,
        body=body,
    )


# --- Updates to supporters -------------------------------------------------------------------


def _supporters(payload, actor_id):
    """Members who signed (confirmed) and asked for news, or who wrote a letter or pledged on the
    campaign (they hear of it as their campaign notification settings say)."""
    campaign_id = payload["campaign_id"]
    ids = set(
        Signature.objects.filter(
            campaign_id=campaign_id,
            confirmed_at__isnull=False,
            keep_informed=True,
            user__isnull=False,
        ).values_list("user_id", flat=True)
    )
    ids.update(
        Letter.objects.filter(action__campaign_id=campaign_id).values_list("sender_id", flat=True)
    )
    ids.update(
        Pledge.objects.filter(action__campaign_id=campaign_id).values_list("user_id", flat=True)
    )
    return sorted(ids)


def _signers_without_account(payload):
    return [
        f"signature:{pk}"
        for pk in Signature.objects.filter(
            campaign_id=payload["campaign_id"],
            confirmed_at__isnull=False,
            keep_informed=True,
            user__isnull=True,
        )
        .order_by("pk")
        .values_list("pk", flat=True)
    ]


def _describe_update(payload: dict, objects: dict) -> Description:
    campaign = objects.get("campaign_id")
    update = objects.get("update_id")
    name = campaign.title if campaign else _("a campaign")
    return Description(
        title=_("News from %(campaign)s: %(title)s")
        % {"campaign": name, "title": update.title if update else ""},
        url=_campaign_url(campaign),
        group_key=f"campaign:{payload.get('campaign_id')}",
        group_title=name,
    )


def _render(template: str, *, language: str, context: dict) -> tuple[str, str, str]:
    with translation.override(language):
        context = {
            **context,
            "LANGUAGE_CODE": language,
            "LANGUAGE_BIDI": translation.get_language_bidi(),
            "site_url": settings.SITE_URL,
        }
        subject = render_to_string(f"emails/advocacy/{template}.subject.txt", context).strip()
        text = render_to_string(f"emails/advocacy/{template}.txt", context)
        html = render_to_string(f"emails/advocacy/{template}.html", context)
    return " ".join(subject.split()), text, html


def _message(*, to: str, subject: str, text: str, html: str, headers: dict | None = None):
    message = EmailMultiAlternatives(
        subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject}",
        body=text,
        to=[to],
        headers={"Auto-Submitted": "auto-generated", **(headers or {})},
    )
    message.attach_alternative(html, "text/html")
    return message


def _compose_update(payload: dict, key: str):
    signature = (
        Signature.objects.select_related("campaign")
        .filter(
            pk=int(key.split(":")[1]),
            campaign_id=payload["campaign_id"],
            keep_informed=True,
            confirmed_at__isnull=False,
        )
        .first()
    )
    update = CampaignUpdate.objects.filter(pk=payload["update_id"]).first()
    if signature is None or update is None:
        return None  # withdrawn, or asked for no more news, since
    language = signature.language or settings.LANGUAGE_CODE
    stop_url = _absolute(reverse("advocacy:news_stop", args=[news_stop_token(signature.pk)]))
    subject, text, html = _render(
        "update",
        language=language,
        context={
            "campaign": signature.campaign,
            "update": update,
            "campaign_url": _absolute(_campaign_url(signature.campaign, language)),
            "unsubscribe_url": stop_url,
        },
    )
    return _message(
        to=signature.email,
        subject=subject,
        text=text,
        html=html,
        headers={
            "List-Unsubscribe": f"<{stop_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )


# --- Petition confirmations ------------------------------------------------------------------


def _signature_key(payload):
    return [f"signature:{payload['signature_id']}"]


def _compose_confirmation(payload: dict, key: str):
    signature = (
        Signature.objects.select_related("campaign").filter(pk=payload["signature_id"]).first()
    )
    if signature is None:
        return None
    language = signature.language or settings.LANGUAGE_CODE
    with translation.override(language):
        confirm_url = _absolute(reverse("advocacy:confirm", args=[signature.token]))
        withdraw_url = _absolute(reverse("advocacy:withdraw", args=[signature.token]))
    subject, text, html = _render(
        "signature_already" if payload.get("already") else "signature_confirm",
        language=language,
        context={
            "campaign": signature.campaign,
            "confirm_url": confirm_url,
            "withdraw_url": withdraw_url,
            "campaign_url": _absolute(_campaign_url(signature.campaign, language)),
        },
    )
    return _message(to=signature.email, subject=subject, text=text, html=html)


# --- Letters to targets ----------------------------------------------------------------------


def _letter_key(payload):
    return [f"letter:{payload['letter_id']}"]


def _compose_letter(payload: dict, key: str):
    letter = (
        Letter.objects.select_related("target__stakeholder", "action__campaign", "sender")
        # Hidden by moderators while it waited: never sent (the delivery is skipped).
        .filter(pk=payload["letter_id"], hidden_at__isnull=True)
        .first()
    )
    if letter is None or not letter.target.stakeholder.public_email:
        return None
    campaign = letter.action.campaign
    text = render_to_string(
        "emails/advocacy/letter.txt",
        {
            "letter": letter,
            "campaign": campaign,
            "campaign_url": _absolute(_campaign_url(campaign, campaign.language)),
        },
    )
    return EmailMultiAlternatives(
        subject=letter.subject,
        body=text,
        to=[letter.target.stakeholder.public_email],
        reply_to=[letter.sender.email] if letter.reply_to_me and letter.sender.email else None,
    )


def _letter_sent(payload: dict, key: str) -> None:
    from advocacy.services import letter_mark_sent

    letter_mark_sent(letter_id=payload["letter_id"])


# --- Pledge follow-ups -----------------------------------------------------------------------


def _the_user(payload, actor_id):
    return [payload["user_id"]] if payload.get("user_id") else []


def _describe_followup(payload: dict, objects: dict) -> Description:
    campaign = objects.get("campaign_id")
    action = objects.get("action_id")
    name = campaign.title if campaign else _("a campaign")
    question = action.followup_question if action is not None else ""
    return Description(
        title=question or _("Did you do what you pledged for %(campaign)s?") % {"campaign": name},
        url=(_campaign_url(campaign) + "#pledges") if campaign else _campaign_url(None),
        group_key=f"campaign:{campaign.pk if campaign else ''}",
        group_title=name,
    )


def _nobody(payload, actor_id):
    return []


def _describe_outbound_only(payload: dict, objects: dict) -> Description:
    return Description(title="", url=reverse("advocacy:index"), group_key="", group_title="")


def register_all() -> None:
    register(
        EventKind(
            name=str(Name.CAMPAIGN_MOBILISED),
            category=Category.CAMPAIGNS,
            recipients=_audience,
            describe=_describe_mobilisation,
            refs=REFS,
            urgent=True,
        )
    )
    register(
        EventKind(
            name=str(Name.CAMPAIGN_UPDATE_PUBLISHED),
            category=Category.CAMPAIGNS,
            recipients=_supporters,
            describe=_describe_update,
            refs=REFS,
            outbound=_signers_without_account,
            compose=_compose_update,
        )
    )
    register(
        EventKind(
            name=str(Name.SIGNATURE_CONFIRMATION_REQUESTED),
            category=Category.CAMPAIGNS,
            recipients=_nobody,
            describe=_describe_outbound_only,
            outbound=_signature_key,
            compose=_compose_confirmation,
        )
    )
    register(
        EventKind(
            name=str(Name.LETTER_WRITTEN),
            category=Category.CAMPAIGNS,
            recipients=_nobody,
            describe=_describe_outbound_only,
            outbound=_letter_key,
            compose=_compose_letter,
            after_send=_letter_sent,
        )
    )
    register(
        EventKind(
            name=str(Name.PLEDGE_FOLLOWUP_DUE),
            category=Category.CAMPAIGNS,
            recipients=_the_user,
            describe=_describe_followup,
            refs={"campaign_id": Campaign, "action_id": CampaignAction},
        )
    )
