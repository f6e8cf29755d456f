from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView

from config.health import healthz, readyz
from marketplace.common.ratelimit import Limit, rate_limited
from marketplace.common.responses import too_many_requests

ADMIN_LOGIN = (Limit("admin-login-ip", "30/h"),)

# The admin carries the site's name, like its pages and e-mails.
admin.site.site_header = settings.SITE_NAME
admin.site.site_title = settings.SITE_NAME
admin.site.index_title = _("Administration du site")

handler404 = "config.errors.page_not_found"
handler500 = "config.errors.server_error"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    # The admin's login checks passwords (django-axes locks out, this slows down).
    path("admin/login/", rate_limited(*ADMIN_LOGIN, on_limit=too_many_requests)(
        admin.site.login), name="admin-login"),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path("api/redoc/", SpectacularRedocView.as_view(url_name="api-schema"), name="api-redoc"),
    path("api/v1/", include("config.api_urls")),
    path("espace-producteur/", include("producers.urls")),
    path("", include("orders.urls")),
    path("curation/", include("marketplace.curation.urls")),
    path("", include("marketplace.directory.urls")),
]

if settings.DEBUG and settings.STORAGE_BACKEND == "filesystem":
    # Development only: uploads served by Django (production serves them from S3 or the proxy).
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
