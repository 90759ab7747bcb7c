import factory
from django.utils import timezone

from diaspora.models import (
    DiasporaProfile,
    FieldVisibility,
    JointProject,
    Network,
    NetworkMembership,
    ProfileLanguage,
    ProfileSkill,
    WorkMode,
)
from tests.conftest import set_many
from tests.engagement.factories import InitiativeFactory, SkillFactory
from tests.factories import UserFactory


class ProfileFactory(factory.django.DjangoModelFactory):
    """A consenting profile living in Germany, of Syrian origin, working remotely."""

    class Meta:
        model = DiasporaProfile

    user = factory.SubFactory(UserFactory)
    origin_country = "SY"
    residence_country = "DE"
    residence_city = "Berlin"
    hours_per_month = 10
    work_mode = WorkMode.REMOTE
    consent_to_matching = True
    consent_given_at = factory.LazyFunction(timezone.now)
    visibility = factory.LazyFunction(
        lambda: dict.fromkeys(DiasporaProfile.VISIBLE_FIELDS, FieldVisibility.PUBLIC)
    )


def give_skill(profile, skill=None, *, level=3, years=5):
    return ProfileSkill.objects.create(
        profile=profile, skill=skill or SkillFactory(), level=level, years=years
    )


def give_language(profile, language="ar", level=ProfileLanguage.Level.NATIVE):
    return ProfileLanguage.objects.create(profile=profile, language=language, level=level)


class NetworkFactory(factory.django.DjangoModelFactory):
    """A public network that approves members, with one coordinator (`coordinator=`)."""

    class Meta:
        model = Network
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Network {n}")
    slug = factory.Sequence(lambda n: f"network-{n}")
    mission = "We work together."
    mission_html = "<p>We work together.</p>"
    focus_countries = ["SY", "LB"]
    visibility = Network.Visibility.PUBLIC
    join_policy = Network.JoinPolicy.APPROVAL
    member_count = 1

    @factory.post_generation
    def coordinator(obj, create, extracted, **kwargs):  # noqa: N805
        if not create:
            return
        user = extracted or UserFactory()
        NetworkMembership.objects.create(
            user=user,
            network=obj,
            role=NetworkMembership.Role.COORDINATOR,
            status=NetworkMembership.Status.APPROVED,
            joined_at=timezone.now(),
        )
        obj.coordinator_user = user

    @factory.post_generation
    def themes(obj, create, extracted, **kwargs):  # noqa: N805
        if create and extracted:
            set_many(obj, "themes", extracted)


def add_network_member(network, user=None, *, status=NetworkMembership.Status.APPROVED):
    user = user or UserFactory()
    NetworkMembership.objects.create(
        user=user,
        network=network,
        status=status,
        joined_at=timezone.now() if status == NetworkMembership.Status.APPROVED else None,
    )
    if status == NetworkMembership.Status.APPROVED:
        Network.objects.filter(pk=network.pk).update(member_count=network.member_count + 1)
        network.member_count += 1
    return user


class JointProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JointProject

    title = factory.Sequence(lambda n: f"Joint project {n}")
    slug = factory.Sequence(lambda n: f"joint-project-{n}")
    summary = "Working together."
    network = factory.SubFactory(NetworkFactory)
    initiative = factory.SubFactory(InitiativeFactory)
    status = JointProject.Status.PROPOSED
