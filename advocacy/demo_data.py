"""Content of the demo campaigns (FOR MENA): stakeholders, five campaigns in Arabic, French and
English, their targets, what each target said and did, actions and updates.

Everything here is illustrative. Stakeholders are bodies, never named people; addresses use the
example.org domain; evidence links point to example.org. Days are counted back from today when
the demo is loaded, so the timeline always looks current.
"""

# --- Stakeholders ----------------------------------------------------------------------------
# key: a handle used below. `related` lists other keys (the link is symmetrical).

STAKEHOLDERS = {
    "tn-interior": {
        "name": "Ministry of the Interior (Tunisia)",
        "kind": "ministry",
        "country": "TN",
        "influence": 5,
        "private_notes": (
            "Staff only: meeting requests go to the minister's cabinet in writing; allow three "
            "weeks. The legal affairs unit is more open than the cabinet and reads our briefs."
        ),
        "private_contacts": (
            "Legal affairs unit via the switchboard, +216 00 000 000 (ask for the associations "
            "file). Do not use personal numbers collected at events."
        ),
        "related": ["tn-parliament"],
    },
    "tn-parliament": {
        "name": "Assembly of the Representatives of the People, Rights and Freedoms Committee "
        "(Tunisia)",
        "kind": "parliament",
        "country": "TN",
        "influence": 4,
        "public_email": "rights-freedoms-committee@example.org",
        "private_notes": (
            "Staff only: the committee chair answers written questions within a month; two "
            "members attended our 2023 training on association law and are allies."
        ),
        "related": ["tn-interior", "tn-csos"],
    },
    "tn-csos": {
        "name": "Coalition of Tunisian associations for freedom of association",
        "kind": "local_cso",
        "country": "TN",
        "influence": 3,
        "related": ["tn-parliament", "eu-tn"],
    },
    "eu-tn": {
        "name": "Delegation of the European Union to Tunisia",
        "kind": "eu_institution",
        "country": "TN",
        "influence": 4,
        "public_email": "delegation-tunisia@example.org",
        "private_notes": (
            "Staff only: the human rights focal point changes in September; brief the successor. "
            "Prefers short written briefs (two pages at most) sent a week before a meeting."
        ),
        "private_contacts": "Political section, human rights focal point: hr-focal@example.org",
        "related": ["eu-droi", "tn-csos"],
    },
    "eu-droi": {
        "name": "European Parliament, Subcommittee on Human Rights",
        "kind": "eu_institution",
        "country": "",
        "influence": 3,
        "related": ["eu-tn"],
    },
    "un-sr-foaa": {
        "name": "UN Special Rapporteur on the rights to freedom of peaceful assembly and of "
        "association",
        "kind": "international_org",
        "country": "",
        "influence": 3,
        "public_email": "sr-assembly-association@example.org",
        "related": ["un-wgad"],
    },
    "un-wgad": {
        "name": "UN Working Group on Arbitrary Detention",
        "kind": "international_org",
        "country": "",
        "influence": 3,
        "private_notes": (
            "Staff only: individual cases need the detainee's or family's written consent before "
            "submission; the legal team keeps the signed forms, never this record."
        ),
        "related": ["un-sr-foaa"],
    },
    "eg-embassy": {
        "name": "Embassy of Belgium in Egypt",
        "kind": "embassy",
        "country": "EG",
        "influence": 2,
        "private_notes": (
            "Staff only: trial observation requests must reach the human rights officer ten days "
            "before a hearing. Coordinate with other EU missions so that several attend."
        ),
        "private_contacts": "Human rights officer via the embassy switchboard, +20 0 000 0000.",
        "related": ["eu-droi"],
    },
    "iq-basra-water": {
        "name": "Basra Water Directorate (Iraq)",
        "kind": "local_authority",
        "country": "IQ",
        "influence": 4,
        "private_notes": (
            "Staff only: the director-general agreed to publish monthly quality data; follow up "
            "with the laboratory manager, not the media office."
        ),
        "related": ["iq-basra-council", "iq-water-ministry"],
    },
    "iq-basra-council": {
        "name": "Basra Provincial Council (Iraq)",
        "kind": "local_authority",
        "country": "IQ",
        "influence": 4,
        "public_email": "basra-council-citizens@example.org",
        "related": ["iq-basra-water"],
    },
    "iq-water-ministry": {
        "name": "Ministry of Water Resources (Iraq)",
        "kind": "ministry",
        "country": "IQ",
        "influence": 5,
        "related": ["iq-basra-water", "water-donor"],
    },
    "water-donor": {
        "name": "European development agency, water and sanitation programme in southern Iraq",
        "kind": "donor",
        "country": "",
        "influence": 4,
        "related": ["iq-water-ministry"],
    },
    "ar-media": {
        "name": "Independent Arabic-language news platform (regional)",
        "kind": "media",
        "country": "",
        "influence": 2,
        "related": ["iq-basra-council"],
    },
    "ma-interior": {
        "name": "Ministry of the Interior (Morocco)",
        "kind": "ministry",
        "country": "MA",
        "influence": 5,
        "related": ["ma-parliament", "ma-dpo"],
    },
    "ma-parliament": {
        "name": "House of Representatives, Interior Committee (Morocco)",
        "kind": "parliament",
        "country": "MA",
        "influence": 3,
        "related": ["ma-interior"],
    },
    "ma-dpo": {
        "name": "Moroccan coalition of organisations of persons with disabilities",
        "kind": "community_group",
        "country": "MA",
        "influence": 2,
        "related": ["ma-interior"],
    },
    "lb-parliament": {
        "name": "Parliament of Lebanon, Administration and Justice Committee",
        "kind": "parliament",
        "country": "LB",
        "influence": 5,
        "public_email": "administration-justice-committee@example.org",
        "private_notes": (
            "Staff only: the rapporteur is open to a postal vote but cautious about moving the "
            "registration deadline; two members co-signed our earlier letter."
        ),
        "related": ["lb-interior", "lb-foreign"],
    },
    "lb-interior": {
        "name": "Ministry of Interior and Municipalities (Lebanon)",
        "kind": "ministry",
        "country": "LB",
        "influence": 5,
        "related": ["lb-parliament", "lb-foreign"],
    },
    "lb-foreign": {
        "name": "Ministry of Foreign Affairs and Emigrants (Lebanon)",
        "kind": "ministry",
        "country": "LB",
        "influence": 4,
        "related": ["lb-parliament", "lb-interior", "lb-diaspora"],
    },
    "lb-diaspora": {
        "name": "Platform of Lebanese diaspora associations in Europe",
        "kind": "diaspora_org",
        "country": "",
        "influence": 2,
        "related": ["lb-foreign"],
    },
}


