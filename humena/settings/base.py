"""Settings shared by every environment. Values that differ come from environment variables.

Without DATABASE_URL the project runs on SQLite; without REDIS_URL it uses a local-memory cache and
runs Celery tasks eagerly. Both exist only so that a newcomer's first run needs nothing but Python:
PostgreSQL and Redis are the system of record and the production path.
"""

from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _
from kombu import Exchange, Queue

from .env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = env_str("DJANGO_SECRET_KEY", "")
DEBUG = env_bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
SITE_ID = 1
SITE_NAME = "HuMENA"
# Where "quick exit" leads: a neutral page that does not look like a human-rights site.
QUICK_EXIT_URL = env_str("QUICK_EXIT_URL", "https://www.wikipedia.org/")

INSTALLED_APPS = [
    "humena.core.apps.HumenaAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sites",
    "django.contrib.postgres",
    # Third party
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_filters",
    "rules.apps.AutodiscoverRulesConfig",
    "django_countries",
    "django_htmx",
    "django_celery_beat",
    # Kernel
    "humena.core",
    "humena.accounts",
    "humena.taxonomy",
    "humena.notifications",
    "humena.audit",
    "humena.moderation",
    # Levels: IN, FROM, FOR
    "engagement",
    "diaspora",
    "advocacy",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "humena.core.security.SecurityHeadersMiddleware",
    "humena.core.middleware.NulCharactersMiddleware",
    "humena.core.db_router.ReplicaReadsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "allauth.usersessions.middleware.UserSessionsMiddleware",
    "humena.accounts.middleware.UserTimezoneMiddleware",
    "humena.accounts.middleware.StaffMfaMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "humena.core.middleware.RateLimitedMiddleware",
]

ROOT_URLCONF = "humena.urls"
WSGI_APPLICATION = "humena.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.tz",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "humena.core.context_processors.site",
                "humena.core.context_processors.notifications",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
# PostgreSQL through psycopg 3 with its connection pool when DATABASE_URL is set.
DATABASE_URL = env_str("DATABASE_URL", "")
# Behind PgBouncer in transaction mode (docs/operations.md, "Scaling"): PgBouncer pools, so no
# psycopg pool; no server-side cursors and no prepared statements, which live in a server session
# the next transaction may not get; no session settings at connect time (PgBouncer refuses the
# startup `options`): set those on the database instead.
DATABASE_PGBOUNCER = env_bool("DATABASE_PGBOUNCER", default=False)


def _postgres(url: str, *, read_only: bool = False) -> dict:
    pgbouncer = DATABASE_PGBOUNCER
    database = dj_database_url.parse(
        url, conn_max_age=60 if pgbouncer else 0, conn_health_checks=pgbouncer
    )
    options = database.setdefault("OPTIONS", {})
    # Typo-tolerant search (pg_trgm's `<%` operator) matches from this word similarity up.
    # random_page_cost 1.1: storage is SSD (PostgreSQL's default of 4 assumes spinning disks and
    # makes it prefer scanning whole tables over index lookups).
    session = (
        "-c pg_trgm.word_similarity_threshold=0.4"
        f" -c random_page_cost={env_str('DATABASE_RANDOM_PAGE_COST', '1.1')}"
    )
    if read_only:
        # A replica connection refuses to write even when the server would accept it.
        session += " -c default_transaction_read_only=on"
    if pgbouncer:
        database["DISABLE_SERVER_SIDE_CURSORS"] = True
        options["prepare_threshold"] = None
    else:
        options.setdefault("options", session)
    if env_bool("DATABASE_POOL", default=True) and not pgbouncer:
        options["pool"] = {
            "min_size": env_int("DATABASE_POOL_MIN_SIZE", 2),
            "max_size": env_int("DATABASE_POOL_MAX_SIZE", 10),
            "timeout": env_int("DATABASE_POOL_TIMEOUT", 10),
        }
    return database


if DATABASE_URL:
    DATABASES = {"default": _postgres(DATABASE_URL)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": BASE_DIR / env_str("SQLITE_PATH", "db.sqlite3"),
            "OPTIONS": {"transaction_mode": "IMMEDIATE", "timeout": 20},
        }
    }
# A read replica (PostgreSQL streaming replication): only the reads of selectors that opt in go
# there (humena.core.db_router); writes, and reads that must see them, stay on the primary.
DATABASE_REPLICA_URL = env_str("DATABASE_REPLICA_URL", "")
if DATABASE_URL and DATABASE_REPLICA_URL:
    DATABASES["replica"] = _postgres(DATABASE_REPLICA_URL, read_only=True)
