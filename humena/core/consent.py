"""Consent texts: what people agree to, versioned. The first versions are written here and loaded
by a data migration; they are frozen (a change is a new version, added from the admin)."""

from humena.core.models import ConsentText

# The exact words, in each language, that petition signers agree to (version 1). A later change
# is a new version in a new migration or from the admin, never an edit of this one.
PETITION_V1 = {
    "text_en": (
        "I sign this petition. HuMENA keeps my email address to confirm my signature and, only if "
        "I ask for it, to send me news of this campaign. My name is published only if I choose so; "
        "the list handed to the targets holds only the names of signers who chose to be named, "
        "with their countries. I can ask for my signature to be removed at any time."
    ),
    "text_ar": (
        "أوقّع على هذه العريضة. تحتفظ HuMENA بعنوان بريدي الإلكتروني لتأكيد توقيعي، ولإرسال "
        "أخبار هذه الحملة إليّ فقط إذا طلبت ذلك. لا يُنشر اسمي إلا إذا اخترت ذلك؛ والقائمة التي "
        "تُسلَّم إلى الجهات المستهدفة لا تضم إلا أسماء الموقّعين الذين اختاروا إظهار أسمائهم، مع "
        "بلدانهم. يمكنني أن أطلب حذف توقيعي في أي وقت."
    ),
    "text_fr": (
        "Je signe cette pétition. HuMENA conserve mon adresse e-mail pour confirmer ma signature "
        "et, seulement si je le demande, pour m'envoyer des nouvelles de cette campagne. Mon nom "
        "n'est publié que si je le choisis ; la liste remise aux cibles ne contient que les noms "
        "des signataires qui ont choisi d'être nommés, avec leur pays. Je peux demander à tout "
        "moment que ma signature soit retirée."
    ),
}

FIRST_VERSIONS = {ConsentText.Purpose.PETITION: PETITION_V1}


def consent_current(purpose: str) -> ConsentText:
    """The latest version of the text for `purpose` (the first one is written if missing, e.g.
    in a database that was flushed after migrating)."""
    latest = ConsentText.objects.filter(purpose=purpose).order_by("-version").first()
    if latest is None:
        latest, _created = ConsentText.objects.get_or_create(
            purpose=purpose, version=1, defaults=FIRST_VERSIONS[purpose]
        )
    return latest