# --- Campaigns -------------------------------------------------------------------------------
# `launched_days_ago` (live and closed), `closed_days_ago` (closed) and `ends_in_days` (optional)
# are counted from today. Interactions: (days_ago, kind, position or "", summary, evidence path).

CAMPAIGNS = [
    {
        "slug": "free-association-law",
        "language": "ar",
        "status": "live",
        "launched_days_ago": 95,
        "title": "لا لخنق الجمعيات: حافظوا على حرية التنظيم في تونس",
        "summary": (
            "مشاريع تعديل المرسوم عدد 88 تهدّد بإخضاع تأسيس الجمعيات لترخيص مسبق وبحلّها دون حكم "
            "قضائي. نطالب بسحبها وبحوار حقيقي مع المجتمع المدني قبل أي مراجعة للقانون."
        ),
        "description": (
            "منذ سنة 2011، يضمن **المرسوم عدد 88** للتونسيين والتونسيات حقّ تأسيس الجمعيات "
            "بمجرّد التصريح، لا بطلب الترخيص. بفضل هذا النظام نشأت آلاف الجمعيات التي تعمل "
            "في الإغاثة والتعليم ومرافقة ضحايا العنف والرقابة على الشأن العام.\n\n"
            "تُتداول اليوم مشاريع تعديل تُلزم الجمعيات بالحصول على موافقة مسبقة، وتمنح "
            "الإدارة صلاحية تعليق نشاطها أو حلّها دون المرور بالقضاء، وتفرض قيوداً واسعة "
            "على التمويل الأجنبي. وأوّل من سيدفع الثمن هي الجمعيات الصغيرة في الجهات "
            "الداخلية التي لا تملك محامين ولا موارد.\n\n"
            "نحن لا نرفض كلّ مراجعة للقانون، بل نرفض أن تُكتب في غياب المعنيين بها. ندعو "
            "النواب والحكومة إلى سحب المشاريع الحالية وفتح تشاور علني وشفاف مع الجمعيات."
        ),
        "asks": (
            "سحب مشاريع تعديل المرسوم عدد 88 المعروضة حالياً\n"
            "الإبقاء على نظام التصريح بدل الترخيص المسبق\n"
            "عدم حلّ أي جمعية أو تعليق نشاطها إلا بحكم قضائي\n"
            "تشاور علني مع الجمعيات قبل أي مراجعة للقانون"
        ),
        "petition_text": (
            "نحن الموقّعين أدناه نطالب السلطات التونسية بسحب مشاريع تعديل المرسوم عدد 88 لسنة 2011 "
            "المتعلّق بتنظيم الجمعيات، والإبقاء على نظام التصريح، وحصر حلّ الجمعيات في القضاء، "
            "وفتح تشاور حقيقي مع المجتمع المدني قبل أي تعديل."
        ),
        "goal": 1000,
        "themes": ["civic-space", "human-rights"],
        "countries": ["TN"],
        "mobilisation_message": (
            "تناقش لجنة الحقوق والحريات مشروع تعديل قانون الجمعيات في الأسابيع القادمة. وقّعوا "
            "العريضة واكتبوا إلى النواب قبل الجلسة: كل صوت يُحسب."
        ),
        "audience": {
            "networks": ["maghreb-diaspora-migrant-workers-rights"],
            "origin_countries": ["TN"],
            "languages": ["ar", "fr"],
        },
        "signatures": 420,
        "targets": [
            {
                "stakeholder": "tn-parliament",
                "ask": "رفض أي تعديل يُخضع تأسيس الجمعيات لترخيص مسبق، وتنظيم جلسة استماع علنية "
                "للجمعيات قبل التصويت.",
                "interactions": [
                    (
                        88,
                        "letter",
                        "",
                        "أرسلنا إلى أعضاء اللجنة تحليلاً قانونياً من ست صفحات لمشروع التعديل، مع "
                        "مقارنة بالمعايير الدولية.",
                        "free-association-law/legal-analysis",
                    ),
                    (
                        61,
                        "meeting",
                        "neutral",
                        "لقاء مع ثلاثة أعضاء من اللجنة: أبدوا تفهّماً لمخاوفنا دون اتخاذ موقف من "
                        "مبدأ الترخيص المسبق.",
                        "",
                    ),
                    (
                        36,
                        "commitment",
                        "committed",
                        "تعهّد رئيس اللجنة علناً بتنظيم جلسة استماع للجمعيات قبل عرض المشروع على "
                        "الجلسة العامة.",
                        "free-association-law/committee-statement",
                    ),
                    (
                        12,
                        "action",
                        "acted",
                        "عُقدت جلسة الاستماع بحضور أربع عشرة جمعية، ونُشر محضرها على موقع المجلس.",
                        "free-association-law/hearing-minutes",
                    ),
                ],
            },
            {
                "stakeholder": "tn-interior",
                "ask": "الكفّ عن رفض تسلّم تصاريح تأسيس الجمعيات وعن طلب وثائق لا ينصّ عليها القانون.",
                "interactions": [
                    (
                        80,
                        "letter",
                        "",
                        "رسالة تتضمّن إحدى عشرة حالة موثّقة لجمعيات رُفض تسلّم تصاريحها "
                        "في ثلاث ولايات.",
                        "free-association-law/cases",
                    ),
                    (
                        47,
                        "response",
                        "opposed",
                        "ردّ مكتوب يعتبر أن «الرقابة المسبقة ضرورية لمكافحة تمويل الإرهاب» دون "
                        "التطرّق إلى الحالات الموثّقة.",
                        "",
                    ),
                ],
            },
            {
                "stakeholder": "eu-tn",
                "ask": "إثارة حرية تكوين الجمعيات في الحوار السياسي مع تونس، والتشاور مع الجمعيات "
                "المستفيدة من التمويل الأوروبي.",
                "interactions": [
                    (
                        70,
                        "meeting",
                        "supportive",
                        "اجتماع مع القسم السياسي للبعثة: وعدوا بإدراج الملف في جدول الحوار القادم.",
                        "",
                    ),
                    (
                        19,
                        "statement",
                        "",
                        "بيان محلي لرؤساء البعثات الأوروبية يذكّر بأهمية فضاء مدني حرّ ومتنوّع.",
                        "free-association-law/eu-local-statement",
                    ),
                ],
            },
            {
                "stakeholder": "un-sr-foaa",
                "ask": "توجيه مراسلة رسمية إلى الحكومة التونسية بشأن مشروع التعديل.",
                "interactions": [
                    (
                        44,
                        "letter",
                        "",
                        "أرسلنا إلى المقرّر الخاص التحليل القانوني وستّ حالات موثّقة بموافقة "
                        "الجمعيات المعنية.",
                        "",
                    ),
                    (
                        15,
                        "response",
                        "supportive",
                        "أكّد مكتب المقرّر الخاص استلام الملف وإدراجه في مراسلة مع الحكومة.",
                        "",
                    ),
                ],
            },
        ],
        "actions": [
            {
                "kind": "letter",
                "target": "tn-parliament",
                "title": "اكتبوا إلى لجنة الحقوق والحريات",
                "description": "رسالة قصيرة إلى أعضاء اللجنة قبل التصويت. يمكنكم تعديلها بكلماتكم.",
                "letter_subject": "لا لإخضاع الجمعيات للترخيص المسبق",
                "letter_body": (
                    "حضرات السيدات والسادة أعضاء لجنة الحقوق والحريات،\n\n"
                    "أكتب إليكم لأنني أريد أن تبقى الجمعيات في تونس حرّة في التأسيس والعمل. إن "
                    "مشاريع تعديل المرسوم عدد 88 المعروضة عليكم تُخضع تأسيس الجمعيات لترخيص مسبق "
                    "وتسمح بحلّها دون حكم قضائي.\n\n"
                    "أدعوكم إلى رفض هذه الأحكام، وإلى الإبقاء على نظام التصريح، وإلى الاستماع إلى "
                    "الجمعيات قبل أي تصويت.\n\n"
                    "مع فائق الاحترام،"
                ),
            },
            {
                "kind": "pledge",
                "title": "أتعهّد بالتواصل مع نائب دائرتي",
                "description": "اتصال أو رسالة أو لقاء في مكتب النائب: أخبروه لماذا يهمّكم القانون.",
                "followup_days": 14,
                "followup_question": "هل تواصلتَ مع نائب دائرتك؟",
            },
        ],
        "updates": [
            {
                "days_ago": 26,
                "title": "لقاء مع اللجنة وتوقيعات من تونس والمهجر",
                "body": (
                    "التقينا ثلاثة أعضاء من لجنة الحقوق والحريات وقدّمنا لهم تحليلنا القانوني.\n\n"
                    "وصلت التوقيعات من تونس ومن الجاليات التونسية في فرنسا وبلجيكا وألمانيا وكندا. "
                    "**شكراً لكل من وقّع وشارك.**"
                ),
            },
            {
                "days_ago": 11,
                "title": "جلسة الاستماع عُقدت: ماذا قيل؟",
                "body": (
                    "وفت اللجنة بتعهّدها ونظّمت جلسة استماع حضرتها أربع عشرة جمعية. أبرز ما "
                    "طُرح:\n\n"
                    "- رفض الترخيص المسبق بالإجماع تقريباً؛\n"
                    "- المطالبة بأن يبقى الحلّ بيد القضاء؛\n"
                    "- اقتراح فترة تشاور لا تقلّ عن ثلاثة أشهر.\n\n"
                    "الخطوة القادمة: التصويت داخل اللجنة. واصلوا الكتابة إلى النواب."
                ),
            },
        ],
    },
    {
        "slug": "water-for-basra-informal-settlements",
        "language": "ar",
        "status": "live",
        "launched_days_ago": 80,
        "ends_in_days": 100,
        "title": "الماء حقّ لا امتياز: مياه صالحة للشرب لأحياء البصرة غير الرسمية",
        "summary": (
            "آلاف العائلات في الأحياء غير الرسمية بالبصرة تشتري ماء الشرب من الصهاريج بأسعار لا "
            "تقدر عليها. نطالب بربط هذه الأحياء بالشبكة العامة وبنشر نتائج فحص جودة المياه بانتظام."
        ),
        "description": (
            "في أطراف البصرة، تعيش عشرات الآلاف من العائلات في أحياء بُنيت دون ترخيص على "
            "أراضٍ عامة. ولأنّ هذه الأحياء «غير رسمية»، تُستثنى من خطط توسيع شبكة الماء، "
            "فيلجأ سكانها إلى الصهاريج الخاصة أو إلى توصيلات عشوائية بالأنابيب الرئيسية.\n\n"
            "مع ارتفاع ملوحة شطّ العرب وتهالك الشبكات، تصبح مياه الحنفية في الصيف غير صالحة "
            "للشرب. بعض الأسر تنفق ما يقارب **خُمس دخلها** على الماء، وتتكرّر بين الأطفال "
            "حالات الإسهال والأمراض الجلدية.\n\n"
            "الحقّ في الماء لا يتوقّف على سند ملكية. ندعو السلطات المحلية والوزارة والجهات "
            "المانحة إلى إدراج هذه الأحياء في مشاريع الماء الممولة حالياً، وإلى نشر نتائج "
            "فحص الجودة حيّاً حيّاً."
        ),
        "asks": (
            "ربط الأحياء غير الرسمية بشبكة الماء العامة دون اشتراط سند ملكية\n"
            "نشر نتائج فحص جودة المياه شهرياً لكل حيّ\n"
            "توفير خزانات ماء صالح للشرب مجاناً في الصيف إلى حين ربط الشبكة"
        ),
        "petition_text": (
            "نحن الموقّعين نطالب مجلس محافظة البصرة ومديرية ماء البصرة ووزارة الموارد المائية "
            "بضمان حقّ سكان الأحياء غير الرسمية في ماء صالح للشرب، وربطها بالشبكة العامة، ونشر "
            "نتائج فحص جودة المياه بانتظام."
        ),
        "goal": 500,
        "themes": ["environment-climate", "health", "human-rights"],
        "countries": ["IQ"],
        "mobilisation_message": (
            "الصيف على الأبواب، وأحياء البصرة غير الرسمية ما زالت بلا ماء صالح للشرب. وقّعوا "
            "العريضة واكتبوا إلى مجلس المحافظة قبل إقرار الموازنة."
        ),
        "audience": {
            "networks": ["iraqi-diaspora-medics-network"],
            "languages": ["ar"],
        },
        "signatures": 310,
        "targets": [
            {
                "stakeholder": "iq-basra-water",
                "ask": "إدراج الأحياء غير الرسمية في خطة توسيع الشبكة لهذا العام ونشر نتائج فحص "
                "الجودة لكل حيّ.",
                "interactions": [
                    (
                        74,
                        "meeting",
                        "neutral",
                        "قدّمنا للمديرية نتائج مسح شمل 420 أسرة في ثلاثة أحياء، مع عيّنات فحص "
                        "مستقلّة.",
                        "basra-water/household-survey",
                    ),
                    (
                        41,
                        "commitment",
                        "committed",
                        "تعهّد المدير العام كتابياً بنشر نتائج فحص الجودة لكل حيّ شهرياً ابتداءً من "
                        "الشهر التالي.",
                        "basra-water/commitment-letter",
                    ),
                    (
                        8,
                        "action",
                        "acted",
                        "نُشرت أول نشرة شهرية لنتائج الفحص، وتشمل حيَّين من الأحياء الثلاثة.",
                        "basra-water/first-bulletin",
                    ),
                ],
            },
            {
                "stakeholder": "iq-basra-council",
                "ask": "تخصيص بند في موازنة المحافظة لربط الأحياء غير الرسمية بالشبكة.",
                "interactions": [
                    (
                        52,
                        "letter",
                        "",
                        "رسالة إلى رئاسة المجلس ولجنة الخدمات مرفقة بنتائج المسح.",
                        "",
                    ),
                    (
                        23,
                        "statement",
                        "supportive",
                        "أعلن عضوان في المجلس تأييدهما لمطالب الحملة في مؤتمر صحفي.",
                        "basra-water/press-conference",
                    ),
                ],
            },
            {
                "stakeholder": "iq-water-ministry",
                "ask": "اعتماد قاعدة وطنية تضمن الماء للأحياء غير الرسمية دون اشتراط سند ملكية.",
                "interactions": [
                    (
                        46,
                        "letter",
                        "",
                        "رسالة إلى مكتب الوزير ودائرة التخطيط. لم يصل أي ردّ حتى الآن.",
                        "",
                    ),
                ],
            },
            {
                "stakeholder": "water-donor",
                "ask": "اشتراط شمول الأحياء غير الرسمية في مشاريع الماء التي يموّلها في البصرة.",
                "interactions": [
                    (
                        31,
                        "meeting",
                        "supportive",
                        "اجتماع عبر الإنترنت مع مسؤولة البرنامج: اهتمام واضح بنتائج المسح.",
                        "",
                    ),
                    (
                        5,
                        "response",
                        "",
                        "ردّ مكتوب: سيُدرج معيار الشمول في مراجعة منتصف المدّة للبرنامج.",
                        "basra-water/donor-reply",
                    ),
                ],
            },
        ],
        "actions": [
            {
                "kind": "letter",
                "target": "iq-basra-council",
                "title": "اكتبوا إلى مجلس محافظة البصرة",
                "description": "قبل إقرار الموازنة: اطلبوا بنداً لربط الأحياء غير الرسمية بالشبكة.",
                "letter_subject": "الماء حقّ لسكان الأحياء غير الرسمية في البصرة",
                "letter_body": (
                    "السيدات والسادة أعضاء مجلس محافظة البصرة المحترمون،\n\n"
                    "تعيش آلاف العائلات في الأحياء غير الرسمية دون ماء صالح للشرب، وتشتري الماء من "
                    "الصهاريج بأسعار تثقل كاهلها.\n\n"
                    "أطلب منكم تخصيص بند في موازنة المحافظة لربط هذه الأحياء بالشبكة العامة، "
                    "وتوفير خزانات ماء مجانية في الصيف إلى حين ذلك.\n\n"
                    "مع التقدير،"
                ),
            },
            {
                "kind": "pledge",
                "title": "أتعهّد بمشاركة العريضة مع خمسة أشخاص من البصرة",
                "description": "الأقارب والأصدقاء والزملاء: كل توقيع من البصرة يُسمَع أكثر.",
                "followup_days": 7,
                "followup_question": "هل شاركتَ العريضة مع خمسة أشخاص؟",
            },
        ],
        "updates": [
            {
                "days_ago": 7,
                "title": "أول نشرة لجودة المياه صدرت",
                "body": (
                    "وفت مديرية الماء بتعهّدها ونشرت أول نشرة شهرية لنتائج الفحص. تشمل النشرة "
                    "حيَّين من الأحياء الثلاثة، وما زلنا نطالب بإدراج الحيّ الثالث.\n\n"
                    "[اقرأ النشرة](https://example.org/basra-water/first-bulletin)"
                ),
            },
        ],
    },
    {
        "slug": "accessible-municipal-elections",
        "language": "fr",
        "status": "closed",
        "launched_days_ago": 200,
        "closed_days_ago": 40,
        "outcome": "partly_won",
        "outcome_note": (
            "Une circulaire du ministère de l'Intérieur impose désormais des bureaux de vote en "
            "rez-de-chaussée ou équipés d'une rampe, et les membres des bureaux seront formés à "
            "l'accueil des électeurs handicapés. En revanche, ni gabarit tactile ni information "
            "en langue des signes n'ont été retenus : nous poursuivons ce point avec la coalition "
            "des organisations de personnes handicapées."
        ),
        "title": "Des élections communales accessibles à toutes et à tous",
        "summary": (
            "Escaliers, isoloirs trop étroits, bulletins illisibles : voter reste un parcours "
            "d'obstacles pour les personnes handicapées au Maroc. Nous demandions des bureaux de "
            "vote accessibles et une information électorale adaptée."
        ),
        "description": (
            "Lors des derniers scrutins, les observatrices et observateurs de notre réseau "
            "ont visité plus de deux cents bureaux de vote dans six régions. **Moins d'un "
            "sur cinq** était accessible en fauteuil roulant, et aucun ne proposait de "
            "gabarit tactile permettant aux personnes aveugles de voter seules.\n\n"
            "Le Maroc a ratifié la Convention relative aux droits des personnes "
            "handicapées, qui garantit le droit de voter à bulletin secret, sans aide "
            "imposée. Sur le terrain, des électeurs ont dû être portés dans les escaliers "
            "ou confier leur choix à un assesseur qu'ils ne connaissaient pas.\n\n"
            "Avec des organisations de personnes handicapées, nous avons porté trois "
            "demandes simples, chiffrées et vérifiables, à satisfaire avant les prochaines "
            "élections communales."
        ),
        "asks": (
            "Installer les bureaux de vote en rez-de-chaussée ou les équiper d'une rampe\n"
            "Proposer un gabarit tactile et une information électorale en langue des signes\n"
            "Former les membres des bureaux de vote à l'accueil des électeurs handicapés"
        ),
        "petition_text": (
            "Nous, signataires, demandons au ministère de l'Intérieur de rendre chaque bureau de "
            "vote accessible aux personnes handicapées avant les prochaines élections communales, "
            "de proposer une information électorale adaptée et de former les membres des bureaux "
            "de vote."
        ),
        "goal": 500,
        "themes": ["disability-rights", "civic-space"],
        "countries": ["MA"],
        "mobilisation_message": (
            "Voter ne devrait jamais dépendre d'un escalier. Signez pour des bureaux de vote "
            "accessibles avant les élections communales, et partagez autour de vous."
        ),
        "audience": {},
        "signatures": 540,
        "targets": [
            {
                "stakeholder": "ma-interior",
                "ask": "Publier une circulaire rendant obligatoire l'accessibilité des bureaux de "
                "vote et l'information électorale adaptée.",
                "interactions": [
                    (
                        185,
                        "letter",
                        "",
                        "Envoi du rapport d'observation (212 bureaux visités) avec nos trois "
                        "demandes.",
                        "accessible-elections/observation-report",
                    ),
                    (
                        150,
                        "meeting",
                        "neutral",
                        "Rencontre avec la direction des affaires électorales : écoute attentive, "
                        "aucune promesse.",
                        "",
                    ),
                    (
                        112,
                        "commitment",
                        "committed",
                        "La direction s'engage par écrit à publier une circulaire sur "
                        "l'accessibilité avant la révision des listes électorales.",
                        "accessible-elections/ministry-letter",
                    ),
                    (
                        58,
                        "action",
                        "acted",
                        "Circulaire publiée : bureaux en rez-de-chaussée ou avec rampe, formation "
                        "des membres des bureaux. Rien sur le gabarit tactile ni la langue des "
                        "signes.",
                        "accessible-elections/circular",
                    ),
                ],
            },
            {
                "stakeholder": "ma-parliament",
                "ask": "Interroger le gouvernement sur l'accessibilité du vote et suivre "
                "l'application de la circulaire.",
                "interactions": [
                    (
                        128,
                        "statement",
                        "supportive",
                        "Une députée de la commission adresse une question écrite au ministre sur "
                        "l'accessibilité des bureaux de vote.",
                        "accessible-elections/written-question",
                    ),
                    (
                        70,
                        "meeting",
                        "",
                        "Échange avec le secrétariat de la commission sur le suivi de la "
                        "circulaire.",
                        "",
                    ),
                ],
            },
        ],
        "actions": [],
        "updates": [
            {
                "days_ago": 110,
                "title": "Le ministère s'engage par écrit",
                "body": (
                    "Après notre rencontre, la direction des affaires électorales s'engage par "
                    "écrit à publier une circulaire sur l'accessibilité.\n\n"
                    "Nous suivrons sa publication **et son contenu**."
                ),
            },
            {
                "days_ago": 40,
                "title": "Campagne close : une victoire partielle",
                "body": (
                    "La circulaire est parue. Elle reprend deux de nos trois demandes :\n\n"
                    "- bureaux de vote en rez-de-chaussée ou équipés d'une rampe ;\n"
                    "- formation des membres des bureaux.\n\n"
                    "Le gabarit tactile et la langue des signes manquent encore. Merci aux 540 "
                    "signataires : le combat continue avec nos partenaires."
                ),
            },
        ],
    },
    {
        "slug": "diaspora-voting-rights-lebanon",
        "language": "en",
        "status": "live",
        "launched_days_ago": 68,
        "ends_in_days": 150,
        "title": "Every vote counts, wherever we live: voting from abroad for Lebanese citizens",
        "summary": (
            "Lebanese citizens abroad may vote, but registration closes months before election "
            "day and polling stations are few and far apart. We ask for a longer registration "
            "window, more polling stations and a secure postal vote."
        ),
        "description": (
            "Lebanon's diaspora is larger than its resident population, and citizens living "
            "abroad have been able to vote from their countries of residence since 2018. In "
            "practice, many cannot: registration closes months before the election, through "
            "a portal many never hear about, and polling stations open only in some "
            "embassies and consulates.\n\n"
            "A nurse in Montreal or a student in Lyon may have to travel hundreds of "
            "kilometres and lose a day's pay to cast a ballot. Some voters who registered "
            "found their names missing from the list on the day, with no way to fix it.\n\n"
            "Voting from abroad should be **as simple and as secure as voting at home**. We "
            "ask Parliament and the ministries in charge to change the rules well before "
            "the next elections, and to publish out-of-country results polling station by "
            "polling station."
        ),
        "asks": (
            "Keep registration open until at least 60 days before election day\n"
            "Open a polling station wherever 200 or more voters have registered\n"
            "Offer a secure postal vote to voters who live far from a polling station\n"
            "Publish out-of-country results polling station by polling station"
        ),
        "petition_text": (
            "We, the undersigned, ask the Parliament of Lebanon, the Ministry of Interior and "
            "Municipalities and the Ministry of Foreign Affairs and Emigrants to make voting "
            "from abroad accessible and secure: a longer registration window, more polling "
            "stations, a postal vote, and results published polling station by polling station."
        ),
        "goal": 1000,
        "themes": ["civic-space", "migration-refugees", "governance-anti-corruption"],
        "countries": ["LB"],
        "mobilisation_message": (
            "The committee reviewing the electoral law meets again this month. Sign the "
            "petition, write to the committee, and pledge to register: the diaspora's vote "
            "should not depend on how far you live from a consulate."
        ),
        "audience": {
            "networks": ["lebanese-diaspora-transparent-reconstruction"],
            "residence_countries": ["FR", "DE", "BE", "CA", "GB", "SE"],
            "languages": ["en", "fr", "ar"],
        },
        "signatures": 380,
        "targets": [
            {
                "stakeholder": "lb-parliament",
                "ask": "Amend the electoral law to extend registration and introduce a postal vote "
                "before the next elections.",
                "interactions": [
                    (
                        64,
                        "letter",
                        "",
                        "Sent the committee our proposal, with figures on registration and turnout "
                        "abroad in the last two elections.",
                        "diaspora-vote/proposal",
                    ),
                    (
                        39,
                        "meeting",
                        "supportive",
                        "Met two committee members, who agreed to table the postal-vote proposal.",
                        "",
                    ),
                    (
                        17,
                        "commitment",
                        "committed",
                        "The committee rapporteur committed in a public session to put the "
                        "registration deadline on the agenda of the next meeting.",
                        "diaspora-vote/session-record",
                    ),
                ],
            },
            {
                "stakeholder": "lb-interior",
                "ask": "Publish a plan and budget for additional polling stations abroad.",
                "interactions": [
                    (
                        55,
                        "letter",
                        "",
                        "Asked for the criteria used to open polling stations abroad.",
                        "",
                    ),
                    (
                        29,
                        "response",
                        "neutral",
                        "Written reply: additional stations depend on the budget; no figures or "
                        "criteria given.",
                        "diaspora-vote/ministry-reply",
                    ),
                ],
            },
            {
                "stakeholder": "lb-foreign",
                "ask": "Run a registration drive through every embassy and consulate, in Arabic, "
                "French and English.",
                "interactions": [
                    (
                        50,
                        "meeting",
                        "supportive",
                        "Meeting with the emigrants' affairs department on reaching voters abroad.",
                        "",
                    ),
                    (
                        34,
                        "commitment",
                        "committed",
                        "The ministry committed to an information campaign on registration "
                        "through all its consulates.",
                        "diaspora-vote/ministry-commitment",
                    ),
                    (
                        9,
                        "action",
                        "acted",
                        "Consulates in France, Germany and Canada published registration "
                        "information in three languages; others have yet to follow.",
                        "diaspora-vote/consulate-notices",
                    ),
                ],
            },
        ],
        "actions": [
            {
                "kind": "letter",
                "target": "lb-parliament",
                "title": "Write to the Administration and Justice Committee",
                "description": "A short letter before the committee's next meeting. Edit it to "
                "tell your own story.",
                "letter_subject": "Make voting from abroad possible for every Lebanese citizen",
                "letter_body": (
                    "Dear members of the Administration and Justice Committee,\n\n"
                    "I am a Lebanese citizen living abroad, and I want to vote in the next "
                    "elections. Today, registration closes months before election day and the "
                    "nearest polling station may be hundreds of kilometres away.\n\n"
                    "I ask you to keep registration open until at least 60 days before the "
                    "election, to open polling stations wherever enough voters have registered, "
                    "and to introduce a secure postal vote.\n\n"
                    "Yours sincerely,"
                ),
            },
            {
                "kind": "pledge",
                "title": "I will register to vote, and help two others register",
                "description": "Registration opens months before the election: do it early.",
                "followup_days": 21,
                "followup_question": "Did you register, and help two others do it?",
            },
        ],
        "updates": [
            {
                "days_ago": 38,
                "title": "Two committee members back a postal vote",
                "body": (
                    "We met two members of the Administration and Justice Committee. Both "
                    "agreed to table our postal-vote proposal.\n\n"
                    "Thank you to everyone who signed, **in Lebanon and across the diaspora**."
                ),
            },
            {
                "days_ago": 8,
                "title": "Consulates start informing voters",
                "body": (
                    "The Ministry of Foreign Affairs and Emigrants kept its word: consulates in "
                    "France, Germany and Canada now publish registration information in Arabic, "
                    "French and English. Tell us if yours has not."
                ),
            },
        ],
    },
    {
        "slug": "free-detained-rights-defenders",
        "language": "en",
        "status": "draft",
        "title": "Free the human rights defenders held in endless pretrial detention",
        "summary": (
            "Human rights defenders in Egypt are held for years in pretrial detention, often added "
            "to a new case just as the legal limit is reached. We ask for their release and an "
            "end to this 'rotation' between cases."
        ),
        "description": (
            "Egyptian law caps pretrial detention at two years. Yet lawyers, journalists "
            'and researchers are routinely "rotated": shortly before the limit, they are '
            "added to a new case on near-identical charges, and the clock starts again.\n\n"
            "Families travel for hours only to be turned away at prison gates, and lawyers "
            "are often denied access to case files. Renewal hearings are held in batches, "
            "sometimes by video link, and may last only minutes.\n\n"
            "This campaign is in preparation. Before launch we are checking every case with "
            "the families and lawyers concerned, and **no name will be published without "
            "their consent**."
        ),
        "asks": (
            "Release every human rights defender held beyond the legal limit of pretrial "
            "detention\n"
            "End the practice of adding detainees to new cases on the same charges\n"
            "Give lawyers full access to case files and families regular visits"
        ),
        "petition_text": (
            "We, the undersigned, call for the release of human rights defenders held in "
            "prolonged pretrial detention in Egypt, an end to the rotation of detainees between "
            "cases, and full access for their lawyers and families."
        ),
        "goal": 2000,
        "themes": ["justice-rule-of-law", "human-rights", "civic-space"],
        "countries": ["EG"],
        "mobilisation_message": "",
        "audience": {},
        "signatures": 0,
        "targets": [
            {
                "stakeholder": "un-wgad",
                "ask": "Consider the cases submitted and give opinions on whether the detentions "
                "are arbitrary.",
                "interactions": [
                    (
                        20,
                        "letter",
                        "",
                        "Submitted the first three individual cases, with the written consent of "
                        "the families.",
                        "",
                    ),
                ],
            },
            {
                "stakeholder": "eu-droi",
                "ask": "Raise prolonged pretrial detention in the next exchange of views on Egypt.",
                "interactions": [
                    (
                        10,
                        "meeting",
                        "supportive",
                        "Briefed advisers of the subcommittee; an exchange of views is planned "
                        "next quarter.",
                        "",
                    ),
                ],
            },
            {
                "stakeholder": "eg-embassy",
                "ask": "Send diplomats to observe renewal hearings, together with other EU "
                "missions.",
                "interactions": [
                    (
                        14,
                        "meeting",
                        "neutral",
                        "The human rights officer will consult the other EU missions before "
                        "answering.",
                        "",
                    ),
                ],
            },
        ],
        "actions": [],
        "updates": [],
    },
]


