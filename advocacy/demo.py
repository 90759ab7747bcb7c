"""Demo advocacy (FOR MENA): ~20 stakeholders and five campaigns (two in Arabic, one in French,
two in English: three live, one closed, one draft) with targets, what each target promised and
did, letter and pledge actions, updates and a few hundred petition signatures each.

Content comes from demo_data.py; signers come from a fixed seed (the same every run).
Idempotent: stakeholders are keyed by name, campaigns by slug (an existing campaign is left as it
is). Models are written directly, so no notification event or email is emitted; the only service
used is target_position_refresh, which only saves the targets' position.
"""

import datetime
import random

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from advocacy.demo_data import CAMPAIGNS, DIASPORA_COUNTRIES, SIGNER_NAMES, STAKEHOLDERS
from advocacy.models import (
    Campaign,
    CampaignAction,
    CampaignTarget,
    CampaignUpdate,
    Interaction,
    Signature,
    Stakeholder,
)
from advocacy.services import target_position_refresh
from humena.accounts.models import User
from humena.core.consent import consent_current
from humena.core.markdown import markdown_to_html
from humena.core.models import ConsentText
from humena.taxonomy.models import Theme

STAFF_EMAIL = "staff@humena.example"
UNCONFIRMED_PER_CAMPAIGN = 6
SIGNATURE_DAYS = 30
EVIDENCE_BASE = "https://example.org/"


def _stakeholders() -> dict[str, Stakeholder]:
    stakeholders = {}
    for key, entry in STAKEHOLDERS.items():
        stakeholder, _created = Stakeholder.objects.get_or_create(
            name=entry["name"],
            defaults={
                "kind": entry["kind"],
                "country": entry["country"],
                "influence": entry["influence"],
                "public_email": entry.get("public_email", ""),
                "private_notes": entry.get("private_notes", ""),
                "private_contacts": entry.get("private_contacts", ""),
            },
        )
        stakeholders[key] = stakeholder
    for key, entry in STAKEHOLDERS.items():
        related = [stakeholders[other] for other in entry.get("related", [])]
        if related:
            stakeholders[key].related.add(*related)  # adding again is a no-op
    return stakeholders


def _targets(campaign, entry, stakeholders, staff, today) -> dict[str, CampaignTarget]:
    targets = {}
    for order, target_entry in enumerate(entry["targets"]):
        target = CampaignTarget.objects.create(
            campaign=campaign,
            stakeholder=stakeholders[target_entry["stakeholder"]],
            ask=target_entry["ask"],
            order=order,
        )
        Interaction.objects.bulk_create(
            Interaction(
                target=target,
                happened_on=today - datetime.timedelta(days=days_ago),
                kind=kind,
                position=position,
                summary=summary,
                evidence_url=f"{EVIDENCE_BASE}{evidence}" if evidence else "",
                recorded_by=staff,
            )
            for days_ago, kind, position, summary, evidence in target_entry["interactions"]
        )
        target_position_refresh(target=target)
        targets[target_entry["stakeholder"]] = target
    return targets


def _actions(campaign, entry, targets) -> None:
    for order, action in enumerate(entry["actions"]):
        CampaignAction.objects.create(
            campaign=campaign,
            kind=action["kind"],
            title=action["title"],
            description=action.get("description", ""),
            target=targets[action["target"]] if action.get("target") else None,
            letter_subject=action.get("letter_subject", ""),
            letter_body=action.get("letter_body", ""),
            followup_days=action.get("followup_days", 14),
            followup_question=action.get("followup_question", ""),
            order=order,
        )


def _updates(campaign, entry, staff, now) -> None:
    for update in entry["updates"]:
        item = CampaignUpdate.objects.create(
            campaign=campaign,
            title=update["title"],
            body=update["body"],
            body_html=markdown_to_html(update["body"]),
            send_to_supporters=False,
            author=staff,
        )
        CampaignUpdate.objects.filter(pk=item.pk).update(
            created_at=now - datetime.timedelta(days=update["days_ago"])
        )


