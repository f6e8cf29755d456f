"""Version 1 of the public API: each app contributes its own routes."""

from django.urls import include, path

from config.api_root import api_root

urlpatterns = [
    path("", api_root, name="api-root"),
    path("", include("marketplace.reference.api.urls")),
    path("", include("marketplace.directory.api.urls")),
    path("", include("producers.api.urls")),
    path("", include("orders.api.urls")),
]