# --- Signers ---------------------------------------------------------------------------------
# Pseudonymous first names with an initial, as people choose to show them on a public list.

SIGNER_NAMES = {
    "ar": [
        "سلمى ب.",
        "يوسف ك.",
        "أمينة ت.",
        "كريم ح.",
        "نور ع.",
        "هند ز.",
        "عمر س.",
        "رانية ف.",
        "مريم ش.",
        "خالد م.",
        "زينب ر.",
        "سامي ن.",
        "ليلى د.",
        "حسن ج.",
        "فاطمة ق.",
        "جمال ي.",
        "Nour A.",
        "Youssef B.",
        "Salma K.",
        "Hamza T.",
    ],
    "fr": [
        "Inès G.",
        "Mehdi R.",
        "Léa M.",
        "Rachid B.",
        "Zineb E.",
        "Claire D.",
        "Yassine O.",
        "Nadia C.",
        "Karim L.",
        "Sophie T.",
        "Hicham A.",
        "Meriem S.",
        "Thomas V.",
        "Aïcha N.",
        "Samir H.",
        "Camille F.",
    ],
    "en": [
        "Rania F.",
        "Omar S.",
        "Daniel K.",
        "Lina R.",
        "Sarah M.",
        "Ahmed E.",
        "Maya H.",
        "Tariq J.",
        "Hannah W.",
        "Jad N.",
        "Ziad B.",
        "Nadine C.",
        "Sam P.",
        "Layla G.",
        "Georges A.",
        "Joelle T.",
    ],
}

DIASPORA_COUNTRIES = ["FR", "BE", "DE", "CA", "GB", "SE", "NL", "US"]
