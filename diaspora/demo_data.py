"""Demo content for the diaspora app: fictional transnational networks and joint projects.

Pure Python data (no Django imports) for a seeding command. Networks, updates, consultations and
projects are invented and name no real person or organisation. Projects point at initiative slugs
from ``engagement/demo_data.py``. Dates are relative (days from today) so the demo stays current.
"""

NETWORKS: list[dict] = [
    {
        "slug": "syrian-lawyers-europe-accountability",
        "name": "شبكة المحامين السوريين في أوروبا من أجل المساءلة",
        "mission": (
            "تجمع الشبكة محاميات ومحامين من أصل سوري يعملون في بلدان أوروبية مختلفة، ويؤمنون بأن "
            "إنصاف الضحايا شرط لأي سلام دائم في سوريا. نعمل تطوعًا إلى جانب منظمات المجتمع المدني "
            "السورية لدعم مسارات المساءلة عن الانتهاكات الجسيمة.\n\n"
            "ما نقدمه:\n\n"
            "- تدريب الموثِّقين المحليين على معايير جمع الأدلة وحفظها بما يحمي الشهود والضحايا؛\n"
            "- استشارات قانونية حول الولاية القضائية العالمية وإجراءات التقاضي في بلدان الإقامة؛\n"
            "- مراجعة مشاريع النصوص المتعلقة بالعدالة الانتقالية وحقوق السكن والأرض والملكية.\n\n"
            "تخضع طلبات الانضمام لموافقة المنسقين، ولا تُنشر أسماء الأعضاء ولا أماكن إقامتهم."
        ),
        "language": "ar",
        "focus_countries": ["SY"],
        "themes": ["transitional-justice", "justice-rule-of-law", "human-rights"],
        "join_policy": "approval",
        "visibility": "public",
        "updates": [
            {
                "title": "إطلاق حلقات تدريبية شهرية حول معايير التوثيق",
                "body": (
                    "بدءًا من هذا الشهر، تنظم الشبكة حلقة تدريبية شهرية عبر الإنترنت لفائدة "
                    "الموثِّقين في منظمات المجتمع المدني الشريكة. تتناول الحلقة الأولى **مبدأ عدم "
                    "الإضرار** وكيفية الحصول على الموافقة المستنيرة من الشهود.\n\n"
                    "نرجو من الأعضاء الراغبين في التقديم أو الترجمة التواصل مع المنسقين عبر المنصة."
                ),
                "days_ago": 12,
            },
            {
                "title": "دليل مبسّط حول الولاية القضائية العالمية",
                "body": (
                    "أنجز فريق من الأعضاء دليلًا من عشر صفحات يشرح بلغة بسيطة كيف يمكن للضحايا "
                    "وعائلاتهم إيصال المعلومات إلى جهات التحقيق في عدد من البلدان الأوروبية. "
                    "الدليل متاح بالعربية، ونعمل حاليًا على ترجمته إلى الكردية والإنجليزية."
                ),
                "days_ago": 40,
            },
        ],
        "consultation": None,
    },
    {
        "slug": "maghreb-diaspora-migrant-workers-rights",
        "name": "Réseau maghrébin de la diaspora pour les droits des travailleurs migrants",
        "mission": (
            "Notre réseau relie des syndicalistes, des juristes, des travailleurs sociaux et des "
            "chercheuses originaires du Maroc, d'Algérie et de Tunisie, installés en Europe. "
            "Beaucoup d'entre nous ont connu les contrats saisonniers, les intermédiaires abusifs "
            "ou les difficultés à faire valoir leurs droits sociaux d'un pays à l'autre.\n\n"
            "Nous mettons cette expérience au service des associations locales qui défendent les "
            "travailleuses et travailleurs migrants, dans les pays d'origine comme d'accueil :\n\n"
            "- information sur les droits avant le départ (contrat, salaire, logement) ;\n"
            "- accompagnement juridique à distance en cas de litige avec un employeur ;\n"
            "- plaidoyer pour la portabilité des droits à la retraite et à la sécurité sociale."
        ),
        "language": "fr",
        "focus_countries": ["MA", "DZ", "TN"],
        "themes": ["labour-rights", "migration-refugees"],
        "join_policy": "open",
        "visibility": "public",
        "updates": [
            {
                "title": "Une permanence juridique en ligne chaque jeudi",
                "body": (
                    "À partir de la semaine prochaine, trois juristes bénévoles du réseau tiennent "
                    "une permanence en ligne chaque jeudi soir, en arabe dialectal, en français et "
                    "en espagnol.\n\n"
                    "Les associations partenaires peuvent y orienter les personnes qui ont besoin "
                    "d'un premier avis sur un contrat, un salaire impayé ou un licenciement."
                ),
                "days_ago": 6,
            },
            {
                "title": "Bilan de la saison agricole",
                "body": (
                    "Avec nos partenaires, nous avons recueilli de façon anonyme les témoignages "
                    "de 140 travailleuses saisonnières. Les problèmes les plus signalés :\n\n"
                    "- des retenues sur salaire sans justification ;\n"
                    "- des logements surpeuplés ;\n"
                    "- l'absence de copie du contrat de travail.\n\n"
                    "Une synthèse sera partagée avec les associations partenaires le mois prochain."
                ),
                "days_ago": 55,
            },
        ],
        "consultation": None,
    },
    {
        "slug": "lebanese-diaspora-transparent-reconstruction",
        "name": "Diaspora libanaise pour une reconstruction transparente",
        "mission": (
            "Ingénieures, architectes, urbanistes, comptables et juristes de la diaspora "
            "libanaise, nous voulons que chaque fonds destiné à la reconstruction serve réellement "
            "les habitants des quartiers et des villages touchés. Le réseau met ses compétences "
            "techniques à la disposition des associations locales et des municipalités engagées "
            "pour la transparence.\n\n"
            "Nos priorités :\n\n"
            "- suivre les marchés publics de reconstruction et rendre leurs données lisibles ;\n"
            "- vérifier de manière indépendante l'avancement des chantiers annoncés ;\n"
            "- défendre la participation des habitants, y compris des locataires, aux décisions "
            "qui concernent leur quartier."
        ),
        "language": "fr",
        "focus_countries": ["LB"],
        "themes": ["governance-anti-corruption", "justice-rule-of-law"],
        "join_policy": "approval",
        "visibility": "public",
        "updates": [
            {
                "title": "Un glossaire des marchés publics en arabe et en français",
                "body": (
                    "Appel d'offres, avenant, réception provisoire : le vocabulaire des marchés "
                    "publics décourage souvent les citoyens. Nos membres ont rédigé un **glossaire "
                    "bilingue** de 60 termes, avec des exemples tirés de projets municipaux.\n\n"
                    "Il est librement réutilisable par les associations et les médias locaux."
                ),
                "days_ago": 18,
            },
        ],
        "consultation": {
            "question": (
                "Quelles règles de transparence les municipalités devraient-elles respecter pour "
                "les projets de reconstruction ?"
            ),
            "context": (
                "Plusieurs conseils municipaux préparent des règlements pour encadrer les projets "
                "de reconstruction financés par des bailleurs. Nos partenaires locaux souhaitent "
                "leur présenter des propositions concrètes, nourries par l'expérience de la "
                "diaspora dans d'autres pays.\n\n"
                "Vos réponses peuvent porter, par exemple, sur :\n\n"
                "- la publication des contrats et de leurs avenants ;\n"
                "- la consultation des habitants avant le lancement des travaux ;\n"
                "- le traitement des plaintes et la protection des personnes qui signalent des "
                "irrégularités.\n\n"
                "Les réponses seront synthétisées de façon anonyme dans une note remise aux "
                "municipalités partenaires."
            ),
            "closes_in_days": 30,
        },
    },
    {
        "slug": "iraqi-diaspora-medics-network",
        "name": "Iraqi Diaspora Medics Network",
        "mission": (
            "We are doctors, nurses, pharmacists, midwives and public-health specialists of Iraqi "
            "origin working in Europe, North America and the Gulf. Many of us trained in Iraq and "
            "want our skills to benefit the communities we come from.\n\n"
            "We support local health and environmental initiatives with:\n\n"
            "- remote clinical mentoring and case discussions for health workers;\n"
            "- short, practical training on community health surveys and data protection;\n"
            "- evidence summaries that local groups can use when they talk to health "
            "authorities.\n\n"
            "We do not replace local services: every activity is agreed with a local partner and "
            "led by them."
        ),
        "language": "en",
        "focus_countries": ["IQ"],
        "themes": ["health", "environment-climate"],
        "join_policy": "approval",
        "visibility": "public",
        "updates": [
            {
                "title": "Mentoring circles for junior doctors",
                "body": (
                    "Twelve members have volunteered to run small online mentoring circles for "
                    "junior doctors and nurses in Iraq. Each circle meets once a month to discuss "
                    "anonymised cases and career questions.\n\n"
                    "Local partners can ask for a circle in paediatrics, emergency care or "
                    "maternal health."
                ),
                "days_ago": 9,
            },
            {
                "title": "Heat and health: a one-page guide",
                "body": (
                    "Ahead of the summer, the network has published a one-page guide on "
                    "preventing heat-related illness, in Arabic and Kurdish, for community "
                    "volunteers and school staff."
                ),
                "days_ago": 33,
            },
        ],
        "consultation": {
            "question": (
                "How should provincial health authorities recognise and use the skills of "
                "diaspora and returning health workers?"
            ),
            "context": (
                "Provincial health directorates are reviewing how they work with health "
                "professionals trained or working abroad. Our local partners have been invited to "
                "submit recommendations and have asked the network for input.\n\n"
                "Please share concrete suggestions, for example on:\n\n"
                "- recognising qualifications and experience gained abroad;\n"
                "- short-term and remote assignments for diaspora specialists;\n"
                "- protecting patients' data when diaspora clinicians give advice remotely.\n\n"
                "Answers will be summarised anonymously before they are shared."
            ),
            "closes_in_days": 30,
        },
    },
    {
        "slug": "sudanese-diaspora-civic-space",
        "name": "شبكة السودانيين في المهجر من أجل الفضاء المدني",
        "mission": (
            "تضم الشبكة سودانيات وسودانيين يقيمون في بلدان عديدة، من محامين وصحفيين ومعلمين "
            "وعاملين في العمل الأهلي، يجمعهم الإيمان بحق الناس في التنظيم والتعبير والمشاركة في "
            "الشأن العام. في ظل النزاع والنزوح، أصبحت المبادرات المحلية ولجان الأحياء شريان حياة "
            "لمجتمعاتها، ونريد أن نكون سندًا لها.\n\n"
            "نعمل على:\n\n"
            "- دعم المبادرات المحلية بالمعرفة القانونية والإدارية وبناء القدرات عن بُعد؛\n"
            "- إيصال أصوات المجتمع المدني السوداني إلى صانعي القرار في بلدان الإقامة؛\n"
            "- المساهمة في صياغة مقترحات تحمي حرية تكوين الجمعيات والعمل الطوعي."
        ),
        "language": "ar",
        "focus_countries": ["SD"],
        "themes": ["civic-space", "human-rights"],
        "join_policy": "approval",
        "visibility": "public",
        "updates": [
            {
                "title": "ورشة افتراضية حول السلامة الرقمية للمبادرات المحلية",
                "body": (
                    "نظمت الشبكة ورشة عبر الإنترنت شارك فيها ممثلون عن مبادرات محلية في عدة "
                    "ولايات، وتناولت حماية الحسابات وتأمين المراسلات وإدارة بيانات المستفيدين.\n\n"
                    "ستُعقد جلسة متابعة الشهر المقبل، ويمكن للمبادرات الشريكة طلب جلسة خاصة بها."
                ),
                "days_ago": 14,
            },
        ],
        "consultation": {
            "question": (
                "ما الضمانات التي ينبغي أن يكفلها أي قانون جديد للجمعيات والعمل الطوعي في السودان؟"
            ),
            "context": (
                "تستعد مجموعة من منظمات المجتمع المدني الشريكة لتقديم مقترحات مكتوبة بشأن الإطار "
                "القانوني لعمل الجمعيات والمبادرات الأهلية، وتطلب من أعضاء الشبكة الإسهام بخبراتهم "
                "المكتسبة في بلدان الإقامة.\n\n"
                "نرحب بإجاباتكم حول نقاط مثل:\n\n"
                "- إجراءات التسجيل، وهل ينبغي أن تقوم على الإخطار بدلًا من الترخيص المسبق؛\n"
                "- حق الجمعيات في تلقي التمويل وشروط الشفافية المعقولة؛\n"
                "- حماية المتطوعين والعاملين في المجال الإنساني.\n\n"
                "ستُجمع الإجابات في ورقة موحدة دون ذكر أسماء المشاركين."
            ),
            "closes_in_days": 30,
        },
    },
    {
        "slug": "mena-diaspora-womens-rights-circle",
        "name": "MENA Diaspora Women's Rights Circle",
        "mission": (
            "The Circle brings together women and allies from across the Middle East and North "
            "Africa who now live abroad: lawyers, researchers, counsellors, journalists and "
            "community organisers. We believe the diaspora can amplify local women's movements "
            "without speaking over them.\n\n"
            "We work alongside local women's rights groups on what they ask for:\n\n"
            "- research support and translation;\n"
            "- legal analysis of family, labour and nationality laws;\n"
            "- peer support for women human rights defenders;\n"
            "- advocacy in our countries of residence.\n\n"
            "Membership is by approval so that the network stays a safe space."
        ),
        "language": "en",
        "focus_countries": ["EG", "JO", "MA", "YE"],
        "themes": ["womens-rights", "human-rights", "civic-space"],
        "join_policy": "approval",
        "visibility": "public",
        "updates": [
            {
                "title": "Translation pool now open",
                "body": (
                    "Members who translate between Arabic, French and English can now join the "
                    "Circle's translation pool. Local partners send short texts (reports, "
                    "statements, training material) and a pair of volunteers translates and "
                    "proofreads them within a week."
                ),
                "days_ago": 20,
            },
            {
                "title": "Peer support sessions for defenders",
                "body": (
                    "Monthly peer support sessions are now facilitated by two trained counsellors "
                    "from the network. Sessions are small, confidential and not recorded."
                ),
                "days_ago": 48,
            },
        ],
        "consultation": None,
    },
    {
        "slug": "diaspora-digital-security-collective",
        "name": "Diaspora Digital Security Collective",
        "mission": (
            "We are security trainers, software developers and system administrators with roots "
            "in the region. We help local civil society groups, journalists and activists protect "
            "their accounts, devices and communications.\n\n"
            "What we offer:\n\n"
            "- remote one-to-one help for organisations after a suspicious message or an account "
            "compromise;\n"
            "- plain-language guides in Arabic, French and English;\n"
            "- security reviews of websites and tools before they go live.\n\n"
            "The collective is visible to members only, and every request is handled "
            "confidentially."
        ),
        "language": "en",
        "focus_countries": ["LB", "JO", "PS", "EG"],
        "themes": ["digital-rights", "media-freedom"],
        "join_policy": "approval",
        "visibility": "members",
        "updates": [
            {
                "title": "Updated guide to two-step verification",
                "body": (
                    "Our guide to two-step verification now covers security keys and explains how "
                    "to store backup codes safely. It is available in Arabic, French and English, "
                    "and is written for people with no technical background."
                ),
                "days_ago": 5,
            },
        ],
        "consultation": None,
    },
    {
        "slug": "yemeni-diaspora-education-network",
        "name": "شبكة اليمنيين في المهجر لدعم التعليم",
        "mission": (
            "انقطع عدد كبير من الأطفال في اليمن عن الدراسة، ويعمل كثير من المعلمين دون رواتب "
            "منتظمة. تجمع شبكتنا معلمين وأكاديميين وطلابًا يمنيين في الخارج يريدون المساهمة في "
            "إبقاء أبواب التعلم مفتوحة.\n\n"
            "نعمل مع المبادرات المحلية على:\n\n"
            "- إعداد مواد تعليمية مبسطة يمكن استخدامها دون اتصال بالإنترنت؛\n"
            "- تدريب المعلمين المتطوعين عن بُعد على أساليب التعلم النشط والدعم النفسي الأولي؛\n"
            "- توفير منح دراسية صغيرة وإرشاد أكاديمي للطلاب المتفوقين.\n\n"
            "الانضمام مفتوح لكل من يرغب في التطوع بوقته أو خبرته."
        ),
        "language": "ar",
        "focus_countries": ["YE"],
        "themes": ["education", "youth"],
        "join_policy": "open",
        "visibility": "public",
        "updates": [
            {
                "title": "مكتبة رقمية للمواد التعليمية",
                "body": (
                    "أطلقت الشبكة مكتبة رقمية تضم أكثر من مئتي درس في القراءة والحساب والعلوم "
                    "للمرحلة الأساسية، يمكن تنزيلها وطباعتها واستخدامها دون اتصال بالإنترنت.\n\n"
                    "نبحث عن متطوعين لمراجعة دروس الرياضيات للصفوف من الرابع إلى السادس."
                ),
                "days_ago": 21,
            },
            {
                "title": "الدفعة الأولى من المنح الدراسية الصغيرة",
                "body": (
                    "حصل خمسة عشر طالبًا وطالبة على منح صغيرة تغطي رسوم التسجيل والمواصلات لعام "
                    "دراسي كامل، بفضل تبرعات أعضاء الشبكة."
                ),
                "days_ago": 60,
            },
        ],
        "consultation": None,
    },
]

