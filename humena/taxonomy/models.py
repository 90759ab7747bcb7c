"""Vocabularies every level shares: themes (causes) and skills, named in each UI language."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from humena.core.models import TimeStampedModel


class TranslatedNameModel(TimeStampedModel):
    slug = models.SlugField(_("identifier"), max_length=80, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=120)
    name_ar = models.CharField(_("name (Arabic)"), max_length=120)
    name_fr = models.CharField(_("name (French)"), max_length=120)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_active = models.BooleanField(
        _("active"), default=True, help_text=_("Inactive entries are kept but not offered.")
    )

    class Meta:
        abstract = True
        ordering = ["position", "slug"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        """The name in the active language, falling back to English."""
        language = (get_language() or "en").split("-")[0]
        return getattr(self, f"name_{language}", "") or self.name_en


class Theme(TranslatedNameModel):
    class Meta(TranslatedNameModel.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")


class SkillCategory(TranslatedNameModel):
    class Meta(TranslatedNameModel.Meta):
        verbose_name = _("skill category")
        verbose_name_plural = _("skill categories")


class Skill(TranslatedNameModel):
    category = models.ForeignKey(
        SkillCategory,
        on_delete=models.PROTECT,
        related_name="skills",
        verbose_name=_("category"),
    )

    class Meta(TranslatedNameModel.Meta):
        verbose_name = _("skill")
        verbose_name_plural = _("skills")
        ordering = ["category__position", "position", "slug"]
