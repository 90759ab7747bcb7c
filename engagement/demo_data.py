"""Demo content for the engagement app: fictional local civic initiatives across MENA.

Pure Python data (no Django imports) for a seeding command. The initiatives, updates and events
are invented; cities are real, coordinates are approximate city centres (never meeting points).
Dates are relative (days from today) so the demo stays current whenever it is loaded.
"""

INITIATIVES: list[dict] = [
    {
        "slug": "sfax-municipal-budget-observatory",
        "title": "Observatoire citoyen du budget municipal de Sfax",
        "summary": (
            "Des habitants de Sfax lisent, résument et publient chaque trimestre les chiffres du "
            "budget municipal pour que chacun puisse suivre où va l'argent public."
        ),
        "description": (
            "L'**Observatoire citoyen du budget municipal** réunit des étudiants, des retraités de "
            "l'administration et des membres d'associations de quartier. Ensemble, nous "
            "transformons les documents budgétaires publiés par la municipalité en fiches "
            "lisibles, en arabe et en français.\n\n"
            "Chaque trimestre, nous publions :\n\n"
            "- une synthèse des recettes et des dépenses par arrondissement ;\n"
            "- le suivi des projets d'investissement annoncés (voirie, éclairage, "
            "espaces verts) ;\n"
            "- les questions que nous adressons au conseil municipal lors des "
            "séances publiques.\n\n"
            "Aucune compétence préalable n'est requise : nous formons les nouveaux membres à la "
            "lecture d'un budget public."
        ),
        "language": "fr",
        "country": "TN",
        "city": "Sfax",
        "latitude": 34.74,
        "longitude": 10.76,
        "themes": ["governance-anti-corruption", "youth"],
        "status": "active",
        "join_policy": "open",
        "visibility": "public",
        "needs": [
            {
                "skill": "data-analysis",
                "quantity": 2,
                "remote": True,
                "language": "fr",
                "description": (
                    "Aider à consolider les tableaux budgétaires de trois exercices et à repérer "
                    "les écarts entre prévisions et réalisations."
                ),
                "until_days": 45,
            },
            {
                "skill": "data-visualisation",
                "quantity": 1,
                "remote": True,
                "language": "fr",
                "description": (
                    "Concevoir des graphiques simples, lisibles sur téléphone, pour nos fiches "
                    "trimestrielles."
                ),
                "until_days": 60,
            },
        ],
        "updates": [
            {
                "title": "Fiche du troisième trimestre publiée",
                "body": (
                    "La fiche du troisième trimestre est en ligne. Point saillant : **62 %** des "
                    "crédits d'éclairage public ont été engagés, contre 35 % l'an dernier."
                ),
                "members_only": False,
                "days_ago": 9,
            },
        ],
        "events": [
            {
                "title": "Atelier : lire un budget municipal en deux heures",
                "description": (
                    "Initiation ouverte à tous, avec exercices sur le budget de l'année en cours. "
                    "Apportez un téléphone ou un ordinateur portable."
                ),
                "in_days": 18,
                "hour": 17,
                "duration_hours": 2,
                "time_zone": "Africa/Tunis",
                "online": False,
                "capacity": 30,
            },
        ],
    },
    {
        "slug": "gabes-coastline-citizen-monitoring",
        "title": "Surveillance citoyenne du littoral du golfe de Gabès",
        "summary": (
            "Des pêcheurs, des enseignants et des jeunes relèvent chaque mois l'état des plages et "
            "des eaux du golfe de Gabès et partagent les résultats avec les habitants."
        ),
        "description": (
            "Le golfe de Gabès subit depuis des décennies une pollution qui touche la pêche "
            "côtière, les oasis et la santé des habitants. Notre initiative rassemble des "
            "volontaires qui effectuent des **relevés mensuels** sur une douzaine de points du "
            "littoral : couleur et turbidité de l'eau, déchets, état des herbiers.\n\n"
            "Les données sont publiées sous licence ouverte et présentées lors de réunions "
            "publiques. Nous travaillons avec des enseignants-chercheurs bénévoles pour que nos "
            "protocoles restent rigoureux et comparables d'une année à l'autre."
        ),
        "language": "fr",
        "country": "TN",
        "city": "Gabès",
        "latitude": 33.88,
        "longitude": 10.1,
        "themes": ["environment-climate", "health"],
        "status": "active",
        "join_policy": "open",
        "visibility": "public",
        "needs": [
            {
                "skill": "gis-mapping",
                "quantity": 1,
                "remote": True,
                "language": "fr",
                "description": (
                    "Mettre à jour la carte des points de relevé et produire une carte annuelle "
                    "des observations."
                ),
                "until_days": 30,
            },
            {
                "skill": "photography",
                "quantity": 2,
                "remote": False,
                "language": "ar",
                "description": (
                    "Documenter les sorties mensuelles sur le littoral (paysages, pas de "
                    "portraits sans accord)."
                ),
                "until_days": None,
            },
        ],
        "updates": [
            {
                "title": "Bilan de l'été",
                "body": (
                    "Nos équipes ont réalisé 48 relevés cet été. Le rapport complet sera présenté "
                    "lors de la prochaine réunion publique."
                ),
                "members_only": False,
                "days_ago": 21,
            },
        ],
        "events": [
            {
                "title": "Sortie de relevés mensuelle",
                "description": (
                    "Relevés sur quatre points du littoral sud. Prévoir chaussures fermées, eau et "
                    "chapeau. Le lieu de rendez-vous est communiqué aux inscrits."
                ),
                "in_days": 6,
                "hour": 8,
                "duration_hours": 4,
                "time_zone": "Africa/Tunis",
                "online": False,
                "capacity": 20,
            },
            {
                "title": "Réunion publique : résultats annuels",
                "description": (
                    "Présentation des résultats de l'année et échange avec les habitants "
                    "et les pêcheurs."
                ),
                "in_days": 34,
                "hour": 18,
                "duration_hours": 2,
                "time_zone": "Africa/Tunis",
                "online": False,
                "capacity": 80,
            },
        ],
    },
    {
        "slug": "jendouba-women-farmworkers-legal-clinic",
        "title": "Clinique juridique mobile pour les ouvrières agricoles de Jendouba",
        "summary": (
            "Une permanence juridique itinérante informe les ouvrières agricoles du nord-ouest sur "
            "leurs droits : contrat, salaire minimum agricole, sécurité du transport."
        ),
        "description": (
            "Les ouvrières agricoles de la région de Jendouba travaillent souvent sans contrat et "
            "sont transportées dans des conditions dangereuses. Notre clinique mobile se déplace "
            "chaque semaine dans un village différent, en accord avec les associations locales.\n\n"
            "Nous proposons :\n\n"
            "- des consultations juridiques gratuites et confidentielles ;\n"
            "- un accompagnement pour l'affiliation à la sécurité sociale ;\n"
            "- des séances collectives sur le droit du travail agricole.\n\n"
            "Les membres sont validés par l'équipe de coordination afin de protéger la "
            "confidentialité des bénéficiaires."
        ),
        "language": "fr",
        "country": "TN",
        "city": "Jendouba",
        "latitude": 36.5,
        "longitude": 8.78,
        "themes": ["labour-rights", "womens-rights"],
        "status": "active",
        "join_policy": "approval",
        "visibility": "public",
        "needs": [
            {
                "skill": "legal-aid-counselling",
                "quantity": 2,
                "remote": False,
                "language": "ar",
                "description": (
                    "Avocat·e ou juriste pour assurer une permanence par mois dans les villages."
                ),
                "until_days": 60,
            },
            {
                "skill": "social-media-management",
                "quantity": 1,
                "remote": True,
                "language": "ar",
                "description": (
                    "Annoncer les dates de passage de la clinique sur nos pages locales."
                ),
                "until_days": None,
            },
        ],
        "updates": [
            {
                "title": "Nouveau partenariat avec une association de Bou Salem",
                "body": (
                    "La clinique passera désormais deux fois par mois dans la "
                    "délégation de Bou Salem."
                ),
                "members_only": False,
                "days_ago": 15,
            },
        ],
        "events": [],
    },
    {
        "slug": "sousse-polling-stations-accessibility-audit",
        "title": "Audit d'accessibilité des bureaux de vote et des mairies de Sousse",
        "summary": (
            "Des personnes en situation de handicap et des bénévoles ont évalué l'accessibilité de "
            "70 bureaux de vote et services municipaux de Sousse et publié leurs recommandations."
        ),
        "description": (
            "Voter et accéder aux services municipaux sont des droits pour tous. Pendant six mois, "
            "des équipes mixtes — personnes en fauteuil roulant, personnes aveugles ou "
            "malvoyantes, bénévoles — ont évalué **70 bâtiments publics** à l'aide d'une "
            "grille commune.\n\n"
            "Le rapport final classe les obstacles par coût de correction et propose un calendrier "
            "réaliste à la municipalité. Plusieurs rampes provisoires ont déjà été installées.\n\n"
            "L'initiative est terminée ; la grille d'audit reste disponible pour d'autres villes."
        ),
        "language": "fr",
        "country": "TN",
        "city": "Sousse",
        "latitude": 35.83,
        "longitude": 10.64,
        "themes": ["disability-rights", "governance-anti-corruption"],
        "status": "completed",
        "join_policy": "open",
        "visibility": "public",
        "needs": [],
        "updates": [
            {
                "title": "Rapport final remis à la municipalité",
                "body": (
                    "Le rapport final a été remis au conseil municipal. **Résultats clés** : 41 "
                    "bâtiments sur 70 n'ont aucune entrée de plain-pied ; 12 ont été corrigés "
                    "depuis le début de l'audit."
                ),
                "members_only": False,
                "days_ago": 40,
            },
        ],
        "events": [],
    },
    {
        "slug": "grand-tunis-listening-centres-network",
        "title": "Réseau des centres d'écoute pour femmes victimes de violence du Grand Tunis",
        "summary": (
            "Un réseau qui coordonne l'orientation entre centres d'écoute, foyers d'hébergement, "
            "services de santé et avocates pour les femmes victimes de violence."
        ),
        "description": (
            "Une femme victime de violence doit souvent frapper à plusieurs portes avant de "
            "trouver de l'aide. Notre réseau relie des centres d'écoute, des foyers d'hébergement, "
            "des services de santé et des avocates du Grand Tunis autour de **protocoles "
            "d'orientation communs**.\n\n"
            "Les membres du réseau échangent les disponibilités, se forment ensemble et "
            "harmonisent leurs pratiques de confidentialité. Les informations sur les "
            "bénéficiaires ne sont jamais partagées sur cette plateforme.\n\n"
            "L'adhésion est réservée aux professionnelles et bénévoles validées par le comité "
            "de coordination."
        ),
        "language": "fr",
        "country": "TN",
        "city": "Tunis",
        "latitude": 36.81,
        "longitude": 10.18,
        "themes": ["womens-rights", "health", "justice-rule-of-law"],
        "status": "active",
        "join_policy": "approval",
        "visibility": "members",
        "needs": [
            {
                "skill": "gbv-survivor-care",
                "quantity": 2,
                "remote": False,
                "language": "ar",
                "description": (
                    "Intervenantes expérimentées pour co-animer les formations internes."
                ),
                "until_days": 30,
            },
            {
                "skill": "mental-health-psychosocial-support",
                "quantity": 1,
                "remote": True,
                "language": "fr",
                "description": "Supervision clinique mensuelle à distance pour les écoutantes.",
                "until_days": None,
            },
        ],
        "updates": [
            {
                "title": "Mise à jour du protocole d'orientation",
                "body": (
                    "La version révisée du protocole est disponible dans l'espace des membres. "
                    "Merci de la lire avant la formation du mois prochain."
                ),
                "members_only": True,
                "days_ago": 5,
            },
        ],
        "events": [],
    },
    {
        "slug": "kasserine-women-defenders-network",
        "title": "شبكة المدافعات عن حقوق الإنسان في القصرين",
        "summary": (
            "تجمع المبادرات النسوية المحلية في القصرين والمدافعات عن حقوق الإنسان لتبادل الخبرات "
            "والتدرّب على التوثيق والمناصرة."
        ),
        "description": (
            "تعمل المدافعات عن حقوق الإنسان في ولاية القصرين في ظروف صعبة، وغالبًا بشكل منفرد. "
            "تهدف هذه الشبكة إلى **كسر العزلة** وتقوية الروابط بين الجمعيات والناشطات في "
            "المدن والأرياف.\n\n"
            "تشمل أنشطتنا:\n\n"
            "- لقاءات شهرية لتبادل التجارب؛\n"
            "- تدريبات على توثيق الانتهاكات وكتابة التقارير؛\n"
            "- دعم المبادرات الصغيرة للنساء في الأحياء الشعبية.\n\n"
            "العضوية بموافقة لجنة التنسيق حفاظًا على سلامة العضوات."
        ),
        "language": "ar",
        "country": "TN",
        "city": "القصرين",
        "latitude": 35.17,
        "longitude": 8.84,
        "themes": ["womens-rights", "human-rights", "civic-space"],
        "status": "active",
        "join_policy": "approval",
        "visibility": "public",
        "needs": [
            {
                "skill": "human-rights-documentation",
                "quantity": 1,
                "remote": True,
                "language": "ar",
                "description": "تدريب العضوات على منهجيات توثيق آمنة وأخلاقية.",
                "until_days": 40,
            },
            {
                "skill": "grant-writing",
                "quantity": 1,
                "remote": True,
                "language": "ar",
                "description": "المساعدة في إعداد طلب تمويل صغير لدعم المبادرات النسائية المحلية.",
                "until_days": 25,
            },
        ],
        "updates": [
            {
                "title": "لقاء الشبكة الثالث",
                "body": (
                    "شاركت أكثر من ثلاثين ناشطة في لقاء الشبكة الثالث، وتم الاتفاق على خطة التدريب "
                    "للأشهر القادمة."
                ),
                "members_only": False,
                "days_ago": 12,
            },
        ],
        "events": [],
    },
    {
        "slug": "tunis-local-democracy-youth-podcast",
        "title": "Tunis youth podcast on local democracy",
        "summary": (
            "Young Tunisians produce a monthly podcast explaining how municipal councils work and "
            "interviewing residents about the services in their neighbourhoods."
        ),
        "description": (
            "Many young people in Greater Tunis have never attended a municipal council session. "
            "Our podcast team — students, recent graduates and a few volunteer sound engineers — "
            "explains local democracy in **plain Tunisian Arabic**, with English and "
            "French show notes.\n\n"
            "Each episode follows one local issue, from waste collection to sports facilities, and "
            "gives listeners practical ways to take part: public sessions, petitions, "
            "participatory budgeting meetings."
        ),
        "language": "en",
        "country": "TN",
        "city": "Tunis",
        "latitude": 36.81,
        "longitude": 10.18,
        "themes": ["youth", "media-freedom", "civic-space"],
        "status": "open",
        "join_policy": "open",
        "visibility": "public",
        "needs": [
            {
                "skill": "podcast-radio-production",
                "quantity": 1,
                "remote": True,
                "language": "ar",
                "description": "Coach our team on editing, sound levels and interview technique.",
                "until_days": None,
            },
            {
                "skill": "subtitling",
                "quantity": 2,
                "remote": True,
                "language": "en",
                "description": (
                    "Turn episode transcripts into English show notes and short subtitled clips."
                ),
                "until_days": 50,
            },
        ],
        "updates": [],
        "events": [
            {
                "title": "Online listening club: episode 6",
                "description": (
                    "Listen together to the latest episode and discuss it with the producers."
                ),
                "in_days": 10,
                "hour": 19,
                "duration_hours": 1,
                "time_zone": "Africa/Tunis",
                "online": True,
                "capacity": None,
            },
        ],
    },
    {
        "slug": "tiznit-amazigh-oral-heritage",
        "title": "Mémoire vivante de la langue amazighe à Tiznit",
        "summary": (
            "Des jeunes de Tiznit enregistrent contes, chants et savoirs des anciens en tachelhit "
            "et les transcrivent pour les écoles et la bibliothèque municipale."
        ),
        "description": (
            "La langue amazighe tachelhit est transmise surtout oralement, et de nombreux contes "
            "et savoirs agricoles disparaissent avec les anciens. Notre initiative forme des "
            "jeunes à l'**enregistrement audio** et à la transcription en tifinagh et en "
            "caractères latins.\n\n"
            "Les enregistrements, réalisés avec le consentement des personnes, sont archivés à la "
            "bibliothèque municipale et adaptés en supports pédagogiques pour les enseignants "
            "d'amazighe de la région."
        ),
        "language": "fr",
        "country": "MA",
        "city": "Tiznit",
        "latitude": 29.7,
        "longitude": -9.73,
        "themes": ["minority-rights", "education", "youth"],
        "status": "active",
        "join_policy": "open",
        "visibility": "public",
        "needs": [
            {
                "skill": "cultural-heritage-documentation",
                "quantity": 1,
                "remote": True,
                "language": "fr",
                "description": (
                    "Conseiller l'équipe sur l'archivage et les métadonnées des enregistrements."
                ),
                "until_days": None,
            },
            {
                "skill": "arabic-tamazight-translation",
                "quantity": 2,
                "remote": True,
                "language": "ar",
                "description": "Traduire vers l'arabe les résumés des contes déjà transcrits.",
                "until_days": 60,
            },
        ],
        "updates": [],
        "events": [
            {
                "title": "Veillée de contes en tachelhit",
                "description": (
                    "Soirée de contes racontés par des anciens, suivie d'un échange avec les "
                    "enseignants d'amazighe."
                ),
                "in_days": 14,
                "hour": 20,
                "duration_hours": 2,
                "time_zone": "Africa/Casablanca",
                "online": False,
                "capacity": 60,
            },
        ],
    },
    {
        "slug": "casablanca-detainees-families-legal-desk",
        "title": "Permanence juridique pour les familles de personnes détenues à Casablanca",
        "summary": (
            "Des avocats et juristes bénévoles informent les familles de personnes détenues sur "
            "les procédures : droit de visite, calendrier judiciaire, recours et aide "
            "juridictionnelle."
        ),
        "description": (
            "Quand un proche est placé en détention, sa famille se retrouve souvent perdue face "
            "aux démarches. Notre permanence hebdomadaire explique **les procédures prévues par la "
            "loi** : obtenir un permis de visite, suivre les audiences, demander l'aide "
            "juridictionnelle, saisir les autorités compétentes en cas de problème de santé.\n\n"
            "Nous ne prenons pas position sur les affaires ; nous aidons les familles à connaître "
            "et exercer leurs droits. Les échanges sont strictement confidentiels.\n\n"
            "Cette page est réservée aux membres validés."
        ),
        "language": "fr",
        "country": "MA",
        "city": "Casablanca",
        "latitude": 33.57,
        "longitude": -7.59,
        "themes": ["justice-rule-of-law", "human-rights"],
        "status": "active",
        "join_policy": "approval",
        "visibility": "members",
        "needs": [
            {
                "skill": "legal-aid-counselling",
                "quantity": 2,
                "remote": False,
                "language": "ar",
                "description": (
                    "Avocat·es inscrit·es au barreau pour tenir une permanence par mois."
                ),
                "until_days": None,
            },
            {
                "skill": "mental-health-psychosocial-support",
                "quantity": 1,
                "remote": True,
                "language": "ar",
                "description": (
                    "Soutien psychologique à distance pour les familles qui le demandent."
                ),
                "until_days": 45,
            },
        ],
        "updates": [
            {
                "title": "Nouveau guide pour les familles",
                "body": (
                    "Le guide pratique révisé (droit de visite, aide juridictionnelle) est "
                    "disponible en arabe et en français pour les membres."
                ),
                "members_only": True,
                "days_ago": 7,
            },
        ],
        "events": [],
    },
    {
        "slug": "oujda-migrants-reception-orientation",
        "title": "Accueil et orientation des personnes migrantes à Oujda",
        "summary": (
            "Un réseau de bénévoles oriente les personnes migrantes d'Oujda vers les soins, les "
            "démarches administratives et les associations qui peuvent les accompagner."
        ),
        "description": (
            "Oujda accueille des personnes migrantes et demandeuses d'asile venues de nombreux "
            "pays. Nos bénévoles tiennent un **point d'information** deux fois par semaine et "
            "accompagnent les personnes vers les centres de santé, les services d'état civil et "
            "les associations spécialisées.\n\n"
            "Nous recherchons en particulier des interprètes et des personnes formées à "
            "l'accompagnement des demandes d'asile."
        ),
        "language": "fr",
        "country": "MA",
        "city": "Oujda",
        "latitude": 34.68,
        "longitude": -1.91,
        "themes": ["migration-refugees", "health"],
        "status": "active",
        "join_policy": "approval",
        "visibility": "public",
        "needs": [
            {
                "skill": "community-interpreting",
                "quantity": 2,
                "remote": False,
                "language": "en",
                "description": "Interprétation anglais–arabe lors des permanences.",
                "until_days": 30,
            },
            {
                "skill": "asylum-application-support",
                "quantity": 1,
                "remote": True,
                "language": "fr",
                "description": "Former les bénévoles aux étapes de la demande d'asile.",
                "until_days": 45,
            },
            {
                "skill": "primary-health-care",
                "quantity": 1,
                "remote": False,
                "language": "fr",
                "description": (
                    "Infirmier·e ou médecin pour une consultation d'orientation par mois."
                ),
                "until_days": None,
            },
        ],
        "updates": [],
        "events": [],
    },
    {
        "slug": "fes-neighbourhood-youth-civic-education",
        "title": "Éducation civique pour les jeunes des quartiers de Fès",
        "summary": (
            "Des ateliers du samedi pour les 15–22 ans : comprendre les institutions locales, "
            "débattre, monter un petit projet utile pour le quartier."
        ),
        "description": (
            "Dans plusieurs quartiers périphériques de Fès, les jeunes ont peu d'espaces pour "
            "débattre et agir. Nos ateliers du samedi combinent **éducation civique**, jeux de "
            "rôle et projets concrets : une fresque, un nettoyage de jardin, une rencontre "
            "avec un élu local.\n\n"
            "Chaque cycle dure trois mois et se termine par une présentation publique des projets "
            "réalisés par les jeunes."
        ),
        "language": "fr",
        "country": "MA",
        "city": "Fès",
        "latitude": 34.03,
        "longitude": -5.0,
        "themes": ["youth", "education", "civic-space"],
        "status": "open",
        "join_policy": "open",
        "visibility": "public",
        "needs": [
            {
                "skill": "workshop-facilitation",
                "quantity": 2,
                "remote": False,
                "language": "ar",
                "description": "Co-animer les ateliers du samedi matin.",
                "until_days": None,
            },
            {
                "skill": "curriculum-development",
                "quantity": 1,
                "remote": True,
                "language": "fr",
                "description": "Adapter nos fiches d'activités pour un nouveau cycle.",
                "until_days": 40,
            },
        ],
        "updates": [],
        "events": [],
    },
    {
        "slug": "zagora-oasis-water-monitoring",
        "title": "رصد ندرة المياه في واحات درعة",
        "summary": (
            "يرصد شباب وفلاحون من زاكورة منسوب الآبار وحالة النخيل في واحات درعة ويقترحون حلولًا "
            "للاقتصاد في الماء."
        ),
        "description": (
            "تعاني واحات وادي درعة من جفاف متكرر واستنزاف للمياه الجوفية. تجمع مبادرتنا فلاحين "
            "وشبابًا من الدواوير لقياس **منسوب الآبار** شهريًا وتسجيل حالة النخيل والمزروعات.\n\n"
            "نشارك النتائج مع السكان والجماعات الترابية، وننظم دورات حول تقنيات الري الموفرة "
            "للمياه وحماية التنوع البيولوجي في الواحات."
        ),
        "language": "ar",
        "country": "MA",
        "city": "زاكورة",
        "latitude": 30.33,
        "longitude": -5.84,
        "themes": ["environment-climate"],
        "status": "active",
        "join_policy": "open",
        "visibility": "public",
        "needs": [
            {
                "skill": "data-analysis",
                "quantity": 1,
                "remote": True,
                "language": "ar",
                "description": "تحليل بيانات منسوب الآبار على مدى ثلاث سنوات.",
                "until_days": 60,
            },
        ],
        "updates": [
            {
                "title": "نتائج الموسم",
                "body": (
                    "انخفض منسوب المياه في 14 بئرًا من أصل 20 بئرًا مرصودة مقارنة بالعام الماضي."
                ),
                "members_only": False,
                "days_ago": 18,
            },
        ],
        "events": [
            {
                "title": "يوم تكويني حول الري الموفر للمياه",
                "description": (
                    "ورشة ميدانية مع مهندس زراعي متطوع حول الري بالتنقيط وصيانة الخطارات."
                ),
                "in_days": 21,
                "hour": 9,
                "duration_hours": 5,
                "time_zone": "Africa/Casablanca",
                "online": False,
                "capacity": 35,
            },
        ],
    },
    {
        "slug": "tangier-domestic-workers-rights-helpdesk",
        "title": "Tangier domestic workers' rights helpdesk",
        "summary": (
            "A weekly helpdesk explains Morocco's domestic work law to domestic workers and "
            "employers in Tangier: contracts, rest days, minimum wage and social security."
        ),
        "description": (
            "Morocco's law on domestic work sets rules on contracts, working hours, weekly rest "
            "and minimum age, but few workers know how to use it. Our helpdesk offers **free, "
            "confidential information** to domestic workers, both Moroccan and migrant.\n\n"
            "We also run short sessions for employers, because many disputes start from simple "
            "misunderstandings about contracts and social security registration."
        ),
        "language": "en",
        "country": "MA",
        "city": "Tangier",
        "latitude": 35.76,
        "longitude": -5.83,
        "themes": ["labour-rights", "womens-rights", "migration-refugees"],
        "status": "active",
        "join_policy": "open",
        "visibility": "public",
        "needs": [
            {
                "skill": "legal-translation",
                "quantity": 1,
                "remote": True,
                "language": "fr",
                "description": "Translate our French-language fact sheets into clear English.",
                "until_days": 30,
            },
            {
                "skill": "community-interpreting",
                "quantity": 1,
                "remote": False,
                "language": "en",
                "description": "Support English-speaking migrant workers during helpdesk hours.",
                "until_days": None,
            },
        ],
        "updates": [
            {
                "title": "New fact sheet on weekly rest",
                "body": (
                    "Our fact sheet on weekly rest and annual leave is now available in Arabic, "
                    "French and English."
                ),
                "members_only": False,
                "days_ago": 11,
            },
        ],
        "events": [],
    },
    {
        "slug": "oran-street-library-reading-workshops",
        "title": "Bibliothèque de rue et ateliers de lecture à Oran",
        "summary": (
            "Chaque semaine, une bibliothèque de rue s'installe dans un quartier populaire d'Oran "
            "avec des livres pour enfants et des ateliers de lecture à voix haute."
        ),
        "description": (
            "Notre bibliothèque de rue apporte des livres aux enfants là où il n'y a pas de "
            "bibliothèque : au pied des immeubles, dans les cours d'école le week-end. Des "
            "bénévoles lisent à voix haute, animent des jeux d'écriture et prêtent des livres.\n\n"
            "Nous collectons des livres neufs ou en bon état, **en arabe, en tamazight et en "
            "français**, pour les 4–12 ans."
        ),
        "language": "fr",
        "country": "DZ",
        "city": "Oran",
        "latitude": 35.7,
        "longitude": -0.63,
        "themes": ["education", "youth"],
        "status": "active",
        "join_policy": "open",
        "visibility": "public",
        "needs": [
            {
                "skill": "volunteer-management",
                "quantity": 1,
                "remote": False,
                "language": "fr",
                "description": "Organiser le planning des bénévoles lecteurs.",
                "until_days": None,
            },
        ],
        "updates": [],
        "events": [],
    },
    {
        "slug": "bejaia-beaches-citizen-survey",
        "title": "Suivi citoyen de la qualité des plages de Béjaïa",
        "summary": (
            "Pendant l'été, des jeunes volontaires ont recensé déchets et équipements sur 15 "
            "plages de Béjaïa et remis leurs observations aux autorités locales."
        ),
        "description": (
            "Chaque été, les plages de la wilaya de Béjaïa accueillent des milliers de visiteurs. "
            "Notre campagne estivale a mobilisé **120 volontaires** pour recenser les déchets, "
            "l'état des sanitaires et la présence de poubelles et de postes de secours.\n\n"
            "Le rapport final propose des mesures simples : plus de bacs de tri, une signalétique "
            "claire et des actions de sensibilisation avec les commerçants. La campagne est "
            "terminée ; elle pourrait reprendre l'été prochain."
        ),
        "language": "fr",
        "country": "DZ",
        "city": "Béjaïa",
        "latitude": 36.75,
        "longitude": 5.06,
        "themes": ["environment-climate", "youth"],
        "status": "completed",
        "join_policy": "open",
        "visibility": "public",
        "needs": [],
        "updates": [
            {
                "title": "Rapport de la campagne d'été",
                "body": (
                    "Le rapport est publié : **3,2 tonnes** de déchets ramassés et 15 fiches de "
                    "plage transmises aux communes."
                ),
                "members_only": False,
                "days_ago": 60,
            },
        ],
        "events": [],
    },
    {
        "slug": "constantine-women-disabilities-vocational",
        "title": "دورات تأهيل مهني للنساء ذوات الإعاقة في قسنطينة",
        "summary": (
            "تقدم المبادرة دورات في الحرف الرقمية والخياطة والمحاسبة البسيطة للنساء ذوات الإعاقة "
            "في قسنطينة وتساعدهن على الوصول إلى سوق العمل."
        ),
        "description": (
            "تواجه النساء ذوات الإعاقة صعوبات مضاعفة في الحصول على عمل. نقدم دورات قصيرة في "
            "**الإعلاميات والتصميم والخياطة والمحاسبة البسيطة**، في قاعات مهيأة ومع مرافقة "
            "شخصية لكل متدربة.\n\n"
            "نعمل مع أرباب عمل محليين لتوفير فرص تربص، ونرافق المتدربات في إعداد مشاريعهن الصغيرة. "
            "التسجيل بعد مقابلة قصيرة لتحديد الاحتياجات."
        ),
        "language": "ar",
        "country": "DZ",
        "city": "قسنطينة",
        "latitude": 36.37,
        "longitude": 6.61,
        "themes": ["disability-rights", "womens-rights", "labour-rights"],
        "status": "open",
        "join_policy": "approval",
        "visibility": "public",
        "needs": [
            {
                "skill": "mentoring-coaching",
                "quantity": 2,
                "remote": True,
                "language": "ar",
                "description": "مرافقة المتدربات في إعداد مشاريع صغيرة.",
                "until_days": None,
            },
            {
                "skill": "ux-accessibility-design",
                "quantity": 1,
                "remote": True,
                "language": "fr",
                "description": "تقييم إتاحة منصة التعلم عن بعد التي نستخدمها.",
                "until_days": 50,
            },
        ],
        "updates": [],
        "events": [],
    },
    {
        "slug": "derna-community-risk-mapping",
        "title": "الاستعداد للكوارث في درنة: خرائط مجتمعية للمخاطر",
        "summary": (
            "يرسم متطوعون من درنة خرائط للمخاطر في أحيائهم ويدربون السكان على الإسعافات "
            "الأولية وخطط الإخلاء."
        ),
        "description": (
            "بعد الفيضانات التي ضربت المدينة، قرر شباب من درنة العمل على **الوقاية والاستعداد**. "
            "نرسم مع السكان خرائط للمناطق المعرضة للخطر ونقاط التجمع الآمنة، ونشاركها مع السلطات "
            "المحلية والهلال الأحمر.\n\n"
            "كما ننظم دورات في الإسعافات الأولية في المدارس والمساجد ومراكز الشباب."
        ),
        "language": "ar",
        "country": "LY",
        "city": "درنة",
        "latitude": 32.76,
        "longitude": 22.64,
        "themes": ["environment-climate", "health", "youth"],
        "status": "active",
        "join_policy": "open",
        "visibility": "public",
        "needs": [
            {
                "skill": "gis-mapping",
                "quantity": 2,
                "remote": True,
                "language": "ar",
                "description": "تحويل الخرائط الورقية إلى خرائط رقمية قابلة للتحديث.",
                "until_days": 45,
            },
            {
                "skill": "first-aid-training",
                "quantity": 1,
                "remote": False,
                "language": "ar",
                "description": "مدرب معتمد لتدريب مجموعة جديدة من المتطوعين.",
                "until_days": 30,
            },
        ],
        "updates": [],
        "events": [
            {
                "title": "دورة إسعافات أولية للمتطوعين الجدد",
                "description": "دورة عملية ليوم واحد تنتهي بشهادة مشاركة.",
                "in_days": 12,
                "hour": 9,
                "duration_hours": 6,
                "time_zone": "Africa/Tripoli",
                "online": False,
                "capacity": 25,
            },
        ],
    },
    {
        "slug": "tripoli-community-newsroom-training",
        "title": "Tripoli community newsroom training",
        "summary": (
            "A six-month programme trains young Libyans from Tripoli's neighbourhoods to report "
            "accurately on local services, with mentoring from experienced editors."
        ),
        "description": (
            "Local news in Tripoli is dominated by rumours on social media. Our community newsroom "
            "trains young reporters to **verify before they publish** and to cover everyday "
            "issues: electricity cuts, water, schools, health centres.\n\n"
            "Participants produce short articles and videos under the guidance of volunteer "
            "editors, and learn to protect themselves and their sources."
        ),
        "language": "en",
        "country": "LY",
        "city": "Tripoli",
        "latitude": 32.89,
        "longitude": 13.19,
        "themes": ["media-freedom", "youth"],
        "status": "open",
        "join_policy": "open",
        "visibility": "public",
        "needs": [
            {
                "skill": "news-writing-editing",
                "quantity": 2,
                "remote": True,
                "language": "ar",
                "description": "Remote mentors to edit one trainee article per week.",
                "until_days": None,
            },
            {
                "skill": "fact-checking-verification",
                "quantity": 1,
                "remote": True,
                "language": "en",
                "description": "Run two online sessions on image and video verification.",
                "until_days": 35,
            },
            {
                "skill": "journalist-safety",
                "quantity": 1,
                "remote": True,
                "language": "ar",
                "description": "Help us adapt a basic safety module for local reporters.",
                "until_days": 60,
            },
        ],
        "updates": [],
        "events": [],
    },
    {
        "slug": "nouakchott-civil-status-legal-literacy",
        "title": "Alphabétisation juridique et état civil à Nouakchott",
        "summary": (
            "Des parajuristes aident les familles des quartiers périphériques de Nouakchott à "
            "obtenir actes de naissance et pièces d'identité, clés de l'accès à "
            "l'école et aux soins."
        ),
        "description": (
            "Sans acte de naissance ni carte d'identité, un enfant peut être empêché de passer ses "
            "examens et un adulte d'accéder aux soins ou à un emploi. Nos parajuristes "
            "accompagnent les familles dans les **démarches d'enrôlement à l'état civil**.\n\n"
            "Nous organisons aussi des séances d'information en hassaniya, en pulaar et en "
            "soninké, et documentons les obstacles rencontrés pour les signaler aux autorités."
        ),
        "language": "fr",
        "country": "MR",
        "city": "Nouakchott",
        "latitude": 18.08,
        "longitude": -15.98,
        "themes": ["justice-rule-of-law", "minority-rights", "human-rights"],
        "status": "active",
        "join_policy": "approval",
        "visibility": "public",
        "needs": [
            {
                "skill": "statelessness-civil-documentation",
                "quantity": 1,
                "remote": True,
                "language": "fr",
                "description": (
                    "Former nos parajuristes aux procédures d'enrôlement et aux recours."
                ),
                "until_days": 40,
            },
            {
                "skill": "policy-brief-report-writing",
                "quantity": 1,
                "remote": True,
                "language": "fr",
                "description": "Rédiger une note sur les obstacles documentés cette année.",
                "until_days": 75,
            },
        ],
        "updates": [
            {
                "title": "300 familles accompagnées",
                "body": (
                    "Depuis janvier, 300 familles ont été accompagnées ; 180 dossiers ont abouti."
                ),
                "members_only": False,
                "days_ago": 20,
            },
        ],
        "events": [],
    },
    {
        "slug": "nouadhibou-artisanal-fishing-coast",
        "title": "حماية الساحل والصيد التقليدي في نواذيبو",
        "summary": (
            "يوثق صيادون تقليديون وشباب من نواذيبو حالة الساحل والمخزون السمكي ويدافعون عن حقوق "
            "العاملين في الصيد التقليدي."
        ),
        "description": (
            "يعيش آلاف الأسر في نواذيبو من الصيد التقليدي، لكن تراجع المخزون السمكي وتلوث الساحل "
            "يهددان مصدر رزقهم. نجمع **ملاحظات الصيادين** اليومية حول الكميات والأنواع ونرصد "
            "التلوث على الشاطئ.\n\n"
            "كما ننظم لقاءات حول حقوق العاملين في الصيد: عقود العمل، والسلامة في البحر، "
            "والتغطية الاجتماعية."
        ),
        "language": "ar",
        "country": "MR",
        "city": "نواذيبو",
        "latitude": 20.94,
        "longitude": -17.04,
        "themes": ["environment-climate", "labour-rights"],
        "status": "open",
        "join_policy": "open",
        "visibility": "public",
        "needs": [
            {
                "skill": "database-design-management",
                "quantity": 1,
                "remote": True,
                "language": "fr",
                "description": "تصميم قاعدة بيانات بسيطة لتسجيل ملاحظات الصيادين.",
                "until_days": 50,
            },
        ],
        "updates": [],
        "events": [],
    },
    {
        "slug": "cairo-detainees-families-legal-support",
        "title": "مساندة قانونية لأسر المحتجزين في القاهرة",
        "summary": (
            "يقدم محامون ومتطوعون معلومات قانونية لأسر المحتجزين حول إجراءات الزيارة ومواعيد "
            "الجلسات والحق في الرعاية الصحية."
        ),
        "description": (
            "تواجه أسر المحتجزين صعوبات كبيرة في معرفة الإجراءات القانونية ومتابعة الجلسات. تقدم "
            "المبادرة **معلومات قانونية مجانية وسرية** حول تصاريح الزيارة، ومواعيد الجلسات، والحق "
            "في الرعاية الصحية، وطرق تقديم الطلبات إلى الجهات المختصة.\n\n"
            "كما نوفر جلسات دعم نفسي جماعية للأمهات والزوجات اللواتي يتحملن عبء المتابعة.\n\n"
            "هذه الصفحة متاحة للأعضاء فقط، ولا تُنشر أي بيانات عن الأسر أو القضايا."
        ),
        "language": "ar",
        "country": "EG",
        "city": "القاهرة",
        "latitude": 30.04,
        "longitude": 31.24,
        "themes": ["justice-rule-of-law", "human-rights"],
        "status": "active",
        "join_policy": "approval",
        "visibility": "members",
        "needs": [
            {
                "skill": "legal-aid-counselling",
                "quantity": 2,
                "remote": False,
                "language": "ar",
                "description": "محامون متطوعون لتقديم استشارات أسبوعية.",
                "until_days": None,
            },
            {
                "skill": "mental-health-psychosocial-support",
                "quantity": 1,
                "remote": True,
                "language": "ar",
                "description": "أخصائية نفسية لتيسير جلسات دعم جماعية عن بعد.",
                "until_days": 30,
            },
        ],
        "updates": [
            {
                "title": "دليل إجراءات الزيارة المحدّث",
                "body": (
                    "أصبح الدليل المحدّث لإجراءات الزيارة متاحًا للأعضاء. يرجى الاطلاع عليه قبل "
                    "جلسة الاستشارات القادمة."
                ),
                "members_only": True,
                "days_ago": 4,
            },
        ],
        "events": [],
    },
    {
        "slug": "minya-women-digital-literacy",
        "title": "محو الأمية الرقمية للنساء في المنيا",
        "summary": (
            "دورات قصيرة علّمت أكثر من مئتي امرأة في قرى المنيا استخدام الهاتف الذكي بأمان والوصول "
            "إلى الخدمات الحكومية الإلكترونية."
        ),
        "description": (
            "كثير من النساء في قرى محافظة المنيا لا يستخدمن الإنترنت إلا عبر أبنائهن. نظمت "
            "المبادرة **دورات قصيرة** في استخدام الهاتف الذكي، وحماية الحسابات، والتعرف على "
            "الاحتيال الإلكتروني، والوصول إلى الخدمات الحكومية عبر الإنترنت.\n\n"
            "انتهت الدورة الأولى بمشاركة 214 امرأة، وتُعد الفرق المحلية الآن مقترحًا لمرحلة ثانية."
        ),
        "language": "ar",
        "country": "EG",
        "city": "المنيا",
        "latitude": 28.1,
        "longitude": 30.75,
        "themes": ["womens-rights", "education", "digital-rights"],
        "status": "completed",
        "join_policy": "open",
        "visibility": "public",
        "needs": [],
        "updates": [
            {
                "title": "اختتام المرحلة الأولى",
                "body": (
                    "اختتمت المرحلة الأولى بحفل صغير في مركز الشباب. شكرا لجميع المدربات المتطوعات."
                ),
                "members_only": False,
                "days_ago": 35,
            },
        ],
        "events": [],
    },
    {
        "slug": "aswan-nile-water-quality-watch",
        "title": "مراقبة جودة مياه النيل في أسوان",
        "summary": (
            "يقيس شباب ومعلمون من أسوان مؤشرات بسيطة لجودة مياه النيل ويشاركون النتائج مع "
            "المدارس والسكان."
        ),
        "description": (
            "النيل مصدر الحياة في أسوان، لكن الصرف الزراعي والمخلفات تؤثر على جودة مياهه. تدرب "
            "المبادرة طلاب المدارس الثانوية ومعلمي العلوم على قياس **مؤشرات بسيطة**: درجة الحموضة، "
            "والعكارة، ودرجة الحرارة، والمخلفات الطافية.\n\n"
            "تُجمع القياسات في جدول مشترك وتُعرض في معرض سنوي، مع توصيات موجهة للسكان "
            "والجهات المحلية."
        ),
        "language": "ar",
        "country": "EG",
        "city": "أسوان",
        "latitude": 24.09,
        "longitude": 32.9,
        "themes": ["environment-climate", "health", "education"],
        "status": "active",
        "join_policy": "open",
        "visibility": "public",
        "needs": [
            {
                "skill": "data-analysis",
                "quantity": 1,
                "remote": True,
                "language": "ar",
                "description": "مساعدة الطلاب على تحليل قياسات عام كامل.",
                "until_days": 60,
            },
            {
                "skill": "data-visualisation",
                "quantity": 1,
                "remote": True,
                "language": "en",
                "description": "تصميم لوحات بسيطة لعرض النتائج في المعرض السنوي.",
                "until_days": 75,
            },
        ],
        "updates": [],
        "events": [],
    },
    {
        "slug": "alexandria-inclusive-classrooms",
        "title": "Alexandria inclusive classrooms project",
        "summary": (
            "Teachers and parents in Alexandria work with volunteers to make public primary "
            "classrooms welcoming for children with hearing and visual impairments."
        ),
        "description": (
            "Egyptian law supports the inclusion of children with disabilities in mainstream "
            "schools, but many teachers have had no training. Our project pairs **volunteer "
            "specialists** with primary-school teachers in Alexandria to adapt lessons, seating "
            "and materials.\n\n"
            "We also run a parents' circle where families share experience and learn about their "
            "children's rights at school."
        ),
        "language": "en",
        "country": "EG",
        "city": "Alexandria",
        "latitude": 31.2,
        "longitude": 29.92,
        "themes": ["education", "disability-rights"],
        "status": "active",
        "join_policy": "open",
        "visibility": "public",
        "needs": [
            {
                "skill": "sign-language-interpretation",
                "quantity": 1,
                "remote": False,
                "language": "ar",
                "description": "Egyptian Sign Language interpreter for monthly parents' circle.",
                "until_days": None,
            },
            {
                "skill": "curriculum-development",
                "quantity": 1,
                "remote": True,
                "language": "ar",
                "description": (
                    "Adapt grade 3 Arabic reading materials for children with low vision."
                ),
                "until_days": 45,
            },
        ],
        "updates": [],
        "events": [],
    },
    {
        "slug": "cairo-refugee-women-crafts-cooperative",
        "title": "Cairo refugee women's crafts and livelihoods cooperative",
        "summary": (
            "Refugee and Egyptian women in Cairo run a small embroidery and sewing cooperative "
            "that provides income, childcare and a place to learn about their rights."
        ),
        "description": (
            "Many refugee women in Cairo, from Sudan, Syria, Eritrea and elsewhere, struggle to "
            "find safe and decent work. Our cooperative brings them together with Egyptian "
            "neighbours to produce **embroidered textiles** sold at local fairs and online.\n\n"
            "Members share the income, take turns in a small childcare corner and attend monthly "
            "information sessions on residence procedures and labour rights."
        ),
        "language": "en",
        "country": "EG",
        "city": "Cairo",
        "latitude": 30.04,
        "longitude": 31.24,
        "themes": ["migration-refugees", "womens-rights", "labour-rights"],
        "status": "active",
        "join_policy": "open",
        "visibility": "public",
        "needs": [
            {
                "skill": "grant-writing",
                "quantity": 1,
                "remote": True,
                "language": "en",
                "description": "Help draft an application to a small livelihoods fund.",
                "until_days": 20,
            },
            {
                "skill": "graphic-design",
                "quantity": 1,
                "remote": True,
                "language": "en",
                "description": "Design labels and a simple catalogue for our products.",
                "until_days": 40,
            },
            {
                "skill": "residence-work-permits",
                "quantity": 1,
                "remote": True,
                "language": "ar",
                "description": "Lead one information session on residence renewal procedures.",
                "until_days": 55,
            },
        ],
        "updates": [],
        "events": [
            {
                "title": "Winter crafts fair",
                "description": (
                    "Come and meet the cooperative members and see this season's collection."
                ),
                "in_days": 27,
                "hour": 11,
                "duration_hours": 6,
                "time_zone": "Africa/Cairo",
                "online": False,
                "capacity": None,
            },
        ],
    },
    {
        "slug": "port-sudan-displaced-children-classes",
        "title": "فصول تعليمية مؤقتة للأطفال النازحين في بورتسودان",
        "summary": (
            "يدير معلمون نازحون ومتطوعون فصولًا مؤقتة في مراكز الإيواء ببورتسودان حتى لا ينقطع "
            "الأطفال عن التعلم."
        ),
        "description": (
            "نزح آلاف الأطفال مع أسرهم إلى بورتسودان وانقطعوا عن المدارس. يدير معلمون نازحون "
            "ومتطوعون من المدينة **فصولًا مؤقتة** في مراكز الإيواء لتعليم القراءة والحساب وتقديم "
            "أنشطة ترفيهية ودعم نفسي بسيط.\n\n"
            "نحتاج إلى مواد تعليمية مناسبة للتعليم في حالات الطوارئ وإلى تدريب المعلمين المتطوعين."
        ),
        "language": "ar",
        "country": "SD",
        "city": "بورتسودان",
        "latitude": 19.62,
        "longitude": 37.22,
        "themes": ["education", "migration-refugees", "youth"],
        "status": "active",
        "join_policy": "approval",
        "visibility": "public",
        "needs": [
            {
                "skill": "education-in-emergencies",
                "quantity": 2,
                "remote": True,
                "language": "ar",
                "description": "تدريب المعلمين المتطوعين على أساليب التعليم في حالات الطوارئ.",
                "until_days": 30,
            },
            {
                "skill": "curriculum-development",
                "quantity": 1,
                "remote": True,
                "language": "ar",
                "description": "إعداد حزمة دروس مكثفة في القراءة والحساب لمدة ثلاثة أشهر.",
                "until_days": 45,
            },
        ],
        "updates": [
            {
                "title": "افتتاح فصلين جديدين",
                "body": (
                    "افتتح فصلان جديدان في مركز إيواء ثالث، ليصل عدد الأطفال المسجلين إلى 340 طفلا."
                ),
                "members_only": False,
                "days_ago": 6,
            },
        ],
        "events": [],
    },
    {
        "slug": "gedaref-mobile-reproductive-health-clinic",
        "title": "عيادة متنقلة للصحة الإنجابية في القضارف",
        "summary": (
            "تزور عيادة متنقلة القرى ومراكز الإيواء حول القضارف لتقديم رعاية الحوامل والتوعية "
            "بالصحة الإنجابية."
        ),
        "description": (
            "مع ازدياد أعداد النازحين حول القضارف، أصبحت الخدمات الصحية للنساء شحيحة. تزور عيادتنا "
            "المتنقلة **خمسة مواقع أسبوعيًا** لتقديم رعاية ما قبل الولادة، والإحالة إلى المستشفى "
            "عند الحاجة، وجلسات توعية للنساء والفتيات.\n\n"
            "يعمل في العيادة قابلات وممرضات من المنطقة، ويُعتمد الانضمام بعد التحقق من المؤهلات."
        ),
        "language": "ar",
        "country": "SD",
        "city": "القضارف",
        "latitude": 14.03,
        "longitude": 35.38,
        "themes": ["health", "womens-rights", "migration-refugees"],
        "status": "active",
        "join_policy": "approval",
        "visibility": "public",
        "needs": [
            {
                "skill": "sexual-reproductive-health",
                "quantity": 1,
                "remote": False,
                "language": "ar",
                "description": "طبيبة أو قابلة للانضمام إلى الفريق لمدة شهر على الأقل.",
                "until_days": 20,
            },
            {
                "skill": "donor-reporting",
                "quantity": 1,
                "remote": True,
                "language": "en",
                "description": "المساعدة في إعداد التقرير الفصلي للجهة المانحة.",
                "until_days": 15,
            },
        ],
        "updates": [],
        "events": [],
    },
    {
        "slug": "kassala-community-radio-displaced-families",
        "title": "Kassala community radio for displaced families",
        "summary": (
            "A volunteer radio programme in Kassala shares verified practical information with "
            "displaced families: aid distributions, health services, school enrolment."
        ),
        "description": (
            "For displaced families arriving in Kassala, rumours spread faster than reliable "
            "information. Our weekly radio programme, also shared as voice notes, gives **verified "
            "practical information** in simple Arabic and in Tigre and Beja-language segments.\n\n"
            "Every item is checked with at least two sources before broadcast. Listeners can send "
            "questions, which we answer in the next programme."
        ),
        "language": "en",
        "country": "SD",
        "city": "Kassala",
        "latitude": 15.45,
        "longitude": 36.4,
        "themes": ["media-freedom", "migration-refugees"],
        "status": "active",
        "join_policy": "open",
        "visibility": "public",
        "needs": [
            {
                "skill": "podcast-radio-production",
                "quantity": 1,
                "remote": True,
                "language": "ar",
                "description": (
                    "Train two presenters in recording and editing on low-cost equipment."
                ),
                "until_days": 30,
            },
            {
                "skill": "arabic-english-translation",
                "quantity": 2,
                "remote": True,
                "language": "en",
                "description": (
                    "Translate humanitarian information notes from English into simple Arabic."
                ),
                "until_days": None,
            },
        ],
        "updates": [],
        "events": [],
    },
    {
        "slug": "mafraq-refugee-youth-coding-club",
        "title": "Mafraq refugee youth coding club",
        "summary": (
            "Syrian and Jordanian teenagers in Mafraq learn programming together after school and "
            "build small apps that solve problems in their community."
        ),
        "description": (
            "Our coding club meets three afternoons a week and welcomes **Syrian and Jordanian "
            "teenagers** aged 14 to 18. Beginners start with block-based programming; advanced "
            "members build web and mobile apps, such as a bus timetable for their town.\n\n"
            "Volunteer mentors, many of them from the diaspora, join online sessions to review "
            "code and talk about careers in technology."
        ),
        "language": "en",
        "country": "JO",
        "city": "Mafraq",
        "latitude": 32.34,
        "longitude": 36.21,
        "themes": ["youth", "migration-refugees", "education"],
        "status": "active",
        "join_policy": "open",
        "visibility": "public",
        "needs": [
            {
                "skill": "web-development",
                "quantity": 2,
                "remote": True,
                "language": "en",
                "description": "Online mentors to review student projects once a week.",
                "until_days": None,
            },
            {
                "skill": "mentoring-coaching",
                "quantity": 2,
                "remote": True,
                "language": "ar",
                "description": "Career talks with tech professionals, especially women engineers.",
                "until_days": 60,
            },
        ],
        "updates": [],
        "events": [
            {
                "title": "Online demo day",
                "description": (
                    "Students present the apps they built this term. Everyone is welcome to watch "
                    "and give feedback."
                ),
                "in_days": 19,
                "hour": 18,
                "duration_hours": 2,
                "time_zone": "Asia/Amman",
                "online": True,
                "capacity": 100,
            },
        ],
    },
    {
        "slug": "amman-journalists-digital-security-clinic",
        "title": "Amman digital security clinic for journalists",
        "summary": (
            "A monthly clinic where journalists and media workers get confidential, hands-on help "
            "securing their phones, accounts and communications."
        ),
        "description": (
            "Journalists are frequent targets of phishing, account takeovers and device "
            "compromise. Our clinic offers **one-to-one, confidential sessions** with trainers who "
            "check device settings, enable two-factor authentication and help build a personal "
            "security plan.\n\n"
            "Participants are verified by the organising team, and the details of who attends are "
            "never published."
        ),
        "language": "en",
        "country": "JO",
        "city": "Amman",
        "latitude": 31.95,
        "longitude": 35.93,
        "themes": ["digital-rights", "media-freedom"],
        "status": "active",
        "join_policy": "approval",
        "visibility": "members",
        "needs": [
            {
                "skill": "digital-security-training",
                "quantity": 2,
                "remote": False,
                "language": "ar",
                "description": "Trainers to run one-to-one sessions during the monthly clinic.",
                "until_days": None,
            },
            {
                "skill": "threat-modelling",
                "quantity": 1,
                "remote": True,
                "language": "en",
                "description": "Help us update our threat-modelling worksheet for freelancers.",
                "until_days": 40,
            },
            {
                "skill": "spyware-device-forensics",
                "quantity": 1,
                "remote": True,
                "language": "en",
                "description": "Be on call to analyse suspicious devices referred by the clinic.",
                "until_days": None,
            },
        ],
        "updates": [
            {
                "title": "Clinic schedule for the next quarter",
                "body": (
                    "Dates and booking instructions for the next three clinics are now "
                    "available to members."
                ),
                "members_only": True,
                "days_ago": 3,
            },
        ],
        "events": [],
    },
    {
        "slug": "irbid-accessible-public-transport-audit",
        "title": "Irbid accessible public transport audit",
        "summary": (
            "Wheelchair users, blind residents and volunteers are assessing bus stops, stations "
            "and minibuses in Irbid to propose affordable accessibility improvements."
        ),
        "description": (
            "Getting to university, work or a hospital in Irbid is hard for people with "
            "disabilities. Our mixed audit teams are rating **bus stops, stations and vehicles** "
            "using a checklist based on Jordan's accessibility building code.\n\n"
            "The findings will be presented to the municipality and transport operators with a "
            "list of quick, low-cost fixes and longer-term recommendations."
        ),
        "language": "en",
        "country": "JO",
        "city": "Irbid",
        "latitude": 32.56,
        "longitude": 35.85,
        "themes": ["disability-rights", "governance-anti-corruption"],
        "status": "active",
        "join_policy": "open",
        "visibility": "public",
        "needs": [
            {
                "skill": "survey-design-quantitative-research",
                "quantity": 1,
                "remote": True,
                "language": "en",
                "description": "Review our checklist and sampling plan.",
                "until_days": 25,
            },
            {
                "skill": "policy-brief-report-writing",
                "quantity": 1,
                "remote": True,
                "language": "en",
                "description": "Write the final recommendations brief for the municipality.",
                "until_days": 90,
            },
        ],
        "updates": [
            {
                "title": "Half-way there",
                "body": (
                    "We have audited 64 bus stops and 3 stations so far. Thank you to all "
                    "volunteers who joined in the heat!"
                ),
                "members_only": False,
                "days_ago": 14,
            },
        ],
        "events": [],
    },
    {
        "slug": "karak-local-youth-council",
        "title": "برلمان الشباب المحلي في الكرك",
        "summary": (
            "يحاكي شباب الكرك عمل المجلس البلدي ويناقشون قضايا مدينتهم ويقدمون توصياتهم إلى "
            "المجلس الحقيقي."
        ),
        "description": (
            "برلمان الشباب المحلي مساحة لشباب وشابات الكرك بين 16 و25 عامًا لمناقشة قضايا مدينتهم "
            "بطريقة منظمة. يتعلم المشاركون **إجراءات الجلسات** وصياغة التوصيات والتفاوض.\n\n"
            "في نهاية كل دورة، يُسلّم ملف التوصيات إلى المجلس البلدي ويُدعى أعضاؤه إلى جلسة "
            "استماع مفتوحة."
        ),
        "language": "ar",
        "country": "JO",
        "city": "الكرك",
        "latitude": 31.18,
        "longitude": 35.7,
        "themes": ["youth", "civic-space", "governance-anti-corruption"],
        "status": "open",
        "join_policy": "open",
        "visibility": "public",
        "needs": [
            {
                "skill": "workshop-facilitation",
                "quantity": 1,
                "remote": False,
                "language": "ar",
                "description": "تيسير جلسات التدريب على الحوار وصياغة التوصيات.",
                "until_days": 30,
            },
        ],
        "updates": [],
        "events": [
            {
                "title": "الجلسة الافتتاحية لبرلمان الشباب",
                "description": "انتخاب هيئة المكتب واختيار ملفات الدورة الجديدة.",
                "in_days": 11,
                "hour": 16,
                "duration_hours": 3,
                "time_zone": "Asia/Amman",
                "online": False,
                "capacity": 45,
            },
        ],
    },
    {
        "slug": "aqaba-coral-reef-guardians",
        "title": "حراس الشعاب المرجانية في العقبة",
        "summary": (
            "يتطوع غواصون وطلاب من العقبة لرصد الشعاب المرجانية وتنظيف الشاطئ وتوعية الزوار بحماية "
            "الحياة البحرية."
        ),
        "description": (
            "تضم العقبة بعضًا من أجمل الشعاب المرجانية في البحر الأحمر، لكنها تتأثر بالتلوث "
            "والسياحة غير المسؤولة. يرصد متطوعونا **صحة الشعاب** كل ثلاثة أشهر وفق بروتوكول علمي "
            "مبسط، وينظمون حملات تنظيف للشاطئ وقاع البحر.\n\n"
            "كما نزور المدارس ونتحدث مع أصحاب القوارب السياحية حول الممارسات الصديقة للبيئة."
        ),
        "language": "ar",
        "country": "JO",
        "city": "العقبة",
        "latitude": 29.53,
        "longitude": 35.01,
        "themes": ["environment-climate", "education"],
        "status": "active",
        "join_policy": "open",
        "visibility": "public",
        "needs": [
            {
                "skill": "photography",
                "quantity": 1,
                "remote": False,
                "language": "ar",
                "description": "تصوير تحت الماء لتوثيق حالة الشعاب في نقاط الرصد.",
                "until_days": 50,
            },
        ],
        "updates": [],
        "events": [
            {
                "title": "حملة تنظيف الشاطئ الجنوبي",
                "description": "حملة تنظيف مفتوحة للجميع. نوفر القفازات والأكياس.",
                "in_days": 5,
                "hour": 8,
                "duration_hours": 3,
                "time_zone": "Asia/Amman",
                "online": False,
                "capacity": None,
            },
        ],
    },
    {
        "slug": "beirut-missing-persons-oral-archive",
        "title": "Archives orales des familles de personnes disparues à Beyrouth",
        "summary": (
            "Des bénévoles recueillent les témoignages des familles de personnes disparues pendant "
            "la guerre civile pour préserver leur mémoire et soutenir leur droit de savoir."
        ),
        "description": (
            "Des milliers de familles au Liban attendent encore de connaître le sort de leurs "
            "proches disparus pendant la guerre. Notre initiative recueille, avec leur "
            "**consentement éclairé**, les témoignages de ces familles : souvenirs, démarches "
            "effectuées, attentes.\n\n"
            "Les archives sont conservées de manière sécurisée et les familles décident de ce qui "
            "peut être rendu public. Nous soutenons ainsi le travail des mécanismes nationaux "
            "chargés de la recherche des personnes disparues."
        ),
        "language": "fr",
        "country": "LB",
        "city": "Beyrouth",
        "latitude": 33.89,
        "longitude": 35.5,
        "themes": ["transitional-justice", "human-rights"],
        "status": "active",
        "join_policy": "approval",
        "visibility": "public",
        "needs": [
            {
                "skill": "qualitative-research-interviewing",
                "quantity": 2,
                "remote": False,
                "language": "ar",
                "description": (
                    "Mener des entretiens avec les familles, après une formation interne."
                ),
                "until_days": None,
            },
            {
                "skill": "database-design-management",
                "quantity": 1,
                "remote": True,
                "language": "fr",
                "description": "Améliorer notre base d'archives (accès restreint, métadonnées).",
                "until_days": 45,
            },
            {
                "skill": "cultural-heritage-documentation",
                "quantity": 1,
                "remote": True,
                "language": "fr",
                "description": "Conseiller sur la conservation à long terme des enregistrements.",
                "until_days": None,
            },
        ],
        "updates": [
            {
                "title": "Cent témoignages recueillis",
                "body": (
                    "Nous avons franchi le cap des cent témoignages. Merci aux familles pour "
                    "leur confiance."
                ),
                "members_only": False,
                "days_ago": 25,
            },
        ],
        "events": [],
    },
    {
        "slug": "tyre-coast-sea-turtles-protection",
        "title": "Protection de la côte de Tyr et de ses tortues marines",
        "summary": (
            "Des bénévoles surveillent les nids de tortues marines sur les plages de Tyr et "
            "sensibilisent baigneurs et pêcheurs à la protection du littoral."
        ),
        "description": (
            "Les plages du sud de Tyr accueillent chaque été des nids de tortues caouannes et "
            "vertes. Nos bénévoles **patrouillent à l'aube**, protègent les nids repérés et "
            "relèvent les données d'éclosion en lien avec des biologistes.\n\n"
            "Nous menons aussi des actions de sensibilisation auprès des baigneurs, des "
            "restaurateurs de plage et des pêcheurs, et ramassons les déchets plastiques."
        ),
        "language": "fr",
        "country": "LB",
        "city": "Tyr",
        "latitude": 33.27,
        "longitude": 35.2,
        "themes": ["environment-climate", "youth"],
        "status": "open",
        "join_policy": "open",
        "visibility": "public",
        "needs": [
            {
                "skill": "volunteer-management",
                "quantity": 1,
                "remote": False,
                "language": "fr",
                "description": "Coordonner le planning des patrouilles de l'été.",
                "until_days": 60,
            },
            {
                "skill": "graphic-design",
                "quantity": 1,
                "remote": True,
                "language": "fr",
                "description": "Créer des panneaux de sensibilisation trilingues.",
                "until_days": 45,
            },
        ],
        "updates": [],
        "events": [
            {
                "title": "Formation des patrouilleurs bénévoles",
                "description": (
                    "Formation d'une matinée : repérage des traces, protection des nids, "
                    "collecte de données."
                ),
                "in_days": 22,
                "hour": 9,
                "duration_hours": 3,
                "time_zone": "Asia/Beirut",
                "online": False,
                "capacity": 25,
            },
        ],
    },
    {
        "slug": "bekaa-local-media-fact-checking",
        "title": "Médias locaux de la Békaa : formation à la vérification des faits",
        "summary": (
            "Des journalistes de radios et de sites locaux de la Békaa se forment à la "
            "vérification des faits et publient ensemble une rubrique de vérification hebdomadaire."
        ),
        "description": (
            "Dans la Békaa, les médias locaux disposent de peu de moyens pour vérifier les "
            "informations qui circulent. Notre programme réunit **six rédactions locales** autour "
            "d'ateliers pratiques : recherche d'images inversée, géolocalisation, "
            "vérification des chiffres.\n\n"
            "Les participants publient une rubrique commune de vérification, reprise par chaque "
            "rédaction partenaire."
        ),
        "language": "fr",
        "country": "LB",
        "city": "Zahlé",
        "latitude": 33.85,
        "longitude": 35.9,
        "themes": ["media-freedom", "digital-rights"],
        "status": "active",
        "join_policy": "open",
        "visibility": "public",
        "needs": [
            {
                "skill": "fact-checking-verification",
                "quantity": 1,
                "remote": True,
                "language": "fr",
                "description": "Animer un atelier avancé en ligne sur la vérification de vidéos.",
                "until_days": 30,
            },
            {
                "skill": "open-source-investigation",
                "quantity": 1,
                "remote": True,
                "language": "en",
                "description": "Mentorer deux journalistes sur une enquête en sources ouvertes.",
                "until_days": 60,
            },
        ],
        "updates": [],
        "events": [
            {
                "title": "Atelier : vérifier une vidéo virale",
                "description": "Atelier pratique avec exercices sur des vidéos récentes.",
                "in_days": 15,
                "hour": 10,
                "duration_hours": 3,
                "time_zone": "Asia/Beirut",
                "online": False,
                "capacity": 20,
            },
        ],
    },
    {
        "slug": "tripoli-youth-dialogue-safe-space",
        "title": "مساحة آمنة للحوار بين الشباب في طرابلس",
        "summary": (
            "تجمع المبادرة شبابًا من أحياء طرابلس المختلفة في لقاءات حوار ومشاريع فنية مشتركة "
            "لتخفيف التوتر وبناء الثقة."
        ),
        "description": (
            "عاشت أحياء في طرابلس سنوات من التوتر والانقسام. توفر مبادرتنا **مساحة آمنة** يلتقي "
            "فيها شباب وشابات من أحياء مختلفة في جلسات حوار ميسّرة، ومشاريع فنية مشتركة كالمسرح "
            "والتصوير والرسم على الجدران.\n\n"
            "يتدرب المشاركون أيضًا على مهارات الوساطة وحل النزاعات ليكونوا صلة وصل داخل أحيائهم."
        ),
        "language": "ar",
        "country": "LB",
        "city": "طرابلس",
        "latitude": 34.44,
        "longitude": 35.83,
        "themes": ["youth", "civic-space"],
        "status": "active",
        "join_policy": "open",
        "visibility": "public",
        "needs": [
            {
                "skill": "dialogue-mediation",
                "quantity": 1,
                "remote": False,
                "language": "ar",
                "description": "ميسّر أو ميسّرة بخبرة في الحوار المجتمعي.",
                "until_days": 40,
            },
            {
                "skill": "theatre-performing-arts",
                "quantity": 1,
                "remote": False,
                "language": "ar",
                "description": "إرشاد مجموعة المسرح في إعداد عرضها الأول.",
                "until_days": 70,
            },
        ],
        "updates": [],
        "events": [],
    },
    {
        "slug": "beirut-migrant-domestic-workers-helpline",
        "title": "Beirut migrant domestic workers' legal helpline",
        "summary": (
            "A multilingual helpline gives migrant domestic workers in Lebanon free legal "
            "information on unpaid wages, confiscated documents and contract disputes."
        ),
        "description": (
            "Migrant domestic workers in Lebanon often face unpaid wages, confiscated passports "
            "and isolation. Our helpline, staffed by trained volunteers, answers calls and "
            "messages in **English, French, Amharic, Tagalog and Arabic**.\n\n"
            "Volunteers explain workers' options, refer them to lawyers and health services, and "
            "record anonymised data on common violations for advocacy."
        ),
        "language": "en",
        "country": "LB",
        "city": "Beirut",
        "latitude": 33.89,
        "longitude": 35.5,
        "themes": ["labour-rights", "migration-refugees", "womens-rights"],
        "status": "active",
        "join_policy": "approval",
        "visibility": "public",
        "needs": [
            {
                "skill": "legal-aid-counselling",
                "quantity": 1,
                "remote": True,
                "language": "en",
                "description": "Lawyer to supervise helpline volunteers on difficult cases.",
                "until_days": None,
            },
            {
                "skill": "community-interpreting",
                "quantity": 2,
                "remote": True,
                "language": "en",
                "description": (
                    "Interpreters for Amharic or Tagalog calls (working language English)."
                ),
                "until_days": 30,
            },
        ],
        "updates": [
            {
                "title": "Annual figures",
                "body": (
                    "The helpline handled 1,240 requests this year. Unpaid wages remain the "
                    "most common issue."
                ),
                "members_only": False,
                "days_ago": 30,
            },
            {
                "title": "Volunteer roster",
                "body": "The roster for next month is available in the members' area.",
                "members_only": True,
                "days_ago": 2,
            },
        ],
        "events": [],
    },
    {
        "slug": "beirut-housing-rights-map",
        "title": "Beirut housing rights map after the port explosion",
        "summary": (
            "Residents and volunteers mapped damaged homes and tenancy situations in "
            "neighbourhoods near Beirut's port to help families defend their right to return."
        ),
        "description": (
            "After the port explosion, many tenants in the neighbourhoods near the port risked "
            "losing their homes as buildings were repaired or sold. Our volunteers **mapped "
            "damaged buildings** and documented, with residents' consent, tenancy arrangements "
            "and repair needs.\n\n"
            "The data supported legal advice for families and policy proposals on tenant "
            "protection. The mapping phase is complete; the anonymised data set is available to "
            "researchers on request."
        ),
        "language": "en",
        "country": "LB",
        "city": "Beirut",
        "latitude": 33.89,
        "longitude": 35.5,
        "themes": ["justice-rule-of-law", "governance-anti-corruption"],
        "status": "completed",
        "join_policy": "open",
        "visibility": "public",
        "needs": [],
        "updates": [
            {
                "title": "Final report",
                "body": (
                    "Our final report and anonymised maps are published. **Key finding**: a "
                    "majority of surveyed tenants had no written lease."
                ),
                "members_only": False,
                "days_ago": 90,
            },
        ],
        "events": [],
    },
    {
        "slug": "hebron-workers-rights-legal-clinic",
        "title": "عيادة قانونية لحقوق العمال في الخليل",
        "summary": (
            "يقدم محامون متطوعون وطلاب قانون استشارات مجانية للعمال والعاملات في الخليل حول الأجور "
            "وإصابات العمل ومكافأة نهاية الخدمة."
        ),
        "description": (
            "يعمل كثير من العمال في مصانع الخليل ومحاجرها دون عقود مكتوبة، ويجهلون حقوقهم عند "
            "الإصابة أو الفصل. تقدم عيادتنا **استشارات قانونية مجانية** مرتين أسبوعيًا، وتساعد "
            "العمال على تقديم الشكاوى إلى الجهات المختصة.\n\n"
            "كما ينظم طلاب القانون المتطوعون جلسات توعية في مواقع العمل حول قانون العمل "
            "والسلامة المهنية."
        ),
        "language": "ar",
        "country": "PS",
        "city": "الخليل",
        "latitude": 31.53,
        "longitude": 35.1,
        "themes": ["labour-rights", "justice-rule-of-law"],
        "status": "active",
        "join_policy": "approval",
        "visibility": "public",
        "needs": [
            {
                "skill": "legal-aid-counselling",
                "quantity": 1,
                "remote": False,
                "language": "ar",
                "description": "محامٍ أو محامية للإشراف على طلاب القانون المتطوعين.",
                "until_days": None,
            },
            {
                "skill": "policy-analysis",
                "quantity": 1,
                "remote": True,
                "language": "ar",
                "description": "تحليل الثغرات في تطبيق أحكام السلامة المهنية.",
                "until_days": 60,
            },
        ],
        "updates": [],
        "events": [
            {
                "title": "جلسة توعية: إصابات العمل وحقوق العامل",
                "description": "جلسة مفتوحة للعمال والعاملات مع محامٍ متطوع.",
                "in_days": 7,
                "hour": 17,
                "duration_hours": 2,
                "time_zone": "Asia/Hebron",
                "online": False,
                "capacity": 50,
            },
        ],
    },
    {
        "slug": "nablus-villages-mobile-libraries",
        "title": "مكتبات متنقلة للأطفال في قرى محافظة نابلس",
        "summary": (
            "تنقل المبادرة صناديق الكتب وأنشطة القراءة إلى مدارس القرى ومراكزها المجتمعية "
            "في محافظة نابلس."
        ),
        "description": (
            "في كثير من قرى محافظة نابلس لا توجد مكتبة عامة. تحمل مكتباتنا المتنقلة **صناديق كتب** "
            "تتبدل كل شهر، ويرافقها متطوعون ينظمون ساعات قراءة وورش كتابة ورسم للأطفال.\n\n"
            "نعمل مع المدارس والمجالس القروية، ونشجع الأهالي على التطوع في القراءة للأطفال."
        ),
        "language": "ar",
        "country": "PS",
        "city": "نابلس",
        "latitude": 32.22,
        "longitude": 35.26,
        "themes": ["education", "youth"],
        "status": "active",
        "join_policy": "open",
        "visibility": "public",
        "needs": [
            {
                "skill": "illustration-comics",
                "quantity": 1,
                "remote": True,
                "language": "ar",
                "description": "رسم غلاف وملصقات لحملة جمع الكتب.",
                "until_days": 30,
            },
            {
                "skill": "crowdfunding-individual-giving",
                "quantity": 1,
                "remote": True,
                "language": "en",
                "description": "مساعدة في إطلاق حملة تمويل جماعي لشراء كتب جديدة.",
                "until_days": 45,
            },
        ],
        "updates": [],
        "events": [],
    },
    {
        "slug": "gaza-psychosocial-support-women-children",
        "title": "دعم نفسي اجتماعي للنساء والأطفال في غزة",
        "summary": (
            "يقدم أخصائيون نفسيون ومتطوعون مدرَّبون جلسات دعم جماعية للنساء والأطفال في غزة "
            "ويدربون ميسّرين جددًا من المجتمع."
        ),
        "description": (
            "يعيش الأطفال والنساء في غزة ضغوطًا نفسية هائلة. يقدم فريقنا **جلسات دعم جماعية** "
            "وأنشطة لعب علاجي للأطفال، ومجموعات دعم للأمهات.\n\n"
            "ولأن الحاجة تفوق بكثير عدد المختصين، ندرّب ميسّرين من المجتمع على الإسعافات النفسية "
            "الأولية، بإشراف عن بعد من أخصائيين متطوعين."
        ),
        "language": "ar",
        "country": "PS",
        "city": "غزة",
        "latitude": 31.5,
        "longitude": 34.47,
        "themes": ["health", "womens-rights", "youth"],
        "status": "active",
        "join_policy": "approval",
        "visibility": "public",
        "needs": [
            {
                "skill": "mental-health-psychosocial-support",
                "quantity": 2,
                "remote": True,
                "language": "ar",
                "description": "إشراف سريري عن بعد على الميسّرين المجتمعيين.",
                "until_days": None,
            },
            {
                "skill": "training-of-trainers",
                "quantity": 1,
                "remote": True,
                "language": "ar",
                "description": "تطوير برنامج تدريب مدربين في الإسعافات النفسية الأولية.",
                "until_days": 30,
            },
        ],
        "updates": [
            {
                "title": "تدريب مجموعة جديدة من الميسّرين",
                "body": (
                    "أنهت مجموعة جديدة من 18 ميسّرًا وميسّرة التدريب، وبدأت جلساتها هذا الأسبوع."
                ),
                "members_only": False,
                "days_ago": 8,
            },
        ],
        "events": [
            {
                "title": "جلسة إشراف جماعية عبر الإنترنت",
                "description": "جلسة إشراف شهرية للميسّرين مع أخصائيين متطوعين.",
                "in_days": 4,
                "hour": 15,
                "duration_hours": 2,
                "time_zone": "Asia/Gaza",
                "online": True,
                "capacity": 30,
            },
        ],
    },
    {
        "slug": "ramallah-youth-media-lab",
        "title": "Ramallah youth media lab: fact-checking local news",
        "summary": (
            "Young Palestinians in Ramallah learn to check viral claims, produce short explainer "
            "videos and teach media literacy to younger students."
        ),
        "description": (
            "Our media lab gives students and young graduates the tools to **check what they "
            "share**. Participants learn verification techniques, ethical reporting and short "
            "video production, then run media-literacy sessions in schools.\n\n"
            "The lab also publishes a weekly fact-check round-up on local rumours about public "
            "services and health."
        ),
        "language": "en",
        "country": "PS",
        "city": "Ramallah",
        "latitude": 31.9,
        "longitude": 35.2,
        "themes": ["media-freedom", "youth", "digital-rights"],
        "status": "open",
        "join_policy": "open",
        "visibility": "public",
        "needs": [
            {
                "skill": "media-digital-literacy",
                "quantity": 1,
                "remote": True,
                "language": "ar",
                "description": "Help adapt a media-literacy lesson plan for 12–15 year-olds.",
                "until_days": 40,
            },
            {
                "skill": "video-production",
                "quantity": 1,
                "remote": True,
                "language": "en",
                "description": (
                    "Give feedback on our explainer videos and run one editing workshop."
                ),
                "until_days": 50,
            },
        ],
        "updates": [],
        "events": [
            {
                "title": "Open session: how to spot a fake screenshot",
                "description": "A hands-on session for anyone curious about verification.",
                "in_days": 12,
                "hour": 17,
                "duration_hours": 2,
                "time_zone": "Asia/Hebron",
                "online": False,
                "capacity": 35,
            },
        ],
    },
    {
        "slug": "bethlehem-schools-rainwater-harvesting",
        "title": "Bethlehem schools rainwater harvesting",
        "summary": (
            "Students, teachers and local engineers install and maintain rainwater harvesting "
            "systems in Bethlehem-area schools and learn about water conservation."
        ),
        "description": (
            "Water shortages hit Bethlehem-area schools hardest in early summer. With volunteer "
            "engineers, we help schools install **rooftop rainwater harvesting systems** and train "
            "student water committees to maintain them.\n\n"
            "Each participating school also runs a water-saving campaign, tracking its consumption "
            "month by month."
        ),
        "language": "en",
        "country": "PS",
        "city": "Bethlehem",
        "latitude": 31.7,
        "longitude": 35.2,
        "themes": ["environment-climate", "education"],
        "status": "active",
        "join_policy": "open",
        "visibility": "public",
        "needs": [
            {
                "skill": "project-budgeting",
                "quantity": 1,
                "remote": True,
                "language": "en",
                "description": (
                    "Prepare a cost estimate for installing systems in five more schools."
                ),
                "until_days": 35,
            },
        ],
        "updates": [],
        "events": [],
    },
    {
        "slug": "homs-housing-land-property-documentation",
        "title": "توثيق حقوق السكن والأرض والملكية للعائدين في حمص",
        "summary": (
            "يساعد محامون ومتطوعون الأسر العائدة إلى حمص على جمع وثائق ملكية منازلها "
            "وأراضيها وحفظها بأمان."
        ),
        "description": (
            "فقدت كثير من الأسر وثائق ملكية منازلها وأراضيها خلال سنوات النزاع والنزوح. تساعد "
            "المبادرة الأسر العائدة على **جمع الأدلة المتاحة** (عقود، فواتير، شهادات الجيران) وحفظ "
            "نسخ منها بشكل آمن.\n\n"
            "كما نقدم معلومات قانونية حول إجراءات استخراج الوثائق المدنية وتثبيت الملكية.\n\n"
            "الصفحة متاحة للأعضاء فقط، ولا تُنشر أي بيانات شخصية."
        ),
        "language": "ar",
        "country": "SY",
        "city": "حمص",
        "latitude": 34.73,
        "longitude": 36.72,
        "themes": ["justice-rule-of-law", "transitional-justice", "human-rights"],
        "status": "active",
        "join_policy": "approval",
        "visibility": "members",
        "needs": [
            {
                "skill": "human-rights-documentation",
                "quantity": 1,
                "remote": True,
                "language": "ar",
                "description": "مراجعة منهجية التوثيق ونماذج الموافقة المستنيرة.",
                "until_days": 30,
            },
            {
                "skill": "statelessness-civil-documentation",
                "quantity": 1,
                "remote": True,
                "language": "ar",
                "description": "خبرة في إجراءات استخراج الوثائق المدنية المفقودة.",
                "until_days": None,
            },
            {
                "skill": "database-design-management",
                "quantity": 1,
                "remote": True,
                "language": "en",
                "description": "تصميم نظام مشفّر لحفظ نسخ الوثائق.",
                "until_days": 45,
            },
        ],
        "updates": [
            {
                "title": "تحديث نموذج الموافقة",
                "body": (
                    "اعتُمد نموذج الموافقة المستنيرة الجديد. يرجى من جميع المتطوعين استخدامه "
                    "اعتبارًا من الأسبوع القادم."
                ),
                "members_only": True,
                "days_ago": 10,
            },
        ],
        "events": [],
    },
    {
        "slug": "aleppo-inclusive-schools-rehabilitation",
        "title": "مدارس دامجة للأطفال ذوي الإعاقة في حلب",
        "summary": (
            "يعمل مهندسون ومعلمون متطوعون على جعل المدارس التي يعاد تأهيلها في حلب مهيأة لاستقبال "
            "الأطفال ذوي الإعاقة."
        ),
        "description": (
            "مع إعادة تأهيل المدارس في حلب، هناك فرصة لجعلها **دامجة منذ البداية**: منحدرات، "
            "ودورات مياه مهيأة، وفصول مجهزة للأطفال ذوي الإعاقة السمعية والبصرية.\n\n"
            "نقدم للجهات المنفذة تقييمات مجانية للمخططات، وندرب المعلمين على أساليب التعليم "
            "الدامج، ونعمل مع الأسر لتسجيل أطفالها في المدارس."
        ),
        "language": "ar",
        "country": "SY",
        "city": "حلب",
        "latitude": 36.2,
        "longitude": 37.16,
        "themes": ["disability-rights", "education"],
        "status": "open",
        "join_policy": "open",
        "visibility": "public",
        "needs": [
            {
                "skill": "ux-accessibility-design",
                "quantity": 1,
                "remote": True,
                "language": "ar",
                "description": "مراجعة المخططات الهندسية وفق معايير الإتاحة.",
                "until_days": 40,
            },
            {
                "skill": "training-of-trainers",
                "quantity": 1,
                "remote": True,
                "language": "ar",
                "description": "إعداد برنامج تدريبي للمعلمين حول التعليم الدامج.",
                "until_days": 60,
            },
        ],
        "updates": [],
        "events": [],
    },
    {
        "slug": "qamishli-multilingual-heritage-archive",
        "title": "Qamishli multilingual heritage archive",
        "summary": (
            "Volunteers in Qamishli record songs, stories and family histories in Kurdish, Syriac, "
            "Arabic and Armenian to preserve the city's shared heritage."
        ),
        "description": (
            "Qamishli has long been home to Kurds, Arabs, Syriacs, Armenians and others. Our "
            "volunteers record **songs, stories and family histories** in each community's "
            "language, with the consent of the speakers.\n\n"
            "Recordings are transcribed, translated and catalogued, and selected pieces are shared "
            "at public listening evenings that bring neighbours from different "
            "communities together."
        ),
        "language": "en",
        "country": "SY",
        "city": "Qamishli",
        "latitude": 37.05,
        "longitude": 41.23,
        "themes": ["minority-rights", "education"],
        "status": "active",
        "join_policy": "open",
        "visibility": "public",
        "needs": [
            {
                "skill": "arabic-kurdish-translation",
                "quantity": 2,
                "remote": True,
                "language": "ku",
                "description": "Translate Kurmanji transcripts into Arabic.",
                "until_days": None,
            },
            {
                "skill": "cultural-heritage-documentation",
                "quantity": 1,
                "remote": True,
                "language": "en",
                "description": "Advise on cataloguing standards for oral history recordings.",
                "until_days": 60,
            },
        ],
        "updates": [],
        "events": [
            {
                "title": "Online listening evening",
                "description": (
                    "Selected recordings with live commentary from the volunteers who made them."
                ),
                "in_days": 24,
                "hour": 19,
                "duration_hours": 2,
                "time_zone": "Asia/Damascus",
                "online": True,
                "capacity": None,
            },
        ],
    },
    {
        "slug": "mosul-families-of-missing-support",
        "title": "مساندة عائلات المفقودين في الموصل",
        "summary": (
            "ترافق المبادرة عائلات المفقودين في الموصل في الإجراءات الرسمية للإبلاغ والبحث، وتقدم "
            "لها دعمًا نفسيًا وقانونيًا."
        ),
        "description": (
            "لا تزال آلاف العائلات في نينوى تبحث عن مصير أبنائها المفقودين. نساعد العائلات على "
            "**تسجيل البلاغات** لدى الجهات الرسمية المختصة، ومتابعة ملفاتها، والحصول على الوثائق "
            "اللازمة لحقوقها المدنية كالإرث والرعاية الاجتماعية.\n\n"
            "كما ننظم مجموعات دعم نفسي للأمهات والزوجات.\n\n"
            "المعلومات الخاصة بالعائلات لا تُنشر أبدًا، والصفحة متاحة للأعضاء فقط."
        ),
        "language": "ar",
        "country": "IQ",
        "city": "الموصل",
        "latitude": 36.34,
        "longitude": 43.13,
        "themes": ["transitional-justice", "human-rights", "justice-rule-of-law"],
        "status": "active",
        "join_policy": "approval",
        "visibility": "members",
        "needs": [
            {
                "skill": "human-rights-documentation",
                "quantity": 1,
                "remote": True,
                "language": "ar",
                "description": "تحسين استمارات التوثيق الخاصة بالعائلات.",
                "until_days": 45,
            },
            {
                "skill": "mental-health-psychosocial-support",
                "quantity": 1,
                "remote": False,
                "language": "ar",
                "description": "تيسير مجموعة دعم نفسي شهرية للأمهات.",
                "until_days": None,
            },
        ],
        "updates": [
            {
                "title": "اجتماع التنسيق الشهري",
                "body": "محضر اجتماع التنسيق الشهري متاح للأعضاء.",
                "members_only": True,
                "days_ago": 6,
            },
        ],
        "events": [],
    },
    {
        "slug": "basra-shatt-al-arab-environmental-watch",
        "title": "مرصد شط العرب البيئي في البصرة",
        "summary": (
            "يرصد متطوعون من البصرة ملوحة مياه شط العرب وحالة ضفافه، وينشرون تقارير شهرية مبسطة "
            "للسكان والمزارعين."
        ),
        "description": (
            "تزايدت ملوحة مياه شط العرب في السنوات الأخيرة، ما أثر على الزراعة وبساتين النخيل "
            "ومياه الشرب. يقيس متطوعونا **ملوحة المياه** أسبوعيًا في نقاط محددة على طول النهر، "
            "ويوثقون حالة الضفاف.\n\n"
            "ننشر تقريرًا شهريًا مبسطًا، ونعمل مع المزارعين على تكييف ممارساتهم مع شح "
            "المياه العذبة."
        ),
        "language": "ar",
        "country": "IQ",
        "city": "البصرة",
        "latitude": 30.51,
        "longitude": 47.78,
        "themes": ["environment-climate", "health"],
        "status": "active",
        "join_policy": "open",
        "visibility": "public",
        "needs": [
            {
                "skill": "data-analysis",
                "quantity": 1,
                "remote": True,
                "language": "ar",
                "description": "تحليل بيانات الملوحة وربطها بمواسم المد والجزر.",
                "until_days": 45,
            },
            {
                "skill": "gis-mapping",
                "quantity": 1,
                "remote": True,
                "language": "en",
                "description": "إعداد خريطة تفاعلية لنقاط الرصد.",
                "until_days": 60,
            },
        ],
        "updates": [
            {
                "title": "تقرير الشهر",
                "body": (
                    "سُجلت أعلى نسبة ملوحة هذا العام في نقطة الرصد الجنوبية. التفاصيل في "
                    "التقرير المرفق."
                ),
                "members_only": False,
                "days_ago": 13,
            },
        ],
        "events": [
            {
                "title": "يوم رصد مفتوح على ضفاف شط العرب",
                "description": "تعرّفوا على طريقة القياس وشاركوا في جولة رصد مع الفريق.",
                "in_days": 10,
                "hour": 8,
                "duration_hours": 3,
                "time_zone": "Asia/Baghdad",
                "online": False,
                "capacity": 30,
            },
        ],
    },
    {
        "slug": "najaf-youth-civic-education-initiatives",
        "title": "المبادرات الشبابية للتربية المدنية في النجف",
        "summary": (
            "برنامج للشباب في النجف يربط المبادرات الطلابية بالمدارس والجامعات لتعلم المواطنة "
            "والمشاركة في الشأن المحلي."
        ),
        "description": (
            "تدعم هذه المبادرة مجموعات من الطلاب والطالبات في النجف لتنفيذ **مشاريع مدنية صغيرة** "
            "في مدارسهم وأحيائهم: حملات نظافة، ومناظرات، وزيارات إلى المجالس المحلية.\n\n"
            "يتلقى المشاركون تدريبًا على أساسيات المواطنة وحقوق الإنسان والتخطيط للمشاريع، ويقدمون "
            "نتائجهم في ملتقى سنوي للشباب."
        ),
        "language": "ar",
        "country": "IQ",
        "city": "النجف",
        "latitude": 32.03,
        "longitude": 44.35,
        "themes": ["youth", "education", "civic-space"],
        "status": "open",
        "join_policy": "open",
        "visibility": "public",
        "needs": [
            {
                "skill": "human-rights-education",
                "quantity": 1,
                "remote": True,
                "language": "ar",
                "description": "إعداد جلستين تفاعليتين عن حقوق الإنسان للطلاب.",
                "until_days": 30,
            },
            {
                "skill": "mentoring-coaching",
                "quantity": 2,
                "remote": True,
                "language": "ar",
                "description": "إرشاد فرق الطلاب خلال تنفيذ مشاريعهم.",
                "until_days": None,
            },
        ],
        "updates": [],
        "events": [
            {
                "title": "الملتقى السنوي للشباب",
                "description": "عرض مشاريع الفرق الطلابية وتكريم المشاركين.",
                "in_days": 40,
                "hour": 10,
                "duration_hours": 4,
                "time_zone": "Asia/Baghdad",
                "online": False,
                "capacity": 150,
            },
        ],
    },
    {
        "slug": "sulaymaniyah-womens-shelters-referral-network",
        "title": "Sulaymaniyah women's shelters referral network",
        "summary": (
            "A network of shelters, legal aid providers and health services in Sulaymaniyah agrees "
            "on common referral steps so women fleeing violence get help faster."
        ),
        "description": (
            "Women seeking protection often have to tell their story many times before they find "
            "help. Our network brings together **shelters, lawyers, health workers and social "
            "services** to agree on shared referral steps and confidentiality rules.\n\n"
            "We meet monthly, train together and keep an up-to-date service directory for "
            "frontline workers. No information about individual women is shared here."
        ),
        "language": "en",
        "country": "IQ",
        "city": "Sulaymaniyah",
        "latitude": 35.56,
        "longitude": 45.44,
        "themes": ["womens-rights", "health", "justice-rule-of-law"],
        "status": "active",
        "join_policy": "approval",
        "visibility": "public",
        "needs": [
            {
                "skill": "gbv-survivor-care",
                "quantity": 1,
                "remote": True,
                "language": "en",
                "description": "Review our referral pathway against international guidelines.",
                "until_days": 30,
            },
            {
                "skill": "arabic-kurdish-translation",
                "quantity": 1,
                "remote": True,
                "language": "ku",
                "description": "Translate the service directory into Sorani Kurdish and Arabic.",
                "until_days": 40,
            },
        ],
        "updates": [],
        "events": [],
    },
    {
        "slug": "baghdad-open-municipal-contracts",
        "title": "Baghdad open municipal contracts data",
        "summary": (
            "Volunteers collect published municipal contracts in Baghdad, structure them into an "
            "open database and help local journalists report on public spending."
        ),
        "description": (
            "Municipal contracts for roads, waste and water are published irregularly and in "
            "formats that are hard to search. Our volunteers **collect, clean and structure** "
            "published contract notices into an open, searchable database.\n\n"
            "We train local journalists and residents' committees to use the data, and publish "
            "short explainers on how public procurement should work."
        ),
        "language": "en",
        "country": "IQ",
        "city": "Baghdad",
        "latitude": 33.31,
        "longitude": 44.36,
        "themes": ["governance-anti-corruption", "media-freedom"],
        "status": "active",
        "join_policy": "open",
        "visibility": "public",
        "needs": [
            {
                "skill": "database-design-management",
                "quantity": 1,
                "remote": True,
                "language": "en",
                "description": "Design a schema for contracts, suppliers and amendments.",
                "until_days": 30,
            },
            {
                "skill": "web-development",
                "quantity": 1,
                "remote": True,
                "language": "en",
                "description": "Build a simple search interface in Arabic and English.",
                "until_days": 60,
            },
            {
                "skill": "data-journalism",
                "quantity": 1,
                "remote": True,
                "language": "ar",
                "description": "Mentor journalists on their first stories using the data.",
                "until_days": None,
            },
        ],
        "updates": [],
        "events": [
            {
                "title": "Online data clinic for journalists",
                "description": (
                    "Bring your questions about contract data; we will explore them together."
                ),
                "in_days": 16,
                "hour": 18,
                "duration_hours": 2,
                "time_zone": "Asia/Baghdad",
                "online": True,
                "capacity": 40,
            },
        ],
    },
    {
        "slug": "taiz-clean-water-initiative",
        "title": "مبادرة المياه النظيفة في تعز",
        "summary": (
            "يوزع متطوعون في تعز أدوات تعقيم المياه ويدربون الأسر على طرق تخزينها الآمنة للحد من "
            "الأمراض المنقولة بالمياه."
        ),
        "description": (
            "تعاني أحياء كثيرة في تعز من شح المياه النظيفة وانتشار الأمراض المنقولة بالمياه. يدرب "
            "متطوعونا الأسر على **طرق التعقيم والتخزين الآمن**، ويتابعون مع المراكز الصحية أعداد "
            "الحالات في كل حي.\n\n"
            "كما نعمل مع لجان الأحياء على صيانة خزانات المياه العامة."
        ),
        "language": "ar",
        "country": "YE",
        "city": "تعز",
        "latitude": 13.58,
        "longitude": 44.02,
        "themes": ["health", "environment-climate"],
        "status": "active",
        "join_policy": "open",
        "visibility": "public",
        "needs": [
            {
                "skill": "public-health-epidemiology",
                "quantity": 1,
                "remote": True,
                "language": "ar",
                "description": "تحليل بيانات الحالات لتحديد الأحياء الأكثر احتياجًا.",
                "until_days": 30,
            },
            {
                "skill": "graphic-design",
                "quantity": 1,
                "remote": True,
                "language": "ar",
                "description": "تصميم ملصقات توعوية مصورة لمن لا يجيدون القراءة.",
                "until_days": 25,
            },
        ],
        "updates": [],
        "events": [],
    },
    {
        "slug": "aden-women-mediators-network",
        "title": "Aden women mediators network",
        "summary": (
            "Women from Aden's neighbourhoods are trained to mediate local disputes over water, "
            "land and services, and to bring women's voices into local decisions."
        ),
        "description": (
            "Women in Aden already play a quiet role in resolving disputes between families and "
            "neighbours. Our network gives them **formal mediation training**, peer support and a "
            "way to bring local concerns to district councils.\n\n"
            "Members meet monthly to discuss cases (anonymously), practise techniques and plan "
            "joint advocacy on services such as water and electricity."
        ),
        "language": "en",
        "country": "YE",
        "city": "Aden",
        "latitude": 12.79,
        "longitude": 45.03,
        "themes": ["womens-rights", "civic-space"],
        "status": "active",
        "join_policy": "approval",
        "visibility": "public",
        "needs": [
            {
                "skill": "dialogue-mediation",
                "quantity": 1,
                "remote": True,
                "language": "ar",
                "description": "Experienced mediator to run a refresher course online.",
                "until_days": 45,
            },
            {
                "skill": "training-of-trainers",
                "quantity": 1,
                "remote": True,
                "language": "en",
                "description": "Help senior members become trainers for new groups.",
                "until_days": 90,
            },
        ],
        "updates": [],
        "events": [],
    },
    {
        "slug": "kuwait-beaches-marine-life-monitoring",
        "title": "فريق رصد الشواطئ والحياة البحرية في الكويت",
        "summary": (
            "ينظم متطوعون من الكويت حملات تنظيف للشواطئ ويرصدون الحياة البحرية والنفايات "
            "البلاستيكية على الساحل."
        ),
        "description": (
            "يجمع فريقنا غواصين وطلابًا وعائلات ينظمون **حملات تنظيف شهرية** للشواطئ، ويسجلون "
            "أنواع النفايات وكمياتها وفق بروتوكول موحد.\n\n"
            "نشارك البيانات مع الباحثين والجهات البيئية، وننظم محاضرات للمدارس عن حماية الحياة "
            "البحرية في الخليج."
        ),
        "language": "ar",
        "country": "KW",
        "city": "مدينة الكويت",
        "latitude": 29.38,
        "longitude": 47.99,
        "themes": ["environment-climate", "education"],
        "status": "active",
        "join_policy": "open",
        "visibility": "public",
        "needs": [],
        "updates": [],
        "events": [
            {
                "title": "حملة تنظيف شاطئ",
                "description": "حملة صباحية مفتوحة للعائلات. يرجى التسجيل مسبقًا.",
                "in_days": 9,
                "hour": 7,
                "duration_hours": 3,
                "time_zone": "Asia/Kuwait",
                "online": False,
                "capacity": 80,
            },
        ],
    },
    {
        "slug": "manama-youth-debate-league",
        "title": "Manama youth debate league",
        "summary": (
            "A season-long debate league gave secondary-school students in Manama a space to "
            "research, argue and listen on questions of public interest."
        ),
        "description": (
            "The debate league brought together teams from **twelve secondary schools**. Students "
            "researched topics such as plastic waste, road safety and volunteering, and learned to "
            "argue both sides respectfully.\n\n"
            "The season is over. Volunteer coaches are now writing a handbook so that teachers can "
            "run debate clubs in their own schools."
        ),
        "language": "en",
        "country": "BH",
        "city": "Manama",
        "latitude": 26.23,
        "longitude": 50.59,
        "themes": ["youth", "education"],
        "status": "completed",
        "join_policy": "open",
        "visibility": "public",
        "needs": [],
        "updates": [
            {
                "title": "Season final",
                "body": (
                    "Congratulations to all twelve teams. The debate handbook will be shared with "
                    "schools next term."
                ),
                "members_only": False,
                "days_ago": 50,
            },
        ],
        "events": [],
    },
    {
        "slug": "salalah-dhofar-languages-oral-heritage",
        "title": "توثيق التراث الشفهي للغات ظفار في صلالة",
        "summary": (
            "يسجل شباب من صلالة الأشعار والحكايات والمصطلحات التقليدية باللغتين الشحرية والمهرية "
            "حفاظًا عليها للأجيال القادمة."
        ),
        "description": (
            "اللغتان الشحرية والمهرية من اللغات العربية الجنوبية الحديثة، وتنتقلان شفهيًا بين "
            "الأجيال. تدرب مبادرتنا شبابًا من صلالة على **تسجيل الرواة** بموافقتهم، وتدوين النصوص "
            "وترجمتها إلى العربية.\n\n"
            "تُحفظ التسجيلات في أرشيف منظم، وتُعرض مختارات منها في أمسيات ثقافية."
        ),
        "language": "ar",
        "country": "OM",
        "city": "صلالة",
        "latitude": 17.02,
        "longitude": 54.09,
        "themes": ["minority-rights", "education"],
        "status": "active",
        "join_policy": "open",
        "visibility": "public",
        "needs": [
            {
                "skill": "cultural-heritage-documentation",
                "quantity": 1,
                "remote": True,
                "language": "ar",
                "description": "وضع دليل للأرشفة والبيانات الوصفية للتسجيلات.",
                "until_days": 60,
            },
        ],
        "updates": [],
        "events": [],
    },
    {
        "slug": "doha-migrant-workers-know-your-rights",
        "title": "Doha know-your-rights sessions for migrant workers",
        "summary": (
            "Volunteers run information sessions for migrant workers in Doha on contracts, wage "
            "protection, rest days and how to use official complaint channels."
        ),
        "description": (
            "Qatar's labour reforms introduced a minimum wage, wage protection and new rules on "
            "changing jobs, but many workers have not heard about them. Our volunteers run **short "
            "information sessions** in community spaces, in Hindi, Nepali, Bengali, "
            "Tagalog and English.\n\n"
            "Sessions explain workers' rights and the official complaint channels available to "
            "them. We do not handle individual cases; we refer workers to the competent services."
        ),
        "language": "en",
        "country": "QA",
        "city": "Doha",
        "latitude": 25.29,
        "longitude": 51.53,
        "themes": ["labour-rights", "migration-refugees"],
        "status": "active",
        "join_policy": "approval",
        "visibility": "public",
        "needs": [
            {
                "skill": "community-interpreting",
                "quantity": 2,
                "remote": False,
                "language": "en",
                "description": "Interpreters for Nepali or Bengali during weekend sessions.",
                "until_days": 30,
            },
            {
                "skill": "legal-translation",
                "quantity": 1,
                "remote": True,
                "language": "en",
                "description": "Translate official guidance on wage protection into plain English.",
                "until_days": 40,
            },
        ],
        "updates": [],
        "events": [],
    },
    {
        "slug": "jeddah-public-facilities-accessibility",
        "title": "مبادرة جدة للوصول الشامل إلى المرافق العامة",
        "summary": (
            "قيّم متطوعون من ذوي الإعاقة وأسرهم إتاحة الحدائق والمرافق العامة في جدة وقدموا "
            "توصياتهم إلى الجهات المعنية."
        ),
        "description": (
            "انطلقت المبادرة من تجارب أسر لديها أطفال من ذوي الإعاقة لم يتمكنوا من الاستمتاع "
            "بالحدائق والشواطئ العامة. قيّم المتطوعون **أربعين موقعًا** وفق قائمة معايير مبسطة: "
            "المداخل، والممرات، ودورات المياه، ومواقف السيارات.\n\n"
            "اكتملت المبادرة بتسليم تقرير التوصيات، ويمكن لمبادرات أخرى استخدام قائمة المعايير."
        ),
        "language": "ar",
        "country": "SA",
        "city": "جدة",
        "latitude": 21.49,
        "longitude": 39.19,
        "themes": ["disability-rights"],
        "status": "completed",
        "join_policy": "open",
        "visibility": "public",
        "needs": [],
        "updates": [
            {
                "title": "تسليم التقرير النهائي",
                "body": "سُلّم التقرير النهائي متضمنًا 25 توصية. شكرًا لجميع المتطوعين والأسر.",
                "members_only": False,
                "days_ago": 70,
            },
        ],
        "events": [],
    },
    {
        "slug": "abu-dhabi-mangrove-citizen-science",
        "title": "Abu Dhabi mangrove citizen science",
        "summary": (
            "Residents and students in Abu Dhabi join monthly surveys of mangrove health and "
            "birdlife, contributing data to long-term coastal monitoring."
        ),
        "description": (
            "Mangroves protect the coast, store carbon and shelter birds and fish. Our citizen "
            "science group trains residents and students to run **standardised monthly surveys**: "
            "canopy health, seedlings, litter and bird counts.\n\n"
            "Data is shared openly with researchers, and participants learn about coastal "
            "ecosystems and climate adaptation along the way."
        ),
        "language": "en",
        "country": "AE",
        "city": "Abu Dhabi",
        "latitude": 24.45,
        "longitude": 54.38,
        "themes": ["environment-climate", "education"],
        "status": "open",
        "join_policy": "open",
        "visibility": "public",
        "needs": [
            {
                "skill": "data-visualisation",
                "quantity": 1,
                "remote": True,
                "language": "en",
                "description": "Build a simple dashboard of survey results.",
                "until_days": 60,
            },
        ],
        "updates": [],
        "events": [
            {
                "title": "Mangrove survey walk",
                "description": (
                    "An introductory survey walk for new volunteers. Suitable for families."
                ),
                "in_days": 13,
                "hour": 7,
                "duration_hours": 3,
                "time_zone": "Asia/Dubai",
                "online": False,
                "capacity": 25,
            },
        ],
    },
]
