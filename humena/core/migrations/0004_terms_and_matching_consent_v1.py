from django.db import migrations

from humena.core.consent import MATCHING_V1, TERMS_V1


def write_consent_texts(apps, schema_editor):
    ConsentText = apps.get_model("core", "ConsentText")
    ConsentText.objects.get_or_create(purpose="terms", version=1, defaults=TERMS_V1)
    ConsentText.objects.get_or_create(purpose="matching", version=1, defaults=MATCHING_V1)


class Migration(migrations.Migration):
    dependencies = [("core", "0003_petition_consent_v1")]

    operations = [migrations.RunPython(write_consent_texts, migrations.RunPython.noop)]
