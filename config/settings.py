"""One settings module, driven by the environment (see docs/configuration.md).

Production is the default: a deployment that forgets a variable gets no debug pages, secure
cookies, HTTPS redirects and HSTS. Development is explicit: DEBUG=true, which manage.py (the
developer's entry point), `make run` and the test run set. A missing or malformed value stops
the start with a clear message.
"""

import contextlib
import importlib.util
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from config.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", False)

_DEV_SECRET_KEY = "dev-insecure-only-for-local-development-never-in-production-0123456789"  # noqa: S105
SECRET_KEY = env_str("SECRET_KEY", _DEV_SECRET_KEY if DEBUG else "")
if not DEBUG and (SECRET_KEY in ("", _DEV_SECRET_KEY) or len(SECRET_KEY) < 40):
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a random value of at least 40 characters when DEBUG=false."
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_htmx",
    "axes",
    "django_tasks_db",
    "simple_history",
    # The project's apps, lowest layer first (docs/architecture.md).
    "marketplace.common",
    "marketplace.reference",
    "marketplace.search",
    "producers",
    "orders",
    "marketplace.directory",
    "marketplace.curation",
    "marketplace.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages and API answers compressed (a list page: 30 KB of HTML becomes 6 KB on a village's
    # weak signal); inside WhiteNoise, which serves static files already compressed. Django's
    # gzip pads each response at random, against BREACH, and CSRF tokens are masked per response.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Before anything reads the body (the CSRF check does), knowing who is asking.
    "config.middleware.RequestSizeLimitMiddleware",
    "config.routers.PublicReadMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # The audit trail (django-simple-history) records who made each change of a request.
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last: turns a locked-out login into the lockout page (see AXES_* below).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

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
                "django.template.context_processors.i18n",
                "marketplace.common.context_processors.site",
                "orders.context_processors.cart",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
_default_sqlite = f"sqlite:///{VAR_DIR / 'db.sqlite3'}"
try:
    DATABASES = {
        "default": dj_database_url.parse(
            env_str("DATABASE_URL", _default_sqlite),
            conn_max_age=env_int("DB_CONN_MAX_AGE", 0),
        )
    }
except ValueError as exc:
    raise ImproperlyConfigured(f"DATABASE_URL is malformed: {exc}") from None
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    if str(DATABASES["default"]["NAME"]).startswith(str(VAR_DIR)):
        VAR_DIR.mkdir(parents=True, exist_ok=True)
    # WAL lets readers and the writer work at once; a busy timeout avoids "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
# A read replica (PostgreSQL streaming replication, a managed service's read endpoint): the
# public pages of visitors read from it (config/routers.py). "mirror" uses the primary's own
# settings (development and tests).
_replica_url = env_str("DATABASE_REPLICA_URL")
if _replica_url:
    try:
        DATABASES["replica"] = (
            {**DATABASES["default"]} if _replica_url == "mirror"
            else dj_database_url.parse(_replica_url,
                                       conn_max_age=env_int("DB_CONN_MAX_AGE", 0)))
    except ValueError as exc:
        raise ImproperlyConfigured(f"DATABASE_REPLICA_URL is malformed: {exc}") from None
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["config.routers.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ----------------------------------------------------------------------------------
REDIS_URL = env_str("REDIS_URL")
# `versions` holds the catalogue's cache version (marketplace/common/cache.py): it must be
# shared by every process, so without Redis it lives in files, which all of gunicorn's workers
# on the machine read.
if REDIS_URL:
    _redis = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    CACHES = {"default": _redis, "versions": _redis}
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "versions": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                     "LOCATION": str(VAR_DIR / "cache-versions")},
    }
# Public pages kept for anonymous visitors (marketplace/directory/page_cache.py), at most this
# long: every catalogue write drops them at once anyway; 0 turns the page cache off.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300)

