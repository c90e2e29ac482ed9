"""hitl settings: one file, read from the environment.

With nothing set, hitl runs on a laptop: an SQLite file and a Celery broker on
the filesystem under HITL_DATA_DIR. Production is reached by setting variables
(DATABASE_URL, CELERY_BROKER_URL, SECRET_KEY, DEBUG=0, ALLOWED_HOSTS, ...),
never by editing this file.
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from hitl.env import env_bool, env_int, env_list, env_secret, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(env_str("HITL_DATA_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", True)
_INSECURE_DEV_KEY = "hitl-dev-only-not-secret"  # noqa: S105 - refused below when DEBUG is off
SECRET_KEY = env_secret("SECRET_KEY", _INSECURE_DEV_KEY) or _INSECURE_DEV_KEY
if not DEBUG and SECRET_KEY == _INSECURE_DEV_KEY:
    raise ImproperlyConfigured("Set SECRET_KEY (or SECRET_KEY_FILE) when DEBUG is off.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "guardian",
    "django_htmx",
    "axes",
    "accounts",
    "audit",
    "reviews",
    "webhooks",
    "datasets",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "hitl.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "hitl.middleware.RequestIdMiddleware",
    "hitl.middleware.BodySizeLimitMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its 429 answer.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "hitl.urls"
WSGI_APPLICATION = "hitl.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- Database -----------------------------------------------------------------
# No DATABASE_URL: an SQLite file in WAL mode. Immediate transactions take the
# write lock at BEGIN, so two writers queue on the busy timeout instead of one
# failing with "database is locked" when it upgrades a read lock mid-transaction.
_database_url = env_str("DATABASE_URL", "")
DATABASES: dict[str, Any]
if _database_url:
    DATABASES = {
        "default": dj_database_url.parse(
            _database_url, conn_max_age=env_int("DB_CONN_MAX_AGE", 60), conn_health_checks=True
        )
    }
    if DATABASES["default"]["ENGINE"].endswith("postgresql") and env_bool(
        "DB_PREPARED_STATEMENTS", True
    ):
        # Server-side binding, so the request hot paths (claims, decisions) can have
        # their statements prepared (hitl/sql/rows.py `prepared`): PostgreSQL then stops
        # re-planning them, and the claim's permission query spent more time in the
        # planner than running. Not for every statement: prepared, the bulk ingest's
        # statements cost PostgreSQL ten times the CPU (bench/ingest.py). Set
        # DB_PREPARED_STATEMENTS=false behind a pooler in transaction mode (pgbouncer
        # < 1.21), which cannot keep prepared statements.
        DATABASES["default"].setdefault("OPTIONS", {}).update(
            server_side_binding=True, prepare_threshold=None
        )
else:
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": DATA_DIR / "hitl.sqlite3",
            "OPTIONS": {
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
            },
            # Tests get a file, not memory, so a Celery worker process can share it; one
            # per test run, so runs side by side never delete each other's.
            "TEST": {"NAME": DATA_DIR / f"test-{os.getpid()}.sqlite3"},
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTHENTICATION_BACKENDS = [
    # First: refuses a locked-out login before the password is even checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "guardian.backends.ObjectPermissionBackend",
]
# Guardian's anonymous user would be one more row every permission query joins on;
# hitl grants nothing to anonymous callers.
ANONYMOUS_USER_NAME = None

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(DATA_DIR / "staticfiles")))
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise warns at start-up if it is missing
WHITENOISE_USE_FINDERS = DEBUG
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# --- Dataset snapshots (datasets/): immutable files, one folder per snapshot -------
HITL_DATASETS_DIR = Path(env_str("HITL_DATASETS_DIR", str(DATA_DIR / "datasets")))

# --- Request limits -------------------------------------------------------------
# The largest request body accepted anywhere (a bulk call of 1,000 items), and the
# largest single prediction inside it (its canonical JSON).
HITL_MAX_BODY_BYTES = env_int("HITL_MAX_BODY_BYTES", 32 * 1024 * 1024, minimum=1024)
HITL_MAX_ITEM_BYTES = env_int("HITL_MAX_ITEM_BYTES", 256 * 1024, minimum=1024)
HITL_BULK_MAX_ITEMS = 1000
# How long a claimed item stays leased to its reviewer before it returns to the queue.
HITL_LEASE_SECONDS = env_int("HITL_LEASE_SECONDS", 600, minimum=30)
DATA_UPLOAD_MAX_MEMORY_SIZE = HITL_MAX_BODY_BYTES

# --- PII redaction: an optional named-entity backend (redaction/README.md) ---------
# Empty (the default): the rule engine only, no model. "spacy:<pipeline package or path>":
# that spaCy pipeline's people and facilities are masked as PERSON and ADDRESS too. Loaded
# at start-up (audit/apps.py), which stops with a message if spaCy or the pipeline is missing.
HITL_REDACTION_NER = env_str("HITL_REDACTION_NER", "").strip()
if HITL_REDACTION_NER and not (
    HITL_REDACTION_NER.startswith("spacy:") and HITL_REDACTION_NER.removeprefix("spacy:").strip()
):
    raise ImproperlyConfigured(
        "HITL_REDACTION_NER must be empty or spacy:<pipeline package or path>, "
        f"got {HITL_REDACTION_NER!r}"
    )

# --- REST API -----------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "accounts.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["hitl.api.parsers.StrictJSONParser"],
    # drf-spectacular's, plus the framework's own 400/401/403/404 on each operation.
    "DEFAULT_SCHEMA_CLASS": "hitl.api.schema.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "hitl.api.pagination.LimitOffsetPagination",  # bounded
    "PAGE_SIZE": 50,
    "EXCEPTION_HANDLER": "hitl.api.errors.exception_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "hitl API",
    "DESCRIPTION": (
        "Send predictions, get routing decisions, work review queues and read the audit "
        "trail. Authenticate with `Authorization: Token <key>`."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    # Serve Swagger UI's assets from our own static files: no CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

# --- Celery -------------------------------------------------------------------
# No CELERY_BROKER_URL: Kombu's filesystem transport under HITL_DATA_DIR, so the
# same worker and beat run with no server installed. Tasks are acknowledged after
# they finish and re-queued if the worker dies, so every task must be idempotent.
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", "filesystem://")
if CELERY_BROKER_URL.startswith("filesystem://"):
    _broker_dir = DATA_DIR / "broker"
    for _sub in ("queue", "processed", "control"):
        (_broker_dir / _sub).mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_broker_dir / "queue"),
        "data_folder_out": str(_broker_dir / "queue"),
        "processed_folder": str(_broker_dir / "processed"),
        "control_folder": str(_broker_dir / "control"),  # default is ./control in the cwd
        "store_processed": False,
    }
else:
    # A task not acknowledged within this time is given to another worker.
    CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_IGNORE_RESULT = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_DEFAULT_QUEUE = env_str("CELERY_QUEUE", "hitl")
# Evidence bundles are the heavy tasks: a storm of SLA breaches queues hundreds at once.
# Naming a queue here sends them there, for a worker of their own (compose.yaml runs one),
# so the beat sweep never waits behind them (bench/sla.py). Empty: one queue for all.
HITL_EVIDENCE_QUEUE = env_str("HITL_EVIDENCE_QUEUE", "")
CELERY_TASK_ROUTES = (
    {
        f"reviews.tasks.{name}": {"queue": HITL_EVIDENCE_QUEUE}
        for name in ("build_escalation_bundles", "build_incident_bundle", "reconcile_bundles")
    }
    if HITL_EVIDENCE_QUEUE
    else {}
)
# Autodiscovery imports only `tasks` modules; these are task modules by another name.
CELERY_IMPORTS = ("datasets.trigger_tasks",)
CELERY_BEAT_SCHEDULE_FILENAME = str(DATA_DIR / "celerybeat-schedule")
CELERY_BEAT_SCHEDULE = {
    "audit-verify-recent": {"task": "audit.tasks.verify_recent_events", "schedule": 60.0},
    # Expired leases go back to their queues; the deadline lives in the database, so a
    # missed run only delays the sweep.
    "reviews-expire-leases": {"task": "reviews.tasks.expire_leases", "schedule": 10.0},
    # Raw inputs past their queue's retention period (SPEC §6); hourly is fine-grained
    # enough for periods counted in days, and a missed run only delays the purge.
    "reviews-purge-raw-inputs": {"task": "reviews.tasks.purge_raw_inputs", "schedule": 3600.0},
    # SLA deadlines live on the items; every few seconds so a breach is escalated well
    # within SPEC §9's 60 s, and a missed run only delays it.
    "reviews-sla-sweep": {"task": "reviews.tasks.sweep_sla_breaches", "schedule": 5.0},
    "reviews-reconcile-bundles": {"task": "reviews.tasks.reconcile_bundles", "schedule": 60.0},
    # Dashboards read hourly roll-ups fed from the audit trail; a missed run only delays.
    "reviews-rollups": {"task": "reviews.tasks.advance_rollups", "schedule": 10.0},
    # Alert rules read the roll-ups; a firing is a row, so a missed run only delays it.
    "reviews-alerts": {"task": "reviews.tasks.evaluate_alerts", "schedule": 60.0},
    # Active learning: auto-approved items into Tier 1 within each queue's daily budget,
    # paced over the day; the cursor lives in the database, so a missed run only delays.
    "reviews-active-learning": {"task": "reviews.tasks.sample_for_review", "schedule": 300.0},
    # Calibration maps from the last 30 days of human decisions, once a day.
    "reviews-calibration": {"task": "reviews.tasks.refit_calibrations", "schedule": 86400.0},
    # Webhook retries and lost sends: due deliveries are rows, so a missed run only delays.
    "webhooks-redrive": {"task": "webhooks.tasks.redrive_deliveries", "schedule": 15.0},
    # Snapshot builds whose task or worker was lost: the rows say which, so a missed run
    # only delays a snapshot.
    "datasets-reconcile": {"task": "datasets.tasks.reconcile_datasets", "schedule": 60.0},
    # Retraining triggers: counts and firings are rows, so a missed run only delays a snapshot.
    "datasets-retrain-triggers": {
        "task": "datasets.trigger_tasks.run_retrain_triggers",
        "schedule": 60.0,
    },
}

# --- Email: notifications to escalation and incident owner groups ------------------
# Without EMAIL_HOST, mail is written to the worker's console (a laptop run sends none).
EMAIL_HOST = env_str("EMAIL_HOST", "")
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_secret("EMAIL_HOST_PASSWORD") or ""
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "hitl@localhost")

# --- Security (production values come from the environment) ----------------------
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# Content-Security-Policy, sent by hitl/csp.py on every response: our origin only, and no
# inline script or style anywhere (pages load static files; see hitl/csp.py). data: images
# for the SVG icons Swagger UI inlines. HITL_CSP="" turns it off (only to debug).
HITL_CSP = env_str(
    "HITL_CSP",
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'",
)

# Login throttling (django-axes): after AXES_FAILURE_LIMIT failed attempts for one username
# from one address, that pair is refused (429) for AXES_COOLOFF_MINUTES, the right password
# included. By pair, so a stranger cannot lock a colleague out from elsewhere. The address
# is REMOTE_ADDR: behind a proxy it is the proxy's, and the limit is then per username.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15, minimum=1))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# Failures only: a row per successful login would be a second, unaudited login log.
AXES_DISABLE_ACCESS_LOG = True

# --- Logging ------------------------------------------------------------------
# Never log request bodies: predictions carry personal data.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "django.db.backends": {"level": "WARNING"},
    },
}