DATABASE_READ_REPLICA = "replica" if "replica" in DATABASES else ""
# After a browser changes something, its next pages read the primary for this long: longer than
# the replica ever lags, so people see what they just did.
DATABASE_REPLICA_PIN_SECONDS = env_int("DATABASE_REPLICA_PIN_SECONDS", 5)
DATABASE_ROUTERS = ["humena.core.db_router.PrimaryReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache: rate limits, throttles ----------------------------------------------------------
REDIS_URL = env_str("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "humena"),
            # A Redis that stops answering must fail fast (healthz 503), not hang requests.
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Authentication -------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

ACCOUNT_ADAPTER = "humena.accounts.adapters.AccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
# Adds the terms (shown, and their acceptance recorded with its version) to allauth's form.
ACCOUNT_SIGNUP_FORM_CLASS = "humena.accounts.forms.SignupForm"
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[HuMENA] "
# Tell people by email when their password, email addresses or second factors change.
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_DEFAULT_HTTP_PROTOCOL = env_str("ACCOUNT_DEFAULT_HTTP_PROTOCOL", "https")
# Rate limits live in the cache (Redis in production); see docs/architecture.md.
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "confirm_email": "1/3m/key",
}

MFA_ADAPTER = "humena.accounts.adapters.MFAAdapter"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_PASSKEY_LOGIN_ENABLED = True
MFA_TRUST_ENABLED = True
MFA_TOTP_ISSUER = "HuMENA"
# One 30-second step either side: phones' clocks drift (RFC 6238 section 5.2 recommends it).
MFA_TOTP_TOLERANCE = 1
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = env_bool("MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN", default=False)
# Fernet keys (comma separated, newest first) that encrypt TOTP secrets and recovery-code seeds.
MFA_ENCRYPTION_KEYS = env_list("MFA_ENCRYPTION_KEYS")

# Sessions are recorded at sign-in only: tracking activity would write to the database on every
# request (and keep a fresher trail of each person's addresses than we need).
USERSESSIONS_TRACK_ACTIVITY = False
USERSESSIONS_ADAPTER = "humena.accounts.adapters.UserSessionsAdapter"
# The admin needs a second factor passed in this session within this many seconds; a browser
# trusted for "remember me" is not enough for it.
ADMIN_MFA_MAX_AGE = env_int("ADMIN_MFA_MAX_AGE", 12 * 60 * 60)
# Behind N reverse proxies, the client address is the Nth from the right in X-Forwarded-For: rate
# limits must count people, not the proxy.
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("ALLAUTH_TRUSTED_PROXY_COUNT", 0)

# --- Internationalisation -------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("ar", _("Arabic")),
    ("en", _("English")),
    ("fr", _("French")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"
LANGUAGE_COOKIE_NAME = "humena_language"
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
LANGUAGE_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", default=False)
LANGUAGE_COOKIE_SAMESITE = "Lax"

# MENA countries lead the country lists everywhere.
COUNTRIES_FIRST = [
    "DZ", "BH", "EG", "IQ", "JO", "KW", "LB", "LY", "MR", "MA", "OM", "PS", "QA", "SA", "SD",
    "SY", "TN", "AE", "YE",
]  # fmt: skip
COUNTRIES_FIRST_REPEAT = True
COUNTRIES_FIRST_BREAK = "──────────"

# --- Static files ---------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("DJANGO_STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("DJANGO_MEDIA_ROOT", str(BASE_DIR / "media")))
# Never served by the web server: personal data exports, streamed by a view to their owner only.
PRIVATE_MEDIA_ROOT = Path(env_str("DJANGO_PRIVATE_MEDIA_ROOT", str(BASE_DIR / "private-media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- Email ----------------------------------------------------------------------------------
EMAIL_BACKEND = env_str("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_FILE_PATH = BASE_DIR / "var" / "mail"
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=False)
EMAIL_TIMEOUT = 20
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "HuMENA <no-reply@humena.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Security -------------------------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 60 * 60 * 24 * 14
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
# Nothing leaves with a link followed to another site. Not "no-referrer": with it, browsers send
# "Origin: null" on our own forms, which CSRF protection (rightly) refuses.
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# --- REST API -------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Token first: its WWW-Authenticate header makes unauthenticated calls answer 401.
        "humena.core.api.authentication.StaffAwareTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    # Fail closed: a view that names no permission for an action refuses it.
    "DEFAULT_PERMISSION_CLASSES": ["humena.core.permissions.RulesPermission"],
    # JSON only, so every error keeps the one error shape (no browsable HTML API).
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [
        "rest_framework.parsers.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_PAGINATION_CLASS": "humena.core.api.pagination.PageNumberPagination",
    "PAGE_SIZE": 20,
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.AnonRateThrottle",
        "rest_framework.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env_str("API_THROTTLE_ANON", "60/minute"),
        "user": env_str("API_THROTTLE_USER", "600/minute"),
    },
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "humena.core.api.errors.exception_handler",
    "DEFAULT_VERSIONING_CLASS": None,
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    # Throttles identify clients by X-Forwarded-For only as far as our own proxies set it.
    "NUM_PROXIES": env_int("ALLAUTH_TRUSTED_PROXY_COUNT", 0),
}
SPECTACULAR_SETTINGS = {
    "TITLE": "HuMENA API",
    "DESCRIPTION": (
        "Civic engagement IN, FROM and FOR the Middle East and North Africa. "
        'Errors share one shape: {"error": {"code", "message", "fields"}}.'
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    # Several models share field names ("status", "visibility", "language") with different
    # choices: give each set a stable, readable name in the schema.
    "ENUM_NAME_OVERRIDES": {
        "UiLanguageEnum": "humena.core.choices.UI_LANGUAGES",
        "WorkingLanguageEnum": "django.conf.global_settings.LANGUAGES",
        "InitiativeStatusEnum": "engagement.models.Initiative.Status",
        "GroupVisibilityEnum": "engagement.models.Initiative.Visibility",
        "MembershipStatusEnum": "engagement.models.Membership.Status",
        "NeedStatusEnum": "engagement.models.Need.Status",
        "EventStatusEnum": "engagement.models.Event.Status",
        "ItemVisibilityEnum": "engagement.models.Visibility",
        "CountryEnum": "humena.core.choices.COUNTRIES",
        "InitiativeRoleEnum": "engagement.models.Membership.Role",
        "NetworkRoleEnum": "diaspora.models.NetworkMembership.Role",
        "NetworkStatusEnum": "diaspora.models.Network.Status",
        "NetworkJoinPolicyEnum": "diaspora.models.Network.JoinPolicy",
        "CampaignStatusEnum": "advocacy.models.Campaign.Status",
        "StakeholderKindEnum": "advocacy.models.Stakeholder.Kind",
        "InteractionKindEnum": "advocacy.models.Interaction.Kind",
        "CampaignActionKindEnum": "advocacy.models.CampaignAction.Kind",
        "LetterStatusEnum": "advocacy.models.Letter.Status",
    },
}

# --- Celery ---------------------------------------------------------------------------------
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", REDIS_URL)
# Without a broker, tasks run in-process: only for a first run on a laptop and for tests.
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = env_int("CELERY_TASK_SOFT_TIME_LIMIT", 60)
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 90)
# A task not acknowledged within this window is redelivered: must exceed the hard time limit.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": env_int("CELERY_VISIBILITY_TIMEOUT", 3600)}
CELERY_TASK_DEFAULT_QUEUE = env_str("CELERY_TASK_DEFAULT_QUEUE", "celery")
# Three queues, so that workers can be added where the work is (docs/operations.md, "Scaling"):
# notifications (fan-out, deliveries, digests: a campaign to 100,000 people) and exports (personal
# data archives, minutes each) each wait only behind their own kind; everything else, including
# account emails (sign-in codes, address checks: never behind a campaign), takes the default
# queue. A worker started without -Q consumes all three.
# Each queue with an exchange and routing key of its own: Celery would otherwise bind all three to
# the default queue's, and every task would be copied into each of them.
CELERY_TASK_QUEUES = tuple(
    Queue(name, Exchange(name), routing_key=name)
    for name in (CELERY_TASK_DEFAULT_QUEUE, "notifications", "exports")
)
CELERY_TASK_ROUTES = {
    "humena.notifications.tasks.*": {"queue": "notifications"},
    "humena.accounts.tasks.data_export_build_task": {"queue": "exports"},
}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = "UTC"
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
# django-celery-beat's database scheduler copies these into its tables at start; staff can then
# pause or change them in the admin.
CELERY_BEAT_SCHEDULE = {
    "engagement-event-reminders": {
        "task": "engagement.tasks.events_remind_task",
        "schedule": 15 * 60,
    },
    "notifications-outbox-sweep": {
        "task": "humena.notifications.tasks.outbox_relay_task",
        "schedule": 60,
    },
    "notifications-digests": {
        "task": "humena.notifications.tasks.digests_task",
        "schedule": 60 * 60,
    },
    "diaspora-introductions-expire": {
        "task": "diaspora.tasks.introductions_expire_task",
        "schedule": 60 * 60,
    },
    "accounts-sessions-clear-expired": {
        "task": "humena.accounts.tasks.sessions_clear_expired_task",
        "schedule": 24 * 60 * 60,
    },
    "accounts-data-exports-expire": {
        "task": "humena.accounts.tasks.data_exports_expire_task",
        "schedule": 60 * 60,
    },
    "advocacy-start-scheduled-campaigns": {
        "task": "advocacy.tasks.campaigns_start_scheduled_task",
        "schedule": 5 * 60,
    },
    "advocacy-purge-unconfirmed-signatures": {
        "task": "advocacy.tasks.signatures_purge_unconfirmed_task",
        "schedule": 24 * 60 * 60,
    },
    "advocacy-pledge-follow-ups": {
        "task": "advocacy.tasks.pledges_follow_up_task",
        "schedule": 60 * 60,
    },
}

# --- Logging: never passwords, tokens, email addresses or IP addresses -----------------------
LOG_LEVEL = env_str("DJANGO_LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact": {"()": "humena.core.logging.RedactingFilter"}},
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["redact"],
        },
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        # Replace Django's own handlers (unfiltered console in DEBUG, mail_admins): every line
        # goes through the redacting console handler.
        "django": {"handlers": ["console"], "level": LOG_LEVEL, "propagate": False},
        "django.security.DisallowedHost": {"level": "ERROR"},
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}

HEALTHZ_TIMEOUT_SECONDS = 2
# Per account: (actions, seconds). Joining and introductions can be abused to probe or harass.
RATE_LIMITS = {
    "join": (env_int("RATE_LIMIT_JOIN_PER_HOUR", 30), 3600),
    "introduction": (env_int("RATE_LIMIT_INTRODUCTIONS_PER_DAY", 40), 86400),
    # Per client address (kept only as a keyed hash, for the period): a shared connection in a
    # café or a university signs many times, so the limit is generous.
    "petition_sign": (env_int("RATE_LIMIT_PETITION_SIGN_PER_HOUR", 30), 3600),
    # Signing without the proof of work (JavaScript off): allowed, but far less often per client.
    "petition_sign_unsolved": (env_int("RATE_LIMIT_PETITION_SIGN_UNSOLVED_PER_HOUR", 5), 3600),
    "letter": (env_int("RATE_LIMIT_LETTERS_PER_DAY", 20), 86400),
    # Reports: enough for someone documenting a harassment campaign, not for flooding the queue.
    "report": (env_int("RATE_LIMIT_REPORTS_PER_DAY", 30), 86400),
    # Networks a member proposes (each waits for a moderator): a few a day is plenty.
    "network_propose": (env_int("RATE_LIMIT_NETWORK_PROPOSALS_PER_DAY", 5), 86400),
}
# Moderation (docs/moderation.md): this many reports from different people hide a thing at once,
# pending review.
MODERATION_AUTO_HIDE_REPORTS = env_int("MODERATION_AUTO_HIDE_REPORTS", 3)
# Only reporters with a verified address and an account at least this old count towards it.
MODERATION_REPORTER_MIN_AGE_DAYS = env_int("MODERATION_REPORTER_MIN_AGE_DAYS", 7)
# The proof of work on sign-up and petition signing (humena.core.challenge): the browser tries
# half this many SHA-256 hashes on average (100,000: under a second in Chromium on the CI
# machine, tests/e2e/test_challenge_journey.py), and has this long to send its solution.
CHALLENGE_MAX_NUMBER = env_int("CHALLENGE_MAX_NUMBER", 100_000)
CHALLENGE_EXPIRY_SECONDS = env_int("CHALLENGE_EXPIRY_SECONDS", 20 * 60)
# Where emails point people (links to the site, unsubscribe): the public address of the site.
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")

# --- Maps -----------------------------------------------------------------------------------
# A tile server the organisation runs or trusts, e.g. "https://tiles.example.org/{z}/{x}/{y}.png".
# Empty: the map draws self-hosted country outlines only, so no page talks to a third party.
MAP_TILE_URL = env_str("MAP_TILE_URL", "")
MAP_TILE_ATTRIBUTION = env_str("MAP_TILE_ATTRIBUTION", "")