# --- Auth -----------------------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# django-axes guards every password check that goes through authenticate() (the site's login,
# the API's token, the admin's login): 5 wrong passwords for one address from one network
# lock that pair out for 15 minutes. Locking an address from everywhere would let anyone lock
# a producer out; the per-network limits of marketplace.common.ratelimit slow the rest.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "config.middleware.lockout_response"
AXES_CLIENT_IP_CALLABLE = "marketplace.common.ratelimit.client_ip"
AXES_VERBOSE = False
RATELIMIT_IP_META_KEY = "marketplace.common.ratelimit.client_ip"
LOGIN_URL = "producers:login"
LOGIN_REDIRECT_URL = "/espace-producteur/"
LOGOUT_REDIRECT_URL = "/"

# --- Internationalisation -------------------------------------------------------------------
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("Français")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True
LANGUAGE_COOKIE_NAME = "langue"

# --- Static and media files -----------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
# WhiteNoise warns at every start when the directory is missing (before collectstatic).
with contextlib.suppress(OSError):
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
WHITENOISE_USE_FINDERS = DEBUG
# Leaflet ships inside the django-leaflet package; its admin needs GDAL, so the app is not
# installed and only its static files are served (under /static/leaflet/).
_leaflet_spec = importlib.util.find_spec("leaflet")
if _leaflet_spec is None or _leaflet_spec.origin is None:
    raise ImproperlyConfigured("The django-leaflet package (which ships Leaflet) is missing.")
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("leaflet", Path(_leaflet_spec.origin).parent / "static" / "leaflet"),
]
MEDIA_URL = env_str("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))

STORAGE_BACKEND = env_str("STORAGE_BACKEND", "filesystem")
if STORAGE_BACKEND == "s3":
    _default_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env_str("S3_BUCKET", "marketplace-media"),
            "endpoint_url": env_str("S3_ENDPOINT_URL") or None,
            "access_key": env_str("S3_ACCESS_KEY"),
            "secret_key": env_str("S3_SECRET_KEY"),
            "region_name": env_str("S3_REGION", "eu-west-3"),
            "addressing_style": env_str("S3_ADDRESSING_STYLE", "path"),
            "custom_domain": env_str("S3_CUSTOM_DOMAIN") or None,
            "file_overwrite": False,
            "querystring_auth": env_bool("S3_QUERYSTRING_AUTH", False),
        },
    }
elif STORAGE_BACKEND == "filesystem":
    _default_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
else:
    raise ImproperlyConfigured("STORAGE_BACKEND must be 'filesystem' or 's3'.")
STORAGES = {
    "default": _default_storage,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Request sizes, refused before anything reads the body (413, config/middleware.py), so a huge
# anonymous POST is never written to disk; the proxy in front should refuse it first
# (docs/security.md). Only signed-in people upload (photos: 10 MB each, 5 at once; catalogue
# files); a visitor's forms weigh a few kilobytes.
REQUEST_MAX_BYTES = env_int("REQUEST_MAX_BYTES", 60 * 1024 * 1024)
REQUEST_MAX_BYTES_ANONYMOUS = env_int("REQUEST_MAX_BYTES_ANONYMOUS", 256 * 1024)
# The longest directory address (every filter given) is a few hundred characters.
QUERY_STRING_MAX_LENGTH = 2048
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024  # the non-file part of a request
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
DATA_UPLOAD_MAX_NUMBER_FILES = 10
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- E-mail ---------------------------------------------------------------------------------
# Django 6.1's MAILERS (EMAIL_BACKEND and EMAIL_HOST* are deprecated).
_email_host = env_str("EMAIL_HOST")
if _email_host:
    _mailer = {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": _email_host,
            "port": env_int("EMAIL_PORT", 587),
            "username": env_str("EMAIL_HOST_USER"),
            "password": env_str("EMAIL_HOST_PASSWORD"),
            "use_tls": env_bool("EMAIL_USE_TLS", True),
        },
    }
elif env_str("EMAIL_FILE_PATH"):
    # Development and browser tests: each message written to a file in this folder.
    _mailer = {"BACKEND": "django.core.mail.backends.filebased.EmailBackend",
               "OPTIONS": {"file_path": env_str("EMAIL_FILE_PATH")}}
else:
    _mailer = {"BACKEND": "django.core.mail.backends.console.EmailBackend"}
MAILERS = {"default": _mailer}
DEFAULT_FROM_EMAIL = env_str(
    "DEFAULT_FROM_EMAIL", "« Oh my Lot ! » achat local <bonjour@ohmylot.test>"
)

