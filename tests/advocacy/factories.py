import datetime

import factory
from django.utils import timezone

from advocacy.models import (
    Campaign,
    CampaignAction,
    CampaignTarget,
    CampaignUpdate,
    Interaction,
    Position,
    Signature,
    Stakeholder,
)
from humena.core.consent import consent_current
from humena.core.models import ConsentText
from tests.conftest import set_many
from tests.factories import UserFactory


class StakeholderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Stakeholder
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Ministry {n}")
    kind = Stakeholder.Kind.MINISTRY
    country = "TN"
    influence = 4
    public_email = factory.Sequence(lambda n: f"office{n}@ministry.example")
    private_notes = "Staff only: the adviser is sympathetic."
    private_contacts = "Adviser's mobile: +216 00 000 000"

    @factory.post_generation
    def related(obj, create, extracted, **kwargs):  # noqa: N805
        if create and extracted:
            set_many(obj, "related", extracted)


class CampaignFactory(factory.django.DjangoModelFactory):
    """A live campaign with a petition (`status=` for others)."""

    class Meta:
        model = Campaign
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Campaign {n}")
    slug = factory.Sequence(lambda n: f"campaign-{n}")
    summary = "Press the government to protect civic space."
    description = "We ask **three** things."
    description_html = "<p>We ask <strong>three</strong> things.</p>"
    asks = "Withdraw the draft law\nConsult civil society"
    petition_text = "We, the undersigned, ask the government to withdraw the draft law."
    goal = 100
    countries = ["TN"]
    language = "en"
    status = Campaign.Status.LIVE
    launched_at = factory.LazyFunction(timezone.now)
    mobilisation_message = "Sign the petition before the vote on Friday."

    @factory.post_generation
    def themes(obj, create, extracted, **kwargs):  # noqa: N805
        if create and extracted:
            set_many(obj, "themes", extracted)


class CampaignTargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CampaignTarget

    campaign = factory.SubFactory(CampaignFactory)
    stakeholder = factory.SubFactory(StakeholderFactory)
    ask = "Withdraw the draft law before the vote."
    position = Position.UNKNOWN


class InteractionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Interaction

    target = factory.SubFactory(CampaignTargetFactory)
    happened_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=3))
    kind = Interaction.Kind.MEETING
    summary = "Met the minister's adviser."
    evidence_url = "https://example.org/minutes"
    public = True


class LetterActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CampaignAction

    campaign = factory.SubFactory(CampaignFactory)
    kind = CampaignAction.Kind.LETTER
    title = "Write to the minister"
    target = factory.LazyAttribute(lambda o: CampaignTargetFactory(campaign=o.campaign))
    letter_subject = "Withdraw the draft law"
    letter_body = "Dear Minister,\n\nPlease withdraw the draft law on associations."


class PledgeActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CampaignAction

    campaign = factory.SubFactory(CampaignFactory)
    kind = CampaignAction.Kind.PLEDGE
    title = "Visit your MP"
    followup_days = 14
    followup_question = "Did you meet your MP?"


class SignatureFactory(factory.django.DjangoModelFactory):
    """A confirmed signature (`confirmed_at=None` for one waiting for its link). Remember that
    Campaign.signature_count is kept by the services, not by this factory."""

    class Meta:
        model = Signature

    campaign = factory.SubFactory(CampaignFactory)
    email = factory.Sequence(lambda n: f"signer{n}@example.org")
    name = factory.Sequence(lambda n: f"Signer {n}")
    show_name = True
    country = "TN"
    consent = factory.LazyFunction(lambda: consent_current(ConsentText.Purpose.PETITION))
    language = "en"
    confirmed_at = factory.LazyFunction(timezone.now)


class CampaignUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CampaignUpdate

    campaign = factory.SubFactory(CampaignFactory)
    title = factory.Sequence(lambda n: f"News {n}")
    body = "The vote was **postponed**."
    body_html = "<p>The vote was <strong>postponed</strong>.</p>"


__all__ = ["UserFactory"]
