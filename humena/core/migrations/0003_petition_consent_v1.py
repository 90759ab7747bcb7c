from django.db import migrations


from humena.core.consent import PETITION_V1


def write_petition_consent(apps, schema_editor):
    ConsentText = apps.get_model("core", "ConsentText")
    ConsentText.objects.get_or_create(purpose="petition", version=1, defaults=PETITION_V1)


class Migration(migrations.Migration):
    dependencies = [("core", "0002_consent_texts")]

    operations = [migrations.RunPython(write_petition_consent, migrations.RunPython.noop)]