# --- Background tasks (django.tasks) -------------------------------------------------------
# The order e-mails are tasks enqueued on commit; the immediate backend runs them at once.
# Production: the database backend and its worker (`make worker`); development and tests run
# each task at once. TASKS_BACKEND=database|immediate overrides.
_TASK_BACKENDS = {"database": "django_tasks_db.DatabaseBackend",
                  "immediate": "django.tasks.backends.immediate.ImmediateBackend"}
_tasks_backend = env_str("TASKS_BACKEND", "immediate" if DEBUG else "database")
if _tasks_backend not in _TASK_BACKENDS:
    raise ImproperlyConfigured("TASKS_BACKEND must be 'database' or 'immediate'.")
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[_tasks_backend]}}

# A buyer's name and contact details serve the pickup: erased this many days after the last
# pickup of a checkout (docs/security.md, RGPD); the orders stay, without a name.
ORDER_PERSONAL_DATA_DAYS = env_int("ORDER_PERSONAL_DATA_DAYS", 365)

# --- Stripe (used by the orders app) --------------------------------------------------------
STRIPE_SECRET_KEY = env_str("STRIPE_SECRET_KEY")
STRIPE_PUBLISHABLE_KEY = env_str("STRIPE_PUBLISHABLE_KEY")
STRIPE_WEBHOOK_SECRET = env_str("STRIPE_WEBHOOK_SECRET")
STRIPE_API_BASE = env_str("STRIPE_API_BASE")
# Without a secret key and a webhook secret, online payment is simply not offered.
if bool(STRIPE_SECRET_KEY) != bool(STRIPE_WEBHOOK_SECRET):
    raise ImproperlyConfigured("STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET go together.")
# The platform's share of each order paid online, in percent (0 by default).
try:
    PLATFORM_FEE_PERCENT = Decimal(env_str("PLATFORM_FEE_PERCENT", "0"))
except ArithmeticError:
    raise ImproperlyConfigured("PLATFORM_FEE_PERCENT must be a number (e.g. 2.5).") from None
if not Decimal(0) <= PLATFORM_FEE_PERCENT <= Decimal(30):
    raise ImproperlyConfigured("PLATFORM_FEE_PERCENT goes from 0 to 30.")
# How long a buyer has to pay on Stripe's page before the order is released (Stripe: 30 min+).
STRIPE_SESSION_MINUTES = env_int("STRIPE_SESSION_MINUTES", 30)
if not 30 <= STRIPE_SESSION_MINUTES <= 24 * 60:
    raise ImproperlyConfigured("STRIPE_SESSION_MINUTES goes from 30 to 1440.")

# --- The territory and the map --------------------------------------------------------------
TERRITORY_DEPARTEMENTS = env_list("TERRITORY_DEPARTEMENTS", ["46"])
TERRITORY_NAME = env_str("TERRITORY_NAME", "Lot")
# The name pages, the admin and e-mails carry.
SITE_NAME = env_str("SITE_NAME", "« Oh my Lot ! » achat local")
# Who publishes the site, for the legal notices (mentions légales) and the about page; a CCI
# fills them in (docs/deploy.md). The contact page's messages go to CONTACT_EMAIL.
PUBLISHER_NAME = env_str("PUBLISHER_NAME", "Chambre de commerce et d'industrie du Lot")
PUBLISHER_ADDRESS = env_str("PUBLISHER_ADDRESS", "à compléter (adresse de l'éditeur)")
PUBLISHER_SIRET = env_str("PUBLISHER_SIRET", "à compléter (SIRET de l'éditeur)")
PUBLISHER_DIRECTOR = env_str("PUBLISHER_DIRECTOR", "à compléter (directeur de la publication)")
PUBLISHER_PHONE = env_str("PUBLISHER_PHONE", "")
HOST_NAME = env_str("HOST_NAME", "à compléter (hébergeur)")
HOST_ADDRESS = env_str("HOST_ADDRESS", "")
CONTACT_EMAIL = env_str("CONTACT_EMAIL", "contact@ohmylot.test")
MAP_TILE_URL = env_str("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_ATTRIBUTION = env_str(
    "MAP_ATTRIBUTION", "© les contributeurs d'OpenStreetMap"
)
MAP_CENTER = (44.62, 1.67)
MAP_ZOOM = 9

