import datetime

import factory
from django.utils import timezone

from engagement.models import Event, Initiative, Membership, Need, Update, Visibility
from humena.taxonomy.models import Skill, SkillCategory, Theme
from tests.conftest import repeated_lookup, set_many
from tests.factories import UserFactory


class VocabularyFactory(factory.django.DjangoModelFactory):
    """Vocabulary entries are looked up by slug before being created (`django_get_or_create`)."""

    class Meta:
        abstract = True

    @classmethod
    def _get_or_create(cls, model_class, *args, **kwargs):
        with repeated_lookup(model_class._meta.label):
            return super()._get_or_create(model_class, *args, **kwargs)


class ThemeFactory(VocabularyFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"theme-{n}")
    name_en = factory.Sequence(lambda n: f"Theme {n}")
    name_ar = factory.Sequence(lambda n: f"موضوع {n}")
    name_fr = factory.Sequence(lambda n: f"Thème {n}")


class SkillCategoryFactory(VocabularyFactory):
    class Meta:
        model = SkillCategory
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"category-{n}")
    name_en = factory.Sequence(lambda n: f"Category {n}")
    name_ar = factory.Sequence(lambda n: f"فئة {n}")
    name_fr = factory.Sequence(lambda n: f"Catégorie {n}")


class SkillFactory(VocabularyFactory):
    class Meta:
        model = Skill
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"skill-{n}")
    name_en = factory.Sequence(lambda n: f"Skill {n}")
    name_ar = factory.Sequence(lambda n: f"مهارة {n}")
    name_fr = factory.Sequence(lambda n: f"Compétence {n}")
    category = factory.SubFactory(SkillCategoryFactory)


class InitiativeFactory(factory.django.DjangoModelFactory):
    """A published, public, open initiative with one organiser (`organiser=` to choose them)."""

    class Meta:
        model = Initiative
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Initiative {n}")
    slug = factory.Sequence(lambda n: f"initiative-{n}")
    summary = "A local civic initiative."
    description = "We meet **monthly**."
    description_html = "<p>We meet <strong>monthly</strong>.</p>"
    country = "TN"
    city = "Tunis"
    language = "en"
    status = Initiative.Status.OPEN
    visibility = Initiative.Visibility.PUBLIC
    join_policy = Initiative.JoinPolicy.OPEN
    member_count = 1

    @factory.post_generation
    def organiser(obj, create, extracted, **kwargs):  # noqa: N805
        if not create:
            return
        user = extracted or UserFactory()
        Membership.objects.create(
            user=user,
            initiative=obj,
            role=Membership.Role.ORGANISER,
            status=Membership.Status.APPROVED,
            joined_at=timezone.now(),
        )
        obj.organiser_user = user

    @factory.post_generation
    def themes(obj, create, extracted, **kwargs):  # noqa: N805
        if create and extracted:
            set_many(obj, "themes", extracted)


def add_member(initiative: Initiative, user=None, *, status=Membership.Status.APPROVED):
    """A member (approved by default); keeps the initiative's member_count right."""
    user = user or UserFactory()
    Membership.objects.create(
        user=user,
        initiative=initiative,
        status=status,
        joined_at=timezone.now() if status == Membership.Status.APPROVED else None,
    )
    if status == Membership.Status.APPROVED:
        Initiative.objects.filter(pk=initiative.pk).update(member_count=initiative.member_count + 1)
        initiative.member_count += 1
    return user


class NeedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Need

    initiative = factory.SubFactory(InitiativeFactory)
    skill = factory.SubFactory(SkillFactory)
    quantity = 1
    description = "Help with a report."
    remote_possible = True
    language = "ar"


class UpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Update

    initiative = factory.SubFactory(InitiativeFactory)
    title = factory.Sequence(lambda n: f"Update {n}")
    body = "News."
    body_html = "<p>News.</p>"
    visibility = Visibility.PUBLIC


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    initiative = factory.SubFactory(InitiativeFactory)
    title = factory.Sequence(lambda n: f"Event {n}")
    description = "A meeting."
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=2))
    time_zone = "Africa/Tunis"
    mode = Event.Mode.IN_PERSON
    city = "Tunis"
    visibility = Visibility.PUBLIC
