from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TaxonomyConfig(AppConfig):
    name = "humena.taxonomy"
    label = "taxonomy"
    verbose_name = _("Shared vocabularies")

    def ready(self) -> None:
        # Cache invalidation only (no business logic): every path that writes the vocabularies
        # clears the cached choices of the filter forms.
        from django.db.models.signals import post_delete, post_save

        from humena.taxonomy.models import Skill, SkillCategory, Theme
        from humena.taxonomy.selectors import vocabularies_forget

        for model in (Theme, Skill, SkillCategory):
            post_save.connect(vocabularies_forget, sender=model, dispatch_uid=f"forget-{model}")
            post_delete.connect(vocabularies_forget, sender=model, dispatch_uid=f"drop-{model}")