# --- API ------------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "marketplace.common.pagination.StandardPagination",
    "PAGE_SIZE": 20,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "producers.api.authentication.ExpiringTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    # Generous for people and integrators, a wall for scrapers and scripts (per network for
    # visitors, per account for tokens); the token endpoint checks a password: stricter.
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.AnonRateThrottle",
        "rest_framework.throttling.UserRateThrottle",
        "rest_framework.throttling.ScopedRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env_str("API_THROTTLE_ANON", "600/hour"),
        "user": env_str("API_THROTTLE_USER", "3000/hour"),
        "token": env_str("API_THROTTLE_TOKEN", "20/hour"),
    },
    "NUM_PROXIES": 1 if env_bool("BEHIND_PROXY", False) else 0,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "« Oh my Lot ! » achat local — API",
    "DESCRIPTION": "Annuaire des producteurs locaux : communes, catégories, producteurs, produits.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "marketplace.common.api_schema.add_limit_answers",
    ],
}

# API tokens expire: a token lost in a script or a laptop stops working on its own.
API_TOKEN_TTL = timedelta(days=env_int("API_TOKEN_TTL_DAYS", 30))

# --- Security (docs/security.md) ------------------------------------------------------------
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
# The load balancer checks health over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
# Preloading commits the whole domain to HTTPS in browsers for months, beyond this site: the
# CCI decides (SECURE_HSTS_PRELOAD=true); until then the deploy check's reminder is silenced.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
# X-Forwarded-Proto says "this came over HTTPS": believed only when a proxy that sets it (and
# strips any client's own) is declared, never from anyone who can reach the application.
BEHIND_PROXY = env_bool("BEHIND_PROXY", False)
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"


def _origin(url: str) -> str | None:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


# Content-Security-Policy (Django's own): no inline script or style anywhere, nothing from
# another host but the map tiles and the media storage when they live elsewhere.
_media_origins = [_origin(MEDIA_URL)]
if STORAGE_BACKEND == "s3":
    _s3_domain = env_str("S3_CUSTOM_DOMAIN")
    _media_origins.append(f"https://{_s3_domain}" if _s3_domain
                          else _origin(env_str("S3_ENDPOINT_URL")))
_elsewhere = sorted({o for o in (_origin(MAP_TILE_URL.replace("{s}", "a")), *_media_origins) if o})
SECURE_CSP: dict[str, list[str]] = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:", *_elsewhere],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
if STRIPE_SECRET_KEY:
    # Paying and connecting an account happen on Stripe's pages: the forms that start them
    # are redirected there, which form-action governs too.
    SECURE_CSP["form-action"] += (
        [o for o in [_origin(STRIPE_API_BASE)] if o] if STRIPE_API_BASE
        else ["https://checkout.stripe.com", "https://connect.stripe.com"])

# One JSON object per line in production (what log collectors parse); plain text in development.
LOG_FORMAT = env_str("LOG_FORMAT", "text" if DEBUG else "json")
if LOG_FORMAT not in ("text", "json"):
    raise ImproperlyConfigured("LOG_FORMAT must be 'text' or 'json'.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "pythonjsonlogger.json.JsonFormatter",
                 "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
                 "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"}},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # django-axes logs every failed login at INFO; lockouts (WARNING) are what matter.
    "loggers": {"axes": {"level": "WARNING"}},
}

# --- Error tracking (optional) ----------------------------------------------------------------
# With SENTRY_DSN, errors go to Sentry (or a compatible service), without personal data.
SENTRY_DSN = env_str("SENTRY_DSN")
if SENTRY_DSN:
    import sentry_sdk  # only when used: the SDK patches libraries as it starts

    sentry_sdk.init(dsn=SENTRY_DSN, send_default_pii=False,
                    environment=env_str("SENTRY_ENVIRONMENT", "production"),
                    traces_sample_rate=float(env_str("SENTRY_TRACES_SAMPLE_RATE", "0")))