JOINT_PROJECTS: list[dict] = [
    {
        "slug": "jendouba-farmworkers-rights-guide",
        "title": "Guide des droits des ouvrières agricoles, de Jendouba aux saisons à l'étranger",
        "summary": (
            "La clinique juridique de Jendouba et des juristes de la diaspora maghrébine ont "
            "rédigé ensemble un guide illustré des droits des ouvrières agricoles, en Tunisie et "
            "lors des contrats saisonniers à l'étranger."
        ),
        "description": (
            "Les juristes de la clinique mobile de Jendouba recevaient souvent des questions sur "
            "les contrats saisonniers proposés à l'étranger. Avec des membres du réseau installés "
            "en Espagne, en France et en Italie, elles ont conçu un guide illustré qui compare les "
            "droits applicables en Tunisie et dans les principaux pays d'accueil.\n\n"
            "Le guide couvre le contrat de travail, le transport, le salaire, le logement et les "
            "recours possibles. Il a été testé auprès d'ouvrières lors de trois séances de la "
            "clinique avant sa diffusion."
        ),
        "network": "maghreb-diaspora-migrant-workers-rights",
        "initiative": "jendouba-women-farmworkers-legal-clinic",
        "status": "completed",
        "milestones": [
            {
                "title": "Recueil des questions les plus fréquentes",
                "due_in_days": -120,
                "done": True,
            },
            {"title": "Rédaction et relecture juridique", "due_in_days": -75, "done": True},
            {
                "title": "Tests auprès des ouvrières et impression",
                "due_in_days": -30,
                "done": True,
            },
        ],
        "outcome_notes": (
            "Le guide a été imprimé à 1 500 exemplaires et distribué lors des tournées de la "
            "clinique ; une version audio en arabe tunisien a été enregistrée pour les personnes "
            "qui ne lisent pas. Les deux partenaires prévoient une mise à jour avant chaque saison."
        ),
    },
    {
        "slug": "basra-water-health-survey",
        "title": "مسح صحي مجتمعي حول جودة المياه في البصرة",
        "summary": (
            "يعمل أطباء من الجالية العراقية مع مرصد شط العرب البيئي على مسح صحي مجتمعي يربط بين "
            "جودة المياه والأمراض الشائعة في الأحياء."
        ),
        "description": (
            "يرصد متطوعو المرصد منذ مدة مؤشرات ملوحة المياه وتلوثها في عدد من مناطق البصرة، "
            "لكنهم يفتقرون إلى بيانات صحية تُظهر أثر ذلك على السكان. يساهم أعضاء شبكة الأطباء في "
            "تصميم استبيان قصير حول الأمراض المرتبطة بالمياه، وتدريب المتطوعين على جمع البيانات "
            "مع احترام الخصوصية ودون تسجيل أي معلومات تكشف هوية المشاركين.\n\n"
            "ستُنشر النتائج في تقرير مبسط يقدمه المرصد إلى الجهات الصحية والبلدية المحلية، مع "
            "توصيات عملية لحماية الفئات الأكثر عرضة للخطر، ولا سيما الأطفال وكبار السن."
        ),
        "network": "iraqi-diaspora-medics-network",
        "initiative": "basra-shatt-al-arab-environmental-watch",
        "status": "active",
        "milestones": [
            {"title": "إعداد الاستبيان ومراجعته أخلاقيًا", "due_in_days": -40, "done": True},
            {"title": "تدريب المتطوعين على جمع البيانات", "due_in_days": -10, "done": True},
            {"title": "تحليل النتائج", "due_in_days": 35, "done": False},
            {"title": "عرض التقرير على الجهات المحلية", "due_in_days": 70, "done": False},
        ],
        "outcome_notes": "",
    },
    {
        "slug": "kassala-radio-diaspora-mentoring",
        "title": "Diaspora mentoring for Kassala community radio",
        "summary": (
            "Sudanese journalists in the diaspora mentor the Kassala community radio team on "
            "reporting, ethics and the safe handling of sources for programmes that serve "
            "displaced families."
        ),
        "description": (
            "The Kassala community radio broadcasts practical information for displaced "
            "families: where to find services, how to obtain documents, and stories from the "
            "community. Its volunteer team asked for support to improve its programmes and to "
            "protect the people who speak on air.\n\n"
            "Network members with radio and newsroom experience hold fortnightly remote "
            "mentoring sessions with the team. Together they are producing a short editorial "
            "charter, a consent checklist for interviews and a series of programmes on the right "
            "to information and the role of local committees."
        ),
        "network": "sudanese-diaspora-civic-space",
        "initiative": "kassala-community-radio-displaced-families",
        "status": "active",
        "milestones": [
            {"title": "Needs assessment with the radio team", "due_in_days": -50, "done": True},
            {"title": "Editorial charter and consent checklist", "due_in_days": -15, "done": True},
            {
                "title": "Six-episode series on civic participation",
                "due_in_days": 45,
                "done": False,
            },
        ],
        "outcome_notes": "",
    },
    {
        "slug": "bekaa-reconstruction-works-check",
        "title": "Suivi citoyen des chantiers de reconstruction dans la Békaa",
        "summary": (
            "Des ingénieurs de la diaspora libanaise et des journalistes locaux de la Békaa vont "
            "vérifier ensemble l'avancement des chantiers de reconstruction annoncés et publier "
            "leurs constats."
        ),
        "description": (
            "Les médias locaux de la Békaa reçoivent de nombreuses annonces de projets de "
            "reconstruction (routes, écoles, réseaux d'eau) sans toujours pouvoir vérifier ce qui "
            "est réellement réalisé. Les membres du réseau apportent leur expertise technique pour "
            "lire les documents publics, comprendre les cahiers des charges et repérer les "
            "écarts.\n\n"
            "Le partenariat prévoit un atelier commun, puis une série d'articles et de fiches "
            "vérifiées sur une dizaine de chantiers choisis par les rédactions locales, qui "
            "gardent la pleine maîtrise éditoriale de leurs publications."
        ),
        "network": "lebanese-diaspora-transparent-reconstruction",
        "initiative": "bekaa-local-media-fact-checking",
        "status": "agreed",
        "milestones": [
            {"title": "Signature de l'accord de partenariat", "due_in_days": -7, "done": True},
            {
                "title": "Atelier commun sur la lecture des marchés publics",
                "due_in_days": 21,
                "done": False,
            },
            {
                "title": "Publication des premières fiches de vérification",
                "due_in_days": 75,
                "done": False,
            },
        ],
        "outcome_notes": "",
    },
    {
        "slug": "aden-mediators-diaspora-exchange",
        "title": "Peer exchange between Aden women mediators and diaspora practitioners",
        "summary": (
            "A proposed series of online peer exchanges in which Aden women mediators and "
            "diaspora women with mediation and legal experience share methods for resolving "
            "local disputes."
        ),
        "description": (
            "Women mediators in Aden help resolve disputes over water, land and services in their "
            "neighbourhoods, often without formal recognition. The Circle has proposed a series "
            "of online exchanges with diaspora members who work as mediators, family lawyers and "
            "facilitators in their countries of residence.\n\n"
            "The aim is practical: swapping methods, documenting what works locally, and "
            "preparing a short advocacy brief on including women mediators in local committees. "
            "The Aden network decides the topics and who takes part."
        ),
        "network": "mena-diaspora-womens-rights-circle",
        "initiative": "aden-women-mediators-network",
        "status": "proposed",
        "milestones": [
            {
                "title": "Agree topics and format with the Aden network",
                "due_in_days": 14,
                "done": False,
            },
            {"title": "First online exchange", "due_in_days": 40, "done": False},
            {"title": "Draft advocacy brief", "due_in_days": 90, "done": False},
        ],
        "outcome_notes": "",
    },
]