def _signatures(campaign, entry, consent: ConsentText, rng: random.Random, until) -> int:
    """Confirmed signatures over the SIGNATURE_DAYS before `until` (more of them lately), and a
    few unconfirmed ones. Returns the confirmed count."""
    count = entry["signatures"]
    if not count:
        return 0
    own_countries = list(campaign.countries)
    languages = ["ar", "fr", "en"]
    rows = []
    for n in range(count + UNCONFIRMED_PER_CAMPAIGN):
        confirmed = n < count
        language = entry["language"] if rng.random() < 0.6 else rng.choice(languages)
        show_name = rng.random() < 0.3
        seconds = int(SIGNATURE_DAYS * 86400 * rng.random() ** 1.4)
        rows.append(
            Signature(
                campaign=campaign,
                email=f"signer-{campaign.slug}-{n}@example.org",
                name=rng.choice(SIGNER_NAMES[language]) if show_name else "",
                show_name=show_name,
                country=rng.choice(own_countries)
                if rng.random() < 0.7
                else rng.choice(DIASPORA_COUNTRIES),
                keep_informed=rng.random() < 0.4,
                consent=consent,
                language=language,
                confirmed_at=until - datetime.timedelta(seconds=seconds) if confirmed else None,
            )
        )
    Signature.objects.bulk_create(rows, batch_size=500)
    # created_at is set on insert: move it back to just before each confirmation.
    Signature.objects.filter(campaign=campaign, confirmed_at__isnull=False).update(
        created_at=F("confirmed_at") - datetime.timedelta(minutes=6)
    )
    Signature.objects.filter(campaign=campaign, confirmed_at__isnull=True).update(
        created_at=until - datetime.timedelta(hours=3)
    )
    return count


def _campaign(entry, *, stakeholders, themes, staff, consent, rng, now) -> Campaign:
    today = timezone.localdate()
    launched = closed = None
    if entry.get("launched_days_ago") is not None:
        launched = now - datetime.timedelta(days=entry["launched_days_ago"])
    if entry.get("closed_days_ago") is not None:
        closed = now - datetime.timedelta(days=entry["closed_days_ago"])
    ends = closed
    if entry.get("ends_in_days"):
        ends = now + datetime.timedelta(days=entry["ends_in_days"])
    audience = entry["audience"]
    campaign = Campaign.objects.create(
        slug=entry["slug"],
        title=entry["title"],
        summary=entry["summary"],
        description=entry["description"],
        description_html=markdown_to_html(entry["description"]),
        asks=entry["asks"],
        countries=entry["countries"],
        language=entry["language"],
        petition_text=entry["petition_text"],
        goal=entry["goal"],
        status=entry["status"],
        outcome=entry.get("outcome", ""),
        outcome_note=entry.get("outcome_note", ""),
        starts_at=launched,
        ends_at=ends,
        mobilisation_message=entry["mobilisation_message"],
        audience_origin_countries=audience.get("origin_countries", []),
        audience_residence_countries=audience.get("residence_countries", []),
        audience_languages=audience.get("languages", []),
        launched_at=launched,
        closed_at=closed,
    )
    campaign.themes.set([themes[slug] for slug in entry["themes"] if slug in themes])
    if staff is not None:
        campaign.coordinators.add(staff)
    if audience.get("networks"):
        from diaspora.models import Network

        campaign.audience_networks.set(Network.objects.filter(slug__in=audience["networks"]))
    targets = _targets(campaign, entry, stakeholders, staff, today)
    _actions(campaign, entry, targets)
    _updates(campaign, entry, staff, now)
    confirmed = _signatures(campaign, entry, consent, rng, until=closed or now)
    created_at = (launched or now - datetime.timedelta(days=30)) - datetime.timedelta(days=6)
    Campaign.objects.filter(pk=campaign.pk).update(signature_count=confirmed, created_at=created_at)
    return campaign


@transaction.atomic
def load(stdout) -> None:
    rng = random.Random(2026)  # noqa: S311 - demo data, the same every time
    now = timezone.now()
    stakeholders = _stakeholders()
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    staff = User.objects.filter(email=STAFF_EMAIL, is_staff=True).first()
    consent = consent_current(ConsentText.Purpose.PETITION)
    existing = set(Campaign.objects.values_list("slug", flat=True))
    created = 0
    for entry in CAMPAIGNS:
        if entry["slug"] in existing:
            continue
        _campaign(
            entry,
            stakeholders=stakeholders,
            themes=themes,
            staff=staff,
            consent=consent,
            rng=rng,
            now=now,
        )
        created += 1
    stdout.write(
        f"Campaigns: {created} created ({len(CAMPAIGNS)} in the demo), "
        f"{len(stakeholders)} stakeholders."
    )
