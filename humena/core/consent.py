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

TERMS_V1 = {
    "text_en": (
        "I accept HuMENA's terms: I take part in good faith and respect others' safety; I do not "
        "publish anyone's personal data; HuMENA keeps my email address, my display name and what "
        "I choose to share, shows others only my display name, and erases my data when I delete "
        "my account."
    ),
    "text_ar": (
        "أقبل شروط HuMENA: أشارك بحسن نية وأحترم سلامة الآخرين؛ ولا أنشر البيانات الشخصية لأي "
        "شخص؛ وتحتفظ HuMENA بعنوان بريدي الإلكتروني واسمي المعروض وما أختار مشاركته، ولا تُظهر "
        "للآخرين إلا اسمي المعروض، وتمحو بياناتي عندما أحذف حسابي."
    ),
    "text_fr": (
        "J'accepte les conditions de HuMENA : je participe de bonne foi et respecte la sécurité "
        "des autres ; je ne publie les données personnelles de personne ; HuMENA conserve mon "
        "adresse e-mail, mon nom affiché et ce que je choisis de partager, ne montre aux autres "
        "que mon nom affiché, et efface mes données quand je supprime mon compte."
    ),
}
MATCHING_V1 = {
    "text_en": (
        "I agree that HuMENA suggests my profile (skills, languages, countries, availability; "
        "never my name or contact details) to organisers of initiatives that need those skills. "
        "They may ask for an introduction; my contact details are shared only if I accept it. I "
        "can withdraw this consent at any time in my profile."
    ),
    "text_ar": (
        "أوافق على أن تقترح HuMENA ملفي (مهاراتي ولغاتي وبلداني ووقتي المتاح، دون اسمي أو بيانات "
        "الاتصال بي أبدًا) على منظّمي المبادرات التي تحتاج إلى هذه المهارات. يمكنهم طلب تعارف، "
        "ولا تُشارَك بيانات الاتصال بي إلا إذا قبلته. يمكنني سحب هذه الموافقة في أي وقت من ملفي."
    ),
    "text_fr": (
        "J'accepte que HuMENA propose mon profil (compétences, langues, pays, disponibilité ; "
        "jamais mon nom ni mes coordonnées) aux organisateurs d'initiatives qui ont besoin de ces "
        "compétences. Ils peuvent demander une mise en relation ; mes coordonnées ne sont "
        "partagées que si je l'accepte. Je peux retirer ce consentement à tout moment dans mon "
        "profil."
    ),
}

FIRST_VERSIONS = {
    ConsentText.Purpose.PETITION: PETITION_V1,
    ConsentText.Purpose.TERMS: TERMS_V1,
    ConsentText.Purpose.MATCHING: MATCHING_V1,
}


def consent_current(purpose: str) -> ConsentText:
    """The latest version of the text for `purpose` (the first one is written if missing, e.g.
    in a database that was flushed after migrating)."""
    latest = ConsentText.objects.filter(purpose=purpose).order_by("-version").first()
    if latest is None:
        latest, _created = ConsentText.objects.get_or_create(
            purpose=purpose, version=1, defaults=FIRST_VERSIONS[purpose]
        )
    return latest
